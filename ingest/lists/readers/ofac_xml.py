"""OFAC legacy XML (``sdnList`` schema: SDN.XML and the consolidated non-SDN XML)."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import Alias, AliasKind, Identifier, ListAddress, ListEntry, ReadResult, RejectedRow
from ingest.lists.readers._common import country_iso2, identifier, iso_countries, kind_from_type, parse_date
from ingest.lists.readers._remarks import parse_remarks

FORMAT = "ofac-xml"
_ALIAS_KIND = {"a.k.a.": AliasKind.AKA, "f.k.a.": AliasKind.FKA, "n.k.a.": AliasKind.NKA}


def sniff(path: Path, head: bytes) -> bool:
    return b"<sdnList" in head and b"sdnEntry" in head


def _name(elem: Element) -> str:
    first, last = safe.child_text(elem, "firstName"), safe.child_text(elem, "lastName")
    return ", ".join(p for p in (last, first) if p)


def _items(elem: Element, list_name: str, item: str) -> list[Element]:
    out: list[Element] = []
    for lst in safe.children(elem, list_name):
        out.extend(safe.children(lst, item))
    return out


def _address(elem: Element) -> ListAddress | None:
    street = ", ".join(t for n in ("address1", "address2", "address3") if (t := safe.child_text(elem, n)))
    city = safe.child_text(elem, "city")
    state = safe.child_text(elem, "stateOrProvince")
    postal = safe.child_text(elem, "postalCode")
    country = safe.child_text(elem, "country")
    raw = ", ".join(p for p in (street, city, state, postal, country) if p)
    if not raw:
        return None
    return ListAddress(
        raw=raw,
        street=street or None,
        city=city,
        state=state,
        postal_code=postal,
        country=country_iso2(country),
    )


def entry_from(elem: Element, list_source: ListSource, ref: str) -> ListEntry | RejectedRow:
    uid = safe.child_text(elem, "uid")
    name = _name(elem)
    if not uid:
        return RejectedRow(None, "uid", f"{ref}: sdnEntry without uid")
    if not name:
        return RejectedRow(None, "lastName", f"{ref}: sdnEntry {uid} has no name")
    aliases = []
    for aka in _items(elem, "akaList", "aka"):
        alias_name = _name(aka)
        if not alias_name:
            continue
        kind = _ALIAS_KIND.get((safe.child_text(aka, "type") or "").lower(), AliasKind.AKA)
        if (safe.child_text(aka, "category") or "").lower() == "weak":
            kind = AliasKind.WEAK
        aliases.append(Alias(alias_name, kind))
    idents = []
    for item in _items(elem, "idList", "id"):
        ident = identifier(
            safe.child_text(item, "idType") or "",
            safe.child_text(item, "idNumber") or "",
            safe.child_text(item, "idCountry"),
        )
        if ident:
            idents.append(ident)
    vessel = next(iter(safe.children(elem, "vesselInfo")), None)
    countries = [safe.child_text(c, "country") or "" for c in _items(elem, "nationalityList", "nationality")]
    countries += [safe.child_text(c, "country") or "" for c in _items(elem, "citizenshipList", "citizenship")]
    if vessel is not None and (flag := safe.child_text(vessel, "vesselFlag")):
        countries.append(flag)
    if call_sign := safe.child_text(vessel if vessel is not None else elem, "callSign"):
        idents.append(Identifier("CALL_SIGN", call_sign))
    remarks = safe.child_text(elem, "remarks")
    mined = parse_remarks(remarks)
    births = [
        d
        for item in _items(elem, "dateOfBirthList", "dateOfBirthItem")
        if (d := safe.child_text(item, "dateOfBirth"))
    ]
    addresses = [a for item in _items(elem, "addressList", "address") if (a := _address(item))]
    return ListEntry(
        list=list_source,
        source_id=uid,
        kind=kind_from_type(safe.child_text(elem, "sdnType")),
        name=name,
        aliases=tuple(dict.fromkeys([*aliases, *mined.aliases])),
        addresses=tuple(addresses),
        identifiers=tuple(dict.fromkeys([*idents, *mined.identifiers])),
        countries=iso_countries([*countries, *mined.countries]),
        programs=tuple(
            p for item in _items(elem, "programList", "program") if (p := (item.text or "").strip())
        ),
        remarks=" | ".join(p for p in (safe.child_text(elem, "title"), remarks) if p) or None,
        birth_dates=tuple(births),
        raw_ref=ref,
    )


def read(path: Path) -> ReadResult:
    root = safe.parse_xml(path)
    if safe.local(root.tag) != "sdnList":
        raise InputFileError(
            path, f"root element is <{safe.local(root.tag)}>, expected <sdnList>", field="sdnList"
        )
    list_source = ListSource.US_SDN if "cons" not in path.name.lower() else ListSource.US_NONSDN
    result = ReadResult(format=FORMAT)
    for info in safe.children(root, "publshInformation"):
        result.published = parse_date(safe.child_text(info, "Publish_Date"))
    for elem in safe.children(root, "sdnEntry"):
        result.rows_read += 1
        ref = f"{path.name}:/sdnList/sdnEntry[uid={safe.child_text(elem, 'uid')}]"
        item = entry_from(elem, list_source, ref)
        result.add(item)
    if not result.rows_read:
        raise InputFileError(path, "sdnList holds no sdnEntry", field="sdnEntry")
    return result
