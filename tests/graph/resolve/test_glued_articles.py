"""The Arabic article glued to its word or written apart (graph.resolve.glued_articles): one
person each, scored alike by the batch scorer and ``compare``."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.glued_articles import glued_article
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person

#: One name, its article written with a hyphen on one side and glued on the other.
GLUED = [
    ("UL-HAQ, Dr. Amin", "ULHAQ, Dr. Amin"),
    ("AL-ID, Nawras", "ALID, Nawras"),
    ("AL-SAYED, Kader", "ASSAYED, Kader"),
    ("BIN-ALI ABKAR, Al-Hasan", "BINALI ABKAR, AlHasan"),
    ("ABU-AL QASSIM OMAR Musab Boukrin", "ABUAL QASSIM OMAR Musab Boukrin"),
    ("'ABD-AL-'IZ", "'ABDAL'IZ"),
]


@pytest.mark.parametrize(("a", "b"), GLUED)
def test_article_apart_or_glued_is_one_name(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision is Decision.MATCH
    assert m.score > 0.99


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(GLUED)


def test_the_article_is_an_arabic_one_before_a_word_of_two_letters_or_more() -> None:
    assert glued_article("ULHAQ", "HAQ")
    assert glued_article("ALID", "ID")
    assert glued_article("ASSAYED", "SAYED")  # assimilated to the S
    assert glued_article("ABUAL", "ABU")  # glued behind ABU
    assert not glued_article("ASKADER", "KADER")  # AS is no article before K
    assert not glued_article("ALI", "I")
    assert not glued_article("ALFRED", "FRED")  # a census given name
    assert not glued_article("KAMAL", "KAM")  # behind ABU only


def test_western_names_that_start_like_the_article_stay_apart() -> None:
    m = compare(person("Elton JOHNSON"), person("Ton JOHNSON"))
    assert m.decision is not Decision.MATCH
