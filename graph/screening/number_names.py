"""Firm names that differ in a number: below ``review`` in screening, as in resolution.

Screening's own scorer (:mod:`graph.screening.scoring`) compares names by their letters, and a
number is a few letters of a long name: the counterparty "China State Shipbuilding Corporation,
Limited (CSSC) 703rd Research Institute" came out ``review`` (0.91) against the listed "… 723rd
Research Institute", "… (CASIC) 3rd Academy, 35 Research Institute" a *block* against "… 33 Research
Institute", and "FKY PROPERTIES, LLC" a block against "FKY 2 PROPERTIES, LLC". Resolution reads the
numbers of a firm's name (:attr:`graph.resolve.names.NameForm.number_values`: digits, ordinals such
as 703RD, roman numerals compared by value, so HOLDING II is HOLDING 2) and holds two names whose
numbers differ, or of which only one has a number, to be two firms: a group numbers its institutes,
plants and fund vehicles, and the number is what tells them apart. This module applies that
reading, not a copy of it, to screening's candidate pairs whose listed name is a firm's (any entity
kind but a person's, a craft's or an address: :data:`graph.screening.generic_names.NOT_COMPANY_KINDS`):
such a pair is capped below ``review`` (at :data:`graph.screening.scoring.TWO_DIFFERENCES_CAP`), and
stays listed with the reason.

Resolution reads a number from a word as written, so a word whose letters around the digits are
mistyped or romanised is no number to it: "33D RESEARCH" (33RD with a letter dropped),
"RADIOELECTRONIC2566" (a space lost), the Cyrillic "55ТХ" (which comes back 55TKH). Screening holds a
pair to its numbers only where the digits themselves (runs of digits, leading zeros aside) or the
roman numerals differ: the same digits read otherwise are one number keyed badly, not two firms.

Cost: reading a name (:func:`graph.resolve.names.normalise_name`) takes about a tenth of a
millisecond, so a pair is read only when it scored above the cap and its two names do not hold the
same digits and roman numerals: a few pairs in a thousand. The listed names are read through the
cache (they are few and met again and again), the screened ones not.
"""

from __future__ import annotations

import re

from graph.resolve.names import ROMAN_NUMERALS, NameForm, normalise_name
from graph.screening.generic_names import NOT_COMPANY_KINDS
from graph.screening.scoring import folded

_DIGITS = re.compile(r"\d+")
#: Single letters resolution may read as a closing roman numeral ("… HOLDING V").
_ROMAN_LETTERS = frozenset({"I", "V", "X"})


def number_marks(name: str) -> tuple[list[str], list[str]]:
    """The digit runs (leading zeros aside) and the roman-numeral words of a name as screening folds
    it, sorted: two names with the same marks cannot hold different numbers but by how a word around
    the digits is written."""
    text = folded(name)
    runs = sorted(run.lstrip("0") or "0" for run in _DIGITS.findall(text))
    return runs, sorted(w for w in text.split() if w in ROMAN_NUMERALS or w in _ROMAN_LETTERS)


def _read(name: str) -> NameForm:
    """A name read as a firm's, bypassing ``normalise_name``'s cache (most screened names are read
    once, and a file of a million names would fill the cache for nothing)."""
    return normalise_name.__wrapped__(name, "company")


def numbers_differ(query_name: str, listed_name: str, entry_kind: str) -> str | None:
    """The reason a screened name and a listed firm's name are capped for their numbers, or None
    (the listed name is no firm's, or the numbers agree: none, or the same ones by value)."""
    if entry_kind.lower() in NOT_COMPANY_KINDS or number_marks(query_name) == number_marks(listed_name):
        return None
    # The listed names are few (tens of thousands) and met again and again: those are cached.
    query, listed = _read(query_name), normalise_name(listed_name, "company")
    if query.number_values == listed.number_values:
        return None
    numbers_q, numbers_l = " ".join(query.numbers) or "(none)", " ".join(listed.numbers) or "(none)"
    return (
        f"numbers differ: {numbers_q} in the screened name, {numbers_l} in the listed one; a group "
        "numbers its institutes, plants and vehicles, and the number tells them apart"
    )
