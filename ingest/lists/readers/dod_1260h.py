"""DoD Section 1260H list of Chinese military companies, as OpenSanctions keeps it.

Layout ``Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url``
(``us/dod_chinese_milcorps/sanctions.csv``): one row per company *per annual report*, so rows are
grouped by the normalised ``Clean Name`` into one entry (``source_id`` = that normalised name).
The start date is the first listing; the end date is set only when the latest listing has one.
``Previous Name`` values are f.k.a. aliases. A ``Parent Name`` that is itself on the list becomes a
``subsidiary_of`` :class:`ListRelation`; otherwise it is kept in the remarks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import (
    Alias,
    AliasKind,
    EntityKind,
    ListEntry,
    ListRelation,
    ReadResult,
    RejectedRow,
)
from ingest.lists.readers._common import parse_date, split_multi
from ingest.lists.readers._text import name_alias, name_id, unique_aliases

FORMAT = "dod-1260h"
HEADER = b"Name,Clean Name,Alias"
REQUIRED = ("Name", "Clean Name", "Start date")
PROGRAM = "DoD Section 1260H Chinese military companies"
LEGAL_BASIS = "Section 1260H, William M. (Mac) Thornberry NDAA for Fiscal Year 2021 (Pub. L. 116-283)"
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")


def sniff(path: Path, head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf").startswith(HEADER)


@dataclass
class _Company:
    key: str
    name: str
    first_line: int
    aliases: list[Alias] = field(default_factory=list)
    listings: list[tuple[date, date | None]] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


def _add(values: list, value: object) -> None:
    if value and value not in values:
        values.append(value)


def _parent_key(name: str, known: dict[str, _Company]) -> str | None:
    for candidate in (name, _TRAILING_PAREN.sub("", name)):
        key = name_id(candidate)
        if key in known:
            return key
    return None


def _entry(path: Path, company: _Company, parent_remarks: list[str]) -> ListEntry:
    latest = max(company.listings, key=lambda listing: (listing[0], listing[1] is None))
    return ListEntry(
        list=ListSource.US_1260H,
        source_id=company.key,
        kind=EntityKind.COMPANY,
        name=company.name,
        aliases=unique_aliases(company.aliases, company.name),
        countries=(),
        programs=(PROGRAM,),
        legal_basis=LEGAL_BASIS,
        start_date=min(start for start, _ in company.listings),
        end_date=latest[1],
        source_url=company.urls[-1] if company.urls else None,
        remarks=" | ".join([*company.notes, *parent_remarks]) or None,
        raw_ref=f"{path.name}:line {company.first_line}",
    )


def read(path: Path) -> ReadResult:
    text = safe.read_text(path)
    rows = safe.csv_rows(path, text)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise InputFileError(path, "file is empty") from None
    index = safe.require_columns(path, header, REQUIRED)
    result = ReadResult(format=FORMAT)
    companies: dict[str, _Company] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        result.rows_read += 1
        if len(row) != len(header):
            result.rejected.append(RejectedRow(line, None, f"{len(row)} fields, header has {len(header)}"))
            continue
        get = {name: row[i].strip() for name, i in index.items()}
        name = " ".join((get["Clean Name"] or get["Name"].rstrip("*. ")).split())
        start = parse_date(get["Start date"])
        if not name:
            result.rejected.append(RejectedRow(line, "Clean Name", "empty name"))
            continue
        if start is None:
            result.rejected.append(RejectedRow(line, "Start date", f"not a date: {get['Start date']!r}"))
            continue
        key = name_id(name)
        company = companies.setdefault(key, _Company(key, name, line))
        company.listings.append((start, parse_date(get.get("End date"))))
        listed_as = get["Name"].rstrip("*. ")
        if "(" not in listed_as:  # "Clean Name (ACRONYM)" is already name + alias
            company.aliases.append(name_alias(listed_as))
        for alias in split_multi(get.get("Alias")):
            company.aliases.append(name_alias(alias))
        for previous in split_multi(get.get("Previous Name")):
            company.aliases.append(name_alias(previous, AliasKind.FKA))
        _add(company.parents, get.get("Parent Name"))
        _add(company.notes, get.get("Note"))
        _add(company.urls, get.get("Source Url"))
    for company in companies.values():
        parent_remarks = []
        for parent in company.parents:
            parent_key = _parent_key(parent, companies)
            if parent_key and parent_key != company.key:
                relation = ListRelation(
                    ListSource.US_1260H, company.key, parent_key, "subsidiary_of", (("parent_name", parent),)
                )
                if relation not in result.relations:
                    result.relations.append(relation)
            else:
                parent_remarks.append(f"Parent: {parent}")
        result.entries.append(_entry(path, company, parent_remarks))
    if not result.rows_read:
        raise InputFileError(path, "header only: no data rows", line=header_line + 1)
    return result
