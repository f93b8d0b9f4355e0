"""Mutation sweep over every list reader: each damaged copy of a small valid file is either read
(to the same records, with no control character in any value) or refused with an
:class:`InputFileError` naming the file and the line/row or field — never a bare KeyError,
UnicodeDecodeError, csv or XML traceback, never a hang. A failed load leaves the workspace as it was.
"""

from __future__ import annotations

import dataclasses
import gzip
import re
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph.text_cells import MAX_FIELD_CHARS
from ingest.lists.model import ReadResult
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.read import read_list_file
from tests.ingest.lists.list_state import table_bytes
from tests.ingest.mutants import (
    FILE_LEVEL,
    SAME_RECORDS,
    TRUNCATIONS,
    first_lines,
    in_value,
    mutants,
    xml_excerpt,
)

ROOT = Path(__file__).resolve().parents[3]
FIX = ROOT / "tests" / "fixtures" / "lists"
DATA = ROOT / "data" / "lists"
OFAC_TINY = FIX / "ofac" / "tiny"

#: format → (file name, how to get a small valid file of it).
SOURCES = {
    "csl-csv": ("consolidated.csv", lambda: (FIX / "csl" / "consolidated_2025_tiny.csv").read_bytes()),
    "csl-json": ("consolidated.json", lambda: (FIX / "csl" / "consolidated_2025_tiny.json").read_bytes()),
    "ofac-csv": ("sdn.csv", lambda: (OFAC_TINY / "sdn.csv").read_bytes()),
    "ofac-xml": (
        "sdn.xml",
        lambda: xml_excerpt(
            gzip.decompress(
                (FIX / "ofac" / "non_sdn" / "consolidated_sdnlist_schema_2018-05.xml.gz").read_bytes()
            ),
            8,
        ),
    ),
    "ofac-enhanced-xml": (
        "CONS_ENHANCED.XML",
        lambda: xml_excerpt(
            gzip.decompress((FIX / "ofac" / "non_sdn" / "CONS_ENHANCED.XML.gz").read_bytes()), 8
        ),
    ),
    "un-xml": (
        "UN_consolidated.xml",
        lambda: xml_excerpt((DATA / "un" / "UN_consolidated.xml").read_bytes(), 6),
    ),
    "bis-dpl": ("dpl.txt", lambda: first_lines((DATA / "bis" / "dpl_2023-11.txt").read_bytes(), 25)),
    "eu-xml": ("eu.xml", lambda: (FIX / "eu" / "eu_fsf_v1_1_sample_2026-08-05.xml").read_bytes()),
    "eu-csv": (
        "eu.csv",
        lambda: first_lines(
            (FIX / "eu" / "eu_fsf_EUSanctionsShort.csv").read_bytes().decode("cp1252").encode(), 30
        ),
    ),
    "uk-xml": ("uk.xml", lambda: (FIX / "uk" / "uk_sanctions_list_sample_2026.xml").read_bytes()),
    "uk-conlist-csv": (
        "ConList.csv",
        lambda: first_lines((FIX / "uk" / "ConList_excerpt.csv").read_bytes().decode("cp1252").encode(), 40),
    ),
    "ftm-json": ("entities.ftm.json", lambda: (FIX / "ftm" / "t1_entities.ftm.json").read_bytes()),
    "dod-1260h": (
        "1260h.csv",
        lambda: first_lines((DATA / "other_us" / "us_dod_chinese_milcorps_sanctions.csv").read_bytes(), 30),
    ),
    "ndaa-csv": ("section_889.csv", lambda: (DATA / "other_us" / "section_889.csv").read_bytes()),
    "bis-mieu": ("mieu.csv", lambda: (DATA / "other_us" / "us_bis_mieu_mieu.csv").read_bytes()),
    "simple-csv": ("custom.csv", lambda: (FIX / "other_us" / "simple_custom.csv").read_bytes()),
}

