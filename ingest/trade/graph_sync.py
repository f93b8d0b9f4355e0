"""Write the workspace's company/trade tables into the configured graph store, and load the demo world.

The store comes from ``graph.stores.open_store(settings)`` (networkx or Neo4j, by
``CHIPWATCH_STORE``); writes are idempotent upserts, so syncing twice changes nothing. Tables are
updated before the graph: if the graph write fails, the tables hold the new rows and the store
keeps its last flushed state — running the sync again completes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chipwatch.settings import Settings
from graph.store import GraphStore
from graph.tables.trade import load_trade_tables
from graph.trade_graph import write_trade_graph
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


def sync_trade_graph(settings: Settings, *, store: GraphStore | None = None) -> dict[str, int]:
    """Upsert every trade table's nodes and edges into ``store`` (default: the configured one).

    Returns rows written per node/edge kind. Raises ``RuntimeError`` when no store is available.
    """
    if store is not None:
        return write_trade_graph(store, load_trade_tables(settings))
    opener = store_opener()
    if opener is None:
        raise RuntimeError("graph.stores is not available: the tables were updated, the graph was not")
    opened = opener(settings)
    try:
        written = write_trade_graph(opened, load_trade_tables(settings))
        opened.flush()
    finally:
        opened.close()
    return written


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
    written = sync_trade_graph(settings) if graph and store_opener() is not None else None
    return DemoLoad(reports, written)
