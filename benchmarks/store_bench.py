"""Store benchmark: upsert N nodes + 3N edges, run 1,000 bounded path queries, reload (networkx).

    .venv/bin/python benchmarks/store_bench.py --nodes 100000 --store both

Targets (issue 2): Neo4j >= 50k nodes+edges/s, networkx >= 300k/s, reload of a 1M-edge networkx
store < 5 s (``--reload-nodes 350000`` gives ~1.05M edges). With ``--store neo4j`` and no
CHIPWATCH_NEO4J_URI, a throwaway local Neo4j is started in a temporary workspace.
Prints rows/s (each of ``--runs`` loads into an empty store, then their median), query p50/p95,
peak RSS of this process and, for a Neo4j this script started, of the Neo4j JVM.
The networkx store is timed twice: rows as dicts (the protocol's general form) and the same rows
as columns (``ColumnRows``, what bulk ingest hands over).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import psutil

from chipwatch import neo4j_server
from chipwatch.settings import Settings, StoreKind, load_settings
from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore
from graph.stores import NetworkxStore
from graph.stores.columns import ColumnRows
from graph.stores.neo4j_store import Neo4jStore

EDGE_KINDS = (EdgeKind.TRADES_WITH, EdgeKind.OWNS, EdgeKind.SAME_AS)


def _node_rows(n: int) -> Iterator[dict[str, object]]:
    for i in range(n):
        yield {"id": f"co:b:{i}", "name": f"Company {i}", "country": "CN" if i % 3 else "HK", "n": i}


def _edge_rows(kind: EdgeKind, n: int, seed: int) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    for i in range(n):
        row: dict[str, object] = {"source": f"co:b:{i}", "target": f"co:b:{rng.randrange(n)}"}
        if kind is EdgeKind.TRADES_WITH:
            row.update(key="854231", count=rng.randrange(1, 50), value_usd=round(rng.random() * 1e5, 2))
        elif kind is EdgeKind.OWNS:
            row["pct"] = float(rng.randrange(1, 101))
        else:
            row["score"] = round(rng.random(), 3)
        yield row


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def load(store: GraphStore, n: int) -> float:
    """Store rows/s for N nodes + 3N edges: rows are generated first, only the upserts are timed.

    (Generating the random rows costs about as much as the networkx upserts themselves; earlier
    versions of this script timed both together.)
    """
    nodes = list(_node_rows(n))
    edges = [(kind, list(_edge_rows(kind, n, seed))) for seed, kind in enumerate(EDGE_KINDS)]
    start = time.perf_counter()
    store.upsert_nodes(NodeKind.COMPANY, nodes)
    for kind, rows in edges:
        store.upsert_edges(kind, rows)
    return 4 * n / (time.perf_counter() - start)


def load_columns(store: NetworkxStore, n: int) -> float:
    """Rows/s for the same rows handed over as columns (``ColumnRows``, what bulk ingest passes)."""
    nodes = ColumnRows.from_frame(pd.DataFrame(list(_node_rows(n))))
    edges = [
        (kind, ColumnRows.from_frame(pd.DataFrame(list(_edge_rows(kind, n, seed)))))
        for seed, kind in enumerate(EDGE_KINDS)
    ]
    start = time.perf_counter()
    store.upsert_nodes(NodeKind.COMPANY, nodes)
    for kind, rows in edges:
        store.upsert_edges(kind, rows)
    return 4 * n / (time.perf_counter() - start)


def queries(store: GraphStore, n: int, count: int = 1000) -> tuple[float, float, int]:
    rng = random.Random(42)
    times, found = [], 0
    for _ in range(count):
        sources = [f"co:b:{rng.randrange(n)}"]
        targets = [f"co:b:{rng.randrange(n)}" for _ in range(20)]
        t = time.perf_counter()
        found += len(store.paths(sources, targets, max_hops=4, limit=100))
        times.append(time.perf_counter() - t)
    q = statistics.quantiles(times, n=20)
    return statistics.median(times) * 1000, q[18] * 1000, found


def bench_networkx(n: int, reload_n: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="chipwatch-bench-"))
    try:
        store = NetworkxStore(tmp / "graph")
        rate = load(store, n)
        p50, p95, found = queries(store, n)
        print(
            f"networkx: upsert {4 * n:,} rows: {rate:,.0f} rows/s; 1000 paths(max_hops=4): "
            f"p50 {p50:.2f} ms p95 {p95:.2f} ms ({found} paths); RSS {rss_mb():,.0f} MB",
            flush=True,
        )
        store.close()
        columnar = NetworkxStore()
        print(
            f"networkx: upsert {4 * n:,} rows as columns: {load_columns(columnar, n):,.0f} rows/s", flush=True
        )
        columnar.close()
        big = NetworkxStore(tmp / "big")
        load(big, reload_n)
        t = time.perf_counter()
        big.flush()
        flush_s = time.perf_counter() - t
        big.close()
        del big
        reloads = []
        for _ in range(3):
            t = time.perf_counter()
            again = NetworkxStore(tmp / "big")
            reloads.append(time.perf_counter() - t)
            edges = sum(again.counts()[k.value] for k in EDGE_KINDS)
            again.close()
        print(
            f"networkx: flush {edges:,} edges + {reload_n:,} nodes: {flush_s:.2f} s; reload median "
            f"{statistics.median(reloads):.2f} s (runs {', '.join(f'{r:.2f}' for r in reloads)})",
            flush=True,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench_neo4j(n: int, runs: int) -> None:
    settings = load_settings().with_(store=StoreKind.NEO4J)
    started: Settings | None = None
    if not settings.neo4j_uri:
        started = Settings(
            workspace=Path(tempfile.mkdtemp(prefix="chipwatch-bench-neo4j-")), store=StoreKind.NEO4J
        )
        neo4j_server.start(started, timeout=300, build=False, watch_pid=os.getpid())
        settings = neo4j_server.effective_neo4j_settings(started)
    try:
        store = Neo4jStore.from_settings(settings)
        rates = []
        for _ in range(runs):
            store.clear()
            rates.append(load(store, n))
            print(f"neo4j: run {len(rates)}: {rates[-1]:,.0f} rows/s", flush=True)
        p50, p95, found = queries(store, n)
        jvm = neo4j_server.peak_rss_mb(started) if started is not None else None
        print(
            f"neo4j: upsert {4 * n:,} rows: median {statistics.median(rates):,.0f} rows/s over {runs} "
            f"runs; 1000 paths(max_hops=4): p50 {p50:.2f} ms p95 {p95:.2f} ms ({found} paths); "
            f"RSS (python) {rss_mb():,.0f} MB"
            + (f"; Neo4j JVM peak RSS {jvm:,.0f} MB" if jvm is not None else ""),
            flush=True,
        )
        store.clear()
        store.close()
    finally:
        if started is not None:
            neo4j_server.stop(started)
            shutil.rmtree(started.workspace, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--reload-nodes", type=int, default=350_000, help="networkx reload test: 3x edges")
    parser.add_argument("--store", choices=["networkx", "neo4j", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3, help="Neo4j loads (median reported)")
    args = parser.parse_args()
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}", flush=True)
    if args.store in ("networkx", "both"):
        bench_networkx(args.nodes, args.reload_nodes)
    if args.store in ("neo4j", "both"):
        bench_neo4j(args.nodes, args.runs)
    print(f"peak RSS {_ru_maxrss_mb():,.0f} MB (this process)")


def _ru_maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
