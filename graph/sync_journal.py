"""The graph-sync journal: a graph that does not (yet) hold every row of the tables is never read
without the reader being told.

The workspace's tables are the source of truth; the graph store is derived from them by a sync
(:mod:`ingest.trade.graph_sync`). On networkx a sync is one atomic flush, but on Neo4j a sync of a
million rows is necessarily many transactions: a server that dies, a process that is killed or a
row the server refuses stops it with some kinds written and others not. Nothing inside the store
says so — the half-written graph looks like any other graph, and a compliance officer could clear
a counterparty because the shipment that links it to a listed party was never written.

Design:

* Before a sync writes anything, it records a **load id** in ``<workspace>/graph_sync/<store>.json``
  with state ``running``, what started it, the store it writes to (graph folder or Neo4j URI and
  database, never credentials), the kinds it will write and, after each kind, the kinds done.
  The file is replaced atomically (temp file, fsync, rename, fsync of the folder), so a crash
  leaves either the old record or the new one.
* While it runs the sync holds an exclusive ``flock`` on ``<store>.lock``. The kernel releases it
  when the process dies, however it dies, so a ``running`` record whose lock is free is an
  *interrupted* sync, and one whose lock is held is a sync *in progress* — and two syncs of one
  workspace's store cannot interleave.
* Only after the last kind is written and the store flushed is the record set to ``complete``
  (with the rows written).
* The next sync finds the ``running`` record, says so ("graph sync of load X did not finish; …")
  and **rolls forward**: it writes every kind again from the tables. That is safe because every
  write is an idempotent upsert keyed on stable ids, and it is complete because the tables only
  grow (re-ingesting a row replaces it under the same id); the trade edges an older row made
  and no row makes now are deleted by whichever sync runs next
  (``graph.trade_graph.TRADE_EDGES_FROM``). Undoing is not offered: on Neo4j the
  pre-sync graph is not kept anywhere, and the tables — already committed — are what the graph
  must show. ``chipwatch graph-sync`` completes it without ingesting anything.
* Readers — ``chipwatch risk|paths|entity``, exports and the app — call :func:`require_synced`
  and refuse with that message while a sync is interrupted or in progress.
* A sync also records the SHA-256 of each trade table it read (``tables``, read before the
  tables are). A table that differs now was changed after the last complete sync — by ``chipwatch
  ingest … --no-graph``, which updates the tables and deliberately leaves the graph, or by an
  ingest that synced the *other* store kind — so the graph is behind the tables:
  :func:`graph_behind_tables` says so. ``chipwatch risk`` refuses then
  (:func:`require_graph_current`): it would score a graph that lacks those rows and record the
  new tables as what its results were computed from, so the results would read as current. A
  record written before the hashes were has none: unknown, not behind.

What it covers: process killed (any signal, OOM killer), Neo4j killed or unreachable, a refused
row (kind clash, bad value) mid-sync, a concurrent second sync, a reader started during a sync.
What it does not cover: another workspace or tool reading the same Neo4j database (the journal
lives in this workspace); a process killed between the table commit and the journal write (a few
milliseconds, no graph write yet: the graph is the previous complete sync, behind the tables);
``chipwatch ingest … --no-graph``, which updates the tables and deliberately leaves the graph
(readers other than ``chipwatch risk`` read the graph as it is, and warn: :func:`behind_warning`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings, StoreKind
from graph import atomic, json_record
from graph.tables.hashes import TRADE_TABLES, trade_table_hashes

State = Literal["running", "complete"]
JOURNAL_DIR = "graph_sync"
SYNC_COMMAND = "chipwatch graph-sync"


class GraphSyncIncomplete(ChipwatchError):
    """The graph store does not hold every row of the tables: a sync was interrupted or is running."""

    def __init__(self, record: SyncRecord, *, in_progress: bool):
        self.record = record
        self.in_progress = in_progress
        super().__init__(describe(record, in_progress=in_progress))


class GraphSyncBusy(ChipwatchError):
    """Another process is syncing this workspace's graph right now."""


