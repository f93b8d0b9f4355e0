"""Other readings of one name, compared beside it as written: the subsidiary after its parent group,
the name without a foreign acronym, an acronym in its conventional short form.

The scorer compares every writing of a record (``features.scored_names``) and keeps the best
pair; a reading here adds a writing, so it can only lift a pair — which is why each comes with
the names it must *not* be compared with (:func:`blocked`):

* SUBSIDIARY (:mod:`graph.resolve.parent_names`) — never against a name that writes a parent
  group itself (two subsidiaries of one parent, or one name under two parents);
* FOREIGN_ACRONYM (:mod:`graph.resolve.foreign_acronyms`) — never against a name that brackets
  an acronym itself (two acronyms beside the same words);
* SHORT_FORM (:mod:`graph.resolve.short_forms`) — an acronym replaced by the words the lists
  write for it; the name is the same name, no restriction;
* PLACE_FREE (:mod:`graph.resolve.place_qualifiers`) — the name without the places it writes;
  never against a name that writes a place, except the place-free writing of a name of the same
  places (checked per pair in ``features``), nor against any name when what is left is no name
  on its own (mark STANDS_ALONE unset);
* GENERIC_FORM (:mod:`graph.resolve.generic_forms`) — another form of a line-of-business word
  read as that word (ELECTRIC / ELECTRONICS); only against a name of the same line-of-business
  words (checked per pair in ``features``).

:func:`reason` says what a reading did, for :func:`graph.resolve.compare.compare` (which finds
the reading's text again by its index in ``features.scored_names``).
"""

from __future__ import annotations

import numpy as np

from graph.resolve import (
    foreign_acronyms,
    generic_forms,
    parent_names,
    person_parts,
    place_qualifiers,
    self_acronyms,
    short_forms,
)

#: How a writing was read from its name. OWN_ACRONYM is graph.resolve.self_acronyms.without_own,
#: read in ``features.scored_names``.
AS_WRITTEN, OWN_ACRONYM, SUBSIDIARY, FOREIGN_ACRONYM, SHORT_FORM, PLACE_FREE = 0, 1, 2, 3, 4, 5
#: A person name read as the spellings it holds, without prose (graph.resolve.person_parts).
PERSON_PART = 6
#: A company name with another form of a line-of-business word read as that word
#: (graph.resolve.generic_forms).
GENERIC_FORM = 7
#: Marks of a name (bits): it writes a parent group, it brackets an acronym, it writes a place,
#: and without its places it is still a name; its place is attached as a branch's.
WRITES_PARENT, WRITES_BRACKET, WRITES_PLACE, STANDS_ALONE, BRANCH = 1, 2, 4, 8, 16


def other_readings(name: str) -> list[tuple[str, int]]:
    """The readings of a company or vessel name beside the name as written, ``(text, how)``: read
    from the name and from the name without its own acronyms (:mod:`graph.resolve.self_acronyms`)."""
    out: list[tuple[str, int]] = []
    for base in self_acronyms.reading_bases(name):
        out.extend(r for r in _readings_of(base) if r not in out)
    return out


def reading_base(name: str, text: str, how: int) -> str:
    """The text ``name``'s reading ``text`` (read ``how``) was read from: the name, or the name
    without its own acronyms (:func:`other_readings`)."""
    bases = self_acronyms.reading_bases(name)
    return next((b for b in bases if (text, how) in _readings_of(b)), name)


def _readings_of(name: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    split = parent_names.parent_split(name)
    if split is not None:
        out.append((split.subsidiary, SUBSIDIARY))
    found = foreign_acronyms.foreign_acronym(name)
    if found is not None:
        out.append((found.kept, FOREIGN_ACRONYM))
    short = short_forms.short_form(name)
    if short is not None:
        out.append((short, SHORT_FORM))
    place = place_qualifiers.place_split(name)
    if place is not None:
        out.append((place.kept, PLACE_FREE))
    form = generic_forms.generic_form(name)
    if form is not None:
        out.append((form, GENERIC_FORM))
    return out


def marks(name: str) -> int:
    """The marks (bits) of a company or vessel name, for :func:`blocked`."""
    parent = WRITES_PARENT if parent_names.parent_split(name) is not None else 0
    bracket = WRITES_BRACKET if foreign_acronyms.bracketed_acronym(name) is not None else 0
    split = place_qualifiers.place_split(name)
    place = WRITES_PLACE if split is not None else 0
    alone = STANDS_ALONE if place and place_qualifiers.reads_alone(name) else 0
    branch = BRANCH if split is not None and split.branch else 0
    return parent | bracket | place | alone | branch


def blocked(how_a: np.ndarray, marks_a: np.ndarray, how_b: np.ndarray, marks_b: np.ndarray) -> np.ndarray:
    """Per name pair: one side is a reading the other side's marks rule out (module docstring)."""
    out = np.zeros(len(how_a), dtype=bool)
    for how, mark in ((SUBSIDIARY, WRITES_PARENT), (FOREIGN_ACRONYM, WRITES_BRACKET)):
        out |= ((how_a == how) & ((marks_b & mark) > 0)) | ((how_b == how) & ((marks_a & mark) > 0))
    # A place-free writing meets the place-free writing of another name with places (their places
    # are compared per pair), or a name with none when what it leaves is a name on its own.
    both = (how_a == PLACE_FREE) & (how_b == PLACE_FREE)
    for side, own, other in ((how_a, marks_a, marks_b), (how_b, marks_b, marks_a)):
        alone = (own & STANDS_ALONE) > 0
        out |= (side == PLACE_FREE) & ~both & (((other & WRITES_PLACE) > 0) | ~alone)
    return out


def reason(name: str, how: int) -> tuple[str, str] | None:
    """``(feature, detail)`` saying how ``name`` was read; None for AS_WRITTEN / OWN_ACRONYM."""
    if how == SUBSIDIARY:
        return "parent_group", parent_names.describe(name)
    if how == FOREIGN_ACRONYM:
        return "foreign_acronym", foreign_acronyms.describe(name)
    if how == SHORT_FORM:
        return "short_form", short_forms.describe(name)
    if how == PLACE_FREE:
        return "place_qualifier", place_qualifiers.describe(name)
    if how == GENERIC_FORM:
        return "generic_form", generic_forms.describe(name)
    return None


def part_reason(name: str, reading: str) -> tuple[str, str]:
    """``(feature, detail)`` for a person name read as one of the names it holds (PERSON_PART)."""
    return "person_parts", person_parts.describe(name, reading)
