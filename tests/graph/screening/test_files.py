"""Screening files: type checks, column mapping, hostile workbooks, chunked reading, atomic output."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from chipwatch.errors import InputFileError
from graph.audit import file_sha256
from graph.screening.files import NoNameColumnError, ResultWriter, check_input, input_format, read_chunks

from .conftest import COMPANIES_HOUSE


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_real_companies_house_csv_reads_with_a_mapped_name_column() -> None:
    chunks = list(read_chunks(COMPANIES_HOUSE, {"name": "CompanyName"}, chunk_rows=10))
    assert [len(c) for c in chunks] == [10, 10, 10, 1]
    assert chunks[0]["name"].iloc[0] == "! LIMITED"
    assert chunks[-1]["_row"].tolist() == [31]
    assert chunks[0].attrs["column_map"] == {"CompanyName": "name"}


def test_missing_name_column_is_a_clear_error() -> None:
    with pytest.raises(NoNameColumnError, match=r"no 'name' column .*CompanyName.*--map name=COLUMN") as err:
        list(read_chunks(COMPANIES_HOUSE, {}))
    assert err.value.columns[0] == "CompanyName"  # the app words its own remedy from these


@pytest.mark.parametrize(
    ("text", "delimiter", "first"),
    [
        # Excel's "CSV" where the comma is the decimal sign: semicolons, names quoted when they hold one.
        (
            'id;name;country;turnover\n1;"Müller; Söhne, GmbH";DE;1,5\n2;"Acme, Inc";US;2,75\n',
            ";",
            "Müller; Söhne, GmbH",
        ),
        (
            'id\tname\tcountry\tturnover\n1\t"Müller; Söhne, GmbH"\tDE\t1,5\n2\t"Acme, Inc"\tUS\t2,75\n',
            "\t",
            "Müller; Söhne, GmbH",
        ),
        (
            'id,name,country,turnover\n1,"Müller; Söhne\tGmbH",DE,"1,5"\n2,"Acme, Inc",US,"2,75"\n',
            ",",
            "Müller; Söhne\tGmbH",
        ),
    ],
)
def test_semicolon_and_tab_separated_files_are_read(
    tmp_path: Path, text: str, delimiter: str, first: str
) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(text, encoding="utf-8")
    (chunk,) = list(read_chunks(path, {}))
    assert chunk.columns.tolist() == ["_row", "id", "name", "country", "turnover"]
    assert chunk["name"].tolist() == [first, "Acme, Inc"]
    assert chunk["turnover"].tolist() == ["1,5", "2,75"]
    assert chunk.attrs["delimiter"] == delimiter


def test_a_one_column_file_with_semicolons_in_its_names_stays_one_column(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("name\n" + "Acme; Widgets\n" * 30, encoding="utf-8")
    chunks = list(read_chunks(path, {}))
    assert chunks[0]["name"].iloc[0] == "Acme; Widgets" and chunks[0].attrs["delimiter"] == ","


def test_a_header_read_as_one_column_says_so(tmp_path: Path) -> None:
    # A header the separator cannot be told from (one row with fewer fields) is read with commas.
    path = tmp_path / "odd.csv"
    path.write_text("Firma;Land\nAcme\n", encoding="utf-8")
    with pytest.raises(NoNameColumnError, match=r"columns are: Firma;Land\); the header reads as one column"):
        list(read_chunks(path, {}))


def test_unknown_mapping_target_names_the_column(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such column"):
        list(read_chunks(COMPANIES_HOUSE, {"name": "Firm"}))


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("list.pdf", b"%PDF-1.7", "unsupported file type"),
        ("list.csv", b"PK\x03\x04binary", "not a text CSV"),
        ("list.csv", b"name\x00\x00", "not a text CSV"),
        ("list.xlsx", b"name,country\n", "not an XLSX workbook"),
        ("list.xlsm", b"PK\x03\x04", "macros"),
    ],
)
def test_wrong_file_types_are_refused(tmp_path: Path, filename: str, content: bytes, message: str) -> None:
    path = tmp_path / filename
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message):
        input_format(path)


@pytest.mark.parametrize(
    ("member", "message"),
    [("xl/vbaProject.bin", "macros"), ("xl/externalLinks/externalLink1.xml", "external links")],
)
def test_workbooks_with_macros_or_external_links_are_refused(
    tmp_path: Path, member: str, message: str
) -> None:
    path = _xlsx(tmp_path / "in.xlsx", [["name"], ["ACME"]])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(member, b"<x/>")
    with pytest.raises(InputFileError, match=message):
        list(read_chunks(path, {}))


def test_xlsx_empty_rows_are_skipped_and_formulas_read_as_text(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "in.xlsx", [["Name", "Country"], ["ACME", "GB"], [None, None], ['=HYPERLINK("x")', "US"]]
    )
    (chunk,) = list(read_chunks(path, {}))
    assert chunk["name"].tolist() == ["ACME", '=HYPERLINK("x")']
    assert chunk["country"].tolist() == ["GB", "US"]


def test_five_megabyte_cell_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("name,note\nACME," + "x" * 5_000_000 + "\n", encoding="utf-8")
    (chunk,) = list(read_chunks(path, {}))
    assert len(chunk["note"].iloc[0]) == 5_000_000


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputFileError, match="empty"):
        list(read_chunks(path, {}))


def test_a_first_row_with_more_fields_than_the_header_is_refused(tmp_path: Path) -> None:
    # pandas would read "Acme" as an index label and screen " Inc." as the name, silently
    path = tmp_path / "customers.csv"
    path.write_text("name,country\nAcme, Inc.,CN\nBeta, Ltd,US\n", encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        list(read_chunks(path, {}))
    assert (err.value.row, err.value.line) == (1, 2)
    assert "row 1 (line 2)" in str(err.value) and "3 fields but the header names 2" in str(err.value)
    assert "double quotes" in str(err.value) and "nothing was screened" in str(err.value)


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame(
        {"_row": [1], "name": ["=cmd|' /C calc'!A0"], "disposition": ["clear"], "matches": [[]]}
    )
    frame.attrs["column_map"] = {"Company": "name"}
    return frame


def test_writer_is_excel_safe_and_restores_column_names(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    writer = ResultWriter(out, {"input_sha256": "abc"})
    writer.write(_frame())
    writer.commit({"rows": 1})
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["results", "matches", "run"]
    results = list(wb["results"].values)
    assert results[0][:2] == ("input_row", "Company")
    assert results[1][1] == "'=cmd|' /C calc'!A0"
    assert all(
        not (isinstance(c.value, str) and c.value.startswith("=")) for row in wb["results"] for c in row
    )


def test_failed_run_leaves_no_output(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    writer = ResultWriter(out, {})
    writer.write(_frame())
    writer.abort()
    assert not out.exists() and not (tmp_path / "out.json.partial").exists()


def test_json_output_holds_results_and_run(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    writer = ResultWriter(out, {"list_versions": ["v1"]})
    writer.write(_frame())
    writer.commit({"rows": 1})
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["run"] == {"list_versions": ["v1"], "rows": 1}
    assert doc["results"][0]["Company"].startswith("=cmd")  # JSON is data, not a spreadsheet


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_header_without_rows_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"header.{suffix}"
    if suffix == "csv":
        path.write_text("id,name,country\n\n", encoding="utf-8")
    else:
        _xlsx(path, [["id", "name", "country"]])
    with pytest.raises(InputFileError, match="header only: no data rows"):
        list(read_chunks(path, {}))


def test_mis_encoded_name_is_refused_with_row_and_field(tmp_path: Path) -> None:
    # Excel's plain "CSV" on Windows writes cp1252: MÜLLER must not be screened as M\ufffdLLER.
    path = tmp_path / "cp1252.csv"
    path.write_bytes("id,name,country\nC1,Acme Ltd,GB\n\nC2,Müller GmbH,DE\n".encode("cp1252"))
    with pytest.raises(InputFileError) as err:
        list(read_chunks(path, {}))
    assert (err.value.row, err.value.field) == (2, "name")
    assert "row 2 (line 4), field 'name'" in str(err.value)  # the blank line 3 is not a row
    assert "byte 0xfc" in str(err.value) and "CSV UTF-8" in str(err.value)


@pytest.mark.parametrize("name", ["\rCR Trading", "CR\rInside Co", "LF\nInside Co"])
def test_csv_result_keeps_a_name_with_a_line_break_in_one_row(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out.csv"
    frame = pd.DataFrame(
        {"_row": [1, 2], "name": [name, "Next Co"], "disposition": ["clear", "clear"], "matches": [[], []]}
    )
    writer = ResultWriter(out, {})
    writer.write(frame)
    writer.commit({})
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert back["input_row"].tolist() == ["1", "2"] and back["name"].iloc[1] == "Next Co"
    assert back["name"].iloc[0].lstrip("'") == name


def test_input_columns_named_like_result_columns_are_kept_under_their_own_name(tmp_path: Path) -> None:
    # A re-screened result file, or a customer master with its own "disposition" column: the new
    # result must not overwrite the officer's values nor write a second "input_row".
    path = tmp_path / "master.csv"
    path.write_text("input_row,name,disposition,risk_score,matches\n7,ACME,approved 2024,low,see memo\n")
    (chunk,) = list(read_chunks(path, {}))
    assert chunk.columns.tolist() == [
        "_row",
        "input_row (input)",
        "name",
        "disposition (input)",
        "risk_score (input)",
        "matches (input)",
    ]
    assert chunk[["disposition (input)", "matches (input)"]].iloc[0].tolist() == ["approved 2024", "see memo"]


@pytest.mark.parametrize("suffix", ["csv", "json", "xlsx"])
def test_writer_creates_the_output_folder_or_says_why_it_cannot(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "new" / "folder" / f"out.{suffix}"
    writer = ResultWriter(out, {})
    writer.write(_frame())
    writer.commit({})
    assert out.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(InputFileError, match="cannot write"):
        ResultWriter(blocker / f"out.{suffix}", {})


class _CountedReads:
    """Bytes read from one file through ``Path.open`` in binary mode (its checks and its hashes)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
        self.bytes = 0
        original = Path.open
        counter = self

        class Counted:
            def __init__(self, fh: Any) -> None:
                self._fh = fh

            def read(self, size: int = -1) -> bytes:
                block = self._fh.read(size)
                counter.bytes += len(block)
                return block

            def __enter__(self) -> Counted:
                return self

            def __exit__(self, *exc: object) -> None:
                self._fh.close()

            def __getattr__(self, name: str) -> Any:
                return getattr(self._fh, name)

        def open_counted(p: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            fh = original(p, mode, *args, **kwargs)
            return Counted(fh) if "b" in mode and p == path else fh

        monkeypatch.setattr(Path, "open", open_counted)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_input_check_reads_the_file_once_and_gives_its_sha256(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    # The encoding check decodes a CSV whole and the run records its SHA-256: one read does both.
    path = tmp_path / f"customers.{suffix}"
    rows = [["name", "country"], *([f"Customer {i} Trading GmbH", "DE"] for i in range(20_000))]
    if suffix == "csv":
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        _xlsx(path, rows)
    digest = file_sha256(path)
    reads = _CountedReads(monkeypatch, path)
    assert check_input(path, {}) == digest
    # the whole file once, plus the head its type is told by (the rows are read by the parser)
    assert path.stat().st_size > 100_000 and reads.bytes < path.stat().st_size + 64 * 1024
