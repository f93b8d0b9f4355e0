"""Open any published list file: safety checks, format detection, dispatch to its reader.

``detect_format`` asks each registered reader's ``sniff`` (name + first 64 KiB, never the whole
file); a directory holding an OFAC legacy CSV set counts as one list; a ZIP is looked into and
refused when it holds no list. ``read_list_file`` applies the guards of :mod:`ingest.lists.safe`
and returns the reader's :class:`ReadResult`, names written wholly in quotes read without them
(:mod:`ingest.lists.quotes`).
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from chipwatch.errors import InputFileError
from ingest.lists import safe
from ingest.lists.model import ReadResult
from ingest.lists.quotes import unquote_entry
from ingest.lists.readers import known_formats, reader_for, readers

#: A ZIP whose members expand beyond this multiple of its own size is treated as a zip bomb.
MAX_ZIP_RATIO = 200


def _sniff(path: Path) -> str | None:
    head = safe.read_head(path)
    for reader in readers():
        if reader.sniff(path, head):
            return reader.FORMAT
    return None


def _unrecognised(path: Path) -> InputFileError:
    return InputFileError(
        path, f"not a recognised list format (known formats: {', '.join(known_formats())}); use --format"
    )


def detect_format(path: Path) -> str:
    """The format name of ``path`` (a file, a ZIP, or a directory with an OFAC CSV set)."""
    path = Path(path)
    safe.check_file(path)
    if path.is_file() and zipfile.is_zipfile(path):
        with _unzipped(path) as inner:
            return detect_format(inner)
    fmt = _sniff(path)
    if fmt is None:
        raise _unrecognised(path)
    return fmt


def read_list_file(path: Path, fmt: str | None = None) -> ReadResult:
    """Read one list file (or ZIP, or OFAC CSV directory); ``fmt`` overrides detection."""
    path = Path(path)
    safe.check_file(path)
    if path.is_file() and zipfile.is_zipfile(path):
        with _unzipped(path) as inner:
            return read_list_file(inner, fmt)
    if fmt is None:
        fmt = detect_format(path)
    try:
        reader = reader_for(fmt)
    except KeyError as exc:
        raise InputFileError(path, str(exc.args[0]), field="format") from exc
    result = reader.read(path)
    result.format = result.format or reader.FORMAT
    result.entries = [unquote_entry(e) for e in result.entries]
    return result


@contextmanager
def _unzipped(path: Path) -> Iterator[Path]:
    """Extract a ZIP safely into a temporary directory; yield the list file (or the directory)."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputFileError(path, f"not a readable ZIP: {exc}") from exc
    with archive, tempfile.TemporaryDirectory(prefix="chipwatch-zip-") as tmp:
        members = [m for m in archive.infolist() if not m.is_dir()]
        total = sum(m.file_size for m in members)
        if total > safe.max_bytes() or total > MAX_ZIP_RATIO * max(path.stat().st_size, 1) + 2**20:
            raise InputFileError(path, f"ZIP expands to {total} bytes: refused (zip bomb?)")
        root = Path(tmp)
        extracted: list[Path] = []
        for member in members:
            name = PurePosixPath(member.filename).name
            if not name or name.startswith("."):
                continue
            target = root / name
            with archive.open(member) as src, target.open("wb") as dst:
                dst.write(src.read(safe.max_bytes() + 1))
            if target.stat().st_size:
                extracted.append(target)
        lists = [p for p in extracted if _sniff(p) is not None]
        if _sniff(root) is not None and len(lists) != 1:
            yield root  # a set of files read together (OFAC legacy CSVs)
        elif len(lists) == 1:
            yield lists[0]
        elif not lists:
            names = ", ".join(m.filename for m in members[:10]) or "nothing"
            raise InputFileError(path, f"ZIP holds no list file (it contains: {names})")
        else:
            names = ", ".join(p.name for p in lists)
            raise InputFileError(path, f"ZIP holds several lists ({names}); unpack it and ingest each")
