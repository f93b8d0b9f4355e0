"""Company precision rules (issue #5): false matches of the dev split of
benchmarks/resolution_eval.py and of the 100k synthetic world, each flipped by one rule that
names itself in the reasons, next to the true pairs the rule must leave alone."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Decision, Record, compare, prepare, score_pairs
from graph.resolve.common_stem import COMMON_ENTRIES, COMMON_ZIPF, common_stem
from graph.resolve.names import normalise_name
from graph.resolve.siblings import pack, token_df
from graph.words import zipf


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


def features(a: str, b: str) -> set[str]:
    return {r.feature for r in compare(rec(a), rec(b)).reasons}


def packed(name: str) -> str:
    form = normalise_name(name, "company")
    return pack(" ".join(sorted(form.distinctive)), form.folded)


# --- K.K. (kabushiki kaisha) is a legal form, not two distinctive letters ----------------------


def test_kk_written_with_dots_is_the_japanese_legal_form() -> None:
    form = normalise_name("Sunsemi Instruments K.K.", "company")
    assert form.distinctive == ("SUNSEMI",)
    assert form.legal_form_text == "K K"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sunsemi Instruments K.K.", "Sunsemi Instruments Pte. Ltd."),  # JP vs SG
        ("Golden Automotive Electronics K.K.", "Goldenlink Automotive Electronics Bhd."),  # JP vs MY
    ],
)
def test_kk_against_a_form_of_another_jurisdiction_is_two_companies(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.NO
    legal = next(r for r in m.reasons if r.feature == "legal_form")
    assert legal.value == -2.0
    assert "K K" in legal.detail


@pytest.mark.parametrize("b", ["YIELD ELEC COMPONENTS K K", "YIELD ELECTRONIC COMPONENTS KK"])
def test_kk_written_every_way_is_one_form(b: str) -> None:
    m = compare(rec("Yield Electronic Components K.K."), rec(b))
    assert m.decision == Decision.MATCH
    assert next(r for r in m.reasons if r.feature == "legal_form").value == 2.0


# --- one common word is not a shortened name (graph.resolve.common_stem) -------------------


@pytest.mark.parametrize(
    ("a", "b", "word"),
    [
        ("Unity Electronics Pte. Ltd.", "THE UNITY OF ISLAMIC YOUTH", "UNITY"),  # 100k world
        ("Fusion Electronics Corp.", "FUSION PIZZA & PARRILLA", "FUSION"),  # 100k world
        ("DIGITAL SECURITY", "MILITARY SECURITY COMMAND", "SECURITY"),  # dev: two OFAC entries
        ("Wave Tech Computers", "Wave Tech Group", "WAVE"),  # dev: two CSL entries
        ("IRAN ELECTRONIC DEVELOPMENT COMPANY", "IRAN MOBIN ELECTRONIC DEVELOPMENT COMPANY", "IRAN"),
    ],
)
def test_one_common_word_is_not_a_shortened_name(a: str, b: str, word: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.NO
    reason = next(r for r in m.reasons if r.feature == "common_word")
    assert repr(word) in reason.detail and "common word" in reason.detail
    name = next(r for r in m.reasons if r.feature == "name")
    assert name.value < 0.8  # compared whole: the subset credit (0.94) is gone


def test_the_evidence_names_the_word_and_why_it_is_common() -> None:
    found = common_stem(packed("Unity Electronics Pte. Ltd."), packed("THE UNITY OF ISLAMIC YOUTH"))
    assert found is not None
    assert found.word == "UNITY" and found.extra == ("ISLAMIC", "YOUTH")
    assert found.zipf == zipf("UNITY") >= COMMON_ZIPF
    found = common_stem(packed("IRAN ELECTRONIC DEVELOPMENT COMPANY"), packed("IRAN MOBIN ELECTRONIC CO"))
    assert found is not None and found.entries == token_df()["IRAN"] >= COMMON_ENTRIES
    assert "entries of the bundled lists" in found.describe()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("PEYKASA", "PEYKASA MESSAGE-WARE CO."),  # a rare word identifies: a shortened name
        ("Hansen Technologies Limited", "HANSEN TECNOLOGIES"),  # the extra word is a typo
        ("Atlas Atlas Devices Pte. Ltd.", "ATLAS ATLAS DEVICES PTE"),  # ... the other's legal form
        ("RUST CLOSED JOINT-STOCK COMPANY", "RUST CLOSED JOINT-STOCK CO"),  # ... written in it
        ("APEX", "OOO APEX"),  # nothing added: equal names
        ("GROUP GRAND LIMITED GENERAL TRADING", "GROUP GRAND GENERAL TRADING"),  # a form word left inside
    ],
)
def test_typos_forms_and_rare_words_keep_the_subset_credit(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "common_word" not in features(a, b)


def test_a_rare_extra_word_beside_a_family_stem_stays_the_sibling_rule() -> None:
    # GHADIR is common in the lists; ETEZAD is the rare word that names the sibling.
    found = features("GHADIR ETEZAD INVESTMENT", "GHADIR INVESTMENT COMPANY")
    assert "sibling_words" in found and "common_word" not in found


def batch_brief(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Score ``pairs`` in one batch, check each score equals ``compare``'s, return the briefs."""
    scored = score_pairs(
        prepare([rec(a) for a, _ in pairs]),
        prepare([rec(b) for _, b in pairs]),
        np.tile(np.arange(len(pairs)), (2, 1)).T,
    )
    assert scored.score.tolist() == pytest.approx([compare(rec(a), rec(b)).score for a, b in pairs])
    return [scored.brief(i) for i in range(len(pairs))]


