"""InputFileError words where it points as docs/inputs.md says ("Where a message points")."""

from __future__ import annotations

import pytest

from chipwatch.errors import InputFileError


@pytest.mark.parametrize(
    ("row", "line", "where"),
    [
        (5, 6, "in.csv, row 5 (line 6), field 'name': bad"),  # a data row and the line it starts on
        (5, None, "in.csv, row 5, field 'name': bad"),  # a workbook or JSON record: no line
        (None, 6, "in.csv, line 6, field 'name': bad"),  # a list file or a parser: lines only
        (None, None, "in.csv, field 'name': bad"),
    ],
)
def test_row_is_a_data_row_and_line_a_file_line(row: int | None, line: int | None, where: str) -> None:
    err = InputFileError("in.csv", "bad", row=row, line=line, field="name")
    assert str(err) == where and (err.row, err.line) == (row, line)
