"""Trade tables → the configured graph store (networkx and Neo4j), the demo world, atomic table writes."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings, StoreKind
from graph.model import EdgeKind, NodeKind
from graph.stores import open_store
from graph.tables.trade import load_trade_tables, table_path, upsert_trade_tables
from ingest.trade.graph_sync import DEMO_WORLD_DIR, ingest_demo_world, sync_trade_graph
from ingest.trade.load import ingest_trade_file

TODAY = dt.date(2026, 11, 1)
SHIPMENTS = """shipment_id,date,shipper_name,shipper_address,shipper_country,consignee_name,consignee_address,consignee_country,hs_code,value_usd,quantity
B1,2023-01-10,ACME SEMI INC,"1 Main Street, San Jose 95110",US,FAR EAST TRADING LIMITED,"Flat 5, 12 Nathan Road, Kowloon",HK,8542.31.0000,100,10
B2,2023-03-10,Acme Semi Inc,"1 MAIN ST, SAN JOSE 95110",USA,FAR EAST TRADING LIMITED,"Flat 5, 12 Nathan Road, Kowloon",HK,854231,250.5,20
"""  # noqa: E501
COMPANIES = """company_id,name,country,address,city
C1,Far East Trading Limited,HK,"Flat 5, 12 Nathan Road",Kowloon
C2,Golden Bridge Ltd,HK,"FLAT 5 12 NATHAN RD",KOWLOON
"""
OWNERSHIP = "owner_id,owned_id,share_pct\nC1,C2,60\nC2,C1,40\n"  # a cycle: must load


def _load_small(settings: Settings, tmp_path: Path) -> None:
    for kind, text in (("companies", COMPANIES), ("ownership", OWNERSHIP), ("shipments", SHIPMENTS)):
        path = tmp_path / f"{kind}.csv"
        path.write_text(text)
        ingest_trade_file(settings, kind, path, today=TODAY)


def _check_small_graph(settings: Settings) -> None:
    store = open_store(settings)
    try:
        counts = store.counts()
        assert counts[NodeKind.SHIPMENT.value] == 2 and counts[NodeKind.COMPANY.value] == 2
        assert counts[EdgeKind.OWNS.value] == 2  # both directions of the cycle
        trades = store.edges_frame(EdgeKind.TRADES_WITH)
        assert len(trades) == 1 and float(trades["count"].iloc[0]) == 2
        assert float(trades["value_usd"].iloc[0]) == pytest.approx(350.5)
        # both companies and the consignee share one address node
        located = store.edges_frame(EdgeKind.LOCATED_AT)
        hk = located[located["source"].isin(["co:csv:C1", "co:csv:C2"])]
        assert hk["target"].nunique() == 1
    finally:
        store.close()


def test_sync_to_networkx_is_idempotent_and_persisted(tmp_path):
    settings = Settings(workspace=tmp_path / "ws")
    _load_small(settings, tmp_path)
    first = sync_trade_graph(settings)
    assert first["Shipment"] == 2 and first["TRADES_WITH"] == 1
    before = open_store(settings).counts()
    sync_trade_graph(settings)
    assert open_store(settings).counts() == before  # re-reading from Parquet: nothing doubled
    _check_small_graph(settings)


@pytest.mark.skipif(
    importlib.util.find_spec("graph.stores.neo4j_store") is None, reason="Neo4jStore not written yet"
)
def test_sync_to_neo4j(neo4j_settings, tmp_path):
    settings = neo4j_settings.with_(workspace=tmp_path / "ws", store=StoreKind.NEO4J)
    store = open_store(settings)
    store.clear()
    store.close()
    _load_small(settings, tmp_path)
    sync_trade_graph(settings)
    sync_trade_graph(settings)
    _check_small_graph(settings)


def test_failed_table_write_keeps_every_previous_table(tmp_path):
    settings = Settings(workspace=tmp_path / "ws")
    _load_small(settings, tmp_path)
    before = {n: table_path(settings, n).read_bytes() for n in ("companies", "shipments")}
    companies = load_trade_tables(settings).companies.head(1).assign(name="Changed Name Ltd")
    unstorable = load_trade_tables(settings).shipments.head(1).assign(description=[object()])
    with pytest.raises(Exception):  # pyarrow cannot store a bare object
        upsert_trade_tables(settings, {"companies": companies, "shipments": unstorable})
    assert {n: table_path(settings, n).read_bytes() for n in before} == before
    assert not [p for p in settings.tables_dir.iterdir() if p.suffix == ".tmp"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Settings:
    settings = Settings(workspace=tmp_path_factory.mktemp("demo"))
    loaded = ingest_demo_world(settings, today=TODAY)
    assert loaded.graph is not None and "graph:" in loaded.summary()
    return settings


def test_demo_world_loads_tables_and_graph(demo):
    truth = json.loads((DEMO_WORLD_DIR / "ground_truth.json").read_text())
    tables = load_trade_tables(demo)
    assert len(tables.companies) == truth["companies"]
    assert len(tables.shipments) == truth["shipments"]
    store = open_store(demo)
    try:
        counts = store.counts()
        assert counts[NodeKind.SHIPMENT.value] == truth["shipments"]
        for scheme in truth["schemes"]:
            for node_id in scheme["path"]:
                assert store.node(node_id) is not None, (scheme["scheme_id"], node_id)
            for sid in scheme["shipment_ids"]:
                assert store.node(f"ship:{sid}") is not None
    finally:
        store.close()


def test_demo_world_reload_changes_nothing(demo):
    before = open_store(demo).counts()
    tables_before = {p.name: p.read_bytes() for p in demo.tables_dir.glob("*.parquet")}
    again = ingest_demo_world(demo, today=TODAY)
    assert all(r.tables_changed == () for r in again.reports)
    assert open_store(demo).counts() == before
    assert {p.name: p.read_bytes() for p in demo.tables_dir.glob("*.parquet")} == tables_before


def test_demo_world_tables_only(tmp_path):
    settings = Settings(workspace=tmp_path / "ws")
    loaded = ingest_demo_world(settings, graph=False, today=TODAY)
    assert loaded.graph is None and not settings.graph_dir.exists()
    assert len(pd.read_parquet(table_path(settings, "shipments"))) > 10_000


def test_each_ingest_is_audited(tmp_path):
    from graph import audit

    settings = Settings(workspace=tmp_path / "ws")
    _load_small(settings, tmp_path)
    records = audit.read(settings)
    assert [r.payload["kind"] for r in records] == ["companies", "ownership", "shipments"]
    assert all(r.event == "trade_ingest" for r in records)
    assert records[2].payload["rows_accepted"]["shipments"] == 2 and len(records[2].payload["sha256"]) == 64
    assert audit.verify(settings).ok
