"""Everything behind each score and the provenance of the list, on the real export workspace."""

from __future__ import annotations

import datetime as dt

import pytest

from chipwatch.settings import Settings
from graph.audit import file_sha256
from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter, RiskNotComputedError
from graph.risk.run import compute_risk_on
from graph.stores import NetworkxStore, open_store
from graph.tables.lists import load_list_tables
from tests.graph.export.conftest import (
    AS_OF,
    CSL,
    DTC_PERSON,
    HOSTILE_LIST,
    HOSTILE_NAME,
    LISTED_COMPANY,
    MEU_ENTRY,
    OWNED_COMPANY,
)
from tests.graph.risk.conftest import build_world

NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def risk_list(export_settings: Settings):
    store = open_store(export_settings)
    try:
        versions = load_list_tables(export_settings).versions
        return build_risk_list(
            store, RiskFilter(min_score=1), versions=versions, store_kind="networkx", now=NOW
        )
    finally:
        store.close()


def _entity(rl, node_id: str) -> dict:
    return next(e for e in rl.entities if e["id"] == node_id)


def test_list_hit_of_a_resolved_company_carries_the_listing_and_the_match(risk_list) -> None:
    company = _entity(risk_list, LISTED_COMPANY)
    [hit] = company["list_hits"]
    assert hit["list"] == "US_MEU" and hit["entry_id"] == MEU_ENTRY
    assert hit["matched_name"] == "Academy of Aerospace Solid Propulsion Technology (AASPT)"
    assert hit["license_requirement"].startswith("For any item subject to the EAR")
    assert hit["fr_notice"] == ["85 FR 83799"]
    assert hit["source_url"].startswith("https://www.bis.doc.gov/")
    assert hit["start_date"] == "2020-12-23"
    assert hit["list_sha256"] == file_sha256(CSL) and hit["list_version"].startswith("csl@")
    assert hit["match"]["method"] == "company-list" and hit["match"]["score"] > 0.8
    assert any("Academy of Aerospace Solid Propulsion" in r for r in hit["match"]["reasons"])
    assert company["ownership_status"]["BIS_AFFILIATES"] == "listed"
    assert any(r.startswith("on US_MEU: Academy") for r in company["reasons"])


def test_owned_company_has_ownership_status_flags_and_evidence(risk_list) -> None:
    owned = _entity(risk_list, OWNED_COMPANY)
    assert owned["ownership_status"] == {
        "BIS_AFFILIATES": "owned (blocked 60 %)",
        "EU": "clear",
        "OFAC": "clear",
        "UK": "clear",
    }
    flags = {f["flag"]: f for f in owned["flags"]}
    evidence = flags["OWNED_BY_LISTED"]["evidence"]["items"][0]
    assert evidence["regime"] == "BIS_AFFILIATES" and evidence["owners"][0]["id"] == LISTED_COMPANY
    assert flags["OWNED_BY_LISTED"]["description"] and flags["OWNED_BY_LISTED"]["legal_source"]
    sources = {b["source"] for b in owned["score_breakdown"]}
    assert "flag:OWNED_BY_LISTED" in sources
    assert "ownership BIS_AFFILIATES: owned (blocked 60 %)" in owned["reasons"]
    assert owned["ownership"]["ultimate_parent"] == LISTED_COMPANY


def test_provenance_names_list_versions_with_sha256_and_dates(risk_list, export_settings) -> None:
    meta = risk_list.metadata
    assert meta["risk_as_of"] == AS_OF.isoformat()
    assert meta["generated_at"] == "2026-11-20T09:30:00+00:00"
    assert meta["rows"] == len(risk_list.entities) and meta["entities_not_scored"] == 0
    by_feed = {v["feed"]: v for v in meta["list_versions"]}
    assert by_feed["csl"]["sha256"] == file_sha256(CSL)
    assert by_feed["custom"]["sha256"] == file_sha256(HOSTILE_LIST)
    ingested = load_list_tables(export_settings).versions
    assert {v["version_id"] for v in meta["list_versions"]} == set(ingested["version_id"])
    assert all("published" in v for v in meta["list_versions"])


def test_hostile_values_are_kept_exactly_in_the_data(risk_list) -> None:
    entry = _entity(risk_list, "list:CUSTOM:HOSTILE-1")
    assert entry["name"] == HOSTILE_NAME
    assert entry["list_hits"][0]["legal_basis"] == "=1+1"


def test_each_entity_says_how_its_kind_was_known(risk_list) -> None:
    person = _entity(risk_list, DTC_PERSON)  # the DTC publishes no type: read from the name
    assert (person["entity_type"], person["kind_source"]) == ("person", "name")
    assert person["kind_evidence"].startswith("no legal form, organisation word or digit")
    assert "BENITEZ" in person["kind_evidence"]
    typed = _entity(risk_list, "list:CUSTOM:HOSTILE-1")  # the list CSV's own type column
    assert (typed["entity_type"], typed["kind_source"], typed["kind_evidence"]) == ("company", "type", None)
    meu = _entity(risk_list, MEU_ENTRY)  # no type; an organisation's name: the MEU's default
    assert (meu["entity_type"], meu["kind_source"], meu["kind_evidence"]) == ("company", "default", None)
    by_kind = {(e["kind"], e["kind_source"]) for e in risk_list.entities if e["kind"] != "ListEntry"}
    assert by_kind == {("Company", "type"), ("TradeParty", "default")}


def test_no_risk_results_is_a_clear_error() -> None:
    with pytest.raises(RiskNotComputedError, match="run `chipwatch risk` first"):
        build_risk_list(NetworkxStore(), RiskFilter())


def test_regime_suspended_on_the_as_of_date_says_so() -> None:
    store = build_world(NetworkxStore())
    compute_risk_on(store, dt.date(2026, 6, 1))  # BIS Affiliates rule suspended 2025-11-10..2026-11-09
    rl = build_risk_list(store, RiskFilter(min_score=1), now=NOW)
    owned = _entity(rl, "co:t:A")  # 50 % owned by the SDN-listed ALPHA HOLDINGS
    assert owned["ownership_status"]["BIS_AFFILIATES"] == "suspended"
    assert owned["ownership_status"]["OFAC"] == "owned (blocked 50 %)"
    assert all(e["ownership_status"]["BIS_AFFILIATES"] == "suspended" for e in rl.entities)
