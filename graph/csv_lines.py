"""Where a data row of a CSV file starts: its row number and its file line.

Messages about input files point with both (docs/inputs.md, "Where a message points"): ``row N``
counts data rows from 1 (the header is not a row, blank lines are skipped, as the readers skip
them) and ``line L`` is the file line where the row starts, what a text editor shows. They differ
by more than the header when blank lines or quoted cells with line breaks come before.

Read only to word a message (it costs a pass over the file), never to load data.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import lzma
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

#: Compressed files whose text this module can stream (others have no lines to point at).
_OPENERS: dict[str, Callable[..., IO[str]]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
ARCHIVES = (".zip", ".zst", ".tar")
#: Every suffix pandas decompresses a CSV by.
COMPRESSED = (*_OPENERS, *ARCHIVES)
_TEXT = (".csv", ".txt", ".tsv", ".gz", ".bz2", ".xz")

_LINE = re.compile(r"line (\d+)")
_ROW = re.compile(r"starting at row (\d+)")


def open_text(path: Path) -> IO[str]:
    """The file's text; an undecodable byte 0xNN reads as U+DCNN (``surrogateescape``)."""
    opener = _OPENERS.get(path.suffix.lower())
    if opener is not None:
        return opener(path, "rt", encoding="utf-8-sig", errors="surrogateescape", newline="")
    return path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")


def data_rows(handle: IO[str], delimiter: str = ",") -> Iterator[tuple[int, int, list[str]]]:
    """``(row, line, cells)`` of each data row after the header (``row`` 0 is the header)."""
    reader = csv.reader(handle, delimiter=delimiter)
    start = 1
    number = 0
    for cells in reader:
        if cells:  # a blank line is not a row (nor the header)
            yield number, start, cells
            number += 1
        start = reader.line_num + 1


def line_of_row(path: Path, row: int | None) -> int | None:
    """The file line where data row ``row`` starts (None: not a text CSV, or no such row)."""
    if row is None or not path.name.lower().endswith(_TEXT):
        return None
    try:
        with open_text(path) as handle:
            return next((line for number, line, _ in data_rows(handle) if number == row), None)
    except (csv.Error, OSError, EOFError):
        return None  # malformed as well: the message keeps its row


def parser_line(message: str) -> int | None:
    """The file line a pandas CSV parser error names ("… line 7 …", or "… starting at row 6"
    counted from 0 = the header line)."""
    match = _LINE.search(message)
    if match:
        return int(match.group(1))
    match = _ROW.search(message)
    return int(match.group(1)) + 1 if match else None
