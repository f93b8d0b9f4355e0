"""A reading of two names that one of them may make of the other: tried with the first name as
the one that abbreviates, then the second; the hit says which (its ``abbreviating`` field).

Acronyms of part of a name (:mod:`graph.resolve.acronym_parts`), Russian initialisms
(:mod:`graph.resolve.russian_initials`) and Russian compound words
(:mod:`graph.resolve.russian_compounds`) are each read one way; this is their two-way reading.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast


class Abbreviating(Protocol):
    """A (frozen) dataclass whose ``abbreviating`` is 0 (the first name passed abbreviates) or 1."""

    @property
    def abbreviating(self) -> int: ...


HitT = TypeVar("HitT", bound=Abbreviating)


def either_way(first: Callable[[], HitT | None], second: Callable[[], HitT | None]) -> HitT | None:
    """``first()`` (read with the first name abbreviating) when it holds, else ``second()`` (the
    second name abbreviating) marked ``abbreviating = 1``; None when neither holds. ``second`` is
    only called when ``first`` found nothing."""
    hit = first()
    if hit is not None:
        return hit
    other = second()
    # dataclasses.replace is typed for dataclass instances, which a Protocol cannot require.
    return None if other is None else cast(HitT, dataclasses.replace(cast(Any, other), abbreviating=1))
