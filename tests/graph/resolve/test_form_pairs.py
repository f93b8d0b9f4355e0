"""Two written legal forms that are one enterprise or one listed entity, not two legal persons:
a Chinese group before and after corporatisation, a trading house's UAE free-zone company and
its post-Soviet limited company, and a form written in full that absorbed a word of the name.

Each rule must link the list aliases it was written for, say why in ``compare()``'s legal-form
reason, and keep refusing the pairs that are two legal persons.
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.corporatisation import corporatised
from graph.resolve.form_variants import absorbed_words, form_variant, with_run_words
from graph.resolve.free_zones import free_zone_pair
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

#: (name, alias, why the forms are one) — aliases of one entry in the bundled OFAC / CSL files.
ONE_ENTITY = [
    ("CHINA SOUTH INDUSTRIES GROUP CORPORATION", "CHINA SOUTH INDUSTRIES GROUP CO., LTD.", "corporatisation"),
    ("GURGEN HOUSE FZCO", "GURGEN HOUSE OOO", "free zone"),
    ("GURGEN HOUSE FZCO", "GURGEN HOUSE TOO", "free zone"),
    (
        "LATIN AMERICAN AGRIBUSINESS DEVELOPMENT CORP.",
        "LATIN AMERICAN AGRIBUSINESS DEVELOPMENT CORPORATION S.A.",
        "written in full",
    ),
]

#: Pairs of the same shapes that are two legal persons (labelled negatives of the evaluation,
#: or the shape the rules exclude).
TWO_LEGAL_PERSONS = [
    # a corporation and a limited company without GROUP: parent and subsidiary
    ("Granitenet Automotive Electronics Corp.", "Granite Automotive Electronics Co., Ltd."),
    (
        "SMIC Semiconductor Manufacturing (Shanghai) Co., Ltd.",
        "Semiconductor Manufacturing International Corporation",
    ),
    # two group corporations of different names
    ("CHINA SOUTH INDUSTRIES GROUP CORPORATION", "CHINA NORTH INDUSTRIES GROUP CO., LTD."),
    # a free-zone company against the UAE mainland LLC: two OFAC entries
    ("ADOON GENERAL TRADING L.L.C.", "ADOON GENERAL TRADING FZE"),
    # a free-zone company against a limited company of another line of business
    ("VOSTOK TRADING FZE", "VOSTOK OOO"),
    # a form written in full, but the names differ (STATION)
    ("CROCKER JEANS STATION CORPORATION", "CROCKER JEANS CORP. S.A."),
]


@pytest.mark.parametrize(("a", "b", "how"), ONE_ENTITY)
def test_forms_of_one_entity_match_and_say_why(a: str, b: str, how: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert f"({how}: no conflict" in reasons(m)["legal_form"]


def test_reasons_explain_the_rule() -> None:
    legal = reasons(compare(company(ONE_ENTITY[0][0]), company(ONE_ENTITY[0][1])))["legal_form"]
    assert "2017 corporatisation" in legal
    legal = reasons(compare(company(ONE_ENTITY[1][0]), company(ONE_ENTITY[1][1])))["legal_form"]
    assert "post-Soviet limited company" in legal
    legal = reasons(compare(company(ONE_ENTITY[3][0]), company(ONE_ENTITY[3][1])))["legal_form"]
    assert "writes DEVELOPMENT within its legal form" in legal


@pytest.mark.parametrize(("a", "b"), TWO_LEGAL_PERSONS)
def test_same_shapes_that_are_two_legal_persons_do_not_match(a: str, b: str) -> None:
    assert compare(company(a), company(b)).decision is not Decision.MATCH


def test_the_rules_read_only_their_forms() -> None:
    assert corporatised("CORPORATION", "CO LTD") and corporatised("COMPANY LIMITED", "CORP")
    assert not corporatised("INC", "CO LTD") and not corporatised("CORPORATION", "LTD")
    assert free_zone_pair("FZCO", "OOO") and free_zone_pair("TOO", "FZE") and free_zone_pair("FZE", "TOV")
    assert free_zone_pair("FZC", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU")
    assert not free_zone_pair("FZE", "L L C") and not free_zone_pair("FZE", "LTD")
    assert not free_zone_pair("FZE", "ONE PERSON CO LTD") and not free_zone_pair("FZE", "FZCO")
    assert form_variant("FZCO", "FZCO", "OOO", "OOO") == "free zone"
    assert form_variant("CORPORATION", "CORPORATION", "CO LTD", "CO LTD") == "corporatisation"


def test_a_run_gives_back_the_words_it_absorbed_but_not_its_forms() -> None:
    assert absorbed_words("DEVELOPMENT CORPORATION S A") == {"DEVELOPMENT"}
    assert absorbed_words("CORPORATION LIMITED") == frozenset()
    assert with_run_words("", "DEVELOPMENT CORPORATION S A") == with_run_words("DEVELOPMENT", "CORP")


def test_batch_scores_equal_compare_for_form_pairs() -> None:
    batch_equals_compare([(a, b) for a, b, _ in ONE_ENTITY] + TWO_LEGAL_PERSONS, kind="company")
