"""Arabic given names a few letters apart that are two names (graph.resolve.distinct_given_names):
each pair below was a false match on the dev split of benchmarks/resolution_eval.py (nearest
neighbours on the lists: relatives of one family name). Each flips with the rule, the rule says
so in the reasons of ``compare``, the batch scorer gives the same number, and one name written
two ways (or MUHAMMAD / MAHMUD, which the lists write for one another) stays a match."""

from __future__ import annotations

import pytest

from graph.resolve.distinct_given_names import different_given_names
from tests.graph.resolve.scoring_pairs import batch_separates, rule_leaves_alone, rule_parts

RULE = "distinct_given_names"
#: (name, name, the words the rule names)
TWO_PEOPLE = [
    ("Hassan TABAJA", "Adham Husayn TABAJA", "HASSAN / HUSAYN"),  # one skeleton, H-S-N
    ("Ali Hassan KHALIL", "Husayn AL-KHALIL", "HASSAN / HUSAYN"),
    ("Hamed DEHGHAN", "Hadi DEHGHAN", "HAMED / HADI"),
    ("Mahmoud MEHRI", "Mahdi MEHRI", "MAHMOUD / MAHDI"),
    ("Zubayir AYDAR", "Zuhayr HAYDAR", "ZUBAYIR / ZUHAYR"),
    ("Mohamad Zouheir EL KHANSA", "Ahmad EL KHANSA", "MOHAMAD / AHMAD"),
    ("MOHAMMAD ESSA AKHUND", "MOHAMMAD HASSAN AKHUND", "ESSA / HASSAN"),
]
#: One person each: one name in two spellings, and MUHAMMAD / MAHMUD in the lists' own aliases.
ONE_PERSON = [
    ("Hamed DEHGHAN", "Hamid DEHGHAN"),
    ("Hassan TABAJA", "Hasan TABAJA"),
    ("Husayn AL-KHALIL", "Hussein KHALIL"),
    ("Mahdi MEHRI", "Mehdi MEHRI"),
    ("OMAR MAHMOUD UTHMAN", "Omar Mohammed Othman"),
    ("'Adnan Muhammad Amin AL-RAWI", "Adnan Mahmood AL RAWI"),
]


@pytest.mark.parametrize(("a", "b", "words"), TWO_PEOPLE)
def test_two_given_names_a_few_letters_apart_are_two_people(a: str, b: str, words: str) -> None:
    rule_parts(a, b, RULE, words)


@pytest.mark.parametrize(("a", "b"), ONE_PERSON)
def test_one_name_written_two_ways_still_matches(a: str, b: str) -> None:
    rule_leaves_alone(a, b, RULE)


def test_batch_scores_equal_compare() -> None:
    batch_separates(TWO_PEOPLE, ONE_PERSON)


def test_the_word_rule() -> None:
    assert different_given_names("HASSAN", "HUSSEIN")
    assert different_given_names("MEHDI", "MAHMOOD")
    assert not different_given_names("HASSAN", "HASAN")  # one name
    assert not different_given_names("MUHAMMAD", "MAHMOUD")  # the lists write one for the other
    assert not different_given_names("HASSAN", "TABAJA")  # a word not in the table