@dataclass(frozen=True)
class SyncRecord:
    load_id: str
    store: str
    target: str  # where the graph lives: a folder or a Neo4j URI + database (no credentials)
    reason: str  # what started the sync, e.g. "ingest shipments world/shipments.csv"
    started_at: str
    pid: int
    host: str
    kinds: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    state: State = "running"
    finished_at: str | None = None
    written: dict[str, int] = field(default_factory=dict)
    recovers: str | None = None  # the interrupted load this sync completes
    #: How the graph was written: ``upsert`` (transactional) or ``import`` (Neo4j's offline
    #: importer, a first load into an empty local database; see docs/graph-sync.md).
    method: str = "upsert"
    #: The SHA-256 of each trade table the sync read (None: recorded before syncs recorded them).
    tables: dict[str, str] | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SyncRecord:
        """Fields a newer chipwatch added are ignored (:mod:`graph.json_record`)."""
        return json_record.from_json(cls, data)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def journal_path(settings: Settings) -> Path:
    return settings.workspace / JOURNAL_DIR / f"{settings.store.value}.json"


def _lock_path(settings: Settings) -> Path:
    return settings.workspace / JOURNAL_DIR / f"{settings.store.value}.lock"


def store_target(settings: Settings) -> str:
    """Where this settings' graph lives, for the messages (a URI without user or password)."""
    if settings.store is StoreKind.NEO4J:
        from urllib.parse import urlsplit, urlunsplit

        uri = settings.neo4j_uri or "the workspace's local Neo4j"
        parts = urlsplit(uri)
        if "@" in parts.netloc:
            uri = urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
        return f"{uri} database {settings.neo4j_database}"
    return str(settings.graph_dir)


def read(settings: Settings) -> SyncRecord | None:
    """The last sync's record for this store kind, or None if this workspace never synced one."""
    path = journal_path(settings)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        raise ChipwatchError(f"{path}: the graph-sync journal cannot be read ({exc})") from exc
    try:
        return SyncRecord.from_json(data)
    except TypeError as exc:
        raise ChipwatchError(f"{path}: the graph-sync journal is malformed ({exc})") from exc


def _write(settings: Settings, record: SyncRecord) -> None:
    atomic.write_text(journal_path(settings), json.dumps(asdict(record), indent=1))


def _lock_held(settings: Settings) -> bool:
    """Whether some process holds the sync lock (a sync is running right now)."""
    path = _lock_path(settings)
    if not path.exists():
        return False
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
    return False


def describe(record: SyncRecord, *, in_progress: bool) -> str:
    kinds = len(record.kinds)
    done = ", ".join(record.done) or "none"
    where = f"{record.store} graph at {record.target}"
    if in_progress:
        return (
            f"graph sync of load {record.load_id} ({record.reason}) is in progress (pid {record.pid} "
            f"on {record.host}, started {record.started_at}; {len(record.done)} of {kinds} kinds written): "
            f"the {where} does not yet hold every row of the tables; wait for it to finish"
        )
    return (
        f"graph sync of load {record.load_id} ({record.reason}, started {record.started_at}) did not "
        f"finish: the {where} may hold only part of the tables (kinds written before it stopped: "
        f"{done}; {len(record.done)} of {kinds}). The tables are complete; run '{SYNC_COMMAND}' (or "
        "any 'chipwatch ingest' of companies/ownership/officers/shipments) to complete the graph "
        "from them"
    )


def status(settings: Settings) -> tuple[SyncRecord | None, str]:
    """(last record, one of ``never``, ``complete``, ``in_progress``, ``interrupted``)."""
    record = read(settings)
    if record is None:
        return None, "never"
    if record.state == "complete":
        return record, "complete"
    return record, "in_progress" if _lock_held(settings) else "interrupted"


def require_synced(settings: Settings) -> None:
    """Raise :class:`GraphSyncIncomplete` when this store's last sync did not finish (or runs now)."""
    record, state = status(settings)
    if record is not None and state in ("in_progress", "interrupted"):
        raise GraphSyncIncomplete(record, in_progress=state == "in_progress")


