"""The networkx store's bulk write paths (all-new rows in one dict update) keep the row-by-row semantics."""

from __future__ import annotations

import math

import pytest

from chipwatch.errors import StoreError
from graph.model import EdgeKind, NodeKind
from graph.stores import NetworkxStore


def test_repeated_id_in_one_call_merges_like_separate_calls() -> None:
    store = NetworkxStore()
    rows = [
        {"id": "co:a", "name": "A", "country": "CN"},
        {"id": "co:b", "name": "B"},
        {"id": "co:a", "name": "A2", "n": 1},
    ]
    assert store.upsert_nodes(NodeKind.COMPANY, rows) == 3
    node = store.node("co:a")
    assert node is not None and node.props == {"name": "A2", "country": "CN", "n": 1}
    assert store.counts()[NodeKind.COMPANY.value] == 2


def test_bulk_nodes_drop_nan_and_none_but_keep_floats() -> None:
    store = NetworkxStore()
    store.upsert_nodes(
        NodeKind.COMPANY,
        [{"id": f"co:{i}", "score": float(i) / 2, "gap": math.nan, "note": None} for i in range(5)],
    )
    node = store.node("co:3")
    assert node is not None and node.props == {"score": 1.5}


def test_repeated_edge_identity_in_one_call_merges() -> None:
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:a"}, {"id": "co:b"}])
    rows = [
        {"source": "co:a", "target": "co:b", "key": "8542", "count": 1, "value_usd": 2.5},
        {"source": "co:a", "target": "co:b", "key": "8542", "count": 7},
    ]
    assert store.upsert_edges(EdgeKind.TRADES_WITH, rows) == 2
    (edge,) = store.neighbours("co:a", direction="out")
    assert edge.props == {"count": 7, "value_usd": 2.5}


def test_bulk_edges_then_single_updates_keep_adjacency() -> None:
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:{i}"} for i in range(10)])
    store.upsert_edges(EdgeKind.OWNS, [{"source": f"co:{i}", "target": f"co:{i + 1}"} for i in range(9)])
    store.upsert_edges(EdgeKind.OWNS, [{"source": "co:0", "target": "co:9", "pct": 50.0}])
    assert [e.target for e in store.neighbours("co:0", direction="out")] == ["co:1", "co:9"]
    paths = store.paths(["co:0"], ["co:9"], max_hops=8)
    assert [len(p.edges) for p in paths] == [1]


def test_bulk_node_kind_clash_and_missing_ends_write_nothing() -> None:
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.PERSON, [{"id": "p:1"}])
    with pytest.raises(StoreError, match="'p:1' exists as Person"):
        store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:1"}, {"id": "p:1"}])
    assert store.node("co:1") is None
    with pytest.raises(StoreError, match="'co:x', 'co:y'"):
        store.upsert_edges(
            EdgeKind.OWNS, [{"source": "p:1", "target": "co:y"}, {"source": "co:x", "target": "p:1"}]
        )
    assert store.counts()[EdgeKind.OWNS.value] == 0
