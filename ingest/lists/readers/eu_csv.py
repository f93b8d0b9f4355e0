"""EU Financial Sanctions Files CSV v1.0: ``;``-separated, Latin-1 in old files, one row per fact.

Each row carries one name (``Naal_*``), address (``Addr_*``), birth date (``Birt_*``), identity
document (``Iden_*``) or citizenship (``Citi_*``) of the entity ``Entity_logical_id``; rows are
grouped back into one :class:`ListEntry` per entity. ``Entity_logical_id`` repeats in every section,
so columns are looked up by their *first* occurrence. Quirks of published files that are handled:
the whole record wrapped in one pair of quotes (inner quotes doubled) with trailing tabs, a header
spelled ``Date_filexxxx``, literal ``\\n`` in remarks, ISO alpha-3 countries. Bytes are decoded as
UTF-8 when valid, else explicitly as Windows-1252 (Latin-1 with curly quotes); names the lossy
export turned into ``????`` are dropped. ``Date_file`` (dd/mm/yyyy) is the publication date.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import EntityKind, Identifier, ListAddress, ListEntry, ReadResult, RejectedRow
from ingest.lists.readers._common import parse_date
from ingest.lists.readers._text import decode_legacy, dmy_date, garbled
from ingest.lists.readers.eu_xml import ID_SCHEMES, NameCandidate, names_to_entry_parts
from ingest.normalize.countries import to_iso2

FORMAT = "eu-csv"
REQUIRED = ("Entity_logical_id", "Subject_type", "Naal_wholename")
_KINDS = {"P": EntityKind.PERSON, "E": EntityKind.COMPANY}


def sniff(path: Path, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0]
    return b"Entity_logical_id" in first and b"Naal_wholename" in first and b";" in first


def _records(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)``; a record wrapped whole in quotes is unwrapped and split again."""
    for line, row in safe.csv_rows(path, text, delimiter=";"):
        if len(row) == 1 and ";" in row[0]:
            row = next(csv.reader([row[0].rstrip("\t\r ")], delimiter=";"))
        if row:
            row[-1] = row[-1].rstrip("\t\r ")
        if any(cell.strip() for cell in row):
            yield line, row


