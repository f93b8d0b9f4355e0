"""Write the workspace's company/trade tables into the configured graph store, and load the demo world.

The store comes from ``graph.stores.open_store(settings)`` (networkx or Neo4j, by
``CHIPWATCH_STORE``); writes are idempotent upserts, so syncing twice changes nothing. Tables are
updated before the graph and are the source of truth: a trade edge no row makes any more (a
company's old address or country, a shipment's former consignee) is deleted
(``graph.trade_graph.TRADE_EDGES_FROM``).

Every sync is journaled (:mod:`graph.sync_journal`): a load id is recorded before the first graph
write and marked complete only after the last kind is written and the store flushed. On Neo4j a
large sync is many transactions, so a killed server or process, or a row the server refuses,
leaves some kinds written and others not; on networkx the flush is atomic, so the graph on disk is
the previous sync's — either way the graph does not match the tables, and the journal says so.
The next sync (any ``chipwatch ingest`` of trade files, or ``chipwatch graph-sync``) reports the
interrupted load and rolls forward: it writes every kind again from the tables. Readers refuse
while a sync is interrupted (:func:`graph.sync_journal.require_synced`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chipwatch.settings import Settings
from graph.store import GraphStore
from graph.sync_journal import SyncRecord, journaled_sync
from graph.tables.hashes import trade_table_hashes
from graph.tables.trade import load_trade_tables
from graph.trade_graph import frame_kinds, trade_graph_frames, write_graph_frames
from ingest.trade.load import IngestReport, TradeKind, ingest_trade_file

DEMO_WORLD_DIR = Path(__file__).resolve().parents[2] / "data" / "demo_world"
#: Order matters: ownership and officers resolve company ids against the companies table.
LOAD_ORDER = (TradeKind.COMPANIES, TradeKind.OWNERSHIP, TradeKind.OFFICERS, TradeKind.SHIPMENTS)


def store_opener() -> Callable[[Settings], GraphStore] | None:
    """``graph.stores.open_store``, or None while the stores package is not installed."""
    try:
        from graph import stores
    except ImportError:
        return None
    opener: Any = getattr(stores, "open_store", None)
    return opener


@dataclass(frozen=True)
class SyncOutcome:
    load_id: str
    written: dict[str, int]  # rows written per node/edge kind
    recovered: SyncRecord | None  # an earlier sync that had not finished, completed by this one
    #: edges deleted per kind because no table row makes them any more (a company that moved, a
    #: shipment corrected to another consignee): ``graph.trade_graph.TRADE_EDGES_FROM``
    removed: dict[str, int] = field(default_factory=dict)

    def notes(self) -> list[str]:
        notes = []
        if self.removed:
            notes.append(
                "removed edges the tables no longer make: "
                + ", ".join(f"{n} {k}" for k, n in self.removed.items() if n)
            )
        if self.recovered is None:
            return notes
        r = self.recovered
        return [
            f"graph sync of load {r.load_id} ({r.reason}, started {r.started_at}) did not finish "
            f"({len(r.done)} of {len(r.kinds)} kinds written); load {self.load_id} completed the graph "
            "from the tables",
            *notes,
        ]


def run_trade_sync(
    settings: Settings,
    *,
    store: GraphStore | None = None,
    reason: str = "graph sync",
    on_kind: Callable[[str, int], None] | None = None,
) -> SyncOutcome:
    """Upsert every trade table's nodes and edges into ``store`` (default: the configured one),
    journaled; flushes the store before the sync counts as complete.

    Raises ``RuntimeError`` when no store is available, :class:`graph.sync_journal.GraphSyncBusy`
    when another sync of this workspace's store is running, and the store's error when a write
    fails (the journal then reports the sync as not finished until a later one completes it).
    ``on_kind(kind, rows)`` is called after each kind is written (progress, benchmarks).
    """
    own = store is None
    if store is None:
        opener = store_opener()
        if opener is None:
            raise RuntimeError("graph.stores is not available: the tables were updated, the graph was not")
        store = opener(settings)
    try:
        tables = trade_table_hashes(settings)  # before the tables are read: a change meanwhile is after
        frames = trade_graph_frames(load_trade_tables(settings))
        with journaled_sync(settings, reason, frame_kinds(frames), tables) as journal:

            def done(kind: str, rows: int) -> None:
                journal.kind_done(kind, rows)
                if on_kind is not None:
                    on_kind(kind, rows)

            removed: dict[str, int] = {}
            written = write_graph_frames(
                store, frames, done, lambda: journal.method("import"), removed.__setitem__
            )
            store.flush()
            journal.complete()
    finally:
        if own:
            store.close()
    return SyncOutcome(journal.record.load_id, written, journal.interrupted, removed)


def sync_trade_graph(
    settings: Settings, *, store: GraphStore | None = None, reason: str = "graph sync"
) -> dict[str, int]:
    """:func:`run_trade_sync`, returning only the rows written per node/edge kind."""
    return run_trade_sync(settings, store=store, reason=reason).written


@dataclass(frozen=True)
class DemoLoad:
    reports: tuple[IngestReport, ...]
    graph: dict[str, int] | None  # None: no graph store available, tables only

    def summary(self) -> str:
        lines = [r.summary() for r in self.reports]
        if self.graph is None:
            lines.append("graph: store not available; tables only")
        else:
            lines.append("graph: " + ", ".join(f"{n} {k}" for k, n in self.graph.items() if n))
        return "\n".join(lines)


def ingest_demo_world(
    settings: Settings,
    *,
    directory: Path = DEMO_WORLD_DIR,
    graph: bool = True,
    today: dt.date | None = None,
) -> DemoLoad:
    """Load the bundled demo world (``data/demo_world/*.csv``) into the tables and the graph store."""
    reports = tuple(
        ingest_trade_file(settings, kind, directory / f"{kind.value}.csv", source="synthetic", today=today)
        for kind in LOAD_ORDER
    )
    load = graph and store_opener() is not None
    written = sync_trade_graph(settings, reason=f"demo world {directory}") if load else None
    return DemoLoad(reports, written)
