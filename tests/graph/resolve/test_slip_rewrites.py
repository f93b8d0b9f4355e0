"""Keying slips beside other differences (graph.resolve.respelt_words, graph.resolve.typo_words):
a word mistyped by one slip is read in the other name's spelling even where a word is on one
side only, and a short name that is a longer one mistyped is no short name. Near misses of
issue #5 (dev split of benchmarks/eval_pairs/pairs.csv, real list aliases)."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.respelt_words import RESPELT_SUBSET_SIM, respelt_similarity
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

#: A slip in one word, and words on one side only.
SLIPPED_SUBSETS = [
    ("BEHSAZ KASHANE TEHRAN CONSTRUCTION CO.", "BEHSAZ KASHANEH CO."),  # a letter dropped
    ("CENTRAL BANK OF THE RUSSIAN FEDERATION", "BANK OF RUSSIA"),
    ("AKHMAT KADYROV FOUNDATION", "REGIONALNY OBSHCHESTVENNY FOND IMENI GEROYA ROSSII AKHMATA KADYROVA"),
]
#: A letter dropped from a four-letter name leaves three letters.
SHORT_SLIPS = [("Wave Technology Co., Ltd.", "WVE TECHNOLOGY")]


@pytest.mark.parametrize(("a", "b"), SLIPPED_SUBSETS)
def test_a_slip_beside_words_on_one_side_matches_and_says_so(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "(one keying slip)" in reasons(m)["respelt_words"]


def test_the_reason_names_the_slipped_words() -> None:
    detail = reasons(compare(company(SLIPPED_SUBSETS[0][0]), company(SLIPPED_SUBSETS[0][1])))
    assert "KASHANEH / KASHANE (one keying slip)" in detail["respelt_words"]


def test_a_short_name_mistyped_from_a_longer_one_is_not_short() -> None:
    m = compare(company(SHORT_SLIPS[0][0]), company(SHORT_SLIPS[0][1]))
    assert m.decision is Decision.MATCH
    found = reasons(m)
    assert "short_name" not in found
    assert "WVE is the longer name mistyped" in found["keying_slip"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jet Devices Corp.", "JE DEVICES"),  # JET has three letters: no slip, a short name
        ("CLC Holdings Limited", "CZC HOLDINGS LTD"),  # two initialisms
    ],
)
def test_short_names_stay_weak_evidence(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is not Decision.MATCH
    assert "short_name" in reasons(m)


def test_a_plural_is_no_slip() -> None:
    # The plant of a helicopter maker is not the maker (dev negative of issue #5).
    assert respelt_similarity("HELICOPTER KAZAN PLANT REPAIR", "HELICOPTERS KAZAN") == 0.0
    m = compare(company("JSC Kazan Helicopter Plant Repair Service"), company("PJSC Kazan Helicopters"))
    assert m.decision is not Decision.MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KHORASAN STEEL", "KHOUZESTAN STEEL"),  # dev false matches of the same shape
        ("YONGJIN", "PYONGJIN"),  # a slip never hits the first letter
        ("KASHANEH", "KASHANE TEHRAN"),  # no word agrees as written
    ],
)
def test_no_slip_credit_for_other_names(a: str, b: str) -> None:
    assert respelt_similarity(a, b) < RESPELT_SUBSET_SIM
    assert "respelt_words" not in reasons(compare(company(a), company(b)))


def test_batch_scores_as_compare_explains() -> None:
    batch_equals_compare(SLIPPED_SUBSETS + SHORT_SLIPS, "company")