#: Cuts that fall on a record boundary, or inside the last field of a record: what is left is a
#: well-formed shorter file, which no reader can tell from a whole one.
UNDETECTABLE_CUTS = {
    ("ofac-csv", "trunc_after_quote"),  # cut between CR and LF after a record
    ("eu-csv", "trunc_after_quote"),  # cut after a record's line break
    ("bis-dpl", "trunc_after_quote"),  # cut before the last (optional) field, FR_Citation
    ("bis-mieu", "trunc_90pct"),  # cut inside the last field, a source URL
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@cache
def _valid(fmt: str) -> bytes:
    return SOURCES[fmt][1]()


def _cases() -> Iterator[tuple[str, str]]:
    for fmt in SOURCES:
        for name in mutants(_valid(fmt)):
            yield fmt, name


def _place(tmp_path: Path, fmt: str, data: bytes) -> tuple[Path, Path]:
    """(path to read, file the data is in): an OFAC CSV set is read as its folder."""
    name = SOURCES[fmt][0]
    if fmt == "ofac-csv":
        folder = tmp_path / "ofac"
        folder.mkdir()
        for sibling in ("add.csv", "alt.csv", "sdn_comments.csv"):
            shutil.copy(OFAC_TINY / sibling, folder / sibling)
        (folder / name).write_bytes(data)
        return folder, folder / name
    (tmp_path / name).write_bytes(data)
    return tmp_path / name, tmp_path / name


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)


def _records(result: ReadResult) -> set[tuple[str, str]]:
    return {(e.source_id, e.name) for e in result.entries}


_VALID_RECORDS: dict[str, set[tuple[str, str]]] = {}


