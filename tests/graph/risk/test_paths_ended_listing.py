"""``paths --to listed`` leaves out a listing that ended before the as-of date, as the risk run does."""

from __future__ import annotations

import datetime as dt

import pytest

from chipwatch.settings import Settings
from graph.model import NodeKind
from graph.risk.paths import PathIndex
from graph.risk.reference import load_reference
from graph.store import GraphStore
from graph.stores import NetworkxStore, open_store


def _listed(store: GraphStore) -> frozenset[str]:
    store.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [
            {"id": "list:US_DPL:ended", "name": "ENDED CO", "list": "US_DPL", "end_date": "2025-01-14"},
            {"id": "list:US_DPL:later", "name": "LATER CO", "list": "US_DPL", "end_date": "2027-01-14"},
            {"id": "list:US_SDN:open", "name": "OPEN CO", "list": "US_SDN"},
        ],
    )
    return PathIndex.build(store, load_reference(dt.date(2026, 6, 1))).targets("listed")


def test_an_ended_listing_is_not_a_listed_target() -> None:
    assert _listed(NetworkxStore()) == {"list:US_DPL:later", "list:US_SDN:open"}


@pytest.mark.neo4j
def test_an_ended_listing_is_not_a_listed_target_on_neo4j(neo4j_settings: Settings) -> None:
    neo = open_store(neo4j_settings)
    try:
        neo.clear()
        assert _listed(neo) == {"list:US_DPL:later", "list:US_SDN:open"}
    finally:
        neo.clear()
        neo.close()
