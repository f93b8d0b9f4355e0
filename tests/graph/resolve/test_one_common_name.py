"""One common name element alone, or written twice, inside a longer person name
(graph.resolve.common_names.one_common_name): "AHMED, Ahmed" (an OFAC a.k.a.) against "ATOON,
Ahmed Muhamad Ahmed" scored 0.99 — each AHMED paired with one of the longer name's two, its
surname ATOON costing 0.03 — and resolution linked two listed people through it. The pairs below
flip with the rule, the rule says so in the reasons of ``compare``, the batch scorer gives the
same number, and shortened names of a rarer word or of two words stay matches."""

from __future__ import annotations

import pytest

from graph.resolve import Record, compare
from graph.resolve.common_names import one_common_name
from graph.resolve.link import LinkThresholds
from tests.graph.resolve.scoring_pairs import batch_separates, reasons, rule_leaves_alone, rule_parts

RULE = "one_common_name"
#: (name, name, the words the rule names): a common name alone is no evidence of one bearer.
TWO_PEOPLE = [
    ("ATOON, Ahmed Muhamad Ahmed", "AHMED, Ahmed", "MUHAMAD ATOON / AHMED AHMED"),  # the demo pair
    ("AHMED, Ahmed", "ATOON, Ahmed Muhamad Ahmed", "AHMED AHMED / MUHAMAD ATOON"),  # either way
    ("AHMED", "ATOON, Ahmed Muhamad Ahmed", "AHMED / MUHAMAD ATOON"),
    ("Ali Ali", "Ali Ali HASSAN", "ALI ALI / HASSAN"),
    ("Omar Ibrahim GHALAWANJI", "Haji IBRAHIM", "OMAR GHALAWANJI / IBRAHIM"),  # dev: two people
]
#: One person each: a shortened name of a rarer word, or of two words (dev aliases).
ONE_PERSON = [
    ("Mujahid Ali", "Mujahid Ali Mahmood Ali"),
    ("YAKUTUMBA", "WILLIAM AMURI YAKUTUMBA"),
    ("Muhammad IQBAL", "Haji IQBAL"),
    ("MOHAMED SAID", "MOHAMED SAID ATOM"),
    ("AHMAD, Ahmad Ali", "AHMAD, Ahmad Ali Ahmad"),
    ("Ahmed Mohammed ALI", "Ahmed Mohammed Hamed ALI"),
]


@pytest.mark.parametrize(("a", "b", "words"), TWO_PEOPLE)
def test_a_common_name_alone_does_not_match_a_longer_name(a: str, b: str, words: str) -> None:
    rule_parts(a, b, RULE, words)


@pytest.mark.parametrize(("a", "b"), ONE_PERSON)
def test_a_shortened_name_of_distinctive_words_still_matches(a: str, b: str) -> None:
    rule_leaves_alone(a, b, RULE)


def test_batch_scores_equal_compare() -> None:
    batch_separates(TWO_PEOPLE, ONE_PERSON)


def test_two_listed_people_sharing_a_common_alias_are_not_linked() -> None:
    """The demo's false merge: a NONSDN record whose a.k.a. holds AHMED twice, against an SDN
    whose a.k.a. is "AHMED, Ahmed" — not even queued for review."""
    attoun = Record(id="nonsdn:9692", kind="person", names=("ATTOUN, Ahmad", "ATOON, Ahmed Muhamad Ahmed"))
    ali = Record(id="sdn:6916", kind="person", names=("ALI, Ahmed Mohammed Hamed", "AHMED, Ahmed"))
    m = compare(attoun, ali)
    assert m.score < LinkThresholds().review
    assert RULE in reasons(m)


def test_the_rule() -> None:
    assert one_common_name(["AHMED", "AHMED"], ["AHMED", "MUHAMAD", "AHMED", "ATOON"]) == (
        "AHMED AHMED",
        "MUHAMAD ATOON",
    )
    assert one_common_name(["ALI", "HASSAN"], ["ALI"]) == ("HASSAN", "ALI")
    assert one_common_name(["IQBAL"], ["MUHAMMAD", "IQBAL"]) is None  # a rarer word
    assert one_common_name(["MUJAHID", "ALI"], ["MUJAHID", "ALI", "MAHMOOD"]) is None  # two words
    assert one_common_name(["AHMED", "AHMED"], ["AHMED"]) is None  # nothing beside it
    assert one_common_name(["AHMED"], ["AHMED", "AHMAD"]) is None  # one name written two ways
