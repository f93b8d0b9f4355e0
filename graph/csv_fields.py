"""CSV rows whose field count pandas would paper over, silently.

A first data row with more fields than the header names columns: pandas reads such a file as
having an index column: the first field of every row becomes the row's label and every value
moves one column to the left ("Acme Ltd,CN,x" under ``name,country`` screens "CN" as the name).
The readers refuse it instead, pointing at the row, because the usual cause is an unquoted
separator inside a value ("Acme, Inc.").

A last row with fewer fields than the row before and no line break after it: the file was cut
off there (a copy or download that stopped), and pandas fills the missing fields with nothing.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from chipwatch.errors import InputFileError
from graph.csv_lines import COMPRESSED, data_rows, line_of_row, open_text


def refuse_shifted_columns(path: Path, frame: pd.DataFrame, *, then: str) -> None:
    """Raise :class:`InputFileError` when pandas took the first column of ``frame`` for an index
    (the first data row has one field more than the header); ``then`` ends the message."""
    if isinstance(frame.index, pd.RangeIndex):
        return
    columns = len(frame.columns)
    raise InputFileError(
        path,
        f"the row has {columns + frame.index.nlevels} fields but the header names {columns} "
        "columns; a value that contains the separator must be in double quotes "
        f'("Acme, Inc."){then}',
        row=1,
        line=line_of_row(path, 1),
    )


def refuse_cut_last_row(path: Path, *, delimiter: str = ",", then: str) -> None:
    """Raise :class:`InputFileError` when the file ends without a line break inside a row that has
    fewer fields than the row before it (a truncated file); ``then`` ends the message.

    Costs a pass over the file only when its last byte is not a line break (compressed files,
    whose last byte says nothing, are not checked)."""
    if path.name.lower().endswith(COMPRESSED) or not path.is_file() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        handle.seek(-1, 2)
        if handle.read(1) in (b"\n", b"\r"):
            return
    before: list[str] = []
    last: tuple[int, int, list[str]] | None = None
    try:
        with open_text(path) as handle:
            for row in data_rows(handle, delimiter):
                before = last[2] if last is not None else before
                last = row
    except (csv.Error, OSError):
        return  # malformed otherwise: the parser's own error says where
    if last is None or not before or last[0] == 0 or len(last[2]) >= len(before):
        return
    number, line, cells = last
    raise InputFileError(
        path,
        f"the file ends in the middle of a row ({len(cells)} fields where the row before has "
        f"{len(before)}): truncated file?{then}",
        row=number,
        line=line,
    )
