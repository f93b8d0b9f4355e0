"""Surname particles written apart or glued (graph.resolve.surname_particles): one person each,
scored alike by the batch scorer and ``compare``."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.surname_particles import glued_to
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person

#: One surname, its particles apart on one side and glued on the other.
GLUED = [
    ("VAN DER BERG", "VANDERBERG"),
    ("Pieter VAN DER BERG", "Pieter VANDERBERG"),
    ("Juan DE LOS REYES", "Juan DELOS REYES"),
    ("Marco DI LAURO", "Marco DILAURO"),
    ("Angus MAC DONALD", "Angus MACDONALD"),
    ("Pierre LE BLANC", "Pierre LEBLANC"),
    ("Ursula VON DER LEYEN", "Ursula VONDERLEYEN"),
    ("Maria DE LA CRUZ", "Maria DELA CRUZ"),
]


@pytest.mark.parametrize(("a", "b"), GLUED)
def test_particles_apart_or_glued_are_one_surname(a: str, b: str) -> None:
    m = compare(person(a), person(b))
    assert m.decision is Decision.MATCH
    assert m.score > 0.99


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(GLUED)


def test_glued_particles_need_a_surname_behind_them() -> None:
    assert glued_to("VANDERBERG", "BERG")
    assert glued_to("DILAURO", "LAURO")
    assert not glued_to("DIANA", "ANA")  # a given name, not DI + ANA
    assert not glued_to("DALE", "LE")
    assert not glued_to("BERGMAN", "BERG")  # a suffix is no particle
