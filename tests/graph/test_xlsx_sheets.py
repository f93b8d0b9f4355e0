"""Sheets written as XML text (graph.xlsx_sheets) are the bytes openpyxl's write-only ``append``
writes for the same values; what that way cannot write exactly is left to openpyxl; an XLSX from
``write_table`` reads back with every hostile cell neutralised and cleaned, sheet by sheet, as
the openpyxl-only writer wrote it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl import Workbook

from graph import xlsx_sheets
from graph.excel_safe import (
    DANGEROUS_PREFIXES,
    XLSX_CELL_LIMIT,
    _plain_column,
    _sheet_name,
    _xlsx_cell,
    _xlsx_text,
    make_safe,
    write_table,
)

HOSTILE = [
    *(p + "cmd|' /C calc'!A0" for p in DANGEROUS_PREFIXES),
    *DANGEROUS_PREFIXES,
    '=HYPERLINK("http://x","y")',
    "@SUM(A1)",
    "",
    " leading",
    "trailing ",
    "\ttab first",
    "line\nbreak\r\nand CR",
    "ok\x00with\x1fcontrol\x0bchars",
    "a & b < c > d \"quoted\" 'single'",
    "Ünïcödé 华为 – ‘quotes’ 😀",
    "#N/A",
    "'already quoted",
    "=" + "x" * (XLSX_CELL_LIMIT - 1),
    "y" * (XLSX_CELL_LIMIT + 5),
    None,
    np.nan,
]


def _frame() -> pd.DataFrame:
    n = len(HOSTILE)
    return pd.DataFrame(
        {
            "text": HOSTILE,
            "=header": ["plain"] * n,
            "ints": list(range(n)),
            "floats": [0.1 * i if i % 5 else np.nan for i in range(n)],
            "big": [1e20, 10**17, -3, 2.5e-9, float("inf"), *[1.0] * (n - 5)],
            "flags": [i % 2 == 0 for i in range(n)],
            "mixed": [1, "x", None, 2.5, True, *["=1"] * (n - 5)],
            "arrow": pd.array([*HOSTILE[:-2], None, None], dtype="string"),
        }
    )


def _openpyxl_only(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """The writer before graph.xlsx_sheets: every row through openpyxl's write-only append."""
    book = Workbook(write_only=True)
    taken: set[str] = set()
    for name, frame in sheets.items():
        safe = make_safe(frame, cell=_xlsx_cell, text=_xlsx_text)
        sheet = book.create_sheet(_sheet_name(name, taken))
        sheet.append(list(safe.columns))
        for row in zip(*(_plain_column(safe[c]) for c in safe.columns), strict=True):
            sheet.append(list(row))
    book.save(path)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def test_plain_sheet_rows_are_openpyxls_bytes() -> None:
    safe = make_safe(_frame(), cell=_xlsx_cell, text=_xlsx_text)
    header, columns = list(safe.columns), [_plain_column(safe[c]) for c in safe.columns]
    assert xlsx_sheets.plain_sheet(header, columns)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append(header)
    for row in zip(*columns, strict=True):
        sheet.append(list(row))
    sheet.append([None] * len(header))  # a row of nothing but missing values
    buf = io.BytesIO()
    book.save(buf)
    xml = zipfile.ZipFile(buf).read("xl/worksheets/sheet1.xml")
    expected = xml[xml.index(b"<sheetData>") + len(b"<sheetData>") : xml.index(b"</sheetData>")]
    columns = [[*c, None] for c in columns]
    assert b"".join(xlsx_sheets.sheet_rows(header, columns)) == expected


def test_rows_are_written_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    columns = [list(range(7)), [f"r{i}" for i in range(7)]]
    whole = b"".join(xlsx_sheets.sheet_rows(["a", "b"], columns))
    monkeypatch.setattr(xlsx_sheets, "BLOCK_ROWS", 3)
    assert len(list(xlsx_sheets.sheet_rows(["a", "b"], columns))) == 1 + 3
    assert b"".join(xlsx_sheets.sheet_rows(["a", "b"], columns)) == whole


@pytest.mark.parametrize(
    "values",
    [
        ["=1+2"],  # a formula to openpyxl
        ["bell\x07"],  # refused by openpyxl
        ["z" * (XLSX_CELL_LIMIT + 1)],  # cut by openpyxl
        [dt.datetime(2026, 1, 2, 3, 4)],  # a date with a number format
        [dt.date(2026, 1, 2)],
        [np.int64(3)],
    ],
)
def test_values_openpyxl_writes_its_own_way_are_left_to_it(values: list[Any]) -> None:
    assert not xlsx_sheets.plain_sheet(["a"], [values])
    assert not xlsx_sheets.plain_sheet([values[0]], [["x"]])


