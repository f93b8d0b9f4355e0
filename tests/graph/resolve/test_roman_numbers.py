"""Numbered sibling companies (issue #5): "WIDGETWORKS 1" / "WIDGETWORKS 2" and "WIDGETWORKS II" /
"WIDGETWORKS III" are two companies (the numbers check), while one number written as a roman
numeral and as digits ("HOLDING II" / "HOLDING 2") is one company. Made-up names."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.features import WEIGHTS
from graph.resolve.ordinals import number_value
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec

NUMBERED_SIBLINGS = [
    ("Widgetworks 1 Ltd", "Widgetworks 2 Ltd"),
    ("Widgetworks II", "Widgetworks III"),
    ("Widgetworks II Ltd", "Widgetworks III Ltd"),
    ("Widgetworks Holding IX Ltd", "Widgetworks Holding 11 Ltd"),  # IX is 9
]

ONE_NUMBER = [
    ("Widgetworks Holding II Ltd", "Widgetworks Holding 2 Ltd"),
    ("Brellmoor Shipping IV", "Brellmoor Shipping 4"),
    ("Brellmoor Shipping XIV Ltd", "Brellmoor Shipping 14 Ltd"),
]


@pytest.mark.parametrize(("a", "b"), NUMBERED_SIBLINGS)
def test_numbered_siblings_are_not_a_match(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.NO, m.reasons
    assert {r.feature: r.contribution for r in m.reasons}["numbers"] == WEIGHTS["number_conflict"]


@pytest.mark.parametrize(("a", "b"), ONE_NUMBER)
def test_a_roman_numeral_and_its_digits_are_one_number(a: str, b: str) -> None:
    # "HOLDING II" / "HOLDING 2" scored 0.025: the numbers check read II and 2 as two numbers (-7)
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH, m.reasons
    assert "numbers" not in reasons(m)
    assert "one number" in reasons(m)["roman_numeral"]


def test_batch_scores_numbers_as_compare() -> None:
    scored = batch_equals_compare(NUMBERED_SIBLINGS + ONE_NUMBER, "company")
    assert (scored.score[: len(NUMBERED_SIBLINGS)] < 0.5).all()
    assert (scored.score[len(NUMBERED_SIBLINGS) :] >= 0.8).all()


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("I", "1"),
        ("II", "2"),
        ("IV", "4"),
        ("IX", "9"),
        ("XIV", "14"),
        ("XIX", "19"),
        ("XX", "20"),
        ("12", "12"),  # digits as they are
    ],
)
def test_number_value(written: str, value: str) -> None:
    assert number_value(written) == value
