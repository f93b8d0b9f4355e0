"""Tables for the app: the risk list and Excel-safe downloads."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd

from graph.excel_safe import write_table
from graph.model import NodeKind
from graph.store import GraphStore

RISK_KINDS = (NodeKind.COMPANY, NodeKind.TRADE_PARTY, NodeKind.LIST_ENTRY)
RISK_COLUMNS = ("name", "country", "risk_score", "risk_level", "flags_json", "risk_as_of")


def risk_frame(store: GraphStore) -> pd.DataFrame:
    """Every scored entity: id, kind, name, country, score, level, flag names, as-of.

    Empty (with the columns) when ``chipwatch risk`` has not run.
    """
    parts = []
    for kind in RISK_KINDS:
        frame = store.nodes_frame(kind, RISK_COLUMNS)
        if "risk_score" not in frame.columns or frame.empty:
            continue
        frame = frame[frame["risk_score"].notna()].copy()
        frame.insert(1, "kind", kind.value)
        parts.append(frame)
    cols = ["id", "kind", "name", "country", "risk_score", "risk_level", "flags", "risk_as_of"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True)
    for c in RISK_COLUMNS:
        if c not in out.columns:
            out[c] = None
    out["flags"] = out["flags_json"].map(_flag_names)
    out["risk_score"] = out["risk_score"].astype(float).round(1)
    return out[cols].sort_values(["risk_score", "id"], ascending=[False, True]).reset_index(drop=True)


def _flag_names(raw: object) -> str:
    if not isinstance(raw, str) or not raw:
        return ""
    try:
        flags = json.loads(raw)
    except ValueError:
        return ""
    names = sorted({str(f.get("flag", f.get("name", ""))) for f in flags if isinstance(f, dict)})
    return ", ".join(n for n in names if n)


def filter_risk(
    frame: pd.DataFrame,
    *,
    min_score: float = 0.0,
    levels: list[str] | None = None,
    countries: list[str] | None = None,
    flag: str | None = None,
) -> pd.DataFrame:
    out = frame[frame["risk_score"] >= min_score]
    if levels:
        out = out[out["risk_level"].isin(levels)]
    if countries:
        out = out[out["country"].isin(countries)]
    if flag:
        out = out[out["flags"].str.contains(flag, regex=False)]
    return out.reset_index(drop=True)


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """``frame`` as CSV or XLSX bytes through the Excel-safe writer (formula cells neutralised)."""
    with tempfile.TemporaryDirectory(prefix="chipwatch-dl-") as tmp:
        path = Path(tmp) / f"table.{fmt}"
        write_table(frame, path, fmt)
        return path.read_bytes()
