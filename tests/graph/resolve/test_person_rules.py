"""Person-name rules (graph.resolve.person_rules, person_compounds, the honorifics of names.py),
each seen on pairs from the dev split of benchmarks/resolution_eval.py: the pair flips with its
rule, the rule says so in the reasons of ``compare``, and the batch scorer gives the same number."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.names import normalise_name
from graph.resolve.person_rules import derived_surname, onset_conflict, written_order
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Miroslav RADIC", "Miroslav TADIC", "RADIC / TADIC"),
        ("KIM YONG CHOL", "KIM TONG CHOL", "YONG / TONG"),
        (
            "Kamal Mustafa Sultan Abdallah AL-TIKRITI",
            "Jamal Mustafa Abdallah Sultan AL-TIKRITI",
            "KAMAL / JAMAL",
        ),
    ],
)
def test_words_starting_with_different_sounds_name_different_people(a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision != Decision.MATCH
    assert words in reasons(m)["person_onset"]
    assert next(r.contribution for r in m.reasons if r.feature == "person_onset") < 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Muammar QADHAFI", "Muammar GADDAFI"),  # Q / G: one sound, two romanisations
        ("Saif Al-Arab GADDAFI", "Saif Al-Arab ELKADDAFI"),  # a glued article
        ("Usama BIN LADIN", "Osama BIN LADEN"),  # vowels
        ("Chang-ho KIM", "Jang Ho KIM"),  # Korean CH / J
        ("Rahman ZIAURRAHMAN", "Rahman Zia ur RAHMAN"),  # a prefix on one side
    ],
)
def test_romanised_onsets_are_not_a_conflict(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert "person_onset" not in reasons(m)


def test_onset_conflict_word_rule() -> None:
    assert onset_conflict("RADIC", "TADIC")
    assert onset_conflict("SAMER", "AMER")  # a consonant against a vowel
    assert not onset_conflict("CHAFIQ", "SHAFIQ")
    assert not onset_conflict("ABDULRAHMAN", "RAHMAN")
    assert not onset_conflict("J", "JOHN")  # an initial is not a word


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Mohammad Bagher SHIRINKAR", "Mohammad BAGHERI", "BAGHER / BAGHERI"),
        ("Ahmad Vahid DASTJERDI", "Ahmad VAHIDI", "VAHID / VAHIDI"),
        ("Muhammad EHSAN", "Ehsan MOHAMMADI", "MUHAMMAD / MOHAMMADI"),
    ],
)
def test_a_given_name_against_its_derived_surname_is_not_a_match(a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision != Decision.MATCH
    assert words in reasons(m)["derived_surname"]


def test_a_derived_surname_in_the_same_place_is_a_spelling() -> None:
    m = compare(person("Morteza Ahmadali BEHZAD"), person("Morteza BEHZADI"))  # both surnames
    assert m.decision == Decision.MATCH
    assert "derived_surname" not in reasons(m)
    assert derived_surname("BAGHER", "BAGHERI")
    assert not derived_surname("HAQQANI", "HAQANI")  # both end in -I: a spelling variant


def test_written_order_reads_surname_comma_given() -> None:
    assert written_order("AL-HUSSEINI, Wael") == "WAEL HUSSEINI"
    assert written_order("Wael AL-HUSSEINI") == "WAEL HUSSEINI"


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("Mohammadreza JAFARIBANDARABADI", "Mohammad Reza Jafari BANDARABADI", "MOHAMMADREZA"),
        ("Hamidreza MALEKOUTI POUR", "Hamid Reza MALAKOTIPOUR", "HAMIDREZA"),
        # Arabic ABD elements are whole words before the alignment (graph.resolve.arabic_compounds).
        ("Abdul Malik AL HOUTHI", "Abdulmalik Bin Bader Al-Deen AL-HOUTHI", "ABDULMALIK as ABD-MALIK"),
    ],
)
def test_compound_names_joined_on_one_side_match(a: str, b: str, joined: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    details = [r.detail for r in m.reasons if r.feature in ("compound_name", "arabic_compound")]
    assert any(d.startswith(joined) or f", {joined}" in d for d in details)


def test_honorifics_before_or_after_a_name_are_dropped_inside_kept() -> None:
    assert normalise_name("General Taganda", "person").distinctive == ("TAGANDA",)
    assert normalise_name("Qari Saifullah TOKHI", "person").distinctive == ("SAIFULLAH", "TOKHI")
    assert normalise_name("Hottak Sahib", "person").distinctive == ("HOTTAK",)
    assert normalise_name("Isma'il Hafiz AL LAMI", "person").distinctive == ("ISMAIL", "HAFIZ", "LAMI")
    assert normalise_name("General", "person").distinctive == ("GENERAL",)  # never empties a name
    m = compare(person("SYLVESTRE MUDACUMURA"), person("General Mudacumura"))
    assert m.decision == Decision.MATCH
    assert "GENERAL not compared" in reasons(m)["honorific"]


def test_person_rules_are_the_same_in_the_batch() -> None:
    pairs = [
        ("Miroslav RADIC", "Miroslav TADIC"),
        ("Mohammad Bagher SHIRINKAR", "Mohammad BAGHERI"),
        ("Mohammadreza JAFARIBANDARABADI", "Mohammad Reza Jafari BANDARABADI"),
        ("Muammar QADHAFI", "Muammar GADDAFI"),
    ]
    scored = batch_equals_compare(pairs)
    assert any("different people" in line for line in scored.brief(0))
