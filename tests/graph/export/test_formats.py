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
from graph.export.risk_table import RiskFilter
from graph.export.run import export_risk_list
from tests.graph.export.conftest import (
    CSL,
    HOSTILE_COMPANY,
    HOSTILE_NAME,
    LISTED_COMPANY,
    OWNED_COMPANY,
)

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


def test_json_is_the_full_nested_structure_with_exact_values(exported) -> None:
    doc = json.loads(exported["json"].read_text(encoding="utf-8"))
    assert set(doc) == {"metadata", "entities"}
    assert doc["metadata"]["rows"] == len(doc["entities"])
    entry = next(e for e in doc["entities"] if e["id"] == "list:CUSTOM:HOSTILE-1")
    assert entry["name"] == HOSTILE_NAME  # data, not a spreadsheet: kept exactly
    owned = next(e for e in doc["entities"] if e["id"] == OWNED_COMPANY)
    assert owned["flags"][0]["evidence"]["items"]
    assert owned["ownership_status"]["BIS_AFFILIATES"].startswith("owned")
