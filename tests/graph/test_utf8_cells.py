"""graph.utf8_cells: the row, field and line of the first byte that is not UTF-8, compressed or not."""

from __future__ import annotations

import bz2
import gzip
import zipfile
from pathlib import Path

import pytest

from graph.utf8_cells import undecodable_cell

CP1252 = 'id,name,country\nC1,Acme Ltd,GB\n\nC2,"Müller\nGmbH",DE\nC3,Café,FR\n'.encode("cp1252")


@pytest.mark.parametrize(
    ("suffix", "pack"), [(".csv", bytes), (".csv.gz", gzip.compress), (".csv.bz2", bz2.compress)]
)
def test_names_data_row_field_and_file_line(tmp_path: Path, suffix: str, pack) -> None:
    path = tmp_path / f"in{suffix}"
    path.write_bytes(pack(CP1252))
    err = undecodable_cell(path, then="; nothing was loaded")
    # the blank line is not a row; the quoted cell spans lines 4-5: the row starts on line 4
    assert (err.row, err.line, err.field) == (2, 4, "name")
    assert "row 2 (line 4), field 'name'" in str(err)
    assert "byte 0xfc" in str(err) and str(err).endswith("nothing was loaded")


def test_bad_header_and_archives_get_a_message_without_a_row(tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_bytes("Société,name\n1,x\n".encode("cp1252"))
    assert undecodable_cell(header).row is None and "header" in str(undecodable_cell(header))
    archive = tmp_path / "in.csv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("in.csv", CP1252)
    err = undecodable_cell(archive)
    assert err.row is None and "not UTF-8" in str(err)