def _first_index(path: Path, header: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        name = name.strip().lstrip("\ufeff")
        if name.startswith("Date_file"):
            name = "Date_file"
        index.setdefault(name, i)
    for name in REQUIRED:
        if name not in index:
            raise InputFileError(
                path, f"required column missing (columns found: {', '.join(index)[:300]})", line=1, field=name
            )
    return index


@dataclass
class _Entity:
    uid: str
    first_line: int
    kind: EntityKind = EntityKind.UNKNOWN
    names: list[NameCandidate] = field(default_factory=list)
    addresses: list[ListAddress] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    births: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    legal: dict[str, date | None] = field(default_factory=dict)  # numberTitle → publication date
    urls: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    eu_ref: str | None = None


def _add(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def _document(number: str, country: str | None) -> Identifier:
    """``'AD001095 (passport-National passport) ((passport))'`` → PASSPORT ``AD001095``."""
    value, _, rest = number.partition(" (")
    code = rest.split("-", 1)[0].strip("() ").lower() if rest else "other"
    return Identifier(ID_SCHEMES.get(code, code.upper() or "OTHER"), value.strip(), to_iso2(country))


def _fold(ent: _Entity, get: dict[str, str]) -> None:
    ent.kind = _KINDS.get(get["Subject_type"].upper(), ent.kind)
    _add(ent.programs, get.get("Programme"))
    if title := get.get("Leba_numtitle"):
        ent.legal.setdefault(title, parse_date(get.get("Leba_publication_date")))
    _add(ent.urls, get.get("Leba_url"))
    _add(ent.remarks, (get.get("Entity_remark") or "").replace("\\n", " ").strip() or None)
    ent.eu_ref = ent.eu_ref or get.get("EU_ref_num") or None
    parts = [get.get(n, "") for n in ("Naal_firstname", "Naal_middlename", "Naal_lastname")]
    whole = get.get("Naal_wholename") or " ".join(p for p in parts if p)
    if whole and not garbled(whole) and whole.casefold() not in {n.name.casefold() for n in ent.names}:
        ent.names.append(NameCandidate(" ".join(whole.split()), any(parts), get.get("Naal_language", "")))
    if get.get("Addr_logical_id"):
        number, street = get.get("Addr_number", ""), get.get("Addr_street", "")
        city, postal = get.get("Addr_city") or None, get.get("Addr_zipcode") or None
        other, country_code = get.get("Addr_other"), get.get("Addr_country")
        full_street = " ".join(p for p in (number, street) if p) or None
        raw = ", ".join(p for p in (full_street, other, city, postal, country_code) if p)
        if raw:
            ent.addresses.append(ListAddress(raw, full_street, city, None, postal, to_iso2(country_code)))
    if (birth := get.get("Birt_date")) and birth.upper() not in ("N/A", "NA", "-"):
        _add(ent.births, birth)
    if document := get.get("Iden_number"):
        ident = _document(document, get.get("Iden_country"))
        if ident.value and ident not in ent.identifiers:
            ent.identifiers.append(ident)
    if (citizen := to_iso2(get.get("Citi_country"))) and citizen not in ent.countries:
        ent.countries.append(citizen)


def _entry(path: Path, ent: _Entity) -> ListEntry | RejectedRow:
    if not ent.names:
        return RejectedRow(ent.first_line, "Naal_wholename", f"entity {ent.uid} has no name row")
    name, aliases = names_to_entry_parts(ent.names)
    identifiers = ([Identifier("EU_REFERENCE", ent.eu_ref)] if ent.eu_ref else []) + ent.identifiers
    dated = [d for d in ent.legal.values() if d]
    return ListEntry(
        list=ListSource.EU,
        source_id=ent.uid,
        kind=ent.kind,
        name=name,
        aliases=aliases,
        addresses=tuple(ent.addresses),
        identifiers=tuple(identifiers),
        countries=tuple(ent.countries),
        programs=tuple(ent.programs),
        legal_basis="; ".join(ent.legal) or None,
        start_date=min(dated, default=None),
        source_url=ent.urls[0] if ent.urls else None,
        remarks=" | ".join(ent.remarks) or None,
        birth_dates=tuple(ent.births),
        raw_ref=f"{path.name}:line {ent.first_line}",
    )


def read(path: Path) -> ReadResult:
    text = decode_legacy(path, safe.read_bytes(path), "cp1252")
    rows = _records(path, text)
    try:
        _, header = next(rows)
    except StopIteration:
        raise InputFileError(path, "file is empty") from None
    index = _first_index(path, header)
    result = ReadResult(format=FORMAT)
    entities: dict[str, _Entity] = {}
    for line, row in rows:
        result.rows_read += 1
        if len(row) != len(header):
            # a longer row would be read shifted: a date as the entity id, a first name as the name
            result.rejected.append(RejectedRow(line, None, f"{len(row)} fields, expected {len(header)}"))
            continue
        if row == header:
            result.rejected.append(RejectedRow(line, None, "the header row again, not a record"))
            continue
        get = {name: row[i].strip() for name, i in index.items()}
        uid = get["Entity_logical_id"]
        if not uid:
            result.rejected.append(RejectedRow(line, "Entity_logical_id", "row without entity id"))
            continue
        if result.published is None:
            result.published = dmy_date(get.get("Date_file"))
        ent = entities.setdefault(uid, _Entity(uid, line))
        _fold(ent, get)
    for ent in entities.values():
        item = _entry(path, ent)
        result.add(item)
    if not result.rows_read:
        raise InputFileError(path, "header only: no data rows", line=2)
    return result
