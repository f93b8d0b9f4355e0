"""Legal-form changes and legal-form words: a Russian company re-registered under another form,
and forms whose words the generic-word speller would otherwise rewrite.

Each rule must link the list variants it was written for, say so in ``compare()``'s reasons,
and keep refusing the pairs it must not link (two legal persons, a short shared name).
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.form_variants import form_variant
from graph.resolve.reregistration import reregistered
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

REREGISTERED = [
    ("OOO SHIPYARD 'ZALIV'", "AO SHIPYARD 'ZALIV'"),  # OFAC aliases of one shipyard
    ("GAZ-OIL, OOO", "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO GAZ OIL"),  # CSL aliases
    ("OOO KRASNOYE SORMOVO", "AKTSIONERNOE OBSCHESTVO KRASNOYE SORMOVO"),  # OOO converted to AO
]


@pytest.mark.parametrize(("a", "b"), REREGISTERED)
def test_russian_company_under_two_of_its_forms_matches(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "re-registration" in reasons(m)["legal_form"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("OPTIMA, OOO", "AO OPTIMA"),  # one word: shared by unrelated companies
        ("NOVATEK-PERM, OOO", "OAO NOVATEK"),  # a subsidiary: not every word paired
        ("GAZ-OIL, OOO", "GAZ OIL JSC"),  # JSC is not only Russian: two legal persons
        ("ADOON GENERAL TRADING LLC", "ADOON GENERAL TRADING FZE"),  # other jurisdictions
    ],
)
def test_other_form_changes_still_say_two_legal_persons(a: str, b: str) -> None:
    assert compare(company(a), company(b)).decision is not Decision.MATCH


def test_reregistration_reads_only_russian_forms() -> None:
    assert reregistered("OOO", "AO")
    assert reregistered("OAO", "PUBLICHNOE AKTSIONERNOE OBSCHESTVO")
    assert not reregistered("OOO", "OOO")
    assert not reregistered("OOO", "JSC")
    assert not reregistered("LLC", "AO")
    assert form_variant("OOO", "OOO", "AO", "AO") == "re-registration"


def test_batch_scores_equal_compare_for_reregistrations() -> None:
    batch_equals_compare([*REREGISTERED, ("OPTIMA, OOO", "AO OPTIMA")], kind="company")
