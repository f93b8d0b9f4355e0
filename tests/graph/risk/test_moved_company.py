"""A company that moved away from a listed party's address (out of Hong Kong, to Singapore) is no
longer flagged for that address once its new registry row is ingested, on both stores; a trade
party still at the address keeps its flag."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chipwatch.settings import Settings, StoreKind
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
HK = 'C1,Bright Harbour Ltd,HK,"FLAT 5 12 NATHAN RD",KOWLOON\n'
SG = 'C1,Bright Harbour Ltd,SG,"1 RAFFLES PLACE",SINGAPORE\n'
HEAD = "company_id,name,country,address,city\n"
SHIPMENTS = (
    "shipment_id,date,shipper_name,shipper_address,shipper_country,"
    "consignee_name,consignee_address,consignee_country,hs_code,value_usd,quantity\n"
    'B1,2025-01-10,Acme Semi Inc,"1 Main Street, San Jose 95110",US,'
    'Kowloon Parts Co,"Flat 5 12 Nathan Rd Kowloon HK",HK,854231,100,10\n'
)


def _address_flags(settings: Settings) -> dict[str, list[str]]:
    """Flagged cluster → the addresses its LISTED_ADDRESS_MATCH evidence names."""
    store = open_store(settings)
    try:
        flags = analyse(store, AS_OF).flags
    finally:
        store.close()
    hits = flags[flags["flag"] == "LISTED_ADDRESS_MATCH"]
    return {
        c: [item["address"] for item in json.loads(e)["items"]]
        for c, e in zip(hits["cluster"], hits["evidence_json"], strict=True)
    }


def _company(settings: Settings, root: Path, rows: str, name: str) -> None:
    path = root / name
    path.write_text(HEAD + rows, encoding="utf-8")
    ingest_trade_file(settings, "companies", path, today=TODAY)
    sync_trade_graph(settings)


def _check(settings: Settings, root: Path) -> None:
    (root / "watch.csv").write_text(LIST_CSV, encoding="utf-8")
    ingest_list_files(settings, [root / "watch.csv"])
    (root / "shipments.csv").write_text(SHIPMENTS, encoding="utf-8")
    ingest_trade_file(settings, "shipments", root / "shipments.csv", today=TODAY)
    _company(settings, root, HK, "companies.csv")
    before = _address_flags(settings)
    party = next(c for c in before if c.startswith("party:"))
    assert set(before) == {"co:csv:C1", party}
    (listed_address,) = before["co:csv:C1"]

    _company(settings, root, SG, "companies-2025.csv")  # the registry's newer file: C1 moved
    after = _address_flags(settings)
    assert after == {party: [listed_address]}


def test_company_that_moved_away_loses_the_listed_address_flag(tmp_path: Path) -> None:
    _check(Settings(workspace=tmp_path / "ws"), tmp_path)


@pytest.mark.neo4j
def test_company_that_moved_away_loses_the_listed_address_flag_on_neo4j(
    neo4j_settings: Settings, tmp_path: Path
) -> None:
    settings = neo4j_settings.with_(workspace=tmp_path / "ws", store=StoreKind.NEO4J)
    store = open_store(settings)
    store.clear()
    store.close()
    _check(settings, tmp_path)
