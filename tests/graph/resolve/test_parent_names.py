"""A parent group written before a subsidiary: "Tactical Missile Corporation, PJSC ANPP Temp Avia"
is "ANPP TEMP AIR" (dev misses of the labelled evaluation), but two subsidiaries of one parent
stay apart."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.parent_names import parent_split
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec


@pytest.mark.parametrize(
    ("text", "parent", "subsidiary", "how"),
    [
        (
            "Tactical Missile Corporation, PJSC ANPP Temp Avia",
            "Tactical Missile Corporation",
            "PJSC ANPP Temp Avia",
            "comma",
        ),
        (
            "United Shipbuilding Corporation JSC “Astrakhan Shipyard”",
            "United Shipbuilding Corporation JSC",
            "Astrakhan Shipyard",
            "quotes",
        ),
        (
            "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy?s 159 Factory",
            "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy",
            "159 Factory",
            "possessive",
        ),
        (
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13).  "
            "Subordinate Institution - Envoltek",
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)",
            "Envoltek",
            "marker",
        ),
    ],
)
def test_a_parent_group_and_its_subsidiary_are_read_apart(
    text: str, parent: str, subsidiary: str, how: str
) -> None:
    split = parent_split(text)
    assert split is not None
    assert (split.parent, split.subsidiary, split.how) == (parent, subsidiary, how)


@pytest.mark.parametrize(
    "text",
    [
        "CHINA SOUTH INDUSTRIES GROUP CO., LTD.",  # a legal form after the comma, no subsidiary
        "Almaz-Antey Air Defense Concern Main System Design Bureau, JSC",
        "Bravo Group, Dubai",  # a place, not an organisation
        "Bravo Group, Hamburg Branch",  # a branch is the parent itself
        "Concern “Kalashnikov”",  # the group word alone is the name's type, not a parent
        "Lattice Integrated Circuits Co., Ltd. (Taipei)",  # no group word before the comma
    ],
)
def test_names_that_write_no_parent_are_not_split(text: str) -> None:
    assert parent_split(text) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tactical Missile Corporation, PJSC ANPP Temp Avia", "ANPP TEMP AIR"),
        (
            "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy?s 159 Factory",
            "159th Factory",
        ),
        ("United Shipbuilding Corporation JSC “Krasnoye Sormovo Plant OJSC”", "Zavod Krasnoe Sormovo, PAO"),
        (
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13).  "
            "Subordinate Institution - Tonghui Electronics",
            "Tonghui Electronics Technology",
        ),
    ],
)
def test_the_subsidiary_alone_matches_and_the_reason_names_the_parent(a: str, b: str) -> None:
    # main: 0.71, 0.05, 0.03, 0.12 — the parent's words had no counterpart in the short name.
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH
    detail = reasons(m)["parent_group"]
    split = parent_split(a)
    assert split is not None
    assert repr(split.parent) in detail and repr(split.subsidiary) in detail
    assert compare(rec(b), rec(a)).score == pytest.approx(m.score)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two subsidiaries of one parent.
        ("Tactical Missile Corporation, JSC Region", "Tactical Missile Corporation, JSC Detal"),
        # One subsidiary name under two parents: not matched through the subsidiary part.
        ("Tactical Missile Corporation, JSC Region", "Rostec Corporation, JSC Region"),
    ],
)
def test_subsidiaries_are_compared_as_written_against_names_with_a_parent(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is not Decision.MATCH
    assert "parent_group" not in reasons(m)


CETC13 = (
    "China Electronics Technology Group Corporation 13th Research Institute (CETC 13). "
    + "Subordinate Institution - "
)


@pytest.mark.parametrize(
    ("subsidiary", "other"),
    [
        # Synthetic companies of the 100k precision gate: a subordinate institution named
        # descriptively matches only on its first distinctive word, a rare one.
        ("MT Microsystems", "Omni Microsystems B.V."),
        ("Bowei Integrated Circuits", "High Integrated Circuits K.K."),
        ("Micro Electronic Technology", "Micro Electronic Components Co., Limited"),
    ],
)
def test_a_descriptive_subordinate_institution_needs_its_anchor_word(subsidiary: str, other: str) -> None:
    assert compare(rec(CETC13 + subsidiary), rec(other)).decision is Decision.NO
    assert compare(
        rec(CETC13 + "Bowei Integrated Circuits"), rec("Hebei Bowei Integrated Circuits")
    ).decision is (Decision.MATCH)


def test_numbered_units_of_one_parent_still_conflict() -> None:
    m = compare(
        rec("China Electronics Technology Group Corporation, 13th Research Institute"),
        rec("14th Research Institute"),
    )
    assert m.decision is Decision.NO
    assert "numbers" in reasons(m)
    m = compare(
        rec("CASIC 3rd Academy?s 159 Factory"),
        rec("China Aerospace Science and Industry Corporation 159th Factory of the Second Academy"),
    )
    assert m.decision is Decision.NO


def test_a_name_that_writes_the_parent_too_is_compared_as_written() -> None:
    # The subsidiary alone ("ANPP TEMP AVIA") is in the other name with the parent's words
    # beside it: read as a shortened name, a misspelt parent word would look like a sibling's.
    m = compare(
        rec("Tactical Missile Corporation, PJSC ANPP Temp Avia"), rec("TACTICAL MISISLE ANPP TEMP AVIA")
    )
    assert m.decision is Decision.MATCH
    assert "parent_group" not in reasons(m)


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(
        [
            ("Tactical Missile Corporation, PJSC ANPP Temp Avia", "ANPP TEMP AIR"),
            ("Tactical Missile Corporation, JSC Region", "Tactical Missile Corporation, JSC Detal"),
            ("Tactical Missile Corporation, JSC Region", "Rostec Corporation, JSC Region"),
            ("Tactical Missile Corporation, PJSC ANPP Temp Avia", "TACTICAL MISISLE ANPP TEMP AVIA"),
            (
                "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy?s 239 Factory",
                "239th Factory",
            ),
            (
                "China Electronics Technology Group Corporation, 13th Research Institute",
                "14th Research Institute",
            ),
            (CETC13 + "MT Microsystems", "Omni Microsystems B.V."),
            (CETC13 + "Bowei Integrated Circuits", "Hebei Bowei Integrated Circuits"),
        ],
        "company",
    )
