"""Reading the stored graph's columns from its files without loading it (``StoredColumns``)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from graph.export.risk_table import risk_table
from graph.model import EdgeKind, NodeKind
from graph.stores import NetworkxStore
from graph.stores.parquet import StoredColumns, VersionGone


def _graph(directory: Path) -> NetworkxStore:
    g = NetworkxStore(directory)
    g.upsert_nodes(
        NodeKind.COMPANY,
        [
            {"id": "co:b", "name": "Beta", "country": "DE", "risk_score": 40.0, "risk_level": "review"},
            {"id": "co:a", "name": "Alpha", "risk_score": 70.0, "risk_level": "block", "flags_json": "[]"},
            {"id": "co:c", "name": "Gamma", "country": "CN"},
        ],
    )
    g.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [
            # countries is a list; "code" mixes types (stored as JSON text in its file)
            {
                "id": "list:US_EL:1",
                "name": "ALPHA",
                "list": "US_EL",
                "status": "active",
                "countries": ["CN"],
                "code": 1,
                "risk_score": 90.0,
                "risk_level": "block",
                "risk_cluster": "co:a",
            },
            {"id": "list:US_EL:2", "name": "DELTA", "list": "US_EL", "status": "active", "code": "x"},
        ],
    )
    g.upsert_nodes(NodeKind.ADDRESS, [{"id": "addr:1", "country": "HK"}])
    g.upsert_edges(EdgeKind.LOCATED_AT, [{"source": "list:US_EL:1", "target": "addr:1"}])
    g.upsert_edges(EdgeKind.SAME_AS, [{"source": "co:a", "target": "list:US_EL:1", "score": 0.9}])
    g.flush()
    return g


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.astype(object), b.astype(object))


def test_frames_and_counts_are_the_loaded_stores(tmp_path: Path) -> None:
    g = _graph(tmp_path)
    files = StoredColumns(tmp_path)
    assert files.counts() == g.counts()
    for kind in (NodeKind.COMPANY, NodeKind.LIST_ENTRY, NodeKind.ADDRESS):
        _same(files.nodes_frame(kind), g.nodes_frame(kind))  # every column
        wanted = ("name", "countries", "code", "not_a_property")
        _same(files.nodes_frame(kind, wanted), g.nodes_frame(kind, wanted))
    assert files.nodes_frame(NodeKind.LIST_ENTRY, ("code",))["code"].tolist() == [1, "x"]
    for ekind in (EdgeKind.LOCATED_AT, EdgeKind.SAME_AS):
        _same(files.edges_frame(ekind), g.edges_frame(ekind))
    _same(risk_table(files), risk_table(g))
    # a kind with no rows: the columns asked for, no rows (as the store gives)
    assert list(files.nodes_frame(NodeKind.PERSON, ("name",)).columns) == ["id", "name"]
    assert files.nodes_frame(NodeKind.PERSON, ("name",)).empty


def test_no_graph_yet_reads_as_empty(tmp_path: Path) -> None:
    files = StoredColumns(tmp_path)
    assert set(files.counts().values()) == {0}
    assert risk_table(files).empty


def test_a_version_replaced_meanwhile_is_told(tmp_path: Path) -> None:
    g = _graph(tmp_path)
    files = StoredColumns(tmp_path)  # the manifest of the version now current
    g.upsert_nodes(NodeKind.COMPANY, [{"id": "co:d", "name": "Delta"}])
    g.flush()  # a new version; the one read above is removed
    assert not any(p.name == os.fspath(files.root).rsplit("/", 1)[-1] for p in tmp_path.iterdir())
    with pytest.raises(VersionGone):
        files.nodes_frame(NodeKind.COMPANY, ("name",))
    assert len(StoredColumns(tmp_path).nodes_frame(NodeKind.COMPANY, ("name",))) == 4
