"""GLEIF golden copy → canonical frames.

* Level 1 (LEI-CDF 3.x) as JSON (``{"records": [{"LEI": {"$": …}, "Entity": {…}}]}``) or as the
  golden-copy CSV (flattened column names: ``LEI``, ``Entity.LegalName``,
  ``Entity.LegalAddress.Country`` …).
* Level 2 relationship records (RR-CDF) as JSON (``{"relations": [{"RelationshipRecord": …}]}``)
  or CSV (``Relationship.StartNode.NodeID``, ``Relationship.RelationshipType`` …). A child
  ``IS_DIRECTLY_CONSOLIDATED_BY`` / ``IS_ULTIMATELY_CONSOLIDATED_BY`` its parent becomes an OWNS
  edge parent → child with the relationship type; the percentage is taken from a
  ``RelationshipQuantifier`` when one is published (GLEIF usually publishes none). The record's
  ``RelationshipStatus`` (ACTIVE / INACTIVE) and its ``RELATIONSHIP_PERIOD`` (not the accounting
  or document-filing periods) give the edge's ``status``, ``start_date`` and ``end_date``, so a
  parent that stopped consolidating the child is kept as history, not as current ownership; the
  edge's ``as_of`` is ``Registration.LastUpdateDate`` (when GLEIF last confirmed the record).

Companies get ``source = "gleif"`` and ``company_id = LEI`` → node id ``co:gleif:{LEI}``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from chipwatch.errors import InputFileError
from graph.csv_lines import line_of_row
from graph.text_cells import refuse_bad_cells
from ingest.lists.safe import open_binary
from ingest.trade.registry import OWNERSHIP_COLUMNS

SOURCE = "gleif"
#: The source label of every Level 2 record (the table key: a record whose status changes
#: between two golden copies replaces its earlier row instead of sitting beside it).
RR_SOURCE = "GLEIF RR"
RELATIONSHIP_PERIOD = "RELATIONSHIP_PERIOD"
RELATIONSHIPS = {
    "IS_DIRECTLY_CONSOLIDATED_BY": "direct_parent",
    "IS_ULTIMATELY_CONSOLIDATED_BY": "ultimate_parent",
}
_L1_CSV = {
    "company_id": "LEI",
    "name": "Entity.LegalName",
    "country": "Entity.LegalAddress.Country",
    "address": "Entity.LegalAddress.FirstAddressLine",
    "city": "Entity.LegalAddress.City",
    "postal_code": "Entity.LegalAddress.PostalCode",
    "incorporation_date": "Entity.EntityCreationDate",
    "registration_id": "Entity.RegistrationAuthority.RegistrationAuthorityEntityID",
    "business_type": "Entity.EntityCategory",
}


def _v(node: Any, *path: str) -> str:
    for key in path:
        if not isinstance(node, dict):
            return ""
        node = node.get(key)
    if isinstance(node, dict):
        node = node.get("$")
    return "" if node is None else str(node).strip()


def _list(node: Any) -> list[Any]:
    if node is None:
        return []
    return node if isinstance(node, list) else [node]


def read_json_bytes(path: Path) -> bytes:
    """The bytes of a GLEIF JSON file, gzip-compressed or not (told by its first bytes, not its
    name); a cut-off or damaged gzip file is refused, saying so."""
    try:
        with open_binary(path) as handle:
            return handle.read()
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputFileError(
            path, f"cannot decompress: truncated or damaged gzip file ({exc}); nothing was loaded"
        ) from exc
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from exc


def _load_json(path: Path, key: str) -> list[Any]:
    raw = read_json_bytes(path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputFileError(path, f"not a GLEIF JSON file: {exc}", line=line) from exc
    except json.JSONDecodeError as exc:
        raise InputFileError(path, f"not a GLEIF JSON file: {exc}", line=exc.lineno) from exc
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputFileError(path, f"not a GLEIF golden copy: no top-level '{key}' list")
    return data[key]


def level1_json(path: Path) -> pd.DataFrame:
    """LEI-CDF JSON records as canonical company rows (other and transliterated names → aliases)."""
    rows = []
    for i, record in enumerate(_load_json(path, "records"), start=1):
        entity = record.get("Entity") if isinstance(record, dict) else None
        lei = _v(record, "LEI")
        if not lei or not isinstance(entity, dict):
            raise InputFileError(path, "record without LEI or Entity", row=i, field="LEI")
        names = [_v(n) for n in _list((entity.get("OtherEntityNames") or {}).get("OtherEntityName"))]
        names += [
            _v(n)
            for n in _list(
                (entity.get("TransliteratedOtherEntityNames") or {}).get("TransliteratedOtherEntityName")
            )
        ]
        legal = entity.get("LegalAddress") or {}
        extra = [_v(a) for a in _list(legal.get("AdditionalAddressLine"))]
        rows.append(
            {
                "company_id": lei,
                "name": _v(entity, "LegalName"),
                "aliases": ";".join(n for n in names if n),
                "country": _v(legal, "Country"),
                "address": ", ".join(x for x in [_v(legal, "FirstAddressLine"), *extra] if x),
                "city": _v(legal, "City"),
                "postal_code": _v(legal, "PostalCode"),
                "incorporation_date": _v(entity, "EntityCreationDate"),
                "registration_id": _v(entity, "RegistrationAuthority", "RegistrationAuthorityEntityID"),
                "lei": lei,
                "business_type": _v(entity, "EntityCategory"),
                "source": SOURCE,
            }
        )
    return pd.DataFrame(rows).fillna("")


def level1_csv(raw: pd.DataFrame, path: Path) -> pd.DataFrame:
    """The golden-copy CSV layout (flattened LEI-CDF names) as canonical company rows."""
    missing = [c for c in ("LEI", "Entity.LegalName", "Entity.LegalAddress.Country") if c not in raw.columns]
    if missing:
        raise InputFileError(path, f"not a GLEIF golden-copy CSV: missing {missing}", field=missing[0])
    out = pd.DataFrame({k: raw[v] if v in raw.columns else "" for k, v in _L1_CSV.items()})
    alias_cols = [
        c
        for c in raw.columns
        if c.startswith(
            ("Entity.OtherEntityNames.OtherEntityName.", "Entity.TransliteratedOtherEntityNames.")
        )
        and "@" not in c
        and not c.endswith(("type", "lang"))
    ]
    # (apply on no rows returns the frame itself, which cannot be assigned to one column)
    out["aliases"] = (
        raw[alias_cols].apply(lambda r: ";".join(v for v in r if v), axis=1)
        if alias_cols and len(raw)
        else ""
    )
    out["lei"] = raw["LEI"]
    out["source"] = SOURCE
    return out


def relationships_json(path: Path) -> pd.DataFrame:
    """RR-CDF JSON relationship records as canonical ownership rows (parent owns child)."""
    rows = []
    for i, rel in enumerate(_load_json(path, "relations"), start=1):
        record = rel.get("RelationshipRecord", rel) if isinstance(rel, dict) else {}
        r = record.get("Relationship") or {}
        quant = _list((r.get("RelationshipQuantifiers") or {}).get("RelationshipQuantifier"))
        pct = next((_v(q, "QuantifierAmount") for q in quant if _v(q, "QuantifierUnits") == "PERCENTAGE"), "")
        periods = _list((r.get("RelationshipPeriods") or {}).get("RelationshipPeriod"))
        start, end = relationship_period(
            (_v(p, "StartDate"), _v(p, "EndDate"), _v(p, "PeriodType")) for p in periods
        )
        rows.append(
            _rr_row(
                path,
                i,
                _v(r, "StartNode", "NodeID"),
                _v(r, "EndNode", "NodeID"),
                _v(r, "RelationshipType"),
                _v(r, "RelationshipStatus"),
                pct,
                start,
                end,
                _v(record, "Registration", "LastUpdateDate"),
            )
        )
    kept = [(i, row) for i, row in enumerate(rows, start=1) if row]
    frame = pd.DataFrame([row for _, row in kept], columns=list(OWNERSHIP_COLUMNS))
    # checked here, where a row is still known by its record (the branch records are left out)
    refuse_bad_cells(path, frame, {c: c for c in OWNERSHIP_COLUMNS}, rows=[i for i, _ in kept])
    return frame


#: The golden-copy CSV flattens the repeated period and quantifier elements with a number: the
#: files GLEIF publishes name them ``Relationship.Period.1.startDate`` … and
#: ``Relationship.Quantifiers.1.QuantifierAmount`` (older files: ``Relationship.Qualifiers.1.…``);
#: the element path spelled out (``Relationship.RelationshipPeriods.RelationshipPeriod.1.StartDate``)
#: is read too. Case is not significant.
_CSV_PERIOD = re.compile(
    r"Relationship\.(?:Period|RelationshipPeriods(?:\.RelationshipPeriod)?)\.(\d+)\.(startdate|enddate|periodtype)",
    re.IGNORECASE,
)
_CSV_QUANTIFIER = re.compile(
    r"Relationship\.(?:Quantifiers|Qualifiers|RelationshipQuantifiers(?:\.RelationshipQuantifier)?)"
    r"\.(\d+)\.(quantifieramount|quantifierunits)",
    re.IGNORECASE,
)


def _numbered(columns: Iterable[str], pattern: re.Pattern[str]) -> dict[int, dict[str, str]]:
    """number → {field (lower case) → column} for the numbered columns ``pattern`` matches."""
    out: dict[int, dict[str, str]] = {}
    for col in columns:
        hit = pattern.fullmatch(str(col).strip())
        if hit:
            out.setdefault(int(hit.group(1)), {})[hit.group(2).lower()] = col
    return dict(sorted(out.items()))


def relationships_csv(raw: pd.DataFrame, path: Path) -> pd.DataFrame:
    needed = ["Relationship.StartNode.NodeID", "Relationship.EndNode.NodeID", "Relationship.RelationshipType"]
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise InputFileError(path, f"not a GLEIF RR-CDF CSV: missing {missing}", field=missing[0])
    blank = [""] * len(raw)

    def col(name: str | None) -> list[str]:
        return raw[name].fillna("").astype(str).tolist() if name and name in raw.columns else blank

    periods = [
        (col(f.get("startdate")), col(f.get("enddate")), col(f.get("periodtype")))
        for f in _numbered(raw.columns, _CSV_PERIOD).values()
    ]
    quantifiers = [
        (col(f.get("quantifieramount")), col(f.get("quantifierunits")))
        for f in _numbered(raw.columns, _CSV_QUANTIFIER).values()
    ]
    rows = []
    for i, vals in enumerate(
        zip(
            col(needed[0]),
            col(needed[1]),
            col(needed[2]),
            col("Relationship.RelationshipStatus"),
            col("Registration.LastUpdateDate"),
            strict=True,
        )
    ):
        child, parent, rtype, status, updated = vals
        pct = next((amount[i] for amount, units in quantifiers if units[i] == "PERCENTAGE"), "")
        start, end = relationship_period((s[i], e[i], t[i]) for s, e, t in periods)
        rows.append(_rr_row(path, i + 1, child, parent, rtype, status, pct, start, end, updated))
    return pd.DataFrame([row for row in rows if row], columns=list(OWNERSHIP_COLUMNS))


def gleif_date(value: str) -> str:
    """A GLEIF date or timestamp as ``YYYY-MM-DD`` (its day as written; older golden-copy CSVs
    write some as Unix milliseconds, ``1338940800000``); empty stays empty."""
    text = value.strip()
    if re.fullmatch(r"\d{11,13}", text):
        return dt.datetime.fromtimestamp(int(text) / 1000, tz=dt.UTC).date().isoformat()
    return text[:10]


def relationship_period(periods: Iterable[tuple[str, str, str]]) -> tuple[str, str]:
    """(start, end) of the record's ``RELATIONSHIP_PERIOD`` — when the relationship itself held.
    The ``ACCOUNTING_PERIOD`` and ``DOCUMENT_FILING_PERIOD`` say which accounts or filing
    evidence it, not when it began or ended, and are not read. Of several relationship periods
    the latest begun is the one that says whether the relationship still holds."""
    found = [
        (gleif_date(start), gleif_date(end))
        for start, end, kind in periods
        if kind.strip().upper() == RELATIONSHIP_PERIOD and (start.strip() or end.strip())
    ]
    return max(found, default=("", ""))


def _rr_row(
    path: Path,
    row: int,
    child: str,
    parent: str,
    rtype: str,
    status: str,
    pct: str,
    start: str,
    end: str,
    updated: str,
) -> dict[str, str] | None:
    if not child or not parent:
        raise InputFileError(
            path,
            "relationship without start or end node",
            row=row,
            line=line_of_row(path, row),
            field="NodeID",
        )
    if rtype not in RELATIONSHIPS:  # branches, fund management: not ownership
        return None
    return {
        "owner_id": parent,
        "owner_name": "",
        "owner_country": "",
        "owned_id": child,
        "owned_name": "",
        "share_pct": pct,
        "as_of": gleif_date(updated),
        "source": RR_SOURCE,
        "relationship": RELATIONSHIPS[rtype],
        "start_date": start,
        "end_date": end,
        "status": status.strip().lower(),
    }
