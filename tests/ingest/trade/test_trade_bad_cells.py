"""Trade, registry and screening inputs refuse a value holding a control character or longer than
the field size limit, naming the file, the row and the field — as the list readers do — and a
failed load changes nothing. A gzip-compressed GLEIF JSON is read, and a cut-off one refused as
one.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph.screening.files import check_input, read_chunks
from graph.tables.trade import read_trade_table
from graph.text_cells import MAX_FIELD_CHARS
from ingest.trade.formats import InputFormat, detect, to_canonical
from ingest.trade.load import ingest_trade_file
from tests.ingest.trade.conftest import FIXTURES, SHIPMENT_HEADER, TODAY, shipment_row

GLEIF_L1 = FIXTURES / "gleif_lei2_excerpt_2024-05-05.json"
GLEIF_RR = FIXTURES / "gleif_rr_derived.json"


def _shipments(rows: int, bad_row: int | None = None, bad: str = "") -> str:
    lines = [SHIPMENT_HEADER]
    for i in range(1, rows + 1):
        shipper = f"ACME{bad}SEMI INC" if i == bad_row else "ACME SEMI INC"
        lines.append(shipment_row(f"S{i:05d}", shipper=shipper))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("\x00", "NUL character U+0000"),
        ("\x1b[31m", "control character U+001B"),
        ("\x0b", "control character U+000B"),
        ("A" * (MAX_FIELD_CHARS + 1), f"longer than the {MAX_FIELD_CHARS:,}-character limit"),
    ],
)
def test_a_bad_shipper_name_far_into_the_file_is_refused_and_nothing_is_loaded(
    bad: str, says: str, settings: Settings, write
) -> None:
    good = write("good.csv", _shipments(300))
    ingest_trade_file(settings, "shipments", good, today=TODAY)
    before = read_trade_table(settings, "shipments")
    path = write("shipments.csv", _shipments(300, bad_row=250, bad=bad))
    assert path.read_bytes().index(b"ACMEA" if bad.startswith("A") else bad.encode()) > 8192
    with pytest.raises(InputFileError) as info:
        ingest_trade_file(settings, "shipments", path, today=TODAY)
    err = info.value
    assert str(path) in str(err) and says in err.reason and "nothing was loaded" in err.reason
    assert (err.row, err.field) == (250, "shipper_name")
    assert err.line == 251 or bad.startswith("A")  # a line is not told past an over-long cell
    pd.testing.assert_frame_equal(read_trade_table(settings, "shipments"), before)


def test_tab_and_line_breaks_in_a_cell_are_text(settings: Settings, write) -> None:
    path = write(
        "shipments.csv", SHIPMENT_HEADER + "\n" + shipment_row("S1", shipper='"ACME\tSEMI\nINC"') + "\n"
    )
    assert ingest_trade_file(settings, "shipments", path, today=TODAY).rows_read == 1


def test_a_utf16_file_is_still_refused_as_binary(write, tmp_path: Path) -> None:
    path = tmp_path / "shipments.csv"
    path.write_bytes(_shipments(3).encode("utf-16-le"))
    with pytest.raises(InputFileError, match="binary content"):
        ingest_trade_file(Settings(workspace=tmp_path / "ws"), "shipments", path, today=TODAY)


def _gleif_with(path: Path, key: str, edit) -> Path:
    data = json.loads(GLEIF_L1.read_text(encoding="utf-8") if key == "records" else GLEIF_RR.read_text())
    edit(data[key])
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_escaped_control_character_in_a_gleif_legal_name_names_the_record(tmp_path: Path) -> None:
    def edit(records: list) -> None:
        records[2]["Entity"]["LegalName"]["$"] = "ACME \u0000 HOLDING"

    path = _gleif_with(tmp_path / "gleif.json", "records", edit)
    with pytest.raises(InputFileError) as info:
        ingest_trade_file(Settings(workspace=tmp_path / "ws"), "companies", path, today=TODAY)
    assert (info.value.row, info.value.field) == (3, "name") and "U+0000" in info.value.reason


def test_a_bad_gleif_relationship_is_named_by_its_record_not_its_ownership_row(tmp_path: Path) -> None:
    def edit(relations: list) -> None:
        branch, first = relations[3], relations[0]  # a branch record is no ownership row
        first["RelationshipRecord"]["Relationship"]["StartNode"]["NodeID"]["$"] += "\x1b"
        relations[:] = [branch, first]

    path = _gleif_with(tmp_path / "rr.json", "relations", edit)
    with pytest.raises(InputFileError) as info:
        to_canonical(path, detect(path))
    assert (info.value.row, info.value.field) == (2, "owned_id") and "U+001B" in info.value.reason


@pytest.mark.parametrize("name", ["gleif.json.gz", "gleif.json"])
def test_a_gzip_compressed_gleif_json_is_read(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(GLEIF_L1.read_bytes(), mtime=0))
    expected = to_canonical(GLEIF_L1, InputFormat.GLEIF_JSON)[1]
    assert detect(path) is InputFormat.GLEIF_JSON
    pd.testing.assert_frame_equal(to_canonical(path, InputFormat.GLEIF_JSON)[1], expected)


@pytest.mark.parametrize("damage", ["cut", "flipped"])
@pytest.mark.parametrize("fmt", [InputFormat.AUTO, InputFormat.GLEIF_JSON])
def test_a_damaged_gzip_gleif_json_is_refused_saying_so(
    damage: str, fmt: InputFormat, tmp_path: Path
) -> None:
    packed = gzip.compress(GLEIF_L1.read_bytes(), mtime=0)
    half = len(packed) // 2
    data = packed[:half] if damage == "cut" else packed[:100] + bytes([packed[100] ^ 0xFF]) + packed[101:]
    path = tmp_path / "gleif.json.gz"
    path.write_bytes(data)
    with pytest.raises(InputFileError) as info:
        ingest_trade_file(Settings(workspace=tmp_path / "ws"), "companies", path, today=TODAY, fmt=fmt)
    assert str(path) in str(info.value)
    assert "truncated or damaged gzip file" in info.value.reason and "utf-8" not in info.value.reason


# --- screening inputs: the screened columns are checked, the others go to the result as they are


def _screen_input(path: Path, bad_row: int, name: str = "ACME SEMI", notes: str = "") -> Path:
    rows = [f"C{i},{name if i == bad_row else 'ACME SEMI'},DE,{notes}" for i in range(1, 400)]
    path.write_text("ref,Company,country,notes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["ACME\x00SEMI", "ACME\x07SEMI", "ACME\x1b[0mSEMI"])
def test_a_bad_name_in_a_screening_input_is_refused_naming_row_and_column(bad: str, tmp_path: Path) -> None:
    path = _screen_input(tmp_path / "input.csv", bad_row=350, name=bad)
    check_input(path, {"name": "Company"})  # the first rows are fine ...
    with pytest.raises(InputFileError) as info:  # ... the run stops at the bad one
        for _ in read_chunks(path, {"name": "Company"}, chunk_rows=100):
            pass
    err = info.value
    assert (err.row, err.field) == (350, "Company") and "nothing was screened" in err.reason
    assert err.line == 351


def test_a_control_character_in_a_column_not_screened_is_carried_through(tmp_path: Path) -> None:
    path = _screen_input(tmp_path / "input.csv", bad_row=5, notes="call\x07back")
    rows = pd.concat(read_chunks(path, {"name": "Company"}))
    assert len(rows) == 399
