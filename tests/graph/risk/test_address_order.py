"""A shared address reads the same whichever source was ingested first, on both stores.

A list entry, a registry company and a bill-of-lading party at one address share one Address
node, each writing it in its own spelling. The node must not keep the last writer's line, and
``LISTED_ADDRESS_MATCH`` evidence must name the list's own line (with its version) next to the
party's, so the same flag reads the same after ``lists then trade`` and ``trade then lists``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from chipwatch.settings import Settings, StoreKind
from graph.list_graph import with_addresses
from graph.model import EdgeKind, NodeKind
from graph.risk.run import analyse
from graph.stores import open_store
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.graph_sync import sync_trade_graph
from ingest.trade.load import ingest_trade_file

TODAY = dt.date(2026, 11, 1)
AS_OF = dt.date(2026, 6, 1)
LIST_CSV = (
    "id,name,aliases,type,country,address,list,program,start_date,source_url,remarks\n"
    "EL-1,Shadow Components Limited,,company,HK,"
    '"Flat 5, 12 Nathan Road, Kowloon, Hong Kong",US_EL,EAR74,2024-06-12,,\n'
)
LIST_LINE = "Flat 5, 12 Nathan Road, Kowloon"  # the reader keeps the country as a field
COMPANY_LINE = "FLAT 5 12 NATHAN RD, KOWLOON"
COMPANIES = 'company_id,name,country,address,city\nC1,Bright Harbour Ltd,HK,"FLAT 5 12 NATHAN RD",KOWLOON\n'
PARTY_LINE = "Flat 5 12 Nathan Rd Kowloon HK"
SHIPMENTS = (
    "shipment_id,date,shipper_name,shipper_address,shipper_country,"
    "consignee_name,consignee_address,consignee_country,hs_code,value_usd,quantity\n"
    'B1,2025-01-10,Acme Semi Inc,"1 Main Street, San Jose 95110",US,'
    f'Kowloon Parts Co,"{PARTY_LINE}",HK,854231,100,10\n'
)


def _lists(settings: Settings, root: Path) -> None:
    path = root / "watch.csv"
    path.write_text(LIST_CSV)
    ingest_list_files(settings, [path])


def _trade(settings: Settings, root: Path) -> None:
    for kind, text in (("companies", COMPANIES), ("shipments", SHIPMENTS)):
        path = root / f"{kind}.csv"
        path.write_text(text)
        ingest_trade_file(settings, kind, path, today=TODAY)
    sync_trade_graph(settings)


def _state(settings: Settings) -> dict[str, Any]:
    """What an officer sees of the shared address: its node, every LOCATED_AT edge, the flags."""
    store = open_store(settings)
    try:
        address = store.nodes_frame(NodeKind.ADDRESS, ("name", "country"))
        located = store.edges_frame(EdgeKind.LOCATED_AT, ("line", "provenance"))
        flags = analyse(store, AS_OF).flags
    finally:
        store.close()
    hits = flags[flags["flag"] == "LISTED_ADDRESS_MATCH"]
    return {
        "addresses": sorted(map(tuple, address.astype(str).to_numpy().tolist())),
        "located": sorted(map(tuple, located[["source", "target", "line"]].astype(str).to_numpy().tolist())),
        "flags": {c: json.loads(e) for c, e in zip(hits["cluster"], hits["evidence_json"], strict=True)},
    }


def _run(settings: Settings, root: Path, first: Callable[..., None], then: Callable[..., None]) -> dict:
    first(settings, root)
    then(settings, root)
    state = _state(settings)
    # re-ingesting both changes nothing
    _lists(settings, root)
    _trade(settings, root)
    assert _state(settings) == state
    return state


def _check_both_orders(make: Callable[[str], Settings], tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    lists_first = _run(make("a"), a, _lists, _trade)
    trade_first = _run(make("b"), b, _trade, _lists)
    assert lists_first["addresses"] == trade_first["addresses"]
    assert lists_first["located"] == trade_first["located"]
    for state in (lists_first, trade_first):
        ((key, country),) = [(n, c) for _, n, c in state["addresses"] if c == "HK"]
        assert (key, country) == ("FLAT 5 12 NATHAN RD KOWLOON", "HK")
        flagged = state["flags"]
        assert set(flagged) == {"co:csv:C1", next(c for c in flagged if c.startswith("party:"))}
        for cluster, body in flagged.items():
            (item,) = body["items"]
            assert item["key"] == key
            (entry,) = item["entries"]
            assert entry["line"] == LIST_LINE and entry["list"] == "US_EL"
            assert entry["source"]  # the list version that published the line
            own = PARTY_LINE if cluster.startswith("party:") else COMPANY_LINE
            assert item["located"] == [{"entity": cluster, "line": own}]
    assert lists_first["flags"] == trade_first["flags"]


def test_listed_address_evidence_does_not_depend_on_ingest_order(tmp_path: Path) -> None:
    _check_both_orders(lambda name: Settings(workspace=tmp_path / name / "ws"), tmp_path)


def test_listed_address_evidence_does_not_depend_on_ingest_order_on_neo4j(
    neo4j_settings: Settings, tmp_path: Path
) -> None:
    def make(name: str) -> Settings:
        settings = neo4j_settings.with_(workspace=tmp_path / name / "ws", store=StoreKind.NEO4J)
        store = open_store(settings)
        store.clear()
        store.close()
        return settings

    _check_both_orders(make, tmp_path)


def test_screening_index_keeps_each_entry_own_line() -> None:
    """Two entries at one address, written differently: each is screened with its own line."""
    addresses = pd.DataFrame({"id": ["addr:1"], "name": ["12 NATHAN RD KOWLOON"], "country": ["HK"]})
    located = pd.DataFrame(
        {
            "source": ["list:US_EL:A", "list:US_EL:B"],
            "target": ["addr:1", "addr:1"],
            "line": ["12 Nathan Road, Kowloon", "12 NATHAN RD., KOWLOON"],
        }
    )
    entries = pd.DataFrame({"id": ["list:US_EL:A", "list:US_EL:B"]})
    out = with_addresses(entries, addresses, located)
    assert out["addresses"].tolist() == [["12 Nathan Road, Kowloon"], ["12 NATHAN RD., KOWLOON"]]
    assert out["address_countries"].tolist() == [["HK"], ["HK"]]
