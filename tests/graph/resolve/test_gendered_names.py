"""A man's and a woman's form of one given name (graph.resolve.gendered_names.gendered_forms):
sanctions programmes designate a man with his wife or sister, and "Aleksandr Borisovich
ROTENBERG" / "Aleksandra ROTENBERG" scored 0.99, a match — a wrong merge of two designated
people. With the rule such pairs go to review (possible), not to a match and not to no (a slip of
one letter looks the same); an agreeing country or address does not lift them back; men's names
that end like a woman's form (ANDREA, IBRAHIMA, YAHYO / YAHYA) and one name's spellings stay
matches; the batch scorer gives the score ``compare`` explains."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.gendered_names import gendered_forms
from tests.graph.resolve.scoring_pairs import batch_separates, reasons, rule_leaves_alone, rule_parts

RULE = "gendered_forms"
#: (name, name, the words the rule names): a man and a woman of one family.
TWO_PEOPLE = [
    ("Aleksandr Borisovich ROTENBERG", "Aleksandra ROTENBERG", "ALEKSANDR / ALEKSANDRA"),
    ("Maria PETROVA", "Mario PETROV", "MARIA / MARIO"),
    ("Yevgeny IVANOV", "Yevgenia IVANOVA", "YEVGENY / YEVGENIA"),
    ("Robert X", "Roberta X", "ROBERT / ROBERTA"),
    ("Alexander IVANOV", "Aleksandra IVANOVA", "ALEXANDER / ALEKSANDRA"),  # two spellings apart
    ("Viktor BOUT", "Viktoriya BOUT", "VIKTOR / VIKTORIYA"),
    ("Antonio LOPEZ", "Antonia LOPEZ", "ANTONIO / ANTONIA"),
    ("ROTENBERG, Aleksandr Borisovich", "ROTENBERG, Aleksandra Borisovna", "BORISOVICH / BORISOVNA"),
]
#: One person each: men's names ending in -A or -O, one name's spellings, a surname written
#: with and without the feminine ending beside one given name.
ONE_PERSON = [
    ("Ibrahima DIALLO", "Ibrahim DIALLO"),
    ("Ismaila SOW", "Ismail SOW"),
    ("Andrea ROSSI", "Andre ROSSI"),
    ("Yahyo KARIMOV", "Yahya KARIMOV"),
    ("Muso RAHIMOV", "Musa RAHIMOV"),
    ("Aleksandr IVANOV", "Alexander IVANOV"),
    ("Mohammad ALI", "Mohammed ALI"),
    ("Ivan PETROV", "Ivan PETROVA"),
    ("Maria PETROVA", "Maria PETROV"),
    ("Pavel ASTREIKO", "Pavel ASTREIKA"),
    ("Nikita IVANOV", "Nikita IVANOVA"),
    ("Sergei Ivanovich PETROV", "Sergey Ivanovich PETROV"),
]


@pytest.mark.parametrize(("a", "b", "words"), TWO_PEOPLE)
def test_a_man_and_a_woman_of_one_family_go_to_review(a: str, b: str, words: str) -> None:
    m = rule_parts(a, b, RULE, words, Decision.POSSIBLE)
    assert "given_name_forms" not in reasons(m)  # not also "one given name in two forms"


def test_an_agreeing_country_and_address_do_not_lift_the_pair_to_a_match() -> None:
    where = {"country": "RU", "address": "Rublyovskoye shosse 1, Moscow"}
    a = Record(id="a", kind="person", names=("Aleksandr ROTENBERG",), **where)
    b = Record(id="b", kind="person", names=("Aleksandra ROTENBERG",), **where)
    m = compare(a, b)
    assert m.decision == Decision.POSSIBLE
    assert "not counted" in reasons(m)["country"]


@pytest.mark.parametrize(("a", "b"), ONE_PERSON)
def test_one_person_written_two_ways_still_matches(a: str, b: str) -> None:
    rule_leaves_alone(a, b, RULE)


def test_batch_scores_equal_compare() -> None:
    batch_separates(TWO_PEOPLE, ONE_PERSON, floor=0.5)


def test_the_rule() -> None:
    for man, woman in [
        ("ALEKSANDR", "ALEKSANDRA"),
        ("ALEXANDER", "ALEXANDRA"),
        ("MARIO", "MARIA"),
        ("YEVGENY", "YEVGENIA"),
        ("VALERY", "VALERIYA"),  # a man's name in Russia, a woman's in the US census
        ("DANIEL", "DANIELLE"),
        ("BORISOVICH", "BORISOVNA"),
    ]:
        assert gendered_forms(man, woman) and gendered_forms(woman, man)
    for a, b in [
        ("IBRAHIM", "IBRAHIMA"),  # West African man's name
        ("ANDRE", "ANDREA"),  # Italian man's name
        ("YAHYO", "YAHYA"),  # Tajik -O
        ("ASTREIKO", "ASTREIKA"),  # Belarusian surname
        ("IVANOV", "IVANOVA"),  # surname forms alone
        ("MIKHAIL", "MIKHAILA"),  # both men's forms of the table
        ("JAN", "JANA"),  # mostly a woman's name in the census: sex unknown
        ("ALEKSANDR", "ALEXANDER"),
    ]:
        assert not gendered_forms(a, b)
