"""A small planted world for the risk engine: each red flag has one planted case and one
legitimate look-alike. Written through the store API, as ingest and resolution would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from graph.ids import byname_company_id
from graph.model import EdgeKind, NodeKind
from graph.risk.run import compute_risk_on
from graph.store import GraphStore
from graph.stores import NetworkxStore
from graph.trade_graph import records, trades_with

TIERS = {"854231": "1", "854232": "1", "847150": "2", "850440": "3A"}


def company(cid: str, name: str, country: str, **props: Any) -> dict[str, Any]:
    return {"id": f"co:t:{cid}", "name": name, "country": country, **props}


BYNAME_OWNER = byname_company_id("Omega Industries", "IR")
MEU_OWNER = byname_company_id("Delta Aero", "CN")
COMPANIES = [
    company("X", "ALPHA HOLDINGS", "RU"),
    company("A", "Alpha Trade A", "AE", incorporation_date="2015-01-01"),
    company("B", "Alpha Trade B", "AE", incorporation_date="2015-01-01"),
    company("MIN", "Minor Stake Ltd", "TR", incorporation_date="2012-01-01"),
    company(
        "LEGIT",
        "Muller Elektronik GmbH",
        "DE",
        incorporation_date="2005-06-01",
        business_type="electronics manufacturer",
        website="https://muller.example",
        email="info@muller.example",
        phone="+49 30 1234567",
    ),
    company(
        "NEW",
        "Bright Star Trading Ltd",
        "HK",
        incorporation_date="2023-01-15",
        business_type="general trading",
        email="sales88@gmail.com",
        phone="+7 9161234567",
    ),
    company(
        "FWD",
        "Swift Freight Forwarding",
        "AE",
        incorporation_date="2010-01-01",
        business_type="freight forwarder",
    ),
    company("FOOD", "Sunrise Foods", "KZ", incorporation_date="2011-01-01", business_type="food wholesale"),
    company("FRONT", "Innocent Name Co", "CN", incorporation_date="2021-05-01"),
    company("P", "Dragon Group", "CN", incorporation_date="2001-01-01"),
    company("M", "Dragon Holdings BV", "NL", incorporation_date="2003-01-01"),
    company("S", "Dragon Singapore Pte", "SG", incorporation_date="2004-01-01"),
    company("GP", "Global Parent", "US", incorporation_date="1990-01-01"),
    company("GS", "Global Sub", "SG", incorporation_date="1995-01-01"),
    *[company(f"MASS{i}", f"Shell {i} Ltd", "HK", incorporation_date="2023-03-01") for i in range(5)],
    *[company(f"PARK{i}", f"Park Tenant {i}", "DE", incorporation_date="2001-03-01") for i in range(5)],
    company("OWNED", "Omega Trading FZE", "AE", incorporation_date="2016-01-01"),
    # an owner known only by name in an ownership file: the listed "OMEGA INDUSTRIES" (IR)
    {"id": BYNAME_OWNER, "name": "Omega Industries", "country": "IR", "source": "byname"},
    # 60 % held by a Military End-User: blocked only under the BIS Affiliates rule
    company("DSUB", "Delta Components LLC", "KZ", incorporation_date="2014-01-01"),
    {"id": MEU_OWNER, "name": "Delta Aero", "country": "CN", "source": "byname"},
]
LIST_ENTRIES = [
    {
        "id": "list:US_SDN:X1",
        "name": "ALPHA HOLDINGS",
        "list": "US_SDN",
        "status": "active",
        "countries": ["RU"],
    },
    {"id": "list:US_EL:E1", "name": "BETA TECH", "list": "US_EL", "status": "active", "countries": ["CN"]},
    {
        "id": "list:US_UVL:U1",
        "name": "GAMMA TRADING",
        "list": "US_UVL",
        "status": "active",
        "countries": ["AE"],
    },
    {"id": "list:US_MEU:D1", "name": "DELTA AERO", "list": "US_MEU", "status": "active", "countries": ["CN"]},
    {
        "id": "list:US_SDN:O1",
        "name": "OMEGA INDUSTRIES",
        "list": "US_SDN",
        "status": "active",
        "countries": ["IR"],
    },
]
PARTIES = [
    ("sup", "ACME SEMICONDUCTOR INC", "US"),
    ("hub", "BRIGHT STAR TRADING LTD", "HK"),
    ("ru", "OOO VOSTOK", "RU"),
    ("legit", "MULLER ELEKTRONIK GMBH", "DE"),
    ("fwd", "SWIFT FREIGHT FORWARDING", "AE"),
    ("food", "SUNRISE FOODS", "KZ"),
    ("beta", "BETA TECHNOLOGY CO", "CN"),
    ("gamma", "GAMMA TRADING LLC", "AE"),
    ("s", "DRAGON SINGAPORE PTE", "SG"),
    ("gs", "GLOBAL SUB", "SG"),
    ("jump", "JUMPER ELECTRONICS", "TR"),
    ("isl1", "ISLAND ONE", "FR"),
    ("isl2", "ISLAND TWO", "ES"),
    ("odd", "ODD PRICE LLC", "TR"),
    ("cn", "SHENZHEN BUYER", "CN"),
]
SAME_AS = [
    ("co:t:X", "list:US_SDN:X1"),
    ("co:t:NEW", "party:hub"),
    ("co:t:LEGIT", "party:legit"),
    ("co:t:FWD", "party:fwd"),
    ("co:t:FOOD", "party:food"),
    ("list:US_EL:E1", "party:beta"),
    ("list:US_UVL:U1", "party:gamma"),
    ("co:t:S", "party:s"),
    ("co:t:GS", "party:gs"),
]
OWNS = [
    ("co:t:X", "co:t:A", 50.0),  # DOMAIN.md worked example
    ("co:t:X", "co:t:B", 10.0),
    ("co:t:A", "co:t:B", 40.0),
    ("co:t:X", "co:t:MIN", 30.0),
    ("co:t:P", "co:t:M", 80.0),
    ("co:t:M", "co:t:S", 100.0),
    ("co:t:GP", "co:t:GS", 100.0),
    (BYNAME_OWNER, "co:t:OWNED", 60.0),
    (MEU_OWNER, "co:t:DSUB", 60.0),
]


def _ship(
    i: int, shipper: str, consignee: str, date: str, hs6: str, qty: float, value: float, dest: str
) -> dict[str, Any]:
    return {
        "shipment_id": f"T{i:05d}",
        "node_id": f"ship:T{i:05d}",
        "date": date,
        "shipper_party_id": f"party:{shipper}",
        "consignee_party_id": f"party:{consignee}",
        "hs6": hs6,
        "hs_code": hs6,
        "chpl_tier": TIERS.get(hs6),
        "destination_country": dest,
        "value_usd": value,
        "quantity": qty,
    }


def shipments() -> list[dict[str, Any]]:
    rows: list[tuple[str, str, str, str, float, float, str]] = [
        # transshipment + pass-through + new company + post-control buyer: sup -> hub (HK) -> RU
        ("sup", "hub", "2023-03-01", "854231", 1000, 10000, "HK"),
        ("hub", "ru", "2023-04-01", "854231", 950, 9800, "RU"),
        # legitimate German buyer: bought advanced chips long before the controls, steady volume
        *[
            ("sup", "legit", f"{y}-0{m}-10", "854231", 100, 1000, "DE")
            for y in range(2019, 2026)
            for m in (2, 8)
        ],
        ("sup", "fwd", "2023-05-01", "854232", 500, 5000, "AE"),  # forwarder consignee
        ("sup", "food", "2023-06-01", "854231", 200, 2000, "KZ"),  # off the line of business
        ("sup", "beta", "2021-01-01", "854231", 50, 500, "CN"),  # listed party within hops
        ("sup", "gamma", "2022-01-01", "850440", 10, 100, "AE"),  # UVL
        ("sup", "s", "2023-07-01", "847150", 20, 2000, "SG"),  # D:5 parent
        ("sup", "gs", "2023-07-01", "847150", 20, 2000, "SG"),  # parent elsewhere
        # sudden change: one CHPL shipment before 2022-02-24, many after
        ("sup", "jump", "2020-01-01", "854232", 10, 100, "TR"),
        *[("sup", "jump", f"2023-{m:02d}-01", "854232", 10, 100, "TR") for m in range(1, 11)],
        ("isl1", "isl2", "2023-01-01", "850440", 5, 50, "ES"),
        # price anomaly: 25 normal TR shipments of 854232 at 10 USD/unit, one at 100 USD/unit
        *[("sup", "odd", f"2024-01-{d:02d}", "854232", 100, 1000, "TR") for d in range(1, 26)],
        ("sup", "odd", "2024-02-01", "854232", 100, 10000, "TR"),
        ("sup", "cn", "2024-03-01", "854231", 100, 1000, "CN"),
        # a second leg of the pass-through: the pattern repeats (PASS_THROUGH_REEXPORT min_pairs)
        ("sup", "hub", "2023-06-01", "854231", 800, 8000, "HK"),
        ("hub", "ru", "2023-07-01", "854231", 780, 7800, "RU"),
        # the forwarder delivers other chips than it received to the RU buyer (FORWARDER_DELIVERED)
        ("fwd", "ru", "2024-09-01", "854231", 40, 400, "RU"),
    ]
    return [_ship(i, *r) for i, r in enumerate(rows)]


def build_world(store: GraphStore) -> GraphStore:
    store.upsert_nodes(NodeKind.COMPANY, COMPANIES)
    store.upsert_nodes(NodeKind.LIST_ENTRY, LIST_ENTRIES)
    store.upsert_nodes(
        NodeKind.TRADE_PARTY, [{"id": f"party:{p}", "name": n, "country": c} for p, n, c in PARTIES]
    )
    addresses = [
        {"id": "addr:listed1", "name": "1 Listed Road, Beijing", "country": "CN"},
        {"id": "addr:mass", "name": "Room 1601, 16/F, 9 Nathan Road, Hong Kong", "country": "HK"},
        {"id": "addr:park", "name": "Technologiepark 1, Berlin", "country": "DE"},
    ]
    store.upsert_nodes(NodeKind.ADDRESS, addresses)
    store.upsert_nodes(
        NodeKind.PERSON,
        [{"id": "person:nominee", "name": "John Nominee"}, {"id": "person:x_dir", "name": "Ivan Director"}],
    )
    ships = pd.DataFrame(shipments())
    store.upsert_nodes(
        NodeKind.SHIPMENT, records(ships.rename(columns={"node_id": "id"}).assign(name=ships["shipment_id"]))
    )
    store.upsert_edges(
        EdgeKind.SHIPPER_OF,
        [
            {"source": s, "target": n}
            for s, n in zip(ships["shipper_party_id"], ships["node_id"], strict=True)
        ],
    )
    store.upsert_edges(
        EdgeKind.CONSIGNEE_OF,
        [
            {"source": s, "target": n}
            for s, n in zip(ships["consignee_party_id"], ships["node_id"], strict=True)
        ],
    )
    store.upsert_edges(EdgeKind.TRADES_WITH, records(trades_with(ships)))
    store.upsert_edges(
        EdgeKind.SAME_AS,
        [{"source": a, "target": b, "score": 0.97, "method": "name", "decision": "auto"} for a, b in SAME_AS],
    )
    store.upsert_edges(EdgeKind.OWNS, [{"source": a, "target": b, "pct": p} for a, b, p in OWNS])
    located = [("list:US_EL:E1", "addr:listed1"), ("co:t:FRONT", "addr:listed1")]
    located += [(f"co:t:MASS{i}", "addr:mass") for i in range(5)] + [
        (f"co:t:PARK{i}", "addr:park") for i in range(5)
    ]
    store.upsert_edges(EdgeKind.LOCATED_AT, [{"source": a, "target": b} for a, b in located])
    officers = [("person:nominee", f"co:t:MASS{i}") for i in range(5)] + [
        ("person:x_dir", "co:t:X"),
        ("person:x_dir", "co:t:FRONT"),
    ]
    store.upsert_edges(
        EdgeKind.OFFICER_OF, [{"source": a, "target": b, "key": "director"} for a, b in officers]
    )
    return store


@pytest.fixture
def world() -> GraphStore:
    return build_world(NetworkxStore())


#: The as-of date of the scored world (before the BIS Affiliates rule takes effect).
SCORED_AS_OF = dt.date(2026, 6, 1)


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def scored(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """The planted risk world, scored, on each store."""
    if request.param == "neo4j":
        from graph.stores.neo4j_store import Neo4jStore

        store: GraphStore = Neo4jStore.from_settings(request.getfixturevalue("neo4j_settings"))
        store.clear()
    else:
        store = NetworkxStore()
    try:
        build_world(store)
        compute_risk_on(store, SCORED_AS_OF)
        yield store
    finally:
        if request.param == "neo4j":
            store.clear()
        store.close()
