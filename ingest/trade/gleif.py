"""GLEIF golden copy → canonical frames.

* Level 1 (LEI-CDF 3.x) as JSON (``{"records": [{"LEI": {"$": …}, "Entity": {…}}]}``) or as the
  golden-copy CSV (flattened column names: ``LEI``, ``Entity.LegalName``,
  ``Entity.LegalAddress.Country`` …).
* Level 2 relationship records (RR-CDF) as JSON (``{"relations": [{"RelationshipRecord": …}]}``)
  or CSV (``Relationship.StartNode.NodeID``, ``Relationship.RelationshipType`` …). A child
  ``IS_DIRECTLY_CONSOLIDATED_BY`` / ``IS_ULTIMATELY_CONSOLIDATED_BY`` its parent becomes an OWNS
  edge parent → child with the relationship type; the percentage is taken from a
  ``RelationshipQuantifier`` when one is published (GLEIF usually publishes none).

Companies get ``source = "gleif"`` and ``company_id = LEI`` → node id ``co:gleif:{LEI}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from chipwatch.errors import InputFileError
from graph.csv_lines import line_of_row

SOURCE = "gleif"
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


def _load_json(path: Path, key: str) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputFileError(path, f"not a GLEIF JSON file: {exc}") from exc
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
    out["aliases"] = (
        raw[alias_cols].apply(lambda r: ";".join(v for v in r if v), axis=1) if alias_cols else ""
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
        rows.append(
            _rr_row(
                path,
                i,
                _v(r, "StartNode", "NodeID"),
                _v(r, "EndNode", "NodeID"),
                _v(r, "RelationshipType"),
                _v(r, "RelationshipStatus"),
                pct,
                next((_v(p, "StartDate") for p in periods), ""),
            )
        )
    return pd.DataFrame([row for row in rows if row])


def relationships_csv(raw: pd.DataFrame, path: Path) -> pd.DataFrame:
    prefix = "Relationship.RelationshipQuantifiers.RelationshipQuantifier.1."
    needed = ["Relationship.StartNode.NodeID", "Relationship.EndNode.NodeID", "Relationship.RelationshipType"]
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise InputFileError(path, f"not a GLEIF RR-CDF CSV: missing {missing}", field=missing[0])

    def col(name: str) -> pd.Series:
        return raw[name] if name in raw.columns else pd.Series([""] * len(raw))

    pct = col(prefix + "QuantifierAmount").where(col(prefix + "QuantifierUnits") == "PERCENTAGE", "")
    rows = [
        _rr_row(path, i + 1, *vals)
        for i, vals in enumerate(
            zip(
                raw[needed[0]],
                raw[needed[1]],
                raw[needed[2]],
                col("Relationship.RelationshipStatus"),
                pct,
                col("Relationship.RelationshipPeriods.RelationshipPeriod.1.StartDate"),
                strict=True,
            )
        )
    ]
    return pd.DataFrame([row for row in rows if row])


def _rr_row(
    path: Path, row: int, child: str, parent: str, rtype: str, status: str, pct: str, start: str
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
        "as_of": start[:10],
        "source": f"GLEIF RR {status or 'UNKNOWN'}".strip(),
        "relationship": RELATIONSHIPS[rtype],
    }
