"""Rows handed over as columns (``ColumnRows``) store exactly what the same rows as dicts store."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from chipwatch.errors import StoreError
from graph.model import EdgeKind, NodeKind
from graph.stores import NetworkxStore
from graph.stores.columns import ColumnRows
from graph.stores.rows import edge_rows, node_rows


def _nodes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["co:a", "co:b", "co:c"],
            "name": ["A", "B ünïcode", "') DETACH DELETE n //"],
            "score": [1.5, math.nan, 3.0],
            "count": [1, 2, 3],
            "flag": [True, False, True],
            "aliases": [np.array(["A1", "A2"]), np.array([], dtype=object), None],
            "note": [None, None, None],
        }
    )


def _edges() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": ["co:a", "co:a", "co:b"],
            "target": ["co:b", "co:b", "co:c"],
            "key": ["854231", "847150", ""],
            "count": [2, 1, 7],
            "value_usd": [10.0, math.nan, 2.5],
        }
    )


def _as_dicts(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [dict(row) for row in ColumnRows.from_frame(frame)]


def _snapshot(store: NetworkxStore) -> tuple[object, ...]:
    return (
        [(n.id, dict(n.props)) for n in store.nodes(NodeKind.COMPANY)],
        [(e.identity, dict(e.props)) for e in store.neighbours("co:b")],
        store.counts(),
    )


def test_iterating_gives_row_dicts_without_absent_values() -> None:
    rows = _as_dicts(_nodes())
    assert rows[0] == {
        "id": "co:a",
        "name": "A",
        "score": 1.5,
        "count": 1,
        "flag": True,
        "aliases": ["A1", "A2"],
    }
    assert rows[1]["aliases"] == [] and "score" not in rows[1] and "note" not in rows[1]
    assert all(type(r["count"]) is int and type(r["flag"]) is bool for r in rows)


def test_columns_and_dicts_store_the_same_graph(tmp_path: Path) -> None:
    by_columns, by_dicts = NetworkxStore(tmp_path / "a"), NetworkxStore(tmp_path / "b")
    assert by_columns.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(_nodes())) == 3
    assert by_columns.upsert_edges(EdgeKind.TRADES_WITH, ColumnRows.from_frame(_edges())) == 3
    by_dicts.upsert_nodes(NodeKind.COMPANY, _as_dicts(_nodes()))
    by_dicts.upsert_edges(EdgeKind.TRADES_WITH, _as_dicts(_edges()))
    assert _snapshot(by_columns) == _snapshot(by_dicts)
    node = by_columns.node("co:a")
    assert node is not None and node.props["aliases"] == ["A1", "A2"]
    by_columns.flush()
    by_dicts.flush()
    assert _snapshot(NetworkxStore(tmp_path / "a")) == _snapshot(NetworkxStore(tmp_path / "b"))


def test_bulk_columns_stay_arrow_until_a_row_is_read(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(_nodes()[["id", "name", "score"]]))
    names, columns = store._nodes[NodeKind.COMPANY].block()
    assert names == ["name", "score"] and all(isinstance(c, pa.ChunkedArray) for c in columns)
    store.flush()  # written straight from the Arrow columns
    again = NetworkxStore(tmp_path)
    assert isinstance(again._nodes[NodeKind.COMPANY].block()[1][0], pa.ChunkedArray)
    node = again.node("co:b")
    assert node is not None and node.props == {"name": "B ünïcode"}


def test_repeated_or_known_ids_merge_like_dict_rows() -> None:
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:a", "name": "old", "country": "CN"}])
    frame = pd.DataFrame({"id": ["co:a", "co:z", "co:z"], "name": ["A", "Z1", "Z2"]})
    assert store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(frame)) == 3
    a, z = store.node("co:a"), store.node("co:z")
    assert a is not None and a.props == {"name": "A", "country": "CN"}
    assert z is not None and z.props == {"name": "Z2"}
    assert store.counts()[NodeKind.COMPANY.value] == 2


def test_bulk_after_bulk_appends_and_keeps_both() -> None:
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(_nodes()))
    more = pd.DataFrame({"id": ["co:d", "co:e"], "name": ["D", "E"], "country": ["HK", None]})
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(more))
    d, b = store.node("co:d"), store.node("co:b")
    assert d is not None and d.props == {"name": "D", "country": "HK"}
    assert b is not None and b.props["name"] == "B ünïcode" and "country" not in b.props


def test_bad_column_rows_give_the_row_error_and_write_nothing() -> None:
    store = NetworkxStore()
    bad_id = pd.DataFrame({"id": ["co:a", ""], "name": ["A", "B"]})
    with pytest.raises(StoreError, match="Company node row 2, field 'id': missing"):
        store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(bad_id))
    nested = pd.DataFrame({"id": ["co:a"], "meta": [{"k": 1}]})
    with pytest.raises(StoreError, match=r"row 1, field 'meta'.*meta_json"):
        store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(nested))
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(_nodes()))
    dangling = pd.DataFrame({"source": ["co:a", "co:x"], "target": ["co:b", "co:y"]})
    with pytest.raises(StoreError, match="'co:x', 'co:y'"):
        store.upsert_edges(EdgeKind.OWNS, ColumnRows.from_frame(dangling))
    assert store.counts()[EdgeKind.OWNS.value] == 0
    assert store.counts()[NodeKind.COMPANY.value] == 3


def test_row_checks_on_columns_give_what_dict_rows_give() -> None:
    nodes, edges = ColumnRows.from_frame(_nodes()), ColumnRows.from_frame(_edges())
    assert node_rows(NodeKind.COMPANY, nodes, "neo4j") == node_rows(
        NodeKind.COMPANY, _as_dicts(_nodes()), "neo4j"
    )
    assert edge_rows(EdgeKind.TRADES_WITH, edges, "neo4j") == edge_rows(
        EdgeKind.TRADES_WITH, _as_dicts(_edges()), "neo4j"
    )
    # A NaN the writer did not mark absent (a hand-built column) is dropped, as in a dict row.
    raw = ColumnRows(["id", "score"], [["co:a", "co:b"], [1.0, math.nan]], 2)
    assert node_rows(NodeKind.COMPANY, raw, "neo4j") == [("co:a", {"score": 1.0}), ("co:b", {})]
    with pytest.raises(StoreError, match="TRADES_WITH edge row 2, field 'target': missing"):
        edge_rows(
            EdgeKind.TRADES_WITH, ColumnRows(["source", "target"], [["a", "b"], ["c", None]], 2), "neo4j"
        )


def test_reading_one_column_of_arrow_backed_records_gives_python_values(tmp_path: Path) -> None:
    # nodes_frame(kind, columns) reads column-wise; a bulk-written (Arrow) column must come back
    # as plain Python values, not Arrow scalars that pandas cannot order or compare.
    store = NetworkxStore(tmp_path)
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(_nodes()[["id", "name", "score"]]))
    for reader in (store, (store.flush(), NetworkxStore(tmp_path))[1]):
        frame = reader.nodes_frame(NodeKind.COMPANY, ["name", "score"])
        assert all(type(v) is str for v in frame["name"].dropna())
        assert frame["name"].dropna().min() == min(_nodes()["name"].dropna())


def test_frames_of_reloaded_records_leave_the_columns_arrow_and_match_the_row_reads(tmp_path: Path) -> None:
    # A frame of a million reloaded shipments must not turn the store's columns into Python values
    # (memory held until the store closes, and a slow flush); it must give what row reads give.
    store = NetworkxStore(tmp_path)
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(_nodes()))
    store.upsert_edges(EdgeKind.TRADES_WITH, ColumnRows.from_frame(_edges()))
    store.flush()
    again = NetworkxStore(tmp_path)
    picked = again.nodes_frame(NodeKind.COMPANY, ["score", "name", "flag", "aliases", "missing"])
    every = again.edges_frame(EdgeKind.TRADES_WITH)
    nodes, edges = again._nodes[NodeKind.COMPANY], again._edges[EdgeKind.TRADES_WITH]
    for table, name in ((nodes, "name"), (nodes, "score"), (edges, "count")):
        names, columns = table.block()
        assert isinstance(columns[names.index(name)], pa.ChunkedArray)
    rows = NetworkxStore(tmp_path)
    for node_id in rows._kind_of:  # every record read once: the frames now come from the dicts
        rows.node(node_id)
    rows.neighbours("co:b")
    pd.testing.assert_frame_equal(
        picked, rows.nodes_frame(NodeKind.COMPANY, ["score", "name", "flag", "aliases", "missing"])
    )
    pd.testing.assert_frame_equal(every, rows.edges_frame(EdgeKind.TRADES_WITH))
    assert list(every.columns) == ["source", "target", "key", "count", "value_usd"]
    assert picked["name"].tolist() == ["A", "B ünïcode", "') DETACH DELETE n //"]
    assert picked["flag"].tolist() == [True, False, True] and picked["missing"].isna().all()


def test_column_rows_for_known_ids_merge_column_by_column(tmp_path: Path) -> None:
    # ``chipwatch risk`` writes a few properties on every entity: merged into the loaded columns
    # (None leaves a value as it was), the other columns untouched, and flushed like dict rows.
    store = NetworkxStore(tmp_path)
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(_nodes()))
    store.flush()
    store = NetworkxStore(tmp_path)
    assert store.node("co:c") is not None  # one record is a dict now, the others still rows
    update = pd.DataFrame({"id": ["co:c", "co:a"], "name": ["C2", None], "risk": [0.5, 1.0]})
    assert store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(update)) == 2
    names, columns = store._nodes[NodeKind.COMPANY].block()
    assert isinstance(columns[names.index("score")], pa.ChunkedArray)
    expected = {
        "co:a": {"name": "A", "score": 1.5, "count": 1, "flag": True, "aliases": ["A1", "A2"], "risk": 1.0},
        "co:b": {"name": "B ünïcode", "count": 2, "flag": False, "aliases": []},
        "co:c": {"name": "C2", "score": 3.0, "count": 3, "flag": True, "risk": 0.5},
    }
    assert {n.id: n.props for n in store.nodes(NodeKind.COMPANY)} == expected
    store.flush()
    assert {n.id: n.props for n in NetworkxStore(tmp_path).nodes(NodeKind.COMPANY)} == expected
    mixed = pd.DataFrame({"id": ["co:a", "co:new"], "name": ["A3", "N"]})  # known and new: row by row
    store.upsert_nodes(NodeKind.COMPANY, ColumnRows.from_frame(mixed))
    assert [store.node(i).props["name"] for i in ("co:a", "co:new")] == ["A3", "N"]  # type: ignore[union-attr]


def test_reloaded_edge_ends_share_one_string_per_distinct_id(tmp_path: Path) -> None:
    # A million shipments name ~100,000 parties: a string object per edge end would cost hundreds of MB.
    store = NetworkxStore(tmp_path)
    ships = pd.DataFrame({"id": [f"ship:{i}" for i in range(50)]})
    store.upsert_nodes(NodeKind.SHIPMENT, ColumnRows.from_frame(ships))
    store.upsert_nodes(NodeKind.TRADE_PARTY, ColumnRows.from_frame(pd.DataFrame({"id": ["party:a"]})))
    edges = pd.DataFrame({"source": ["party:a"] * 50, "target": ships["id"]})
    store.upsert_edges(EdgeKind.SHIPPER_OF, ColumnRows.from_frame(edges))
    store.flush()
    again = NetworkxStore(tmp_path)
    sources = [s for s, _, _ in again._edges[EdgeKind.SHIPPER_OF]]
    assert len(sources) == 50 and all(s is sources[0] for s in sources)
    assert {e.target for e in again.neighbours("party:a", [EdgeKind.SHIPPER_OF])} == set(ships["id"])
