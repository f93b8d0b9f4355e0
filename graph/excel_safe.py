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
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook

from graph.atomic import atomic_path
from graph.audit import file_sha256

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
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


def make_safe(df: pd.DataFrame, *, cell: Callable[[Any], Any] | None = None) -> pd.DataFrame:
    """A copy of ``df`` whose text cells and column names are neutralised."""

    def fix(value: Any) -> Any:
        value = neutralise(_flatten(value))
        return cell(value) if cell is not None else value

    out = df.copy()
    for column in out.columns:
        series = out[column]
        if not (
            pd.api.types.is_numeric_dtype(series)
            or pd.api.types.is_bool_dtype(series)
            or pd.api.types.is_datetime64_any_dtype(series)
        ):
            out[column] = series.astype(object).map(fix)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def _xlsx_cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = _XML_ILLEGAL.sub("", value)
    if len(value) > XLSX_CELL_LIMIT:
        value = value[: XLSX_CELL_LIMIT - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return value


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


def _write_xlsx(path: Path, sheets: Mapping[str, pd.DataFrame]) -> None:
    # openpyxl's write-only mode streams rows to disk: about twice as fast as pandas.to_excel
    # (which styles and binds every cell) and with memory bounded by one row.
    book = Workbook(write_only=True)
    taken: set[str] = set()
    try:
        for name, frame in sheets.items():
            safe = make_safe(frame, cell=_xlsx_cell)
            sheet = book.create_sheet(_sheet_name(name, taken))
            sheet.append(list(safe.columns))
            columns = [safe[c].tolist() for c in safe.columns]
            for row in zip(*columns, strict=True):
                sheet.append([_plain(v) for v in row])
    except BaseException:
        # Write-only sheets stream into temporary files until saved: remove them now, not at exit.
        for ws in book.worksheets:
            with contextlib.suppress(Exception):
                ws.close()
                ws._writer.cleanup()
        raise
    book.save(path)


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
