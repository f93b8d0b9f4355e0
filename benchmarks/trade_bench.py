"""Generate and ingest a synthetic world; report per-stage times (median of runs) and peak RSS.

    .venv/bin/python benchmarks/trade_bench.py            # 100,000 companies, 1,000,000 shipments
    .venv/bin/python benchmarks/trade_bench.py --small    # 5,000 / 50,000
    .venv/bin/python benchmarks/trade_bench.py --store neo4j   # needs CHIPWATCH_NEO4J_* settings

Target: networkx store, full size, generate + ingest < 2 min with peak RSS < 4 GB.
The graph stage runs only when ``graph.stores`` exists; otherwise graph rows are built
(``trade_graph_frames``) but not written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import tempfile
import time
from pathlib import Path

from chipwatch.settings import StoreKind, load_settings
from graph.tables.trade import load_trade_tables
from graph.trade_graph import records, trade_graph_frames, write_trade_graph
from ingest.synthetic import write_world
from ingest.trade.load import ingest_trade_file


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_once(companies: int, shipments: int, store_kind: str, root: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    write_world(companies, shipments, 1, root / "world")
    times["generate"] = time.perf_counter() - t0
    print(f"  generate {times['generate']:.1f} s", flush=True)
    settings = load_settings().with_(workspace=root / "ws", store=StoreKind(store_kind))
    t = time.perf_counter()
    for kind in ("companies", "ownership", "officers", "shipments"):
        tk = time.perf_counter()
        ingest_trade_file(settings, kind, root / "world" / f"{kind}.csv", today=dt.date(2026, 11, 1))
        print(f"  ingest {kind} {time.perf_counter() - tk:.1f} s", flush=True)
    times["ingest_tables"] = time.perf_counter() - t
    t = time.perf_counter()
    tables = load_trade_tables(settings)
    try:
        from graph.stores import open_store  # type: ignore[attr-defined]
    except ImportError:
        open_store = None
    if open_store is not None:
        store = open_store(settings)
        try:
            store.clear()
            write_trade_graph(store, tables)
            store.flush()
        finally:
            store.close()
        times["graph_" + store_kind] = time.perf_counter() - t
    else:
        frames = trade_graph_frames(tables)
        n = sum(sum(1 for _ in records(f)) for f in [*frames.nodes.values(), *frames.edges.values()])
        times[f"graph_rows_only({n} rows)"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - t0
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--store", choices=["networkx", "neo4j"], default="networkx")
    args = parser.parse_args()
    companies, shipments = (5_000, 50_000) if args.small else (100_000, 1_000_000)
    results: list[dict[str, float]] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(run_once(companies, shipments, args.store, Path(tmp)))
    print(
        f"trade_bench: {companies:,} companies, {shipments:,} shipments, store={args.store}, runs={args.runs}"
    )
    for key in results[0]:
        print(f"  {key:<40} median {statistics.median(r[key] for r in results):8.1f} s")
    print(f"  peak RSS {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
