"""``paths --as-of``: an entry whose listing began after the as-of date is no listed target on it,
on both stores (the risk run's rule, graph.list_status.listed_after): a path to a party listed
later must not make a shipment risky as of a date before the listing."""

from __future__ import annotations

import datetime as dt

import pytest

from chipwatch.settings import Settings
from graph.list_status import listed_after
from graph.model import EdgeKind, NodeKind
from graph.risk.paths import PathIndex, diversion_paths
from graph.risk.reference import load_reference
from graph.store import GraphStore
from graph.stores import NetworkxStore, open_store

LISTED_ON = "2026-03-01"
BEFORE, AFTER = dt.date(2026, 1, 15), dt.date(2026, 6, 1)


def _world(store: GraphStore) -> GraphStore:
    store.upsert_nodes(
        NodeKind.TRADE_PARTY,
        [
            {"id": "party:sup", "name": "US SUPPLIER", "country": "US"},
            {"id": "party:buyer", "name": "LATE LISTED TRADING", "country": "AE"},
        ],
    )
    store.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [
            {"id": "list:US_EL:late", "name": "LATE TRADING", "list": "US_EL", "start_date": LISTED_ON},
            {"id": "list:US_EL:early", "name": "EARLY CO", "list": "US_EL", "start_date": "2020-05-01"},
        ],
    )
    store.upsert_edges(
        EdgeKind.TRADES_WITH,
        [
            {
                "source": "party:sup",
                "target": "party:buyer",
                "key": "854231",
                "count": 2,
                "value_usd": 50000.0,
                "first": "2025-10-01",
                "last": "2025-12-01",
            }
        ],
    )
    store.upsert_edges(
        EdgeKind.SAME_AS,
        [{"source": "party:buyer", "target": "list:US_EL:late", "score": 0.99, "method": "name"}],
    )
    store.flush()
    return store


def _ends(store: GraphStore, day: dt.date) -> tuple[frozenset[str], list[str]]:
    index = PathIndex.build(store, load_reference(day))
    found = diversion_paths(index, source="party:sup", to="listed", max_hops=3, as_of=day)
    return index.targets("listed"), [p.hops[-1]["node_id"] for p in found]


def _check(store: GraphStore) -> None:
    _world(store)
    targets, ends = _ends(store, BEFORE)
    assert targets == {"list:US_EL:early"}  # listed 2026-03-01: not on 2026-01-15
    assert ends == []
    targets, ends = _ends(store, AFTER)
    assert targets == {"list:US_EL:early", "list:US_EL:late"}
    assert ends == ["list:US_EL:late"]


def test_listed_after() -> None:
    assert listed_after(LISTED_ON, "2026-01-15") == LISTED_ON
    assert listed_after(LISTED_ON, LISTED_ON) is None  # in force on the day it was listed
    assert listed_after("2026-03-01T00:00:00", "2026-01-15") == LISTED_ON
    assert listed_after(dt.date(2026, 3, 1), "2026-01-15") == LISTED_ON
    assert listed_after(None, "2026-01-15") is None
    assert listed_after(float("nan"), "2026-01-15") is None
    assert listed_after("", "2026-01-15") is None


def test_a_later_listing_is_no_target_before_it_on_networkx() -> None:
    _check(NetworkxStore())


@pytest.mark.neo4j
def test_a_later_listing_is_no_target_before_it_on_neo4j(neo4j_settings: Settings) -> None:
    neo = open_store(neo4j_settings)
    try:
        neo.clear()
        _check(neo)
    finally:
        neo.clear()
        neo.close()
