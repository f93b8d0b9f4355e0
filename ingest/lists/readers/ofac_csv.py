"""OFAC legacy CSV set: ``sdn.csv`` + ``add.csv`` + ``alt.csv`` + ``sdn_comments.csv`` (and ``cons_*``).

No header, ``-0-`` means null, the last line is a Ctrl-Z. Files join on ``ent_num``; only the
primary file is required (``sdn.csv`` alone loads). The path may be the primary file or the
directory holding the set. Remarks are mined for aliases, ``Linked To:`` relations, IMO numbers,
nationality, dates of birth and identity documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
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
    ListRelation,
    ReadResult,
    RejectedRow,
)
from ingest.lists.readers._common import country_iso2, kind_from_type, split_multi
from ingest.lists.readers._remarks import parse_remarks

FORMAT = "ofac-csv"
#: primary file → (list, address file, alias file, comments file)
SETS: dict[str, tuple[ListSource, str, str, str]] = {
    "sdn.csv": (ListSource.US_SDN, "add.csv", "alt.csv", "sdn_comments.csv"),
    "cons_prim.csv": (ListSource.US_NONSDN, "cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
}
PRIMARY_COLUMNS = (
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
)
_PRIMARY_LINE = re.compile(rb'^\d+,"[^"\r\n]*",(-0- ?|"[^"\r\n]*"),')
_ALT_KIND = {"aka": AliasKind.AKA, "fka": AliasKind.FKA, "nka": AliasKind.NKA}


def _primary_in(directory: Path) -> Path | None:
    for name in SETS:
        for candidate in (directory / name, directory / name.upper()):
            if candidate.is_file():
                return candidate
    return None


def sniff(path: Path, head: bytes) -> bool:
    if path.is_dir():
        return _primary_in(path) is not None
    if path.name.lower() in SETS:
        return True
    return bool(_PRIMARY_LINE.match(head)) and head.split(b"\n", 1)[0].count(b",") >= 11


def _null(value: str) -> str | None:
    value = value.strip()
    return None if value in ("-0-", "") else value


def _rows(path: Path, width: int) -> list[tuple[int, list[str | None]]]:
    """Rows of one legacy file with ``-0-`` as None; the Ctrl-Z line and blank lines skipped."""
    data = safe.read_bytes(path)
    try:
        text = safe.decode(path, data, "utf-8")  # a byte-order mark is dropped, not read as a name
    except InputFileError:
        text = safe.decode(path, data, "cp1252")  # OFAC's legacy files are Windows-1252
    out = []
    for line, fields in safe.csv_rows(path, text):
        if not fields or (len(fields) == 1 and fields[0].strip() in ("", "\x1a")):
            continue
        if len(fields) != width:
            raise InputFileError(path, f"expected {width} fields, found {len(fields)}", line=line)
        out.append((line, [_null(f) for f in fields]))
    if not out:
        raise InputFileError(path, "file holds no records")
    return out


def _sibling(primary: Path, name: str) -> Path | None:
    for candidate in (primary.parent / name, primary.parent / name.upper()):
        if candidate.is_file() and candidate.stat().st_size:
            return candidate
    return None


def read(path: Path) -> ReadResult:
    primary = _primary_in(path) if path.is_dir() else path
    if primary is None:
        raise InputFileError(path, "directory holds no sdn.csv or cons_prim.csv")
    list_source, add_name, alt_name, comments_name = SETS.get(
        primary.name.lower(), (ListSource.US_SDN, "add.csv", "alt.csv", "sdn_comments.csv")
    )
    addresses: dict[str, list[ListAddress]] = defaultdict(list)
    alts: dict[str, list[Alias]] = defaultdict(list)
    comments: dict[str, list[str]] = defaultdict(list)
    if add_path := _sibling(primary, add_name):
        for _, (ent, _num, street, city, country, _rem) in _rows(add_path, 6):
            if ent and (street or city or country):
                raw = ", ".join(p for p in (street, city, country) if p)
                addresses[ent].append(
                    ListAddress(raw=raw, street=street, city=city, country=country_iso2(country))
                )
    if alt_path := _sibling(primary, alt_name):
        for _, (ent, _num, kind, name, _rem) in _rows(alt_path, 5):
            if ent and name:
                alts[ent].append(Alias(name=name, kind=_ALT_KIND.get((kind or "").lower(), AliasKind.AKA)))
    if comments_path := _sibling(primary, comments_name):
        for _, fields in _rows(comments_path, 2):
            if fields[0] and fields[1]:
                comments[fields[0]].append(fields[1])

    result = ReadResult(format=FORMAT)
    rows = _rows(primary, len(PRIMARY_COLUMNS))
    name_to_id = {(f[1] or "").upper(): f[0] for _, f in rows if f[0]}
    seen: set[str] = set()
    for line, f in rows:
        result.rows_read += 1
        rec = dict(zip(PRIMARY_COLUMNS, f, strict=True))
        ent, name = rec["ent_num"], rec["SDN_Name"]
        if not ent or not ent.isdigit():
            result.rejected.append(RejectedRow(line, "ent_num", f"not an entry number: {ent!r}"))
            continue
        if not name:
            result.rejected.append(RejectedRow(line, "SDN_Name", "entry has no name"))
            continue
        if ent in seen:
            result.rejected.append(RejectedRow(line, "ent_num", f"duplicate entry number {ent}"))
            continue
        seen.add(ent)
        remarks_text = " ".join(p for p in (rec["Remarks"], *comments.get(ent, [])) if p) or None
        mined = parse_remarks(remarks_text)
        kind = kind_from_type(rec["SDN_Type"])
        countries = list(mined.countries)
        if rec["Vess_flag"] and (flag := country_iso2(rec["Vess_flag"])) and flag not in countries:
            countries.append(flag)
        idents = list(mined.identifiers)
        if rec["Call_Sign"]:
            idents.append(Identifier("CALL_SIGN", rec["Call_Sign"]))
        result.entries.append(
            ListEntry(
                list=list_source,
                source_id=ent,
                kind=kind if kind is not EntityKind.UNKNOWN else EntityKind.COMPANY,
                name=name,
                aliases=_merge_aliases(alts.get(ent, []), mined.aliases, name),
                addresses=tuple(addresses.get(ent, ())),
                identifiers=tuple(dict.fromkeys(idents)),
                countries=tuple(countries),
                programs=tuple(p.strip("[] ") for p in split_multi(rec["Program"], "]")),
                remarks=" | ".join(p for p in (rec["Title"], remarks_text) if p) or None,
                birth_dates=tuple(mined.birth_dates),
                raw_ref=f"{primary.name}:line {line}",
            )
        )
        for target in mined.linked_to:
            target_id = name_to_id.get(target.upper())
            if target_id and target_id != ent:
                result.relations.append(ListRelation(list_source, ent, target_id, "linked_to"))
    return result


def _merge_aliases(published: list[Alias], mined: list[Alias], primary: str) -> tuple[Alias, ...]:
    seen = {primary.casefold()}
    out = []
    for alias in (*published, *mined):
        key = alias.name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out)
