# ruff: noqa: E501  (bill-of-lading rows are long by nature)
"""Trade tables → graph rows: shared addresses, aggregated TRADES_WITH, one upsert per kind."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.tables.trade import load_trade_tables
from graph.trade_graph import TRADE_EDGES_FROM, trade_graph_frames, write_trade_graph
from ingest.trade.load import ingest_trade_file

HEADER = (
    "shipment_id,date,shipper_name,shipper_address,shipper_country,consignee_name,consignee_address,"
    "consignee_country,hs_code,value_usd,quantity"
)
SHIPMENTS = (
    HEADER
    + """
B1,2023-01-10,ACME SEMI INC,"1 Main Street, San Jose 95110",US,FAR EAST TRADING LIMITED,"Flat 5, 12 Nathan Road, Kowloon",HK,8542.31.0000,100,10
B2,2023-03-10,Acme Semi Inc,"1 MAIN ST, SAN JOSE 95110",USA,FAR EAST TRADING LIMITED,"Flat 5, 12 Nathan Road, Kowloon",HK,854231,250.5,20
B3,2023-02-01,ACME SEMI INC,"1 Main Street, San Jose 95110",US,FAR EAST TRADING LIMITED,"Flat 5, 12 Nathan Road, Kowloon",HK,9403.60,70,1
"""
)
COMPANIES = """company_id,name,country,address,city
C1,Far East Trading Limited,HK,"Flat 5, 12 Nathan Road",Kowloon
C2,Golden Bridge Ltd,HK,"FLAT 5 12 NATHAN RD",KOWLOON
"""
OWNERSHIP = "owner_id,owned_id,owner_name,owned_name,share_pct\nC1,C2,,,60\nC2,C1,,,40\n,C1,Sinno Co,,10\n"


@pytest.fixture
def tables(tmp_path: Path):
    settings = Settings(workspace=tmp_path / "ws")
    for kind, text in (("companies", COMPANIES), ("ownership", OWNERSHIP), ("shipments", SHIPMENTS)):
        path = tmp_path / f"{kind}.csv"
        path.write_text(text)
        ingest_trade_file(settings, kind, path, today=dt.date(2026, 1, 1))
    return load_trade_tables(settings)


def test_frames(tables):
    g = trade_graph_frames(tables)
    # Both companies and the consignee party sit at one Address node.
    located = g.edges[EdgeKind.LOCATED_AT]
    c_addr = set(located[located["source"].str.startswith("co:")]["target"])
    assert len(c_addr) == 1
    assert len(g.nodes[NodeKind.ADDRESS]) == 2  # Nathan Road + Main Street
    tw = g.edges[EdgeKind.TRADES_WITH].set_index("key")
    chips = tw.loc["854231"]
    assert (chips["count"], chips["value_usd"], chips["first"], chips["last"], chips["chpl_tier"]) == (
        2,
        350.5,
        "2023-01-10",
        "2023-03-10",
        "1",
    )
    assert tw.loc["940360", "count"] == 1 and tw.loc["940360"].isna()["chpl_tier"]
    # One shipper party despite "ACME SEMI INC"/"Acme Semi Inc" and "1 Main Street"/"1 MAIN ST".
    assert len(g.nodes[NodeKind.TRADE_PARTY]) == 2
    owns = g.edges[EdgeKind.OWNS]
    assert len(owns) == 3 and any(owns["source"].str.startswith("co:byname:"))
    companies = g.nodes[NodeKind.COMPANY]
    assert companies["id"].is_unique and len(companies) == 3  # two registry + one name-only owner
    assert {"country:HK", "country:US"} <= set(g.nodes[NodeKind.COUNTRY]["id"])


class RecordingStore:
    name = "recording"

    def __init__(self):
        self.calls: Counter[str] = Counter()
        self.rows: dict[str, list[dict]] = {}
        self.owned: dict[str, frozenset[str]] = {}

    def upsert_nodes(self, kind, rows, *, owned=()):
        self.calls[kind.value] += 1
        self.rows[kind.value] = list(rows)
        self.owned[kind.value] = frozenset(owned)
        return len(self.rows[kind.value])

    upsert_edges = upsert_nodes

    def edge_ends(self, kind, source_kinds=()):
        """An empty graph: no edge for the sync to compare its rows with."""
        self.calls[f"ends {kind.value}"] += 1
        self.owned[f"ends {kind.value}"] = frozenset(source_kinds)
        return pd.DataFrame({"source": [], "target": [], "key": []}, dtype=object)


def test_write_one_batched_upsert_per_kind_without_nulls(tables):
    store = RecordingStore()
    written = write_trade_graph(store, tables)  # type: ignore[arg-type]
    assert set(store.calls.values()) == {1}
    assert written["Shipment"] == 3 and written["TRADES_WITH"] == 2
    for rows in store.rows.values():
        for row in rows:
            assert all(v is not None and v == v for v in row.values())
    ship = next(r for r in store.rows["Shipment"] if r["id"] == "ship:B1")
    assert ship["hs6"] == "854231" and ship["value_usd"] == 100.0
    # whole records say which properties they own; the shared Address nodes do not
    assert {"incorporation_date", "website"} <= store.owned["Company"] and store.owned["OWNS"]
    assert store.owned["Address"] == frozenset() == store.owned["Country"]
    # the edges that follow the rows are read once per kind, as ends of the trade nodes' edges
    assert {k: v for k, v in store.owned.items() if k.startswith("ends ")} == {
        f"ends {k.value}": v for k, v in TRADE_EDGES_FROM.items()
    }


def test_frames_of_a_workspace_without_trade_rows(tmp_path: Path):
    # A header-only companies file in a fresh workspace leaves every trade table empty; the graph
    # sync after it must write nothing, not fail on a column of no countries.
    frames = trade_graph_frames(load_trade_tables(Settings(workspace=tmp_path / "ws")))
    assert all(len(frame) == 0 for frame in frames.nodes.values())
    assert all(len(frame) == 0 for frame in frames.edges.values())


def test_the_sync_owns_every_property_it_writes_but_the_shared_nodes(tables):
    """Each property a kind's rows carry is on its allow-list (TRADE_OWNED), so a field a newer
    row empties is removed from the graph; a column added without it would linger instead."""
    frames = trade_graph_frames(tables)
    assert set(frames.nodes) - set(frames.owned) == {NodeKind.ADDRESS, NodeKind.COUNTRY}
    for kind, frame in frames.nodes.items():
        if kind in frames.owned:
            assert set(frame.columns) - {"id"} == frames.owned_by(kind), kind
    for ekind, eframe in frames.edges.items():
        props = set(eframe.columns) - {"source", "target", "key"}
        assert props == frames.owned_by(ekind), ekind  # kinds without properties own none
