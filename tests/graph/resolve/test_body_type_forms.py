"""A Russian legal form that only body-type words follow is the name's form, cut from its middle.

Before :mod:`graph.resolve.body_type_forms` the form cutter took forms from the name's edges
only: "HIGH PRECISION SYSTEMS JSC NPO" kept JSC as its one distinctive word and scored 0.0
against the same words reordered, and the list's "HIGH PRECISION WEAPONS JOINT STOCK COMPANY
SCIENTIFIC PRODUCTION ASSOCIATION" kept JOINT and STOCK as distinctive words.
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.names import normalise_name
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company


@pytest.mark.parametrize(
    ("name", "tokens", "cls", "text"),
    [
        ("HIGH PRECISION SYSTEMS JSC NPO", ("HIGH", "PRECISION", "SYSTEMS", "NPO"), "CORPORATION", "JSC"),
        ("ALPHA OOO NII", ("ALPHA", "NII"), "LIMITED", "OOO"),
        # The ASSOCIATION cut from the end closes the body type: the name's form is the JSC.
        (
            "HIGH PRECISION WEAPONS JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ASSOCIATION",
            ("HIGH", "PRECISION", "WEAPONS", "SCIENCE", "PRODUCTION"),
            "CORPORATION",
            "JOINT STOCK COMPANY",
        ),
    ],
)
def test_a_form_before_the_body_type_is_the_names_form(
    name: str, tokens: tuple[str, ...], cls: str, text: str
) -> None:
    form = normalise_name(name, "company")
    assert form.tokens == tokens
    assert (form.legal_form, form.legal_form_text) == (cls, text)
    assert not {"JSC", "JOINT", "STOCK"} & set(form.distinctive)


def test_the_same_words_reordered_around_the_body_type_match() -> None:
    m = compare(company("HIGH PRECISION SYSTEMS JSC NPO"), company("JSC NPO HIGH PRECISION SYSTEMS"))
    assert m.decision is Decision.MATCH
    assert m.score > 0.9
    batch_equals_compare([("HIGH PRECISION SYSTEMS JSC NPO", "JSC NPO HIGH PRECISION SYSTEMS")], "company")


@pytest.mark.parametrize(
    ("name", "word"),
    [
        # Only the Russian forms (JSC and LLC families) are read before a body type: AG, SA and
        # COMPANY may be the name's own words.
        ("ALPHA AG NPO", "AG"),
        ("ALPHA SA OKB", "SA"),
        ("EAST INDIA COMPANY NPO", "COMPANY"),
        # A form word not followed by a body type only stays where it is.
        ("EAST INDIA COMPANY TRADING", "COMPANY"),
        # A body type in the middle is none at the end: the form before it stays a word.
        ("ALPHA JSC NPO LLC", "JSC"),
    ],
)
def test_a_form_like_word_that_is_no_russian_form_before_a_body_type_stays(name: str, word: str) -> None:
    assert word in normalise_name(name, "company").tokens


def test_a_form_before_a_body_type_that_is_the_whole_name_is_no_cut() -> None:
    # Nothing of the name is left before JSC: the prefix form is read as before.
    form = normalise_name("JSC NPO", "company")
    assert form.tokens == ("NPO",)
    assert form.legal_form_text == "JSC"
