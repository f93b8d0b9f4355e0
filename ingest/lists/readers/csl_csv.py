"""trade.gov Consolidated Screening List (CSL), CSV layout — current (with ``_id``) and pre-2020.

Multi-values are ``;``-joined; addresses end with an ISO country; ``ids`` items are
``[country, ][issued, expires, ]number, type``. ``entity_number`` is only unique within a source,
so ``source_id`` is ``{source code}:{entity_number or _id}`` (or a content hash for old rows with
neither). Row numbers in messages are the line the record starts on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from graph.connective_and import listing_scope
from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import Alias, EntityKind, Identifier, ListAddress, ListEntry, ReadResult, RejectedRow
from ingest.lists.name_kind import untyped_kind
from ingest.lists.readers._clauses import clean_names
from ingest.lists.readers._common import (
    comma_address,
    identifier,
    iso_countries,
    kind_from_type,
    parse_date,
    split_multi,
)
from ingest.lists.readers._text import unique_aliases

FORMAT = "csl-csv"
REQUIRED = ("source", "name")

#: CSL source abbreviation (in parentheses in the ``source`` text) → (list, code used in ids).
SOURCES: dict[str, tuple[ListSource, str]] = {
    "SDN": (ListSource.US_SDN, "SDN"),
    "EL": (ListSource.US_EL, "EL"),
    "MEU": (ListSource.US_MEU, "MEU"),
    "MIEU": (ListSource.US_MIEU, "MIEU"),
    "UVL": (ListSource.US_UVL, "UVL"),
    "DPL": (ListSource.US_DPL, "DPL"),
    "ISN": (ListSource.US_ISN, "ISN"),
    "DTC": (ListSource.US_DTC, "DTC"),
    "SSI": (ListSource.US_SSI, "SSI"),
    "FSE": (ListSource.US_FSE, "FSE"),
    "PLC": (ListSource.US_PLC, "PLC"),
    "CAP": (ListSource.US_CAP, "CAP"),
    "CMIC": (ListSource.US_CMIC, "CMIC"),
    "NS-MBS LIST": (ListSource.US_MBS, "MBS"),
    "NS-MBS": (ListSource.US_MBS, "MBS"),
    "MBS": (ListSource.US_MBS, "MBS"),
}
#: Sources whose rows without a ``type`` are organisations; the others (DPL, DTC) are mixed.
_ORG_SOURCES = {"EL", "MEU", "MIEU", "UVL", "ISN", "CMIC"}
_PAREN = re.compile(r"\(([^()]+)\)")


def source_of(text: str) -> tuple[ListSource, str] | None:
    """``'Entity List (EL) - Bureau of Industry and Security'`` → ``(US_EL, 'EL')``."""
    for match in _PAREN.findall(text or ""):
        hit = SOURCES.get(match.strip().upper())
        if hit:
            return hit
    return None


def sniff(path: Path, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0].lower()
    return b"source" in first and b"federal_register_notice" in first and b"entity_number" in first


def csl_ids(value: str | None) -> list[Identifier]:
    """Parse the CSL ``ids`` column (``'CA, BC166787, Passport; RU, 7736640919, Tax ID No.'``)."""
    out = []
    for item in split_multi(value):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2:
            continue
        country = parts[0] if len(parts) >= 3 and len(parts[0]) == 2 and parts[0].isupper() else None
        ident = identifier(parts[-1], parts[-2], country)
        if ident:
            out.append(ident)
    return out


def build_entry(
    rec: Mapping[str, str],
    *,
    addresses: list[ListAddress],
    identifiers: list[Identifier],
    alt_names: list[str],
    multi: Mapping[str, list[str]],
    raw_ref: str,
) -> ListEntry | RejectedRow:
    """One CSL record (CSV or JSON, already split) → entry, or the reason it is refused."""
    # "file.csv:line 12" (CSV) has a line; "file.json:results[11]" (JSON) is named in the reason.
    last = raw_ref.rsplit(" ", 1)[-1]
    line = int(last) if last.isdigit() else None
    at = "" if line is not None else f"{raw_ref.rsplit(':', 1)[-1]}: "
    src = source_of(rec.get("source", ""))
    if src is None:
        return RejectedRow(line, "source", f"{at}unknown CSL source {rec.get('source', '')!r}")
    list_source, code = src
    name = " ".join((rec.get("name") or "").split())
    key = (rec.get("entity_number") or "").strip() or (rec.get("_id") or rec.get("id") or "").strip()
    if not key:
        basis = "|".join((rec.get("source", ""), name, rec.get("addresses", ""), rec.get("start_date", "")))
        key = hashlib.sha256(basis.encode()).hexdigest()[:16]
    kind = kind_from_type(rec.get("type"), EntityKind.UNKNOWN)
    kind_source = "type"
    if kind is EntityKind.UNKNOWN:
        kind, kind_source = EntityKind.COMPANY if code in _ORG_SOURCES else EntityKind.UNKNOWN, "default"
    if not name:
        if code == "EL" and addresses:
            name, kind = addresses[0].raw, EntityKind.ADDRESS_ONLY
        else:
            return RejectedRow(line, "name", f"{at}record has no name")
    elif code == "EL" and name.lower().startswith("address"):
        kind = EntityKind.ADDRESS_ONLY
    if rec.get("call_sign"):
        identifiers = [*identifiers, Identifier("CALL_SIGN", rec["call_sign"].strip())]
    # Names copied from Federal Register prose embed other names ("X (f.k.a., Y)"): read out as
    # aliases of their marker's kind; the id above stays computed from the name as published.
    # The scope a listing adds after the name ("… and any successor, sub-unit, or subsidiary
    # thereof") is no part of it: it goes to the remarks, where the officer still reads it.
    name, scope = listing_scope(name)
    name, named = clean_names(name, [Alias(n) for n in alt_names])
    kind_evidence = ""
    if kind_source == "default" and kind is not EntityKind.ADDRESS_ONLY:
        # No published type: a person's name must not be read with the company rules.
        births, alias_names = multi.get("dates_of_birth", []), [a.name for a in named]
        kind, kind_source, kind_evidence = untyped_kind(name, kind, births, alias_names)
    countries = iso_countries(multi.get("citizenships", []) + multi.get("nationalities", []))
    if not countries and rec.get("vessel_flag"):
        countries = iso_countries([rec["vessel_flag"]])
    covers = f"Listing also covers {scope}" if scope else None
    remarks = " | ".join(v for v in (rec.get("title"), rec.get("remarks"), covers) if v and v.strip()) or None
    return ListEntry(
        list=list_source,
        source_id=f"{code}:{key}",
        kind=kind,
        name=name,
        aliases=unique_aliases(named, primary=name),
        addresses=tuple(addresses),
        identifiers=tuple(dict.fromkeys(identifiers)),
        countries=countries,
        programs=tuple(multi.get("programs", [])),
        license_requirement=(rec.get("license_requirement") or "").strip() or None,
        license_policy=(rec.get("license_policy") or "").strip() or None,
        legal_basis=(rec.get("federal_register_notice") or "").strip() or None,
        start_date=parse_date(rec.get("start_date")),
        end_date=parse_date(rec.get("end_date")),
        source_url=(rec.get("source_list_url") or rec.get("source_information_url") or "").strip() or None,
        remarks=remarks,
        birth_dates=tuple(multi.get("dates_of_birth", [])),
        raw_ref=raw_ref,
        kind_source=kind_source,
        kind_evidence=kind_evidence,
    )


MULTI = ("programs", "citizenships", "nationalities", "dates_of_birth")


def read(path: Path) -> ReadResult:
    text = safe.read_text(path)
    rows = safe.csv_rows(path, text)
    try:
        _, header = next(rows)
    except StopIteration:
        raise safe.InputFileError(path, "file is empty") from None
    index = safe.require_columns(path, header, REQUIRED)
    width = len(header)
    result = ReadResult(format=FORMAT)
    seen: dict[str, tuple[int, list[str]]] = {}
    for line, fields in rows:
        if not any(f.strip() for f in fields):
            continue
        result.rows_read += 1
        if len(fields) != width:
            result.rejected.append(RejectedRow(line, None, f"{len(fields)} fields, header has {width}"))
            continue
        rec = {col: fields[i] for col, i in index.items()}
        item = build_entry(
            rec,
            addresses=[comma_address(a) for a in split_multi(rec.get("addresses"))],
            identifiers=csl_ids(rec.get("ids")),
            alt_names=split_multi(rec.get("alt_names")),
            multi={k: split_multi(rec.get(k)) for k in MULTI},
            raw_ref=f"{path.name}:line {line}",
        )
        if isinstance(item, RejectedRow):
            result.rejected.append(item)
            continue
        if item.source_id in seen:
            first_line, first_fields = seen[item.source_id]
            if first_fields == fields:
                result.rejected.append(RejectedRow(line, "entity_number", f"duplicate of line {first_line}"))
                continue
            item = replace(item, source_id=f"{item.source_id}#{line}")
        seen[item.source_id] = (line, fields)
        result.entries.append(item)
    return result