class GraphBehindTables(ChipwatchError):
    """The tables changed after the last complete sync: the graph does not hold those changes."""


def graph_behind_tables(settings: Settings) -> str | None:
    """Why this store's graph is behind the tables (see the module doc), or None when it is not
    known to be: its last sync completed from the tables as they are now, or recorded no hashes,
    or there is none (the graph holds no trade data for the tables to be ahead of)."""
    record, state = status(settings)
    if record is None or state != "complete" or record.tables is None:
        return None
    now = trade_table_hashes(settings)
    changed = [name for name in TRADE_TABLES if record.tables.get(name, "") != now[name]]
    if not changed:
        return None
    return (
        f"the {settings.store.value} graph at {record.target} is behind the tables: the "
        f"{', '.join(changed)} data changed after its last sync (load {record.load_id}, {record.reason}, "
        f"finished {record.finished_at}) — an ingest with --no-graph, or one that synced the other store"
    )


def behind_warning(settings: Settings) -> str | None:
    """For readers of the graph that do not refuse (``paths``, ``entity``, ``screen``, exports, the
    app): the warning when the graph is behind the tables, or None. They show the graph as of its
    last sync, which is still a consistent graph; only ``chipwatch risk`` would record a wrong basis."""
    behind = graph_behind_tables(settings)
    if not behind:
        return None
    return f"{behind}; what is read from the graph lacks those changes. Run '{SYNC_COMMAND}' to add them"


def require_graph_current(settings: Settings, what: str) -> None:
    """Raise :class:`GraphBehindTables` naming ``what`` would go wrong when the graph is behind."""
    behind = graph_behind_tables(settings)
    if behind:
        raise GraphBehindTables(f"{behind}; {what}. Run '{SYNC_COMMAND}' first")


class SyncJournal:
    """One sync's record: :meth:`kind_done` after each kind, :meth:`complete` once flushed."""

    def __init__(self, settings: Settings, record: SyncRecord, interrupted: SyncRecord | None):
        self.settings = settings
        self.record = record
        self.interrupted = interrupted  # the earlier load this sync rolls forward, if any

    def kind_done(self, kind: str, rows: int) -> None:
        self.record = replace(
            self.record, done=(*self.record.done, kind), written={**self.record.written, kind: rows}
        )
        _write(self.settings, self.record)

    def method(self, method: str) -> None:
        """Record how the graph is being written (before it is)."""
        self.record = replace(self.record, method=method)
        _write(self.settings, self.record)

    def complete(self) -> None:
        self.record = replace(self.record, state="complete", finished_at=_now())
        _write(self.settings, self.record)


@contextlib.contextmanager
def journaled_sync(
    settings: Settings, reason: str, kinds: tuple[str, ...], tables: dict[str, str] | None = None
) -> Iterator[SyncJournal]:
    """Hold the sync lock and a ``running`` record for the duration of one sync.

    The caller writes the graph, calls :meth:`SyncJournal.kind_done` per kind and
    :meth:`SyncJournal.complete` after the store's flush. An exception leaves the record
    ``running``: the graph is then reported incomplete until a later sync completes it.
    """
    lock = _lock_path(settings)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            previous = read(settings)
            who = f" (load {previous.load_id}, pid {previous.pid})" if previous else ""
            raise GraphSyncBusy(
                f"another graph sync of this workspace's {settings.store.value} graph is running{who}; "
                "wait for it to finish"
            ) from None
        try:
            previous = read(settings)
            interrupted = previous if previous is not None and previous.state == "running" else None
            record = SyncRecord(
                load_id=f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}",
                store=settings.store.value,
                target=store_target(settings),
                reason=reason,
                started_at=_now(),
                pid=os.getpid(),
                host=socket.gethostname(),
                kinds=kinds,
                recovers=interrupted.load_id if interrupted else None,
                tables=tables,
            )
            _write(settings, record)
            yield SyncJournal(settings, record, interrupted)
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
