"""The documented simple CSV for in-house and other lists (spec: ``docs/lists-simple-csv.md``).

Columns ``name,aliases,type,country,address,list,program,start_date,source_url`` plus optional
``id``, ``remarks``, ``end_date``, ``legal_basis``; only ``name`` is required. Multi-values are
``;``-separated. UTF-8 (a BOM is fine). The same code reads other publishers' one-row-per-entry
CSVs through a :class:`Layout` that maps their headers onto these columns (see
:mod:`ingest.lists.readers.ndaa_csv` and :mod:`ingest.lists.readers.bis_mieu`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import EntityKind, ListAddress, ListEntry, ReadResult, RejectedRow
from ingest.lists.readers._common import comma_address, iso_countries, parse_date, split_multi
from ingest.lists.readers._text import name_alias, name_id, unique_aliases

FORMAT = "simple-csv"
FIELDS = (
    "id",
    "name",
    "aliases",
    "type",
    "country",
    "address",
    "list",
    "program",
    "start_date",
    "end_date",
    "source_url",
    "legal_basis",
    "remarks",
)
KINDS: dict[str, EntityKind] = {
    "company": EntityKind.COMPANY,
    "organization": EntityKind.COMPANY,
    "organisation": EntityKind.COMPANY,
    "entity": EntityKind.COMPANY,
    "legalentity": EntityKind.COMPANY,
    "publicbody": EntityKind.COMPANY,
    "person": EntityKind.PERSON,
    "individual": EntityKind.PERSON,
    "vessel": EntityKind.VESSEL,
    "ship": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
    "airplane": EntityKind.AIRCRAFT,
    "address": EntityKind.ADDRESS_ONLY,
}


@dataclass(frozen=True)
class Layout:
    """How one publisher's CSV maps onto the simple-CSV fields."""

    format: str
    columns: Mapping[str, str]  # simple-CSV field → header in the file
    required: tuple[str, ...] = ("name",)  # simple-CSV fields that must have a column
    list_source: ListSource | None = None  # the list every row belongs to (else the ``list`` column)
    list_for: Callable[[Mapping[str, str]], ListSource | None] | None = None  # per-row list from fields
    default_kind: EntityKind = EntityKind.UNKNOWN


SIMPLE = Layout(format=FORMAT, columns={f: f for f in FIELDS}, default_kind=EntityKind.UNKNOWN)


def sniff(path: Path, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0].lstrip(b"\xef\xbb\xbf").strip().lower()
    columns = {c.strip(b' "') for c in first.split(b",")}
    return b"name" in columns and b"list" in columns and bool(columns & {b"program", b"aliases"})


def list_of(label: str) -> ListSource | None:
    """``'US_1260H'`` / ``'us-1260h'`` → the enum; None when it names no known list."""
    key = label.strip().upper().replace("-", "_").replace(" ", "_")
    return ListSource.__members__.get(key) or next((s for s in ListSource if s.value == key), None)


def _list_and_programs(
    layout: Layout, get: Mapping[str, str], programs: list[str]
) -> tuple[ListSource | None, list[str]]:
    if layout.list_for is not None:
        return layout.list_for(get), programs
    if layout.list_source is not None:
        return layout.list_source, programs
    label = get.get("list", "")
    source = list_of(label) if label else ListSource.CUSTOM
    if source is None:  # an in-house list name: kept as the first programme of a CUSTOM entry
        return ListSource.CUSTOM, [label, *(p for p in programs if p != label)]
    return source, programs


def row_entry(path: Path, layout: Layout, line: int, get: Mapping[str, str]) -> ListEntry | RejectedRow:
    """One row (fields already mapped to simple-CSV names) → entry, or why it is refused."""
    name = " ".join(get.get("name", "").split())
    if not name:
        return RejectedRow(line, "name", "empty name")
    kind_label = get.get("type", "").replace(" ", "").lower()
    kind = KINDS.get(kind_label, layout.default_kind) if kind_label else layout.default_kind
    if kind_label and kind_label not in KINDS:
        return RejectedRow(line, "type", f"unknown type {get['type']!r} (use {', '.join(sorted(KINDS))})")
    dates = {}
    for column in ("start_date", "end_date"):
        value = get.get(column, "")
        dates[column] = parse_date(value)
        if value and dates[column] is None:
            return RejectedRow(line, column, f"not a date: {value!r} (use YYYY-MM-DD)")
    countries = split_multi(get.get("country"))
    iso = iso_countries(countries)
    if len(iso) < len(set(countries)):
        return RejectedRow(line, "country", f"unknown country in {get['country']!r}")
    source, programs = _list_and_programs(layout, get, split_multi(get.get("program")))
    if source is None:
        return RejectedRow(
            line, "list", f"cannot tell the list from {get.get('program') or get.get('list')!r}"
        )
    addresses: list[ListAddress] = []
    for raw in split_multi(get.get("address")):
        parsed = comma_address(raw)
        addresses.append(parsed if parsed.country or len(iso) != 1 else replace(parsed, country=iso[0]))
    aliases = [name_alias(a) for a in split_multi(get.get("aliases"))]
    return ListEntry(
        list=source,
        source_id=get.get("id") or name_id(name),
        kind=kind,
        name=name,
        aliases=unique_aliases(aliases, name),
        addresses=tuple(addresses),
        countries=iso,
        programs=tuple(dict.fromkeys(programs)),
        legal_basis=get.get("legal_basis") or None,
        start_date=dates["start_date"],
        end_date=dates["end_date"],
        source_url=get.get("source_url") or None,
        remarks=get.get("remarks") or None,
        raw_ref=f"{path.name}:line {line}",
    )


def read_layout(path: Path, layout: Layout) -> ReadResult:
    """Read a one-row-per-entry CSV described by ``layout``; duplicate ids are rejected rows."""
    text = safe.read_text(path)
    rows = safe.csv_rows(path, text)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise InputFileError(path, "file is empty") from None
    index = {h.strip().lstrip("\ufeff"): i for i, h in enumerate(header)}
    for wanted in layout.required:
        column = layout.columns[wanted]
        if column not in index:
            raise InputFileError(
                path,
                f"required column missing (columns found: {', '.join(index)[:300]})",
                line=1,
                field=column,
            )
    result = ReadResult(format=layout.format)
    first_line: dict[tuple[ListSource, str], int] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        result.rows_read += 1
        if len(row) != len(header):
            result.rejected.append(RejectedRow(line, None, f"{len(row)} fields, header has {len(header)}"))
            continue
        get = {f: row[index[c]].strip() for f, c in layout.columns.items() if c in index}
        item = row_entry(path, layout, line, get)
        if isinstance(item, ListEntry):
            key = (item.list, item.source_id)
            if key in first_line:
                item = RejectedRow(line, "id", f"duplicate of line {first_line[key]} (id {item.source_id})")
            else:
                first_line[key] = line
        result.add(item)
    if not result.rows_read:
        raise InputFileError(path, "header only: no data rows", line=header_line + 1)
    return result


def read(path: Path) -> ReadResult:
    return read_layout(path, SIMPLE)
