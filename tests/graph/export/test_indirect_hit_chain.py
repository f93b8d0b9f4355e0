"""A hit reached through other records of the cluster is explained by the chain that reaches it.

The entry's strongest link can lead into another branch of the cluster: here the entry BETA TECH
is linked to the party Q at 0.99, but the company C reaches it through the party P and its own
0.85 link. The export must say P → C → entry, not "via Q".
"""

from __future__ import annotations

import datetime as dt

from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter
from graph.model import EdgeKind, NodeKind
from graph.risk.joins import SAME_AS
from graph.risk.run import compute_risk_on
from graph.stores.networkx_store import NetworkxStore

ENTRY = "list:US_EL:E1"


def _store() -> NetworkxStore:
    store = NetworkxStore()
    store.upsert_nodes(NodeKind.COMPANY, [{"id": "co:t:C", "name": "Beta Tech Co", "country": "CN"}])
    store.upsert_nodes(
        NodeKind.TRADE_PARTY,
        [
            {"id": "party:p", "name": "BETA TECH CO LTD", "country": "CN"},
            {"id": "party:q", "name": "BETA TECH", "country": "CN"},
        ],
    )
    store.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [{"id": ENTRY, "name": "BETA TECH", "list": "US_EL", "status": "active", "countries": ["CN"]}],
    )
    links = [
        ("party:p", "co:t:C", 0.9, "confirmed"),
        ("co:t:C", ENTRY, 0.85, "auto"),
        ("party:q", ENTRY, 0.99, "auto"),
    ]
    store.upsert_edges(
        EdgeKind.SAME_AS,
        [
            {
                "source": a,
                "target": b,
                "score": s,
                "method": "name",
                "decision": d,
                "reasons_json": f'["{a}~{b}"]',
            }
            for a, b, s, d in links
        ],
    )
    compute_risk_on(store, dt.date(2026, 6, 1))
    return store


def test_an_indirect_hit_is_explained_by_the_chain_that_reaches_it() -> None:
    rl = build_risk_list(_store(), RiskFilter())
    [hit] = next(e for e in rl.entities if e["id"] == "party:p")["list_hits"]
    m = hit["match"]
    assert (hit["entry_id"], m["score"], m["method"], m["via"], m["decision"]) == (
        ENTRY,
        0.85,
        "name",
        "co:t:C",
        "auto",
    )
    assert [(j["from"], j["to"], j["link"]) for j in m["chain"]] == [
        ("party:p", "co:t:C", SAME_AS),
        ("co:t:C", ENTRY, SAME_AS),
    ]
    assert m["reasons"] == [
        f"{SAME_AS} to co:t:C (name 0.90): party:p~co:t:C",
        f"{SAME_AS} to {ENTRY} (name 0.85): co:t:C~{ENTRY}",
    ]
    assert "party:q" not in str(m)  # the entry's strongest link leads elsewhere


def test_a_direct_hit_keeps_its_own_link() -> None:
    rl = build_risk_list(_store(), RiskFilter())
    [hit] = next(e for e in rl.entities if e["id"] == "party:q")["list_hits"]
    assert (hit["match"]["score"], hit["match"].get("chain")) == (0.99, None)
