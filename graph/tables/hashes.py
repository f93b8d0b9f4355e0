"""SHA-256 of the workspace's table files: what a graph sync or a risk run read.

Both :mod:`graph.sync_journal` (the tables a complete sync wrote into the graph) and
:mod:`graph.risk.staleness` (the tables a risk run's graph was built from) record them, so that a
table changed afterwards — by an ingest, or by ``chipwatch ingest … --no-graph`` that leaves the
graph behind — is seen.
"""

from __future__ import annotations

from pathlib import Path

from chipwatch.settings import Settings
from graph import audit
from graph.tables.trade import table_path

#: The trade tables the graph's companies, ownership, officers, parties and shipments come from.
TRADE_TABLES = ("companies", "ownership", "officers", "parties", "shipments")

#: SHA-256 per (path, inode, size, mtime): tables are replaced by a rename, so a file read again
#: unchanged is not hashed again (the app checks on every render; shipments run to tens of MB).
_HASHES: dict[tuple[str, int, int, int], str] = {}


def file_sha256(path: Path) -> str:
    """The file's SHA-256, or "" when there is no such file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return ""
    key = (str(path), st.st_ino, st.st_size, st.st_mtime_ns)
    if key not in _HASHES:
        if len(_HASHES) > 256:
            _HASHES.clear()
        _HASHES[key] = audit.file_sha256(path)
    return _HASHES[key]


def trade_table_hashes(settings: Settings) -> dict[str, str]:
    """Each trade table's SHA-256 ("" for a table not written yet)."""
    return {name: file_sha256(table_path(settings, name)) for name in TRADE_TABLES}
