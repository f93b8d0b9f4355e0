"""Write result tables that are safe to open in a spreadsheet (CSV/formula injection).

Following the OWASP CSV-injection guidance, a text cell whose first character is ``=``, ``+``,
``-``, ``@``, tab or carriage return is prefixed with a single quote, so Excel, LibreOffice and
Google Sheets show it as text instead of evaluating it (``=HYPERLINK(...)``, ``@SUM(...)``,
``-2+3+cmd|' /C calc'!A0``). Column names are neutralised too. Numbers stay numbers.

:func:`write_table` is the one writer screening results and exports go through: CSV and XLSX
are neutralised; JSON is written as data (it is not opened by a spreadsheet, and the values
must round-trip exactly). Files are written to a temporary name and renamed into place, so a
failed write never leaves half a file under the final name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook

from graph import xlsx_sheets
from graph.atomic import atomic_path
from graph.audit import file_sha256

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_DANGEROUS_FIRST = frozenset(DANGEROUS_PREFIXES)
#: Excel refuses cells longer than this; longer text is cut and marked.
XLSX_CELL_LIMIT = 32_767
TRUNCATION_MARK = "…[truncated]"
#: Control characters that the XLSX (XML) format cannot hold.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


class TableFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


@dataclass(frozen=True)
class WrittenTable:
    path: Path
    fmt: TableFormat
    rows: int
    sha256: str


def neutralise(value: Any) -> Any:
    """A text value that a spreadsheet would evaluate gets a leading ``'``; anything else unchanged."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def _flatten(value: Any) -> Any:
    """Lists and dicts become JSON text (a spreadsheet cell holds one scalar)."""
    if isinstance(value, list | tuple | dict | set):
        items = sorted(value, key=str) if isinstance(value, set) else value
        return json.dumps(items, ensure_ascii=False, default=str, sort_keys=True)
    return value


def _fix_cell(value: Any, cell: Callable[[Any], Any] | None) -> Any:
    """One cell made safe: the reference behaviour :func:`make_safe` vectorises."""
    value = neutralise(_flatten(value))
    return cell(value) if cell is not None else value


def _positions(
    series: pd.Series, values: np.ndarray, pick: Callable[[str], bool], arrow: Callable[[Any], Any]
) -> np.ndarray:
    """Positions of the text cells ``pick`` chooses: for a string column with vectorised string
    ops (``arrow`` over its ``.str`` accessor), else one cheap test per cell."""
    if isinstance(series.dtype, pd.StringDtype):
        return np.flatnonzero(arrow(series.str).fillna(False).to_numpy(dtype=bool))
    return np.array([i for i, v in enumerate(values) if isinstance(v, str) and pick(v)], dtype=np.intp)


def _safe_column(
    series: pd.Series,
    cell: Callable[[Any], Any] | None,
    text: Callable[[pd.Series, np.ndarray], None] | None,
) -> pd.Series:
    """:func:`_fix_cell` over a column. A column of text and missing values (nearly all) only
    rewrites the few cells that change: calling :func:`_fix_cell` on every cell made a 25,000-row
    export spend seconds here. Anything else (lists and dicts to flatten, numbers mixed with
    text) goes cell by cell."""
    values = series.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty") or (cell and not text):
        fixed = [_fix_cell(v, cell) for v in values]
        return pd.Series(fixed, index=series.index, name=series.name, dtype=object)
    values = values.copy()
    # Every dangerous prefix is one character: "starts with one of them" is "its first is one".
    for i in _positions(
        series, values, lambda v: v[:1] in _DANGEROUS_FIRST, lambda s: s.startswith(DANGEROUS_PREFIXES)
    ):
        values[i] = "'" + values[i]
    if text is not None:
        text(series, values)
    return pd.Series(values, index=series.index, name=series.name, dtype=object)


