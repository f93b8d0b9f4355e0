"""Legacy OFSI Consolidated List CSV (``ConList.csv``, retired 2026-01-28 for the FCDO list).

One row per name; rows sharing a ``Group ID`` are one designation (``source_id`` = the group id).
``Name 1``-``Name 5`` then ``Name 6`` (surname / entity name) are joined; ``Alias Type``
``Prime Alias`` is the name, ``AKA`` / ``FKA`` aliases, ``Alias Quality`` ``Low`` weak, non-Latin
names original script. Quirks handled: an optional first line ``Last Updated,dd/mm/yyyy`` (the
publication date) before the header, a header with one stray leading empty column, Windows-1252
bytes (UTF-8 when valid), numbered multi-values (``(1) Iraq (2) Syria``), ``00/00/1980`` dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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
from ingest.lists.readers._text import decode_legacy, dmy_birth, dmy_date, name_alias, unique_aliases
from ingest.normalize.countries import to_iso2

FORMAT = "uk-conlist-csv"
NAME_PARTS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5")
REQUIRED = ("Name 6", "Group ID", "Group Type", "Alias Type")
_KINDS = {"individual": EntityKind.PERSON, "entity": EntityKind.COMPANY, "ship": EntityKind.VESSEL}
_ALIAS_KINDS = {"aka": AliasKind.AKA, "fka": AliasKind.FKA, "nka": AliasKind.NKA}
_NUMBERED = re.compile(r"\(?\b\d{1,2}\)\s*|\b[a-h]\)\s*")
_PAREN = re.compile(r"\([^)]*\)")
_DOC_NUMBER = re.compile(r"\b([A-Z]{0,3}\d[A-Z0-9]{4,})\b")


def sniff(path: Path, head: bytes) -> bool:
    lines = head.split(b"\n", 2)[:2]
    return any(b"Name 6" in line and b"Group ID" in line for line in lines)


def split_numbered(value: str) -> list[str]:
    """``'(1) Central African Republic (2) Sudan'`` / ``'1) Saudi Arabia 2) Qatar'`` → parts."""
    return [p.strip(" ,;.") for p in _NUMBERED.split(value or "") if p.strip(" ,;.")]


def _country(value: str) -> str | None:
    """``'Afghanistan (since 2009)'`` → ``AF``."""
    return to_iso2(_PAREN.sub("", value).strip()) if value else None


@dataclass
class _Group:
    gid: str
    first_line: int
    kind: EntityKind = EntityKind.UNKNOWN
    primary: str | None = None
    aliases: list[Alias] = field(default_factory=list)
    addresses: list[ListAddress] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    births: list[str] = field(default_factory=list)
    regimes: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    listed: str = ""


def _add(values: list, value: object) -> None:
    if value and value not in values:
        values.append(value)


def _fold(group: _Group, get: dict[str, str]) -> None:
    group.kind = _KINDS.get(get.get("Group Type", "").lower(), group.kind)
    name = " ".join(p for n in (*NAME_PARTS, "Name 6") if (p := get.get(n)))
    alias_type = get.get("Alias Type", "").lower()
    if name:
        if alias_type.startswith("prime alias") and group.primary is None and " non-latin" not in alias_type:
            group.primary = name
        else:
            weak = get.get("Alias Quality", "").lower().startswith("low")
            kind = AliasKind.WEAK if weak else _ALIAS_KINDS.get(alias_type, AliasKind.AKA)
            group.aliases.append(name_alias(name, kind))
    lines = [get.get(f"Address {i}", "") for i in range(1, 7)]
    postal, country = get.get("Post/Zip Code", ""), get.get("Country", "")
    raw = ", ".join(p for p in [*lines, postal, country] if p)
    if raw:
        street = ", ".join(p for p in lines[:4] if p) or None
        town = [p for p in lines[4:] if p]
        iso = _country(country) or _country(next((p for p in reversed(lines) if p), ""))
        _add(group.addresses, ListAddress(raw, street, town[0] if town else None, None, postal or None, iso))
    for nat in split_numbered(get.get("Nationality", "")):
        _add(group.countries, _country(nat))
    _add(group.births, dmy_birth(get.get("DOB")))
    for part in split_numbered(get.get("Passport Details", "")):
        if match := _DOC_NUMBER.search(part):
            _add(group.identifiers, Identifier("PASSPORT", match.group(1)))
    for part in split_numbered(get.get("NI Number", "")):
        if match := _DOC_NUMBER.search(part.replace("-", "")):
            _add(group.identifiers, Identifier("NATIONAL_ID", match.group(1)))
    _add(group.regimes, get.get("Regime"))
    for label in ("Title", "Position", "Other Information"):
        if value := get.get(label):
            _add(group.remarks, value if label == "Other Information" else f"{label}: {value}")
    group.listed = group.listed or get.get("Listed On", "")


def _entry(path: Path, group: _Group) -> ListEntry | RejectedRow:
    aliases = list(group.aliases)
    primary = group.primary
    if primary is None:
        if not aliases:
            return RejectedRow(group.first_line, "Name 6", f"group {group.gid} has no name")
        primary = aliases.pop(0).name
    return ListEntry(
        list=ListSource.UK,
        source_id=group.gid,
        kind=group.kind,
        name=primary,
        aliases=unique_aliases(aliases, primary),
        addresses=tuple(group.addresses),
        identifiers=(Identifier("OFSI_GROUP_ID", group.gid), *group.identifiers),
        countries=tuple(group.countries),
        programs=tuple(group.regimes),
        legal_basis="; ".join(group.regimes) or None,
        start_date=dmy_date(group.listed),
        remarks=" | ".join(group.remarks) or None,
        birth_dates=tuple(group.births),
        raw_ref=f"{path.name}:line {group.first_line}",
    )


def read(path: Path) -> ReadResult:
    text = decode_legacy(path, safe.read_bytes(path), "cp1252")
    rows = list(safe.csv_rows(path, text))
    result = ReadResult(format=FORMAT)
    if rows and rows[0][1] and rows[0][1][0].strip().lower() == "last updated":
        result.published = dmy_date(rows[0][1][1] if len(rows[0][1]) > 1 else "")
        rows = rows[1:]
    if not rows:
        raise InputFileError(path, "no header row", line=1)
    header_line, header = rows[0]
    data = [(line, row) for line, row in rows[1:] if any(cell.strip() for cell in row)]
    if header and not header[0].strip() and data and len(data[0][1]) == len(header) - 1:
        header = header[1:]  # a stray leading empty column in the header only
    index = safe.require_columns(path, header, REQUIRED)
    groups: dict[str, _Group] = {}
    for line, row in data:
        result.rows_read += 1
        if len(row) < len(header):
            result.rejected.append(RejectedRow(line, None, f"{len(row)} fields, expected {len(header)}"))
            continue
        if [cell.strip() for cell in row[-len(header) :]] == [name.strip() for name in header]:
            result.rejected.append(RejectedRow(line, None, "the header row again, not a record"))
            continue
        get = {name: row[i].strip() for name, i in index.items() if name}
        gid = get["Group ID"]
        if not gid:
            result.rejected.append(RejectedRow(line, "Group ID", "row without Group ID"))
            continue
        _fold(groups.setdefault(gid, _Group(gid, line)), get)
    for group in groups.values():
        item = _entry(path, group)
        result.add(item)
    if not result.rows_read:
        raise InputFileError(path, "header only: no data rows", line=header_line + 1)
    return result
