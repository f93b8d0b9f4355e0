"""The offline bulk import (first load into an empty local Neo4j) gives exactly the graph the
transactional path gives, hostile values included; a failed import leaves the database empty and
the sync journal says so; the next sync completes it, and one more changes nothing.

These tests start their own server (the import stops and restarts it), next to the session's.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from chipwatch import neo4j_server
from chipwatch.errors import StoreError
from chipwatch.settings import Settings, StoreKind
from graph.model import EdgeKind, NodeKind
from graph.stores import neo4j_import, open_store
from graph.stores.neo4j_store import Neo4jStore
from graph.sync_journal import GraphSyncIncomplete, read, require_synced
from graph.tables.trade import load_trade_tables
from graph.trade_graph import GraphFrames, trade_graph_frames, write_graph_frames
from ingest.synthetic import write_world
from ingest.trade.graph_sync import LOAD_ORDER, run_trade_sync
from ingest.trade.load import ingest_trade_file

TODAY = dt.date(2026, 11, 1)

HOSTILE_NAMES = [
    'ACME "Quoted", Ltd\nsecond line',
    "tab\there, crlf\r\nend",
    "  leading and trailing  ",
    "",
    "Ünïcødé 北京 Москва 🚢 ½",
    "unit\x1fseparator",
    "semi;colon|pipe,comma",
    "back\\slash \\N NULL null",
    '"',
]
HOSTILE_ALIASES: list[list[str]] = [
    ["a,b", "c;d", 'e"f'],
    [],
    [""],
    ["x\x1fy", "z"],
    ["line\nbreak", " spaced "],
    ["Москва", "北京"],
    ["only"],
    ["", "after empty"],
    ["true", "1.5"],
]


@pytest.fixture(scope="module")
def own_server(neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A second local server for this module's workspace (``neo4j_settings`` only for its skip rules)."""
    ws = Settings(workspace=tmp_path_factory.mktemp("bulk-import"), store=StoreKind.NEO4J)
    neo4j_server.start(ws, timeout=240, build=False, watch_pid=os.getpid())
    try:
        yield ws
    finally:
        neo4j_server.stop(ws)
        shutil.rmtree(ws.neo4j_dir / "dbms", ignore_errors=True)


@pytest.fixture(scope="module")
def world(own_server: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """``own_server``'s workspace with a small synthetic world in its tables."""
    out = tmp_path_factory.mktemp("world")
    write_world(300, 3000, 7, out)
    for kind in LOAD_ORDER:
        ingest_trade_file(own_server, kind, out / f"{kind.value}.csv", source="synthetic", today=TODAY)
    return own_server


def _hostile(frames: GraphFrames) -> GraphFrames:
    """``frames`` plus companies and edges whose values stress the CSV: quotes, newlines,
    delimiters, non-ASCII, empty strings and lists, mixed types, typed lists."""
    ids = [
        f'company:hostile "{i}",\n{name[:3]}' if i % 2 else f"company:hostile-{i}-ü"
        for i, name in enumerate(HOSTILE_NAMES)
    ]
    n = len(ids)
    extra = pd.DataFrame(
        {
            "id": ids,
            "name": HOSTILE_NAMES,
            "aliases": HOSTILE_ALIASES,
            "country": ["DE"] * n,
            # mixed int/float/bool/str in one column: each keeps its own type
            "score": pd.Series([1, 2.5, True, "3", 4, None, 7.0, -0.0, 2**40], dtype=object),
            "flag": pd.Series([True, False] * 4 + [None], dtype=object),
            "counts": [[1, 2, 3], [], [0], [2**40], [-1], [5, 6], [7], [8], [9]],
            "weights": [[0.1, 1e-300], [2.5], [1.0], [3.0], [float("inf")], [0.3], [1e300], [5e-324], [0.5]],
            "yes": [[True, False]] * n,
        }
    )
    companies = frames.nodes[NodeKind.COMPANY]
    frames.nodes[NodeKind.COMPANY] = pd.concat([companies, extra], ignore_index=True)
    first = str(companies["id"].iloc[0])
    owns = pd.DataFrame(
        {
            "source": ids,
            "target": [first] * n,
            "key": [name[:12] for name in HOSTILE_NAMES],
            "pct": [0.5, 0.25, 1.0, 0.0, 0.1, 0.2, 0.3, 0.4, 0.6],
            "provenance": HOSTILE_NAMES,
            "as_of": [[], ["2024"], [""], ["a", "b"], ["x"], ["y"], ["z"], ["w"], ["v"]],
        }
    )
    frames.edges[EdgeKind.OWNS] = pd.concat([frames.edges[EdgeKind.OWNS], owns], ignore_index=True)
    return frames


def _typed(value: Any) -> Any:
    """``value`` with its type spelled out (1 == 1.0 == True in Python; not in the graph)."""
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, value)