def _valid_records(fmt: str, factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    if fmt not in _VALID_RECORDS:
        target, _ = _place(factory.mktemp(fmt), fmt, _valid(fmt))
        _VALID_RECORDS[fmt] = _records(read_list_file(target, fmt))
    return _VALID_RECORDS[fmt]


@pytest.mark.parametrize(("fmt", "mutant"), list(_cases()))
def test_a_damaged_list_file_is_read_or_refused_clearly(
    fmt: str, mutant: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data = mutants(_valid(fmt))[mutant]
    target, written = _place(tmp_path, fmt, data)
    try:
        result = read_list_file(target, fmt)
    except InputFileError as err:
        assert str(written) in str(err) or str(target) in str(err), str(err)
        if mutant not in FILE_LEVEL:
            assert err.line is not None or err.row is not None or err.field is not None, str(err)
        return
    # Read: nothing hostile or damaged came through as a value ...
    for text in _strings(result.entries):
        assert not _CONTROL.search(text), f"control character read into {text[:80]!r}"
        assert len(text) <= MAX_FIELD_CHARS, f"a value of {len(text):,} characters read: {text[:80]!r}"
    # ... no record is invented (a header read as a record, columns read shifted) ...
    valid = _valid_records(fmt, tmp_path_factory)
    if mutant in ("dup_header", "drop_first_header_col", "unterminated_quote", *TRUNCATIONS, *SAME_RECORDS):
        assert _records(result) <= valid, _records(result) - valid
    # ... nothing is lost by a change that keeps the records ...
    if mutant in SAME_RECORDS:
        assert _records(result) == valid
    # ... and a file cut off is refused, not read as a shorter list (unless the cut left a
    # well-formed file: see UNDETECTABLE_CUTS).
    if mutant in TRUNCATIONS and (fmt, mutant) not in UNDETECTABLE_CUTS:
        assert _records(result) == valid, f"truncated file read as {len(result.entries)} entries"


# --- a failed load leaves the workspace as it was, one mutant per format family ----------------


@pytest.mark.parametrize(
    ("fmt", "mutant"),
    [
        ("csl-csv", "trunc_half"),  # CSV
        ("bis-dpl", "nul_in_line"),  # tab-separated text
        ("un-xml", "trunc_mid_tag"),  # XML
        ("csl-json", "trunc_mid_utf8"),  # JSON
        ("ofac-csv", "control_chars"),  # a set of CSV files read together
    ],
)
def test_a_failed_load_leaves_the_previous_lists_intact(fmt: str, mutant: str, tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    (tmp_path / "good").mkdir()
    good, _ = _place(tmp_path / "good", fmt, _valid(fmt))
    ingest_list_files(settings, [good], fmt)
    before = table_bytes(settings)
    (tmp_path / "bad").mkdir()
    bad, _ = _place(tmp_path / "bad", fmt, mutants(_valid(fmt))[mutant])
    with pytest.raises(InputFileError):
        ingest_list_files(settings, [bad], fmt)
    assert table_bytes(settings) == before
    # and re-running the good load changes nothing
    assert ingest_list_files(settings, [good], fmt).files[0].status == "unchanged"
    assert table_bytes(settings) == before


def test_a_byte_order_mark_before_windows_1252_text_is_not_read_as_text(tmp_path: Path) -> None:
    # The UK ConList excerpt is Windows-1252: with a UTF-8 BOM before it (a tool that "saved as
    # UTF-8" only the BOM) the BOM used to become "ï»¿" in the first header cell, shifting the
    # header so that every row was rejected.
    data = (FIX / "uk" / "ConList_excerpt.csv").read_bytes()
    plain = tmp_path / "plain.csv"
    plain.write_bytes(data)
    marked = tmp_path / "marked.csv"
    marked.write_bytes(b"\xef\xbb\xbf" + data)
    expected = read_list_file(plain, "uk-conlist-csv")
    result = read_list_file(marked, "uk-conlist-csv")
    assert _records(result) == _records(expected) and len(result.entries) > 20
    assert not result.rejected


def test_the_dos_end_of_file_mark_is_text_but_not_before_the_end(tmp_path: Path) -> None:
    # OFAC's legacy CSVs end with Ctrl-Z: that is read; one inside the text is refused.
    data = (OFAC_TINY / "sdn.csv").read_bytes().rstrip(b"\x1a\r\n") + b"\r\n\x1a"
    folder = tmp_path / "ofac"
    shutil.copytree(OFAC_TINY, folder)
    (folder / "sdn.csv").write_bytes(data)
    assert len(read_list_file(folder, "ofac-csv").entries) == 17
    lines = data.split(b"\r\n")
    lines[3] = lines[3][:10] + b"\x1a" + lines[3][10:]
    (folder / "sdn.csv").write_bytes(b"\r\n".join(lines))
    with pytest.raises(InputFileError) as info:
        read_list_file(folder, "ofac-csv")
    assert info.value.line == 4 and "U+001A at column 11" in info.value.reason


def test_a_control_character_escaped_in_ftm_json_is_refused_naming_line_and_property(tmp_path: Path) -> None:
    # JSON writes a control character as an escape ("\u0007"), which the text check cannot see.
    lines = (FIX / "ftm" / "t1_entities.ftm.json").read_text(encoding="utf-8").splitlines()
    assert '"name":["' in lines[1]
    lines[1] = lines[1].replace('"name":["', '"name":["\\u0007', 1)
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_list_file(path, "ftm-json")
    assert (info.value.line, info.value.field) == (2, "name")
    assert "U+0007 in properties.name[0]" in info.value.reason


# --- one value longer than the field size limit (as a CSV cell over the csv module's limit) ---

#: XML and JSON format → (the first name value of its valid file, what the message names).
NAME_VALUES = {
    "eu-xml": (rb'wholeName="', "nameAlias/@wholeName", "/export/sanctionEntity["),
    "uk-xml": (rb"<Name6>", "Name6", "/Designations/Designation["),
    "ofac-xml": (rb"<(?:\w+:)?lastName>", "lastName", "/sdnList/sdnEntry["),
    "ofac-enhanced-xml": (rb"<(?:\w+:)?formattedFullName>", "formattedFullName", "<entity> number 1 (id "),
    "un-xml": (rb"<FIRST_NAME>", "FIRST_NAME", "/CONSOLIDATED_LIST/INDIVIDUALS[1]/INDIVIDUAL["),
    "csl-json": (rb'"name":\s*"', "name", "results[0].name"),
    "ftm-json": (rb'"name":\s*\["', "name", "properties.name[0]"),
}


@pytest.mark.parametrize("fmt", list(NAME_VALUES))
def test_a_name_longer_than_the_field_limit_is_refused_naming_record_and_field(
    fmt: str, tmp_path: Path
) -> None:
    marker, field, record = NAME_VALUES[fmt]
    data = in_value(_valid(fmt), marker, b"A" * (MAX_FIELD_CHARS + 1))
    target, written = _place(tmp_path, fmt, data)
    with pytest.raises(InputFileError) as info:
        read_list_file(target, fmt)
    assert str(written) in str(info.value)
    assert info.value.field == field and record in info.value.reason, str(info.value)
    assert f"{MAX_FIELD_CHARS:,}-character limit" in info.value.reason


def test_a_name_as_long_as_the_field_limit_is_read(tmp_path: Path) -> None:
    data = in_value(_valid("ofac-xml"), rb"<(?:\w+:)?lastName>", b"A" * (MAX_FIELD_CHARS - 40))
    target, _ = _place(tmp_path, "ofac-xml", data)
    assert max(len(e.name) for e in read_list_file(target, "ofac-xml").entries) <= MAX_FIELD_CHARS


def test_a_csv_field_longer_than_the_limit_is_refused_saying_so(tmp_path: Path) -> None:
    target, _ = _place(tmp_path, "csl-csv", mutants(_valid("csl-csv"))["long_field"])
    with pytest.raises(InputFileError) as info:
        read_list_file(target, "csl-csv")
    assert info.value.line is not None
    assert f"longer than the {MAX_FIELD_CHARS:,}-character limit" in info.value.reason