def test_the_common_word_rule_is_the_same_in_the_batch() -> None:
    briefs = batch_brief(
        [
            ("Unity Electronics Pte. Ltd.", "THE UNITY OF ISLAMIC YOUTH"),
            ("Wave Tech Computers", "Wave Tech Group"),
            ("PEYKASA", "PEYKASA MESSAGE-WARE CO."),
            ("Sunsemi Instruments K.K.", "Sunsemi Instruments Pte. Ltd."),
        ]
    )
    assert any("one common word" in line for line in briefs[0])
    assert not any("one common word" in line for line in briefs[2])


# --- one common word each: the line of business tells the companies apart -------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Falcon Manufacturing Pte. Ltd.", "FALCON SYSTEMS"),  # 100k world: a legit firm vs a list entry
        ("Pioneer Semiconductor Corp.", "PIONEER LOGISTICS"),
        ("Blue Manufacturing Technology Co., Ltd.", "BLUE ENERGY TRADE LTD. CO."),
    ],
)
def test_one_common_word_with_other_lines_of_business_is_not_a_match(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision != Decision.MATCH
    reason = next(r for r in m.reasons if r.feature == "common_business")
    assert reason.contribution == -3.0 and "line of business" in reason.detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Falcon Systems S.A.", "FALCON SYSTEMS"),  # the same line of business
        ("Falcon Electronics Co., Ltd.", "FALCON ELECTRONICS"),
        ("Kinglead Electronics Co., Ltd.", "Kinglead Trading"),  # a rare word identifies alone
        ("Technical Services", "TECHNICAL DERVICES"),  # a typo of the line of business is that line
    ],
)
def test_a_shared_line_of_business_or_a_rare_word_still_matches(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "common_business" not in features(a, b)


def test_the_common_business_rule_is_the_same_in_the_batch() -> None:
    briefs = batch_brief(
        [("Falcon Manufacturing Pte. Ltd.", "FALCON SYSTEMS"), ("Falcon Systems S.A.", "FALCON SYSTEMS")]
    )
    assert any("no line of business shared" in line for line in briefs[0])
    assert not any("no line of business shared" in line for line in briefs[1])