def test_tables_without_rows_or_columns_match_openpyxl(tmp_path: Path) -> None:
    sheets = {"results": pd.DataFrame(columns=["a", "=b"]), "none": pd.DataFrame()}
    write_table(sheets["results"], tmp_path / "new.xlsx", sheets={"none": sheets["none"]})
    _openpyxl_only(tmp_path / "old.xlsx", sheets)
    expected = {"results": [("a", "'=b")], "none": []}
    assert _values(tmp_path / "new.xlsx") == _values(tmp_path / "old.xlsx") == expected
    new, old = _members(tmp_path / "new.xlsx"), _members(tmp_path / "old.xlsx")
    assert new["xl/worksheets/sheet1.xml"] == old["xl/worksheets/sheet1.xml"]
    assert new["xl/worksheets/sheet2.xml"] == old["xl/worksheets/sheet2.xml"]


def test_text_with_an_equals_sign_after_a_line_break_is_plain() -> None:
    assert xlsx_sheets.plain_sheet(["a"], [["x\n=1+2", "="]])


def test_xlsx_reads_back_as_the_openpyxl_only_writer_wrote_it(tmp_path: Path) -> None:
    meta = pd.DataFrame({"key": ["generated_at", "rows"], "value": ["2026-12-03T08:00:00+00:00", 3]})
    when = pd.DataFrame({"at": [dt.datetime(2026, 12, 3, 8, 0)], "what": ["=cmd"]})  # openpyxl's way
    sheets = {"results": _frame(), "meta/data: [1]": meta, "when": when}
    write_table(
        _frame(), tmp_path / "new.xlsx", sheet="results", sheets={k: sheets[k] for k in list(sheets)[1:]}
    )
    _openpyxl_only(tmp_path / "old.xlsx", sheets)
    new, old = _members(tmp_path / "new.xlsx"), _members(tmp_path / "old.xlsx")
    assert list(new) == list(old)
    for member in new:
        if member != "docProps/core.xml":  # holds the time of writing
            assert new[member] == old[member], member
    assert _values(tmp_path / "new.xlsx") == _values(tmp_path / "old.xlsx")


def test_hostile_cells_read_back_neutralised_and_clean(tmp_path: Path) -> None:
    path = write_table(_frame(), tmp_path / "t.xlsx").path
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["results"]
    rows = list(book["results"].iter_rows(values_only=True))
    assert rows[0] == ("text", "'=header", "ints", "floats", "big", "flags", "mixed", "arrow")
    text = [r[0] for r in rows[1:]]
    for cell in text:
        assert cell is None or not cell.startswith(DANGEROUS_PREFIXES), cell
    assert text[: len(DANGEROUS_PREFIXES)] == ["'" + p + "cmd|' /C calc'!A0" for p in DANGEROUS_PREFIXES]
    assert '\'=HYPERLINK("http://x","y")' in text and "'@SUM(A1)" in text
    assert " leading" in text and "trailing " in text and "'\ttab first" in text
    assert "line\nbreak\r\nand CR" in text and "okwithcontrolchars" in text
    assert "a & b < c > d \"quoted\" 'single'" in text and "Ünïcödé 华为 – ‘quotes’ 😀" in text
    assert "#N/A" in text and "''already quoted" not in text and "'already quoted" in text
    assert max(len(c) for c in text if c) == XLSX_CELL_LIMIT
    assert text[-2:] == [None, None] and "" not in text  # openpyxl reads an empty text cell as None
    assert [r[2] for r in rows[1:4]] == [0, 1, 2] and rows[1][3] is None and rows[2][3] == 0.1
    assert [r[4] for r in rows[1:5]] == [1e20, 10**17, -3, 2.5e-9]
    assert [r[5] for r in rows[1:3]] == [True, False]
    assert [r[6] for r in rows[1:7]] == [1, "x", None, 2.5, True, "'=1"]
    assert [r[7] for r in rows[1:]] == text


def test_openpyxl_writes_through_lxml_so_a_carriage_return_survives(tmp_path: Path) -> None:
    """Without lxml openpyxl writes CR raw and it reads back as LF; lxml is a runtime dependency, so
    the sheets openpyxl writes and those graph.xlsx_sheets writes keep a CR alike."""
    assert openpyxl.LXML
    book = Workbook(write_only=True)
    book.create_sheet("s").append(["line\rCR"])
    book.save(tmp_path / "openpyxl.xlsx")
    write_table(pd.DataFrame({"name": ["line\rCR"]}), tmp_path / "chipwatch.xlsx")
    for name, row in (("openpyxl", 1), ("chipwatch", 2)):
        sheet = openpyxl.load_workbook(tmp_path / f"{name}.xlsx", read_only=True).worksheets[0]
        assert [c.value for c in next(sheet.iter_rows(min_row=row))] == ["line\rCR"]
