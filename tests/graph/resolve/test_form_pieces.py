"""A legal form dotted in pieces, written with its dots left out (graph.resolve.form_pieces)."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.form_pieces import form_pieces
from graph.resolve.names import legal_forms
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company

#: A Mexican form with its dots, and a clerk's writing without them: one company.
WITHOUT_DOTS = [
    ("ACCESOS ELECTRONICOS S.A.DE C.V.", "ACCESOS ELECTRONICOS SADE CV"),
    ("ACCESOS ELECTRONICOS S.A. DE C.V.", "ACCESOS ELECTRONICOS SADE CV"),
    (
        "GENETICA GANADERA RANCHO ALEJANDRA S.P.R. DE R. L. DE C.V.",
        "GENETICA GANADERA RANCHO ALEJANDRA SPR DE R L DE CV",
    ),
    ("NORTE AGRICOLA S. DE R.L. DE C.V.", "NORTE AGRICOLA S DE R L DE CV"),
]


@pytest.mark.parametrize(("a", "b"), WITHOUT_DOTS)
def test_a_form_without_its_dots_is_the_same_form(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    form = next(r for r in m.reasons if r.feature == "legal_form")
    assert form.contribution > 0 and "the same legal form" in form.detail


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(WITHOUT_DOTS, kind="company")


def test_the_pieces_are_cut_as_one_form() -> None:
    rest, cls, text = legal_forms().split(("ACCESOS", "SADE", "CV"))
    assert rest == ("ACCESOS",)
    assert text == "SADE CV"
    assert cls == legal_forms().split(("ACCESOS", "S", "A", "DE", "C", "V"))[1]


def test_pieces_are_short_words_and_leave_the_name_a_word() -> None:
    spelled = legal_forms().spelled
    assert form_pieces(("ACCESOS", "SADE"), ("CV",), spelled) == 1
    assert form_pieces(("SADE",), ("CV",), spelled) == 0  # the name keeps a word
    assert form_pieces(("ACCESOS", "SPR", "DE", "R", "L"), ("DE", "CV"), spelled) == 4
    assert form_pieces(("ALPHA", "BETA"), ("CV",), spelled) == 0


def test_initials_before_a_form_are_no_pieces_of_it() -> None:
    # A S A is a Norwegian form: "E.C.A. S.A." is the company ECA under the form S.A.
    form = legal_forms().split(("E", "C", "A", "S", "A"))
    assert form[0] == ("E", "C", "A") and form[2] == "S A"
    assert form_pieces(("E", "C", "A"), ("S", "A"), legal_forms().spelled) == 0


def test_a_form_dotted_in_two_letter_pieces_is_read_whole() -> None:
    # The Kosovar SH.A.: read as SH and the form A, it conflicted with the same company's SHA.
    m = compare(
        company("FERARI PROMET POLOVNIM VOZILIMA SH.A."), company("FERARI PROMET POLOVNIM VOZILIMA SHA")
    )
    assert m.decision is Decision.MATCH
