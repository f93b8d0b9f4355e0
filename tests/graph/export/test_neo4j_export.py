"""The risk list reads the store through the bulk frame API only: Neo4j gives the same export."""

from __future__ import annotations

import datetime as dt

from chipwatch.settings import Settings
from graph.export.ftm import ftm_records
from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter
from graph.model import NodeKind
from graph.risk.run import compute_risk_on
from graph.store import GraphStore
from graph.stores import NetworkxStore, open_store
from tests.graph.export.conftest import NAME_KIND_ENTRY
from tests.graph.risk.conftest import build_world

AS_OF = dt.date(2026, 11, 15)
NOW = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)


def _export(store: GraphStore):
    build_world(store)
    store.upsert_nodes(NodeKind.LIST_ENTRY, [NAME_KIND_ENTRY])  # a kind read from the name
    compute_risk_on(store, AS_OF)
    return build_risk_list(store, RiskFilter(min_score=1), now=NOW)


def test_risk_list_identical_on_networkx_and_neo4j(neo4j_settings: Settings) -> None:
    neo = open_store(neo4j_settings)
    try:
        neo.clear()
        on_neo4j = _export(neo)
    finally:
        neo.clear()
        neo.close()
    on_networkx = _export(NetworkxStore())
    assert on_neo4j.entities == on_networkx.entities
    assert on_neo4j.metadata == on_networkx.metadata
    assert list(ftm_records(on_neo4j)) == list(ftm_records(on_networkx))
    owned = next(e for e in on_networkx.entities if e["id"] == "co:t:A")  # 50 % owned by the SDN party
    assert owned["ownership_status"]["OFAC"].startswith("owned")
    listed = next(e for e in on_networkx.entities if e["id"] == "co:t:X")
    assert listed["list_hits"][0]["entry_id"] == "list:US_SDN:X1"
    person = next(e for e in on_neo4j.entities if e["id"] == NAME_KIND_ENTRY["id"])
    assert (person["entity_type"], person["kind_source"]) == ("person", "name")
    assert person["kind_evidence"] == NAME_KIND_ENTRY["kind_evidence"]
    assert {e["kind_source"] for e in on_neo4j.entities if e["kind"] == "Company"} == {"type"}
