"""Read a tabular file (CSV, CSV.gz, XLSX, Parquet) into strings, applying a column mapping.

Everything is read as text: normalisers decide what a value means, so "007" stays "007".
Rows are numbered from 1 = first data row (the header is not a row), with the file line where a
CSV row starts beside it; a CSV parser error names the file line (docs/inputs.md).
"""

from __future__ import annotations

import tomllib
import zipfile
import zlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from chipwatch.errors import InputFileError
from graph.csv_delimiters import one_column_reason
from graph.csv_fields import refuse_cut_last_row, refuse_shifted_columns
from graph.csv_lines import COMPRESSED, line_of_row, parser_line
from graph.text_cells import looks_binary, refuse_bad_cells
from graph.utf8_cells import undecodable_cell

#: What to do with a CSV separated otherwise than by commas.
SEPARATOR_REMEDY = "save the sheet as .xlsx (read as well) or as a CSV separated by commas"


def load_mapping(path: Path) -> dict[str, str]:
    """Canonical column → column in the vendor file, from YAML or TOML.

    Either ``{canonical: vendor, …}`` or ``{"columns": {canonical: vendor, …}}``.
    """
    try:
        text = path.read_text(encoding="utf-8")
        data: Any = tomllib.loads(text) if path.suffix.lower() == ".toml" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise InputFileError(path, f"cannot read column mapping: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputFileError(path, 'a column mapping is a table of canonical_name = "vendor column" strings')
    return dict(data)


def _check_text(path: Path) -> None:
    """Refuse a binary file before the CSV parser reads it whole as one enormous header."""
    if path.name.lower().endswith(COMPRESSED):
        return  # compressed: pandas decompresses it by its suffix, the parser's checks apply
    with path.open("rb") as handle:
        if looks_binary(handle.read(8192)):
            raise InputFileError(path, "not a text CSV file (binary content); nothing was loaded")


def _read_csv(path: Path, **options: Any) -> pd.DataFrame:
    """``pd.read_csv`` of every cell as text, its errors as one :class:`InputFileError` each."""
    _check_text(path)
    try:
        return pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            on_bad_lines="error",
            encoding="utf-8-sig",
            skipinitialspace=False,
            **options,
        )
    except pd.errors.EmptyDataError as exc:
        raise InputFileError(path, "file is empty (no header row); nothing was loaded") from exc
    except pd.errors.ParserError as exc:
        # The parser counts lines, not rows: a blank line or a quoted line break before it would
        # make a row number derived from the line wrong.
        raise InputFileError(
            path, f"malformed CSV: {exc}; nothing was loaded", line=parser_line(str(exc))
        ) from exc
    except UnicodeDecodeError as exc:
        raise undecodable_cell(path, then="; nothing was loaded") from exc
    except (EOFError, zlib.error) as exc:  # a cut-off .csv.gz (EOFError would print only "Aborted.")
        raise InputFileError(
            path, f"cannot decompress (truncated or damaged gzip file?): {exc}; nothing was loaded"
        ) from exc


def read_header(path: Path) -> list[str]:
    """The column names of a CSV file (read errors as :func:`read_frame`'s)."""
    return list(_read_csv(path, nrows=0).columns)


def read_frame(path: Path) -> pd.DataFrame:
    """The raw file as a DataFrame of strings (empty cells are empty strings)."""
    name = path.name.lower()
    if not path.exists():
        raise InputFileError(path, "file not found")
    try:
        if name.endswith((".xlsx", ".xlsm")):
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        elif name.endswith(".parquet"):
            frame = pd.read_parquet(path)
            frame = frame.astype(object).where(frame.notna(), "").astype(str)
        else:
            # Excel's "CSV" in much of Europe is separated by semicolons: one column, named by the
            # header line. Checked on the header alone: a row with a comma would fail as malformed.
            wrong_separator = one_column_reason(read_header(path), SEPARATOR_REMEDY)
            if wrong_separator is not None:
                raise InputFileError(path, f"{wrong_separator}; nothing was loaded", line=1)
            frame = _read_csv(path)
            refuse_shifted_columns(path, frame, then="; nothing was loaded")
            refuse_cut_last_row(path, then="; nothing was loaded")
    except zipfile.BadZipFile as exc:
        raise InputFileError(path, f"damaged XLSX workbook ({exc}); nothing was loaded") from exc
    except (ValueError, OSError, ImportError) as exc:
        raise InputFileError(path, f"cannot read file: {exc}") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def shown_columns(columns: Collection[object], limit: int = 20, width: int = 40) -> str:
    """A file's column names for a message: the first ``limit``, each cut to ``width`` characters
    (a binary or one-line file can have a "column name" of megabytes)."""
    names = [str(c) if len(str(c)) <= width else str(c)[:width] + "…" for c in list(columns)[:limit]]
    more = f" and {len(columns) - limit} more" if len(columns) > limit else ""
    return f"{names}{more}"


def read_table(
    path: Path,
    columns: Collection[str],
    required: Collection[str],
    mapping: dict[str, str] | None = None,
    mapping_path: Path | None = None,
    frame: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Canonical columns (all present; missing optional ones empty) from a file or a given frame."""
    raw = read_frame(path) if frame is None else frame
    mapping = mapping or {}
    unknown = sorted(set(mapping) - set(columns))
    if unknown:
        raise InputFileError(
            mapping_path or path,
            f"mapping names unknown canonical column(s) {unknown}; expected some of {sorted(columns)}",
        )
    for canonical, vendor in mapping.items():
        if vendor not in raw.columns:
            raise InputFileError(
                path,
                f"the column mapping{' ' + str(mapping_path) if mapping_path else ''} maps '{canonical}' "
                f"to column '{vendor}', which is not in the file (columns: {shown_columns(raw.columns)})",
                field=vendor,
            )
    source_of = {c: mapping.get(c, c) for c in columns}
    missing = [c for c in required if source_of[c] not in raw.columns]
    if missing:
        raise InputFileError(
            path,
            f"required column(s) {missing} missing (columns: {shown_columns(raw.columns)}); "
            "use --mapping to name them",
            field=missing[0],
        )
    read = {source_of[c]: source_of[c] for c in columns if source_of[c] in raw.columns}
    refuse_bad_cells(path, raw, read, line_of=lambda row: line_of_row(path, row), then="; nothing was loaded")
    out = pd.DataFrame(index=raw.index)
    for canonical in columns:
        col = source_of[canonical]
        out[canonical] = raw[col].astype(str).str.strip() if col in raw.columns else ""
    return out.reset_index(drop=True)


def first_bad(mask: pd.Series) -> int | None:
    """1-based row number of the first True in ``mask`` (None when all False)."""
    hits = mask.to_numpy().nonzero()[0]
    return int(hits[0]) + 1 if len(hits) else None


def fail_on(path: Path, mask: pd.Series, field: str, reason: str, values: pd.Series | None = None) -> None:
    """Raise for the first bad row (and say how many rows are bad) — before anything is written."""
    row = first_bad(mask)
    if row is None:
        return
    total = int(mask.sum())
    shown = f" ({values.iloc[row - 1]!r})" if values is not None else ""
    more = f"; {total - 1} more row(s) like it" if total > 1 else ""
    raise InputFileError(
        path, f"{reason}{shown}{more}; nothing was loaded", row=row, line=line_of_row(path, row), field=field
    )
