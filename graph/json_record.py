"""A dataclass read back from the JSON record it was written as, by this chipwatch or another.

The workspace's records (the risk run's basis, the graph-sync journal) outlive the chipwatch that
wrote them: a workspace is shared, copied or opened by an older release after a newer one wrote
it. A newer release may add fields; refusing a record for holding one would make it read as
damaged — its run unrecorded, its sync unreadable — where everything this release needs is there.
So fields this release does not know are ignored, while a field it knows that is missing (and has
no default) or holds a value of another type is refused: that record cannot be trusted.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def _value(value: Any, hint: Any) -> Any:
    """``value`` as ``hint`` holds it (a JSON list read into a tuple field becomes a tuple);
    raises ValueError when it does not fit."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return value
    if origin is Union or origin is types.UnionType:
        for arg in args:
            try:
                return _value(value, arg)
            except ValueError:
                continue
        raise ValueError
    if origin is Literal:
        if value in args:
            return value
        raise ValueError
    if hint is type(None):
        if value is None:
            return None
        raise ValueError
    if origin is dict:
        if not isinstance(value, dict):
            raise ValueError
        return {_value(k, args[0]): _value(v, args[1]) for k, v in value.items()}
    if origin in (tuple, list):
        if not isinstance(value, list | tuple):
            raise ValueError
        items = [_value(v, args[0]) for v in value]  # tuple[X, ...] and list[X]: one element type
        return tuple(items) if origin is tuple else items
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # JSON writes 1.0 as 1 in some writers
    # bool is an int in Python, not in JSON: a count that reads true is not a count
    if isinstance(value, hint) and not (hint is int and isinstance(value, bool)):
        return value
    raise ValueError


def _name(hint: Any) -> str:
    """``str | None`` rather than ``typing.Optional[str]``, ``int`` rather than ``<class 'int'>``."""
    return hint.__name__ if isinstance(hint, type) else str(hint).replace("typing.", "")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The class's field types, resolved once (resolving them costs ~0.5 ms; the app reads the
    graph-sync record on every render)."""
    return typing.get_type_hints(cls)


def from_json(cls: type[T], data: Any) -> T:
    """An instance of the dataclass ``cls`` from ``data`` (a parsed JSON object): unknown fields
    ignored; TypeError for a known field missing or of another type, or for data not an object."""
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, found {type(data).__name__}")
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise TypeError(f"field {f.name!r} is missing")
            continue
        try:
            values[f.name] = _value(data[f.name], hints[f.name])
        except ValueError:
            found = type(data[f.name]).__name__
            raise TypeError(f"field {f.name!r}: expected {_name(hints[f.name])}, found {found}") from None
    return cls(**values)
