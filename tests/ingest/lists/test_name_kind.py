"""People on lists that publish no entity type: the kind the ingest gives their rows.

The name reading itself is tested in ``tests/graph/resolve/test_name_kind_reading.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from chipwatch.settings import Settings
from graph.model import NodeKind
from graph.stores import open_store
from graph.tables.lists import load_list_tables
from ingest.lists.model import EntityKind
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.read import read_list_file

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline" / "csl_typeless_people.csv"


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
