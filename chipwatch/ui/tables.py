"""Tables for the app: the risk list (shared with ``chipwatch export``) and Excel-safe downloads."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from graph.excel_safe import write_table
from graph.export.risk_table import risk_table
from graph.store import GraphStore

#: Rows of the risk list sent to the browser. The table is sorted by score, so these are the riskiest;
#: a 100k-company workspace scores tens of thousands of entities, and sending them all made the page
#: slow without helping anyone read it. The downloads always hold every match.
RISK_LIST_SHOWN_ROWS = 1_000


def country_options(frame: pd.DataFrame) -> list[str]:
    """Every country of the risk table's ``countries`` cells (a list entry's address countries too)."""
    return sorted({c for cell in frame["countries"] for c in str(cell).split(", ") if c})


def risk_frame(store: GraphStore) -> pd.DataFrame:
    """Every scored entity (:func:`graph.export.risk_table.risk_table`); empty before ``chipwatch risk``."""
    return risk_table(store)


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """``frame`` as CSV or XLSX bytes through the Excel-safe writer (formula cells neutralised)."""
    with tempfile.TemporaryDirectory(prefix="chipwatch-dl-") as tmp:
        path = Path(tmp) / f"table.{fmt}"
        write_table(frame, path, fmt)
        return path.read_bytes()
