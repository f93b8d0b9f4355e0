"""A record of unknown kind (a shipment party, a list row of no published type) is compared with a
person as a person when its name may be one (graph.resolve.unknown_kinds): no kind conflict.

Person names are Entity List rows of the bundled May 2022 CSL (no type published there), written
as a bill of lading might: in capitals, one letter slipped.
"""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Record, compare, prepare, score_pairs
from graph.resolve.unknown_kinds import UNKNOWN, record_kind

from .scoring_pairs import one_name, reasons


def party(name: str) -> Record:
    return one_name(name, UNKNOWN)


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("FREOZ KHAN", "Feroz Khan"),
        ("ALI REZA DIVANIZADE", "Ali Reza Divanizadeh"),
        # too few person words to read it as a person, but no organisation evidence either
        ("TIMUR NIKOLAEVICH EDIGEEV", "Timur Nikoleavich Edigeev"),
    ],
)
def test_a_party_written_as_a_persons_name_matches_the_listed_person(written: str, listed: str) -> None:
    m = compare(party(written), one_name(listed, "person"))
    assert m.decision == "match", m.reasons
    why = reasons(m)
    assert "kind" not in why  # no kind conflict: the party's kind is unknown
    assert "unknown" in why["kind_unknown"] and "compared with the person as a person" in why["kind_unknown"]
    # compared as persons: the word alignment is said
    assert "words aligned" in why["name"]
    # the same pair with the party taken for a company meets the kind conflict and is no match
    assert compare(one_name(written, "company"), one_name(listed, "person")).decision == "no"


def test_either_side_may_be_the_unknown_one() -> None:
    a, b = party("ALI REZA DIVANIZADE"), one_name("Ali Reza Divanizadeh", "person")
    assert compare(a, b).score == pytest.approx(compare(b, a).score)


def test_a_party_whose_name_reads_as_an_organisation_keeps_the_kind_conflict() -> None:
    m = compare(party("DIVANIZADEH TRADING CO., LTD."), one_name("Ali Reza Divanizadeh", "person"))
    why = reasons(m)
    assert m.decision == "no"
    assert why["kind"].startswith("different kinds: company vs person")
    assert "reads as an organisation's (legal form" in why["kind_unknown"]


def test_against_a_company_a_party_is_compared_as_a_company() -> None:
    for name, other in (
        ("FREOZ KHAN", "Feroz Khan Trading LLC"),
        ("SHENZHEN HUAXIN ELEC TECH CO", "Huaxin Ltd"),
    ):
        as_party = compare(party(name), one_name(other, "company"))
        as_company = compare(one_name(name, "company"), one_name(other, "company"))
        assert as_party.score == pytest.approx(as_company.score)
        assert "compared as a company" in reasons(as_party)["kind_unknown"]


def test_the_batch_scorer_gives_the_score_compare_explains() -> None:
    left = [
        party("FREOZ KHAN"),
        one_name("Feroz Khan", "person"),
        party("DIVANIZADEH TRADING CO., LTD."),
        party("HUIUI ZHANG"),
        party("TIMUR NIKOLAEVICH EDIGEEV"),
        party("FREOZ KHAN"),
    ]
    right = [
        one_name("Feroz Khan", "person"),
        party("FREOZ KHAN"),
        one_name("Ali Reza Divanizadeh", "person"),
        one_name("Huisui Zhang Trading Co", "company"),
        one_name("Timur Nikoleavich Edigeev", "person"),
        party("FEROZ KHAN"),
    ]
    idx = np.arange(len(left), dtype=np.int64)
    scored = score_pairs(prepare(left), prepare(right), np.column_stack([idx, idx]))
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        assert scored.score[i] == pytest.approx(compare(a, b).score), (a.names, b.names)
    assert scored.decision_of(0) == "match" and scored.decision_of(1) == "match"
    assert any("compared with the person as a person" in r for r in scored.brief(0))


def test_record_kinds_of_list_rows() -> None:
    assert record_kind("person", "type") == "person"
    assert record_kind("person", "name") == "person"  # read from the name by the list reader
    assert record_kind("company", "type") == "company"
    assert record_kind("company", None) == "company"  # a row of a workspace older than kind_source
    assert record_kind("company", "default") == UNKNOWN  # the list publishes no type
    assert record_kind("unknown", "default") == UNKNOWN
    assert record_kind("", None) == UNKNOWN
    assert record_kind("aircraft", "type") == "company"
    assert record_kind("address", "default") == "company"  # an address-only Entity List row
