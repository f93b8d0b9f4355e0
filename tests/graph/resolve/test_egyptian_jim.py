"""The parts of two ABD elements in Egyptian spelling (graph.resolve.egyptian_jim): the jīm written
G, or GU before E or I, is one name with the J of Arabic romanisation — seen on a pair of the dev
split of benchmarks/resolution_eval.py — and J / G of other words stay two letters."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.align import word_similarity
from graph.resolve.egyptian_jim import egyptian_form, same_jim
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons

#: One person, the element written ABD AL-MAJID and (Egyptian, French spelling) ABD AL-MEGUID.
DEV_PAIR = ("ABD-AL-MAJID AZIZ AL-ZINDANI", "Sheikh Abd Al-Meguid Al-Zandani")


def test_an_abd_element_in_egyptian_spelling_is_one_name() -> None:
    m = compare(person(DEV_PAIR[0]), person(DEV_PAIR[1]))
    assert m.decision == Decision.MATCH
    assert "ABD-MAJID / ABD-MEGUID" in reasons(m)["egyptian_jim"]
    assert batch_equals_compare([DEV_PAIR]).score[0] >= 0.8


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ABD-MAJID", "ABD-MEGUID"),  # GU before I for the jīm
        ("ABD-JAWAD", "ABD-GAWAD"),  # G for the jīm
        ("ABD-JALIL", "ABD-GALIL"),
    ],
)
def test_abd_parts_with_the_jim_written_g_pair_as_spellings(a: str, b: str) -> None:
    assert word_similarity(a, b) >= 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("NAJERA", "NOGUERA"),  # Spanish surnames: J and GU are two letters there
        ("AGUILA", "AJILY"),
        ("ROJO", "ROGO"),
        ("MAJID", "MEGUID"),  # the same words outside an ABD element
    ],
)
def test_j_and_g_of_words_outside_abd_elements_are_not_read_as_one(a: str, b: str) -> None:
    assert word_similarity(a, b) < 0.8


def test_the_rule() -> None:
    assert egyptian_form("MEGUID") == "MEGID"
    assert egyptian_form("MAJID") == "MAGID"
    assert same_jim("MAJID", "MEGUID")
    assert same_jim("JAWAD", "GAWAD")
    assert not same_jim("MAJID", "MAJID")
    assert not same_jim("MALIK", "KHALIQ")  # no jīm on either side
    assert not same_jim("JABBAR", "GHAFFAR")  # one skeleton letter apart is another name
