"""Listed person names against the ways a clerk or another list writes them
(benchmarks/person_writings_scan.py): each writing the scan found failing, now a match, and the
names the fix must leave apart still apart."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.arabic_compounds import compound_words
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person, reasons

WRITTEN_PAIRS = [
    # the madda of آ left out (UN Persian-script aliases)
    ("احمد ضیا آغا", "احمد ضیا اغا"),
    ("عتیق الله آخوند", "عتیق الله اخوند"),
    ("احمد جان آخوندزاده وزیر", "احمد جان اخوندزاده وزیر"),
    # the hyphens of a family name in ABD left out: the glued article is no word
    ("AL-ABDULMOHSEN, Yahya Mohamad", "ALABDULMOHSEN, Yahya Mohamad"),
    ("AL-'ABD-AL-MUHSIN, Yahya Muhammad", "AL'ABDALMUHSIN, Yahya Muhammad"),
]


@pytest.mark.parametrize(("listed", "written"), WRITTEN_PAIRS)
def test_a_listed_person_matches_a_clerks_writing(listed: str, written: str) -> None:
    assert compare(person(listed), person(written)).decision == Decision.MATCH


def test_person_writings_score_the_same_in_the_batch() -> None:
    batch_equals_compare(WRITTEN_PAIRS)


def test_an_abd_family_name_with_its_article_glued_is_the_abd_element() -> None:
    assert compound_words(("ALABDULMOHSEN",)) == ("ABD-MOHSEN",)
    assert compound_words(("ELABDELKARIM",)) == ("ABD-KARIM",)
    m = compare(person("ALABDULMOHSEN, Yahya"), person("AL-ABDULMOHSEN, Yahya"))
    assert "ALABDULMOHSEN as ABD-MOHSEN" in reasons(m)["arabic_compound"]
    # two ABD elements of other parts stay two names
    assert compare(person("ALABDULMOHSEN, Yahya"), person("AL-ABDULKARIM, Yahya")).decision != Decision.MATCH


SURNAME_FIRST_PAIRS = [
    # "SURNAME, Given" written without the comma: the ABD that closes the name opens the element
    ("RAHIM, Abdul", "RAHIM Abdul"),
    ("RAUF, Hafiz Abdul", "RAUF Hafiz Abdul"),
    ("AL RAHMAN, Shaykh Umar Abd", "AL RAHMAN Shaykh Umar Abd"),
    ("AL HAQQ, Al Hajj Abd", "AL HAQQ Al Hajj Abd"),
    # and the glued article of AL-'ABD is no word either (AL'ABD)
    ("AL-'ABD, Ahmad", "AL'ABD, Ahmad"),
]


@pytest.mark.parametrize(("listed", "written"), SURNAME_FIRST_PAIRS)
def test_a_name_written_surname_first_without_the_comma_matches(listed: str, written: str) -> None:
    assert compare(person(listed), person(written)).decision == Decision.MATCH


def test_surname_first_writings_score_the_same_in_the_batch() -> None:
    batch_equals_compare(SURNAME_FIRST_PAIRS)


def test_an_abd_that_closes_a_name_is_read_with_the_first_word() -> None:
    assert compound_words(("RAHIM", "ABDUL")) == ("ABD-RAHIM",)
    assert compound_words(("AL", "RAHMAN", "SHAYKH", "UMAR", "ABD")) == ("ABD-RAHMAN", "SHAYKH", "UMAR")
    assert compound_words(("ABDUL",)) == ("ABDUL",)  # nothing to read it with
    # two ABD elements of other parts, written surname first, stay two names
    assert compare(person("RAHIM, Abdul"), person("KARIM Abdul")).decision == Decision.NO
