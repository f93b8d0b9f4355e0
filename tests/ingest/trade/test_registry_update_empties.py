"""A registry or ownership file whose newer row empties a field: the next graph sync removes it
from the company node or OWNS edge, on both stores, and keeps what other writers put there."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore
from graph.stores import NetworkxStore
from ingest.trade.graph_sync import sync_trade_graph
from ingest.trade.load import ingest_trade_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "companies"
CH = FIXTURES / "uk_companies_house_basic_sample_2021-01.csv"
TODAY = dt.date(2026, 11, 1)
COMPANY = "co:gb_ch:08209948"  # "! LTD": incorporated 11/09/2012, SIC 99999 - Dormant Company
OWNED = "co:gb_ch:12778855"  # "! LIMITED"


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


def _registry_update(target: Path) -> Path:
    """The Companies House sample as published, with the company's incorporation date and SIC
    text emptied (a later basic-data file that no longer has them)."""
    text = CH.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    head = [h.strip() for h in rows[0]]
    for row in rows[1:]:
        if row[head.index("CompanyNumber")] == COMPANY.rsplit(":", 1)[1]:
            row[head.index("IncorporationDate")] = row[head.index("SICCode.SicText_1")] = ""
    with target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows(rows)
    return target


def test_a_registry_update_that_empties_fields_removes_them(store: GraphStore, tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    ownership = tmp_path / "ownership.csv"
    ownership.write_text(
        "owner_id,owned_id,share_pct,as_of,relationship\n08209948,12778855,60,2024-01-01,direct\n"
    )
    ingest_trade_file(settings, "companies", CH, today=TODAY)
    ingest_trade_file(settings, "ownership", ownership, today=TODAY)
    sync_trade_graph(settings, store=store)
    node = store.node(COMPANY)
    assert node is not None
    assert node.props["incorporation_date"] == "2012-09-11" and node.props["business_type"]
    (owns,) = store.neighbours(COMPANY, [EdgeKind.OWNS], "out")
    assert owns.target == OWNED
    assert owns.props["pct"] == 60.0 and owns.props["as_of"] == "2024-01-01"
    store.upsert_nodes(NodeKind.COMPANY, [{"id": COMPANY, "risk_level": "review"}])  # risk's own

    ingest_trade_file(settings, "companies", _registry_update(tmp_path / "ch_update.csv"), today=TODAY)
    ownership.write_text("owner_id,owned_id,share_pct,as_of\n08209948,12778855,,2025-06-30\n")
    ingest_trade_file(settings, "ownership", ownership, today=TODAY)
    sync_trade_graph(settings, store=store)

    node = store.node(COMPANY)
    assert node is not None
    assert "incorporation_date" not in node.props and "business_type" not in node.props
    assert node.props["name"] == "! LTD" and node.props["risk_level"] == "review"
    (owns,) = store.neighbours(COMPANY, [EdgeKind.OWNS], "out")
    # the share the newer row leaves empty is gone (the relationship is the reader's default)
    assert dict(owns.props) == {
        "as_of": "2025-06-30",
        "provenance": "ownership.csv",
        "relationship": "shareholder",
    }

    before = store.nodes_frame(NodeKind.COMPANY), store.edges_frame(EdgeKind.OWNS)
    sync_trade_graph(settings, store=store)  # syncing the same tables again changes nothing
    assert store.nodes_frame(NodeKind.COMPANY).equals(before[0])
    assert store.edges_frame(EdgeKind.OWNS).equals(before[1])
