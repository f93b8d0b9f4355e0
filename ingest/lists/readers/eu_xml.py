"""EU Financial Sanctions Files (FSF) XML v1.1: ``<export xmlns="http://eu.europa.ec/fpi/fsd/export">``.

One :class:`ListEntry` per ``sanctionEntity`` (``source_id`` = its ``logicalId``, the EU's stable
id; ``euReferenceNumber`` is kept as an ``EU_REFERENCE`` identifier). The EU marks no primary name:
the first ``nameAlias`` with first/last name parts wins, else the first in English (or without a
language), else the first. ``strong="false"`` names are weak aliases; names in a non-Latin script are
``ORIGINAL_SCRIPT``. Programmes (``IRQ``, ``TAQA`` …) come from ``regulation@programme``, the legal
basis from the regulations' ``numberTitle``; the start date is ``designationDate`` or else the
earliest publication date the record cites. ``generationDate`` is the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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
from ingest.lists.readers._common import parse_date
from ingest.lists.readers._text import name_alias, unique_aliases
from ingest.normalize.countries import to_iso2

FORMAT = "eu-xml"
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
ROOT = "export"
_KINDS = {"person": EntityKind.PERSON, "enterprise": EntityKind.COMPANY, "vessel": EntityKind.VESSEL}
#: EU ``identificationTypeCode`` → canonical identifier scheme (others keep the EU code, upper-cased).
ID_SCHEMES = {
    "passport": "PASSPORT",
    "id": "NATIONAL_ID",
    "regnumber": "REGISTRATION",
    "fiscalcode": "TAX",
    "tax": "TAX",
    "swiftbic": "SWIFT",
    "imo": "IMO",
    "ssn": "SSN",
    "other": "OTHER",
}


@dataclass(frozen=True)
class NameCandidate:
    name: str
    structured: bool  # published with first/last name parts
    language: str
    strong: bool = True


def pick_primary(candidates: list[NameCandidate]) -> int:
    """Index of the name to show as primary (the EU does not mark one)."""
    for test in (
        lambda c: c.structured and c.strong,
        lambda c: c.language.upper() in ("", "EN") and c.strong,
        lambda c: c.strong,
    ):
        for i, cand in enumerate(candidates):
            if test(cand):
                return i
    return 0


def names_to_entry_parts(candidates: list[NameCandidate]) -> tuple[str, tuple[Alias, ...]]:
    """Primary name and the other names as aliases (weak / original script / a.k.a.)."""
    primary = candidates[pick_primary(candidates)].name
    aliases = [name_alias(c.name, AliasKind.AKA if c.strong else AliasKind.WEAK) for c in candidates]
    return primary, unique_aliases(aliases, primary)


def iso_or_none(code: str | None, description: str | None = None) -> str | None:
    """EU writes ``00``/``UNKNOWN`` for an unknown country."""
    if code and code != "00":
        return to_iso2(code)
    if description and description.upper() != "UNKNOWN":
        return to_iso2(description)
    return None


def sniff(path: Path, head: bytes) -> bool:
    return b"<export" in head and NAMESPACE.encode() in head


def _attr(elem: Element, name: str) -> str | None:
    value = (elem.get(name) or "").strip()
    return value or None


def _names(elem: Element) -> list[NameCandidate]:
    out = []
    for alias in safe.children(elem, "nameAlias"):
        parts = [_attr(alias, n) for n in ("firstName", "middleName", "lastName")]
        whole = _attr(alias, "wholeName") or " ".join(p for p in parts if p)
        if whole:
            out.append(
                NameCandidate(
                    name=" ".join(whole.split()),
                    structured=any(parts),
                    language=_attr(alias, "nameLanguage") or "",
                    strong=(_attr(alias, "strong") or "true").lower() != "false",
                )
            )
    return out


def _addresses(elem: Element) -> list[ListAddress]:
    out = []
    for addr in safe.children(elem, "address"):
        street, po_box, city = _attr(addr, "street"), _attr(addr, "poBox"), _attr(addr, "city")
        region, place, postal = _attr(addr, "region"), _attr(addr, "place"), _attr(addr, "zipCode")
        country_name = _attr(addr, "countryDescription")
        country = iso_or_none(_attr(addr, "countryIso2Code"), country_name)
        shown_country = country_name if country_name and country_name.upper() != "UNKNOWN" else None
        raw = ", ".join(p for p in (street, po_box, place, city, region, postal, shown_country) if p)
        if raw:
            full_street = ", ".join(p for p in (street, po_box) if p) or None
            out.append(ListAddress(raw, full_street, city, region, postal, country))
    return out


def _identifiers(elem: Element) -> list[Identifier]:
    out = []
    for ident in safe.children(elem, "identification"):
        number = _attr(ident, "number") or _attr(ident, "latinNumber")
        if not number:
            continue
        code = (_attr(ident, "identificationTypeCode") or "other").lower()
        scheme = ID_SCHEMES.get(code, code.upper())
        country = iso_or_none(_attr(ident, "countryIso2Code"), _attr(ident, "countryDescription"))
        out.append(Identifier(scheme, number, country))
    return out


def _publication_dates(elem: Element) -> list[date]:
    found = []
    for node in elem.iter():
        if safe.local(node.tag) in ("regulation", "regulationSummary"):
            when = parse_date(_attr(node, "publicationDate"))
            if when:
                found.append(when)
    return found


def entry_from(elem: Element, ref: str) -> ListEntry | RejectedRow:
    uid = _attr(elem, "logicalId")
    if not uid:
        return RejectedRow(None, "logicalId", f"{ref}: sanctionEntity without logicalId")
    names = _names(elem)
    if not names:
        return RejectedRow(None, "nameAlias", f"{ref}: sanctionEntity {uid} has no nameAlias/wholeName")
    primary, aliases = names_to_entry_parts(names)
    subject = safe.children(elem, "subjectType")
    kind = _KINDS.get((_attr(subject[0], "code") or "").lower(), EntityKind.UNKNOWN) if subject else None
    regulations = safe.children(elem, "regulation")
    programs = tuple(dict.fromkeys(p for r in regulations if (p := _attr(r, "programme"))))
    legal = "; ".join(dict.fromkeys(t for r in regulations if (t := _attr(r, "numberTitle")))) or None
    urls = [u for r in regulations if (u := safe.child_text(r, "publicationUrl"))]
    identifiers = _identifiers(elem)
    if ref_number := _attr(elem, "euReferenceNumber"):
        identifiers.insert(0, Identifier("EU_REFERENCE", ref_number))
    if un_id := _attr(elem, "unitedNationId"):
        identifiers.append(Identifier("UN_REFERENCE", un_id))
    countries = [
        iso for c in safe.children(elem, "citizenship") if (iso := iso_or_none(_attr(c, "countryIso2Code")))
    ]
    births = [b for d in safe.children(elem, "birthdate") if (b := _attr(d, "birthdate") or _attr(d, "year"))]
    remarks = [r for r in (safe.child_text(elem, "remark"), _attr(elem, "designationDetails")) if r]
    start = parse_date(_attr(elem, "designationDate"))
    if start is None:
        start = min(_publication_dates(elem), default=None)
    return ListEntry(
        list=ListSource.EU,
        source_id=uid,
        kind=kind or EntityKind.UNKNOWN,
        name=primary,
        aliases=aliases,
        addresses=tuple(_addresses(elem)),
        identifiers=tuple(identifiers),
        countries=tuple(dict.fromkeys(countries)),
        programs=programs,
        legal_basis=legal,
        start_date=start,
        source_url=urls[0] if urls else None,
        remarks=" | ".join(remarks) or None,
        birth_dates=tuple(dict.fromkeys(births)),
        raw_ref=ref,
    )


def read(path: Path) -> ReadResult:
    root = safe.parse_xml(path)
    if safe.local(root.tag) != ROOT or not root.tag.startswith("{" + NAMESPACE + "}"):
        raise InputFileError(
            path, f"root element is <{root.tag}>, expected <{ROOT}> in namespace {NAMESPACE}", field=ROOT
        )
    generated = (root.get("generationDate") or "")[:10]
    result = ReadResult(format=FORMAT, published=parse_date(generated))
    for elem in safe.children(root, "sanctionEntity"):
        result.rows_read += 1
        ref = f"{path.name}:/export/sanctionEntity[logicalId={elem.get('logicalId')}]"
        item = entry_from(elem, ref)
        result.add(item)
    if not result.rows_read:
        raise InputFileError(path, "no sanctionEntity records", field="sanctionEntity")
    return result
