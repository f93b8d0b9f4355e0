"""Clerk noise and near-variant names (#5): keying slips, mistyped legal forms, city names,
dedications, cut generic words.

Each rule links the planted-noise variants it was written for (pairs from
``benchmarks/eval_pairs/pairs.csv``, dev split), says so in ``compare()``'s reasons, and keeps
refusing the near-miss pairs that differ by something a slip does not explain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.dedications import drop_dedication
from graph.resolve.names import correct_generic, normalise_name
from graph.resolve.place_names import read_place_names
from graph.resolve.typo_words import single_slip, slip, swapped_form
from tests.graph.resolve.scoring_pairs import batch_equals_compare


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


def features(a: str, b: str) -> dict[str, str]:
    return {r.feature: r.detail for r in compare(rec(a), rec(b)).reasons}


# --- one keying slip in one word -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("IFDK, ZAO", "IGDK ZAO"),  # F / G: neighbouring keys
        ("AL-AQSA E.V.", "AL-AQDA E V"),  # S / D
        ("Onyx Instruments Co., Ltd.", "ONYC INSTRUMENTS CO LTD"),  # X / C
        ("Fang Yu", "FAMG YU"),  # N / M
    ],
)
def test_one_keying_slip_is_one_name(a: str, b: str) -> None:
    match = compare(rec(a), rec(b))
    assert match.decision is Decision.MATCH
    assert "keying slip" in features(a, b)["keying_slip"]


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("IFDK", "IGDK", True),
        ("KOHAS", "KHOAS", True),  # neighbours swapped
        ("WAVE", "WAV", True),  # a letter dropped
        ("PANG", "WANG", False),  # first letter
        ("KAMAL", "JAMAL", False),
        ("NOOR", "NASR", False),  # two edits
        ("RAHAB", "RAHAP", False),  # B / P are not neighbours on a row
        ("CLC", "CZC", False),  # too short: another initialism
        ("703RD", "723RD", False),  # numbers differ on purpose
    ],
)
def test_what_counts_as_a_slip(x: str, y: str, expected: bool) -> None:
    assert slip(x, y) is expected


def test_a_slip_needs_every_other_word_to_agree() -> None:
    assert single_slip("AURORA IFDK", "AURORA IGDK") == ("IFDK", "IGDK")
    assert single_slip("AURORA IFDK", "BOREAL IGDK") is None
    assert single_slip("IFDK", "AURORA IGDK") is None


def test_a_slip_with_other_line_of_business_words_is_no_match() -> None:
    # "Onyx Components" / "Onyc Construction": the generic words differ, the rule stays silent.
    assert "keying_slip" not in features("Onyx Components Ltd", "ONYC CONSTRUCTION LTD")


def test_a_romanisation_key_moving_the_first_letter_is_no_other_name() -> None:
    # KHOAS's key starts with H (KH → H); as written both start with K.
    assert compare(rec("KOHAS AG"), rec("KHOAS AG")).decision is Decision.MATCH
    assert compare(rec("KAMAL"), rec("JAMAL")).decision is Decision.NO


# --- legal forms keyed with a typo -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "run"),
    [
        ("QUARTZSEMI IMPORT EXPORT S DE R L ED C V", "S DE R L DE C V"),  # DE keyed ED
        ("A&A ESTUDIO ARQUITECTONICO S DE R L FE C V", "S DE R L DE C V"),
        ("NORTHSYS IMPORT EXPORT S DE R L DE  V", "S DE R L DE C V"),  # C dropped
        ("CAVIEDES DILEO Y ICA S C S", "CIA S C S"),
        ("NPRTH AURORA DEVICES SP TS O O", "SP Z O O"),  # Z romanised TS
        ("CAVIEDES DILEO Y CIA. S.C.S.", "CIA S C S"),  # written right: left as written
    ],
)
def test_compound_and_romanised_forms_are_read_through_a_typo(name: str, run: str) -> None:
    assert normalise_name(name).legal_run == run


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Quartzsemi Import Export S. de R.L. de C.V.", "QUARTZSEMI IMPORT EXPORT S DE R L ED C V"),
        ("CAVIEDES DILEO Y CIA. S.C.S.", "CAVIEDES DILEO Y ICA S C S"),
        ("Northsys Import Export S. de R.L. de C.V.", "NORTHSYS IMPORT EXPORT S DE R L DE  V"),
    ],
)
def test_mistyped_compound_forms_match_and_say_so(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert "keys its form with a typo" in features(a, b)["legal_form"]


def test_a_two_letter_form_written_apart_with_a_neighbouring_key_is_that_form() -> None:
    # ofac_noise: C.A. keyed V A (C / V neighbours): no Roman numeral V, no one-letter form A
    # (the 2 is D2's, a code's number).
    a, b = "D2 IMAGINEERING, C.A.", "D2 IMAGINEERING V A"
    form = normalise_name(b)
    assert (form.legal_run, form.numbers) == ("C A", ("2",))
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert "keys its form with a typo" in features(a, b)["legal_form"]
    batch_equals_compare([(a, b)], "company")


@pytest.mark.parametrize(
    ("name", "run"),
    [
        ("AERO EXPRESS V V", ""),  # B V and C V both a neighbouring key away: not read
        ("DOCTEUR ROOBAERT J M", ""),  # initials no form is a neighbouring key from
        ("CARLYLE PARTNERS V L P", "L P"),  # a form as written stays, V stays the fund's number
        ("INVERSIONES C.P.C.L. Y CIA. S. EN C.S.", "CIA S EN C"),  # a longer run: as before
    ],
)
def test_two_one_letter_words_are_read_as_a_form_only_by_one_neighbouring_key(name: str, run: str) -> None:
    assert normalise_name(name).legal_run == run


def test_two_letters_of_a_form_swapped_are_no_conflict() -> None:
    a, b = "KARIBU AFRICA SERVICES SA", "KARIBU AFRICA SERVICES AS"
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert "keying slip" in features(a, b)["legal_form"]
    assert swapped_form("S A", "A S") and swapped_form("CIA", "ICA")
    assert not swapped_form("LLC", "FZE") and not swapped_form("SA", "SA")
    # Other forms still say two legal persons.
    other = compare(rec("KARIBU AFRICA SERVICES SA"), rec("KARIBU AFRICA SERVICES AB"))
    assert other.decision is not Decision.MATCH


# --- one city under two names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Beijing SWT Science", "PEKING SWT SCIENCE"),
        ("Kelamayi Municipality Public Security Bureau", "and Qaramay Municipality Public Security Bureau"),
    ],
)
def test_a_city_under_another_name_is_the_city(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert "one city under two names" in features(a, b)["place_name"]


def test_two_cities_stay_two_cities() -> None:
    a, b = "Kelamayi Municipality Public Security Bureau", "Hami Municipality Public Security Bureau"
    assert compare(rec(a), rec(b)).decision is not Decision.MATCH
    assert "place_name" not in features(a, b)


def test_a_bad_place_name_row_names_the_file_and_row(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("# note\nvariant,name,note\nPEKING,BEIJING,ok\npeking,BEIJING,lower case\n")
    with pytest.raises(ValueError, match=r"places\.csv: data row 2"):
        read_place_names(path)


# --- dedications ---------------------------------------------------------------------------------


def test_a_dedication_is_its_namesake() -> None:
    a = "Zhukovskiy Central Aerohydrodynamics Institute"
    b = "and The Central Aerohydrodynamic Institute named after N.E. Zhukovsky"
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert "NAMED AFTER N E" in features(a, b)["dedication"]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("PLANT", "NAMED", "AFTER", "A", "A", "KULAKOV"), ("PLANT", "KULAKOV")),
        (("GSKB", "IMENI", "ACADEMICIAN", "A", "A", "RASPLETINA"), ("GSKB", "RASPLETIN")),
        (("INSTITUTE", "IMENI", "ZHUKOVSKOGO"), ("INSTITUTE", "ZHUKOVSKY")),
        (("IMENI", "KADYROVA"), ("IMENI", "KADYROVA")),  # nothing before the marker: left alone
        (("AFTER", "HOURS", "TRADING"), ("AFTER", "HOURS", "TRADING")),
        # IMENI abbreviated, and "named for" / "by name", before the namesake's initials.
        (("ZAVOD", "IM", "A", "A", "KULAKOVA"), ("ZAVOD", "KULAKOV")),
        (("VYMPEL", "NAMED", "FOR", "II", "TOROPOV"), ("VYMPEL", "TOROPOV")),
        (("VYMPEL", "BY", "NAME", "I", "I", "TOROPOV"), ("VYMPEL", "TOROPOV")),
        # Initials written together (II) or romanised (YA) are initials, not a Roman numeral.
        (("BUREAU", "NAMED", "AFTER", "II", "KARTUKOV"), ("BUREAU", "KARTUKOV")),
        (("RADUGA", "IM", "A", "YA", "BEREZNYAKA"), ("RADUGA", "BEREZNYAKA")),
        # Without initials after them, IM and BY NAME are words of the name.
        (("ISF", "IM", "ISLAMIC", "FORCE"), ("ISF", "IM", "ISLAMIC", "FORCE")),
        (("HAUS", "IM", "PARK"), ("HAUS", "IM", "PARK")),
        (("KNOWN", "BY", "NAME", "ALONE"), ("KNOWN", "BY", "NAME", "ALONE")),
    ],
)
def test_dedication_words(tokens: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert drop_dedication(tokens) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Listed names (Vympel, Iskra) with the dots of the namesake's initials left out: the II
        # read as a Roman numeral, a number the dotted name lacked.
        ("AO GOS MKB VYMPEL IM. I.I. TOROPOVA", "AO GOS MKB VYMPEL IM II TOROPOVA"),
        (
            "ISKRA DESIGN BUREAU JSC NAMED AFTER I.I. KARTUKOV",
            "ISKRA DESIGN BUREAU JSC NAMED AFTER II KARTUKOV",
        ),
        ("AO Gos MKB Vympel named for II Toropov", "GOS MKB VYMPEL IM. I.I. TOROPOVA AO"),
    ],
)
def test_a_namesakes_initials_without_dots_are_no_number(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert normalise_name(b).numbers == ()


# --- cut, romanised generic words; swapped ordinal suffixes ------------------------------------


def test_cut_and_romanised_generic_words_are_read_as_the_word() -> None:
    assert correct_generic("ENERG") == "ENERGY"
    assert correct_generic("IMPOR") == "IMPORT"
    assert correct_generic("EHSPORT") == "EXPORT"
    assert correct_generic("RANCH") == "RANCH"  # a first letter dropped is another word
    assert correct_generic("GRUPP") == "GRUPP"
    a, b = "ENERGY GLOBAL INTERNATIONAL FZE", "ENERG GLOBAL INTERNATIONAL"
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert "ENERG as ENERGY" in features(a, b)["generic_spelling"]


def test_an_ordinal_suffix_with_swapped_letters_is_the_number() -> None:
    assert normalise_name("CETC 52DN RESEARCH INSTITUTE").numbers == ("52",)
    a = "China Electronics Technology Group Corporation 52nd Research Institute"
    b = "ELECTRONICS TECHNOLOGY GROUP CORPORATION 52DN RESEARCH INSTITUTE (CHINA)"
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    # Ordinals are written as digits before comparing (graph.resolve.ordinals): the swapped
    # suffix must be read there too, or "52DN" stays a word against "52".
    assert compare(rec("52DN RESEARCH INSTITUTE"), rec("52ND RESEARCH INSTITUTE")).decision is Decision.MATCH


def test_batch_scores_equal_compare_for_the_noise_rules() -> None:
    pairs = [
        ("IFDK, ZAO", "IGDK ZAO"),
        ("KOHAS AG", "KHOAS AG"),
        ("Quartzsemi Import Export S. de R.L. de C.V.", "QUARTZSEMI IMPORT EXPORT S DE R L ED C V"),
        ("KARIBU AFRICA SERVICES SA", "KARIBU AFRICA SERVICES AS"),
        ("Beijing SWT Science", "PEKING SWT SCIENCE"),
        ("Onyx Components Ltd", "ONYC CONSTRUCTION LTD"),
    ]
    batch_equals_compare(pairs, kind="company")
