"""OpenSanctions context entities (FtM ``target: false``) end to end, on both stores.

The real OpenSanctions export ``zala_entities.ftm.json`` carries three registry companies that are
not themselves sanctioned — e.g. ИЖТЕЛЕКОМ, once partly held by the sanctioned Alexander Zakharov
— next to the sanctioned ones (Aeroscan, LLC CST …). A registry company resolved to a context
entity must not come out "listed": no list status, no list score, no list hit in the risk list,
not a ``listed`` path target, and a counterparty matching it is ``review`` at most. A company
resolved to a sanctioned entity of the same file stays listed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter, risk_table
from graph.model import EdgeKind, NodeKind
from graph.resolve.run import resolve
from graph.risk.entity import entity_report
from graph.risk.paths import PathIndex
from graph.risk.run import compute_risk
from graph.screening.screen import screen
from graph.stores import open_store
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.graph_sync import sync_trade_graph
from ingest.trade.load import ingest_trade_file

ZALA = Path(__file__).resolve().parents[2] / "fixtures" / "lists" / "ftm" / "zala_entities.ftm.json"
AS_OF = dt.date(2026, 11, 15)
CONTEXT = "list:FTM:NK-56Edov9bas9puzaChH5pBy"  # ООО "ИЖТЕЛЕКОМ", target=false
SANCTIONED = "list:FTM:NK-iE6m5ryPeTAMZozfECVSL7"  # Limited Liability Company Aeroscan
CONTEXT_NAME = 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ИЖТЕЛЕКОМ"'
CST_NAME = 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЦСТ"'  # a context company and LLC CST
# registry records of the two: name, INN and OGRN as the FtM file gives them for ИЖТЕЛЕКОМ
COMPANIES = (
    "company_id,name,aliases,country,address,city,postal_code,incorporation_date,registration_id,"
    "lei,tax_id,business_type,website,email,phone,source\n"
    'CTX,"ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ ""ИЖТЕЛЕКОМ""",,RU,УЛ. ВОРОВСКОГО Д.130,Ижевск,'
    "426063,2002-03-01,1021801671462,,1835045074,telecommunications,,,,ctx\n"
    "SAN,Limited Liability Company Aeroscan,,RU,,,,2010-01-01,,,,electronics,,,,ctx\n"
)
CTX_CO, SAN_CO = "co:ctx:CTX", "co:ctx:SAN"
CONTEXT_REASON = "context entity, not itself listed (FtM target=false)"


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """The FtM file and the two registry companies, ingested, resolved and scored."""
    if request.param == "neo4j":
        settings = request.getfixturevalue("neo4j_settings").with_(workspace=tmp_path / "ws")
        store = open_store(settings)
        try:
            store.clear()
        finally:
            store.close()
    else:
        settings = Settings(workspace=tmp_path / "ws")
    companies = tmp_path / "companies.csv"
    companies.write_text(COMPANIES, encoding="utf-8")
    ingest_list_files(settings, [ZALA])
    ingest_trade_file(settings, "companies", companies, source="ctx")
    sync_trade_graph(settings)
    resolve(settings)
    compute_risk(settings, AS_OF)
    yield settings


def _sources(props: dict) -> set[str]:
    return {str(p["source"]) for p in json.loads(props.get("risk_breakdown_json") or "[]")}


