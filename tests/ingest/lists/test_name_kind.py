"""People on lists that publish no entity type: the name reading and the kind the ingest gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph.model import NodeKind
from graph.stores import open_store
from graph.tables.lists import load_list_tables
from ingest.lists.model import EntityKind
from ingest.lists.name_kind import WORDS_TABLE, read_kind, read_word_table, word_table
from ingest.lists.pipeline import bundled_list_paths, ingest_list_files
from ingest.lists.read import read_list_file

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline" / "csl_typeless_people.csv"


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


# --- the ingest ---------------------------------------------------------------------------------


def test_csl_rows_without_a_type_get_the_kind_their_name_reads_as() -> None:
    entries = {e.name: e for e in read_list_file(FIXTURE).entries}
    zadran = entries["Khalil Zadran"]
    assert (zadran.kind, zadran.kind_source) == (EntityKind.PERSON, "name")
    assert "ZADRAN" in zadran.kind_evidence and "KHALIL" in zadran.kind_evidence
    assert entries["Jalaluddin Haqqani"].kind is EntityKind.PERSON
    # organisations keep the list's default, and say so
    for name in ("Tenfine Ltd.", "Fast Aviation"):
        firm = entries[name]
        assert (firm.kind, firm.kind_source, firm.kind_evidence) == (EntityKind.COMPANY, "default", "")
    assert (entries["KZ RESULTS"].kind, entries["KZ RESULTS"].kind_source) == (EntityKind.UNKNOWN, "default")


def test_a_published_type_is_never_overridden() -> None:
    entries = {e.name: e for e in read_list_file(FIXTURE).entries}
    # "KAHANE CHAI" is two words the reading could take for a name: the SDN says Entity
    assert (entries["KAHANE CHAI"].kind, entries["KAHANE CHAI"].kind_source) == (EntityKind.COMPANY, "type")
    assert entries["HAQQANI, Abdul Aziz"].kind_source == "type"
    every = read_list_file(Path(__file__).resolve().parents[3] / "data/lists/csl/consolidated_2022-05.csv.gz")
    typed = [e for e in every.entries if e.kind_source == "type"]
    assert typed and all(e.kind_evidence == "" for e in typed)
    assert {e.kind for e in every.entries if e.kind_source == "name"} == {EntityKind.PERSON}


def test_the_ingest_keeps_the_kind_and_its_reason_on_the_table_and_the_node(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    ingest_list_files(settings, [FIXTURE])
    rows = load_list_tables(settings).entries.set_index("name")
    assert rows.loc["Khalil Zadran", "kind"] == "person"
    assert rows.loc["Khalil Zadran", "kind_source"] == "name"
    assert "ZADRAN" in rows.loc["Khalil Zadran", "kind_evidence"]
    assert rows.loc["KAHANE CHAI", "kind_source"] == "type"
    store = open_store(settings)
    try:
        frame = store.nodes_frame(NodeKind.LIST_ENTRY).set_index("name")
        node = store.node(frame.loc["Khalil Zadran", "id"])
    finally:
        store.close()
    assert node is not None
    assert (node.props["entity_kind"], node.props["kind_source"]) == ("person", "name")
    assert "person words" in node.props["kind_evidence"]
    assert json.dumps(node.props["kind_evidence"])  # plain text an officer can read


def test_dpl_rows_of_people_are_people_and_firms_stay_unknown() -> None:
    dpl = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline" / "dpl_2023-11_excerpt.txt"
    entries = {e.name: e for e in read_list_file(dpl).entries}
    assert (entries["ALEXANDER FISHENKO"].kind, entries["ALEXANDER FISHENKO"].kind_source) == (
        EntityKind.PERSON,
        "name",
    )
    for firm in ("AIR FREIGHT LTD", "AL NASER AIRLINES", "ADT ANALOG AND DIGITAL TECHNIK"):
        assert (entries[firm].kind, entries[firm].kind_source) == (EntityKind.UNKNOWN, "default")
