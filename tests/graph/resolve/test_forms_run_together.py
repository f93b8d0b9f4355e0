"""A legal form whose one-letter words are written together ("SA DE CV" for "S.A. de C.V.") is
that form: read letter by letter only, "AEROCONDOR SA DE CV" kept SA and DE as words of the name
and was cut at the Dutch CV, a jurisdiction conflict with "AEROCONDOR S.A. DE C.V." (0.05)."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.legal_forms import letters_run_together
from graph.resolve.names import legal_forms, normalise_name
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company


@pytest.mark.parametrize(
    ("dotted", "together"),
    [
        ("AEROCONDOR S.A. DE C.V.", "AEROCONDOR SA DE CV"),
        ("AUTO PARTES HANDAL S. DE R.L. DE C.V.", "AUTO PARTES HANDAL S DE RL DE CV"),
        ("AGRICOLA GAXIOLA S.A. DE C.V.", "AGRICOLA GAXIOLA SA DE CV"),
    ],
)
def test_a_form_with_its_letters_together_is_that_form(dotted: str, together: str) -> None:
    a, b = normalise_name(dotted), normalise_name(together)
    assert a.tokens == b.tokens
    assert legal_forms().jurisdictions(a.legal_form_text) == legal_forms().jurisdictions(b.legal_form_text)
    assert compare(company(dotted), company(together)).decision is Decision.MATCH


def test_the_dutch_cv_alone_still_conflicts() -> None:
    assert (
        compare(company("AEROCONDOR S.A. DE C.V."), company("AEROCONDOR CV")).decision is not Decision.MATCH
    )


def test_letters_run_together() -> None:
    assert letters_run_together(("S", "A", "DE", "C", "V")) == ("SA", "DE", "CV")
    assert letters_run_together(("S", "DE", "R", "L", "DE", "C", "V")) == ("S", "DE", "RL", "DE", "CV")
    # Keys made only of letters stay: "P C" together would be a one-word form PC.
    assert letters_run_together(("P", "C")) == ("P", "C")
    assert letters_run_together(("GMBH",)) == ("GMBH",)


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(
        [("AEROCONDOR S.A. DE C.V.", "AEROCONDOR SA DE CV"), ("APH S. DE R.L. DE C.V.", "APH S DE RL DE CV")],
        kind="company",
    )
