"""A surname paired with the other name's given name on a few shared letters
(graph.resolve.crossed_names.crossed_pair): the word alignment pairs words wherever they stand
and from an edit ratio of 0.6, so "Ljubo MARICIC" / "Marco DI LAURO" (LJUBO / LAURO) scored
0.86 and "AQSA MAHMOOD" / "AHMAD MAHMOOD HASSAN" (AQSA / HASSAN) 0.94: dev false matches. The
pairs below flip with the rule, the rule says so in the reasons of ``compare``, the batch scorer
gives the same number, and names in another order or with a short form of a word stay matches."""

from __future__ import annotations

import pytest

from graph.resolve.crossed_names import crossed_pair
from tests.graph.resolve.scoring_pairs import batch_separates, rule_leaves_alone, rule_parts

RULE = "crossed_pair"
#: (name, name, the words the rule names): dev false matches.
TWO_PEOPLE = [
    ("Ljubo MARICIC", "Marco DI LAURO", "LJUBO / LAURO"),
    ("AQSA MAHMOOD", "AHMAD MAHMOOD HASSAN", "AQSA / HASSAN"),
    ("Mohsen FAKHRIZADEH-MAHABADI", "Mohammad FAKHRZADEH", "MAHABADI / MOHAMMAD"),
    ("Muhammad Sayyah NASR", "Muhammad Nasir SABBAGH", "SAYYAH / SABBAGH"),
]
#: One person each: another word order, a short form, a surname written another way.
ONE_PERSON = [
    ("QURESHI Shah Mahmood", "Shah Mehmood QURAISHI"),
    ("OSMAN Mohamed", "Mohamed OTHMAN"),
    ("FAIZULLAH KHAN NOORZAI", "Haji Faizullah Noor"),  # dev alias
    ("Simon Gatwech DUAL", "Simon GARWICH"),  # dev alias
    ("KIM Jong Un", "Jong Un KIM"),
]


@pytest.mark.parametrize(("a", "b", "words"), TWO_PEOPLE)
def test_a_surname_paired_with_a_given_name_on_few_letters_is_no_match(a: str, b: str, words: str) -> None:
    rule_parts(a, b, RULE, words)


@pytest.mark.parametrize(("a", "b"), ONE_PERSON)
def test_one_person_written_two_ways_still_matches(a: str, b: str) -> None:
    rule_leaves_alone(a, b, RULE)


def test_batch_scores_equal_compare() -> None:
    batch_separates(TWO_PEOPLE, ONE_PERSON)


def test_the_rule() -> None:
    pairs = (("LJUBO", "LAURO", 0.6), ("MARICIC", "", 0.0), ("", "MARCO", 0.0), ("", "DI", 0.0))
    assert crossed_pair(["LJUBO", "MARICIC"], ["MARCO", "DI", "LAURO"], pairs) == ("LJUBO", "LAURO")
    # both surnames (or both given names): the other rules' business
    assert crossed_pair(["LJUBO", "LAURA"], ["MARCO", "LAURO"], (("LAURA", "LAURO", 0.6),)) is None
    # a short form of the word (NOORZAI / NOOR), an alike enough pair, an initial
    assert crossed_pair(["A", "NOORZAI"], ["NOOR", "B"], (("NOORZAI", "NOOR", 0.67),)) is None
    assert crossed_pair(["A", "GATWECH"], ["GARWICH", "B"], (("GATWECH", "GARWICH", 0.71),)) is None
    assert crossed_pair(["J", "SMITH"], ["JOHN", "SMITH"], (("J", "JOHN", 0.9),)) is None
    assert crossed_pair(["LAURO"], ["LJUBO", "X"], (("LAURO", "LJUBO", 0.6),)) is None  # one word
