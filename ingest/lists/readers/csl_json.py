"""trade.gov Consolidated Screening List, JSON layout: ``{"results": [ {...}, ... ]}``.

Field names are the CSV's; multi-values are arrays, ``addresses`` are objects
(``address, city, state, postal_code, country``) and ``ids`` objects (``type, number, country``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chipwatch.errors import InputFileError
from graph.name_clauses import enumerated
from ingest.lists import safe
from ingest.lists.model import Identifier, ListAddress, ReadResult, RejectedRow
from ingest.lists.readers._common import country_iso2, identifier, split_multi
from ingest.lists.readers.csl_csv import MULTI, build_entry, csl_ids

FORMAT = "csl-json"


def sniff(path: Path, head: bytes) -> bool:
    start = head.lstrip()[:1]
    return (
        start == b"{"
        and b'"results"' in head
        and (b'"entity_number"' in head or b'"source_list_url"' in head)
    )


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        # the API's arrays split the same Federal Register prose: items keep its "and "
        items = (enumerated(str(v).strip()) for v in value if v is not None)
        return [item for item in items if item]
    return split_multi(str(value))


def _address(obj: Any) -> ListAddress | None:
    if isinstance(obj, str):
        return ListAddress(raw=obj) if obj.strip() else None
    if not isinstance(obj, dict):
        return None
    street, city, state = obj.get("address"), obj.get("city"), obj.get("state")
    postal, country = obj.get("postal_code"), obj.get("country")
    raw = ", ".join(str(p) for p in (street, city, state, postal, country) if p)
    if not raw:
        return None
    return ListAddress(
        raw, street or None, city or None, state or None, postal or None, country_iso2(country)
    )


def _ids(value: Any) -> list[Identifier]:
    if isinstance(value, str):
        return csl_ids(value)
    out = []
    for obj in value or []:
        if isinstance(obj, dict):
            ident = identifier(str(obj.get("type") or ""), str(obj.get("number") or ""), obj.get("country"))
            if ident:
                out.append(ident)
    return out


def read(path: Path) -> ReadResult:
    text = safe.read_text(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            path, f"not valid JSON (column {exc.colno}): {exc.msg}", line=exc.lineno
        ) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
        raise InputFileError(
            path, 'not a CSL JSON file: expected an object with a "results" array', field="results"
        )
    safe.refuse_bad_values_in(path, doc["results"], "results")
    result = ReadResult(format=FORMAT)
    for number, rec in enumerate(doc["results"], start=1):
        result.rows_read += 1
        if not isinstance(rec, dict):
            result.rejected.append(RejectedRow(None, None, f"results[{number - 1}] is not an object"))
            continue
        flat = {k: v for k, v in rec.items() if isinstance(v, str)}
        if "entity_number" in rec and rec["entity_number"] is not None:
            flat["entity_number"] = str(rec["entity_number"])
        item = build_entry(
            flat,
            addresses=[a for a in map(_address, rec.get("addresses") or []) if a]
            if isinstance(rec.get("addresses"), list)
            else [],
            identifiers=_ids(rec.get("ids")),
            alt_names=_strings(rec.get("alt_names")),
            multi={k: _strings(rec.get(k)) for k in MULTI},
            raw_ref=f"{path.name}:results[{number - 1}]",
        )
        result.add(item)
    return result
