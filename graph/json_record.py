"""A dataclass read back from the JSON record it was written as, by this chipwatch or another.

The workspace's records (the risk run's basis, the graph-sync journal) outlive the chipwatch that
wrote them: a workspace is shared, copied or opened by an older release after a newer one wrote
it. A newer release may add fields; refusing a record for holding one would make it read as
damaged — its run unrecorded, its sync unreadable — where everything this release needs is there.
So fields this release does not know are ignored, while a field it knows that is missing (and has
no default) or holds a value of another type is refused: that record cannot be trusted.

The checking is pydantic's, in strict JSON mode (no "3" read as 3, no true as 1; a JSON array
fills a tuple field). A plain dataclass validated by pydantic ignores unknown fields.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
    from pydantic import TypeAdapter

T = TypeVar("T", bound="DataclassInstance")


@functools.cache
def _adapter(cls: type[T]) -> TypeAdapter[T]:
    """The class's validator, built once per process (building one costs ~0.2 s; the app reads
    the graph-sync record on every render). pydantic is imported here, not at start-up: most
    commands never read a record."""
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def from_json(cls: type[T], data: Any) -> T:
    """An instance of the dataclass ``cls`` from ``data`` (a parsed JSON object): unknown fields
    ignored; TypeError naming the field for a known field missing or of another type, or for
    data not an object."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, found {type(data).__name__}")
    try:
        return _adapter(cls).validate_json(orjson.dumps(data), strict=True)
    except ValidationError as exc:
        raise TypeError(_first_problem(exc)) from None


def _first_problem(exc: Any) -> str:
    """``field 'pid': Input should be a valid integer (found str)`` for the first error."""
    error = exc.errors()[0]
    loc = error["loc"]
    name = str(loc[0]) if loc else "?"
    if error["type"] == "missing" and len(loc) == 1:
        return f"field {name!r} is missing"
    where = ".".join(str(part) for part in loc)
    return f"field {where!r}: {error['msg']} (found {type(error['input']).__name__})"
