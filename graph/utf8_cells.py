"""Where a CSV file stops being UTF-8: the data row, the field and the file line of the first
byte that does not decode.

Read only after a strict decoder has failed (it costs a second pass over the file), so that the
message says which cell to fix instead of a byte offset inside the parser's buffer. Rows count
data rows from 1 and lines are where the row starts (:mod:`graph.csv_lines`), as every reader
points (docs/inputs.md).
"""

from __future__ import annotations

import csv
from pathlib import Path

from chipwatch.errors import InputFileError
from graph.csv_lines import ARCHIVES, data_rows, open_text

#: ``surrogateescape`` turns an undecodable byte 0xNN into the code point U+DCNN.
_ESCAPED = range(0xDC80, 0xDD00)
SAVE_AS_UTF8 = "save it as UTF-8 (in Excel: 'CSV UTF-8')"


def _bad_byte(cell: str) -> int | None:
    return next((ord(ch) - 0xDC00 for ch in cell if ord(ch) in _ESCAPED), None)


def _printable(text: str) -> str:
    """The text with its undecodable bytes shown as U+FFFD (a surrogate cannot be printed)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def undecodable_cell(path: Path, then: str = "") -> InputFileError:
    """The error naming the first cell of ``path`` that is not UTF-8 (``then`` ends the message,
    e.g. "; nothing was loaded")."""
    if path.name.lower().endswith(ARCHIVES):
        return InputFileError(path, f"not UTF-8 text; {SAVE_AS_UTF8}{then}")
    try:
        with open_text(path) as handle:
            header: list[str] = []
            for number, line, cells in data_rows(handle):
                if number == 0:
                    header = cells
                for i, cell in enumerate(cells):
                    byte = _bad_byte(cell)
                    if byte is None:
                        continue
                    if number == 0:
                        return InputFileError(
                            path,
                            f"the header is not UTF-8 text: byte 0x{byte:02x} in column {i + 1}; "
                            f"{SAVE_AS_UTF8}{then}",
                            line=line,
                        )
                    field = _printable(header[i]) if i < len(header) else f"column {i + 1}"
                    return InputFileError(
                        path,
                        f"not UTF-8 text: byte 0x{byte:02x} in {_printable(cell)[:60]!r}; "
                        f"{SAVE_AS_UTF8}{then}",
                        row=number,
                        line=line,
                        field=field,
                    )
    except (csv.Error, OSError, EOFError):
        pass  # malformed as well: the generic message below still names the problem
    return InputFileError(path, f"not UTF-8 text; {SAVE_AS_UTF8}{then}")
