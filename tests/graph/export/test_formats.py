"""The risk list written as CSV, XLSX and JSON: Excel-safe cells (checked by opening the files),
one CSV row per entity, XLSX sheets with provenance, JSON with the full nested structure."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from chipwatch.settings import Settings
from graph.audit import file_sha256
from graph.excel_safe import DANGEROUS_PREFIXES
from graph.export.formats import write_csv, write_xlsx
from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter
from graph.export.run import export_risk_list
from graph.model import NodeKind
from graph.risk.run import compute_risk_on
from graph.stores import NetworkxStore
from tests.graph.export.conftest import (
    AS_OF,
    CSL,
    DTC_PERSON,
    HOSTILE_COMPANY,
    HOSTILE_NAME,
    LISTED_COMPANY,
    NAME_KIND_ENTRY,
    OWNED_COMPANY,
)
from tests.graph.risk.conftest import build_world

FILTER = RiskFilter(min_score=1)


@pytest.fixture(scope="module")
def exported(export_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("exports")
    files = {}
    for fmt in ("csv", "xlsx", "json"):
        summary = export_risk_list(export_settings, FILTER, out / f"risk.{fmt}")
        assert summary.sha256 == file_sha256(summary.path)
        files[fmt] = summary.path
    return files


def _assert_safe(value: str, where: str) -> None:
    assert not value.startswith(DANGEROUS_PREFIXES), f"{where}: {value[:60]!r} would be evaluated"


def test_xlsx_cells_are_neutralised_and_provenance_has_sheets(exported) -> None:
    book = openpyxl.load_workbook(exported["xlsx"])
    assert book.sheetnames == ["entities", "list_hits", "flags", "list_versions", "metadata"]
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    _assert_safe(cell.value, f"{sheet.title}!{cell.coordinate}")
                    texts.append(cell.value)
    assert "'" + HOSTILE_NAME in texts  # the planted list entry's name, shown as text
    assert "'" + HOSTILE_COMPANY in texts  # the planted company's name
    assert any(t.startswith("'@SUM(1+1)") for t in texts)  # its alias
    assert any(t.startswith("'-2+3+cmd") for t in texts)  # its programme (list_hits sheet)
    entities = list(book["entities"].iter_rows(values_only=True))
    header = entities[0]
    assert {"risk_score", "reasons", "list_hits", "ownership_BIS_AFFILIATES", "fr_notices"} <= set(header)
    person = dict(zip(header, next(r for r in entities if r[0] == DTC_PERSON), strict=True))
    assert person["kind_source"] == "name" and "BENITEZ" in person["kind_evidence"]
    meta = {k: v for k, v in book["metadata"].iter_rows(min_row=2, values_only=True)}
    assert meta["risk_as_of"] == "2026-11-15" and meta["generated_at"]
    versions = list(book["list_versions"].iter_rows(values_only=True))
    assert any(file_sha256(CSL) in row for row in versions)
    flags = list(book["flags"].iter_rows(values_only=True))
    assert any(
        r[0] == OWNED_COMPANY and r[2] == "OWNED_BY_LISTED" and "BIS_AFFILIATES" in r[6] for r in flags
    )


def test_csv_one_row_per_entity_cells_neutralised(exported) -> None:
    with exported["csv"].open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    for i, row in enumerate(rows):
        for col, value in zip(header, row, strict=True):
            _assert_safe(value, f"line {i + 1}, column {col}")
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in body}
    assert len(by_id) == len(body)
    assert by_id["list:CUSTOM:HOSTILE-1"]["name"] == "'" + HOSTILE_NAME
    assert by_id[OWNED_COMPANY]["name"] == "'" + HOSTILE_COMPANY
    assert by_id[OWNED_COMPANY]["ownership_BIS_AFFILIATES"] == "owned (blocked 60 %)"
    listed = by_id[LISTED_COMPANY]
    assert listed["lists"] == "US_MEU" and listed["fr_notices"] == "85 FR 83799"
    assert listed["list_versions"].startswith("csl@") and listed["generated_at"]
    hits = json.loads(listed["list_hits_json"])
    assert hits[0]["list_sha256"] == file_sha256(CSL)
    assert (listed["entity_type"], listed["kind_source"], listed["kind_evidence"]) == ("company", "type", "")
    person = by_id[DTC_PERSON]  # no type published: the kind was read from the name, with why
    assert (person["entity_type"], person["kind_source"]) == ("person", "name")
    assert person["kind_evidence"].startswith("no legal form") and "BENITEZ" in person["kind_evidence"]


def test_json_is_the_full_nested_structure_with_exact_values(exported) -> None:
    doc = json.loads(exported["json"].read_text(encoding="utf-8"))
    assert set(doc) == {"metadata", "entities"}
    assert doc["metadata"]["rows"] == len(doc["entities"])
    entry = next(e for e in doc["entities"] if e["id"] == "list:CUSTOM:HOSTILE-1")
    assert entry["name"] == HOSTILE_NAME  # data, not a spreadsheet: kept exactly
    owned = next(e for e in doc["entities"] if e["id"] == OWNED_COMPANY)
    assert owned["flags"][0]["evidence"]["items"]
    assert owned["ownership_status"]["BIS_AFFILIATES"].startswith("owned")


def test_kind_evidence_that_is_a_formula_is_neutralised(tmp_path: Path) -> None:
    store = build_world(NetworkxStore())
    store.upsert_nodes(NodeKind.LIST_ENTRY, [NAME_KIND_ENTRY])
    compute_risk_on(store, AS_OF)
    rl = build_risk_list(store, FILTER)
    evidence = NAME_KIND_ENTRY["kind_evidence"]
    write_csv(rl, tmp_path / "risk.csv")
    with (tmp_path / "risk.csv").open(newline="", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["id"] == NAME_KIND_ENTRY["id"])
    assert (row["kind_source"], row["kind_evidence"]) == ("name", "'" + evidence)
    write_xlsx(rl, tmp_path / "risk.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "risk.xlsx")["entities"]
    rows = list(sheet.iter_rows())
    column = [c.value for c in rows[0]].index("kind_evidence")
    [cell] = [r[column] for r in rows if r[0].value == NAME_KIND_ENTRY["id"]]
    assert cell.data_type != "f" and cell.value == "'" + evidence
