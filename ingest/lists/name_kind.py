"""Is this list row a person? — its kind when the list publishes no entity type.

The CSL gives no ``type`` for Entity List, Unverified List, MEU, ISN, DPL and DTC rows, yet
people are listed there ("Khalil Zadran", "Wong Yuh Lan"). :func:`untyped_kind` gives such a
row the kind its name reads as (:func:`graph.resolve.name_kind_reading.read_kind`, which says
why), or the list's default when the name does not read as a person's.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.resolve.name_kind_reading import read_kind
from ingest.lists.model import EntityKind


def untyped_kind(
    name: str, default: EntityKind, birth_dates: Sequence[str] = (), aliases: Sequence[str] = ()
) -> tuple[EntityKind, str, str]:
    """``(kind, kind_source, kind_evidence)`` of a row its list publishes no type for: a person
    when the name reads as one (source ``name``), else the list's ``default`` (source ``default``)."""
    reading = read_kind(name, birth_dates=birth_dates, aliases=aliases)
    if reading.person:
        return EntityKind.PERSON, "name", reading.evidence
    return default, "default", ""
