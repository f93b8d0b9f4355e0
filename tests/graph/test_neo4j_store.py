"""The Neo4j store's own duties: bad credentials, unreachable server, a server that dies mid-load,
all-or-nothing calls, schema, full-text index. Runs against the project's real local Neo4j.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch import neo4j_server
from chipwatch.errors import Neo4jAuthError, StoreError
from chipwatch.settings import Secret, Settings, StoreKind
from graph.model import EdgeKind, NodeKind
from graph.stores import cypher, open_store, tx_size
from graph.stores.neo4j_store import Neo4jStore, _pipelined


@pytest.fixture
def store(neo4j_settings: Settings) -> Iterator[Neo4jStore]:
    opened = Neo4jStore.from_settings(neo4j_settings)
    opened.clear()
    yield opened
    opened.close()


def test_wrong_password_is_a_clear_error_without_the_password(
    neo4j_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "S3cret-wrong-Passw0rd"
    with pytest.raises(Neo4jAuthError) as info:
        Neo4jStore.from_settings(neo4j_settings.with_(neo4j_password=Secret(wrong)))
    message = str(info.value)
    assert "refused user 'neo4j'" in message and neo4j_settings.neo4j_uri in message
    real = neo4j_settings.neo4j_password.reveal()
    for secret in (wrong, real):
        assert secret not in message and secret not in caplog.text and secret not in repr(info.value)


def test_unreachable_uri_names_it(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # free once closed: nothing listens there
    uri = f"bolt://127.0.0.1:{port}"
    with pytest.raises(StoreError, match=f"127.0.0.1:{port}.*unreachable") as info:
        Neo4jStore(uri, "neo4j", Secret("pw-never-shown"), connection_timeout=2.0)
    assert "pw-never-shown" not in str(info.value)


def test_credentials_in_the_uri_are_not_shown(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Neo4jStore("bolt://user:hunter2@127.0.0.1:1", "neo4j", Secret("x"), connection_timeout=1.0)
    assert "hunter2" not in str(info.value)


def test_open_store_finds_the_workspace_server(neo4j_settings: Settings) -> None:
    opened = open_store(neo4j_settings)
    try:
        assert opened.name == "neo4j"
        assert isinstance(opened.counts(), dict)
    finally:
        opened.close()


def test_failed_multi_batch_call_rolls_back_completely(neo4j_settings: Settings) -> None:
    store = Neo4jStore.from_settings(neo4j_settings)
    store.batch_size = 1000  # several UNWIND batches inside the one transaction
    try:
        store.clear()
        store.upsert_nodes(
            NodeKind.COMPANY, [{"id": f"co:r:{i}", "name": f"R{i}", "v": 1} for i in range(5000)]
        )
        store.upsert_edges(EdgeKind.OWNS, [{"source": "co:r:0", "target": "co:r:1", "pct": 10.0}])
        edges = [{"source": f"co:r:{i}", "target": f"co:r:{i + 1}", "pct": 99.0} for i in range(4000)]
        edges.append({"source": "co:r:1", "target": "co:ghost"})
        with pytest.raises(StoreError, match=r"co:ghost.*nothing was written"):
            store.upsert_edges(EdgeKind.OWNS, edges)
        assert store.counts()["OWNS"] == 1
        assert store.edges_frame(EdgeKind.OWNS)["pct"].tolist() == [10.0]  # not updated to 99 either
    finally:
        store.close()


def test_pipelined_statements_run_in_order_and_a_failing_one_rolls_back_the_earlier_ones(
    store: Neo4jStore,
) -> None:
    # The writes of a call are sent without waiting for each answer: a failure in a later batch
    # must still surface, and undo the batches the server already executed.
    create = "UNWIND $rows AS row CREATE (:Company:Node {id: row}) RETURN count(*) AS written"
    seen = "UNWIND $rows AS row MATCH (n:Node {id: row}) RETURN count(n) AS written"
    fail = "UNWIND $rows AS row RETURN count(1 / row) AS written"
    ok = [(create, ["co:p:1", "co:p:2"]), (seen, ["co:p:1", "co:p:2"]), (create, ["co:p:3"])]
    assert store._write("pipelined", lambda tx: _pipelined(tx, ok)) == 5
    assert store.counts()["Company"] == 3
    store.clear()
    with pytest.raises(StoreError, match=r"by zero"):
        store._write("pipelined", lambda tx: _pipelined(tx, [ok[0], (fail, [1, 0]), ok[2]]))
    assert store.counts()["Company"] == 0


def test_a_row_refused_while_the_lookup_runs_leaves_nothing_written_across_transactions(
    store: Neo4jStore,
) -> None:
    # The first transaction starts the id lookup before the rows are checked; a refused row (here
    # in what would be the third transaction) must still refuse the call before anything commits.
    store.max_tx_bytes = 10 * (tx_size.ROW_BYTES + tx_size.PROP_BYTES)  # 10 one-property rows each
    rows: list[dict[str, object]] = [{"id": f"co:v:{i}", "v": i} for i in range(29)]
    rows.append({"id": "co:v:29", "v": {"nested": 1}})
    with pytest.raises(StoreError, match=r"row 30, field 'v'"):
        store.upsert_nodes(NodeKind.COMPANY, rows)
    assert store.counts()["Company"] == 0


def test_rows_given_as_one_shot_iterators_are_all_written(store: Neo4jStore) -> None:
    # The raw ids are read before the rows are checked: an iterator must not be used up by that.
    assert store.upsert_nodes(NodeKind.COMPANY, ({"id": f"co:g:{i}", "v": i} for i in range(5))) == 5
    edges = ({"source": f"co:g:{i}", "target": f"co:g:{i + 1}", "pct": 1.0} for i in range(4))
    assert store.upsert_edges(EdgeKind.OWNS, edges) == 4
    assert store.counts()["Company"] == 5 and store.counts()["OWNS"] == 4


def test_a_kind_clash_in_a_later_transaction_keeps_the_earlier_ones(store: Neo4jStore) -> None:
    # The first transaction's lookup covers the whole call, but only its own rows are judged by it:
    # a clash in the third transaction's rows fails that transaction, as before the lookup moved.
    store.upsert_nodes(NodeKind.PERSON, [{"id": "co:k:25"}])
    store.max_tx_bytes = 10 * (tx_size.ROW_BYTES + tx_size.PROP_BYTES)
    with pytest.raises(StoreError, match=r"'co:k:25' exists as Person.*first 20 of 30 rows.*stay committed"):
        store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:k:{i}", "v": i} for i in range(30)])
    assert store.counts()["Company"] == 20


def test_fulltext_index_on_names(store: Neo4jStore) -> None:
    store.upsert_nodes(
        NodeKind.COMPANY,
        [
            {"id": "co:f:1", "name": "ООО Бета Электроникс"},
            {"id": "co:f:2", "name": "Gamma", "aliases": ["Бета Трейд"]},
            {"id": "co:f:3", "name": "Unrelated"},
        ],
    )
    found = {node_id for node_id, _ in store.search_names("Бета")}
    assert found == {"co:f:1", "co:f:2"}


@pytest.mark.slow
@pytest.mark.usefixtures("neo4j_runnable")
def test_server_killed_mid_load_is_a_store_error_and_keeps_the_previous_graph(tmp_path: Path) -> None:
    base = Settings(workspace=tmp_path, store=StoreKind.NEO4J)
    neo4j_server.start(base, timeout=240, build=False, watch_pid=os.getpid())
    try:
        settings = neo4j_server.effective_neo4j_settings(base)
        store = Neo4jStore.from_settings(settings)
        store.max_tx_bytes = 2**62  # one transaction for the whole call
        store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:k:{i}", "name": f"Kept {i}"} for i in range(100)])
        pid = neo4j_server.status(base).pid
        assert pid is not None
        # Kill the server while a single large upsert is being sent.
        timer = threading.Timer(1.5, os.kill, args=(pid, signal.SIGKILL))
        timer.start()
        rows = [{"id": f"co:k:{i}", "name": f"Replaced {i}", "pad": "x" * 50} for i in range(1_000_000)]
        with pytest.raises(StoreError) as info:
            Neo4jStore.upsert_nodes(store, NodeKind.COMPANY, rows)
        timer.join()
        assert "[neo4j]" in str(info.value) and settings.neo4j_uri in str(info.value)
        assert settings.neo4j_password.reveal() not in str(info.value)
        store.close()
        neo4j_server.stop(base)
        neo4j_server.start(base, timeout=240, build=False, watch_pid=os.getpid())
        after = Neo4jStore.from_settings(neo4j_server.effective_neo4j_settings(base))
        try:
            assert after.counts()["Company"] == 100
            assert {n.props["name"] for n in after.nodes(NodeKind.COMPANY)} == {
                f"Kept {i}" for i in range(100)
            }
        finally:
            after.close()
    finally:
        neo4j_server.stop(base)


def test_opening_replaces_the_old_schema_and_keeps_ids_unique_across_kinds(store: Neo4jStore) -> None:
    # A workspace created before: a unique constraint on :Node(id) and a synchronous full-text index.
    for statement in (
        "DROP INDEX node_id_lookup IF EXISTS",
        "DROP INDEX node_names_ec IF EXISTS",
        "CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
        "CREATE FULLTEXT INDEX node_names IF NOT EXISTS FOR (n:Company|Person) ON EACH [n.name, n.aliases]",
    ):
        store._run(statement)
    store.close()
    reopened = Neo4jStore(store.uri, store.user, store._password, store.database)
    try:
        constraints = {r["name"] for r in reopened._run("SHOW CONSTRAINTS YIELD name")}
        indexes = {
            r["name"]: r for r in reopened._run("SHOW INDEXES YIELD name, type, labelsOrTypes, options")
        }
        assert "node_id" not in constraints and "company_id" in constraints
        assert indexes["node_id_lookup"]["type"] == "RANGE" and indexes["node_id_lookup"][
            "labelsOrTypes"
        ] == ["Node"]
        assert "node_names" not in indexes
        assert indexes["node_names_ec"]["options"]["indexConfig"]["fulltext.eventually_consistent"] is True
        reopened.upsert_nodes(NodeKind.COMPANY, [{"id": "co:s:1", "name": "Sigma Chips"}])
        with pytest.raises(StoreError, match="'co:s:1' exists as Company, cannot write it as Person"):
            reopened.upsert_nodes(NodeKind.PERSON, [{"id": "co:s:2"}, {"id": "co:s:1"}])
        assert reopened.counts()["Person"] == 0
        assert [i for i, _ in reopened.search_names("sigma")] == ["co:s:1"]
    finally:
        reopened.close()


def test_edges_new_and_existing_sources_repeated_rows_in_several_batches(store: Neo4jStore) -> None:
    store.batch_size = 2
    store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:e:{i}"} for i in range(5)])
    store.upsert_edges(EdgeKind.OWNS, [{"source": "co:e:0", "target": "co:e:1", "pct": 1.0}])
    rows = [
        {"source": "co:e:0", "target": "co:e:1", "pct": 2.0},  # exists: updated
        {"source": "co:e:0", "target": "co:e:2", "pct": 3.0},  # source has OWNS edges, edge new
        {"source": "co:e:3", "target": "co:e:4", "pct": 4.0},  # source without OWNS edges
        {"source": "co:e:3", "target": "co:e:4", "as_of": "2024"},  # repeated in the same call
        {"source": "co:e:3", "target": "co:e:4", "key": "b"},  # another key: another edge
        {"source": "co:e:4", "target": "co:e:0"},
    ]
    assert store.upsert_edges(EdgeKind.OWNS, rows) == len(rows)
    assert store.upsert_edges(EdgeKind.OWNS, rows) == len(rows)  # again: changes nothing
    frame = store.edges_frame(EdgeKind.OWNS)
    got = {(r.source, r.target, r.key): (r.pct, r.as_of) for r in frame.itertuples()}
    assert {k: tuple(None if v != v else v for v in vs) for k, vs in got.items()} == {
        ("co:e:0", "co:e:1", ""): (2.0, None),
        ("co:e:0", "co:e:2", ""): (3.0, None),
        ("co:e:3", "co:e:4", ""): (4.0, "2024"),
        ("co:e:3", "co:e:4", "b"): (None, None),
        ("co:e:4", "co:e:0", ""): (None, None),
    }
    with pytest.raises(StoreError, match="co:e:ghost"):
        store.upsert_edges(
            EdgeKind.OWNS,
            [{"source": "co:e:2", "target": "co:e:3"}, {"source": "co:e:ghost", "target": "co:e:1"}],
        )
    assert store.counts()["OWNS"] == 5


def test_repeated_ids_in_one_call_and_mixed_new_and_existing_rows(store: Neo4jStore) -> None:
    store.batch_size = 3  # new and existing ids spread over several batches of one transaction
    store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:m:{i}", "name": f"M{i}", "v": i} for i in range(4)])
    rows = [{"id": f"co:m:{i}", "v": 10 + i} for i in range(2, 7)]
    rows += [{"id": "co:m:6", "extra": "x"}, {"id": "co:m:0", "v": 99, "name": None}]
    assert store.upsert_nodes(NodeKind.COMPANY, rows) == len(rows)
    got = {n.id: dict(n.props) for n in store.nodes(NodeKind.COMPANY)}
    assert got == {
        "co:m:0": {"name": "M0", "v": 99},
        "co:m:1": {"name": "M1", "v": 1},
        "co:m:2": {"name": "M2", "v": 12},
        "co:m:3": {"name": "M3", "v": 13},
        "co:m:4": {"v": 14},
        "co:m:5": {"v": 15},
        "co:m:6": {"v": 16, "extra": "x"},
    }
    assert store.counts()["Company"] == 7


def _operators(plan: dict) -> list[str]:
    return [
        plan["operatorType"].split("@")[0],
        *(op for c in plan.get("children", []) for op in _operators(c)),
    ]


def test_write_plans_seek_the_id_index_and_stream(store: Neo4jStore) -> None:
    # Planned on an empty graph (right after clear): no label scan per row, and no Eager buffering
    # of a batch in the node writes (relationship writes that SET a map always plan one).
    queries = [
        cypher.EXISTING_NODES,
        cypher.create_nodes(NodeKind.COMPANY),
        cypher.upsert_nodes(NodeKind.COMPANY),
        cypher.upsert_edges(EdgeKind.OWNS),
        cypher.edge_ends(EdgeKind.OWNS),
        cypher.create_edges(EdgeKind.OWNS),
    ]
    for query in queries:
        params = {
            "ids": ["co:x"],
            "rows": [{"id": "co:x", "source": "a", "target": "b", "key": "", "props": {}}],
        }
        with store._driver.session(database=store.database) as session:
            plan = session.run(f"EXPLAIN {query}", params).consume().plan
        ops = _operators(plan)
        assert "Eager" not in ops or "]->(t)" in query, (query, ops)
        assert not {"NodeByLabelScan", "AllNodesScan"} & set(ops), (query, ops)
        if "(s)-[r:" in query:  # edge writes find their ends by elementId, not one index seek per end
            assert ops.count("NodeByElementIdSeek") == 2 and "NodeIndexSeek" not in ops, (query, ops)


def _sampled_empty(store: Neo4jStore) -> None:
    """Resample the :Node(id) index of the empty graph and wait until its statistics say so."""
    store._run(f"CALL db.resampleIndex('{cypher.NODE_ID_INDEX}')")
    for _ in range(100):
        data = store._run("CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data")[0]["data"]
        indexes = data["indexes"]
        node_id = [i for i in indexes if i.get("labels") == ["Node"] and i.get("properties") == ["id"]]
        if node_id and node_id[0]["totalSize"] == 0 and node_id[0]["updatesSinceEstimation"] == 0:
            return
        time.sleep(0.1)
    raise AssertionError(f"the index was not resampled: {node_id}")


def test_paths_plans_seek_the_sources_even_when_planned_on_stale_statistics(store: Neo4jStore) -> None:
    # The index sampled while the graph was empty (as after clear()), then a graph loaded before
    # the next sampling: without the index hint the planner estimated a scan of the whole :Node(id)
    # index at 0 rows, chose it, and kept the plan (store_bench: path p50 ~11 ms instead of ~1.5).
    _sampled_empty(store)
    store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:s:{i}"} for i in range(200)])
    edges = [{"source": f"co:s:{i}", "target": f"co:s:{i + 1}"} for i in range(199)]
    store.upsert_edges(EdgeKind.OWNS, edges)
    params = {"sources": ["co:s:1"], "targets": ["co:s:3", "co:s:4"], "limit": 10, "symmetric": ["SAME_AS"]}
    # paths(as_of=…) too: every form then tests each step's holding period
    held = {"day": "2026-11-01", "held_kind": "OWNS", "inactive": "inactive"}
    for direction, kinds, as_of in [
        (d, k, a)
        for d, k in (("out", ()), ("both", ()), ("out", (EdgeKind.OWNS, EdgeKind.SAME_AS)))
        for a in (0, 1)
    ]:
        query = cypher.paths(4, kinds, direction, held=bool(as_of))  # type: ignore[arg-type]
        with store._driver.session(database=store.database) as session:
            plan = session.run(f"EXPLAIN {query}", params | (held if as_of else {})).consume().plan
        ops = _operators(plan)
        assert "NodeIndexSeek" in ops, (direction, kinds, as_of, ops)
        assert not {"NodeIndexScan", "NodeByLabelScan", "AllNodesScan"} & set(ops), (
            direction,
            kinds,
            as_of,
            ops,
        )


def _shipment(i: int) -> dict[str, object]:
    """A row as wide as a real shipment: 24 properties."""
    row: dict[str, object] = {"id": f"sh:w:{i}", "name": f"S{i:09d}", "value_usd": 1234.5 + i}
    row.update({f"field_{j}": f"value {j} of shipment {i}" for j in range(21)})
    return row


@pytest.mark.slow
@pytest.mark.usefixtures("neo4j_runnable")
def test_wide_rows_are_cut_into_transactions_within_the_servers_memory_limit(tmp_path: Path) -> None:
    # A server whose transactions may hold 16 MiB: 4,000 shipment rows in one transaction need
    # ~50 MB of it and fail (MemoryPoolOutOfMemoryError); sized by bytes they fit.
    base = Settings(workspace=tmp_path, store=StoreKind.NEO4J)
    neo4j_server.start(
        base,
        timeout=240,
        build=False,
        watch_pid=os.getpid(),
        neo4j_settings={"db.memory.transaction.max": "16m"},
    )
    try:
        store = Neo4jStore.from_settings(neo4j_server.effective_neo4j_settings(base))
        try:
            assert store.max_tx_bytes == int(0.3 * 16 * 2**20)  # read from the server
            rows = [_shipment(i) for i in range(4000)]
            assert store.upsert_nodes(NodeKind.SHIPMENT, rows) == 4000
            edges = [
                {"source": f"sh:w:{i}", "target": f"sh:w:{(i * 7) % 4000}", **_shipment(i)}
                for i in range(4000)
            ]
            for edge in edges:
                del edge["id"]
            assert store.upsert_edges(EdgeKind.TRADES_WITH, edges) == 4000
            assert store.counts()["Shipment"] == 4000 and store.counts()["TRADES_WITH"] == 4000
            assert store.node("sh:w:3999").props["field_20"] == "value 20 of shipment 3999"
        finally:
            store.close()
    finally:
        neo4j_server.stop(base)


def test_a_call_larger_than_one_transaction_says_what_stayed_committed(store: Neo4jStore) -> None:
    store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:p:{i}"} for i in range(30)])
    store.max_tx_bytes = 10 * (tx_size.ROW_BYTES + tx_size.PROP_BYTES)  # 10 one-property rows each
    edges = [{"source": f"co:p:{i}", "target": f"co:p:{i + 1}", "pct": 1.0} for i in range(29)]
    edges.append({"source": "co:p:0", "target": "co:p:ghost", "pct": 1.0})  # in the third transaction
    with pytest.raises(StoreError, match=r"co:p:ghost.*first 20 of 30 rows.*stay committed"):
        store.upsert_edges(EdgeKind.OWNS, edges)
    assert store.counts()["OWNS"] == 20  # the two earlier transactions, nothing of the third
    # Under the bound a call is still one transaction: nothing of it is written.
    store.max_tx_bytes = 10**9
    with pytest.raises(StoreError, match=r"co:p:ghost.*; nothing was written$"):
        store.upsert_edges(EdgeKind.OWNS, [{"source": "co:p:0", "target": "co:p:5"}, edges[-1]])
    assert store.counts()["OWNS"] == 20


_READS_BY_ID = {
    "NODE": (cypher.NODE, {"id": "co:s:1"}),
    "NODES_BY_ID": (cypher.NODES_BY_ID, {"ids": ["co:s:1", "co:s:2"]}),
    "NEIGHBOURS": (cypher.NEIGHBOURS, {"id": "co:s:1", "kinds": None, "both": True, "symmetric": []}),
    "NEIGHBOURS_OF": (
        cypher.NEIGHBOURS_OF,
        {"ids": ["co:s:1"], "kinds": None, "both": True, "symmetric": []},
    ),
    "EXPAND": (cypher.EXPAND, {"frontier": ["co:s:1"], "kinds": None}),
    "EDGES_AMONG": (cypher.EDGES_AMONG, {"ids": ["co:s:1", "co:s:2"], "kinds": None}),
    "EXISTING_NODES": (cypher.EXISTING_NODES, {"ids": ["co:s:1"]}),
    "MISSING_NODES": (cypher.MISSING_NODES, {"ids": ["co:s:1"]}),
}


@pytest.mark.parametrize("name", sorted(_READS_BY_ID))
def test_reads_by_id_seek_the_id_index_even_when_planned_on_stale_statistics(
    store: Neo4jStore, name: str
) -> None:
    # As for paths(): on statistics sampled while the graph was empty, an unhinted lookup (or a
    # plain USING INDEX) may be planned as a scan of the whole :Node(id) index, and that plan is
    # cached — every entity view, neighbour expansion or write lookup would then read every id.
    _sampled_empty(store)
    store.upsert_nodes(NodeKind.COMPANY, [{"id": f"co:s:{i}"} for i in range(200)])
    store.upsert_edges(
        EdgeKind.OWNS, [{"source": f"co:s:{i}", "target": f"co:s:{i + 1}"} for i in range(199)]
    )
    query, params = _READS_BY_ID[name]
    with store._driver.session(database=store.database) as session:
        plan = session.run(f"EXPLAIN {query}", params).consume().plan
    ops = _operators(plan)
    assert "NodeIndexSeek" in ops, (name, ops)
    assert not {"NodeIndexScan", "NodeByLabelScan", "AllNodesScan"} & set(ops), (name, ops)
