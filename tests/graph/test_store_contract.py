"""One contract suite for every GraphStore. The networkx store is the reference answer: each test
asserts concrete values and, where a query is involved, that the store under test gives exactly
what a NetworkxStore fed the same rows gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chipwatch.errors import StoreError
from graph.model import Edge, EdgeKind, NodeKind
from graph.store import GraphStore
from graph.stores import NetworkxStore

HOSTILE = "') DETACH DELETE n //"

NODES: dict[NodeKind, list[dict]] = {
    NodeKind.COMPANY: [
        {"id": "co:t:a", "name": "Alpha Trading Ltd", "country": "HK", "aliases": ["Alpha", "ALPHA HK"]},
        {"id": "co:t:b", "name": "ООО Бета Электроникс", "country": "RU"},
        {"id": "co:t:c", "name": "深圳市芯片贸易有限公司", "country": "CN", "employees": 12},
        {"id": "co:t:d", "name": "شركة دلتا للتجارة", "country": "AE", "score": 0.5},
        {"id": "co:t:e", "name": "Echo 🚀 Chips", "country": "SG", "listed": True},
        {"id": "co:t:f", "name": HOSTILE, "note": "MATCH (n) DETACH DELETE n"},
    ],
    NodeKind.LIST_ENTRY: [
        {"id": "list:US_EL:1", "name": "Beta Electronics", "programs": ["EAR"], "source": "csl"},
    ],
    NodeKind.COUNTRY: [{"id": "country:RU", "name": "Russia"}, {"id": "country:HK", "name": "Hong Kong"}],
}

EDGES: dict[EdgeKind, list[dict]] = {
    EdgeKind.TRADES_WITH: [
        {"source": "co:t:a", "target": "co:t:b", "key": "854231", "count": 3, "value_usd": 1200.5},
        {"source": "co:t:a", "target": "co:t:b", "key": "854232", "count": 1, "value_usd": 10.0},
        {"source": "co:t:c", "target": "co:t:a", "key": "854231", "count": 7},
        {"source": "co:t:b", "target": "co:t:d", "key": "847150", "first": "2023-01-02"},
        {"source": "co:t:d", "target": "co:t:e", "key": "854231"},
    ],
    EdgeKind.OWNS: [
        {"source": "co:t:c", "target": "co:t:e", "pct": 51.0, "as_of": "2024-01-01"},
        {"source": "co:t:e", "target": "co:t:f", "pct": 100.0},
    ],
    EdgeKind.SAME_AS: [
        {"source": "list:US_EL:1", "target": "co:t:b", "score": 0.93, "reasons_json": '["name"]'},
    ],
    EdgeKind.IN_COUNTRY: [
        {"source": "co:t:b", "target": "country:RU"},
        {"source": "co:t:a", "target": "country:HK"},
    ],
}


def load(store: GraphStore) -> None:
    for kind, rows in NODES.items():
        store.upsert_nodes(kind, rows)
    for ekind, erows in EDGES.items():
        store.upsert_edges(ekind, erows)


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
def reference() -> NetworkxStore:
    ref = NetworkxStore()
    load(ref)
    return ref


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def test_counts_include_every_kind_with_zeros(loaded: GraphStore) -> None:
    counts = loaded.counts()
    assert set(counts) == {k.value for k in NodeKind} | {k.value for k in EdgeKind}
    assert counts["Company"] == 6 and counts["ListEntry"] == 1 and counts["Country"] == 2
    assert counts["TRADES_WITH"] == 5 and counts["OWNS"] == 2 and counts["SAME_AS"] == 1
    assert counts["Vessel"] == 0 and counts["RELATED_TO"] == 0


def test_reupsert_is_idempotent(loaded: GraphStore, reference: NetworkxStore) -> None:
    before = (loaded.counts(), loaded.nodes_frame(NodeKind.COMPANY), loaded.edges_frame(EdgeKind.TRADES_WITH))
    load(loaded)
    assert loaded.counts() == before[0] == reference.counts()
    assert loaded.nodes_frame(NodeKind.COMPANY).equals(before[1])
    assert loaded.edges_frame(EdgeKind.TRADES_WITH).equals(before[2])


def test_unicode_and_cypher_lookalike_values_stored_verbatim(loaded: GraphStore) -> None:
    for row in NODES[NodeKind.COMPANY]:
        node = loaded.node(row["id"])
        assert node is not None and node.kind is NodeKind.COMPANY
        assert dict(node.props) == {k: v for k, v in row.items() if k != "id"}
    assert loaded.counts()["Company"] == 6  # the hostile name deleted nothing


def test_props_replaced_kept_and_none_ignored(loaded: GraphStore) -> None:
    loaded.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:a", "country": "MO", "name": None, "new": 1}])
    node = loaded.node("co:t:a")
    assert node is not None
    assert (
        node.props["country"] == "MO" and node.props["name"] == "Alpha Trading Ltd" and node.props["new"] == 1
    )
    loaded.upsert_edges(EdgeKind.OWNS, [{"source": "co:t:c", "target": "co:t:e", "pct": 60.0, "as_of": None}])
    owns = loaded.edges_frame(EdgeKind.OWNS)
    row = owns[owns["source"] == "co:t:c"].iloc[0]
    assert row["pct"] == 60.0 and row["as_of"] == "2024-01-01"


def test_nested_values_are_refused_with_the_field_named(store: GraphStore) -> None:
    with pytest.raises(StoreError, match=r"row 2, field 'evidence'.*evidence_json"):
        store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:x"}, {"id": "co:t:y", "evidence": {"a": 1}}])
    assert store.counts()["Company"] == 0  # nothing of the refused call was written


def test_node_missing_and_nodes_in_id_order(loaded: GraphStore, reference: NetworkxStore) -> None:
    assert loaded.node("co:t:nope") is None
    assert [n.id for n in loaded.nodes(NodeKind.COMPANY)] == sorted(r["id"] for r in NODES[NodeKind.COMPANY])
    assert list(loaded.nodes(NodeKind.COMPANY)) == list(reference.nodes(NodeKind.COMPANY))


def test_nodes_by_id_reads_many_kinds_at_once(loaded: GraphStore, reference: NetworkxStore) -> None:
    ids = ["list:US_EL:1", "co:t:e", "co:t:nope", "country:RU", "co:t:e", HOSTILE]
    got = loaded.nodes_by_id(ids)
    assert list(got) == ["co:t:e", "country:RU", "list:US_EL:1"]  # id order; missing ids left out
    assert got["co:t:e"] == loaded.node("co:t:e")
    assert got["co:t:e"].props["name"] == "Echo 🚀 Chips"
    assert got["list:US_EL:1"].kind is NodeKind.LIST_ENTRY
    assert got["list:US_EL:1"].props["programs"] == ["EAR"]
    assert got == reference.nodes_by_id(ids)
    assert loaded.nodes_by_id([]) == {}
    assert loaded.nodes_by_id(iter(["co:t:a"])) == {"co:t:a": reference.node("co:t:a")}


def test_edges_need_existing_ends_and_fail_whole(loaded: GraphStore) -> None:
    rows = [
        {"source": "co:t:a", "target": "co:t:c", "key": "x"},
        {"source": "co:t:a", "target": "co:t:ghost"},
    ]
    with pytest.raises(StoreError, match="co:t:ghost"):
        loaded.upsert_edges(EdgeKind.TRADES_WITH, rows)
    assert loaded.counts()["TRADES_WITH"] == 5  # the valid first row was rolled back too


def test_kind_clash_is_refused(loaded: GraphStore) -> None:
    with pytest.raises(StoreError):
        loaded.upsert_nodes(NodeKind.PERSON, [{"id": "co:t:a", "name": "Alpha as a person"}])
    assert loaded.counts()["Person"] == 0
    node = loaded.node("co:t:a")
    assert node is not None and node.kind is NodeKind.COMPANY


@pytest.mark.parametrize("direction", ["both", "out"])
@pytest.mark.parametrize("kinds", [(), (EdgeKind.TRADES_WITH,), (EdgeKind.SAME_AS, EdgeKind.IN_COUNTRY)])
def test_neighbours_match_reference(
    loaded: GraphStore, reference: NetworkxStore, direction: str, kinds: tuple[EdgeKind, ...]
) -> None:
    for node_id in ["co:t:a", "co:t:b", "list:US_EL:1", "country:RU", "co:t:none"]:
        got = loaded.neighbours(node_id, kinds, direction)  # type: ignore[arg-type]
        assert got == reference.neighbours(node_id, kinds, direction)  # type: ignore[arg-type]
        assert got == sorted(got, key=lambda e: e.identity)


def test_neighbours_of_many_nodes_in_one_read(loaded: GraphStore, reference: NetworkxStore) -> None:
    ids = ["co:t:b", "co:t:nope", "list:US_EL:1", "co:t:f", "co:t:b"]
    for kinds, direction in [((), "both"), ((EdgeKind.TRADES_WITH, EdgeKind.SAME_AS), "out")]:
        got = loaded.neighbours_of(ids, kinds, direction)  # type: ignore[arg-type]
        assert list(got) == ["co:t:b", "co:t:f", "list:US_EL:1"]  # id order; missing ids left out
        for node_id, edges in got.items():
            assert edges == loaded.neighbours(node_id, kinds, direction)  # type: ignore[arg-type]
        assert got == reference.neighbours_of(ids, kinds, direction)  # type: ignore[arg-type]
    out = loaded.neighbours_of(ids, [EdgeKind.TRADES_WITH], "out")
    assert [(e.target, e.key) for e in out["co:t:b"]] == [("co:t:d", "847150")]
    assert out["co:t:f"] == [] and out["list:US_EL:1"] == []
    assert loaded.neighbours_of([]) == {}


def test_neighbours_out_keeps_symmetric_incoming(loaded: GraphStore) -> None:
    out = loaded.neighbours("co:t:b", direction="out")
    assert {e.identity for e in out} == {
        ("IN_COUNTRY", "co:t:b", "country:RU", ""),
        ("SAME_AS", "list:US_EL:1", "co:t:b", ""),
        ("TRADES_WITH", "co:t:b", "co:t:d", "847150"),
    }


def test_paths_hop_bounds_kinds_and_direction(loaded: GraphStore, reference: NetworkxStore) -> None:
    # c -> a -> b (two TRADES_WITH keys) -> d -> e ; c -OWNS-> e
    two = loaded.paths(["co:t:c"], ["co:t:b"], max_hops=2)
    assert [p.nodes for p in two] == [("co:t:c", "co:t:a", "co:t:b")] * 2
    assert [p.edges[1].key for p in two] == ["854231", "854232"]
    assert loaded.paths(["co:t:c"], ["co:t:b"], max_hops=1) == []
    to_e = loaded.paths(["co:t:c"], ["co:t:e"], max_hops=4)
    assert [p.hops for p in to_e] == [1, 4, 4]
    assert loaded.paths(["co:t:c"], ["co:t:e"], max_hops=4, edge_kinds=[EdgeKind.OWNS])[0].hops == 1
    assert loaded.paths(["co:t:e"], ["co:t:c"], max_hops=4) == []  # directed kinds: not backwards
    back = loaded.paths(["co:t:e"], ["co:t:c"], max_hops=2, direction="both")
    assert [p.nodes for p in back] == [("co:t:e", "co:t:c")]
    for args in [
        (["co:t:c"], ["co:t:e", "co:t:d"], 4, (), "out"),
        (["co:t:a", "co:t:c"], ["co:t:e"], 3, (EdgeKind.TRADES_WITH,), "out"),
        (["co:t:e"], ["co:t:a", "country:RU"], 5, (), "both"),
        (["co:t:f"], ["co:t:a"], 6, (EdgeKind.OWNS, EdgeKind.TRADES_WITH), "both"),
    ]:
        src, dst, hops, kinds, direction = args
        got = loaded.paths(src, dst, max_hops=hops, edge_kinds=kinds, direction=direction)  # type: ignore[arg-type]
        assert got == reference.paths(src, dst, max_hops=hops, edge_kinds=kinds, direction=direction)  # type: ignore[arg-type]


def test_symmetric_kinds_walked_both_ways(loaded: GraphStore, reference: NetworkxStore) -> None:
    # SAME_AS is stored list entry -> company, yet walked from the company to the list entry.
    got = loaded.paths(["co:t:a"], ["list:US_EL:1"], max_hops=2)
    assert [p.nodes for p in got] == [("co:t:a", "co:t:b", "list:US_EL:1")] * 2
    assert got[0].edges[1] == Edge(
        "list:US_EL:1", "co:t:b", EdgeKind.SAME_AS, "", {"score": 0.93, "reasons_json": '["name"]'}
    )
    assert got == reference.paths(["co:t:a"], ["list:US_EL:1"], max_hops=2)


def test_paths_limit_and_order(loaded: GraphStore, reference: NetworkxStore) -> None:
    full = loaded.paths(["co:t:a", "co:t:c"], ["co:t:e", "co:t:d"], max_hops=5, direction="both")
    assert full == sorted(full, key=lambda p: p.sort_key())
    assert all(len(set(p.nodes)) == len(p.nodes) for p in full)
    assert (
        loaded.paths(["co:t:a", "co:t:c"], ["co:t:e", "co:t:d"], max_hops=5, direction="both", limit=3)
        == full[:3]
    )
    assert full == reference.paths(["co:t:a", "co:t:c"], ["co:t:e", "co:t:d"], max_hops=5, direction="both")


def test_paths_bad_bounds(loaded: GraphStore) -> None:
    for bad in [0, 99, "2", True]:
        with pytest.raises(StoreError, match="max_hops"):
            loaded.paths(["co:t:a"], ["co:t:b"], max_hops=bad)  # type: ignore[arg-type]


def test_subgraph_limits_and_order(loaded: GraphStore, reference: NetworkxStore) -> None:
    sub = loaded.subgraph("co:t:b", hops=1)
    assert [n.id for n in sub.nodes] == ["co:t:b", "co:t:a", "co:t:d", "country:RU", "list:US_EL:1"]
    assert sub == reference.subgraph("co:t:b", hops=1)
    small = loaded.subgraph("co:t:b", hops=2, limit=3)
    assert [n.id for n in small.nodes] == ["co:t:b", "co:t:a", "co:t:d"]
    assert all(
        e.source in {"co:t:b", "co:t:a", "co:t:d"} and e.target in {"co:t:b", "co:t:a", "co:t:d"}
        for e in small.edges
    )
    for hops, kinds, limit in [(2, (), 500), (3, (EdgeKind.TRADES_WITH,), 4), (0, (), 10)]:
        assert loaded.subgraph("co:t:b", hops=hops, edge_kinds=kinds, limit=limit) == reference.subgraph(
            "co:t:b", hops=hops, edge_kinds=kinds, limit=limit
        )
    assert loaded.subgraph("co:t:none").nodes == ()


def test_frames_match_reference(loaded: GraphStore, reference: NetworkxStore) -> None:
    for kind in NODES:
        got = loaded.nodes_frame(kind)
        assert got.to_dict("records") == reference.nodes_frame(kind).to_dict("records") or got.equals(
            reference.nodes_frame(kind)
        )
    frame = loaded.edges_frame(EdgeKind.TRADES_WITH, columns=["count"])
    assert list(frame.columns) == ["source", "target", "key", "count"]
    assert frame["key"].tolist() == ["854231", "854232", "847150", "854231", "854231"]
    companies = loaded.nodes_frame(NodeKind.COMPANY, columns=["name", "missing"])
    assert list(companies.columns) == ["id", "name", "missing"]
    assert companies["name"].tolist()[-1] == HOSTILE
    assert loaded.nodes_frame(NodeKind.VESSEL).empty


def test_delete_edges(loaded: GraphStore) -> None:
    gone = loaded.delete_edges(
        EdgeKind.TRADES_WITH, [("co:t:a", "co:t:b", "854231"), ("co:t:a", "co:t:b", "nope"), ("x", "y", "")]
    )
    assert gone == 1
    assert loaded.counts()["TRADES_WITH"] == 4
    assert [p.edges[1].key for p in loaded.paths(["co:t:c"], ["co:t:b"], max_hops=2)] == ["854232"]


def test_edge_ends_without_properties_by_source_kind(loaded: GraphStore, reference: NetworkxStore) -> None:
    def ends(kind: EdgeKind, sources: tuple[NodeKind, ...] = ()) -> list[tuple[str, str, str]]:
        frame = loaded.edge_ends(kind, sources)
        assert list(frame.columns) == ["source", "target", "key"]
        got = sorted(frame.itertuples(index=False, name=None))
        assert got == sorted(reference.edge_ends(kind, sources).itertuples(index=False, name=None))
        return got

    assert ends(EdgeKind.TRADES_WITH) == sorted(
        (r["source"], r["target"], r.get("key", "")) for r in EDGES[EdgeKind.TRADES_WITH]
    )
    # only edges whose source node is of the given kinds; a kind with no such edge is empty
    assert ends(EdgeKind.SAME_AS, (NodeKind.LIST_ENTRY,)) == [("list:US_EL:1", "co:t:b", "")]
    assert ends(EdgeKind.SAME_AS, (NodeKind.COMPANY, NodeKind.PERSON)) == []
    assert ends(EdgeKind.IN_COUNTRY, (NodeKind.COMPANY, NodeKind.LIST_ENTRY)) == [
        ("co:t:a", "country:HK", ""),
        ("co:t:b", "country:RU", ""),
    ]
    assert ends(EdgeKind.OWNS, (NodeKind.LIST_ENTRY,)) == [] and ends(EdgeKind.RELATED_TO) == []


def test_delete_nodes_detaches(loaded: GraphStore) -> None:
    assert loaded.delete_nodes(NodeKind.COMPANY, ["co:t:b", "co:t:zzz"]) == 1  # type: ignore[attr-defined]
    counts = loaded.counts()
    assert counts["Company"] == 5 and counts["SAME_AS"] == 0 and counts["TRADES_WITH"] == 2


def test_clear(loaded: GraphStore) -> None:
    loaded.clear()
    assert set(loaded.counts().values()) == {0}
    assert loaded.node("co:t:a") is None


def test_ten_thousand_node_batch(store: GraphStore) -> None:
    rows = [{"id": f"co:bulk:{i:05d}", "name": f"Bulk {i} ☃", "n": i} for i in range(10_000)]
    assert store.upsert_nodes(NodeKind.COMPANY, rows) == 10_000
    edges = [
        {"source": f"co:bulk:{i:05d}", "target": f"co:bulk:{(i + 1) % 10_000:05d}"} for i in range(10_000)
    ]
    assert store.upsert_edges(EdgeKind.OWNS, edges) == 10_000
    assert store.upsert_nodes(NodeKind.COMPANY, rows) == 10_000
    counts = store.counts()
    assert counts["Company"] == 10_000 and counts["OWNS"] == 10_000
    frame = store.nodes_frame(NodeKind.COMPANY)
    assert frame["n"].tolist() == list(range(10_000))
    path = store.paths(["co:bulk:09998"], ["co:bulk:00001"], max_hops=3)
    assert [p.nodes for p in path] == [("co:bulk:09998", "co:bulk:09999", "co:bulk:00000", "co:bulk:00001")]


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)
_value = st.one_of(_text, st.integers(-(2**62), 2**62), st.booleans(), st.lists(_text, max_size=3))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(props=st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True), _value, max_size=5))
def test_any_scalar_props_round_trip_and_reupsert_changes_nothing(store: GraphStore, props: dict) -> None:
    props.pop("id", None)
    row = {"id": "co:h:1", "name": "H", **props}
    store.upsert_nodes(NodeKind.COMPANY, [row])
    first = store.node("co:h:1")
    store.upsert_nodes(NodeKind.COMPANY, [row])
    assert store.node("co:h:1") == first
    assert first is not None and {**first.props} == {k: v for k, v in row.items() if k != "id"}
    store.clear()


# --- owned properties: a writer of whole records removes what its row leaves out ---------------

COMPANY_RECORD = frozenset({"name", "country", "aliases", "employees"})


def _company_rows(rows: list[dict], as_columns: bool) -> object:
    """``rows`` as dicts or, as the syncs write them, as columns (networkx merges those in bulk)."""
    if not as_columns:
        return rows
    import pandas as pd

    from graph.stores.columns import ColumnRows

    return ColumnRows.from_frame(pd.DataFrame(rows))


@pytest.mark.parametrize("as_columns", [False, True], ids=["dicts", "columns"])
def test_owned_props_left_out_are_removed_the_others_kept(loaded: GraphStore, as_columns: bool) -> None:
    # another writer's partial row (risk results) on the same node
    loaded.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:a", "risk_score": 40.0}])
    rows = [
        {"id": "co:t:a", "name": "Alpha Trading Ltd", "country": None},  # country: emptied
        {"id": "co:t:c", "name": "深圳市芯片贸易有限公司", "country": "CN"},  # employees: gone
    ]
    loaded.upsert_nodes(NodeKind.COMPANY, _company_rows(rows, as_columns), owned=COMPANY_RECORD)  # type: ignore[arg-type]
    a, c = loaded.node("co:t:a"), loaded.node("co:t:c")
    assert a is not None and dict(a.props) == {"name": "Alpha Trading Ltd", "risk_score": 40.0}
    assert c is not None and dict(c.props) == {"name": "深圳市芯片贸易有限公司", "country": "CN"}
    b = loaded.node("co:t:b")  # not in the call: untouched
    assert b is not None and dict(b.props) == {"name": "ООО Бета Электроникс", "country": "RU"}


def test_owned_edge_props_left_out_are_removed(loaded: GraphStore) -> None:
    owns = [{"source": "co:t:c", "target": "co:t:e", "pct": 51.0}]  # as_of: emptied
    loaded.upsert_edges(EdgeKind.OWNS, owns, owned={"pct", "as_of"})
    trades = [{"source": "co:t:a", "target": "co:t:b", "key": "854231", "count": 3}]  # value_usd gone
    loaded.upsert_edges(EdgeKind.TRADES_WITH, trades, owned={"count", "value_usd", "first", "last"})
    (edge,) = [e for e in loaded.neighbours("co:t:c", [EdgeKind.OWNS], "out")]
    assert dict(edge.props) == {"pct": 51.0}
    kept = {e.key: dict(e.props) for e in loaded.neighbours("co:t:a", [EdgeKind.TRADES_WITH], "out")}
    assert kept == {"854231": {"count": 3}, "854232": {"count": 1, "value_usd": 10.0}}


def test_ownership_period_round_trips_and_a_newer_record_replaces_it(
    loaded: GraphStore, reference: NetworkxStore
) -> None:
    """The trade sync's OWNS record (graph.trade_graph.TRADE_OWNED) carries the holding's period
    and status; a later record of the holding (reactivated: no end) removes the end on both stores."""
    from graph.trade_graph import TRADE_OWNED

    owned = TRADE_OWNED[EdgeKind.OWNS]
    cols = ["pct", "as_of", "provenance", "status", "start_date", "end_date"]
    ended = {"pct": 60.0, "as_of": "2024-05-04", "provenance": "GLEIF RR", "status": "inactive"}
    rows = [
        {
            "source": "co:t:c",
            "target": "co:t:e",
            **ended,
            "start_date": "2015-03-01",
            "end_date": "2020-06-30",
        }
    ]
    later = [
        {"source": "co:t:c", "target": "co:t:e", **ended, "status": "active", "start_date": "2015-03-01"}
    ]
    for target in (loaded, reference):
        target.upsert_edges(EdgeKind.OWNS, rows, owned=owned)
    got = loaded.edges_frame(EdgeKind.OWNS, cols).sort_values("target").to_dict("records")
    assert got == reference.edges_frame(EdgeKind.OWNS, cols).sort_values("target").to_dict("records")
    assert (got[0]["status"], got[0]["start_date"], got[0]["end_date"]) == (
        "inactive",
        "2015-03-01",
        "2020-06-30",
    )
    for target in (loaded, reference):
        target.upsert_edges(EdgeKind.OWNS, later, owned=owned)
    (edge,) = loaded.neighbours("co:t:c", [EdgeKind.OWNS], "out")
    assert dict(edge.props) == {**ended, "status": "active", "start_date": "2015-03-01"}
    (ref_edge,) = reference.neighbours("co:t:c", [EdgeKind.OWNS], "out")
    assert dict(ref_edge.props) == dict(edge.props)


def test_owned_rows_of_one_id_fold_before_removing(loaded: GraphStore, reference: NetworkxStore) -> None:
    rows = [
        {"id": "co:t:a", "name": "Alpha", "country": "HK"},
        {"id": "co:t:a", "name": "Alpha Two"},  # later values win; country kept from the first row
        {"id": "co:t:new", "name": "New", "employees": 3},
    ]
    for target in (loaded, reference):
        target.upsert_nodes(NodeKind.COMPANY, rows, owned=COMPANY_RECORD)
        target.upsert_edges(
            EdgeKind.OWNS,
            [
                {"source": "co:t:c", "target": "co:t:e", "pct": 50.0},
                {"source": "co:t:c", "target": "co:t:e", "as_of": "2025-01-01"},
            ],
            owned={"pct", "as_of"},
        )
    for store in (loaded, reference):
        a = store.node("co:t:a")
        assert a is not None and dict(a.props) == {"name": "Alpha Two", "country": "HK"}
    assert loaded.nodes_frame(NodeKind.COMPANY).equals(reference.nodes_frame(NodeKind.COMPANY))
    assert loaded.edges_frame(EdgeKind.OWNS).equals(reference.edges_frame(EdgeKind.OWNS))
    assert reference.edges_frame(EdgeKind.OWNS).set_index("source").loc["co:t:c", "as_of"] == "2025-01-01"


def test_owned_rewrite_of_the_same_rows_changes_nothing(loaded: GraphStore) -> None:
    rows = [{"id": "co:t:a", "name": "Alpha Trading Ltd"}, {"id": "co:t:d", "name": "Delta", "score": 0.5}]
    loaded.upsert_nodes(NodeKind.COMPANY, rows, owned=COMPANY_RECORD)
    before = (loaded.counts(), loaded.nodes_frame(NodeKind.COMPANY))
    loaded.upsert_nodes(NodeKind.COMPANY, rows, owned=COMPANY_RECORD)
    assert loaded.counts() == before[0]
    assert loaded.nodes_frame(NodeKind.COMPANY).equals(before[1])


def test_owned_must_not_name_an_id_field(loaded: GraphStore) -> None:
    with pytest.raises(StoreError, match="owned"):
        loaded.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:a"}], owned={"name", "id"})
    with pytest.raises(StoreError, match="owned"):
        loaded.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:a"}], owned="name")
    with pytest.raises(StoreError, match="owned"):
        loaded.upsert_edges(EdgeKind.OWNS, [{"source": "co:t:c", "target": "co:t:e"}], owned={"key"})
    a = loaded.node("co:t:a")
    assert a is not None and a.props["name"] == "Alpha Trading Ltd"  # nothing was written


def test_paths_as_of_walk_only_holdings_current_that_day(store: GraphStore) -> None:
    """``as_of``: an OWNS edge that does not hold on the day (ended before it, begun after it,
    inactive without an end date; graph.holdings) is not walked; other kinds are; both stores
    answer alike, whatever the period values hold."""
    periods = [
        ("co:t:a", {"end_date": "2020-06-30", "start_date": "2015-03-01", "status": "inactive"}),
        ("co:t:b", {"start_date": "2027-01-01"}),
        ("co:t:c", {"status": " INACTIVE "}),
        ("co:t:d", {"status": "inactive", "end_date": "2030-12-31T00:00:00Z"}),  # holds until 2030
        ("co:t:e", {"end_date": 20200630, "start_date": ["2030"]}),  # not text: absent
    ]
    rows = [{"source": "co:t:f", "target": t, "pct": 60.0, **p} for t, p in periods]
    rows.append({"source": "co:t:a", "target": "list:US_EL:1", "pct": 10.0})  # current: no period
    store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:f", "name": "F"}, {"id": "co:t:a", "name": "A"}])
    store.upsert_nodes(NodeKind.COMPANY, [{"id": c, "name": c} for c, _ in periods[1:]])
    store.upsert_nodes(NodeKind.LIST_ENTRY, [{"id": "list:US_EL:1", "name": "Beta Electronics"}])
    store.upsert_edges(EdgeKind.OWNS, rows)
    store.upsert_edges(EdgeKind.TRADES_WITH, [{"source": "co:t:c", "target": "co:t:a", "key": "854231"}])
    ref = NetworkxStore()
    ref.upsert_nodes(
        NodeKind.COMPANY,
        [{"id": c, "name": c} for c in ("co:t:a", "co:t:b", "co:t:c", "co:t:d", "co:t:e", "co:t:f")],
    )
    ref.upsert_nodes(NodeKind.LIST_ENTRY, [{"id": "list:US_EL:1", "name": "Beta Electronics"}])
    ref.upsert_edges(EdgeKind.OWNS, rows)
    ref.upsert_edges(EdgeKind.TRADES_WITH, [{"source": "co:t:c", "target": "co:t:a", "key": "854231"}])
    targets = [c for c, _ in periods]

    def reached(s: GraphStore, day: str | None, **kw: object) -> list[tuple[str, ...]]:
        return [p.nodes for p in s.paths(["co:t:f"], targets, max_hops=1, as_of=day, **kw)]  # type: ignore[arg-type]

    everything = [("co:t:f", t) for t in targets]
    assert reached(store, None) == everything  # without a day every edge is walked
    assert reached(store, "2026-11-01") == [("co:t:f", "co:t:d"), ("co:t:f", "co:t:e")]
    assert reached(store, "2020-01-01") == [("co:t:f", "co:t:a"), ("co:t:f", "co:t:d"), ("co:t:f", "co:t:e")]
    assert reached(store, "2027-01-01") == [("co:t:f", "co:t:b"), ("co:t:f", "co:t:d"), ("co:t:f", "co:t:e")]
    # every pattern form (directed, both ways, mixed with SAME_AS) and longer paths, as the reference
    for day in ("2020-01-01", "2026-11-01", "2027-06-30"):
        for kinds, direction in [((), "out"), ((), "both"), ((EdgeKind.OWNS, EdgeKind.SAME_AS), "out")]:
            query: dict[str, Any] = {"max_hops": 3, "edge_kinds": kinds, "direction": direction, "as_of": day}
            targets_a = ["list:US_EL:1", "co:t:a"]
            assert store.paths(["co:t:f"], targets_a, **query) == ref.paths(["co:t:f"], targets_a, **query)
    # f -> c (inactive) -> a: gone as of any day; f -> a -> list entry only while a was held
    via_c = [p.nodes for p in store.paths(["co:t:f"], ["list:US_EL:1"], max_hops=3, as_of="2019-01-01")]
    assert via_c == [("co:t:f", "co:t:a", "list:US_EL:1")]
    assert store.paths(["co:t:f"], ["list:US_EL:1"], max_hops=3, as_of="2026-11-01") == []
