"""A branch ("TAIBAH INTERNATIONAL : BOSNIA BRANCH", "… (BRANCH LOCATED IN ALBU KAMAL, SYRIAN ARAB
REPUBLIC)") is listed as an alias of its body: its name without the branch's place meets the body
written in full — more words, more line-of-business words — as the body's name written plainly
would, while another body of that name, two branches, and a bracketed place that names no branch
stay apart."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.place_qualifiers import place_split, reads_alone
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec

HANIFA = "HANIFA MONEY EXCHANGE OFFICE (BRANCH LOCATED IN ALBU KAMAL, SYRIAN ARAB REPUBLIC)"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (HANIFA, "HANIFA MONEY EXCHANGE OFFICE"),
        ("IMAM KHOMEINI RELIEF COMMITTEE (LEBANON BRANCH)", "IMAM KHOMEINI RELIEF COMMITTEE"),
    ],
)
def test_a_bracket_naming_a_branch_goes_whole(text: str, kept: str) -> None:
    split = place_split(text)
    assert split is not None
    assert split.kept == kept
    assert split.branch and not split.bracketed and not split.national
    assert reads_alone(text)


def test_a_bracketed_place_of_no_branch_still_tells_two_apart() -> None:
    split = place_split("Golden Instruments Limited (Bristol)")
    assert split is not None and split.bracketed and not split.branch
    m = compare(rec("Golden Instruments Limited (Bristol)"), rec("Golden Instruments Limited"))
    assert m.decision is not Decision.MATCH


#: Dev aliases (benchmarks/resolution_eval.py; main: 0.392, 0.723), and a longer writing of one.
BODIES = [
    # The body names its line of business more fully (AGENCY).
    ("TAIBAH INTERNATIONAL : BOSNIA BRANCH", "TAIBAH INTERNATIONAL AID AGENCY"),
    # The branch's words (ALBU KAMAL) are its place, not a sibling's name.
    (HANIFA, "Hanifah Exchange Company"),
    # The body with more words than the branch writes: the subset credit, as for the plain name.
    ("TAIBAH INTERNATIONAL : BOSNIA BRANCH", "TAIBAH INTERNATIONAL AID AND RELIEF ASSOCIATION"),
]


@pytest.mark.parametrize(("a", "b"), BODIES)
def test_a_branch_meets_its_body_written_in_full(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH, m.reasons
    assert "the branch there of" in reasons(m)["place_qualifier"]
    assert "sibling_words" not in reasons(m)


OTHERS = [
    # Another body of the short name: a rare word of its own beside the family stem.
    ("AL-HARAMAIN : PAKISTAN BRANCH", "AL-HARAMAIN & AL MASJED AL-AQSA CHARITY FOUNDATION"),
    # A body's short name common in the lists (AL-HARAMAIN, 34 entries) is compared as the plain
    # name is: one common word identifies no longer name (common_stem), a branch's body neither.
    ("AL-HARAMAIN : PAKISTAN BRANCH", "AL-HARAMAIN TRAVEL AGENCY"),
    # Two branches of one body are two entries.
    ("AL-HARAMAIN : PAKISTAN BRANCH", "AL-HARAMAIN : ALBANIA BRANCH"),
    # … also in two towns of one country, one a town the place table does not know (ALBU KAMAL):
    # the bracket goes whole, and its unknown town is still a place of its own.
    (HANIFA, "HANIFA MONEY EXCHANGE OFFICE (BRANCH LOCATED IN DAMASCUS, SYRIAN ARAB REPUBLIC)"),
    (HANIFA, "HANIFA MONEY EXCHANGE OFFICE (DAMASCUS BRANCH)"),
    # A place attached by another word is no branch: the name read without it agrees whole or not.
    ("TAIBAH INTERNATIONAL IN BOSNIA", "TAIBAH INTERNATIONAL AID AGENCY"),
    ("HUAWEI CLOUD (SHANGHAI)", "HUAWEI CLOUD COMPUTING TECHNOLOGIES"),
]


@pytest.mark.parametrize(("a", "b"), OTHERS)
def test_other_bodies_and_places_stay_apart(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is not Decision.MATCH


def test_batch_scores_equal_compare() -> None:
    scored = batch_equals_compare([*BODIES, *OTHERS], "company")
    assert (scored.score[: len(BODIES)] >= 0.8).all()
    assert (scored.score[len(BODIES) :] < 0.8).all()
