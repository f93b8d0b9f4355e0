"""A middle initial written on one side only (graph.resolve.middle_initials), seen on a pair of the
dev split of benchmarks/resolution_eval.py: the initial is a middle name the other writing leaves
out, not a word that found no partner — unless it stands first, or the other name writes another
middle name or initial in its place."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.align import EXTRA_WORD_COST
from graph.resolve.middle_initials import middle_initial_similarity, middle_initials
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons

#: One person: a middle initial on one side, the mother's surname on the other.
DEV_PAIR = ("Manuel TORRES FELIX", "Manuel J TORRES")


def test_a_middle_initial_on_one_side_only_does_not_part_the_names() -> None:
    m = compare(person(DEV_PAIR[0]), person(DEV_PAIR[1]))
    assert m.decision == Decision.MATCH
    assert "J of 'Manuel J TORRES'" in reasons(m)["middle_initial"]
    assert batch_equals_compare([DEV_PAIR]).score[0] >= 0.8


def test_the_initial_costs_an_extra_word() -> None:
    assert middle_initials(["MANUEL", "J", "TORRES"], ["MANUEL", "TORRES", "FELIX"]) == (0, ("J",))
    assert middle_initials(["MANUEL", "TORRES", "FELIX"], ["MANUEL", "J", "TORRES"]) == (1, ("J",))
    # FELIX left over and J read as an extra word: two extra words' cost
    assert middle_initial_similarity("MANUEL J TORRES", "MANUEL TORRES FELIX") == pytest.approx(
        1.0 - 2 * EXTRA_WORD_COST
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("JOHN K SMITH", "JOHN ROBERT SMITH"),  # another middle name where the initial stands
        ("JOHN K SMITH", "JOHN B SMITH"),  # another middle initial
        ("K SMITH", "ADAM SMITH"),  # the first given name, not a middle initial
        ("MANUEL TORRES J", "MANUEL TORRES FELIX"),  # last, not between two paired words
        ("NATALYA V VINOGRADOVA", "NATALYA YURIEVNA NIKONOROVA"),  # one word paired as a spelling only
        ("MANUEL TORRES", "MANUEL TORRES FELIX"),  # no initial at all
    ],
)
def test_initials_that_may_tell_two_people_apart_are_left_alone(a: str, b: str) -> None:
    assert middle_initials(a.split(), b.split()) is None
    assert middle_initial_similarity(a, b) == 0.0
