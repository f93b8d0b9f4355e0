"""An entry a later list version removed, in the entity report, on both stores.

The node is kept for history (status ``removed``); the report listed neither it nor the version
that removed it, so a party that was on the Entity List until yesterday read as never listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph.risk.entity import entity_report, format_report
from graph.stores import open_store
from ingest.lists.pipeline import ingest_list_files

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline"
SINOBRIGHT = "Sinobright Import and Export Company"  # in csl_v1, removed by csl_v2
ATLAS = "Atlas Sanatgaran"  # in both


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    if request.param == "neo4j":
        settings = request.getfixturevalue("neo4j_settings").with_(workspace=tmp_path / "ws")
        store = open_store(settings)
        try:
            store.clear()
        finally:
            store.close()
    else:
        settings = Settings(workspace=tmp_path / "ws")
    yield settings


def test_entity_report_says_which_version_removed_an_entry(settings: Settings) -> None:
    v1 = ingest_list_files(settings, [FIXTURES / "csl_v1.csv"]).files[0].version_id
    v2 = ingest_list_files(settings, [FIXTURES / "csl_v2.csv"]).files[0].version_id
    store = open_store(settings)
    try:
        gone = entity_report(store, SINOBRIGHT)
        kept = entity_report(store, ATLAS)
    finally:
        store.close()
    assert gone.list_hits == []
    assert [(r["entry"], r["removed_in"], r["list_version"]) for r in gone.removed_entries] == [
        (gone.node_id, v2, v1)
    ]
    text = format_report(gone)
    assert f"removed: {SINOBRIGHT}" in text and f"removed in {v2}: no longer listed" in text
    assert kept.removed_entries == []
    assert f"list version {v2}" in format_report(kept)
