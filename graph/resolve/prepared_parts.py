"""One :class:`PreparedRecords` from the parts of its records prepared apart (in other processes).

``prepare(records[:k])`` and ``prepare(records[k:])`` joined here hold what ``prepare(records)``
holds: every column in record order, each part's name rows after the last part's (``start``
moved on), each part's person readings after the last part's (``person_twin`` moved on), the
interned ids moved into one generation, and ``kind_id`` looked up again in this process's kind
table (a part prepared in another process numbered its kinds in its own copy of the table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from graph.resolve import unknown_kinds
from graph.resolve.features import (
    RECORD_COLUMNS,
    PreparedRecords,
    Record,
    kind_ids,
    moved_to,
)
from graph.resolve.interning import Interner

#: Fields that are not columns: joined on their own terms.
_NOT_COLUMNS = frozenset({"records", "interner", "moves", "as_person"})


@dataclass(frozen=True)
class Portable:
    """A prepared part as it travels between processes: its columns, its generation's strings
    (an interned id is a position in them) and its person readings; not its records, which the
    receiving process holds already."""

    columns: dict[str, Any]  # PreparedRecords' array columns by field name
    strings: list[str]
    as_person: Portable | None


def portable(prep: PreparedRecords) -> Portable:
    return Portable(
        columns={f.name: getattr(prep, f.name) for f in fields(prep) if f.name not in _NOT_COLUMNS},
        strings=list(prep.interner.strings),
        as_person=portable(prep.as_person) if prep.as_person is not None else None,
    )


def restored(part: Portable, records: Sequence[Record]) -> PreparedRecords:
    """``part`` as the PreparedRecords of ``records`` (the records it was prepared from), in a
    generation of its own strings."""
    generation = Interner()
    for text in part.strings[1:]:  # id 0 is the empty string in every generation
        generation.intern(text)
    if len(generation) != len(part.strings):
        raise ValueError("a prepared part's interned strings are not distinct")
    # ``as_person``: the person readings of the records that have one, in record order, as
    # ``prepare`` reads them.
    as_person = None
    if part.as_person is not None:
        twins = np.flatnonzero(part.columns["person_twin"] >= 0).tolist()
        persons = [unknown_kinds.as_scored(records[i], unknown_kinds.PERSON) for i in twins]
        as_person = restored(part.as_person, persons)
    return PreparedRecords(records=tuple(records), interner=generation, as_person=as_person, **part.columns)


def concatenated(parts: Sequence[PreparedRecords]) -> PreparedRecords:
    """The parts (each prepared from consecutive records, in order; at least one) as one
    PreparedRecords, in the first part's generation."""
    if not parts:
        raise ValueError("no prepared part to join")
    if len(parts) == 1:
        return parts[0]
    target = parts[0].interner
    moved = [moved_to(p, target) for p in parts]
    columns: dict[str, Any] = {
        f.name: np.concatenate([getattr(p, f.name) for p in moved])
        for f in fields(PreparedRecords)
        if f.name not in _NOT_COLUMNS
    }
    names_before = np.cumsum([0, *(len(p.core) for p in moved[:-1])])
    twins_before = np.cumsum([0, *(int((p.person_twin >= 0).sum()) for p in moved[:-1])])
    columns["start"] = np.concatenate([p.start + off for p, off in zip(moved, names_before, strict=True)])
    columns["person_twin"] = np.concatenate(
        [
            np.where(p.person_twin >= 0, p.person_twin + off, -1)
            for p, off in zip(moved, twins_before, strict=True)
        ]
    ).astype(np.int64)
    columns["kind_id"] = kind_ids(columns["kind"].tolist())
    records = tuple(r for p in moved for r in p.records)
    for name in RECORD_COLUMNS:
        if len(columns[name]) != len(records):
            raise ValueError(
                f"prepared column {name!r} has {len(columns[name])} rows for {len(records)} records"
            )
    people = [p.as_person for p in moved if p.as_person is not None]
    return PreparedRecords(
        records=records,
        interner=target,
        as_person=concatenated(people) if people else None,
        **columns,
    )
