"""Worksheet rows written as XML text: the bytes openpyxl's write-only mode writes, without its
cost per cell.

openpyxl binds every appended value to a cell object and serialises it through lxml one element
at a time; for the risk-list export (about 1.4 million cells) that was most of the export's time.
Here openpyxl still writes the workbook (parts, relations, styles, sheet names, properties) with
empty sheets, and :func:`fill_sheets` then puts each sheet's rows into its ``<sheetData>``, made a
column at a time as the same markup openpyxl gives the same values: inline strings (``&``, ``<``,
``>`` and carriage return escaped, anything beyond ASCII as a character reference,
``xml:space="preserve"`` on text with leading or trailing white space), numbers as ``%.16g``,
booleans as 1/0, Excel's error codes (``#N/A``…) as error values, missing values as no cell.

Only plain values take this way (:func:`plain_sheet`): text XML can hold that openpyxl would not
turn into a formula, numbers, booleans and None. Anything else (dates, a
control character, text over Excel's limit) is left to openpyxl, cell by cell, as before.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter

#: A sheet as columns: the header row and one list of values per column (all the same length).
Columns = tuple[Sequence[Any], Sequence[Sequence[Any]]]

_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
_ERRORS = frozenset(ERROR_CODES)
#: What openpyxl refuses in a cell (its ILLEGAL_CHARACTERS_RE) and what lxml cannot serialise.
_NOT_PLAIN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CELL_LIMIT = 32_767
_EMPTY = b"<sheetData></sheetData>"
#: Rows turned into XML at a time: memory stays bounded by a block, not the sheet.
BLOCK_ROWS = 2_000


def _plain_text(strings: list[str]) -> bool:
    if not strings:
        return True
    if max(map(len, strings)) > _CELL_LIMIT:
        return False
    joined = "\n".join(strings)
    if _NOT_PLAIN_TEXT.search(joined):
        return False
    # openpyxl writes text starting with "=" as a formula (the quick test may match inside a cell)
    return "\n=" not in f"\n{joined}" or not any(len(s) > 1 and s[0] == "=" for s in strings)


def plain_sheet(header: Sequence[Any], columns: Sequence[Sequence[Any]]) -> bool:
    """Whether :func:`fill_sheets` writes this sheet exactly as openpyxl's ``append`` would."""
    if not header:  # openpyxl writes an empty row for an empty header
        return False
    for values in (header, *columns):
        if not set(map(type, values)) <= _PLAIN_TYPES:
            return False
        if not _plain_text([v for v in values if type(v) is str]):
            return False
    return True


def _cells(letter: str, values: Sequence[Any], first_row: int) -> list[str]:
    """One column's cells for rows ``first_row``…, as openpyxl's lxml writer gives them."""
    out = []
    for row, value in enumerate(values, first_row):
        kind = type(value)
        if value is None:
            out.append("")
        elif kind is str:
            if not value:
                out.append(f'<c r="{letter}{row}" t="inlineStr"></c>')
                continue
            if value in _ERRORS:  # openpyxl writes these as error values
                out.append(f'<c r="{letter}{row}" t="e"><v>{value}</v></c>')
                continue
            text = (
                value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
            )
            space = "" if value == value.strip() else ' xml:space="preserve"'
            out.append(f'<c r="{letter}{row}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
        elif kind is bool:
            out.append(f'<c r="{letter}{row}" t="b"><v>{int(value)}</v></c>')
        else:
            number = f"{value:.16g}" if math.isfinite(value) else ""
            out.append(f'<c r="{letter}{row}" t="n"><v>{number}</v></c>')
    return out


def sheet_rows(header: Sequence[Any], columns: Sequence[Sequence[Any]]) -> Iterator[bytes]:
    """The ``<row>`` elements of a sheet (header first), a block of rows at a time."""
    letters = [get_column_letter(i) for i in range(1, len(header) + 1)]
    height = len(columns[0]) if columns else 0
    blocks: list[tuple[int, list[Sequence[Any]]]] = [(1, [[h] for h in header])]
    blocks += [(2 + s, [c[s : s + BLOCK_ROWS] for c in columns]) for s in range(0, height, BLOCK_ROWS)]
    for first, block in blocks:
        cells = [_cells(letter, values, first) for letter, values in zip(letters, block, strict=True)]
        rows = (f'<row r="{r}">{"".join(row)}</row>' for r, row in enumerate(zip(*cells, strict=True), first))
        yield "".join(rows).encode("ascii", "xmlcharrefreplace")


def fill_sheets(skeleton: bytes, path: Path, sheets: Mapping[str, Columns]) -> None:
    """Write ``path``: the workbook ``skeleton`` (as openpyxl saved it) with each sheet named in
    ``sheets`` (its member, e.g. ``xl/worksheets/sheet1.xml``; saved empty) given its rows."""
    with (
        zipfile.ZipFile(io.BytesIO(skeleton)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename not in sheets:
                dst.writestr(info, data)
                continue
            head, empty, tail = data.partition(_EMPTY)
            if not empty:
                raise RuntimeError(f"{info.filename}: openpyxl wrote no empty <sheetData> to fill")
            with dst.open(info, "w") as out:
                out.write(head + b"<sheetData>")
                for chunk in sheet_rows(*sheets[info.filename]):
                    out.write(chunk)
                out.write(b"</sheetData>" + tail)
