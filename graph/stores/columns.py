"""Rows handed to a store as columns: iterable as row mappings, readable column by column.

``ColumnRows.from_frame(df)`` is what a bulk writer passes to ``upsert_nodes``/``upsert_edges``.
Any store can iterate it like a list of dicts (absent values are left out, as the store
contract wants); the networkx store instead takes the columns as they are and adds a million
new rows without building a million dicts or Python strings.

A column is an Arrow array when its values have one plain type (strings, numbers, booleans —
pandas' own string columns convert without a copy), otherwise a list of Python values
(``None`` = absent; numpy scalars and arrays converted), so every value keeps the type the row
path would store.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any, TypeAlias, TypeGuard

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

Column: TypeAlias = "pa.ChunkedArray | list[Any]"


def is_arrow(column: Column) -> TypeGuard[pa.ChunkedArray]:
    return isinstance(column, pa.ChunkedArray)


def plain_arrow_type(kind: pa.DataType) -> bool:
    """Types whose Python values a store keeps as they are (``str``, ``int``, ``float``, ``bool``)."""
    return bool(
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_integer(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_boolean(kind)
    )


def as_list(column: Column) -> list[Any]:
    return column.to_pylist() if isinstance(column, pa.ChunkedArray) else column


def _python_values(series: pd.Series) -> list[Any]:
    """A column as plain Python values with ``None`` where the value is absent (NaN/None/NA)."""
    absent = series.isna().to_numpy()
    values: list[Any] = series.to_numpy(dtype=object).tolist()
    # numpy arrays (aliases) and numpy scalars become lists / Python scalars
    values = [v.tolist() if hasattr(v, "tolist") else v for v in values]
    for i in absent.nonzero()[0].tolist():
        values[i] = None
    return values


def _column(series: pd.Series) -> Column:
    dtype = series.dtype
    arrow_ok = (
        isinstance(dtype, pd.StringDtype)
        or pd.api.types.is_bool_dtype(dtype)
        or pd.api.types.is_numeric_dtype(dtype)
        or (
            pd.api.types.is_object_dtype(dtype)
            and pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty")
        )
    )
    if arrow_ok:
        try:
            array = pa.array(series, from_pandas=True)  # NaN → null (absent)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            array = None
        if array is not None:
            chunked = array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])
            if plain_arrow_type(chunked.type) or pa.types.is_null(chunked.type):
                return chunked
    return _python_values(series)


_PLAIN = frozenset({str, int, bool, type(None)})


def all_nonempty_str(values: list[Any]) -> bool:
    return set(map(type, values)) == {str} and "" not in values


def _scalar_list(value: list[Any]) -> bool:
    return set(map(type, value)) <= {str, int, float, bool}


def clean_columns(rows: ColumnRows, reserved: frozenset[str]) -> tuple[list[str], list[Column]] | None:
    """Property columns a store may take as they are (all-absent ones dropped), checked once per
    column; None if some value needs the row-by-row checks (numpy values, nested data, a NaN
    not marked absent), whose error then names the row."""
    names: list[str] = []
    columns: list[Column] = []
    for name, values in zip(rows.names, rows.columns, strict=True):
        if name in reserved:
            continue
        if is_arrow(values):
            if values.null_count == len(values):
                continue
            if not plain_arrow_type(values.type):
                return None
            if pa.types.is_floating(values.type) and pc.any(pc.is_nan(values)).as_py():
                return None
            names.append(name)
            columns.append(values)
            continue
        types = set(map(type, values))
        if types == {type(None)}:
            continue
        if not types <= _PLAIN:
            if types <= _PLAIN | {float}:
                if any(v != v for v in values):  # NaN, the only value unequal to itself
                    return None
            elif types <= _PLAIN | {list}:
                if not all(_scalar_list(v) for v in values if type(v) is list):
                    return None
            else:
                return None
        names.append(name)
        columns.append(values)
    return names, columns


class ColumnRows:
    """Equal-length columns (Arrow arrays or lists with ``None`` = absent) that iterate as row
    dicts without the absent keys."""

    __slots__ = ("columns", "length", "names")

    def __init__(self, names: list[str], columns: list[Column], length: int):
        if len(names) != len(columns) or any(len(c) != length for c in columns):
            raise ValueError("every column must hold one value per row")
        self.names = names
        self.columns = columns
        self.length = length

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> ColumnRows:
        names = [str(c) for c in frame.columns]
        return cls(names, [_column(frame[c]) for c in frame.columns], len(frame))

    def __len__(self) -> int:
        return self.length

    def column(self, name: str) -> Column | None:
        try:
            return self.columns[self.names.index(name)]
        except ValueError:
            return None

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.dicts())

    def dicts(self, names: list[str] | None = None) -> list[dict[str, Any]]:
        """One dict per row (of ``names``, default all) without its absent values.

        Built column by column: complete columns are zipped into the dicts in C, and only
        columns with gaps are added value by value.
        """
        wanted = self.names if names is None else names
        full_names: list[str] = []
        full: list[list[Any]] = []
        sparse: list[tuple[str, list[Any]]] = []
        for name in wanted:
            values = as_list(self.columns[self.names.index(name)])
            if None in values:  # C-level scan; nothing but None compares equal to None
                sparse.append((name, values))
            else:
                full_names.append(name)
                full.append(values)
        # The cyclic collector would rescan the growing heap again and again while a million
        # dicts (which hold no cycles) are created; pause it for the build.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            if full:
                out = [dict(zip(full_names, vals, strict=True)) for vals in zip(*full, strict=True)]
            else:
                out = [{} for _ in range(self.length)]
            for name, values in sparse:
                for row, value in zip(out, values, strict=True):
                    if value is not None:
                        row[name] = value
        finally:
            if was_enabled:
                gc.enable()
        return out
