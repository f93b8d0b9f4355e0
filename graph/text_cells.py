"""Values no input file holds: a control character, or one field longer than the field size limit.

Shared by every reader — list files (:mod:`ingest.lists.safe`), trade and registry files
(:mod:`ingest.trade.reader`) and screening inputs (:mod:`graph.screening.files`) — so that each
refuses the same values with the same words, naming the file, the row or record and the field.

* A control character other than tab and line break (NUL from a UTF-16 or binary file, ESC of a
  terminal colour code, BEL, VT …) read into a name or an id makes it match nothing
  (``'ADT \\x00ANALOG'``): refused, not cleaned, so that nothing is silently changed.
* One field of more than :data:`MAX_FIELD_CHARS` characters is no name, address or id but a
  damaged file (an unterminated quote that swallowed the rest of it) or a hostile one: the CSV
  list readers have always refused it (it is the ``csv`` module's own field size limit).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from chipwatch.errors import InputFileError

#: The longest single value (CSV cell, XML text or attribute, JSON string) a reader accepts: the
#: ``csv`` module's default ``field_size_limit``, which the CSV list readers refuse past.
MAX_FIELD_CHARS = 131_072
#: A control character no value holds (tab and line breaks are text: a quoted cell may hold them).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ALLOWED_BELOW_SPACE = np.array([0x09, 0x0A, 0x0D], dtype=np.uint8)


def value_problem(text: str, max_chars: int | None = MAX_FIELD_CHARS) -> str | None:
    """Why ``text`` is not a value a reader accepts (None when it is); ``max_chars`` None: any
    length is."""
    if max_chars is not None and len(text) > max_chars:
        limit = f"{MAX_FIELD_CHARS:,}-character limit for a field"
        return f"value of {len(text):,} characters, longer than the {limit}"
    found = CONTROL.search(text)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "NUL character U+0000 (is the file UTF-16 or binary? save it as UTF-8)"
    return f"control character U+{ord(char):04X}"


def bad_value_in(value: object, where: str = "") -> tuple[str, str] | None:
    """``(where, problem)`` for the first string in parsed JSON ``value`` that :func:`value_problem`
    refuses (JSON escapes control characters as ``"\\u001b"``, so a text check cannot see them);
    ``where`` is its place (``results[2].name``). None when there is none."""
    if isinstance(value, str):
        problem = value_problem(value)
        return (where, problem) if problem else None
    if isinstance(value, dict):
        items: Iterator[tuple[str, object]] = (
            (f"{where}.{key}" if where else str(key), item) for key, item in value.items()
        )
    elif isinstance(value, list):
        items = ((f"{where}[{i}]", item) for i, item in enumerate(value))
    else:
        return None
    for place, item in items:
        hit = bad_value_in(item, place)
        if hit is not None:
            return hit
    return None


def looks_binary(head: bytes) -> bool:
    """True for the first bytes of a file that is no text at all (UTF-16, a workbook, an image):
    NUL bytes in numbers (a UTF-16 file is half NULs). A stray NUL inside one cell of a text file
    is not binary: the cell check names its row and field."""
    return head.count(b"\x00") * 64 > len(head)


def _suspect(column: pd.Series, max_chars: int | None) -> bool:
    """Whether ``column`` may hold a value :func:`value_problem` refuses: a fast pass over the
    column's UTF-8 bytes (a control byte is never part of a longer UTF-8 sequence, and no value
    is longer in characters than in bytes)."""
    try:
        array = pa.chunked_array(pa.array(column, from_pandas=True))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return True  # not all text: the exact check decides
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return True
    wide = pa.types.is_large_string(array.type)
    for chunk in array.chunks:
        if len(chunk) == 0:
            continue
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64 if wide else np.int32)
        offsets = offsets[chunk.offset : chunk.offset + len(chunk) + 1]
        if max_chars is not None and int(np.diff(offsets).max()) > max_chars:
            return True
        data = np.frombuffer(chunk.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        low = data[data < 0x20]
        if low.size and not np.isin(low, _ALLOWED_BELOW_SPACE).all():
            return True
    return False


def refuse_bad_cells(
    path: Path,
    frame: pd.DataFrame,
    fields: Mapping[str, str],
    *,
    first_row: int = 1,
    rows: Sequence[int] | None = None,
    line_of: Callable[[int], int | None] | None = None,
    then: str = "",
    max_chars: int | None = MAX_FIELD_CHARS,
) -> None:
    """Raise :class:`InputFileError` for the first cell of ``frame``'s columns named in
    ``fields`` (column → the field name a message shows) that :func:`value_problem` refuses.
    ``first_row``: the row number of the frame's first row (or ``rows``: the row number of each,
    when they are not consecutive); ``line_of``: row → file line;
    ``then`` ends the message; ``max_chars`` None: no length limit."""
    first: tuple[int, str, str] | None = None  # (offset, field, problem) of the earliest row
    for column, field in fields.items():
        if column not in frame.columns or not _suspect(frame[column], max_chars):
            continue
        for offset, value in enumerate(frame[column].tolist()):
            if first is not None and offset >= first[0]:
                break
            problem = value_problem(value, max_chars) if isinstance(value, str) else None
            if problem is not None:
                first = (offset, field, problem)
                break
    if first is None:
        return
    offset, field, problem = first
    row = rows[offset] if rows is not None else first_row + offset
    raise InputFileError(
        path, f"{problem}{then}", row=row, line=line_of(row) if line_of is not None else None, field=field
    )
