"""Sibling companies that differ only in a short code or initials (issue #5): "AQ WIDGETWORKS" /
"BQ WIDGETWORKS" is not one name mistyped — while a slip in a long word, a reordered or
neighbour-key code, a code on one side only and a lone letter still match. Made-up names."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import DEFAULT_THRESHOLDS, Decision, Record, compare, prepare, score_pairs
from graph.resolve.features import WEIGHTS
from graph.resolve.names import normalise_name
from graph.resolve.short_codes import codes, short_code
from graph.resolve.siblings import other_words, pack
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec

#: Sibling companies told apart by a code of two or three letters or a run of initials.
CODE_SIBLINGS = [
    ("AQ Widgetworks Ltd", "BQ Widgetworks Ltd", "'AQ' vs 'BQ'"),
    ("A.Q. Widgetworks", "B.Q. Widgetworks", "'AQ' vs 'BQ'"),
    ("K.A. Brellmoor Holdings", "K.B. Brellmoor Holdings", "'KA' vs 'KB'"),
    ("AB Quorvane Logistics", "XB Quorvane Logistics", "'AB' vs 'XB'"),
    ("A.B.C.D. Quorvane", "A.B.X.Y. Quorvane", "'ABCD' vs 'ABXY'"),
    # one letter of three, not a keying slip nor a romanisation: another code
    ("ABC Widgetworks Ltd", "XBC Widgetworks Ltd", "'ABC' vs 'XBC'"),
    ("ABC Quorvane Logistics", "AMC Quorvane Logistics", "'ABC' vs 'AMC'"),
    ("VTB Brellmoor Leasing", "VEB Brellmoor Leasing", "'VTB' vs 'VEB'"),
]

#: True variants the rule must leave alone.
SAME_NAMES = [
    ("AQ Widgetworks Ltd", "AQ Widgetwroks Ltd"),  # a slip in the long word
    ("A.Q. Widgetworks", "AQ Widgetworks"),  # initials written as one word
    ("AQ Widgetworks Ltd", "QA Widgetworks Ltd"),  # the code's letters swapped: a keying slip
    ("IS Widgetworks Ltd", "ID Widgetworks Ltd"),  # S / D: neighbouring keys
    ("ABC Widgetworks Ltd", "ABX Widgetworks Ltd"),  # C / X: neighbouring keys, one letter of three
    ("OMZ Brellmoor Steel", "OMX Brellmoor Steel"),  # Z / X
    ("RFC Brellmoor Bank", "RFK Brellmoor Bank"),  # C / K: one sound romanised two ways
    ("AY Brellmoor Sanatorium", "AI Brellmoor Sanatorium"),  # Y / I
    ("DAY Brellmoor Bank", "DEY Brellmoor Bank"),  # A / E: one vowel romanised two ways
    ("Brellmoor LLC Almaty", "Brellmoor ZLC Almaty"),  # a legal form mistyped inside the name
    ("SME Brellmoor Bank", "SM Brellmoor Bank"),  # a letter dropped from a code: codes of two lengths
]


def _packed(name: str) -> str:
    form = normalise_name(name, "company")
    return pack(" ".join(sorted(form.distinctive)), other_words(form))


@pytest.mark.parametrize(("a", "b", "named"), CODE_SIBLINGS)
def test_names_differing_in_a_short_code_are_not_a_match(a: str, b: str, named: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is not Decision.MATCH, m.reasons
    assert named in reasons(m)["short_code_sibling"]


@pytest.mark.parametrize(("a", "b", "named"), CODE_SIBLINGS)
def test_an_agreeing_country_does_not_make_short_code_siblings_a_match(a: str, b: str, named: str) -> None:
    # the shared words are all the same, so the name similarity is near 1: the rare-word weight
    # (-3) plus an agreeing country (+0.5) left AQ / BQ WIDGETWORKS a match (0.83)
    m = compare(
        Record(id="a", kind="company", names=(a,), country="CN"),
        Record(id="b", kind="company", names=(b,), country="CN"),
    )
    assert m.decision is not Decision.MATCH, m.reasons
    weight = {r.feature: r.contribution for r in m.reasons}["short_code_sibling"]
    assert weight == WEIGHTS["short_code_sibling"] < WEIGHTS["sibling_words"]


@pytest.mark.parametrize(("a", "b"), SAME_NAMES)
def test_true_variants_with_a_code_still_match(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH, m.reasons
    assert "sibling_words" not in reasons(m) and "short_code_sibling" not in reasons(m)


def test_batch_scores_short_codes_as_compare() -> None:
    pairs = [(a, b) for a, b, _ in CODE_SIBLINGS] + SAME_NAMES
    scored = batch_equals_compare(pairs, "company")
    assert (scored.score[: len(CODE_SIBLINGS)] < 0.8).all()


def test_codes_read_initials_in_written_order() -> None:
    assert codes(_packed("Q.A. Widgetworks")) == (("QA",), ("WIDGETWORKS",))
    assert codes(_packed("AQ Widgetworks Ltd")) == (("AQ",), ("WIDGETWORKS",))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("AQ Widgetworks", "Widgetworks"),  # a code on one side only: not this rule
        ("AQ Widgetworks", "BQ Gearworks"),  # other words differ too
        ("A Widgetworks", "E Widgetworks"),  # a lone letter: often a particle (I / E)
        ("ABC Widgetworks", "ABX Widgetworks"),  # one letter of three, a neighbouring key: a slip
        ("RAU Widgetworks", "RAW Widgetworks"),  # U / W: one vowel romanised two ways
        ("AQ Widgetworks", "ABQ Widgetworks"),  # codes of two lengths
        ("AB Widgetworks", "ABC Widgetworks"),  # ... as often a letter dropped as a longer code
        ("AQ", "BQ"),  # nothing shared beside the code (the short-name rules apply)
    ],
)
def test_no_short_code_evidence(a: str, b: str) -> None:
    assert short_code(_packed(a), _packed(b)) is None


#: Agreeing country and address of two group companies (one building): made up.
_ADDRESS = "Unit 5, 12 Harbour Road, Wan Chai"


@pytest.mark.parametrize(("a", "b", "named"), CODE_SIBLINGS)
def test_an_agreeing_address_does_not_make_short_code_siblings_a_match(a: str, b: str, named: str) -> None:
    # country (+0.5) and address (+1.5) lifted AQ / BQ WIDGETWORKS LTD from 0.51 to a match (0.89):
    # companies of one group share a country and often a building, so neither counts here
    alone = compare(rec(a), rec(b))
    m = compare(
        Record(id="a", kind="company", names=(a,), country="HK", address=_ADDRESS),
        Record(id="b", kind="company", names=(b,), country="HK", address=_ADDRESS),
    )
    assert m.decision is not Decision.MATCH, m.reasons
    assert m.score == pytest.approx(alone.score)
    assert named in reasons(m)["short_code_sibling"]
    assert "not counted" in reasons(m)["country"] and "not counted" in reasons(m)["address"]


def test_a_differing_country_still_counts_against_short_code_siblings() -> None:
    a, b = "AQ Widgetworks Ltd", "BQ Widgetworks Ltd"
    m = compare(
        Record(id="a", kind="company", names=(a,), country="HK"),
        Record(id="b", kind="company", names=(b,), country="CN"),
    )
    assert {r.feature: r.contribution for r in m.reasons}["country"] == WEIGHTS["country_conflict"]
    assert m.score < compare(rec(a), rec(b)).score


def test_an_agreeing_address_still_counts_for_true_variants_with_a_code() -> None:
    a, b = "ABC Widgetworks Ltd", "ABX Widgetworks Ltd"
    m = compare(
        Record(id="a", kind="company", names=(a,), country="HK", address=_ADDRESS),
        Record(id="b", kind="company", names=(b,), country="HK", address=_ADDRESS),
    )
    assert m.decision is Decision.MATCH
    contribution = {r.feature: r.contribution for r in m.reasons}
    assert contribution["country"] == WEIGHTS["country_agree"] and contribution["address"] > 0


def test_batch_scores_short_codes_with_addresses_as_compare() -> None:
    pairs = [(a, b) for a, b, _ in CODE_SIBLINGS] + SAME_NAMES
    records = [
        (
            Record(id=f"a{i}", kind="company", names=(a,), country="HK", address=_ADDRESS),
            Record(id=f"b{i}", kind="company", names=(b,), country="HK", address=_ADDRESS),
        )
        for i, (a, b) in enumerate(pairs)
    ]
    left, right = prepare([x for x, _ in records]), prepare([y for _, y in records])
    idx = np.arange(len(records), dtype=np.int64)
    scored = score_pairs(left, right, np.column_stack([idx, idx]))
    for k, (x, y) in enumerate(records):
        assert scored.score[k] == compare(x, y).score, pairs[k]
    assert (scored.score[: len(CODE_SIBLINGS)] < DEFAULT_THRESHOLDS.match).all()
    # the batch's own brief reasons say why the agreeing country gave nothing
    country = next(r for r in scored.brief(0) if r.startswith("country"))
    assert "not counted" in country and "(+0.0)" in country
