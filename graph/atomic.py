"""Writing a workspace file whole or not at all: the one writer every table, state file and log uses.

A file is written to a temporary file in its own folder, flushed to disk (``fsync``), renamed over
the old one (``os.replace``: atomic on one file system) and the folder flushed too, so the rename
itself survives a power cut. Until the rename the old file is untouched; an exception raised while
writing (disk full, a value the writer refuses, an interrupt) removes the temporary file and
leaves the old file as it was.

Files holding review decisions, credentials or the audit trail are written ``private``: mode 0600
from the moment they exist (the temporary file is created 0600, and is never wider). Other files
keep the mode of the file they replace, or get the usual ``0666 & ~umask`` when new.

Append-only logs (the audit log, review decisions) are not rewritten on each record:
:func:`append_line` adds one line in one ``write`` and flushes it, so the lines already there are
never touched; a crash during that write can leave at most a torn last line without its newline,
which readers skip and the next append cuts off.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd

#: Mode of files holding review decisions, credentials or the audit trail.
PRIVATE = 0o600


def _umask() -> int:
    """The process's umask (Linux reports it in /proc; elsewhere read it by setting it back)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync(path: Path) -> None:
    """Flush a written file's bytes, or a folder's entries (a rename or a new file in it), to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _final_mode(path: Path, private: bool) -> int:
    if private:
        return PRIVATE
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _temp_beside(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 0600
    os.close(fd)
    return Path(name)


def _seal(tmp: Path, path: Path, private: bool) -> None:
    """Make ``tmp`` durable with its final mode (it becomes ``path`` by a rename next)."""
    os.chmod(tmp, _final_mode(path, private))
    fsync(tmp)


def publish(tmp: Path, path: Path, *, private: bool = False) -> None:
    """Rename a finished temporary file (in ``path``'s folder) onto ``path``, durably: for a file
    written in pieces over a long run (a screening output) that cannot sit in one ``with`` block."""
    _seal(tmp, path, private)
    os.replace(tmp, path)
    fsync(path.parent)


@contextlib.contextmanager
def atomic_path(path: Path, *, private: bool = False) -> Iterator[Path]:
    """A temporary file beside ``path`` to write into; it replaces ``path`` only if the block ends
    without an exception (then durably: file and folder flushed). On an exception the temporary
    file is removed and ``path`` is as it was."""
    path = Path(path)
    tmp = _temp_beside(path)
    try:
        yield tmp
        _seal(tmp, path, private)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync(path.parent)


def write_bytes(path: Path, data: bytes, *, private: bool = False) -> None:
    """Replace ``path`` with ``data``, atomically and durably."""
    with atomic_path(path, private=private) as tmp:
        tmp.write_bytes(data)


def write_text(path: Path, text: str, *, private: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8), atomically and durably."""
    write_bytes(path, text.encode("utf-8"), private=private)


def write_parquet(path: Path, frame: pd.DataFrame, *, private: bool = False) -> None:
    """Replace ``path`` with ``frame`` as Parquet (no index), atomically and durably."""
    with atomic_path(path, private=private) as tmp:
        frame.to_parquet(tmp, index=False)


def _cut_torn_line(fd: int) -> None:
    """Cut a last line without its newline (a crash during its write: the call that wrote it never
    returned) so that the next line starts a line of its own instead of joining the torn one."""
    size = os.fstat(fd).st_size
    if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
        return
    start = size
    while start > 0:
        step = min(8192, start)
        block = os.pread(fd, step, start - step)
        cut = block.rfind(b"\n")
        if cut >= 0:
            start = start - step + cut + 1
            break
        start -= step
    os.ftruncate(fd, start)


def append_line(path: Path, line: str, *, private: bool = False) -> None:
    """Add ``line`` (a newline is added) to the end of ``path`` in one write, flushed to disk; the
    lines already there are never rewritten. ``private``: the file is (made) mode 0600."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, PRIVATE if private else 0o666)
    try:
        if private:
            os.fchmod(fd, PRIVATE)  # a log written before it was private
        _cut_torn_line(fd)
        data = (line + "\n").encode("utf-8")
        written = os.write(fd, data)
        while written < len(data):  # a short write (signal, quota): finish the same line
            written += os.write(fd, data[written:])
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync(path.parent)


@dataclass
class StagedFiles:
    """Several files written to temporary files first, then renamed into place together
    (:meth:`commit`) or dropped (:meth:`abandon`). A failure while writing any of them leaves every
    old file untouched; only the renames — atomic each, microseconds together — come after."""

    pending: dict[Path, Path] = field(default_factory=dict)  # live path -> temporary file
    private: bool = False

    def stage(self, path: Path, write: Callable[[Path], object]) -> None:
        """Write ``path``'s new content with ``write(temporary path)``; nothing visible changes."""
        path = Path(path)
        tmp = _temp_beside(path)
        self.pending[path] = tmp
        try:
            write(tmp)
            _seal(tmp, path, self.private)
        except BaseException:
            self.abandon()
            raise

    def commit(self) -> None:
        folders = set()
        for live, tmp in self.pending.items():
            os.replace(tmp, live)
            folders.add(live.parent)
        self.pending.clear()
        for folder in folders:
            fsync(folder)

    def abandon(self) -> None:
        for tmp in self.pending.values():
            tmp.unlink(missing_ok=True)
        self.pending.clear()


def stage_parquet(frames: dict[Path, pd.DataFrame]) -> StagedFiles:
    """Every frame written as Parquet to a temporary file beside its path, not yet renamed."""
    staged = StagedFiles()
    for path, frame in frames.items():
        staged.stage(path, partial(_to_parquet, frame))
    return staged


def _to_parquet(frame: pd.DataFrame, path: Path) -> None:
    frame.to_parquet(path, index=False)
