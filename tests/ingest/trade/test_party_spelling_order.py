"""One trade party written two ways on two bills of lading keeps one spelling whatever the order.

The party id is made of the normalised name, address and country, so ``Kowloon Parts Co`` at
``Flat 5, 12 Nathan Road`` and ``KOWLOON PARTS CO.`` at ``FLAT 5 12 NATHAN RD`` are one party. The
name and line it shows (the entity report, the LOCATED_AT line of address evidence) must not be
whichever file or row was ingested last.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.stores import open_store
from graph.tables.trade import load_trade_tables
from ingest.trade.graph_sync import sync_trade_graph
from ingest.trade.load import ingest_trade_file

TODAY = dt.date(2026, 11, 1)
HEADER = (
    "shipment_id,date,shipper_name,shipper_address,shipper_country,"
    "consignee_name,consignee_address,consignee_country,hs_code,value_usd,quantity\n"
)
SHIPPER = 'Acme Semi Inc,"1 Main Street, San Jose 95110",US'
ROWS = (
    f'B1,2025-01-10,{SHIPPER},Kowloon Parts Co,"Flat 5, 12 Nathan Road, Kowloon",HK,854231,100,10\n',
    f'B2,2025-02-10,{SHIPPER},KOWLOON PARTS CO.,"FLAT 5 12 NATHAN RD KOWLOON",HK,854231,100,10\n',
)


def _party_state(
    settings: Settings,
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], list[tuple[str, ...]]]:
    parties = load_trade_tables(settings).parties
    hk = parties[parties["country"] == "HK"]
    store = open_store(settings)
    try:
        nodes = store.nodes_frame(NodeKind.TRADE_PARTY, ("name", "address"))
        lines = store.edges_frame(EdgeKind.LOCATED_AT, ("line",))
    finally:
        store.close()
    return (
        sorted(map(tuple, hk[["party_id", "name", "address"]].to_numpy().tolist())),
        sorted(map(tuple, nodes[["id", "name", "address"]].astype(str).to_numpy().tolist())),
        sorted(map(tuple, lines[["source", "target", "line"]].astype(str).to_numpy().tolist())),
    )


@pytest.mark.parametrize("one_file", [False, True], ids=["two_files", "one_file"])
def test_party_spelling_does_not_depend_on_ingest_order(tmp_path: Path, one_file: bool) -> None:
    states = []
    for order, rows in (("forward", ROWS), ("backward", ROWS[::-1])):
        root = tmp_path / order
        root.mkdir()
        settings = Settings(workspace=root / "ws")
        files = ["".join(rows)] if one_file else list(rows)
        for i, body in enumerate(files):
            path = root / f"shipments_{i}.csv"
            path.write_text(HEADER + body)
            ingest_trade_file(settings, "shipments", path, today=TODAY)
        sync_trade_graph(settings)
        states.append(_party_state(settings))
    assert states[0] == states[1]
    ((_, name, address),) = states[0][0]
    assert (name, address) == ("KOWLOON PARTS CO.", "FLAT 5 12 NATHAN RD KOWLOON")
