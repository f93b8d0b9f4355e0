"""Two full East Slavic names, one given name and patronymic, two surnames
(graph.resolve.patronymic_surnames.other_surname): "Dmitry Anatolievich POLONSKY" against
"Dmitry Anatolievich BELIK" scored 0.84 and "Aleksey Aleksandrovich DIKIY" against "… POTEMKIN"
0.89 (dev false matches): the alignment credited the shared given name and patronymic and
charged the two unpaired surnames 0.03 each. The pairs below flip with the rule, the rule says
so in the reasons of ``compare``, the batch scorer gives the same number, and names that leave
the patronymic or the surname out, or spell the surname another way, stay matches."""

from __future__ import annotations

import pytest

from graph.resolve.patronymic_surnames import other_surname
from tests.graph.resolve.scoring_pairs import batch_separates, rule_leaves_alone, rule_parts

RULE = "other_surname"
#: (name, name, the surnames the rule names).
TWO_PEOPLE = [
    ("Dmitry Anatolievich POLONSKY", "Dmitry Anatolievich BELIK", "POLONSKY / BELIK"),  # dev
    ("Aleksey Aleksandrovich DIKIY", "Aleksey Aleksandrovich POTEMKIN", "DIKIY / POTEMKIN"),  # dev
    ("Igor Aleksandrovich KORNET", "Igor Aleksandrovich MICHURIN", "KORNET / MICHURIN"),  # dev, 0.77
    ("Elena Viktorovna PETROVA", "Elena Viktorovna SOKOLOVA", "PETROVA / SOKOLOVA"),
    ("VOLKOV, Sergei Ivanovich", "Sergey Ivanovich LEBEDEV", "VOLKOV / LEBEDEV"),  # surname first
    ("Andrii Leonidovych DERKACH", "Andrey Leonidovich KOSTIN", "DERKACH / KOSTIN"),  # Ukrainian
]
#: One person each: a patronymic or surname left out, the surname spelt another way, the
#: patronymic written last (ABRAMOVICH is a surname), a surname-first name without a comma.
ONE_PERSON = [
    ("Dmitry Anatolievich POLONSKY", "Dmitry POLONSKY"),
    ("Yevgeny Viktorovich PRIGOZHIN", "Evgeniy Viktorovich PRIGOZIN"),
    ("Aliaksandr Ryhoravich LUKASHENKA", "Alexander Grigoryevich LUKASHENKO"),
    ("Valentina Ivanovna MATVIYENKO", "Valentina Ivanovna MATVIENKO"),
    ("Ivan Ivanovich PETROV", "Ivan Ivanovich"),
    ("Roman Arkadyevich ABRAMOVICH", "Roman ABRAMOVICH"),
]


@pytest.mark.parametrize(("a", "b", "words"), TWO_PEOPLE)
def test_one_given_name_and_patronymic_with_two_surnames_is_no_match(a: str, b: str, words: str) -> None:
    rule_parts(a, b, RULE, words)


@pytest.mark.parametrize(("a", "b"), ONE_PERSON)
def test_one_person_written_two_ways_still_matches(a: str, b: str) -> None:
    rule_leaves_alone(a, b, RULE)


def test_batch_scores_equal_compare() -> None:
    batch_separates(TWO_PEOPLE, ONE_PERSON)


def test_the_rule() -> None:
    pairs = (
        ("DMITRY", "DMITRY", 1.0),
        ("ANATOLIEVICH", "ANATOLIEVICH", 1.0),
        ("POLONSKY", "", 0.0),
        ("", "BELIK", 0.0),
    )
    a, b = ["DMITRY", "ANATOLIEVICH", "POLONSKY"], ["DMITRY", "ANATOLIEVICH", "BELIK"]
    assert other_surname(a, b, pairs) == ("POLONSKY", "BELIK")
    assert other_surname(a[:1] + a[2:], b, pairs) is None  # no patronymic on one side
    assert other_surname(["DMITRY", "POLONSKY", "ANATOLIEVICH"], b, pairs) is None  # patronymic last
    assert other_surname(a, ["DMITRY", "ANATOLIEVICH", "B"], pairs) is None  # an initial
    paired = (*pairs[:2], ("POLONSKY", "POLONSKI", 0.9))
    assert other_surname(a, ["DMITRY", "ANATOLIEVICH", "POLONSKI"], paired) is None  # one surname
