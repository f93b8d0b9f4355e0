"""Which character separates the columns of a CSV a user exported by hand: comma, semicolon or tab.

Excel writes "CSV" with the list separator of the machine's region: a semicolon across most of
continental Europe, where the comma is the decimal sign. Read with commas, such a file has one
column whose name is the whole header line (``name;country;address``): the tell
:func:`one_column_header` recognises for the readers that take commas only.

:func:`sniff_delimiter` asks the standard library's :class:`csv.Sniffer` about the first lines
(header and up to :data:`SAMPLE_LINES` rows), restricted to the three separators. Measured on
quoted names holding the other separators (``"Müller; Söhne, GmbH"`` in a semicolon file, ``"A; B"``
in a comma file), decimal commas in a semicolon file and a header name with a comma in it, this
read every case right; the header line alone misread ``Firma;Land;Anschrift, Ort`` (one line holds
both, and the Sniffer then prefers the comma), and pandas' ``sep=None`` (an unrestricted Sniffer
on the header line) split a one-column file ``name`` at a letter.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

#: The separators looked for, and how a message names them.
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
#: Lines after the header the Sniffer sees, and the most text it reads (a cell can hold megabytes).
SAMPLE_LINES = 20
SAMPLE_CHARS = 64 * 1024


def describe(delimiter: str, plural: bool = False) -> str:
    """``semicolon (;)``, ``commas (,)``, ``tabs``: how a message names a separator."""
    name = DELIMITER_NAMES.get(delimiter, repr(delimiter)) + ("s" if plural else "")
    return name if delimiter == "\t" else f"{name} ({delimiter})"


def sniff_delimiter(sample: str) -> str:
    """The separator of a CSV from its first lines (``sample``, header first); a comma when the
    Sniffer cannot tell, or when what it found does not split the header: a file of one column
    (``name``) with semicolons inside its names is a comma file with names that hold semicolons."""
    lines = sample.splitlines()
    if not lines:
        return ","
    try:
        found = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(DELIMITER_NAMES)).delimiter
    except csv.Error:
        return ","
    return found if found in lines[0] else ","


def file_sample(path: Path, encoding: str = "utf-8-sig") -> str:
    """The header and up to :data:`SAMPLE_LINES` lines after it, at most :data:`SAMPLE_CHARS` of text
    (whole lines, the header always); undecodable bytes are replaced: only the separators matter."""
    lines: list[str] = []
    size = 0
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        for line in handle:
            if lines and size + len(line) > SAMPLE_CHARS:
                break
            lines.append(line[:SAMPLE_CHARS])
            size += len(line)
            if len(lines) > SAMPLE_LINES:
                break
    return "".join(lines)


def one_column_header(columns: Sequence[object]) -> str | None:
    """The separator a header read as one column holds (``name;country`` → ``;``), or None: the tell
    that a file separated by semicolons or tabs was read with commas."""
    if len(columns) != 1:
        return None
    header = str(columns[0])
    return next((d for d in (";", "\t") if d in header), None)


def one_column_reason(columns: Sequence[object], remedy: str) -> str | None:
    """What a reader that takes commas only says of a header read as one column, or None."""
    delimiter = one_column_header(columns)
    if delimiter is None:
        return None
    shown = str(columns[0])[:80].replace("\t", "\\t")
    separated = describe(delimiter, plural=True)
    return (
        f"the header reads as one column '{shown}': the file is separated by {separated}, "
        f"and this command reads commas only; {remedy}"
    )
