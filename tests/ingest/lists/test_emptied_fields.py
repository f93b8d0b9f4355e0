"""A field a feed's next version empties disappears from the graph, on both stores: a list entry
that loses its remarks, dates or address, and an entry listed again after its removal."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore
from graph.stores import NetworkxStore
from ingest.lists.pipeline import ingest_list_files

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline"
V1, V2 = FIXTURES / "csl_v1.csv", FIXTURES / "csl_v2.csv"
ASH = "I. ASH"  # DPL: remarks, start and end date, Federal Register notice, an address
ACADEMY = "Academy of Aerospace Solid Propulsion Technology"  # MEU: licence requirement and policy
SINOBRIGHT = "Sinobright Import and Export Company"  # in v1, not in v2


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "networkx":
        opened: GraphStore = NetworkxStore(tmp_path / "graph")
    else:
        from graph.stores.neo4j_store import Neo4jStore

        opened = Neo4jStore.from_settings(request.getfixturevalue("neo4j_settings"))
        opened.clear()
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(workspace=tmp_path / "ws")


def _edited(source: Path, target: Path, edit: Callable[[dict[str, str]], None]) -> Path:
    """``source`` (a CSL file as published) with ``edit`` applied to every row, written as CSL."""
    with source.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or ()), list(reader)
    for row in rows:
        edit(row)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fields, quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(rows)
    return target


def _emptied(row: dict[str, str]) -> None:
    if row["name"] == ASH:
        for field in ("remarks", "end_date", "federal_register_notice", "addresses"):
            row[field] = ""
    if row["name"].startswith(ACADEMY):
        row["license_requirement"] = row["license_policy"] = ""


def _entry(store: GraphStore, name: str) -> dict[str, object]:
    frame = store.nodes_frame(NodeKind.LIST_ENTRY, ["name"])
    (node_id,) = frame.loc[frame["name"].fillna("").str.startswith(name), "id"]
    node = store.node(node_id)
    assert node is not None
    return {"id": node.id, **node.props}


def _state(store: GraphStore) -> dict[str, pd.DataFrame]:
    out = {k.value: store.nodes_frame(k).sort_values("id").reset_index(drop=True) for k in NodeKind}
    for kind in EdgeKind:
        frame = store.edges_frame(kind)
        out[kind.value] = frame.sort_values(["source", "target", "key"]).reset_index(drop=True)
    return out


def test_fields_a_version_empties_are_removed_from_the_entry(
    store: GraphStore, settings: Settings, tmp_path: Path
) -> None:
    ingest_list_files(settings, [V1], store=store)
    ash = _entry(store, ASH)
    assert ash["remarks"] == "50 YEAR DENIAL" and ash["end_date"] == "2056-06-29"
    assert ash["legal_basis"] and _entry(store, ACADEMY)["license_policy"]
    assert store.neighbours(str(ash["id"]), [EdgeKind.LOCATED_AT])
    # another writer's partial row on the same node (risk results) is not the list's to remove
    store.upsert_nodes(NodeKind.LIST_ENTRY, [{"id": ash["id"], "risk_score": 80.0}])

    v2 = _edited(V1, tmp_path / "csl_emptied.csv", _emptied)
    report = ingest_list_files(settings, [v2], store=store)
    assert report.files[0].changes == {"added": 0, "removed": 0, "changed": 2}

    ash = _entry(store, ASH)
    for field in ("remarks", "end_date", "legal_basis"):
        assert field not in ash, field
    assert ash["start_date"] == "2002-03-04" and ash["list_version"] == report.files[0].version_id
    assert ash["risk_score"] == 80.0
    assert not store.neighbours(str(ash["id"]), [EdgeKind.LOCATED_AT])
    academy = _entry(store, ACADEMY)
    assert "license_requirement" not in academy and "license_policy" not in academy

    before = _state(store)
    again = ingest_list_files(settings, [v2], store=store)
    assert [f.status for f in again.files] == ["unchanged"]
    after = _state(store)
    assert all(after[k].equals(before[k]) for k in before)


def test_an_entry_listed_again_loses_its_removal(
    store: GraphStore, settings: Settings, tmp_path: Path
) -> None:
    ingest_list_files(settings, [V1], store=store)
    second = ingest_list_files(settings, [V2], store=store).files[0]
    gone = _entry(store, SINOBRIGHT)
    # removed: its record as the last version listing it published it, with the removal
    assert gone["status"] == "removed" and gone["removed_in"] == second.version_id
    assert gone["start_date"] == "2023-07-19" and gone["programs"] == ["INKSNA"]

    def atlas_moves(row: dict[str, str]) -> None:
        if row["name"] == "Atlas Sanatgaran":
            row["addresses"] = "Komitas 26/114, Yerevan, Armenia, AM"

    third = ingest_list_files(settings, [_edited(V1, tmp_path / "csl_v3.csv", atlas_moves)], store=store)
    # Sinobright back, SME Bank gone
    assert third.files[0].changes == {"added": 1, "removed": 1, "changed": 0}
    back = _entry(store, SINOBRIGHT)
    assert back["status"] == "active" and "removed_in" not in back
    assert back["list_version"] == third.files[0].version_id


def test_the_list_sync_owns_every_entry_property_it_writes(settings: Settings) -> None:
    """Each property of a ListEntry row, current or removed, and of the entry's own edges is on
    the allow-list (LIST_OWNED); a column added without it would linger when a version empties it."""
    from graph.list_graph import LIST_OWNED, list_graph_frames
    from graph.tables.lists import load_list_tables

    ftm = FIXTURES.parent / "lists" / "ftm" / "zala_entities.ftm.json"  # publishes relations
    ingest_list_files(settings, [V1, ftm])
    tables = load_list_tables(settings)
    assert len(tables.relations)
    removed = tables.entries.head(2).assign(removed_in="csl@next")
    frames = list_graph_frames(tables.entries.iloc[2:], tables.relations, removed)
    assert frames.owned == LIST_OWNED
    entries = frames.nodes[NodeKind.LIST_ENTRY]
    assert set(entries.columns) - {"id"} == LIST_OWNED[NodeKind.LIST_ENTRY]
    for kind in (EdgeKind.LOCATED_AT, EdgeKind.RELATED_TO):
        assert set(frames.edges[kind].columns) - {"source", "target", "key"} == LIST_OWNED[kind], kind
    assert set(LIST_OWNED) == {NodeKind.LIST_ENTRY, EdgeKind.LOCATED_AT, EdgeKind.RELATED_TO}
