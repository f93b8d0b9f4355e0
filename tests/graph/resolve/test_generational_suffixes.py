"""The comma that sets off a generational suffix (graph.resolve.generational_suffixes) is no
"SURNAME, Given" comma: the given names stay first."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.person_rules import written_order
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons


@pytest.mark.parametrize(
    ("name", "order"),
    [
        ("Feliciano Semborio, Jr. DELOS REYES", "FELICIANO SEMBORIO REYES"),
        ("DELOS REYES, Feliciano Semborio, Jr.", "FELICIANO SEMBORIO REYES"),
        ("John SMITH, Jr.", "JOHN SMITH"),
        ("SMITH, John, Jr.", "JOHN SMITH"),
        ("SMITH JR., John", "JOHN SMITH"),
        ("John SMITH, III", "JOHN SMITH"),
        ("John SMITH, Sr.", "JOHN SMITH"),
        ("SMITH, John", "JOHN SMITH"),  # the surname-first comma is still read
    ],
)
def test_comma_before_a_suffix_is_no_surname_first_comma(name: str, order: str) -> None:
    assert written_order(name) == order


def test_suffix_comma_keeps_the_given_name_first() -> None:
    # Read surname first, FELICIANO / DE LOS REYES lost their places and the pair scored 0.86.
    m = compare(person("Feliciano Semborio, Jr. DELOS REYES"), person("Feliciano DE LOS REYES"))
    assert m.score > 0.99


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(
        [
            ("Feliciano Semborio, Jr. DELOS REYES", "Feliciano DE LOS REYES"),
            ("SMITH, John, Jr.", "John SMITH"),
            ("John SMITH, Jr.", "John SMITH"),
        ]
    )


#: One name, two generations: a father and his son, never a confident match on the name alone.
TWO_GENERATIONS = [
    ("John SMITH Jr.", "John SMITH Sr."),
    ("John SMITH, Jr.", "SMITH, John, Sr."),
    ("John SMITH II", "John SMITH III"),
    ("Feliciano Semborio, Jr. DELOS REYES", "DELOS REYES, Feliciano Semborio, Sr."),
]
#: A suffix on one side only, or two writings of one generation (JR / II): one person.
ONE_GENERATION = [
    ("John SMITH Jr.", "John SMITH"),
    ("SMITH JR., John", "John SMITH"),
    ("John SMITH Jr.", "John SMITH II"),
    ("John SMITH IV", "John SMITH"),
]


@pytest.mark.parametrize(("a", "b"), TWO_GENERATIONS)
def test_two_generations_are_no_confident_match(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision is not Decision.MATCH
    assert "generation_differs" in reasons(m)


@pytest.mark.parametrize(("a", "b"), ONE_GENERATION)
def test_one_generation_still_matches(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision is Decision.MATCH
    assert "generation_differs" not in reasons(m)


def test_generation_scores_equal_compare() -> None:
    batch_equals_compare([*TWO_GENERATIONS, *ONE_GENERATION])
