"""A bracketed acronym the name's words do not spell (NIIET, SWIET): the name without it is the
same name, but two different acronyms beside the same words stay two bodies."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.foreign_acronyms import foreign_acronym
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec


@pytest.mark.parametrize(
    ("text", "acronym", "kept"),
    [
        (
            "Scientific-Research Institute of Electronics (NIIET)",
            "NIIET",
            "Scientific-Research Institute of Electronics",
        ),
        (
            "Federal Center for Dual-Use Technology (FTsDT) Soyuz",
            "FTsDT",
            "Federal Center for Dual-Use Technology Soyuz",
        ),
    ],
)
def test_a_foreign_acronym_is_found_and_left_out(text: str, acronym: str, kept: str) -> None:
    found = foreign_acronym(text)
    assert found is not None
    assert (found.acronym, found.kept) == (acronym, kept)


@pytest.mark.parametrize(
    "text",
    [
        "Beijing University of Aeronautics and Astronautics (BUAA)",  # its own words spell it
        "PJSC VTB BANK (KIEV)",  # an all-capitals name: the bracket may be a place
        "Suntek Silicon Devices Corporation (Seongnam)",  # a place, written as a word
        "Sapphire (SPX)",  # one word would be left
    ],
)
def test_other_brackets_are_not_foreign_acronyms(text: str) -> None:
    assert foreign_acronym(text) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # main: 0.00 (NIIET was the one distinctive word) and 0.76.
        (
            "Scientific-Research Institute of Electronics (NIIET)",
            "AO Scientific Research Institute of Electronics",
        ),
        (
            "and Southwest Institute of Electronic Technology (SWIET)",
            "Southwest Research Institute of Electronics Technology",
        ),
    ],
)
def test_the_name_without_its_foreign_acronym_matches_and_says_why(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH
    found = foreign_acronym(a)
    assert found is not None
    assert f"({found.acronym})" in reasons(m)["foreign_acronym"]
    assert compare(rec(b), rec(a)).score == pytest.approx(m.score)


@pytest.mark.parametrize(
    "b",
    [
        "Scientific-Research Institute of Electronics (GNIIE)",  # another foreign acronym
        "Scientific-Research Institute of Electronics (SRIE)",  # an acronym of its own words
    ],
)
def test_two_different_acronyms_beside_the_same_words_stay_apart(b: str) -> None:
    m = compare(rec("Scientific-Research Institute of Electronics (NIIET)"), rec(b))
    assert m.decision is Decision.NO
    assert "foreign_acronym" not in reasons(m)


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(
        [
            (
                "Scientific-Research Institute of Electronics (NIIET)",
                "AO Scientific Research Institute of Electronics",
            ),
            (
                "Scientific-Research Institute of Electronics (NIIET)",
                "Scientific-Research Institute of Electronics (GNIIE)",
            ),
            (
                "Scientific-Research Institute of Electronics (NIIET)",
                "Scientific-Research Institute of Electronics (SRIE)",
            ),
            (
                "and Southwest Institute of Electronic Technology (SWIET)",
                "Southwest Research Institute of Electronics Technology",
            ),
        ],
        "company",
    )
