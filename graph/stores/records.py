"""A keyed table of property dicts that can start from columns read off disk.

Reloading a million edges must not build a million dicts up front; a record loaded from Parquet
stays a row number into the loaded columns until something reads or updates it. Columns may
also be Arrow arrays (a bulk write or a reload hands them over as they are): a few rows are read
from them value by value, frames are gathered from them in C, and they become Python lists only
when many rows are read one by one (or a column is read or updated as a whole); untouched, they
go back to disk without ever being converted.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any, Generic, TypeVar

import numpy as np
import pyarrow as pa

from graph.stores.columns import plain_arrow_type

K = TypeVar("K", bound=Hashable)
#: get() reads single rows straight from Arrow columns until one row in this many has been read
SCALAR_READS = 50


def _as_list(column: Any) -> list[Any]:
    return column.to_pylist() if isinstance(column, pa.ChunkedArray | pa.Array) else column


class Records(Generic[K]):
    __slots__ = ("_columns", "_lazy", "_names", "_scalar_reads", "_size", "rows")

    def __init__(self) -> None:
        self.rows: dict[K, Any] = {}  # key -> props dict, or int row of the loaded columns
        self._names: list[str] = []
        self._columns: list[Any] = []  # lists, or Arrow arrays until a row is read
        self._size = 0  # rows in the loaded columns (rows deleted since stay, unreferenced)
        self._lazy = False  # some column is still an Arrow array
        self._scalar_reads = 0  # rows read value by value from the Arrow columns (get)

    def load(self, keys: list[K], names: list[str], columns: list[Any]) -> None:
        """Start from columns (each ``len(keys)`` long; ``None`` = absent). Only on an empty table."""
        self.rows = dict(zip(keys, range(len(keys)), strict=True))
        self._names, self._columns = list(names), list(columns)
        self._size = len(keys)
        self._lazy = any(type(c) is not list for c in self._columns)
        self._scalar_reads = 0

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

    def update(
        self, keys: list[K], names: list[str], columns: list[Any], clear: frozenset[str] = frozenset()
    ) -> None:
        """Merge column values (``None`` = leave as is) into the records of ``keys``, which must
        all exist and appear once (the caller checks). A record still held as a row of the loaded
        columns is updated in those columns, column by column, so updating every record of a kind
        (``chipwatch risk`` writes a few properties on each entity) builds no dict per record and
        leaves the columns it does not touch as they were (Arrow stays Arrow).

        ``clear``: names whose ``None`` (or absence from ``names``) removes the property instead
        (an upsert's owned properties, :class:`graph.store.GraphStore`)."""
        rows = self.rows
        targets = [rows[key] for key in keys]
        for name, values in zip(names, columns, strict=True):
            column = self._writable(name)
            removes = name in clear
            for target, value in zip(targets, _as_list(values), strict=True):
                if type(target) is int:
                    if value is not None or removes:
                        column[target] = value
                elif value is not None:
                    target[name] = value
                elif removes:
                    target.pop(name, None)
        missing = clear.difference(names)
        if missing:
            self._remove(targets, missing)

    def _writable(self, name: str) -> list[Any]:
        """The loaded column ``name`` as Python values (added, all absent, if new)."""
        if name not in self._names:
            self._names.append(name)
            self._columns.append([None] * self._size)
        i = self._names.index(name)
        column = self._columns[i]
        if type(column) is not list:  # this column alone becomes Python values
            column = self._columns[i] = _as_list(column)
        return column

    def _remove(self, targets: list[Any], names: frozenset[str]) -> None:
        """Properties ``names`` made absent in ``targets`` (rows of the loaded columns or dicts)."""
        loaded = [t for t in targets if type(t) is int]
        dicts = [t for t in targets if type(t) is not int] if len(loaded) < len(targets) else []
        for name in names:
            for record in dicts:
                record.pop(name, None)
            if loaded and name in self._names:
                i = self._names.index(name)
                current = self._columns[i]
                if type(current) is not list and current.null_count == len(current):
                    continue  # an Arrow column with no value: nothing to remove, keep it Arrow
                column = self._writable(name)
                for row in loaded:
                    column[row] = None

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
            if self._lazy and self._scalar_reads * SCALAR_READS < self._size:
                # A few rows of a big Arrow-backed table (a path's sample shipments) are read value
                # by value: converting every column of a million shipments for them would cost
                # seconds and a gigabyte. Many rows read one by one convert the columns once.
                self._scalar_reads += 1
                got = (c[value] for c in self._columns)
                row = (v.as_py() if isinstance(v, pa.Scalar) else v for v in got)
                value = {n: v for n, v in zip(self._names, row, strict=True) if v is not None}
            else:
                self._materialise()
                value = {
                    n: c[value]
                    for n, c in zip(self._names, self._columns, strict=True)
                    if c[value] is not None
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

    def positions(self, keys: list[K]) -> np.ndarray | None:
        """Row numbers of ``keys`` in the loaded columns, or None when some record has been read
        or updated since (it is a dict now, and only :meth:`column` knows its values)."""
        rows = self.rows
        found = [rows[key] for key in keys]
        if set(map(type, found)) - {int}:
            return None
        return np.fromiter(found, dtype=np.int64, count=len(found))

    def gather(self, name: str, positions: np.ndarray) -> pa.ChunkedArray | None:
        """Column ``name`` at ``positions`` (from :meth:`positions`) gathered in C while it is still
        an Arrow array, without converting it: a frame of a million shipments then holds no Python
        strings, and the column stays Arrow for the next flush. None when it is absent or a list."""
        if name not in self._names:
            return None
        column = self._columns[self._names.index(name)]
        if not isinstance(column, pa.ChunkedArray) or not (
            plain_arrow_type(column.type) or pa.types.is_null(column.type)
        ):
            return None  # e.g. lists (aliases): pandas would make numpy arrays of them
        if len(positions) == len(column) and bool((positions == np.arange(len(positions))).all()):
            return column
        return column.take(pa.array(positions))

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
        self._scalar_reads = 0
