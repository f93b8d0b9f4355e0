"""Title words that are names too (graph.resolve.name_titles): GEN of the Chinese "Wang-gen" and
IMAM of "BAZINJO, Imam" are kept (benchmarks/person_writings_scan.py found them dropped), and the
titles that open a name or its given names still drop."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.names import normalise_name
from graph.resolve.person_rules import written_tokens
from tests.graph.resolve.scoring_pairs import batch_equals_compare, person

ONE_PERSON = [
    # GEN, a syllable of the hyphenated given name, is no title
    ("HUANG, Wang-gen", "Wang-gen HUANG"),
    ("HUANG, Wang-gen", "HUANG Wanggen"),
    ("HUANG, Wang-gen", "HUANG, Wang gen"),
    ("BAZINJO, Imam", "Imam BAZINJO"),
    # titles where titles stand still drop
    ("Mullah Jabbar", "JABBAR"),
    ("Maulawi Haqqani", "HAQQANI"),
    ("Haji Khalil", "KHALIL"),
    ("Sheikh Abd Al-Meguid", "Abd Al-Meguid"),
    ("General Sidiki", "SIDIKI"),
    ("Dr. A.Q. Khan", "A.Q. KHAN"),
    ("KHAN, Dr. Abdul Qadeer", "Abdul Qadeer KHAN"),
    ("AWEYS, Sheikh", "HASSAN DAHIR AWEYS"),
    ("TAYSIR, Hajji", "Hajji TAYSIR"),
]


@pytest.mark.parametrize(("a", "b"), ONE_PERSON)
def test_one_person_written_with_or_without_a_title_word(a: str, b: str) -> None:
    assert compare(person(a), person(b)).decision == Decision.MATCH


def test_title_words_score_the_same_in_the_batch() -> None:
    batch_equals_compare([*ONE_PERSON, ("BAZINJO, Imam", "BAZINJO, Ali")])


def test_a_title_word_in_a_hyphenated_given_name_is_kept() -> None:
    assert normalise_name("HUANG, Wang-gen", "person").tokens == ("HUANG", "WANG", "GEN")
    assert normalise_name("Wang-gen HUANG", "person").tokens == ("WANG", "GEN", "HUANG")
    assert written_tokens("HUANG, Wang-gen") == ("WANG", "GEN", "HUANG")


def test_a_title_word_past_the_first_given_name_is_kept() -> None:
    assert normalise_name("HUANG, Wang gen", "person").tokens == ("HUANG", "WANG", "GEN")


def test_a_title_word_that_is_all_the_given_names_is_the_given_name() -> None:
    assert normalise_name("BAZINJO, Imam", "person").tokens == ("BAZINJO", "IMAM")
    assert written_tokens("BAZINJO, Imam") == ("IMAM", "BAZINJO")
    # two people of one family name: the given name IMAM is no title to leave out
    assert compare(person("BAZINJO, Imam"), person("BAZINJO, Ali")).decision != Decision.MATCH


def test_a_title_alone_after_the_surname_still_drops() -> None:
    assert normalise_name("AWEYS, Sheikh", "person").tokens == ("AWEYS",)
    assert normalise_name("AHMED, Dr.", "person").tokens == ("AHMED",)


def test_titles_that_open_the_name_or_its_given_names_still_drop() -> None:
    assert normalise_name("Dr. A.Q. Khan", "person").tokens == ("A", "Q", "KHAN")
    assert normalise_name("Haji Mullah Jabbar", "person").tokens == ("JABBAR",)
    assert normalise_name("KHAN, Dr. Abdul Qadeer", "person").tokens == ("KHAN", "ABDUL", "QADEER")
    assert written_tokens("HAQQANI, Maulawi Haji Jalaluddin") == ("JALALUDDIN", "HAQQANI")
    assert normalise_name("KHAN, Abdul, Dr.", "person").tokens == ("KHAN", "ABDUL")


def test_generational_suffixes_drop_wherever_they_stand() -> None:
    assert written_tokens("SMITH, John, Jr.") == ("JOHN", "SMITH")
    assert normalise_name("SMITH, John Jr.", "person").tokens == ("SMITH", "JOHN")
