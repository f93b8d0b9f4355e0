"""Firm names that differ in a number stay below ``review`` (graph.screening.number_names: resolution's
reading of a name's numbers), and the listed name itself, or its number written otherwise, still hits."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.screening.index import build_index
from graph.screening.number_names import numbers_differ
from graph.screening.screen import Screener

CSSC_723 = "China State Shipbuilding Corporation, Limited (CSSC) 723rd Research Institute"
CASIC_33 = "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy, 33 Research Institute"

CETC_55 = "China Electronics Technology Group Corporation 55th Research Institute (CETC 55)"


def _entry(eid: str, name: str, kind: str = "company") -> dict[str, object]:
    return {"id": eid, "name": name, "list": "US_EL", "aliases": [], "entity_kind": kind, "countries": []}


@pytest.fixture(scope="module")
def screener() -> Screener:
    # Names as the bundled lists spell them (CSL 2022, SDN).
    entries = pd.DataFrame(
        [
            _entry("el:cssc-723", CSSC_723),
            _entry("el:casic-33", CASIC_33),
            _entry("sdn:fky-2", "FKY 2 PROPERTIES, LLC"),
            _entry("sdn:magus-2", "MAGUS HOLDING II, CORP."),
            _entry("el:33rd", "33rd Scientific Research and Testing Institute"),
            _entry("el:cetc-55", CETC_55),
            _entry("el:2566", "2566 Radioelectronic Armament Repair Plant JSC"),
        ]
    )
    return Screener(build_index(entries))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Before: review (0.91), block (0.94) and block (0.93) on the name alone.
        (CSSC_723.replace("723rd", "703rd"), CSSC_723),
        (CASIC_33.replace("33 Research", "35 Research"), CASIC_33),
        ("FKY PROPERTIES, LLC", "FKY 2 PROPERTIES, LLC"),  # a number on one side only
    ],
)
def test_a_firm_name_with_another_number_stays_below_review(
    screener: Screener, query: str, listed: str
) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] == "clear", (out["top_match_name"], out["top_match_score"])
    hit = [m for m in out["matches"] if m["name"] == listed]
    assert hit, out["matches"]  # still listed, with the reason
    assert hit[0]["score"] == pytest.approx(0.70)
    assert any(r.startswith("numbers differ") for r in hit[0]["reasons"]), hit[0]["reasons"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (CSSC_723, CSSC_723),
        ("CHINA STATE SHIPBUILDING CORP LTD CSSC 723RD RESEARCH INSTITUTE", CSSC_723),
        ("FKY 2 PROPERTIES LLC", "FKY 2 PROPERTIES, LLC"),
        ("MAGUS HOLDINGS II", "MAGUS HOLDING II, CORP."),
        # The same digits in a word resolution does not read as a number: a letter of the ordinal
        # dropped, a space lost, an ordinal suffix romanised from Cyrillic (55ТХ → 55TKH).
        ("SCIENTIFIC 33D RESEARCH AND TESTING INSTITUTE", "33rd Scientific Research and Testing Institute"),
        ("RADIOELECTRONIC2566 ARMAMENT REPAIR PLANT JSC", "2566 Radioelectronic Armament Repair Plant JSC"),
        ("КХИНА ЕЛЕКТРОНИКС ТЕКХНОЛОГЙ ГРОУП КОРПОРАТИОН 55ТХ РЕСЕАРКХ ИНСТИТУТЕ КЕТК 55", CETC_55),
    ],
)
def test_the_same_number_written_otherwise_still_hits(screener: Screener, query: str, listed: str) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] != "clear", (out["top_match_name"], out["top_match_score"], out["matches"])
    assert out["top_match_name"] == listed
    assert not any(r.startswith("numbers differ") for r in out["matches"][0]["reasons"])


def test_numbers_of_firms_only() -> None:
    reason = numbers_differ("FKY PROPERTIES LLC", "FKY 2 PROPERTIES LLC", "company")
    assert reason is not None and reason.startswith(
        "numbers differ: (none) in the screened name, 2 in the listed"
    )
    # A person's, a vessel's or an aircraft's name is no firm's: resolution reads no numbers of a person,
    # and a ship's number is its own rule there.
    for kind in ("person", "individual", "vessel", "aircraft"):
        assert numbers_differ("FKY PROPERTIES LLC", "FKY 2 PROPERTIES LLC", kind) is None
    assert numbers_differ("HOLDING II CORP", "HOLDING 2 CORP", "unknown") is None


def test_initials_written_together_are_no_number() -> None:
    # "VI LENIN PLANT" was capped against the listed "V.I. LENIN PLANT": VI read as the number 6
    assert numbers_differ("VI LENIN PLANT", "V.I. LENIN PLANT", "company") is None
    assert numbers_differ("VI LENIN PLANT", "VII LENIN PLANT", "company") is not None
