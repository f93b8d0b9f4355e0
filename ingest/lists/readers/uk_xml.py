"""UK Sanctions List XML (FCDO): ``<Designations>`` of ``<Designation>``, the one UK source since 2026.

``source_id`` is the ``UniqueID`` (``AFG0001``); the OFSI group id and UN reference are kept as
identifiers so entries can be traced to the retired ConList. Names: ``Name1``-``Name6`` joined in
order; ``NameType`` ``Primary Name`` is the name, ``Primary Name Variation`` a spelling variant,
``Alias`` an a.k.a. unless its ``AliasStrength`` says low quality (weak); ``NonLatinNames`` are
original-script aliases. ``RegimeName`` is the programme and legal basis; ``DateDesignated`` the
start date; ``DateGenerated`` the publication date (all dd/mm/yyyy).
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
from ingest.lists.readers._text import dmy_birth, dmy_date, name_alias, unique_aliases
from ingest.normalize.countries import to_iso2

FORMAT = "uk-xml"
ROOT = "Designations"
_OPERATORS = "ShipDetails/Ship/CurrentOwnerOperators/CurrentOwnerOperator"
_KINDS = {"individual": EntityKind.PERSON, "entity": EntityKind.COMPANY, "ship": EntityKind.VESSEL}


def sniff(path: Path, head: bytes) -> bool:
    return b"<Designations" in head and b"<Designation>" in head


def _text(elem: Element, name: str) -> str | None:
    return safe.child_text(elem, name)


def _all(elem: Element, path: str) -> list[str]:
    """Texts of descendants along ``a/b/c`` (namespace-agnostic, blanks dropped, order kept)."""
    nodes = [elem]
    for step in path.split("/"):
        nodes = [c for n in nodes for c in safe.children(n, step)]
    return list(dict.fromkeys(t for n in nodes if (t := " ".join((n.text or "").split()))))


def _names(elem: Element) -> tuple[str | None, list[Alias]]:
    primary: str | None = None
    aliases: list[Alias] = []
    for node in (n for holder in safe.children(elem, "Names") for n in safe.children(holder, "Name")):
        full = " ".join(p for i in range(1, 7) if (p := _text(node, f"Name{i}")))
        if not full:
            continue
        name_type = (_text(node, "NameType") or "").lower()
        strength = (_text(node, "AliasStrength") or "").lower()
        if name_type == "primary name" and primary is None:
            primary = full
        elif name_type == "primary name variation":
            aliases.append(name_alias(full, AliasKind.SPELLING))
        else:
            aliases.append(name_alias(full, AliasKind.WEAK if "low" in strength else AliasKind.AKA))
    for script in _all(elem, "NonLatinNames/NonLatinName/NameNonLatinScript"):
        aliases.append(Alias(script, AliasKind.ORIGINAL_SCRIPT))
    if primary is None and aliases:
        primary = aliases.pop(0).name
    return primary, aliases


def _addresses(elem: Element) -> list[ListAddress]:
    out = []
    for addr in (a for holder in safe.children(elem, "Addresses") for a in safe.children(holder, "Address")):
        street_lines = [t for i in range(1, 5) if (t := _text(addr, f"AddressLine{i}"))]
        town_lines = [t for i in (5, 6) if (t := _text(addr, f"AddressLine{i}"))]  # town, region
        postal, country = _text(addr, "AddressPostalCode"), _text(addr, "AddressCountry")
        raw = ", ".join([*street_lines, *town_lines, *(p for p in (postal, country) if p)])
        if raw:
            street = ", ".join(street_lines) or None
            city = town_lines[0] if town_lines else None
            state = town_lines[1] if len(town_lines) > 1 else None
            out.append(ListAddress(raw, street, city, state, postal, to_iso2(country)))
    return out


def _identifiers(elem: Element) -> list[Identifier]:
    out: list[Identifier] = []
    for scheme, path in (
        ("PASSPORT", "IndividualDetails/Individual/PassportDetails/Passport/PassportNumber"),
        (
            "NATIONAL_ID",
            "IndividualDetails/Individual/NationalIdentifierDetails/NationalIdentifier/"
            "NationalIdentifierNumber",
        ),
        ("REGISTRATION", "EntityDetails/Entity/BusinessRegistrationNumbers/BusinessRegistrationNumber"),
        ("IMO", "ShipDetails/Ship/IMONumbers/IMONumber"),
        ("WEBSITE", "Websites/Website"),
        ("EMAIL", "EmailAddresses/EmailAddress"),
        ("PHONE", "PhoneNumbers/PhoneNumber"),
    ):
        for value in _all(elem, path):
            if scheme == "IMO":
                value = value.upper().removeprefix("IMO").strip()
            ident = Identifier(scheme, value)
            if ident not in out:
                out.append(ident)
    for scheme, tag in (("OFSI_GROUP_ID", "OFSIGroupID"), ("UN_REFERENCE", "UNReferenceNumber")):
        if ref := _text(elem, tag):
            out.append(Identifier(scheme, ref))
    return out


def _countries(elem: Element) -> tuple[str, ...]:
    found = _all(elem, "IndividualDetails/Individual/Nationalities/Nationality") + _all(
        elem, "ShipDetails/Ship/CurrentBelievedFlagOfShips/CurrentBelievedFlagOfShip"
    )
    return tuple(dict.fromkeys(iso for c in found if (iso := to_iso2(c))))


def _remarks(elem: Element) -> str | None:
    parts = [
        _text(elem, "OtherInformation"),
        _text(elem, "UKStatementofReasons"),
        "Sanctions: " + s if (s := _text(elem, "SanctionsImposed")) else None,
        *("Parent company: " + p for p in _all(elem, "EntityDetails/Entity/ParentCompanies/ParentCompany")),
        *("Subsidiary: " + p for p in _all(elem, "EntityDetails/Entity/Subsidiaries/Subsidiary")),
        *("Owner/operator: " + p for p in _all(elem, _OPERATORS)),
    ]
    return " | ".join(p for p in parts if p) or None


def entry_from(elem: Element, ref: str) -> ListEntry | RejectedRow:
    uid = _text(elem, "UniqueID")
    if not uid:
        return RejectedRow(None, "UniqueID", f"{ref}: Designation without UniqueID")
    name, aliases = _names(elem)
    if not name:
        return RejectedRow(None, "Names", f"{ref}: designation {uid} has no name")
    regime = _text(elem, "RegimeName")
    births = [b for d in _all(elem, "IndividualDetails/Individual/DOBs/DOB") if (b := dmy_birth(d))]
    return ListEntry(
        list=ListSource.UK,
        source_id=uid,
        kind=_KINDS.get((_text(elem, "IndividualEntityShip") or "").lower(), EntityKind.UNKNOWN),
        name=name,
        aliases=unique_aliases(aliases, name),
        addresses=tuple(_addresses(elem)),
        identifiers=tuple(_identifiers(elem)),
        countries=_countries(elem),
        programs=(regime,) if regime else (),
        legal_basis=regime,
        start_date=dmy_date(_text(elem, "DateDesignated")),
        remarks=_remarks(elem),
        birth_dates=tuple(dict.fromkeys(births)),
        raw_ref=ref,
    )


def read(path: Path) -> ReadResult:
    root = safe.parse_xml(path)
    if safe.local(root.tag) != ROOT:
        raise InputFileError(path, f"root element is <{safe.local(root.tag)}>, expected <{ROOT}>", field=ROOT)
    result = ReadResult(format=FORMAT, published=dmy_date(_text(root, "DateGenerated")))
    for elem in safe.children(root, "Designation"):
        result.rows_read += 1
        item = entry_from(elem, f"{path.name}:/{ROOT}/Designation[UniqueID={_text(elem, 'UniqueID')}]")
        result.add(item)
    if not result.rows_read:
        raise InputFileError(path, "no Designation records", field="Designation")
    return result