def _dump(store: Neo4jStore) -> tuple[list[Any], list[Any], list[Any]]:
    nodes = store._read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = store._read(
        "MATCH (s)-[r]->(t) RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props"
    )
    schema = store._read(
        "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state "
        "RETURN name, type, entityType, labelsOrTypes, properties, state"
    )

    def props(p: dict[str, Any]) -> list[Any]:
        return sorted((k, _typed(v)) for k, v in p.items())

    return (
        sorted((sorted(r["labels"]), props(r["props"])) for r in nodes),
        sorted((r["source"], r["type"], r["target"], props(r["props"])) for r in rels),
        sorted(tuple(map(str, r.values())) for r in schema),
    )


def _open(settings: Settings) -> Neo4jStore:
    store = open_store(settings)
    assert isinstance(store, Neo4jStore)
    store.bulk_min_rows = 0  # a small world, to test what a million shipments take
    return store


def test_bulk_import_gives_the_graph_the_transactional_path_gives(world: Settings) -> None:
    own_server = world
    store = _open(own_server)
    try:
        assert store.local_server is not None
        store.clear()
        frames = _hostile(trade_graph_frames(load_trade_tables(own_server)))
        bulk = store.bulk_load(frames.nodes, frames.edges)
        assert bulk is not None, "an empty local database takes the importer"
        assert not frames.nodes and not frames.edges
        imported = _dump(store)
        hostile = [n for n in imported[0] if "company:hostile" in str(n)]
        assert len(hostile) == len(HOSTILE_NAMES)
        # A non-empty database never does.
        again = _hostile(trade_graph_frames(load_trade_tables(own_server)))
        assert store.bulk_load(again.nodes, again.edges) is None

        store.clear()
        store.bulk_min_rows = 10**12
        written = write_graph_frames(store, _hostile(trade_graph_frames(load_trade_tables(own_server))))
        transactional = _dump(store)
    finally:
        store.close()
    assert written == bulk
    assert imported[0] == transactional[0]
    assert imported[1] == transactional[1]
    assert imported[2] == transactional[2]
    companies = [dict(p) for _, p in hostile]
    assert sorted(c["name"][1] for c in companies) == sorted(HOSTILE_NAMES)
    assert sorted(c["aliases"] for c in companies) == sorted(_typed(a) for a in HOSTILE_ALIASES)
    assert ("list", [("float", 0.1), ("float", 1e-300)]) in [c["weights"] for c in companies]


def test_bulk_import_refuses_what_upserts_refuse(world: Settings) -> None:
    own_server = world
    store = _open(own_server)
    try:
        store.clear()
        # The same server named by a URI (as a remote one would be) never takes the importer.
        remote = Neo4jStore.from_settings(neo4j_server.effective_neo4j_settings(own_server))
        remote.bulk_min_rows = 0
        frames = trade_graph_frames(load_trade_tables(own_server))
        try:
            assert remote.local_server is None and remote.bulk_load(frames.nodes, frames.edges) is None
        finally:
            remote.close()
        frames = trade_graph_frames(load_trade_tables(own_server))
        frames.edges[EdgeKind.OWNS] = pd.concat(
            [frames.edges[EdgeKind.OWNS], pd.DataFrame({"source": ["company:nowhere"], "target": ["x"]})]
        )
        with pytest.raises(
            StoreError, match="OWNS edges refer to nodes that do not exist: 'company:nowhere'"
        ):
            store.bulk_load(frames.nodes, frames.edges)
        assert store._run("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
    finally:
        store.close()


def test_failed_import_leaves_the_database_empty_and_the_journal_rolls_forward(
    world: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    own_server = world
    caplog.set_level(logging.DEBUG)
    store = _open(own_server)
    password = store._password.reveal()
    try:
        store.clear()
        real = neo4j_import.importer_arguments

        def broken(prepared: Any, report: Path) -> list[str]:
            # A file the importer cannot read: it fails after the server was stopped.
            return [*real(prepared, report), f"--nodes=Company={own_server.workspace / 'missing.csv'}"]

        monkeypatch.setattr(neo4j_import, "importer_arguments", broken)
        with pytest.raises(StoreError, match=r"bulk import failed.*left empty") as failure:
            run_trade_sync(own_server, store=store, reason="broken import")
        assert password not in str(failure.value) and password not in caplog.text
        assert neo4j_server.status(own_server).state is neo4j_server.ServerState.RUNNING
        assert store._run("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
        with pytest.raises(GraphSyncIncomplete, match="did not finish"):
            require_synced(own_server)
        record = read(own_server)
        assert record is not None and record.method == "import" and record.state == "running"

        monkeypatch.setattr(neo4j_import, "importer_arguments", real)
        outcome = run_trade_sync(own_server, store=store, reason="after the failure")
        assert outcome.recovered is not None and outcome.recovered.reason == "broken import"
        require_synced(own_server)
        record = read(own_server)
        assert record is not None and record.method == "import" and record.state == "complete"
        assert record.written == outcome.written
        first = _dump(store)
        assert len(first[0]) == sum(v for k, v in outcome.written.items() if k in {n.value for n in NodeKind})

        rerun = run_trade_sync(own_server, store=store, reason="again")  # not empty: transactional
        assert rerun.recovered is None and rerun.written == outcome.written
        record = read(own_server)
        assert record is not None and record.method == "upsert" and record.state == "complete"
        assert _dump(store) == first
    finally:
        store.close()
