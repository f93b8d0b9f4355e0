"""A name of one word, or of single letters only, is never only its legal form (bare_names)."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.names import normalise_name
from tests.graph.resolve.scoring_pairs import batch_equals_compare


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


#: The listed "C.T.R." written without its dots (CTR, an Irish form code) or with the dots as
#: spaces (C T R, whose T R is a form), and listed one-word names that are form codes.
PAIRS = [
    ("C.T.R.", "CTR"),
    ("C.T.R.", "C T R"),
    ("K.A.S.", "K A S"),
    ("B.O.T.H.", "B O T H"),
    ("NPC", "NPC"),
    ("SAM", "SAM"),
]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_a_name_that_would_be_all_form_is_its_name(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is Decision.MATCH


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(PAIRS, kind="company")


@pytest.mark.parametrize(
    ("name", "tokens", "form"),
    [
        ("CTR", ("CTR",), ""),
        ("C T R", ("C", "T", "R"), ""),
        # Letters that leave initials keep their form: JM S.A. keyed apart.
        ("J M S A", ("J", "M"), "S A"),
        # A word of the name before the form: the form is cut as before.
        ("ALPHA CTR", ("ALPHA",), "CTR"),
        # A common form alone stays a form: the name names no one.
        ("LLC", (), "LLC"),
        ("L L C", (), "L L C"),
        ("GMBH", (), "GMBH"),
        # CO is of no form family but used the world over: a common form too.
        ("CO", (), "CO"),
        ("Co.", (), "CO"),
        # … while dotted letters are initials (graph.resolve.dotted_initials).
        ("C.O.", ("C", "O"), ""),
    ],
)
def test_what_is_cut(name: str, tokens: tuple[str, ...], form: str) -> None:
    read = normalise_name(name)
    assert (read.tokens, read.legal_form_text) == (tokens, form)


def test_the_company_abbreviation_alone_never_matches() -> None:
    # Found by the property tests (test_compare_properties): "CO." alone was read as a name word
    # CO and matched itself at 0.97.
    match = compare(rec("CO."), rec("Co"))
    assert match.decision is Decision.NO
    assert "no distinctive word" in match.reasons[0].detail
