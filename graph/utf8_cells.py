"""Where a CSV file stops being UTF-8: the data row, the field and the file line of the first
byte that does not decode.

Read only after a strict decoder has failed (it costs a second pass over the file), so that the
message says which cell to fix instead of a byte offset inside the parser's buffer. Rows count
data rows from 1 (the header is not a row; blank lines are skipped), as the readers number them.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import lzma
from collections.abc import Callable
from pathlib import Path
from typing import IO

from chipwatch.errors import InputFileError

#: ``surrogateescape`` turns an undecodable byte 0xNN into the code point U+DCNN.
_ESCAPED = range(0xDC80, 0xDD00)
SAVE_AS_UTF8 = "save it as UTF-8 (in Excel: 'CSV UTF-8')"


#: Compressed files whose text this module can stream (others get the message without a row).
_OPENERS: dict[str, Callable[..., IO[str]]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
_ARCHIVES = (".zip", ".zst", ".tar")


def _open(path: Path) -> IO[str]:
    opener = _OPENERS.get(path.suffix.lower())
    if opener is not None:
        return opener(path, "rt", encoding="utf-8-sig", errors="surrogateescape", newline="")
    return path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")


def _bad_byte(cell: str) -> int | None:
    return next((ord(ch) - 0xDC00 for ch in cell if ord(ch) in _ESCAPED), None)


def _printable(text: str) -> str:
    """The text with its undecodable bytes shown as U+FFFD (a surrogate cannot be printed)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def undecodable_cell(path: Path, then: str = "") -> InputFileError:
    """The error naming the first cell of ``path`` that is not UTF-8 (``then`` ends the message,
    e.g. "; nothing was loaded")."""
    if path.name.lower().endswith(_ARCHIVES):
        return InputFileError(path, f"not UTF-8 text; {SAVE_AS_UTF8}{then}")
    try:
        with _open(path) as handle:
            rows = csv.reader(handle)
            header = next(rows, [])
            for i, cell in enumerate(header):
                byte = _bad_byte(cell)
                if byte is not None:
                    return InputFileError(
                        path,
                        f"the header is not UTF-8 text: byte 0x{byte:02x} in column {i + 1} "
                        f"(file line {rows.line_num}); {SAVE_AS_UTF8}{then}",
                    )
            number = 0
            for cells in rows:
                if not cells:
                    continue  # a blank line is not a row
                number += 1
                for i, cell in enumerate(cells):
                    byte = _bad_byte(cell)
                    if byte is not None:
                        field = _printable(header[i]) if i < len(header) else f"column {i + 1}"
                        return InputFileError(
                            path,
                            f"not UTF-8 text: byte 0x{byte:02x} in {_printable(cell)[:60]!r} "
                            f"(file line {rows.line_num}); {SAVE_AS_UTF8}{then}",
                            row=number,
                            field=field,
                        )
    except (csv.Error, OSError, EOFError):
        pass  # malformed as well: the generic message below still names the problem
    return InputFileError(path, f"not UTF-8 text; {SAVE_AS_UTF8}{then}")
