"""Guards every list reader goes through: size limit, strict decoding, hostile XML, CSV rows.

Nothing here reads a whole file before its size is known, and XML is parsed with ``defusedxml``
configured to *refuse* a DOCTYPE, entity declarations and external references (never resolve them).
Every error is an :class:`InputFileError` naming the file, row/line and field.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, cast
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
import numpy as np
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from chipwatch.errors import InputFileError
from graph.text_cells import MAX_FIELD_CHARS, bad_value_in, value_problem

#: Largest list file accepted (bytes, compressed size on disk; the decompressed size is capped too).
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
#: How much of a file the format sniffers see.
HEAD_BYTES = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"

_max_bytes = DEFAULT_MAX_BYTES


def set_max_bytes(limit: int) -> None:
    """Change the size limit (e.g. from settings or a test)."""
    global _max_bytes
    if limit <= 0:
        raise ValueError("the list file size limit must be positive")
    _max_bytes = limit


def max_bytes() -> int:
    return _max_bytes


def check_file(path: Path, limit: int | None = None) -> int:
    """Refuse a missing, empty or oversized file without reading it; return its size."""
    limit = _max_bytes if limit is None else limit
    if not path.exists():
        raise InputFileError(path, "file not found")
    if path.is_dir():
        return 0
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(path, "file is empty")
    if size > limit:
        raise InputFileError(
            path, f"file is {size / 2**20:.0f} MiB, larger than the {limit / 2**20:.0f} MiB limit for a list"
        )
    return size


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == GZIP_MAGIC


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, transparently decompressing gzip (by magic, not name)."""
    if is_gzip(path):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes (decompressed for gzip); a bad gzip yields its raw bytes."""
    if path.is_dir():
        return b""
    try:
        with open_binary(path) as fh:
            return fh.read(size)
    except (OSError, EOFError, zlib.error):
        with path.open("rb") as fh:
            return fh.read(size)


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """All bytes of ``path`` (decompressed), refusing more than the size limit."""
    limit = _max_bytes if limit is None else limit
    check_file(path, limit)
    try:
        with open_binary(path) as fh:
            data = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputFileError(path, f"cannot decompress: {exc}") from exc
    if len(data) > limit:
        raise InputFileError(path, f"decompressed content exceeds the {limit / 2**20:.0f} MiB limit")
    return data


def decode(path: Path, data: bytes, encoding: str = "utf-8") -> str:
    """Decode strictly; a wrong encoding names the line and byte offset of the first bad byte."""
    if encoding.replace("-", "").lower() == "utf8" and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 4]
        raise InputFileError(
            path,
            f"not valid {encoding}: byte 0x{bad[:1].hex()} at byte offset {exc.start} "
            f"— is the file in another encoding?",
            line=line,
        ) from exc
    refuse_control_characters(path, text)
    return text


#: Control characters no list text holds: NUL (UTF-16 or a binary file), terminal escapes (ESC),
#: BEL, VT … Tab, line breaks and the DOS end-of-file mark Ctrl-Z (OFAC's legacy CSVs end with
#: one) are text; a Ctrl-Z before the end is not.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f]|\x1a(?=\s*\S)")


def refuse_control_characters(path: Path, text: str) -> None:
    """Refuse text holding a control character, naming its line and column: read on, it would
    end up inside a name or an id (``'ADT \\x00ANALOG'``) that then matches nothing."""
    found = _CONTROL.search(text)
    if found is None:
        return
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    char = found.group()
    what = (
        "NUL byte (is the file UTF-16 or binary? save it as UTF-8)" if char == "\x00" else "control character"
    )
    raise InputFileError(path, f"{what} U+{ord(char):04X} at column {column}", line=line)


def refuse_bad_values_in(path: Path, value: object, where: str = "", line: int | None = None) -> None:
    """Refuse parsed JSON ``value`` when one of its strings holds a control character or is longer
    than the field size limit (:func:`graph.text_cells.value_problem`), naming the place
    (``field``: the key it is under; the reason: its path, ``results[2].name``) and ``line`` when
    known."""
    hit = bad_value_in(value, where)
    if hit is None:
        return
    place, problem = hit
    field = place.rsplit(".", 1)[-1].split("[", 1)[0] or None
    raise InputFileError(path, f"{problem} in {place}", line=line, field=field)


def read_text(path: Path, encoding: str = "utf-8", limit: int | None = None) -> str:
    """Size-checked, strictly decoded text of ``path`` (gzip transparently)."""
    text = decode(path, read_bytes(path, limit), encoding)
    if not text.strip():
        raise InputFileError(path, "file is empty")
    return text


# --- XML ---------------------------------------------------------------------------------------

_XML_GUARDS = {"forbid_dtd": True, "forbid_entities": True, "forbid_external": True}


def _xml_error(path: Path, exc: Exception) -> InputFileError:
    if isinstance(exc, DTDForbidden):
        return InputFileError(path, "XML with a DOCTYPE declaration is refused (possible entity attack)")
    if isinstance(exc, EntitiesForbidden):
        return InputFileError(path, f"XML declaring entity {exc.name!r} is refused (entity expansion)")
    if isinstance(exc, ExternalReferenceForbidden):
        return InputFileError(path, f"XML referencing external resource {exc.sysid!r} is refused")
    if isinstance(exc, ParseError):
        line, col = getattr(exc, "position", (None, None))
        return InputFileError(path, f"not well-formed XML (column {col}): {exc.msg}", line=line)
    return InputFileError(path, f"XML refused: {exc}")


def parse_xml(path: Path, limit: int | None = None) -> Element:
    """Parse a whole XML file safely and return its root element; a value longer than the field
    size limit is refused, naming its element by its place (``/export/sanctionEntity[3]``)."""
    data = read_bytes(path, limit)
    try:
        root = DET.fromstring(data, **_XML_GUARDS)
    except (DefusedXmlException, ParseError) as exc:
        raise _xml_error(path, exc) from exc
    if may_hold_long_text(data):
        refuse_long_text(path, root, f"/{local(root.tag)}")
    return root


class _GapScanner:
    """A binary file read through, noting whether two ``<`` so far were further apart than the
    field size limit (or a CDATA section began): only then may a value be too long."""

    def __init__(self, fh: IO[bytes]):
        self._fh = fh
        self._read = 0  # bytes read so far
        self._last = -1  # where the last "<" was
        self.suspect = False

    def read(self, size: int = -1) -> bytes:
        chunk = self._fh.read(size)
        if not self.suspect and chunk:
            marks = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == ord("<")) + self._read
            ends = np.concatenate(([self._last], marks, [self._read + len(chunk)]))
            self.suspect = int(np.diff(ends).max()) > MAX_FIELD_CHARS or b"<![CDATA[" in chunk
            self._last = int(marks[-1]) if marks.size else self._last
        self._read += len(chunk)
        return chunk


def iterparse_xml(
    path: Path, events: Sequence[str] = ("end",), *, records: str | None = None
) -> Iterator[tuple[str, Element]]:
    """Stream ``(event, element)`` pairs from a big XML file with the same guards as :func:`parse_xml`.
    ``records``: the local tag of the file's records, each refused (before its end event is
    yielded) when a value in it is longer than the field size limit — walked only once the bytes
    read so far may hold one."""
    check_file(path)
    with open_binary(path) as fh:
        scanner = _GapScanner(fh)
        count = 0
        try:
            for event, elem in DET.iterparse(scanner, events=events, **_XML_GUARDS):
                if records is not None and event == "end" and local(elem.tag) == records:
                    count += 1
                    if scanner.suspect:
                        refuse_long_text(path, elem, f"<{records}> number {count} (id {elem.get('id')})")
                yield event, elem
        except (DefusedXmlException, ParseError) as exc:
            raise _xml_error(path, exc) from exc
        except (OSError, EOFError, zlib.error) as exc:
            # a cut-off .xml.gz ends the stream with EOFError, which click reports as "Aborted."
            raise InputFileError(path, f"cannot decompress (truncated or damaged gzip file?): {exc}") from exc


def refuse_long_text(path: Path, record: Element, ref: str) -> None:
    """Refuse XML ``record`` (named ``ref``) when the text or an attribute of one of its elements
    is longer than the field size limit (:data:`graph.text_cells.MAX_FIELD_CHARS`, as a CSV cell).
    (XML cannot hold a control character: the parser refuses one.)"""
    stack = [(record, ref)]
    while stack:
        node, where = stack.pop()
        text = node.text
        if text is not None and len(text) > MAX_FIELD_CHARS:
            raise InputFileError(path, f"{value_problem(text)}, in {where}", field=local(node.tag))
        for name, value in node.attrib.items():
            if len(value) > MAX_FIELD_CHARS:
                field = f"{local(node.tag)}/@{local(name)}"
                raise InputFileError(path, f"{value_problem(value)}, in {where}", field=field)
        seen: dict[str, int] = {}
        children = []
        for child in node:
            tag = local(child.tag)
            seen[tag] = seen.get(tag, 0) + 1
            children.append((child, f"{where}/{tag}[{seen[tag]}]"))
        stack.extend(reversed(children))  # the first in the file is the one named


def may_hold_long_text(data: bytes) -> bool:
    """Whether a text or attribute value of XML ``data`` may be longer than the field size limit:
    only when two ``<`` are further apart than that (or a CDATA section, which may hold ``<``,
    is there). One vectorised pass, so that a whole file is walked only when it may hold one."""
    if len(data) <= MAX_FIELD_CHARS:
        return False
    if b"<![CDATA[" in data:
        return True
    marks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("<"))
    if marks.size == 0:
        return True
    gaps = np.diff(marks, prepend=-1, append=len(data))
    return int(gaps.max()) > MAX_FIELD_CHARS


def local(tag: str) -> str:
    """Tag name without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def child_text(elem: Element, name: str) -> str | None:
    """Stripped text of the first direct child named ``name`` (namespace-agnostic); None if empty."""
    for child in elem:
        if local(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def children(elem: Element, name: str) -> list[Element]:
    return [c for c in elem if local(c.tag) == name]


# --- CSV ---------------------------------------------------------------------------------------


_TOO_LONG = (
    f"a field longer than the {MAX_FIELD_CHARS:,}-character limit for a field "
    "(an unterminated quote, or a damaged file?)"
)


def csv_rows(path: Path, text: str, *, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line_number, fields)``; a truncated file (an unterminated quote, or a last row cut
    short: see :func:`refuse_cut_last_row`) is an error naming the row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    held: tuple[int, list[str]] | None = None  # a row is yielded once the next one is read
    width = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            too_long = "field larger than field limit" in str(exc)
            reason = (
                _TOO_LONG if too_long else f"malformed CSV (truncated file or unterminated quote?): {exc}"
            )
            raise InputFileError(path, reason, line=start) from exc
        if row and max(map(len, row)) > MAX_FIELD_CHARS:
            # (the csv module refuses one first unless a screening in this process raised its limit)
            raise InputFileError(path, _TOO_LONG, line=start)
        if held is not None:
            width = len(held[1]) or width
            yield held
        held = (start, row)
    if held is not None:
        refuse_cut_last_row(path, text, held, width)
        yield held


def refuse_cut_last_row(path: Path, text: str, last: tuple[int, list[str]], width: int) -> None:
    """Refuse a file whose last row has fewer fields than the row before and no line break after
    it: the file was cut off there (a download or copy that stopped), and reading on would load
    the rows before as if they were the whole list. ``width``: the field count of the row before."""
    line, fields = last
    if text.endswith(("\n", "\r")) or not any(f.strip(" \t\x1a") for f in fields):
        return
    if 0 < len(fields) < width:
        raise InputFileError(
            path,
            f"the file ends in the middle of a row ({len(fields)} fields where the row before has "
            f"{width}): truncated file?",
            line=line,
        )


def require_columns(path: Path, header: Sequence[str], required: Sequence[str]) -> dict[str, int]:
    """Map column name → index; a missing required column is an error naming it."""
    index = {name.strip().lstrip("\ufeff"): i for i, name in enumerate(header)}
    for name in required:
        if name not in index:
            raise InputFileError(
                path, f"required column missing (columns found: {', '.join(index)[:300]})", line=1, field=name
            )
    return index
