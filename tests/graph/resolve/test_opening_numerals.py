"""A roman numeral of two letters that opens a longer name is a pair of initials, not a number:
"V.I. LENIN" and "VI LENIN" (Vladimir Ilyich) scored 0.14, "numbers differ: (none) vs VI", as
did the plant named for him. A numeral that closes a name is its number (PETER II, MAGUS HOLDING
II), and so is a longer one wherever it stands (III MILLENIUM): no pair of initials is written
III. Made-up names but for the eponym."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.features import WEIGHTS
from graph.resolve.names import normalise_name
from tests.graph.resolve.scoring_pairs import company as rec


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("VI LENIN PLANT", ()),  # V.I. Lenin
        ("IV Petrov Works", ()),  # I.V. Petrov
        ("II Viking Ltd", ()),
        ("III Millenium International", ("III",)),  # no initials are written III
        ("Peter II", ("II",)),  # a closing numeral is a number
        ("VI Lenin II", ("II",)),
        ("VI", ("VI",)),  # a numeral alone is the whole name, not initials of one
        ("Magus Holding II", ("II",)),
    ],
)
def test_which_roman_numerals_are_numbers(name: str, numbers: tuple[str, ...]) -> None:
    assert normalise_name(name, "company").numbers == numbers


@pytest.mark.parametrize(("a", "b"), [("V.I. LENIN", "VI LENIN"), ("V.I. LENIN PLANT", "VI LENIN PLANT")])
def test_initials_written_together_are_not_a_number(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH, m.reasons
    assert "numbers" not in {r.feature for r in m.reasons}


def test_an_opening_pair_of_initials_against_an_opening_number() -> None:
    # II may be initials (I.I.), III cannot: III VIKING has a number II VIKING lacks.
    m = compare(rec("II VIKING"), rec("III VIKING"))
    assert m.decision is Decision.NO, m.reasons
    assert {r.feature: r.contribution for r in m.reasons}["numbers"] == WEIGHTS["number_missing"]


def test_closing_numerals_still_differ() -> None:
    m = compare(rec("MAGUS HOLDING II"), rec("MAGUS HOLDING III"))
    assert m.decision is Decision.NO, m.reasons
    assert {r.feature: r.contribution for r in m.reasons}["numbers"] == WEIGHTS["number_conflict"]
