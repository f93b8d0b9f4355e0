"""The risk list as tables and files: CSV (one row per entity), XLSX (entities, list hits, flags,
list versions, metadata), JSON (the full nested structure and the metadata).

CSV and XLSX go through :func:`graph.excel_safe.write_table`, so every text cell a spreadsheet
would evaluate (``=``, ``+``, ``-``, ``@``, tab, carriage return) is neutralised. A CSV holds one
table: each row carries the list versions behind its hits and the generation time; the full
provenance of a CSV is in the audit record that names its SHA-256.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pandas as pd

from graph.excel_safe import write_table
from graph.export.list_hits import chain_text
from graph.export.risk_list import RiskList

TEXT_SEP = "; "


def _num(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _hit_text(h: dict[str, Any]) -> str:
    parts = [f"programs: {', '.join(h['programs'])}" if h["programs"] else ""]
    parts += [f"licence: {h['license_requirement']}" if h["license_requirement"] else ""]
    parts += [f"FR: {', '.join(h['fr_notice'])}" if h["fr_notice"] else ""]
    m = h["match"]
    if m.get("method") != "self":
        chain = chain_text(m)
        parts.append(f"match {m.get('score')} {m.get('method')}" + (f": {chain}" if chain else ""))
    detail = TEXT_SEP.join(p for p in parts if p)
    return f'{h["list"]} {h["entry_id"]} "{h["matched_name"]}"' + (f" ({detail})" if detail else "")


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str).decode()


def _table(rows: list[dict[str, Any]], empty_columns: list[str]) -> pd.DataFrame:
    """``rows`` as a frame, with headers even when nothing was kept."""
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=empty_columns)


def entities_frame(rl: RiskList) -> pd.DataFrame:
    """One row per entity; nested data as readable text plus JSON columns holding all of it."""
    generated = rl.metadata["generated_at"]
    rows = []
    for e in rl.entities:
        hits = e["list_hits"]
        own = e["ownership"]
        rows.append(
            {
                "id": e["id"],
                "kind": e["kind"],
                "entity_type": e["entity_type"],
                "kind_source": e["kind_source"],
                "kind_evidence": e["kind_evidence"],
                "name": e["name"],
                "aliases": TEXT_SEP.join(e["aliases"]),
                "country": e["country"],
                "countries": TEXT_SEP.join(e["countries"]),
                "risk_score": e["risk_score"],
                "risk_level": e["risk_level"],
                "risk_as_of": e["risk_as_of"],
                "risk_stale": e["risk_stale"],
                "graph_behind": e["graph_behind"],
                "lists": TEXT_SEP.join(sorted({str(h["list"]) for h in hits})),
                "flags": TEXT_SEP.join(f["flag"] for f in e["flags"]),
                "reasons": TEXT_SEP.join(e["reasons"]),
                **{f"ownership_{r}": e["ownership_status"].get(r, "clear") for r in rl.regimes},
                "ultimate_parent": own.get("ultimate_parent"),
                "list_hits": TEXT_SEP.join(_hit_text(h) for h in hits),
                "fr_notices": TEXT_SEP.join(dict.fromkeys(n for h in hits for n in h["fr_notice"])),
                "source_urls": TEXT_SEP.join(dict.fromkeys(h["source_url"] for h in hits if h["source_url"])),
                "list_versions": TEXT_SEP.join(
                    sorted({str(h["list_version"]) for h in hits if h["list_version"]})
                ),
                "score_breakdown": TEXT_SEP.join(
                    f"{b['source']} {_num(b['weight'])}" for b in e["score_breakdown"]
                ),
                "cluster": e["cluster"],
                "flags_json": _dumps(e["flags"]),
                "list_hits_json": _dumps(hits),
                "ownership_json": _dumps(own),
                "generated_at": generated,
            }
        )
    return _table(rows, ["id", "kind", "name", "risk_score", "risk_level"])


def hits_frame(rl: RiskList) -> pd.DataFrame:
    """One row per (entity, list hit)."""
    rows = [
        {
            "entity_id": e["id"],
            "entity_name": e["name"],
            **{k: v for k, v in h.items() if k not in ("match", "programs", "fr_notice")},
            "programs": TEXT_SEP.join(h["programs"]),
            "fr_notice": TEXT_SEP.join(h["fr_notice"]),
            "match_score": h["match"].get("score"),
            "match_method": h["match"].get("method"),
            "match_via": h["match"].get("via"),
            "match_reasons": TEXT_SEP.join(map(str, h["match"].get("reasons", []))),
        }
        for e in rl.entities
        for h in e["list_hits"]
    ]
    return _table(rows, ["entity_id", "entity_name", "list", "entry_id"])


def flags_frame(rl: RiskList) -> pd.DataFrame:
    """One row per (entity, fired flag) with its legal source, parameters and evidence."""
    rows = [
        {
            "entity_id": e["id"],
            "entity_name": e["name"],
            "flag": f.get("flag"),
            "description": f.get("description"),
            "legal_source": f.get("legal_source"),
            "parameters": _dumps(f.get("parameters", {})),
            "evidence": _dumps(f.get("evidence", {})),
        }
        for e in rl.entities
        for f in e["flags"]
    ]
    return _table(rows, ["entity_id", "entity_name", "flag", "evidence"])


def metadata_frame(rl: RiskList) -> pd.DataFrame:
    """The provenance as key/value rows (list versions in their own sheet)."""
    items = [
        (k, v if isinstance(v, str | int | float) or v is None else _dumps(v)) for k, v in rl.metadata.items()
    ]
    return pd.DataFrame(items, columns=["key", "value"]).astype({"value": object})


def versions_frame(rl: RiskList) -> pd.DataFrame:
    versions = rl.metadata["list_versions"]
    cols = ["feed", "version_id", "sha256", "published", "ingested_at", "file", "rows_accepted"]
    return pd.DataFrame(versions, columns=cols)


def write_csv(rl: RiskList, path: Path) -> int:
    return write_table(entities_frame(rl), path, "csv").rows


def write_xlsx(rl: RiskList, path: Path) -> int:
    sheets = {
        "list_hits": hits_frame(rl),
        "flags": flags_frame(rl),
        "list_versions": versions_frame(rl),
        "metadata": metadata_frame(rl),
    }
    # The flags and list hits have sheets of their own: their JSON columns would only repeat them.
    entities = entities_frame(rl).drop(columns=["flags_json", "list_hits_json"], errors="ignore")
    return write_table(entities, path, "xlsx", sheet="entities", sheets=sheets).rows


def write_json(rl: RiskList, path: Path) -> int:
    doc = {"metadata": rl.metadata, "entities": rl.entities}
    path.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS, default=str))
    return len(rl.entities)
