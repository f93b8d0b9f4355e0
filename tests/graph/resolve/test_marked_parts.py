"""A body named after an explicit marker ("Affiliated Entity:", "and subordinate entity"): the
parent alone is not its affiliate, and two affiliates of one parent are two bodies (dev false
matches of the labelled evaluation), while the affiliate's own writings still match."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.marked_parts import marked_conflict, marked_split, own_words
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec

HUAWEI = "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  "
PAEC = "Pakistan Atomic Energy Commission (PAEC), and subordinate entity "

#: Dev false matches at 0.98 on main: a parent vs its subordinate, two affiliates of one parent.
TWO_BODIES = [
    ("Pakistan Atomic Energy Commission (PAEC)", PAEC + "National Development Complex (NDC)"),
    (HUAWEI + "Hangzhou Huawei Enterprises", HUAWEI + "Hangzhou Huawei Communication Technology Co., Ltd."),
    (HUAWEI + "Huawei Terminal (Shenzhen) Co., Ltd.", HUAWEI + "Shenzhen Huawei New Technology Co., Ltd."),
]
#: Dev positives: the affiliate written again (abbreviated, misspelt) or alone.
ONE_BODY = [
    (PAEC + "National Institute of Lasers and Optronics (NILOP)", "National Institute of Lasers"),
    (
        HUAWEI + "Huawei Technology Co., Ltd. Chengdu Research Institute",
        "HUAWEI TECH CO LTD (HUAWEI) AFFILIATED ENTITY: HUAWEI TECH CO LTD CHENGDU RES INST",
    ),
    (
        "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Huawei Technologies Co., Ltd., "
        "Xi'an Research Institute",
        "HUAWEI TECHNOLOGIES CO LTD (HUAWEI) AFFILIATED ENTITY: HUAWEI TECHNOLOGIES CO LTD XO AN "
        "RESEARCH INSTITUTE",
    ),
    (
        "China Electronics Technology Group Corporation 13th Research Institute (CETC 13).  "
        "Subordinate Institution - Envoltek",
        "Hebei Envoltek Electronics",
    ),
]


def test_the_markers_split_parent_and_body() -> None:
    assert marked_split(HUAWEI + "Hangzhou Huawei Enterprises") == (
        "Huawei Technologies Co., Ltd. (Huawei)",
        "Hangzhou Huawei Enterprises",
    )
    assert marked_split(PAEC + "National Development Complex (NDC)") == (
        "Pakistan Atomic Energy Commission (PAEC)",
        "National Development Complex (NDC)",
    )
    assert marked_split("Huawei Technologies Co., Ltd.") is None


@pytest.mark.parametrize(("a", "b"), TWO_BODIES)
def test_a_parent_and_its_affiliate_or_two_affiliates_are_two_bodies(a: str, b: str) -> None:
    assert marked_conflict(a, b)
    m = compare(rec(a), rec(b))
    assert "marked_body" in reasons(m), m.reasons
    assert m.decision != Decision.MATCH


@pytest.mark.parametrize(("a", "b"), ONE_BODY)
def test_the_affiliate_written_again_or_alone_still_matches(a: str, b: str) -> None:
    assert not marked_conflict(a, b)
    assert "marked_body" not in reasons(compare(rec(a), rec(b)))


def test_batch_scores_equal_compare() -> None:
    scored = batch_equals_compare(TWO_BODIES + ONE_BODY, "company")
    assert (scored.score[: len(TWO_BODIES)] < 0.8).all()


def test_own_words_are_the_body_words_not_the_parents() -> None:
    """The body's own words (cached per marked name) are those no parent word pairs with:
    HUAWEI is the parent's, HANGZHOU and ENTERPRISES the affiliate's own."""
    parent, body = marked_split(HUAWEI + "Hangzhou Huawei Enterprises") or ("", "")
    assert own_words(parent, body) == ("HANGZHOU", "ENTERPRISES")
    # A body of the parent's words alone has none: never a conflict with another name.
    assert own_words(parent, "Huawei Technologies") == ()
    assert not marked_conflict(HUAWEI + "Huawei Technologies", "Shenzhen Tencent")
    # The same words however often the marked name is met (the cached tuple is not mutated).
    assert own_words(parent, body) == ("HANGZHOU", "ENTERPRISES")
    assert marked_conflict(HUAWEI + "Hangzhou Huawei Enterprises", "Shenzhen Tencent")
    assert not marked_conflict(HUAWEI + "Hangzhou Huawei Enterprises", "Hangzhou Enterprises Co")
