"""A trade-graph sync that stops mid-way (process killed, server killed, a refused row) is detected,
refused by readers and completed from the tables to exactly the graph a clean sync writes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from chipwatch import neo4j_server
from chipwatch.cli import main as cli_main
from chipwatch.settings import Settings, StoreKind
from graph.export.risk_table import RiskFilter
from graph.export.run import export_risk_list
from graph.model import EdgeKind, NodeKind
from graph.risk.run import compute_risk
from graph.store import GraphStore
from graph.stores import open_store
from graph.sync_journal import GraphSyncBusy, GraphSyncIncomplete, journaled_sync, require_synced, status
from ingest.synthetic import write_world
from ingest.trade.graph_sync import LOAD_ORDER, run_trade_sync
from ingest.trade.load import ingest_trade_file

ROOT = Path(__file__).resolve().parents[3]
TODAY = dt.date(2026, 11, 1)

#: Run in a child process: a sync whose process is SIGKILLed when it reaches the TRADES_WITH edges
#: (every node kind and the first edge kinds are written by then).
KILLED_SYNC = """
import os, signal
from chipwatch.settings import load_settings
from graph.model import EdgeKind
from graph.stores import open_store
from ingest.trade.graph_sync import run_trade_sync

settings = load_settings()
store = open_store(settings)
real = store.upsert_edges

def dying(kind, rows, **options):
    if kind is EdgeKind.TRADES_WITH:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(kind, rows, **options)

store.upsert_edges = dying
run_trade_sync(settings, store=store, reason="killed load")
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("world")
    write_world(300, 3000, 7, out)
    return out


@pytest.fixture(scope="module")
def tables(world: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the world's tables (ingested once; copied into each test's workspace)."""
    ws = tmp_path_factory.mktemp("tables-ws")
    settings = Settings(workspace=ws)
    for kind in LOAD_ORDER:
        ingest_trade_file(settings, kind, world / f"{kind.value}.csv", today=TODAY)
    return settings.tables_dir


@pytest.fixture(scope="module")
def reference(tables: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What a clean, uninterrupted sync writes (networkx): counts and every trade frame."""
    settings = _workspace(tmp_path_factory.mktemp("reference"), tables, StoreKind.NETWORKX)
    run_trade_sync(settings)
    store = open_store(settings)
    try:
        return _snapshot(store)
    finally:
        store.close()


def _workspace(root: Path, tables: Path, kind: StoreKind, base: Settings | None = None) -> Settings:
    shutil.copytree(tables, root / "tables")
    return (base or Settings()).with_(workspace=root, store=kind)


def _snapshot(store: GraphStore) -> dict[str, object]:
    trades = store.edges_frame(EdgeKind.TRADES_WITH, ["count", "value_usd", "first", "last"])
    ships = store.nodes_frame(NodeKind.SHIPMENT, ["date", "value_usd", "shipper_party_id"])
    return {
        "counts": store.counts(),
        "trades": trades.sort_values(["source", "target", "key"]).reset_index(drop=True),
        "shipments": ships.sort_values("id").reset_index(drop=True),
        "companies": sorted(store.nodes_frame(NodeKind.COMPANY)["id"]),
    }


def _assert_same(store: GraphStore, reference: dict[str, object]) -> None:
    got = _snapshot(store)
    assert got["counts"] == reference["counts"]
    assert got["companies"] == reference["companies"]
    for name in ("trades", "shipments"):
        want = reference[name]
        assert isinstance(want, pd.DataFrame)
        frame = got[name]
        assert isinstance(frame, pd.DataFrame)
        pd.testing.assert_frame_equal(
            frame[list(want.columns)].astype(str), want.astype(str), check_dtype=False
        )


def _snapshot_of(settings: Settings) -> dict[str, object]:
    store = open_store(settings)
    try:
        return _snapshot(store)
    finally:
        store.close()


def _assert_readers_refuse(settings: Settings, load_id: str, tmp_path: Path) -> None:
    with pytest.raises(GraphSyncIncomplete, match=f"graph sync of load {load_id} .* did not finish"):
        require_synced(settings)
    with pytest.raises(GraphSyncIncomplete, match="chipwatch graph-sync"):
        compute_risk(settings)
    with pytest.raises(GraphSyncIncomplete):
        export_risk_list(settings, RiskFilter(), tmp_path / "risk.csv")
    assert not (tmp_path / "risk.csv").exists()


