"""Read a tabular file (CSV, CSV.gz, XLSX, Parquet) into strings, applying a column mapping.

Everything is read as text: normalisers decide what a value means, so "007" stays "007".
Rows are numbered from 1 = first data row (the header is not a row); a CSV parser error names
the file line and the matching row.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from chipwatch.errors import InputFileError

_LINE = re.compile(r"line (\d+)")


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
            frame = pd.read_csv(
                path,
                dtype=str,
                keep_default_na=False,
                on_bad_lines="error",
                encoding="utf-8-sig",
                skipinitialspace=False,
            )
    except pd.errors.ParserError as exc:
        match = _LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        where = f" (file line {line})" if line else ""
        raise InputFileError(
            path, f"malformed CSV{where}: {exc}; nothing was loaded", row=line - 1 if line else None
        ) from exc
    except UnicodeDecodeError as exc:
        raise InputFileError(
            path, f"not UTF-8 text ({exc.reason} at byte {exc.start}); nothing was loaded"
        ) from exc
    except (ValueError, OSError, ImportError) as exc:
        raise InputFileError(path, f"cannot read file: {exc}") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


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
                f"to column '{vendor}', which is not in the file (columns: {list(raw.columns)})",
                field=vendor,
            )
    source_of = {c: mapping.get(c, c) for c in columns}
    missing = [c for c in required if source_of[c] not in raw.columns]
    if missing:
        raise InputFileError(
            path,
            f"required column(s) {missing} missing (columns: {list(raw.columns)}); "
            "use --mapping to name them",
            field=missing[0],
        )
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
    raise InputFileError(path, f"{reason}{shown}{more}; nothing was loaded", row=row, field=field)
