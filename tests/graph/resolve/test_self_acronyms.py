"""A name's own acronym is its short form, not a distinctive word: hyphenated in a bracket
("(JAK-A)"), beside other short forms ("(ISIL-SEA, ISIL-South East Asia)") or written as a word
beside the words it initials ("… LABORATORY VASL"). Pairs from the dev split of
benchmarks/resolution_eval.py that main kept apart."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.acronym_brackets import bracket_parts
from graph.resolve.acronyms import own_acronyms
from graph.resolve.readings import PLACE_FREE, other_readings
from graph.resolve.self_acronyms import unbracketed, without_own
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

# --- in brackets ---------------------------------------------------------------------------


def test_a_hyphenated_bracket_acronym_is_the_names_own() -> None:
    found, kept = own_acronyms("JUND AL-KHILAFAH IN ALGERIA (JAK-A)")
    assert [(o.acronym, o.spelled) for o in found] == [("JAK-A", "JUND AL KHILAFAH IN ALGERIA")]
    assert " ".join(kept.split()) == "JUND AL-KHILAFAH IN ALGERIA"
    # In a mixed-case name a hyphen between an acronym and a word joins nothing.
    assert bracket_parts("ISIL-SEA, ISIL-South East Asia") == [
        ["ISIL-SEA"],
        ["ISIL", "SOUTH", "EAST", "ASIA"],
    ]


def test_a_bracket_of_several_short_forms_goes_only_when_all_are_the_names_own() -> None:
    name = "Islamic State In Iraq And the Levant In South-East Asia (ISIL-SEA, ISIL-South East Asia)"
    found, kept = own_acronyms(name)
    assert [o.acronym for o in found] == ["ISIL-SEA", "ISIL SOUTH EAST ASIA"]
    assert "(" not in kept
    # One part that is no short form of the name (a city) keeps the whole bracket.
    other = "Islamic State In Iraq And the Levant In South-East Asia (ISIL-SEA, Manila)"
    assert own_acronyms(other) == ((), other)


def test_other_readings_are_also_read_from_the_name_without_its_acronym() -> None:
    # Main read the place-free writing as 'JUND AL-KHILAFAH (JAK-A)': JAK stood as a word
    # 'Jund al Khalifa' lacks (0.66).
    assert ("JUND AL-KHILAFAH", PLACE_FREE) in other_readings("JUND AL-KHILAFAH IN ALGERIA (JAK-A)")
    m = compare(company("JUND AL-KHILAFAH IN ALGERIA (JAK-A)"), company("Jund al Khalifa"))
    assert m.decision is Decision.MATCH
    why = reasons(m)
    assert "(JAK-A) is the initials of JUND AL KHILAFAH IN ALGERIA" in why["own_acronym"]
    assert "place_qualifier" in why


def test_a_hyphenated_acronym_no_longer_keeps_a_shortened_name_apart() -> None:
    # Main: 0.22, 'AAS T ANSAR SHARIA' vs 'ANSAR SHARIAH' (sibling words on AAS).
    m = compare(company("ANSAR AL-SHARI’A IN TUNISIA (AAS-T)"), company("Ansar al-Shari’ah"))
    assert m.decision is Decision.MATCH


# --- written as a word ---------------------------------------------------------------------


def test_an_acronym_written_beside_its_words_is_the_names_short_form() -> None:
    hit = unbracketed("VALUE-ADDED SERVICES LABORATORY VASL")
    assert hit is not None and (hit.acronym, hit.kept) == ("VASL", "VALUE-ADDED SERVICES LABORATORY")
    assert unbracketed("NBC Navegan Bar Co. Ltd.") is not None  # before its words
    assert unbracketed("Good Luck Shipping Services: GLS") is not None  # punctuation between
    assert without_own("Russian Quantum Center and RQC") == "Russian Quantum Center and"


@pytest.mark.parametrize(
    "name",
    [
        "ATB Holdings Alpha Trading Bravo",  # the run does not touch the acronym: letters by chance
        "Nbc Navegan Bar Co. Ltd.",  # not in capitals in a mixed-case name: a word
        "NB Navegan Bar",  # two letters
        "Primeview Lumen Computing PLC",  # a legal form, whatever its letters
        "VASL VALUE ADDED SERVICES LABORATORY VASL",  # the word is written twice: not a short form
    ],
)
def test_words_that_are_no_acronym_of_their_neighbours_stay(name: str) -> None:
    assert unbracketed(name) is None


def test_an_own_acronym_word_is_not_an_unpaired_word() -> None:
    # Main: 0.05, unpaired words MOBILE vs VASL.
    m = compare(
        company("MOBILE VALUE-ADDED SERVICES LABORATORY"), company("VALUE-ADDED SERVICES LABORATORY VASL")
    )
    assert m.decision is Decision.MATCH
    assert "VASL is the initials of VALUE ADDED SERVICES LABORATORY" in reasons(m)["own_acronym"]
    assert "unpaired_words" not in reasons(m)


# --- precision and the batch -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two groups of one country: the acronyms go, the names still differ.
        ("ANSAR AL-SHARI’A IN TUNISIA (AAS-T)", "JUND AL-KHILAFAH IN TUNISIA (JAK-T)"),
        ("MUJAHIDIN INDONESIAN TIMUR (MIT)", "HARAKAT UL-MUJAHIDIN / HUM"),
        ("Tongfang R.I.A. Co., Ltd.", "NBC Navegan Bar Co. Ltd."),
    ],
)
def test_other_bodies_stay_apart(a: str, b: str) -> None:
    assert compare(company(a), company(b)).decision is Decision.NO


def test_the_batch_scores_what_compare_explains() -> None:
    batch_equals_compare(
        [
            ("JUND AL-KHILAFAH IN ALGERIA (JAK-A)", "Jund al Khalifa"),
            ("ANSAR AL-SHARI’A IN TUNISIA (AAS-T)", "Ansar al-Shari’ah"),
            ("MOBILE VALUE-ADDED SERVICES LABORATORY", "VALUE-ADDED SERVICES LABORATORY VASL"),
            ("ANSAR AL-SHARI’A IN TUNISIA (AAS-T)", "JUND AL-KHILAFAH IN TUNISIA (JAK-T)"),
        ],
        "company",
    )
