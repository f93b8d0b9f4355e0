"""The comma that sets off a generational suffix (graph.resolve.generational_suffixes) is no
"SURNAME, Given" comma: the given names stay first."""

from __future__ import annotations

import pytest

from graph.resolve import compare
from graph.resolve.person_rules import written_order
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person


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
