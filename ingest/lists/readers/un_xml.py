"""UN Security Council Consolidated List XML (``CONSOLIDATED_LIST`` with INDIVIDUALS / ENTITIES).

Alias quality ``Good``/``a.k.a.`` → AKA, ``f.k.a.`` → FKA, ``Low`` → WEAK; the name in original
script becomes an ``ORIGINAL_SCRIPT`` alias; ``dateGenerated`` is the publication date.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import (
    Alias,
    AliasKind,
    EntityKind,
    Identifier,
    ListAddress,
    ListEntry,
    ReadResult,
    RejectedRow,
)
from ingest.lists.readers._common import country_iso2, identifier, iso_countries, parse_date

FORMAT = "un-xml"
ROOT = "CONSOLIDATED_LIST"
_QUALITY = {"good": AliasKind.AKA, "a.k.a.": AliasKind.AKA, "f.k.a.": AliasKind.FKA, "low": AliasKind.WEAK}
_DOC_SCHEMES = {"passport": "PASSPORT", "national identification number": "NATIONAL_ID"}


def sniff(path: Path, head: bytes) -> bool:
    return b"<CONSOLIDATED_LIST" in head


def _text(elem: Element, name: str) -> str | None:
    return safe.child_text(elem, name)


def _values(elem: Element, name: str) -> list[str]:
    return [v for holder in safe.children(elem, name) if (v := _text(holder, "VALUE"))]


def _aliases(elem: Element, tag: str, primary: str) -> list[Alias]:
    out: list[Alias] = []
    seen = {primary.casefold()}
    for alias in safe.children(elem, tag):
        name = _text(alias, "ALIAS_NAME")
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        out.append(Alias(name, _QUALITY.get((_text(alias, "QUALITY") or "").lower(), AliasKind.AKA)))
    script = _text(elem, "NAME_ORIGINAL_SCRIPT")
    if script and script.casefold() not in seen:
        out.append(Alias(script, AliasKind.ORIGINAL_SCRIPT))
    return out


def _addresses(elem: Element, tag: str) -> list[ListAddress]:
    out = []
    for addr in safe.children(elem, tag):
        street, city = _text(addr, "STREET"), _text(addr, "CITY")
        state, postal, country = (
            _text(addr, "STATE_PROVINCE"),
            _text(addr, "ZIP_CODE"),
            _text(addr, "COUNTRY"),
        )
        raw = ", ".join(p for p in (street, city, state, postal, country) if p)
        if raw:
            out.append(ListAddress(raw, street, city, state, postal, country_iso2(country)))
    return out


def _documents(elem: Element) -> list[Identifier]:
    out = []
    for doc in safe.children(elem, "INDIVIDUAL_DOCUMENT"):
        label = (_text(doc, "TYPE_OF_DOCUMENT") or "").strip()
        number = _text(doc, "NUMBER")
        if not label or not number:
            continue
        country = _text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE")
        scheme = _DOC_SCHEMES.get(label.lower(), "PASSPORT" if "pas" in label.lower() else label)
        ident = identifier(label, number, country)
        if ident:
            out.append(Identifier(scheme, ident.value, ident.country))
    return out


def _births(elem: Element) -> list[str]:
    out = []
    for dob in safe.children(elem, "INDIVIDUAL_DATE_OF_BIRTH"):
        if value := _text(dob, "DATE") or _text(dob, "YEAR"):
            out.append(value)
        elif (start := _text(dob, "FROM_YEAR")) and (end := _text(dob, "TO_YEAR")):
            out.append(f"{start}/{end}")
    return out


def entry_from(elem: Element, ref: str) -> ListEntry | RejectedRow:
    person = safe.local(elem.tag) == "INDIVIDUAL"
    prefix = "INDIVIDUAL" if person else "ENTITY"
    uid = _text(elem, "DATAID")
    name = " ".join(
        p for n in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") if (p := _text(elem, n))
    )
    if not uid:
        return RejectedRow(None, "DATAID", f"{ref}: record without DATAID")
    if not name:
        return RejectedRow(None, "FIRST_NAME", f"{ref}: record {uid} has no name")
    comments = _text(elem, "COMMENTS1")
    designation = "; ".join(_values(elem, "DESIGNATION")) or None
    return ListEntry(
        list=ListSource.UN,
        source_id=_text(elem, "REFERENCE_NUMBER") or uid,
        kind=EntityKind.PERSON if person else EntityKind.COMPANY,
        name=name,
        aliases=tuple(_aliases(elem, f"{prefix}_ALIAS", name)),
        addresses=tuple(_addresses(elem, f"{prefix}_ADDRESS")),
        identifiers=tuple(_documents(elem)),
        countries=iso_countries(_values(elem, "NATIONALITY")),
        programs=tuple(p for p in (_text(elem, "UN_LIST_TYPE"),) if p),
        start_date=parse_date(_text(elem, "LISTED_ON")),
        remarks=" | ".join(p for p in (designation, comments) if p) or None,
        birth_dates=tuple(_births(elem)),
        raw_ref=ref,
    )


def read(path: Path) -> ReadResult:
    root = safe.parse_xml(path)
    if safe.local(root.tag) != ROOT:
        raise InputFileError(path, f"root element is <{safe.local(root.tag)}>, expected <{ROOT}>", field=ROOT)
    result = ReadResult(format=FORMAT, published=parse_date((root.get("dateGenerated") or "")[:10]))
    for group, tag in (("INDIVIDUALS", "INDIVIDUAL"), ("ENTITIES", "ENTITY")):
        for holder in safe.children(root, group):
            for elem in safe.children(holder, tag):
                result.rows_read += 1
                ref = f"{path.name}:/{ROOT}/{group}/{tag}[DATAID={_text(elem, 'DATAID')}]"
                item = entry_from(elem, ref)
                result.add(item)
    if not result.rows_read:
        raise InputFileError(path, "no INDIVIDUAL or ENTITY records", field="INDIVIDUALS")
    return result
