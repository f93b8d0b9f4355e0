"""Tables for the app: the risk list (shared with ``chipwatch export``) and Excel-safe downloads."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from graph.excel_safe import write_table
from graph.export.risk_table import Frames, risk_table

#: Rows of the risk list sent to the browser. The table is sorted by score, so these are the riskiest;
#: a 100k-company workspace scores tens of thousands of entities, and sending them all made the page
#: slow without helping anyone read it. The downloads always hold every match.
RISK_LIST_SHOWN_ROWS = 1_000


#: The risk table's columns as the pages show them: what an officer reads first (name, score,
#: level, why) fits a 1366-pixel laptop screen; the long ids come last. Exports keep ``TABLE_COLUMNS``.
RISK_VIEW_COLUMNS = (
    "name",
    "risk_score",
    "risk_level",
    "lists",
    "flags",
    "country",
    "kind",
    "id",
    "risk_as_of",
)
RISK_COLUMN_HELP = {
    "risk_score": "0–100: 100 × (1 − ∏(1 − weight)) over the lists and red flags (Explore shows each)",
    "risk_level": "block / review / clear, from the score's thresholds in risk_weights.toml",
    "lists": "lists of the listed entries in the entity's resolved cluster",
    "flags": "red flags that fired (Explore shows their evidence and legal source)",
    "risk_as_of": "the date the score was computed for",
}


#: What a table shows where a value is missing: ``st.dataframe`` and ``st.table`` write "None".
MISSING = "—"


def blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as a page shows it: a missing value (None, NaN) as ``MISSING``, never "None".

    Text columns are filled; a number column with a gap becomes text (``12``, ``0.5``) so the gap
    can be shown. Columns without a gap are left as they are (numbers still sort as numbers)."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        missing = column.isna()
        if not missing.any():
            continue
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            values = [MISSING if gap else _number(v) for v, gap in zip(column.tolist(), missing, strict=True)]
        else:
            values = [MISSING if gap else v for v, gap in zip(column.tolist(), missing, strict=True)]
        out[name] = pd.Series(values, index=out.index, dtype=object)
    return out


def cell_text(value: object) -> str:
    """A value as a sentence on a page shows it: ``MISSING`` where it is absent (None, NaN, "")."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return MISSING
    return str(value)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def risk_column_config() -> dict[str, Any]:
    """``st.dataframe`` column help for the risk table (the header tooltip)."""
    return {name: st.column_config.Column(help=text) for name, text in RISK_COLUMN_HELP.items()}


def country_options(frame: pd.DataFrame) -> list[str]:
    """Every country of the risk table's ``countries`` cells (a list entry's address countries too)."""
    return sorted({c for cell in frame["countries"] for c in str(cell).split(", ") if c})


def risk_frame(store: Frames) -> pd.DataFrame:
    """Every scored entity (:func:`graph.export.risk_table.risk_table`); empty before ``chipwatch risk``."""
    return risk_table(store)


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """``frame`` as CSV or XLSX bytes through the Excel-safe writer (formula cells neutralised)."""
    with tempfile.TemporaryDirectory(prefix="chipwatch-dl-") as tmp:
        path = Path(tmp) / f"table.{fmt}"
        write_table(frame, path, fmt)
        return path.read_bytes()
