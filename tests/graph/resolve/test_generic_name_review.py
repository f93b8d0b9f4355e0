"""Names made only of line-of-business words (graph.resolve.generic_names): two such names of the
same words go to review, never to a match; legal forms, stop-words, one word, a letter or a digit
still name nobody. The listed names are the bundled lists' own (benchmarks/self_match_scan.py:
"no distinctive word: generic words")."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.link import LinkThresholds
from tests.graph.resolve.one_party_world import one_party_world
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

#: The review band of both deciders: resolution's queue (from 0.75) and compare's "possible".
QUEUE = LinkThresholds().review


@pytest.mark.parametrize(
    ("listed", "written"),
    [
        ("High Technology, Ltd", "HIGH TECHNOLOGIES LTD"),  # TECHNOLOGIES read as TECHNOLOGY
        ("Engineering Solutions Pvt. Ltd.", "SOLUTIONS ENGINEERING LIMITED"),  # word order aside
        ("TECHNO LAB", "TECHNOLOGY LABORATORY"),  # TECHNO, LAB: the words cut
        ("CHEMICAL GROUP", "Chemical Group"),
        ("New Technology", "NEW TECHNOLOGIES LLC"),  # a legal form on one side only
        ("DIGITAL TECHNOLOGIES LLC", "LIMITED LIABILITY COMPANY DIGITAL TECHNOLOGIES"),
    ],
)
def test_the_same_line_of_business_words_go_to_review(listed: str, written: str) -> None:
    m = compare(company(listed), company(written))
    assert m.decision == Decision.POSSIBLE, m.reasons
    assert QUEUE <= m.score < 0.8
    name = reasons(m)["name"]
    assert "both made only of the line-of-business words" in name and "never for a match" in name
    assert "check the address, the country and the identifiers" in name
    assert m.reasons[0].contribution > 0
    batch_equals_compare([(listed, written)], "company")


def test_a_shipment_party_of_unknown_kind_reaches_review() -> None:
    party = Record("p", "unknown", ("HIGH TECHNOLOGIES LTD",), country="PK")
    # The OFAC / CSL entry: its primary name writes its own acronym; its reading without it is generic.
    listed = Record("l", "company", ("High Technologies, Ltd. (HTL)", "High Technology, Ltd"), country="PK")
    m = compare(party, listed)
    assert m.decision == Decision.POSSIBLE and QUEUE <= m.score < 0.8, m.reasons
    assert "line-of-business words 'HIGH TECHNOLOGY'" in reasons(m)["name"]


def test_agreeing_country_and_address_never_make_a_match_an_identifier_does() -> None:
    def rec(i: str, name: str, lei: str = "") -> Record:
        ids = {"LEI": lei} if lei else {}
        return Record(i, "company", (name,), "PK", "726 Ibne-Sina Road, Islamabad", ids)

    m = compare(rec("a", "High Technology, Ltd"), rec("b", "HIGH TECHNOLOGIES LTD"))
    assert m.decision == Decision.POSSIBLE and m.score < 0.8, m.reasons
    lei = "529900T8BM49AURSDO55"
    m = compare(rec("a", "High Technology, Ltd", lei), rec("b", "HIGH TECHNOLOGIES LTD", lei))
    assert m.decision == Decision.MATCH, m.reasons


def test_a_country_that_differs_keeps_the_pair_out_of_review() -> None:
    m = compare(
        Record("a", "company", ("High Technology, Ltd",), "PK"),
        Record("b", "company", ("HIGH TECHNOLOGIES LTD",), "CN"),
    )
    assert m.decision == Decision.NO, m.reasons
    assert "country differs" in reasons(m)["country"]


@pytest.mark.parametrize("other", ["HIGH TECHNOLOGY FZE", "HIGH TECHNOLOGY INC", "HIGH TECHNOLOGY JSC"])
def test_legal_forms_that_conflict_keep_the_pair_out_of_review(other: str) -> None:
    m = compare(company("High Technology, Ltd"), company(other))
    assert m.decision == Decision.NO, m.reasons
    assert "their legal forms conflict" in reasons(m)["name"]
    assert reasons(m)["legal_form"].startswith("different legal forms")
    batch_equals_compare([("High Technology, Ltd", other)], "company")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("LLC", "LLC"),  # a legal form
        ("Trading Company", "TRADING COMPANY"),  # one line-of-business word and a form
        ("OJSC UNITED COMPANY", "UNITED COMPANY OJSC"),  # one word names too many companies
        ("Group A", "GROUP A"),  # one word and a stop-word
        ("SAVINGS BANK", "SAVINGS BANK"),  # a whole name that is a legal form
        ("D COMPANY", "D COMPANY"),  # a single letter
        ("5 ENERGY", "5 ENERGY"),  # a digit
        ("RESEARCH INSTITUTE - 2", "RESEARCH INSTITUTE 2"),
        ("High Technology, Ltd", "DIGITAL TECHNOLOGY LTD"),  # other line-of-business words
        ("High Technology, Ltd", "HIGH TECHNOLOGY SYSTEMS LTD"),  # a word more
    ],
)
def test_names_of_legal_forms_stop_words_one_word_letters_or_digits_stay_no(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision == Decision.NO, m.reasons
    assert "line-of-business words" not in reasons(m)["name"]
    batch_equals_compare([(a, b)], "company")


def test_a_generic_name_is_no_name_of_its_own_words() -> None:
    # AVIC's subsidiary writes HIGH-TECHNOLOGY after its name: no pair of the same words alone.
    m = compare(company("High Technology, Ltd"), company("AVIC AVIATION HIGH-TECHNOLOGY CO., LTD."))
    assert m.decision == Decision.NO, m.reasons


def test_a_better_agreeing_name_of_the_record_is_the_pair_read() -> None:
    # The record also bears a distinctive name the other writes: that pair is a match, not review.
    a = Record("a", "company", ("HIGH TECHNOLOGY LTD", "ZARVAN HIGH TECHNOLOGY LTD"))
    b = Record("b", "company", ("HIGH TECHNOLOGIES LTD", "ZARVAN HIGH TECHNOLOGIES LTD"))
    m = compare(a, b)
    assert m.decision == Decision.MATCH, m.reasons
    assert "ZARVAN" in reasons(m)["name"]
    # … and a worse-agreeing one does not hide the generic pair.
    c = Record("c", "company", ("HIGH TECHNOLOGIES LTD", "KORVEL SYSTEMS LTD"))
    m = compare(a, c)
    assert m.decision == Decision.POSSIBLE, m.reasons


def test_a_bill_of_lading_party_of_a_listed_generic_name_is_queued_not_linked(tmp_path: Path) -> None:
    """End to end: a consignee "HIGH TECHNOLOGIES LTD" in Pakistan meets the OFAC / CSL entry HIGH
    TECHNOLOGIES, LTD. (HTL) a.k.a. HIGH TECHNOLOGY, LTD of Islamabad through blocking (party-list)
    and lands in the review queue with the generic-name reason, never linked to it."""
    from graph.resolve.review import queue_path
    from graph.resolve.run import clusters_path, resolve
    from graph.tables.trade import load_trade_tables

    settings = one_party_world(tmp_path, "HIGH TECHNOLOGIES LTD", "Islamabad", "PK")
    resolve(settings, write_store=False)
    parties = load_trade_tables(settings).parties
    party = str(parties.loc[parties["name"] == "HIGH TECHNOLOGIES LTD", "party_id"].iloc[0])
    queue = pd.read_parquet(queue_path(settings))
    mine = queue[(queue["source"] == party) | (queue["target"] == party)]
    assert len(mine) >= 1, "the party reached no officer"
    assert all(mine["reasons_json"].str.contains("same line-of-business words alone")), mine
    assert all(mine["score"] < 0.8)
    clusters = pd.read_parquet(clusters_path(settings))
    assert (clusters.loc[clusters["id"] == party, "size"] <= 1).all(), "a generic name was linked"


@pytest.mark.parametrize(
    ("listed", "cause"),
    [
        ("High Technology, Ltd", "no distinctive word: generic words, review (by design)"),
        ("OJSC UNITED COMPANY", "no distinctive word: one generic word (by design)"),
    ],
)
def test_the_self_match_scan_says_a_generic_name_reaches_review(listed: str, cause: str) -> None:
    from benchmarks.self_match_scan import _cause

    assert _cause(listed)[0] == cause
