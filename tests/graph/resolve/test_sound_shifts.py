"""Arabic names written with Persian, Urdu, Turkish or Malay letters (graph.resolve.sound_shifts),
seen on pairs from the dev split of benchmarks/resolution_eval.py: the pair becomes a match, the
rule says so in the reasons of ``compare``, the batch scorer gives the same number, and names the
rule must leave apart stay apart."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.align import word_similarity
from graph.resolve.sound_shifts import same_shifted
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons

SHIFT_PAIRS = [
    # ḍād written Z (Urdu) and D (Arabic); the first name must not read as two names either
    ("ZIA-UR-RAHMAN MADANI", "Diya’ al-Rahman Madani", "ZIA / DIYA"),
    # ḍād with DH / Z, one person's two list entries
    ("Mustafa Mohamed FADHIL", "Mustafa FAZUL", "FADHIL / FAZUL"),
    # Indonesian SY for SH
    ("ABDUL ROSYID RIDHO BA'ASYIR", "Rashid Rida Ba’aysir", "ROSYID / RASHID"),
]


@pytest.mark.parametrize(("a", "b", "words"), SHIFT_PAIRS)
def test_an_arabic_name_in_persian_letters_is_one_name(a: str, b: str, words: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert "person_onset" not in reasons(m)
    assert "first_name_differs" not in reasons(m)
    assert words in reasons(m)["sound_shift"]


def test_sound_shifts_score_the_same_in_the_batch() -> None:
    scored = batch_equals_compare([(a, b) for a, b, _ in SHIFT_PAIRS])
    assert (scored.score >= 0.8).all()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ZIA", "DIYA"),
        ("FAZL", "FADL"),
        ("QAZI", "QADI"),
        ("KHIZR", "KHIDR"),
        ("OSMAN", "UTHMAN"),
        ("CEMAL", "JAMAL"),
    ],
)
def test_shifted_letters_are_one_name(a: str, b: str) -> None:
    assert same_shifted(a, b)
    assert word_similarity(a, b) >= 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("VAHID", "VAHIDI"),  # one name without any shift: the surname rule reads these
        ("ZAHIDI", "ZAHEDI"),  # equal already by their romanisation key
        ("PEREZ", "ALBERTO"),  # a bare consonant key of short words is not enough
        ("ZAID", "SAID"),  # S is no shift of Z
        ("RAZA", "RADI"),
    ],
)
def test_words_a_shift_does_not_make_one_are_left_alone(a: str, b: str) -> None:
    assert not same_shifted(a, b)


def test_a_shift_does_not_join_two_families() -> None:
    m = compare(person("Mohammed Saeed AJILY"), person("Mohammed SAEEDI"))
    assert m.decision != Decision.MATCH
    assert "sound_shift" not in reasons(m)
