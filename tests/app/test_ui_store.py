"""The app's shared caches of what the stored graph holds (``chipwatch/ui/store.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.caching import cache_utils

from chipwatch.settings import Settings, StoreKind
from chipwatch.ui import store as ui_store
from chipwatch.ui.search import closest_names
from graph.model import NodeKind
from graph.stores import NetworkxStore


def test_graph_caches_see_a_write_on_neo4j_within_the_refresh_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On Neo4j the graph stamp is constant ("live"): keyed by it alone, the Paths page kept the
    # targets of its first render (a party that `risk` has since flagged was no target) and the
    # name search the names (a party ingested since was not found) until the app restarted,
    # where on networkx the next write rebuilt them.
    clock = [1000.0]
    monkeypatch.setattr(cache_utils, "TTLCACHE_TIMER", lambda: clock[0])
    st.cache_resource.clear()  # made again on first use, on the clock above
    graph = NetworkxStore()
    graph.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": "party:a", "name": "Atlas Sanatgaran", "country": "DE"}])
    monkeypatch.setattr(ui_store, "settings", lambda: Settings(workspace=tmp_path, store=StoreKind.NEO4J))
    monkeypatch.setattr(ui_store, "store", lambda: graph)
    try:
        assert "party:a" not in ui_store.path_index().targets("flagged")
        assert not closest_names(ui_store.name_index(), "Kestrel Microsytems")
        graph.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": "party:a", "risk_level": "block"}])
        graph.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": "party:b", "name": "Kestrel Microsystems"}])
        clock[0] += ui_store.LIVE_TTL_S + 1
        assert "party:a" in ui_store.path_index().targets("flagged")
        assert [i for i, _ in closest_names(ui_store.name_index(), "Kestrel Microsytems")] == ["party:b"]
    finally:
        st.cache_resource.clear()  # later tests get caches on the real clock


OWNER = "co:byname:omega"


def _by_name_owner_listed(graph: NetworkxStore) -> None:
    graph.upsert_nodes(NodeKind.COMPANY, [{"id": OWNER, "name": "Omega Industries", "country": "IR"}])
    graph.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [{"id": "list:US_SDN:O1", "name": "OMEGA INDUSTRIES", "status": "active", "countries": ["IR"]}],
    )


def test_by_name_links_are_kept_per_graph_state_and_read_again_after_a_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An entity report walks the state's by-name owner links, read once per state: a by-name
    # owner ingested since must get its link on the next render, not when the app restarts.
    st.cache_resource.clear()
    s = Settings(workspace=tmp_path, store=StoreKind.NETWORKX)
    graph = NetworkxStore(s.graph_dir)
    graph.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": "party:a", "name": "Atlas"}])
    graph.flush()
    monkeypatch.setattr(ui_store, "settings", lambda: s)
    monkeypatch.setattr(ui_store, "store", lambda: graph)
    try:
        links = ui_store.by_name_links()
        assert links.around([OWNER]) == []
        assert ui_store.by_name_links() is links  # kept while the graph is unchanged
        _by_name_owner_listed(graph)
        graph.flush()  # a new CURRENT: a new state of the graph
        assert ui_store.by_name_links().around([OWNER]) == [(OWNER, "list:US_SDN:O1")]
    finally:
        st.cache_resource.clear()


def test_by_name_links_see_a_write_on_neo4j_within_the_refresh_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(cache_utils, "TTLCACHE_TIMER", lambda: clock[0])
    st.cache_resource.clear()
    graph = NetworkxStore()
    monkeypatch.setattr(ui_store, "settings", lambda: Settings(workspace=tmp_path, store=StoreKind.NEO4J))
    monkeypatch.setattr(ui_store, "store", lambda: graph)
    try:
        assert ui_store.by_name_links().around([OWNER]) == []
        _by_name_owner_listed(graph)
        assert ui_store.by_name_links().around([OWNER]) == []  # the live stamp: kept until the TTL
        clock[0] += ui_store.LIVE_TTL_S + 1
        assert ui_store.by_name_links().around([OWNER]) == [(OWNER, "list:US_SDN:O1")]
    finally:
        st.cache_resource.clear()
