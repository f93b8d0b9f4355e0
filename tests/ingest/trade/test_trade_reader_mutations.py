"""Mutation sweep over the trade and registry readers and the screening input reader: each damaged
copy of a small valid file is either read (to as many rows as the valid file, or fewer only
where the cut left a well-formed file) or refused with an :class:`InputFileError` naming the file
and the line/row or field — never a pandas, csv, JSON or Unicode traceback. What is read holds no
control character and no value over the field size limit. A failed load leaves the trade tables as
they were.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph.csv_delimiters import SAMPLE_LINES
from graph.screening.files import check_input, read_chunks
from graph.tables.trade import read_trade_table
from graph.text_cells import MAX_FIELD_CHARS
from ingest.trade.formats import detect, to_canonical
from ingest.trade.load import COLUMNS, TradeKind, canonicalise, ingest_trade_file
from ingest.trade.reader import read_table
from tests.ingest.mutants import FILE_LEVEL, SAME_RECORDS, TRUNCATIONS, first_lines, mutants

ROOT = Path(__file__).resolve().parents[3]
COMPANIES = ROOT / "tests" / "fixtures" / "companies"
DEMO = ROOT / "data" / "demo_world"
TODAY = dt.date(2026, 11, 1)

#: source → (file name, trade kind, how to get a small valid file); kind "screen" is a screening input.
SOURCES = {
    "shipments": (
        "shipments.csv",
        "shipments",
        lambda: first_lines((DEMO / "shipments.csv").read_bytes(), 15),
    ),
    "companies": (
        "companies.csv",
        "companies",
        lambda: first_lines((DEMO / "companies.csv").read_bytes(), 15),
    ),
    "gleif-json": (
        "gleif.json",
        "companies",
        lambda: (COMPANIES / "gleif_lei2_excerpt_2024-05-05.json").read_bytes(),
    ),
    "gleif-csv": (
        "gleif.csv",
        "companies",
        lambda: (COMPANIES / "gleif_lei2_golden_copy_layout_derived.csv").read_bytes(),
    ),
    "gleif-rr-json": ("rr.json", "ownership", lambda: (COMPANIES / "gleif_rr_derived.json").read_bytes()),
    "companies-house": (
        "ch.csv",
        "companies",
        lambda: first_lines((COMPANIES / "uk_companies_house_basic_sample_2021-01.csv").read_bytes(), 15),
    ),
    "screening": (
        "input.csv",
        "screen",
        lambda: (ROOT / "tests" / "fixtures" / "app" / "counterparties.csv").read_bytes(),
    ),
}

#: Cuts that leave a well-formed shorter file (on a record boundary, or inside a last field).
UNDETECTABLE_CUTS = {("gleif-csv", "trunc_half"), ("screening", "trunc_after_quote")}
#: A screening input is CSV or XLSX, never compressed.
SKIP = {("screening", "gzip")}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@cache
def _valid(source: str) -> bytes:
    return SOURCES[source][2]()


def _cases() -> Iterator[tuple[str, str]]:
    for source in SOURCES:
        for name in mutants(_valid(source)):
            if (source, name) not in SKIP:
                yield source, name


def _read(source: str, path: Path, settings: Settings) -> int:
    """Rows read from ``path`` as a load reads and validates them (without writing the tables);
    asserts that no value read holds a control character or is over the field size limit."""
    kind = SOURCES[source][1]
    if kind == "screen":
        check_input(path, {})
        chunks = list(read_chunks(path, {}))
        _assert_clean([chunk.drop(columns="_row") for chunk in chunks], max_chars=None)
        return sum(len(chunk) for chunk in chunks)
    trade_kind = TradeKind(kind)
    _, frame = to_canonical(path, detect(path))
    columns, required = COLUMNS[trade_kind]
    table = read_table(path, columns, required, frame=frame)
    _assert_clean([table])
    return canonicalise(settings, trade_kind, path, table, "csv", TODAY).rows_read


def _assert_clean(frames: list[pd.DataFrame], max_chars: int | None = MAX_FIELD_CHARS) -> None:
    """No control character in what was read, and (a trade file) no value over the field size
    limit; a screening input's long cell is screened by its head, not refused."""
    for frame in frames:
        for column in frame.columns:
            for value in frame[column].astype(str):
                assert not _CONTROL.search(value), f"control character read into {column}: {value[:80]!r}"
                assert max_chars is None or len(value) <= max_chars, f"a {len(value):,}-character {column}"


_VALID_ROWS: dict[str, int] = {}


def _valid_rows(source: str, factory: pytest.TempPathFactory) -> int:
    if source not in _VALID_ROWS:
        folder = factory.mktemp(source)
        path = _write(folder, source, "valid", _valid(source))
        _VALID_ROWS[source] = _read(source, path, Settings(workspace=folder / "ws"))
    return _VALID_ROWS[source]


def _write(tmp_path: Path, source: str, mutant: str, data: bytes) -> Path:
    name = SOURCES[source][0]
    path = tmp_path / (name + ".gz" if mutant.startswith("gzip") else name)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("source", "mutant"), list(_cases()))
def test_a_damaged_trade_or_screening_file_is_read_or_refused_clearly(
    source: str, mutant: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = _write(tmp_path, source, mutant, mutants(_valid(source))[mutant])
    try:
        rows = _read(source, path, Settings(workspace=tmp_path / "ws"))
    except InputFileError as err:
        assert str(path) in str(err), str(err)
        if mutant not in FILE_LEVEL and mutant not in ("utf16le_no_bom", "header_only"):
            assert err.line is not None or err.row is not None or err.field is not None, str(err)
        return
    valid_rows = _valid_rows(source, tmp_path_factory)
    if mutant in SAME_RECORDS:
        assert rows == valid_rows
    if mutant in TRUNCATIONS and (source, mutant) not in UNDETECTABLE_CUTS:
        assert rows == valid_rows, f"truncated file read as {rows} of {valid_rows} rows"


@pytest.mark.parametrize("source", ["companies", "shipments", "gleif-json"])
def test_a_failed_trade_load_leaves_the_tables_intact(source: str, tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    kind = SOURCES[source][1]
    good = _write(tmp_path, source, "valid", _valid(source))
    ingest_trade_file(settings, kind, good, today=TODAY)
    before = {t: read_trade_table(settings, t) for t in ("companies", "shipments", "trade_files")}
    (tmp_path / "bad").mkdir()
    bad = _write(tmp_path / "bad", source, "trunc_after_quote", mutants(_valid(source))["trunc_after_quote"])
    with pytest.raises(InputFileError):
        ingest_trade_file(settings, kind, bad, today=TODAY)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(read_trade_table(settings, table), frame)


def test_a_semicolon_separated_screening_input_cut_short_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "input.csv"
    # more rows than the separator is told from: the cut row is not among them
    rows = "".join(f"Firma {i} GmbH;DE;Hauptstr. {i}\n" for i in range(1, SAMPLE_LINES + 3))
    path.write_text(f"name;country;address\n{rows}Zeta SARL;FR", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        check_input(path, {})
    assert (info.value.row, info.value.line) == (SAMPLE_LINES + 3, SAMPLE_LINES + 4)
    assert "2 fields where the row before has 3" in info.value.reason
    path.write_text(f"name;country;address\n{rows}Zeta SARL;FR;", encoding="utf-8")
    check_input(path, {})  # a last row with all its fields needs no line break after it
