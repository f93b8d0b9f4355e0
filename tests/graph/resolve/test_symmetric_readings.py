"""The same words are read the same way in both names of a pair.

Dev misses of the labelled evaluation (the lists' own aliases of one entity) where a word both
names hold got a different role on each side: a legal form on one side and a word of the name
on the other (BANK LLC, PRIVATE JSC, a mistyped JCS), initials on one side and a word on the
other (J/V, JOINT VENTURE), a distinctive word on one side and a line-of-business word on the other
(MANUFACTURE / MANUFACTURING). Each fix is in the reading itself, so both sides agree.
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.names import normalise_name
from graph.resolve.slashed_words import join_slashed
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons


@pytest.mark.parametrize(
    ("name", "tokens", "form_text"),
    [
        # The ELF "BANK LLC" form took the bank's own word; the form is LLC, BANK is the name's.
        ("CETELEM BANK LLC", ("CETELEM", "BANK"), "LLC"),
        ("SETELEM BANK LIMITED LIABILITY COMPANY", ("SETELEM", "BANK"), "LIMITED LIABILITY COMPANY"),
        ("EXAMPLE BANK CORPORATION", ("EXAMPLE", "BANK"), "CORPORATION"),
        # JSC with two letters swapped is still the form.
        ("NPO HIGH PRECISION SYSTEMS JCS", ("NPO", "HIGH", "PRECISION", "SYSTEMS"), "JCS"),
        ("NPO High Precision Systems JSC", ("NPO", "HIGH", "PRECISION", "SYSTEMS"), "JSC"),
        # PRIVATE is a word of the form written in full or abbreviated.
        ("TRIBUTARIES DAMASCUS PRIVATE JSC", ("TRIBUTARIES", "DAMASCUS"), "PRIVATE JSC"),
        (
            "RAWAFED DAMASCUS PRIVATE JOINT STOCK COMPANY",
            ("RAWAFED", "DAMASCUS"),
            "PRIVATE JOINT STOCK COMPANY",
        ),
    ],
)
def test_a_form_word_has_one_role(name: str, tokens: tuple[str, ...], form_text: str) -> None:
    form = normalise_name(name, "company")
    assert form.tokens == tokens
    assert form.legal_form_text == form_text


def test_a_kind_of_bank_alone_is_never_the_word_bank() -> None:
    # NATIONAL BANK / COMMERCIAL BANK are all legal form; read as names they are compared whole
    # (graph.resolve.form_names), never as the word BANK they share with every other bank.
    assert normalise_name("NATIONAL BANK", "company").distinctive == ("NATIONAL", "BANK")
    assert normalise_name("COMMERCIAL BANK", "company").distinctive == ("COMMERCIAL", "BANK")
    for a, b in [("NATIONAL BANK", "COMMERCIAL BANK"), ("NATIONAL BANK", "NATIONAL BANK OF IRAN")]:
        assert compare(company(a), company(b)).decision == Decision.NO


def test_a_slashed_abbreviation_is_one_word() -> None:
    written = join_slashed("KOREA RYENHA MACHINERY J/V CORPORATION")
    assert written == "KOREA RYENHA MACHINERY JOINT VENTURE CORPORATION"
    assert join_slashed("ACME j / v LLC") == "ACME JOINT VENTURE LLC"
    assert join_slashed("ACME AJ/VB LLC") == "ACME AJ/VB LLC"  # inside a word: not the abbreviation
    written_out = normalise_name("KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION", "company").distinctive
    slashed = normalise_name("KOREA RYENHA MACHINERY J/V CORPORATION", "company").distinctive
    assert slashed == ("KOREA", "RYENHA", "JOINT", "VENTURE")
    assert written_out == ("KOREA", "RYONHA", "JOINT", "VENTURE")
    # Letters spaced without a slash stay initials, and person names are never rewritten.
    assert normalise_name("J V SMITH LTD", "company").distinctive == ("JV", "SMITH")  # initial_runs
    assert normalise_name("J/V Smith", "person").tokens == ("J", "V", "SMITH")


def test_manufacture_is_the_line_of_business_word() -> None:
    a = normalise_name("AL-AMER FOR MANUFACTURE OF CONCRETE AND FLAGSTONE", "company")
    b = normalise_name("AL-AMER FOR CONCRETE, BLOCK AND TILE MANUFACTURING LLC", "company")
    assert "MANUFACTURING" in a.generic and "MANUFACTURING" in b.generic
    assert "MANUFACTURE" not in a.distinctive
    assert normalise_name("ACME MANUFACTURERS", "company").generic == ("MANUFACTURING",)


SAME_COMPANY = [
    ("SETELEM BANK LIMITED LIABILITY COMPANY", "CETELEM BANK LLC"),  # CSL aliases of one bank
    ("KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION", "KOREA RYENHA MACHINERY J/V CORPORATION"),  # OFAC
    ("NPO High Precision Systems JSC", "NPO HIGH PRECISION SYSTEMS JCS"),
]


@pytest.mark.parametrize(("a", "b"), SAME_COMPANY)
def test_aliases_read_alike_match(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "name" in reasons(m)


def test_bank_words_are_compared_on_both_sides() -> None:
    m = compare(company("SETELEM BANK LIMITED LIABILITY COMPANY"), company("CETELEM BANK LLC"))
    assert "'SETELEM BANK' vs 'CETELEM BANK'" in reasons(m)["name"]
    assert "LLC (LIMITED)" in reasons(m)["legal_form"]


DIFFERENT = [
    ("CETELEM BANK LLC", "SBERBANK LLC"),
    ("ACME J/V CORPORATION", "ZENITH J/V CORPORATION"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_companies_stay_apart(a: str, b: str) -> None:
    assert compare(company(a), company(b)).decision is Decision.NO


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare([*SAME_COMPANY, *DIFFERENT], kind="company")
