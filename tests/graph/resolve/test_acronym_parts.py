"""An acronym of part of a long name, its other words shortened: "Almaz-Antey MSDB" is "Almaz-Antey
Air Defense Concern Main System Design Bureau" (dev misses of the labelled evaluation)."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.acronym_parts import part_collapse
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec


@pytest.mark.parametrize(
    ("a", "b", "acronym", "spelled"),
    [
        # main: 0.70, 0.27 — the long name's other words had no counterpart.
        (
            "Almaz-Antey Air Defense Concern Main System Design Bureau, JSC",
            "Almaz-Antey MSDB",
            "MSDB",
            "MAIN SYSTEMS DESIGN BUREAU",
        ),
        (
            "PJSC ZENIT MSDB",  # the same shape, the other words left out are a parent's
            "Zenit Aerospace Concern Main System Design Bureau",
            "MSDB",
            "MAIN SYSTEMS DESIGN BUREAU",
        ),
    ],
)
def test_an_acronym_of_part_of_the_long_name_matches_and_says_why(
    a: str, b: str, acronym: str, spelled: str
) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH
    detail = reasons(m)["acronym"]
    assert f"{acronym} stands for {spelled}" in detail
    assert "are all in the longer one" in detail
    assert compare(rec(b), rec(a)).score == pytest.approx(m.score)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # main: 0.034 — the name that writes the acronym also writes the parent unit (AIR FORCE).
        (
            "ISLAMIC REVOLUTIONARY GUARD CORPS AL-GHADIR MISSILE COMMAND",
            "IRGC AIR FORCE AL-GHADIR MISSILE COMMAND",
        ),
        # main: 0.037 — the same shape, the acronym written after the words it adds.
        ("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE", "QODS (JERUSALEM) FORCE OF THE IRGC"),
    ],
)
def test_the_name_writing_the_acronym_may_keep_more_words(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH
    detail = reasons(m)["acronym"]
    assert "IRGC stands for ISLAMIC REVOLUTIONARY GUARD CORPS" in detail
    assert "are all in the longer one" in detail
    assert compare(rec(b), rec(a)).score == pytest.approx(m.score)


def test_the_longer_abbreviating_name_keeps_the_guards() -> None:
    spelled = "AIR ALMAZ ANTEY BUREAU CONCERN DEFENSE DESIGN MAIN"
    seq = "ALMAZ ANTEY AIR DEFENSE CONCERN MAIN SYSTEMS DESIGN BUREAU"
    hit = part_collapse(
        "ALMAZ ANTEY AIR CONCERN DEFENSE MSDB VEGA",
        "ALMAZ ANTEY BUREAU DESIGN MAIN",
        "ALMAZ ANTEY MAIN SYSTEMS DESIGN BUREAU",
    )
    assert hit is not None and hit.rest == ("AIR ALMAZ ANTEY CONCERN DEFENSE VEGA", "ALMAZ ANTEY")
    # An organisation type among the abbreviating name's extra words: another body (an NPO of
    # the bureau's name is not the bureau).
    assert (
        part_collapse(
            "ALMAZ ANTEY MSDB NPO", "ALMAZ ANTEY BUREAU DESIGN MAIN", "ALMAZ ANTEY MAIN SYSTEMS DESIGN BUREAU"
        )
        is None
    )
    # The spelled-out name keeps a word the abbreviating one lacks, or none besides the run.
    assert part_collapse("ALMAZ ANTEY MSDB VEGA", spelled, seq) is None
    assert part_collapse("MSDB VEGA", "BUREAU DESIGN MAIN", "MAIN SYSTEMS DESIGN BUREAU") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A word of the short name that the long one lacks: another organisation.
        ("Almaz-Antey Vega MSDB", "Almaz-Antey Air Defense Concern Main System Design Bureau"),
        ("MSDB", "Almaz-Antey Air Defense Concern Main System Design Bureau"),  # the acronym alone
        # Two different acronyms beside the same words.
        ("Almaz-Antey MSDB", "Almaz-Antey NPO Air Defense Concern Main System Design Bureau"),
        ("Almaz-Antey MSDB", "Almaz-Antey KBKh"),
    ],
)
def test_a_part_acronym_never_carries_names_that_otherwise_disagree(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is not Decision.MATCH


def test_three_letters_are_not_enough_for_a_part() -> None:
    # M(AIN) D(ESIGN) B(UREAU): three initials in order among many words are no evidence.
    assert (
        part_collapse(
            "ALMAZ ANTEY MDB",
            "AIR ALMAZ ANTEY BUREAU CONCERN DEFENSE DESIGN MAIN",
            "ALMAZ ANTEY AIR DEFENSE CONCERN MAIN DESIGN BUREAU",
        )
        is None
    )
    hit = part_collapse(
        "ALMAZ ANTEY MSDB",
        "AIR ALMAZ ANTEY BUREAU CONCERN DEFENSE DESIGN MAIN",
        "ALMAZ ANTEY AIR DEFENSE CONCERN MAIN SYSTEMS DESIGN BUREAU",
    )
    assert hit is not None and hit.acronyms == ("MSDB",)


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(
        [
            ("Almaz-Antey Air Defense Concern Main System Design Bureau, JSC", "Almaz-Antey MSDB"),
            (
                "FSUE SRPE BAZALT",
                "FEDERAL STATE UNITARY ENTERPRISE STATE RESEARCH AND PRODUCTION ENTERPRISE BAZALT",
            ),
            ("Almaz-Antey Vega MSDB", "Almaz-Antey Air Defense Concern Main System Design Bureau"),
            ("Almaz-Antey MSDB", "Almaz-Antey KBKh"),
            (
                "ISLAMIC REVOLUTIONARY GUARD CORPS AL-GHADIR MISSILE COMMAND",
                "IRGC AIR FORCE AL-GHADIR MISSILE COMMAND",
            ),
        ],
        "company",
    )