def test_context_entity_is_in_the_graph_but_never_a_listing(workspace: Settings) -> None:
    store = open_store(workspace)
    try:
        context, sanctioned = store.node(CONTEXT), store.node(SANCTIONED)
        assert context is not None and sanctioned is not None
        assert (context.props["status"], sanctioned.props["status"]) == ("context", "active")
        # resolution still links the registry records to both (so the context shows in the cluster)
        links = store.edges_frame(EdgeKind.SAME_AS)
        pairs = {frozenset(p) for p in zip(links["source"], links["target"], strict=True)}
        assert {frozenset((CTX_CO, CONTEXT)), frozenset((SAN_CO, SANCTIONED))} <= pairs
        # risk: a list score and the "listed under a name variant" flag only for the sanctioned one
        ctx_co, san_co = store.node(CTX_CO), store.node(SAN_CO)
        assert ctx_co is not None and san_co is not None
        assert not any(s.startswith("list:") for s in _sources(ctx_co.props) | _sources(context.props))
        assert "flag:LISTED_NAME_MATCH" not in _sources(ctx_co.props)
        assert {"list:FTM", "flag:LISTED_NAME_MATCH"} <= _sources(san_co.props)
        # exports: no list in the risk table, no list hit in the risk list
        table = risk_table(store).set_index("id")
        assert (table.at[CTX_CO, "lists"], table.at[CONTEXT, "lists"]) == ("", "")
        assert table.at[SAN_CO, "lists"] == "FTM"
        entities = {e["id"]: e for e in build_risk_list(store, RiskFilter(min_score=0)).entities}
        assert CTX_CO not in entities or entities[CTX_CO]["list_hits"] == []
        assert [h["entry_id"] for h in entities[SAN_CO]["list_hits"]] == [SANCTIONED]
        # paths: a context entity is not a "listed" target
        index = PathIndex.build(store)
        assert CONTEXT not in index.listed and CTX_CO not in index.listed
        assert SANCTIONED in index.listed and SAN_CO in index.listed
        # the entity report shows it as context, not as a list hit
        report = entity_report(store, CTX_CO)
        assert report.list_hits == []
        assert [c["entry"] for c in report.context_entries] == [CONTEXT]
    finally:
        store.close()


def test_screening_a_context_entity_is_review_at_most(workspace: Settings) -> None:
    rows = pd.DataFrame(
        {
            "name": [
                CONTEXT_NAME,
                "Limited Liability Company Aeroscan",
                CST_NAME,
            ],
            "country": ["RU", "RU", "RU"],
        }
    )
    out = screen(rows, workspace)
    ctx, san, cst = (out.iloc[i] for i in range(3))
    assert ctx["top_match_id"] == CONTEXT and ctx["top_match_score"] < 0.92
    assert ctx["disposition"] == "review"
    assert CONTEXT_REASON in ctx["top_match_reasons"]
    assert ctx["matches"][0]["entry_status"] == "context"
    assert (san["top_match_id"], san["disposition"]) == (SANCTIONED, "block")
    # ЦСТ names both a context registry company and the sanctioned LLC CST: the listing decides
    assert (cst["top_match_id"], cst["disposition"]) == ("list:FTM:NK-abdzbEBkqyT29GyREbiURZ", "block")
    assert any(m["entry_status"] == "context" for m in cst["matches"])


def test_a_context_entry_seeds_no_ownership_and_scores_nothing() -> None:
    """The same world with the owner's entry as a listing and as context: only the listing blocks."""
    from graph.risk.frames import load_frames
    from graph.risk.run import compute_risk_on
    from graph.stores import NetworkxStore

    def world(status: str) -> NetworkxStore:
        store = NetworkxStore()
        store.upsert_nodes(
            NodeKind.LIST_ENTRY,
            [{"id": "list:US_SDN:O", "name": "OWNER", "list": "US_SDN", "status": status}],
        )
        store.upsert_nodes(
            NodeKind.COMPANY,
            [
                {"id": "co:t:O", "name": "OWNER", "country": "DE"},
                {"id": "co:t:SUB", "name": "SUBSIDIARY", "country": "FR"},
            ],
        )
        store.upsert_edges(EdgeKind.SAME_AS, [{"source": "co:t:O", "target": "list:US_SDN:O", "score": 1.0}])
        store.upsert_edges(EdgeKind.OWNS, [{"source": "co:t:O", "target": "co:t:SUB", "pct": 60.0}])
        compute_risk_on(store, AS_OF)
        return store

    listed, context = world("active"), world("context")
    assert list(load_frames(listed).listings["entry_id"]) == ["list:US_SDN:O"]
    assert load_frames(context).listings.empty
    for node in ("co:t:O", "list:US_SDN:O"):
        assert "list:US_SDN" in _sources(listed.node(node).props)  # type: ignore[union-attr]
        assert context.node(node).props["risk_score"] == 0.0  # type: ignore[union-attr]
    owned = json.loads(listed.node("co:t:SUB").props["ownership_json"])  # type: ignore[union-attr]
    assert owned["regimes"]["OFAC"]["status"] == "owned"
    assert "regimes" not in json.loads(context.node("co:t:SUB").props["ownership_json"])  # type: ignore[union-attr]
