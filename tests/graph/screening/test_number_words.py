"""One number written as digits, an ordinal or a roman numeral is one word to screening
(graph.screening.number_words: resolution's reading), and two different numbers stay apart."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.screening.index import build_index
from graph.screening.number_words import numbers_as_digits, numbers_by_value
from graph.screening.screen import Screener

MAGUS = "MAGUS HOLDING II, CORP."
ACADEMY = "China Aerospace Science and Technology Corporation Second Academy"


def _entry(eid: str, name: str) -> dict[str, object]:
    return {"id": eid, "name": name, "list": "SDN", "aliases": [], "entity_kind": "company", "countries": []}


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(build_index(pd.DataFrame([_entry("sdn:magus-2", MAGUS), _entry("el:casc-2", ACADEMY)])))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Before: clear (0.62), the 2 having no partner in II.
        ("MAGUS HOLDING 2 CORP", MAGUS),
        ("MAGUS HOLDING 2ND CORP", MAGUS),
        ("China Aerospace Science and Technology Corporation 2nd Academy", ACADEMY),
    ],
)
def test_one_number_written_otherwise_hits(screener: Screener, query: str, listed: str) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] in ("review", "block"), (out["top_match_score"], out["matches"])
    assert out["top_match_name"] == listed
    assert out["top_match_score"] >= 0.9
    assert not any(r.startswith("numbers differ") for r in out["matches"][0]["reasons"])


@pytest.mark.parametrize("query", ["MAGUS HOLDING III CORP", "MAGUS HOLDING 3 CORP", "MAGUS HOLDING CORP"])
def test_another_number_stays_clear(screener: Screener, query: str) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] == "clear", (out["top_match_score"], out["matches"])


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("MAGUS HOLDING II CORP", "MAGUS HOLDING 2 CORP"),
        ("MAGUS HOLDING 2ND CORP", "MAGUS HOLDING 2 CORP"),
        ("SEA STAR XIV", "SEA STAR 14"),
        ("FIRST RESEARCH INST", "1 RESEARCH INST"),  # an ordinal word before a unit, as resolution reads it
        ("FIRST COMPONENTS", "FIRST COMPONENTS"),  # elsewhere a name
        ("LI XI", "LI XI"),  # a syllable, not XI
        ("JOHN V SMITH", "JOHN V SMITH"),  # an initial, not V
    ],
)
def test_numbers_as_digits_reads_as_resolution(words: str, read: str) -> None:
    assert " ".join(numbers_as_digits(words.split())) == read


@pytest.mark.parametrize(
    ("query", "listed", "read"),
    [
        ("MAGUS HOLDING 2 CORP", MAGUS, ("MAGUS HOLDING 2 CORP", "MAGUS HOLDING 2 CORP")),
        ("Magus Holding 2nd Corp", MAGUS, ("MAGUS HOLDING 2 CORP", "MAGUS HOLDING 2 CORP")),
        # Numbers that differ, or a number word read on one side only, keep their letters: a space
        # moved (DREAMI I), an ordinal suffix romanised from Cyrillic (15ТХ → 15TKH).
        ("MAGUS HOLDING III CORP", MAGUS, ("MAGUS HOLDING III CORP", MAGUS)),
        ("DREAMI I", "DREAM II", ("DREAMI I", "DREAM II")),
        (
            "15TKH RESEARCH INSTITUTE",
            "15th Research Institute",
            ("15TKH RESEARCH INSTITUTE", "15th Research Institute"),
        ),
        ("ACME 7 LTD", "ACME 7 LTD", ("ACME 7 LTD", "ACME 7 LTD")),  # no number written otherwise
    ],
)
def test_a_pair_is_read_by_value_only_where_its_numbers_then_agree(
    query: str, listed: str, read: tuple[str, str]
) -> None:
    queries, targets = numbers_by_value([query], [listed])
    assert (queries[0], targets[0]) == read
