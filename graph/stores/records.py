"""A keyed table of property dicts that can start from columns read off disk.

Reloading a million edges must not build a million dicts up front; a record loaded from Parquet
stays a row number into the loaded columns until something reads or updates it. Columns may
also be Arrow arrays (a bulk write or a reload hands them over as they are): they become Python
lists only when a row is first read, and go back to disk without ever being converted.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any, Generic, TypeVar

import pyarrow as pa

K = TypeVar("K", bound=Hashable)


def _as_list(column: Any) -> list[Any]:
    return column.to_pylist() if isinstance(column, pa.ChunkedArray | pa.Array) else column


class Records(Generic[K]):
    __slots__ = ("_columns", "_lazy", "_names", "_size", "rows")

    def __init__(self) -> None:
        self.rows: dict[K, Any] = {}  # key -> props dict, or int row of the loaded columns
        self._names: list[str] = []
        self._columns: list[Any] = []  # lists, or Arrow arrays until a row is read
        self._size = 0  # rows in the loaded columns (rows deleted since stay, unreferenced)
        self._lazy = False  # some column is still an Arrow array

    def load(self, keys: list[K], names: list[str], columns: list[Any]) -> None:
        """Start from columns (each ``len(keys)`` long; ``None`` = absent). Only on an empty table."""
        self.rows = dict(zip(keys, range(len(keys)), strict=True))
        self._names, self._columns = list(names), list(columns)
        self._size = len(keys)
        self._lazy = any(type(c) is not list for c in self._columns)

    def extend(self, keys: list[K], names: list[str], columns: list[Any]) -> None:
        """Add rows for ``keys`` given as columns. Every key must be new and appear once (the
        caller checks). A bulk write of new rows lands here without one dict per row; given
        lists are copied, so the caller may reuse them."""
        if not self.rows and not self._size:
            self.load(keys, names, [c if type(c) is not list else list(c) for c in columns])
            return
        self._materialise()
        start, added = self._size, len(keys)
        new = dict(zip(names, columns, strict=True))
        for name in names:
            if name not in self._names:
                self._names.append(name)
                self._columns.append([None] * start)
        for name, column in zip(self._names, self._columns, strict=True):
            values = new.get(name)
            column.extend(_as_list(values) if values is not None else [None] * added)
        self.rows.update(zip(keys, range(start, start + added), strict=True))
        self._size = start + added

    def block(self) -> tuple[list[str], list[Any]]:
        """The loaded columns (names, values); rows refer to them by position until materialised."""
        return self._names, self._columns

    def _materialise(self) -> None:
        if self._lazy:
            self._columns = [_as_list(c) for c in self._columns]
            self._lazy = False

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[K]:
        return iter(self.rows)

    def get(self, key: K) -> dict[str, Any] | None:
        value = self.rows.get(key)
        if type(value) is int:
            self._materialise()
            value = {
                n: c[value] for n, c in zip(self._names, self._columns, strict=True) if c[value] is not None
            }
            self.rows[key] = value
        return value

    def column(self, keys: list[K], name: str) -> list[Any]:
        """One property of each record (``None`` when absent) without building the records' dicts.

        A frame of a few columns over many loaded records would otherwise materialise every
        property of every record first.
        """
        loaded: list[Any] | None = None
        if name in self._names:
            i = self._names.index(name)
            if type(self._columns[i]) is not list:  # still Arrow: convert this column alone
                self._columns[i] = _as_list(self._columns[i])
            loaded = self._columns[i]
        rows = self.rows
        out: list[Any] = []
        for key in keys:
            value = rows[key]
            if type(value) is int:
                out.append(None if loaded is None else loaded[value])
            else:
                out.append(value.get(name))
        return out

    def __getitem__(self, key: K) -> dict[str, Any]:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def put(self, key: K, props: dict[str, Any]) -> None:
        self.rows[key] = props

    def pop(self, key: K) -> bool:
        return self.rows.pop(key, None) is not None

    def clear(self) -> None:
        self.rows = {}
        self._names, self._columns = [], []
        self._size = 0
        self._lazy = False
