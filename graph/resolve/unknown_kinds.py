"""A record of unknown kind: compared with a person as a person when its name may be one.

Shipment parties (bills of lading, customs declarations) publish no entity kind, nor do the
rows of lists that give no type (the list's default stands for them: ``kind_source`` default).
Scored as companies, a consignee written as a person's name ("HUIUI ZHANG") met the kind
conflict against the listed person ("Huisui Zhang") and was never linked: a missed diversion to
a listed person. Such a record has kind :data:`UNKNOWN`, and its name is read as the list
readers read a row without a type (:func:`graph.resolve.name_kind_reading.organisation_reading`,
not a copy of it):

* the name (or an alias) reads as an organisation's (a legal form, an organisation word, a
  digit, a linking word …): it is a company, read from the name, and against a person the kind
  conflict applies as between two known kinds;
* otherwise it may be a person's (it reads as one, or too few of its words are person words to
  call it either way): against a person it is compared as a person (word alignment, the person
  rules, the person calibration) with no kind conflict, the kind being unknown.

Against anything else (a company, a vessel, another record of unknown kind) it is compared as a
company, as before. A registry company is a company (it publishes its kind by being one).
"""

from __future__ import annotations

from dataclasses import fields, replace
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from graph.resolve.name_kind_reading import organisation_reading, read_kind

if TYPE_CHECKING:
    from graph.resolve.features import Record

#: ``Record.kind`` of a record whose source publishes no kind.
UNKNOWN = "unknown"
PERSON = "person"
COMPANY = "company"
#: Published kinds the scorer is calibrated for; list kinds beyond these (aircraft, an address
#: only) are scored as companies, as before.
SCORED_KINDS = frozenset({COMPANY, PERSON, "vessel"})

T = TypeVar("T")


def record_kind(published: str | None, source: str | None = None) -> str:
    """The ``Record.kind`` of a list row: its published kind, :data:`UNKNOWN` when the list
    publishes none (kind ``unknown``, or the list's ``default`` for every row), ``company`` for
    kinds the scorer is not calibrated for. A kind read from the name (source ``name``) stands."""
    kind = published or ""
    if kind in SCORED_KINDS and source != "default":
        return kind
    if kind in ("", UNKNOWN) or (kind in SCORED_KINDS and source == "default"):
        return UNKNOWN
    return COMPANY


@lru_cache(maxsize=200_000)
def _organisation(names: tuple[str, ...]) -> str:
    if not names:
        return "no name"
    return organisation_reading(names[0], aliases=names[1:])


def organisation_evidence(rec: Record) -> str:
    """Why the names of ``rec`` read as an organisation's, or ``""``."""
    return _organisation(tuple(rec.names))


def may_be_person(rec: Record) -> bool:
    """A record of unknown kind whose names hold no organisation evidence."""
    return rec.kind == UNKNOWN and not organisation_evidence(rec)


def as_scored(rec: Record, other_kind: str) -> Record:
    """``rec`` as it is scored against a record of kind ``other_kind``: a record of unknown kind
    is a person against a person when its name may be one, else a company."""
    if rec.kind != UNKNOWN:
        return rec
    return replace(rec, kind=PERSON if other_kind == PERSON and may_be_person(rec) else COMPANY)


def scored_pair(a: Record, b: Record) -> tuple[Record, Record]:
    """The two records as the scorer compares them (see :func:`as_scored`)."""
    return as_scored(a, b.kind), as_scored(b, a.kind)


def merged(main: T, twin: T, rows: np.ndarray) -> T:
    """``main`` (a dataclass of per-pair arrays) with rows ``rows`` taken from ``twin``, which
    holds one row per element of ``rows`` (the pairs scored with a person reading)."""
    values = {}
    for f in fields(main):  # type: ignore[arg-type]
        column = getattr(main, f.name).copy()
        column[rows] = getattr(twin, f.name)
        values[f.name] = column
    return replace(main, **values)  # type: ignore[type-var]


def describe(rec: Record, other: Record) -> str:
    """How the kind of ``rec`` (of unknown kind) was read for the pair with ``other``."""
    label = f"{(rec.names or ('',))[0]!r}"
    head = f"the kind of {label} is unknown (its source publishes none)"
    against = organisation_evidence(rec)
    if against:
        tail = "a company" + (", which the person is not" if other.kind == PERSON else "")
        return f"{head}; its name reads as an organisation's ({against}): compared as {tail}"
    reading = read_kind(rec.names[0] if rec.names else "", aliases=rec.names[1:])
    how = (
        f"it reads as a person's ({reading.evidence})"
        if reading.person
        else (f"its name may be a person's (no legal form, organisation word or digit; {reading.evidence})")
    )
    if other.kind == PERSON:
        return f"{head}; {how}: compared with the person as a person, no kind conflict"
    return f"{head}; {how}, but the other record is not a person: compared as a company"
