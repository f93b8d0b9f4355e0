"""Legal-form changes and legal-form words: a Russian company re-registered under another form,
and forms whose words the generic-word speller would otherwise rewrite.

Each rule must link the list variants it was written for, say so in ``compare()``'s reasons,
and keep refusing the pairs it must not link (two legal persons, a short shared name).
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.form_variants import form_variant
from graph.resolve.names import normalise_name
from graph.resolve.reregistration import reregistered
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

REREGISTERED = [
    ("OOO SHIPYARD 'ZALIV'", "AO SHIPYARD 'ZALIV'"),  # OFAC aliases of one shipyard
    ("GAZ-OIL, OOO", "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO GAZ OIL"),  # CSL aliases
    ("OOO KRASNOYE SORMOVO", "AKTSIONERNOE OBSCHESTVO KRASNOYE SORMOVO"),  # OOO converted to AO
]


@pytest.mark.parametrize(("a", "b"), REREGISTERED)
def test_russian_company_under_two_of_its_forms_matches(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "re-registration" in reasons(m)["legal_form"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("OPTIMA, OOO", "AO OPTIMA"),  # one word: shared by unrelated companies
        ("NOVATEK-PERM, OOO", "OAO NOVATEK"),  # a subsidiary: not every word paired
        ("GAZ-OIL, OOO", "GAZ OIL JSC"),  # JSC is not only Russian: two legal persons
        ("ADOON GENERAL TRADING LLC", "ADOON GENERAL TRADING FZE"),  # other jurisdictions
    ],
)
def test_other_form_changes_still_say_two_legal_persons(a: str, b: str) -> None:
    assert compare(company(a), company(b)).decision is not Decision.MATCH


def test_reregistration_reads_only_russian_forms() -> None:
    assert reregistered("OOO", "AO")
    assert reregistered("OAO", "PUBLICHNOE AKTSIONERNOE OBSCHESTVO")
    assert not reregistered("OOO", "OOO")
    assert not reregistered("OOO", "JSC")
    assert not reregistered("LLC", "AO")
    assert form_variant("OOO", "OOO", "AO", "AO") == "re-registration"


def test_batch_scores_equal_compare_for_reregistrations() -> None:
    batch_equals_compare([*REREGISTERED, ("OPTIMA, OOO", "AO OPTIMA")], kind="company")


@pytest.mark.parametrize(
    ("name", "form", "distinctive"),
    [
        # the speller must not turn a form's words into name words (ASOCIACION → ASSOCIATION)
        ("FUTBOL Y CORAZON, ASOCIACION CIVIL", "ASOCIACION CIVIL", ("FUTBOL", "CORAZON")),
        # a second form never takes the last word of the name
        ("NPC INTERNATIONAL COMPANY", "INTERNATIONAL COMPANY", ("NPC",)),
        # a bracketed part goes after a form written first, which still starts the name
        ("PJSC VTB BANK (KIEV)", "PJSC", ("KYIV", "VTB", "BANK")),
        # forms the ELF table lacks, read as forms rather than as distinctive words
        ("Belspetsyneshtechnika SFTUE", "SFTUE", ("BELSPETSYNESHTECHNIKA",)),
        (
            "State-Owned Foreign Trade Unitary Enterprise Belspetsvneshtechnika",
            "STATE OWNED FOREIGN TRADE UNITARY ENTERPRISE",
            ("BELSPETSVNESHTECHNIKA",),
        ),
        ("DJSC Factory Krasnoe Znamya", "DJSC", ("FACTORY", "KRASNOE", "ZNAMYA")),
        ("DAMASCUS CHAM MANAGEMENT ONE-PERSON CO. LTD.", "ONE PERSON CO LTD", ("DAMASCUS", "CHAM")),
    ],
)
def test_legal_form_words_are_read_as_the_form(name: str, form: str, distinctive: tuple[str, ...]) -> None:
    got = normalise_name(name, "company")
    assert got.legal_form_text == form
    assert got.distinctive == distinctive


#: List aliases that differ in legal-form words, and the distinctive words compare() then aligns.
LEGAL_WORD_PAIRS = [
    (
        "FUTBOL Y CORAZON, ASOCIACION CIVIL",
        "FUNDACION FUTBOL Y CORAZON, A.C.",
        "'FUTBOL CORAZON' vs 'FUNDACION FUTBOL CORAZON'",
    ),
    ("NPC INTERNATIONAL", "NPC INTERNATIONAL COMPANY", "'NPC' vs 'NPC'"),
    (
        "Belspetsyneshtechnika SFTUE",
        "State-Owned Foreign Trade Unitary Enterprise Belspetsvneshtechnika",
        "'BELSPETSYNESHTECHNIKA' vs 'BELSPETSVNESHTECHNIKA'",
    ),
    ("DJSC Factory Krasnoe Znamya", "Krasnoye Znamya Plant OAO", "'FACTORY KRASNOE ZNAMYA' vs"),
    (
        "DAMASCUS CHAM FOR MANAGEMENT LLC",
        "DAMASCUS CHAM MANAGEMENT ONE-PERSON CO. LTD.",
        "'DAMASCUS CHAM' vs 'DAMASCUS CHAM'",
    ),
]


@pytest.mark.parametrize(("a", "b", "aligned"), LEGAL_WORD_PAIRS)
def test_list_aliases_that_differ_in_legal_form_words_match(a: str, b: str, aligned: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert f"distinctive words {aligned}" in reasons(m)["name"]


def test_the_one_person_company_is_still_another_family_than_a_free_zone_company() -> None:
    m = compare(
        company("DAMASCUS CHAM MANAGEMENT FZE"), company("DAMASCUS CHAM MANAGEMENT ONE-PERSON CO. LTD.")
    )
    assert m.decision is not Decision.MATCH
    assert "ONE PERSON CO LTD" in reasons(m)["legal_form"]


def test_batch_scores_equal_compare_for_legal_form_words() -> None:
    batch_equals_compare([(a, b) for a, b, _ in LEGAL_WORD_PAIRS], kind="company")


def test_the_state_unitary_enterprise_written_out_is_the_form_of_its_initials() -> None:
    # Before FEDERAL STATE UNITARY ENTERPRISE was read as FSUE, the acronym SRPE only matched as an
    # acronym of part of the long name (test_acronym_parts); now the forms agree and it initials
    # every other word.
    m = compare(
        company("FEDERAL STATE UNITARY ENTERPRISE STATE RESEARCH AND PRODUCTION ENTERPRISE BAZALT"),
        company("FSUE SRPE BAZALT"),
    )
    assert m.decision is Decision.MATCH
    assert "FEDERAL STATE UNITARY ENTERPRISE (STATE) vs FSUE (STATE)" in reasons(m)["legal_form"]
    assert "SRPE stands for STATE RESEARCH AND PRODUCTION ENTERPRISES" in reasons(m)["acronym"]
