"""export_risk_list: atomic file, one audit record after success only, clear errors."""

from __future__ import annotations

import errno
import io
from pathlib import Path

import openpyxl
import pytest

from chipwatch.settings import Settings
from graph import audit
from graph.export import run
from graph.export.risk_table import RiskFilter, RiskNotComputedError, UnknownFilterError
from graph.export.run import ExportError, export_risk_list, risk_list_bytes
from graph.tables.lists import load_list_tables


def test_export_is_audited_with_filters_rows_and_sha(export_settings: Settings, tmp_path: Path) -> None:
    before = len(audit.read(export_settings))
    flt = RiskFilter(min_score=40, lists=("US_MEU",))
    summary = export_risk_list(export_settings, flt, tmp_path / "meu.json")
    records = audit.read(export_settings)
    assert len(records) == before + 1
    rec = records[-1]
    assert rec.event == "export"
    p = rec.payload
    assert p["export"] == "risk_list" and p["format"] == "json" and p["origin"] == "cli"
    assert p["rows"] == summary.rows == 2
    assert p["output_sha256"] == audit.file_sha256(tmp_path / "meu.json")
    assert p["filters"]["lists"] == ["US_MEU"] and p["filters"]["min_score"] == 40.0
    assert p["risk_as_of"] == "2026-11-15"
    shas = {v["sha256"] for v in p["list_versions"]}
    assert shas == set(load_list_tables(export_settings).versions["sha256"])
    assert audit.verify(export_settings).ok


def test_failed_write_leaves_previous_file_and_no_audit_record(
    export_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "risk.csv"
    out.write_text("previous export\n", encoding="utf-8")
    before = len(audit.read(export_settings))

    def disk_full(rl, path: Path) -> int:
        path.write_text("id,name\nhalf a file", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setitem(run.WRITERS, run.ExportFormat.CSV, disk_full)
    with pytest.raises(ExportError, match=r"No space left on device.*nothing was written"):
        export_risk_list(export_settings, RiskFilter(min_score=1), out)
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["risk.csv"]  # no temporary file left behind
    assert len(audit.read(export_settings)) == before


@pytest.mark.parametrize(
    ("make_out", "message"),
    [
        (lambda tmp: tmp / "folder.csv", "is a folder"),
        (lambda tmp: tmp / "file.txt" / "risk.csv", "cannot write there"),
        (lambda tmp: tmp / "risk.txt", "cannot tell the format"),
    ],
)
def test_unwritable_output_is_refused_before_any_work(
    export_settings: Settings, tmp_path: Path, make_out, message: str
) -> None:
    (tmp_path / "file.txt").write_text("a file, not a folder", encoding="utf-8")
    (tmp_path / "folder.csv").mkdir()
    before = len(audit.read(export_settings))
    with pytest.raises(ExportError, match=message):
        export_risk_list(export_settings, RiskFilter(min_score=1), make_out(tmp_path))
    assert len(audit.read(export_settings)) == before


def test_no_risk_results_and_bad_filters_write_nothing(export_settings: Settings, tmp_path: Path) -> None:
    empty = Settings(workspace=tmp_path / "empty")
    with pytest.raises(RiskNotComputedError, match="run `chipwatch risk` first"):
        export_risk_list(empty, RiskFilter(min_score=1), tmp_path / "out.csv")
    with pytest.raises(UnknownFilterError, match="--flag NOT_A_FLAG"):
        export_risk_list(export_settings, RiskFilter(flags=("NOT_A_FLAG",)), tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()
    assert audit.read(empty) == []


def test_app_download_is_the_same_audited_export(export_settings: Settings) -> None:
    before = len(audit.read(export_settings))
    data = risk_list_bytes(export_settings, RiskFilter(min_score=80, levels=("block",)), "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[-1] == "metadata"
    header, *rows = book["entities"].iter_rows(values_only=True)
    level = header.index("risk_level")
    assert rows and all(r[level] == "block" for r in rows)
    rec = audit.read(export_settings)[-1]
    assert len(audit.read(export_settings)) == before + 1
    assert rec.payload["origin"] == "app" and rec.payload["rows"] == len(rows)