def _cli(settings: Settings, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.MonkeyPatch.context() as mp:
        for key, value in _settings_env(settings).items():
            mp.setenv(key, value)
        try:
            cli_main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _child_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIPWATCH_")}
    return env | {"PYTHONPATH": str(ROOT)} | _settings_env(settings)


def _settings_env(settings: Settings) -> dict[str, str]:
    """``settings`` as the CHIPWATCH_* variables the CLI reads."""
    env = {"CHIPWATCH_WORKSPACE": str(settings.workspace), "CHIPWATCH_STORE": settings.store.value}
    if settings.neo4j_uri:
        env |= {
            "CHIPWATCH_NEO4J_URI": settings.neo4j_uri,
            "CHIPWATCH_NEO4J_USER": settings.neo4j_user,
            "CHIPWATCH_NEO4J_PASSWORD": settings.neo4j_password.reveal(),
            "CHIPWATCH_NEO4J_DATABASE": settings.neo4j_database,
        }
    return env


@pytest.fixture(params=["networkx", "neo4j"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path, tables: Path) -> Iterator[Settings]:
    """A fresh workspace with the world's tables and an empty graph, on each store."""
    if request.param == "networkx":
        yield _workspace(tmp_path / "ws", tables, StoreKind.NETWORKX)
        return
    base: Settings = request.getfixturevalue("neo4j_settings")
    settings = _workspace(tmp_path / "ws", tables, StoreKind.NEO4J, base)
    store = open_store(settings)
    store.clear()
    store.close()
    yield settings


def test_process_killed_mid_sync_is_detected_refused_and_rolled_forward(
    store_settings: Settings, reference: dict[str, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = store_settings
    child = subprocess.run(
        [sys.executable, "-c", KILLED_SYNC], env=_child_env(settings), capture_output=True, text=True
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    record, state = status(settings)
    assert state == "interrupted" and record is not None and record.reason == "killed load"
    assert "Shipment" in record.done and "TRADES_WITH" not in record.done
    # What a reader would have seen without the journal: a graph without the trade edges.
    half = _snapshot_of(settings)["counts"]
    assert isinstance(half, dict) and half["TRADES_WITH"] == 0
    _assert_readers_refuse(settings, record.load_id, tmp_path)
    code, out = _cli(settings, ["graph-sync", "--status"], capsys)
    assert code == 3 and f"load {record.load_id}" in out and "did not finish" in out
    code, out = _cli(settings, ["paths", "--from-country", "US"], capsys)
    assert code == 2 and "did not finish" in out and "chipwatch graph-sync" in out

    code, out = _cli(settings, ["graph-sync"], capsys)
    assert code == 0, out
    assert f"graph sync of load {record.load_id} (killed load" in out and "completed the graph" in out
    assert status(settings)[1] == "complete"
    require_synced(settings)
    store = open_store(settings)
    try:
        _assert_same(store, reference)
    finally:
        store.close()
    # Again: nothing to recover and nothing changes.
    again = run_trade_sync(settings)
    assert again.recovered is None
    store = open_store(settings)
    try:
        _assert_same(store, reference)
    finally:
        store.close()


def test_refused_row_mid_sync_is_reported_until_fixed_and_synced(
    store_settings: Settings, reference: dict[str, object], tmp_path: Path
) -> None:
    settings = store_settings
    # An address id the sync will write, already in the graph as a Person: the store refuses the
    # Address kind after Company, Person and TradeParty were written.
    address = str(reference_address(settings))
    store = open_store(settings)
    store.upsert_nodes(NodeKind.PERSON, [{"id": address, "name": "clash"}])
    store.flush()
    with pytest.raises(Exception, match=f"node '{address}' exists as Person"):
        run_trade_sync(settings, store=store, reason="clashing load")
    store.close()
    record, state = status(settings)
    assert state == "interrupted" and record is not None
    assert record.done == ("Company", "Person", "TradeParty")
    _assert_readers_refuse(settings, record.load_id, tmp_path)
    store = open_store(settings)
    try:
        assert store.delete_nodes(NodeKind.PERSON, [address]) == 1  # type: ignore[attr-defined]
        store.flush()
        outcome = run_trade_sync(settings, store=store)
        assert outcome.recovered is not None and outcome.recovered.load_id == record.load_id
        _assert_same(store, reference)
    finally:
        store.close()
    require_synced(settings)


def reference_address(settings: Settings) -> str:
    from graph.tables.trade import load_trade_tables

    return str(load_trade_tables(settings).companies["address_id"].dropna().sort_values().iloc[0])


def test_a_sync_in_progress_blocks_readers_and_a_second_sync(tmp_path: Path, tables: Path) -> None:
    settings = _workspace(tmp_path / "ws", tables, StoreKind.NETWORKX)
    with journaled_sync(settings, "first load", ("Company",)) as journal:
        with pytest.raises(GraphSyncIncomplete, match="is in progress"):
            require_synced(settings)
        with pytest.raises(GraphSyncBusy, match=f"load {journal.record.load_id}"):
            run_trade_sync(settings)
    # The first sync never completed (it wrote nothing): interrupted, not in progress, once released.
    assert status(settings)[1] == "interrupted"
    assert run_trade_sync(settings).recovered is not None
    require_synced(settings)


@pytest.mark.usefixtures("neo4j_runnable")
def test_server_killed_mid_sync_is_detected_and_rolled_forward(
    tmp_path: Path, tables: Path, reference: dict[str, object]
) -> None:
    base = Settings(workspace=tmp_path / "ws", store=StoreKind.NEO4J)
    shutil.copytree(tables, base.workspace / "tables")
    neo4j_server.start(base, timeout=240, build=False, watch_pid=os.getpid())
    try:
        settings = neo4j_server.effective_neo4j_settings(base)
        store = open_store(settings)
        pid = neo4j_server.status(base).pid
        assert pid is not None
        real = store.upsert_edges

        def kill_first(kind: EdgeKind, rows: object, **options: Any) -> int:
            if kind is EdgeKind.OWNS:  # the server dies after the nodes and the first edge kinds
                os.kill(pid, signal.SIGKILL)
            return real(kind, rows, **options)  # type: ignore[arg-type]

        store.upsert_edges = kill_first  # type: ignore[method-assign]
        with pytest.raises(Exception, match=r"unreachable|failed"):
            run_trade_sync(settings, store=store, reason="server killed")
        store.close()
        record, state = status(settings)
        assert state == "interrupted" and record is not None and "OWNS" not in record.done
        neo4j_server.stop(base)
        neo4j_server.start(base, timeout=240, build=False, watch_pid=os.getpid())
        settings = neo4j_server.effective_neo4j_settings(base)
        with pytest.raises(GraphSyncIncomplete, match=f"load {record.load_id}"):
            compute_risk(settings)
        outcome = run_trade_sync(settings)
        assert outcome.recovered is not None and outcome.recovered.load_id == record.load_id
        after = open_store(settings)
        try:
            _assert_same(after, reference)
        finally:
            after.close()
    finally:
        neo4j_server.stop(base)
