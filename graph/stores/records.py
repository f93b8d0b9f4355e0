"""A keyed table of property dicts that can start from columns read off disk.

Reloading a million edges must not build a million dicts up front; a record loaded from Parquet
stays a row number into the loaded columns until something reads or updates it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class Records(Generic[K]):
    __slots__ = ("_columns", "_names", "rows")

    def __init__(self) -> None:
        self.rows: dict[K, Any] = {}  # key -> props dict, or int row of the loaded columns
        self._names: list[str] = []
        self._columns: list[list[Any]] = []

    def load(self, keys: list[K], names: list[str], columns: list[list[Any]]) -> None:
        """Start from columns (each ``len(keys)`` long; ``None`` = absent). Only on an empty table."""
        self.rows = dict(zip(keys, range(len(keys)), strict=True))
        self._names, self._columns = names, columns

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[K]:
        return iter(self.rows)

    def get(self, key: K) -> dict[str, Any] | None:
        value = self.rows.get(key)
        if type(value) is int:
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
        loaded = self._columns[self._names.index(name)] if name in self._names else None
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
