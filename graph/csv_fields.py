"""A CSV whose first data row has more fields than the header names columns.

pandas reads such a file as having an index column: the first field of every row becomes the
row's label and every value moves one column to the left, silently ("Acme Ltd,CN,x" under
``name,country`` screens "CN" as the name). The readers refuse it instead, pointing at the row,
because the usual cause is an unquoted separator inside a value ("Acme, Inc.").
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from chipwatch.errors import InputFileError
from graph.csv_lines import line_of_row


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
