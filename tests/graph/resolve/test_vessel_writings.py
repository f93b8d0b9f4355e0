"""Listed vessel names against the ways a manifest or another list writes them
(benchmarks/vessel_writings_scan.py): a ship's closing number as digits, Roman numeral or word is
one number (graph.resolve.vessel_numbers), and the names that must stay apart stay apart."""

from __future__ import annotations

import pytest

from benchmarks.vessel_writings_scan import WRITINGS, run_together, writings_report
from graph.resolve import Decision, compare
from graph.resolve.features import Record
from graph.resolve.names import normalise_name
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, one_name

NUMBERED_PAIRS = [
    # digits / Roman numeral (the scan found 27 list names below match)
    ("HAO FAN 2", "HAO FAN II"),
    ("GENAVA 12", "GENAVA XII"),
    ("JI SONG 8", "JI SONG VIII"),
    ("ARGO I", "ARGO 1"),
    ("BICENTENARIO XIII", "BICENTENARIO 13"),
    # digits / English word (the scan found all 70 refused as another number)
    ("KUM SONG 3", "KUM SONG THREE"),
    ("IRAN HORMUZ 14", "IRAN HORMUZ FOURTEEN"),
    ("STAR 18", "M/V STAR EIGHTEEN"),
    ("NAVE II", "NAVE TWO"),
    # a hull number written without its hyphen (the scan found 4 of 5 refused as another number)
    ("GP-21", "GP21"),
    ("OT-2077", "OT2077"),
    ("L-409", "M/V L409"),
]


def vessel(name: str) -> Record:
    return one_name(name, "vessel")


@pytest.mark.parametrize(("listed", "written"), NUMBERED_PAIRS)
def test_a_ships_number_written_otherwise_matches(listed: str, written: str) -> None:
    assert compare(vessel(listed), vessel(written)).decision == Decision.MATCH


def test_numbered_vessel_writings_score_the_same_in_the_batch() -> None:
    batch_equals_compare(NUMBERED_PAIRS, kind="vessel")


@pytest.mark.parametrize(
    ("a", "b"),
    [("GP21", "GP23"), ("GP-21", "GP 2"), ("7-28", "728")],
)
def test_hull_numbers_of_other_ships_stay_apart(a: str, b: str) -> None:
    assert compare(vessel(a), vessel(b)).decision != Decision.MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KUM SONG 3", "KUM SONG IV"),
        ("NAVE II", "NAVE THREE"),
        ("GENAVA 12", "GENAVA XI"),
        ("SEA STAR", "SEA STAR V"),
    ],
)
def test_ships_of_other_numbers_stay_apart(a: str, b: str) -> None:
    assert compare(vessel(a), vessel(b)).decision == Decision.NO


def test_only_the_closing_number_of_a_vessel_is_read() -> None:
    # a number word that opens the name is the name; one letter before a numeral is an initial
    assert normalise_name("SEVEN SEAS", "vessel").tokens == ("SEVEN", "SEAS")
    assert normalise_name("A I", "vessel").tokens[-1] == "I"
    # companies keep their words: ONE closing a company name is a brand
    assert normalise_name("ACME ONE", "company").tokens == ("ACME", "ONE")
    assert compare(company("ACME HOLDING ONE"), company("ACME HOLDING 1")).decision != Decision.MATCH


@pytest.mark.parametrize(("listed", "written"), [("A.A. II", "AA II"), ("K.S. SEVEN", "KS SEVEN")])
def test_a_closing_number_after_dotted_initials_is_read_as_without_the_dots(
    listed: str, written: str
) -> None:
    # Found by the property tests (test_compare_properties): after the single letters of "A.A."
    # the II stayed a word, "AA II" read AA 2, and the two were refused as two ships (0.02).
    assert normalise_name(listed, "vessel").tokens[-1] == normalise_name(written, "vessel").tokens[-1]
    assert compare(vessel(listed), vessel(written)).decision == Decision.MATCH


def test_the_scan_reports_failures_per_writing(capsys: pytest.CaptureFixture[str]) -> None:
    failures = writings_report(["KUM SONG 3", "SEA STAR", "GP-21", "7-28"], counts_only=False, examples=3)
    out = capsys.readouterr().out
    assert "4 list vessel names, 4 match themselves" in out
    # a number that is the whole name's first word is the name: 7-28 as SEVEN-28 is reported
    assert [name for name, _, _ in failures["digits as words"]] == ["7-28"]
    assert "numbers differ" in out
    assert failures["MV added"] == []
    # GP-21 written GP21 is one word to the numbers check: still reported
    # GP-21 as GP21 matches; 7-28 as 728 is another number (by design)
    assert [name for name, _, _ in failures["hyphens dropped"]] == ["7-28"]
    assert "no longer match" in out
    assert set(WRITINGS) >= {"M/V added", "digits as Roman", "former name dropped"}
    assert run_together("SEA STAR") == "SEASTAR"
    assert run_together("ANA I") == "ANA I"
