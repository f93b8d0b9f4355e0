"""Scoring rules tuned on the dev split of benchmarks/resolution_eval.py: each pair below flips
with its rule, and each rule says so in the reasons."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Decision, Record, compare, prepare, score_pairs
from graph.resolve.features import lone_words
from graph.resolve.names import normalise_name


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
    m = compare(rec("INTERNATIONAL TRADING COMPANY"), rec("INTERNATIONAL TRADING CO LTD"))
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


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Karst, OOO", "Karst Ltd."),  # the Russian LLC rendered "Ltd." in an English alias
        ("Atrilor, Ltd", "Atrilor LLC"),
        ("LOTTERY BG OOD", "LOTTERY BG LTD."),  # the Bulgarian OOD, likewise
    ],
)
def test_a_limited_liability_form_and_its_translation_are_one_form(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    legal = next(r for r in m.reasons if r.feature == "legal_form")
    assert legal.value == 2 and "the same legal form" in legal.detail


def test_a_form_both_names_write_is_not_a_second_legal_person() -> None:
    m = compare(
        rec("CHINA STATE SHIPBUILDING CORPORATION LIMITED"), rec("CHINA STATE SHIPBUILDING CORPORATION")
    )
    assert m.decision == Decision.MATCH
    legal = next(r for r in m.reasons if r.feature == "legal_form")
    assert legal.value == 1 and "same family" in legal.detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("SANTA MARIA S.A. DE C.V.", "SANTA MARIA C.V."),
        ("Optima Devices Sp. z o.o.", "OPTIMA DEVICES Z O O"),
        ("Jet Systems Sdn. Bhd.", "JET SYSTEMS BHD"),
    ],
)
def test_a_form_cut_short_is_the_same_form(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    legal = next(r for r in m.reasons if r.feature == "legal_form")
    assert legal.contribution >= 0 and "cut short" in legal.detail


@pytest.mark.parametrize(
    ("a", "b", "written"),
    [
        ("GRUPO NUTRICIONAL ALHOMA, S.A. DE C.V.", "GRUPO NUTRICIONAL ALHOMA S A FE C V", "S A FE C V"),
        ("Jet Systems Sdn. Bhd.", "JET SYSTEMS SDM BHD", "SDM BHD"),
        ("Aurora Devices Pte. Ltd.", "AURORA DEVICES PTR LTD", "PTR LTD"),
    ],
)
def test_a_typo_in_a_legal_form_leaves_the_name_clean(a: str, b: str, written: str) -> None:
    form = normalise_name(b)
    assert form.legal_form_text == written
    assert form.distinctive == normalise_name(a).distinctive  # no debris such as "S FE" or "SDM"
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    legal = next(r for r in m.reasons if r.feature == "legal_form")
    assert "one typo from" in legal.detail


def test_short_distinctive_words_before_a_form_are_not_typos() -> None:
    assert normalise_name("ABC CO LTD").distinctive == ("ABC",)
    assert normalise_name("KSC PTE LTD").distinctive == ("KSC",)
    assert normalise_name("KAB CO LTD").distinctive == ("KAB",)  # CO LTD is too short to correct
    assert normalise_name("XYZ S A DE C V").distinctive == ("XYZ",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Voronezh Scientific Research Institute Vega",
            "Voronezhskiy Nauchno-Issledovatelskiy Institut Vega",
        ),
        ("SEPAHAN CEMENT", "SIMAN SEPAHAN"),  # Persian SIMAN: cement
        ("Sherkat Sanaye Foulad Yazd", "Yazd Steel Industries Company"),  # Persian: steel industries
    ],
)
def test_a_translated_organisational_word_is_the_same_word(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "unpaired_words" not in features(m)


def test_organisational_words_do_not_carry_a_match() -> None:
    # INVERSIONES (investments) describes a business, like TRADING: the names differ.
    assert normalise_name("INVERSIONES GRAN CRISOL LTDA.").distinctive == ("GRAN", "CRISOL")
    m = compare(rec("INVERSIONES GRAN CRISOL LTDA."), rec("INVERSIONES ARIO LTDA."))
    assert m.decision == Decision.NO


@pytest.mark.parametrize(
    ("a", "b", "acronym"),
    [
        ("FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)", "FDLR", "FDLR"),
        ("Manufacturers Equipment Organization (MEO)", "MEO GMBH", "MEO"),
        ("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE", "IRGC QODS FORCE", "IRGC"),
    ],
)
def test_a_name_that_spells_out_its_acronym_matches_the_acronym(a: str, b: str, acronym: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert f"its acronym {acronym}" in m.reasons[0].detail  # the derived writing is named
    scored = score_pairs(prepare([rec(a)]), prepare([rec(b)]), np.array([[0, 0]]))
    assert scored.score[0] == pytest.approx(m.score)
    assert acronym in scored.brief(0)[0]


def test_brackets_that_are_no_acronym_of_the_name_add_no_writing() -> None:
    from graph.resolve.acronyms import acronym_writings

    assert acronym_writings("Huawei Technologies R&D (UK)") == ()  # two letters: a country
    assert acronym_writings("TIAN DEVICES S A DE C V (SAPPHIRE)") == ()  # a trade name
    assert acronym_writings("FORCES DEMOCRATIQUES (FDLR)", "person") == ()
    m = compare(
        rec("China Aerospace Science and Industry Corporation (CASIC) 3rd Academy"), rec("CASIC 2nd Academy")
    )
    assert m.decision == Decision.NO  # the acronym writing keeps the numbers apart


def test_a_leading_and_does_not_hide_a_legal_form() -> None:
    form = normalise_name("and OOO Forss Teknologii")
    assert form.legal_form_text == "OOO" and "OOO" not in form.distinctive


def test_two_swapped_letters_in_a_generic_word_are_one_typo() -> None:
    assert normalise_name("ACME RESEACRH INSTITUTE").distinctive == ("ACME",)
    assert normalise_name("SUNRISE DEIVCES LTD").distinctive == ("SUNRISE",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("QARI SAIFULLAH TOKHI", "Saifullah Tokhi Sahib"),
        ("BOSCO TAGANDA", "General Bosco Taganda"),
        ("ADAM KHAN ACHEKZAI", "Maulavi Adam Khan Achekzai"),
    ],
)
def test_honorifics_are_not_person_names(a: str, b: str) -> None:
    assert normalise_name(a, "person").distinctive == normalise_name(b, "person").distinctive
    assert compare(rec(a, "person"), rec(b, "person")).decision == Decision.MATCH


@pytest.mark.parametrize(
    ("a", "b", "acronym"),
    [
        ("CASIC Second Academy", "China Aerospace Science and Industry Corporation Second Academy", "CASIC"),
        ("PMC WAGNER", "PRIVATE MILITARY COMPANY 'WAGNER'", "PMC"),
        ("Almaz-Antey MSDB", "Almaz-Antey Main System Design Bureau", "MSDB"),
    ],
)
def test_an_acronym_of_the_other_names_words_matches(a: str, b: str, acronym: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "unpaired_words" not in features(m)
    reason = next(r for r in m.reasons if r.feature == "acronym")
    assert reason.detail.startswith(f"{acronym} is the initials of")
    scored = score_pairs(prepare([rec(a)]), prepare([rec(b)]), np.array([[0, 0]]))
    assert scored.score[0] == pytest.approx(m.score)
    assert any("acronym" in line for line in scored.brief(0))


def test_an_acronym_of_other_words_stays_apart() -> None:
    # CASIC spells China Aerospace Science and Industry Corporation, not the Technology one.
    m = compare(
        rec("CASIC Second Academy"), rec("China Aerospace Science and Technology Corporation First Academy")
    )
    assert m.decision == Decision.NO
    assert "acronym" not in features(m)


def test_a_number_written_twice_or_as_an_ordinal_word_is_one_number() -> None:
    name = "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)"
    assert normalise_name(name).numbers == ("14",)
    m = compare(rec(name), rec("CETC Research Institute 14"))
    assert m.decision == Decision.MATCH and "numbers" not in features(m)
    m = compare(
        rec("BRANCH 1 OF THE SHIRAZ REVOLUTIONARY COURT"),
        rec("FIRST BRANCH OF THE REVOLUTIONARY COURT OF SHIRAZ"),
    )
    assert m.decision == Decision.MATCH and "numbers" not in features(m)
    assert (
        compare(rec("CETC 29th Research Institute"), rec("CETC 39th Research Institute")).decision
        == Decision.NO
    )
