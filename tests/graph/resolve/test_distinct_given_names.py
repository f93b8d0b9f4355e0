"""Arabic given names a few letters apart that are two names (graph.resolve.distinct_given_names):
each pair below was a false match on the dev split of benchmarks/resolution_eval.py (nearest
neighbours on the lists: relatives of one family name). Each flips with the rule, the rule says
so in the reasons of ``compare``, the batch scorer gives the same number, and one name written
two ways (or MUHAMMAD / MAHMUD, which the lists write for one another) stays a match."""

from __future__ import annotations

import pytest

from graph.resolve.distinct_given_names import different_given_names, table_and_census_names, two_census_names
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
    # Arabic عبده / عبود, one consonant skeleton (A-B-D): two OFAC entries of one employer.
    ("Hikmat 'ABDU", "Hikmat 'ABBUD", "ABDU / ABBUD"),
    ("Abdou AL-ZUMAR", "Abboud AL-ZUMAR", "ABDOU / ABBOUD"),
]
#: One person each: one name in two spellings, and MUHAMMAD / MAHMUD in the lists' own aliases.
ONE_PERSON = [
    ("Hamed DEHGHAN", "Hamid DEHGHAN"),
    ("Hassan TABAJA", "Hasan TABAJA"),
    ("Husayn AL-KHALIL", "Hussein KHALIL"),
    ("Mahdi MEHRI", "Mehdi MEHRI"),
    ("OMAR MAHMOUD UTHMAN", "Omar Mohammed Othman"),
    ("'Adnan Muhammad Amin AL-RAWI", "Adnan Mahmood AL RAWI"),
    ("Hikmat 'ABDU", "Hikmat ABDOU"),
    ("Hikmat 'ABBUD", "Hikmat ABBOUD"),
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
    assert different_given_names("ABDU", "ABBUD")
    assert not different_given_names("ABDUH", "ABDOU")  # one name


#: Two census given names paired on a few letters (graph.resolve.distinct_given_names, census
#: names): each a false match on the dev split (relatives of one family name).
TWO_CENSUS_NAMES = [
    ("Francisco Javier GASTELUM SERRANO", "Jaime GASTELUM SERRANO", "JAVIER / JAIME"),
    ("Ofelia MONZON ARAUJO", "Elvira ARAUJO MONZON", "OFELIA / ELVIRA"),
    ("Sara Maria GONZALES GARBANCHO DE ZEVALLOS", "Sara Marilyn ZEVALLOS GONZALES", "MARIA / MARILYN"),
]
#: One person each: a census name cut short, two that sound alike, one letter in four (the
#: lists' own alias), one romanisation key, and census names in the place of a surname.
ONE_CENSUS_PERSON = [
    ("Hildebrando Alexander CIFUENTES VILLA", "Alex CIFUENTES VILLA"),
    ("Sean Michael WALSH", "Shawn Michael WALSH"),
    ("Catherine Ann MORRIS", "Kathryn Ann MORRIS"),
    ("Miguel Angel TREVINO MORALES", "Michael Angel TREVINO MORALES"),
    ("Jorge Luis OCHOA", "George Luis OCHOA"),
    ("Jose Gerardo ALVAREZ VAZQUEZ", "Joel ALVAREZ VASQUEZ"),
    ("Mustapha Reda Darwish FAWAZ", "Mustapha Rhoda Darwich FAWAZ"),
    ("Roberto PEREZ JAVIER", "Roberto PEREZ JAIME"),
]


@pytest.mark.parametrize(("a", "b", "words"), TWO_CENSUS_NAMES)
def test_two_census_given_names_a_few_letters_apart_are_two_people(a: str, b: str, words: str) -> None:
    rule_parts(a, b, RULE, words)


@pytest.mark.parametrize(("a", "b"), ONE_CENSUS_PERSON)
def test_one_census_name_written_two_ways_still_matches(a: str, b: str) -> None:
    rule_leaves_alone(a, b, RULE)


def test_batch_scores_equal_compare_for_census_names() -> None:
    batch_separates(TWO_CENSUS_NAMES, ONE_CENSUS_PERSON)


def test_the_census_word_rule() -> None:
    assert two_census_names("JAVIER", "JAIME", 0.73)
    assert not two_census_names("JAVIER", "JAIME", 0.8)  # paired closely: left to the alignment
    assert not two_census_names("SEAN", "SHAWN", 0.67)  # one sound
    assert not two_census_names("ALEXANDER", "ALEX", 0.62)  # cut short
    assert not two_census_names("DRAGAN", "DRAGO", 0.73)  # not census names


#: A name of the Arabic table against a census given name outside it, paired on a few letters:
#: two names in any place of the name ("Mustapha CHAD" / "Mustafa HAMID" was a dev false match).
TABLE_AND_CENSUS = [
    ("Mustapha CHAD", "Mustafa HAMID", "CHAD / HAMID"),
    ("Hans Peter KARIMI", "Hasan KARIMI", "HANS / HASAN"),
]
#: One person each: the table name against a census name that is one name written two ways
#: (sound alike, or paired closely).
TABLE_AND_CENSUS_ONE_PERSON = [
    ("Hadi KARIMI", "Heidi KARIMI"),
    ("Salim ZAYDAN", "Selma ZAYDAN"),
]


@pytest.mark.parametrize(("a", "b", "words"), TABLE_AND_CENSUS)
def test_a_table_name_and_a_census_name_are_two_people(a: str, b: str, words: str) -> None:
    rule_parts(a, b, RULE, words)


@pytest.mark.parametrize(("a", "b"), TABLE_AND_CENSUS_ONE_PERSON)
def test_a_table_name_and_a_census_name_alike_still_match(a: str, b: str) -> None:
    rule_leaves_alone(a, b, RULE)


def test_batch_scores_equal_compare_for_table_and_census_names() -> None:
    batch_separates(TABLE_AND_CENSUS, TABLE_AND_CENSUS_ONE_PERSON)


def test_the_table_and_census_word_rule() -> None:
    assert table_and_census_names("CHAD", "HAMID", 0.67)
    assert table_and_census_names("HAMID", "CHAD", 0.67)  # symmetric
    assert not table_and_census_names("CHAD", "HAMID", 0.8)  # paired closely: left to the alignment
    assert not table_and_census_names("HEIDI", "HADI", 0.67)  # one sound
    assert not table_and_census_names("JAVIER", "JAIME", 0.73)  # both census only: two_census_names
    assert not table_and_census_names("HAMID", "HADI", 0.67)  # both in the table: different_given_names
    assert not table_and_census_names("HAMID", "HAMILTON", 0.62)  # HAMILTON is no census given name
