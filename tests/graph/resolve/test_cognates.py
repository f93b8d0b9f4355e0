"""Cognates (graph.resolve.cognates): a name translated word by word keeps the stems of its
words of Latin stock; coined names sharing a stem, or one short stem, are not one name."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.cognates import cognate_stem, same_words
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons


@pytest.mark.parametrize(
    ("a", "b", "stem"),
    [
        ("INITSIATIVY", "INITIATIVES", "initiativ"),  # romanised Russian / English
        ("ISLAMIQUE", "ISLAMIC", "islamik"),
        ("DEMOCRATIQUES", "DEMOCRATIC", "demokratik"),
        ("INTERNACIONAL", "INTERNATIONAL", "international"),
        ("TECHNOLOGIE", "TEKHNOLOGIYA", "teknologi"),
    ],
)
def test_words_of_one_stem_in_two_languages_are_cognates(a: str, b: str, stem: str) -> None:
    assert cognate_stem(a, b) == stem


@pytest.mark.parametrize(
    ("a", "b"), [("KHORASAN", "KHOUZESTAN"), ("OPTIMA", "OPTIMACHIP"), ("SAHARA", "SAHEL")]
)
def test_other_words_are_not_cognates(a: str, b: str) -> None:
    assert cognate_stem(a, b) == ""


def test_one_short_stem_is_not_enough_but_two_cognates_are() -> None:
    # FUTUR has five letters: alone it could be a coined name's stem.
    assert not same_words(["BOSNIAN", "FUTURA"], ["BOSNIAN", "FUTURE"])
    assert same_words(["IDEALE", "FUTURA"], ["IDEAL", "FUTURE"])
    # Every word must pair: a word left over on one side is another name.
    assert not same_words(["INITSIATIVY", "NOVYE"], ["INITIATIVES"])


def test_translated_name_with_cognate_names_proper_matches_and_says_why() -> None:
    # Dev-split miss of issue #5 (benchmarks/eval_pairs/pairs.csv, a real list alias): OBORONNYE
    # is DEFENSE by data/reference/org_words.csv, INITSIATIVY / INITIATIVES are cognates.
    m = compare(company("Oboronnye Initsiativy LLC"), company("LLC Defense Initiatives"))
    assert m.decision is Decision.MATCH
    assert "INITSIATIVY / INITIATIVES (stem INITIATIV)" in reasons(m)["cognates"]
    assert "translation" in reasons(m)


def test_translated_name_with_other_names_proper_stays_apart() -> None:
    m = compare(company("Oboronnye Initsiativy LLC"), company("LLC Defense Innovations"))
    assert m.decision is Decision.NO
    assert "cognates" not in reasons(m)


def test_batch_scores_cognates_as_compare_explains() -> None:
    scored = batch_equals_compare(
        [
            ("Oboronnye Initsiativy LLC", "LLC Defense Initiatives"),
            ("Oboronnye Initsiativy LLC", "LLC Defense Innovations"),
        ],
        "company",
    )
    assert scored.score[0] > 0.9 > scored.score[1]
