"""Somali spelling writes the Arabic ḥāʾ as X (graph.resolve.align.romanisation_key): "Yasin
BEENAX" and "BEENAX, Yassin" are OFAC aliases of "Yasin Ali BAYNAH" that scored 0.03 (dev false
negatives: BEENAX found no partner). After the first letter, X and H are one letter of the key;
a leading X (pinyin XU, XIONG) is not."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.align import romanisation_key, word_similarity
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person

ONE_PERSON = [
    ("Yasin Ali BAYNAH", "Yasin BEENAX"),  # dev
    ("Yasin Ali Baynah", "BEENAX, Yassin"),  # dev
    ("Ahmed Hassan MOHAMED", "Axmed Xasan MAXAMED"),
]
TWO_PEOPLE = [
    ("XU Ming", "HU Ming"),  # two Chinese surnames
    ("XIONG Wei", "HONG Wei"),
]


@pytest.mark.parametrize(("a", "b"), ONE_PERSON)
def test_somali_x_for_h_is_one_name(a: str, b: str) -> None:
    assert compare(person(a), person(b)).decision == Decision.MATCH


@pytest.mark.parametrize(("a", "b"), TWO_PEOPLE)
def test_a_leading_x_is_no_h(a: str, b: str) -> None:
    assert compare(person(a), person(b)).decision != Decision.MATCH


def test_the_key() -> None:
    assert romanisation_key("BEENAX") == romanisation_key("BAYNAH")
    assert romanisation_key("MAXAMED") == romanisation_key("MAHAMED")
    assert romanisation_key("XIONG") != romanisation_key("HONG")
    assert word_similarity("BEENAX", "BAYNAH") >= 0.9


def test_batch_scores_equal_compare() -> None:
    scored = batch_equals_compare(ONE_PERSON + TWO_PEOPLE)
    assert (scored.score[: len(ONE_PERSON)] >= 0.8).all()
    assert (scored.score[len(ONE_PERSON) :] < 0.8).all()
