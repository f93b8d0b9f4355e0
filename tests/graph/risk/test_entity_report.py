"""The entity report shows the list hits the risk score used, and how each was found.

An owner known only by name in an ownership record (``co:byname:…``) is joined to its listed
entry by the risk run's by-name owner link, not by a stored SAME_AS edge: the report must still
name that entry as a list hit, with the link's facts (the names, the countries) and its source
(the ownership records), on both stores.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from chipwatch.cli import cli
from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter
from graph.ids import byname_company_id
from graph.model import EdgeKind, NodeKind
from graph.risk.entity import entity_report, evidence_lines, format_report
from graph.risk.joins import BYNAME
from graph.risk.run import compute_risk_on
from graph.store import GraphStore
from graph.stores import NetworkxStore
from tests.graph.risk.conftest import BYNAME_OWNER, build_world

AS_OF = dt.date(2026, 6, 1)
ENTRY = "list:US_SDN:O1"  # OMEGA INDUSTRIES (IR), the by-name owner's entry


def test_a_by_name_owner_reports_the_entry_that_blocks_it(scored: GraphStore) -> None:
    report = entity_report(scored, BYNAME_OWNER)
    assert report.risk["risk_level"] == "block"
    [hit] = report.list_hits
    assert (hit["entry"], hit["list"]) == (ENTRY, "US_SDN")
    assert hit["found"]["how"] == BYNAME
    [link] = hit["found"]["chain"]
    assert (link["from"], link["to"], link["link"], link["method"]) == (
        BYNAME_OWNER,
        ENTRY,
        BYNAME,
        "byname_exact",
    )
    # the facts: the owner's name as the ownership record writes it, the entry's name it equals,
    # the countries; the source: the ownership record naming the owner
    assert (
        "'Omega Industries'" in link["facts"][0] and "the entry's name 'OMEGA INDUSTRIES'" in link["facts"][0]
    )
    assert link["facts"][1] == "country agrees: IR among the entry's IR"
    assert link["source"] == ["owns 60 % of Omega Trading FZE (co:t:OWNED)"]
    assert {c["id"] for c in report.cluster} == {BYNAME_OWNER, ENTRY}
    text = format_report(report)
    assert f"OMEGA INDUSTRIES ({ENTRY})" in text and "found by by-name owner link" in text


def test_the_entry_reports_its_by_name_owner_and_what_it_owns(scored: GraphStore) -> None:
    report = entity_report(scored, ENTRY)
    [hit] = report.list_hits
    assert hit["found"] == {"how": "the party itself", "chain": []}
    assert {c["id"] for c in report.cluster} == {BYNAME_OWNER, ENTRY}
    assert [(o["id"], o["pct"]) for o in report.owned] == [("co:t:OWNED", 60.0)]


def test_a_same_as_hit_names_its_link(scored: GraphStore) -> None:
    [hit] = entity_report(scored, "co:t:X").list_hits
    assert hit["found"]["how"] == "SAME_AS cluster"
    [link] = hit["found"]["chain"]
    assert (link["to"], link["link"], link["method"], link["score"]) == (
        "list:US_SDN:X1",
        "SAME_AS",
        "name",
        0.97,
    )


def test_by_name_links_follow_the_risk_run_s_rule() -> None:
    """An alias counts, a context entity and an entry of another country do not."""
    owner = byname_company_id("Zeta Works", "CN")
    other = byname_company_id("Kappa Ltd", "DE")
    store = NetworkxStore()
    store.upsert_nodes(
        NodeKind.COMPANY,
        [
            {"id": owner, "name": "Zeta Works", "country": "CN"},
            {"id": other, "name": "Kappa Ltd", "country": "DE"},
            {"id": "co:t:SUB", "name": "Sub", "country": "CN"},
        ],
    )
    store.upsert_nodes(
        NodeKind.LIST_ENTRY,
        [
            {
                "id": "list:US_EL:Z",
                "name": "ZETA GROUP",
                "aliases": ["ZETA WORKS"],
                "list": "US_EL",
                "status": "active",
                "countries": ["CN"],
            },
            {
                "id": "list:FTM:Z",
                "name": "ZETA WORKS",
                "list": "FTM",
                "status": "context",
                "countries": ["CN"],
            },
            {
                "id": "list:US_EL:K",
                "name": "KAPPA LTD",
                "list": "US_EL",
                "status": "active",
                "countries": ["RU"],
            },
        ],
    )
    store.upsert_edges(
        EdgeKind.OWNS,
        [
            {
                "source": owner,
                "target": "co:t:SUB",
                "pct": 30.0,
                "provenance": "registry.csv",
                "as_of": "2024-01-01",
            },
            {"source": other, "target": "co:t:SUB", "pct": 30.0},
        ],
    )
    compute_risk_on(store, AS_OF)
    report = entity_report(store, owner)
    assert [h["entry"] for h in report.list_hits] == ["list:US_EL:Z"]
    [link] = report.list_hits[0]["found"]["chain"]
    assert "the entry's alias 'ZETA WORKS'" in link["facts"][0]
    assert link["source"] == ["owns 30 % of Sub (co:t:SUB): registry.csv, as of 2024-01-01"]
    assert report.context_entries == []  # the by-name rule links listings only, as the risk run
    assert entity_report(store, other).list_hits == []  # RU entry, DE owner: no link
    assert store.node(other).props["risk_level"] == "clear"  # type: ignore[union-attr]


def test_cli_entity_shows_a_by_name_owner_s_list_hit(tmp_path: Path) -> None:
    store = build_world(NetworkxStore(tmp_path / "graph"))
    store.flush()
    env = {"CHIPWATCH_WORKSPACE": str(tmp_path), "CHIPWATCH_STORE": "networkx"}
    runner = CliRunner()
    assert runner.invoke(cli, ["risk", "--as-of", AS_OF.isoformat()], env=env).exit_code == 0
    out = runner.invoke(cli, ["entity", BYNAME_OWNER], env=env)
    assert out.exit_code == 0, out.output
    assert "list hits (1):" in out.output and "found by by-name owner link" in out.output
    report = json.loads(runner.invoke(cli, ["entity", BYNAME_OWNER, "--json"], env=env).output)
    assert [h["entry"] for h in report["list_hits"]] == [ENTRY]


def test_each_flag_is_printed_with_the_description_the_export_gives(scored: GraphStore) -> None:
    exported = {e["id"]: e for e in build_risk_list(scored, RiskFilter()).entities}
    for node_id in (BYNAME_OWNER, ENTRY, "co:t:OWNED"):
        report = entity_report(scored, node_id)
        text = format_report(report)
        want = {f["flag"]: f["description"] for f in exported[node_id]["flags"]}
        assert want and {f["flag"]: f["description"] for f in report.risk["flags"]} == want
        for flag, description in want.items():
            assert description and f"flag {flag}: {description} — " in text, (node_id, flag)
    # the by-name owner's LISTED_NAME_MATCH is said as its hit was found, not "resolved (SAME_AS …)"
    owner = format_report(entity_report(scored, BYNAME_OWNER))
    assert "flag LISTED_NAME_MATCH: an active list entry joined by a by-name owner link" in owner


def test_short_evidence_is_printed_whole_and_long_evidence_as_its_summary() -> None:
    assert evidence_lines({"min_pct": 25.0, "items": [{"pct": 60.0}]}) == [
        'evidence: {"min_pct": 25.0, "items": [{"pct": 60.0}]}'
    ]
    long = {"min_pct": 25.0, "items": [{"owner": "x" * 80}] * 3, "total": 7}
    assert evidence_lines(long) == ["evidence: min_pct 25.0; showing 3 of 7 items (all of it: --json)"]
    assert evidence_lines({"items": [{"owner": "x" * 300}]}) == ["evidence: 1 item (all of it: --json)"]
