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
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from chipwatch.errors import InputFileError

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


_CONTROL_IN_VALUE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def control_character_in(value: object, where: str = "") -> tuple[str, str] | None:
    """``(where, character)`` of the first string in parsed JSON ``value`` holding a control
    character (``"\\u001b"``, ``"\\b"``: JSON escapes them, so the text check cannot see them);
    ``where`` is its place (``results[2].name``). None when there is none."""
    if isinstance(value, str):
        found = _CONTROL_IN_VALUE.search(value)
        return (where, found.group()) if found else None
    if isinstance(value, dict):
        items = ((f"{where}.{key}" if where else str(key), item) for key, item in value.items())
    elif isinstance(value, list):
        items = ((f"{where}[{i}]", item) for i, item in enumerate(value))
    else:
        return None
    for place, item in items:
        hit = control_character_in(item, place)
        if hit is not None:
            return hit
    return None


def refuse_control_characters_in(path: Path, value: object, where: str = "", line: int | None = None) -> None:
    """Refuse parsed JSON ``value`` when one of its strings holds a control character, naming the
    place (``field``: the key it is under) and ``line`` when known."""
    hit = control_character_in(value, where)
    if hit is None:
        return
    place, char = hit
    field = place.rsplit(".", 1)[-1].split("[", 1)[0] or None
    raise InputFileError(path, f"control character U+{ord(char):04X} in {place}", line=line, field=field)


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
    """Parse a whole XML file safely and return its root element."""
    data = read_bytes(path, limit)
    try:
        return DET.fromstring(data, **_XML_GUARDS)
    except (DefusedXmlException, ParseError) as exc:
        raise _xml_error(path, exc) from exc


def iterparse_xml(path: Path, events: Sequence[str] = ("end",)) -> Iterator[tuple[str, Element]]:
    """Stream ``(event, element)`` pairs from a big XML file with the same guards as :func:`parse_xml`."""
    check_file(path)
    with open_binary(path) as fh:
        try:
            yield from DET.iterparse(fh, events=events, **_XML_GUARDS)
        except (DefusedXmlException, ParseError) as exc:
            raise _xml_error(path, exc) from exc
        except (OSError, EOFError, zlib.error) as exc:
            # a cut-off .xml.gz ends the stream with EOFError, which click reports as "Aborted."
            raise InputFileError(path, f"cannot decompress (truncated or damaged gzip file?): {exc}") from exc


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
            raise InputFileError(
                path, f"malformed CSV (truncated file or unterminated quote?): {exc}", line=start
            ) from exc
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
