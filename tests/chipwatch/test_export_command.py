"""``chipwatch export risk-list`` end to end through the real entry point on the export workspace."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from chipwatch.cli import main
from chipwatch.settings import Settings
from graph import audit
from tests.graph.export.conftest import LISTED_COMPANY, MEU_ENTRY, build_export_workspace


@pytest.fixture(scope="module")
def export_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return build_export_workspace(tmp_path_factory.mktemp("export-cli"))


def _run(
    workspace: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(workspace))
    monkeypatch.setenv("CHIPWATCH_STORE", "networkx")
    code = 0
    try:
        main(["export", "risk-list", *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_csv_and_ftm_exports(export_settings: Settings, tmp_path: Path, monkeypatch, capsys) -> None:
    ws = export_settings.workspace
    before = len(audit.read(export_settings))
    out = tmp_path / "meu.csv"
    code, stdout, err = _run(
        ws,
        ["--min-score", "40", "--list", "us_meu", "--country", "CN", "--out", str(out)],
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    assert "exported 2 entities (risk as of 2026-11-15) as csv" in stdout and "SHA-256" in stdout
    with out.open(newline="", encoding="utf-8") as fh:
        ids = {row["id"] for row in csv.DictReader(fh)}
    # the MEU entry names no nationality; its listed address in Xian puts it in CN
    assert ids == {LISTED_COMPANY, MEU_ENTRY}
    ftm = tmp_path / "risk.jsonl"
    code, stdout, err = _run(
        ws,
        [
            "--min-score",
            "80",
            "--flag",
            "OWNED_BY_LISTED,TRANSSHIPMENT_ROUTE",
            "--format",
            "ftm",
            "--out",
            str(ftm),
        ],
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    first = json.loads(ftm.read_text(encoding="utf-8").splitlines()[0])
    assert first["schema"] in {"Company", "LegalEntity"} and "export.risk" in first["properties"]["topics"]
    assert len(audit.read(export_settings)) == before + 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min-score", "40", "--list", "US_NOPE"], "error: --list US_NOPE: no such list in this workspace"),
        (["--min-score", "40", "--country", "Narnia"], "error: --country 'Narnia': not an ISO 3166"),
        (["--min-score", "40", "--flag", "SHELL_CO"], "error: --flag SHELL_CO: no such red flag"),
    ],
)
def test_unknown_filter_values(
    export_settings: Settings,
    tmp_path: Path,
    monkeypatch,
    capsys,
    args: list[str],
    message: str,
) -> None:
    code, _, err = _run(
        export_settings.workspace, [*args, "--out", str(tmp_path / "x.csv")], monkeypatch, capsys
    )
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


def test_no_risk_yet_and_unwritable_output(tmp_path: Path, monkeypatch, capsys) -> None:
    code, _, err = _run(
        tmp_path / "ws", ["--min-score", "0", "--out", str(tmp_path / "x.csv")], monkeypatch, capsys
    )
    assert code == 2 and "run `chipwatch risk` first" in err
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("file", encoding="utf-8")
    code, _, err = _run(
        tmp_path / "ws", ["--min-score", "0", "--out", str(blocker / "x.xlsx")], monkeypatch, capsys
    )
    assert code == 2 and "cannot write there" in err


def test_help_documents_formats_and_filters(monkeypatch, capsys) -> None:
    code, stdout, _ = _run(Path("."), ["--help"], monkeypatch, capsys)
    assert code == 0
    for word in ("--min-score", "--list", "--country", "--flag", "csv", "xlsx", "json", "ftm", "audit log"):
        assert word in stdout
