"""Scoring rules tuned on the dev split of benchmarks/resolution_eval.py: each pair below flips
with its rule, and each rule says so in the reasons."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from graph.resolve import Decision, Record, compare, prepare, score_pairs
from graph.resolve.features import lone_words
from graph.resolve.names import normalise_name
from graph.resolve.siblings import (
    COMMON_STEM,
    RARE_EXTRA,
    TOKEN_DF_TABLE,
    coined_variant,
    pack,
    rare_extra,
    read_token_df,
    token_df,
)


def rec(name: str, kind: str = "company") -> Record:
    return Record(id=name[:20], kind=kind, names=(name,))


def features(match: object) -> set[str]:
    return {r.feature for r in match.reasons}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gazprom Transgaz Surgut, OOO", "Gazprom Transgaz Saratov, OOO"),  # sibling subsidiaries
        ("Huawei Cloud Peru", "Huawei Cloud Russia"),
    ],
)
def test_a_distinguishing_word_on_each_side_is_not_a_match(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.NO
    assert "unpaired_words" in features(m)
    detail = next(r.detail for r in m.reasons if r.feature == "unpaired_words")
    assert "lacks" in detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gazprom Transgaz Saratov, OOO", "GAZPROM TRANSGAZ SARATOF OOO"),  # a typo is a counterpart
        (
            "Tactical Missile Corporation, Joint Stock Company Elektrotyaga",
            "TACTICAL MISSILE CORP JSC ELEKTROTYAGA",  # JSC: an initialism of JOINT STOCK
        ),
        ("Hebei Far East Communication System Engineering", "Hebei Far East Comm."),  # a cut word
    ],
)
def test_typos_initialisms_and_cut_words_are_counterparts(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "unpaired_words" not in features(m)


def test_lone_words_names_the_words_and_ignores_subsets() -> None:
    assert lone_words("CLOUD HUAWEI PERU", "CLOUD HUAWEI RUSSIA") == (("PERU",), ("RUSSIA",))
    assert lone_words("CLOUD HUAWEI", "CLOUD HUAWEI RUSSIA") == ((), ())  # a shortened name
    assert lone_words("HUAWEI", "ZTE") == ((), ())  # nothing shared: the name score decides


def test_the_unpaired_rule_is_the_same_in_the_batch() -> None:
    a = [rec("Gazprom Transgaz Surgut, OOO"), rec("Huawei Cloud Peru")]
    b = [rec("Gazprom Transgaz Saratov, OOO"), rec("HUAWEI CLOUD PERU")]
    scored = score_pairs(prepare(a), prepare(b), np.array([[0, 0], [1, 1]]))
    assert scored.score[0] == pytest.approx(compare(a[0], b[0]).score)
    assert scored.decision_of(0) == Decision.NO and scored.decision_of(1) == Decision.MATCH
    assert any("lacks" in line for line in scored.brief(0))


def test_two_legal_persons_still_conflict() -> None:
    # LLC and a free-zone FZE are not translations of each other: siblings stay apart.
    m = compare(rec("ADOON GENERAL TRADING LLC"), rec("ADOON GENERAL TRADING FZE"))
    assert m.decision != Decision.MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION", "SEMICONDUCTOR MFG INTL CORP"),
        ("GLOBAL UNITED SHIPPING LIMITED", "GLOBAL UNITED SHIPPING"),
    ],
)
def test_a_name_of_three_generic_words_is_compared_whole(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision == Decision.MATCH


def test_generic_names_stay_apart_and_short_ones_identify_nobody() -> None:
    assert compare(rec("GLOBAL UNITED SHIPPING LIMITED"), rec("GLOBAL UNITED TRADING LIMITED")).decision == (
        Decision.NO
    )
    # Two generic words alike are a pair for review, never a match (graph.resolve.generic_names) …
    m = compare(rec("INTERNATIONAL TRADING COMPANY"), rec("INTERNATIONAL TRADING CO LTD"))
    assert m.decision == Decision.POSSIBLE
    assert "only of the line-of-business words 'INTERNATIONAL TRADING'" in m.reasons[0].detail
    # … one word alone still names nobody.
    m = compare(rec("TRADING COMPANY"), rec("TRADING CO LTD"))
    assert m.decision == Decision.NO
    assert "no distinctive word" in m.reasons[0].detail


def test_xi_inside_a_name_is_a_syllable_not_a_number() -> None:
    assert normalise_name("AVIC XI AN AIRCRAFT").numbers == ()
    assert normalise_name("OCEAN SHIPPING XI").numbers == ("XI",)
    assert normalise_name("GRANITE DEVICES S S DE C V").numbers == ()  # legal-form debris
    a, b = "AVIC XI'AN AIRCRAFT INDUSTRY GROUP COMPANY LTD.", "AVIC XI AN AIRCRAFT IND GRP CO LTD"
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "numbers" not in features(m)


def test_a_code_number_glued_to_its_letters_is_the_same_number() -> None:
    # "KPE018" as a clerk writes "KPE.018": the number is read either way, and still tells codes apart.
    assert normalise_name("SECOND ACADEMY OF NATURAL SCIENCES (KPE018)").number_values == ("18", "2")
    a = "SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)"
    m = compare(rec(a), rec("SECOND ACADEMY OF NATURAL SCIENCES (KPE018)"))
    assert m.decision == Decision.MATCH
    assert "numbers" not in features(m)
    m = compare(rec(a), rec("SECOND ACADEMY OF NATURAL SCIENCES (KPE019)"))
    assert m.decision == Decision.NO
    assert "numbers differ: 18 2 vs 19 2" in {r.detail for r in m.reasons}


@pytest.mark.parametrize(
    ("a", "b", "word"),
    [
        # GHADIR is in 50 list entries: the shared word is a family stem, ETEZAD names the member.
        ("GHADIR ETEZAD INVESTMENT", "GHADIR INVESTMENT COMPANY", "ETEZAD"),
        ("Gazprom Gaznadzor, OOO", "Gazprom, OOO", "GAZNADZOR"),
        # EMBERPATH is in no list entry: a coined brand word in front of a sibling's name.
        ("Emberpath Meridian Industrial Controls Co., Ltd.", "Meridian Industrial Controls Ltd", "EMBERPATH"),
    ],
)
def test_a_rare_extra_word_next_to_a_shared_stem_is_a_sibling(a: str, b: str, word: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision != Decision.MATCH
    reason = next(r for r in m.reasons if r.feature == "sibling_words")
    assert reason.contribution < 0 and repr(word) in reason.detail and "sibling" in reason.detail
    assert compare(rec(b), rec(a)).score == pytest.approx(m.score)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Infinibridge Cargo Services B.V.", "INFINIBRIDGE CARGO SERVCIES B V"),  # typo of a generic word
        ("Kranark LLC", "KRANARK TSLC"),  # a mangled legal form: too short to be a brand word
        ("AL-JALAA HOTEL", "AL-JALAA"),  # a rare stem identifies on its own
        ("DANDONG XIANGHE TRADING CO., LTD.", "XIANGHE TRADE CO., LTD."),
        ("Huawei Technologies Deutschland GmbH", "HUAWEI TECHNOLOGIRS DEUTSCHLAND GMBH"),
    ],
)
def test_typos_and_extra_words_beside_a_rare_stem_still_match(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "sibling_words" not in features(m)


def test_the_rare_extra_rule_is_the_same_in_the_batch() -> None:
    a = [rec("GHADIR ETEZAD INVESTMENT"), rec("AL-JALAA HOTEL")]
    b = [rec("GHADIR INVESTMENT COMPANY"), rec("AL-JALAA")]
    scored = score_pairs(prepare(a), prepare(b), np.array([[0, 0], [1, 1]]))
    assert scored.score[0] == pytest.approx(compare(a[0], b[0]).score)
    assert scored.decision_of(0) != Decision.MATCH and scored.decision_of(1) == Decision.MATCH
    assert any("sibling entities apart" in line for line in scored.brief(0))


def test_rare_extra_names_the_word_and_its_counts() -> None:
    found = rare_extra(pack("GHADIR", "INVESTMENT"), pack("ETEZAD GHADIR", "INVESTMENT"))
    assert found is not None and (found.word, found.side, found.stem) == ("ETEZAD", "b", "GHADIR")
    assert found.stem_entries >= COMMON_STEM and found.word_entries <= RARE_EXTRA
    # Both names keep an extra word: the unpaired-words rule's case, not this one.
    assert rare_extra(pack("CLOUD HUAWEI PERU", ""), pack("CLOUD HUAWEI RUSSIA", "")) is None


def test_the_word_count_table_matches_the_bundled_lists() -> None:
    # The table is data built from data/lists by a script: it must be rebuilt when the lists or
    # the name normalisation change (scripts/build_list_token_df.py).
    from ingest.lists.pipeline import bundled_list_paths
    from scripts.build_list_token_df import count_entries

    entries, counts = count_entries(bundled_list_paths())
    assert dict(token_df()) == dict(counts)
    assert f"# {entries} company entries" in TOKEN_DF_TABLE.read_text(encoding="utf-8").splitlines()[0]


def test_a_malformed_word_count_table_names_the_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "df.csv"
    bad.write_text("# comment\nword,entries\nHUAWEI,141\nGAZPROM,many\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"df\.csv: data row 2"):
        read_token_df(bad)
    bad.write_text("token,n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        read_token_df(bad)


@pytest.mark.parametrize(
    ("a", "b", "common"),
    [
        ("Leadport Computing Co., Ltd.", "Jadeport Computing Co., Ltd.", "PORT"),  # a part swapped
        ("Shengpoint Integrated Circuits", "Orionpoint Integrated Circuits", "POINT"),
        ("Lumenworks Computing Corp.", "Lumen Computing Corp.", "LUMEN"),  # a part added
    ],
)
def test_coined_words_with_a_swapped_part_are_siblings(a: str, b: str, common: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision != Decision.MATCH
    reason = next(r for r in m.reasons if r.feature == "sibling_words")
    assert reason.contribution < 0 and f"built on {common!r}" in reason.detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zenithpower North Systems Ltd", "TSENITHPWER NORTH SYSTEMS LTD"),  # transliteration + typo
        ("Everestway Industrial Controls Corp.", "EVERESTWYA INDUSTRIAL CONTROLS CORP"),  # a transposition
        (
            "Tumushuke Municipal Public Security Bureau",
            "Tumxuk Municipal Public Security Bureau",
        ),  # listed words
    ],
)
def test_typos_and_listed_spellings_are_not_coined_variants(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "sibling_words" not in features(m)
    assert (
        coined_variant(" ".join(normalise_name(a).distinctive), " ".join(normalise_name(b).distinctive))
        is None
    )