def make_safe(
    df: pd.DataFrame,
    *,
    cell: Callable[[Any], Any] | None = None,
    text: Callable[[pd.Series, np.ndarray], None] | None = None,
) -> pd.DataFrame:
    """A copy of ``df`` whose text cells and column names are neutralised, then passed to ``cell``.

    ``text``: ``cell`` over a whole column of text and missing values, in place (faster); a
    ``cell`` without it is called on every cell."""
    out = df.copy()
    for column in out.columns:
        series = out[column]
        if not (
            pd.api.types.is_numeric_dtype(series)
            or pd.api.types.is_bool_dtype(series)
            or pd.api.types.is_datetime64_any_dtype(series)
        ):
            out[column] = _safe_column(series, cell, text)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def _xlsx_cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = _XML_ILLEGAL.sub("", value)
    if len(value) > XLSX_CELL_LIMIT:
        value = value[: XLSX_CELL_LIMIT - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return value


def _xlsx_text(series: pd.Series, values: np.ndarray) -> None:
    """:func:`_xlsx_cell` over ``values`` (``series`` made safe), in place: only the cells it
    changes (control characters XML cannot hold, text over Excel's limit) are rewritten."""

    def pick(v: str) -> bool:
        return len(v) > XLSX_CELL_LIMIT or _XML_ILLEGAL.search(v) is not None

    def arrow(strings: Any) -> Any:
        # The quote may yet push a cell at the limit over it.
        return (strings.len() > XLSX_CELL_LIMIT - 1) | strings.contains(_XML_ILLEGAL.pattern, regex=True)

    for i in _positions(series, values, pick, arrow):
        values[i] = _xlsx_cell(values[i])


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _SHEET_ILLEGAL.sub("_", name).strip("'")[:31] or "sheet"
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f"_{n}"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _json_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    text = df.to_json(orient="records", date_format="iso", force_ascii=False, default_handler=str)
    return list(json.loads(text))


def _plain(value: Any) -> Any:
    """A cell value openpyxl writes as is: missing values (NaN, NaT, NA) become empty cells."""
    if value is None or (not isinstance(value, str | bytes | list | tuple | dict) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime | dt.time) and value.tzinfo is not None:
        raise ValueError(
            "Excel does not support timezones in datetimes: convert them to naive (e.g. UTC) first"
        )
    return value


#: Inferred column types whose cells :func:`_plain` only turns from missing into None.
_PLAIN_TYPES = frozenset({"string", "empty", "integer", "floating", "mixed-integer-float", "boolean"})


def _plain_column(series: pd.Series) -> list[Any]:
    """:func:`_plain` over a column: vectorised for text, numbers and missing values (no datetimes
    whose timezone must be refused, no lists that are not missing values)."""
    values = series.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) not in _PLAIN_TYPES:
        return [_plain(v) for v in values]
    values = values.copy()
    values[pd.isna(values)] = None
    return values.tolist()


def _write_xlsx(path: Path, sheets: Mapping[str, pd.DataFrame]) -> None:
    # openpyxl's write-only mode streams rows to disk: about twice as fast as pandas.to_excel
    # (which styles and binds every cell) and with memory bounded by one row. Sheets of plain
    # values skip even that: openpyxl saves them empty and graph.xlsx_sheets writes their rows,
    # the same bytes, as text a column at a time.
    book = Workbook(write_only=True)
    taken: set[str] = set()
    fast: dict[Any, xlsx_sheets.Columns] = {}  # write-only sheet → its rows
    try:
        for name, frame in sheets.items():
            safe = make_safe(frame, cell=_xlsx_cell, text=_xlsx_text)
            sheet = book.create_sheet(_sheet_name(name, taken))
            header = list(safe.columns)
            columns = [_plain_column(safe[c]) for c in safe.columns]
            if xlsx_sheets.plain_sheet(header, columns):
                fast[sheet] = (header, columns)
                continue
            sheet.append(header)
            for row in zip(*columns, strict=True):
                sheet.append(list(row))
    except BaseException:
        # Write-only sheets stream into temporary files until saved: remove them now, not at exit.
        for ws in book.worksheets:
            with contextlib.suppress(Exception):
                ws.close()
                ws._writer.cleanup()
        raise
    if not fast:
        book.save(path)
        return
    skeleton = io.BytesIO()
    book.save(skeleton)  # numbers the sheets: their paths are known from here on
    xlsx_sheets.fill_sheets(
        skeleton.getvalue(), path, {ws.path.lstrip("/"): rows for ws, rows in fast.items()}
    )


def _write_tmp(path: Path, fmt: TableFormat, df: pd.DataFrame, sheets: Mapping[str, pd.DataFrame]) -> None:
    if fmt is TableFormat.CSV:
        # CRLF rows (RFC 4180): the csv module then quotes any cell holding \r or \n.
        make_safe(df).to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")
    elif fmt is TableFormat.XLSX:
        _write_xlsx(path, sheets)
    else:
        data: Any = {name: _json_records(frame) for name, frame in sheets.items()}
        if len(sheets) == 1:
            data = _json_records(df)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def write_table(
    df: pd.DataFrame,
    path: Path | str,
    fmt: TableFormat | str | None = None,
    *,
    sheet: str = "results",
    sheets: Mapping[str, pd.DataFrame] | None = None,
) -> WrittenTable:
    """Write ``df`` as CSV, XLSX or JSON (format from ``fmt`` or the file suffix), atomically.

    ``sheets`` are extra tables (e.g. ``{"run": metadata_df}``): further worksheets in XLSX, further
    keys of one JSON object (``{"results": [...], "run": [...]}``); CSV holds the main table only.
    Returns the path, format, row count and the SHA-256 of the written file (for the audit log).
    """
    path = Path(path)
    if fmt is None:
        suffix = path.suffix.lower().lstrip(".")
        try:
            fmt = TableFormat(suffix)
        except ValueError:
            raise ValueError(
                f"{path}: cannot tell the format from '.{suffix}'; use csv, xlsx or json"
            ) from None
    fmt = TableFormat(fmt)
    all_sheets: dict[str, pd.DataFrame] = {sheet: df, **dict(sheets or {})}
    with atomic_path(path) as tmp:
        _write_tmp(tmp, fmt, df, all_sheets)
        digest = file_sha256(tmp)  # of the bytes that are renamed into place
    return WrittenTable(path=path, fmt=fmt, rows=len(df), sha256=digest)
