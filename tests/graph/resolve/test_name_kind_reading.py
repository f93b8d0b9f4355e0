"""People on lists that publish no entity type: the name reading (:mod:`graph.resolve.name_kind_reading`).

The kind the list readers give such rows is tested in ``tests/ingest/lists/test_name_kind.py``.
"""

from __future__ import annotations

import pytest

from graph.resolve.name_kind_reading import read_kind
from graph.resolve.name_kind_words import WORDS_TABLE, read_word_table, word_table
from ingest.lists.pipeline import bundled_list_paths

# --- the reading ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Khalil Zadran",  # Entity List rows without a type (CSL 2022)
        "Jalaluddin Haqqani",
        "Sergey Nikolayevich Sanaev",
        "Abdul Qadeer Khan",
        "Margarita Vasilyevna Kuznetsova",
        "Feroz Khan",  # one person word, the other in no company name
    ],
)
def test_people_of_the_entity_list_read_as_people_with_their_evidence(name: str) -> None:
    reading = read_kind(name)
    assert reading.person, reading.evidence
    assert "no legal form, organisation word or digit" in reading.evidence
    assert "person words" in reading.evidence


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Tenfine Ltd.", "legal form"),
        ("Fast Aviation", "FAST is a company word"),
        ("Ahmad Trading", "organisation word TRADING"),
        ("Bank of Kunlun", "linking word OF"),
        ("Huawei Technologies", "HUAWEI is a company word"),
        ("KZ RESULTS", "person words"),  # no call: nothing says person
        ("27th Scientific Center", "a digit"),
        ("APEX", "1 words"),
        ("Sun & Moon Trading", "linking word &"),
        ("MCST Lebedev", "acronym MCST"),  # Entity List: the Moscow Center of SPARC Technologies
    ],
)
def test_organisations_of_the_lists_are_never_read_as_people(name: str, why: str) -> None:
    reading = read_kind(name)
    assert not reading.person
    assert why in reading.evidence


def test_an_alias_with_a_legal_form_or_organisation_word_says_organisation() -> None:
    assert read_kind("Ivan Lebedev").person
    reading = read_kind("Ivan Lebedev", aliases=["Ivan Lebedev", "ZAO Ivan Lebedev"])
    assert not reading.person and "alias 'ZAO Ivan Lebedev': legal form" in reading.evidence
    assert not read_kind("Ivan Lebedev", aliases=["Lebedev Trading"]).person
    assert read_kind("Ivan Lebedev", aliases=["Vanya Lebedev"]).person
    # a title that opens an alias is a person's ("General Jalaluddin" of Jalaluddin Haqqani)
    assert read_kind("Jalaluddin Haqqani", aliases=["General Jalaluddin", "Mullah Jalaluddin"]).person


def test_surnames_in_capitals_are_not_acronyms() -> None:
    # the OFAC writes "KHAN, Abdul Qadeer": a capitalised surname has vowels
    assert read_kind("KHAN, Abdul Qadeer").person


def test_a_date_of_birth_makes_one_person_word_enough() -> None:
    # words of no telling shape (a Slavic ending would count as a person word)
    table = {"SERGEY": (92, 0), "KOYNO": (0, 0), "MIRTO": (1, 1)}
    assert not read_kind("Sergey Koyno Mirto", table=table).person
    with_birth = read_kind("Sergey Koyno Mirto", birth_dates=["1970-01-02"], table=table)
    assert with_birth.person and "date of birth 1970-01-02" in with_birth.evidence


def test_the_word_table_matches_the_typed_rows_of_the_bundled_lists() -> None:
    # Data built from data/lists by scripts/build_name_kind_words.py: rebuild it when the lists
    # or the folding of names change. Only rows whose kind the publisher states are counted.
    from scripts.build_name_kind_words import typed_entries, word_table_of

    assert dict(word_table()) == word_table_of(typed_entries(bundled_list_paths()))
    assert read_word_table(WORDS_TABLE)["SERGEY"][1] == 0
