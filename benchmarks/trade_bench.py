"""Generate and ingest a synthetic world; report per-stage times (median of runs) and peak RSS.

    .venv/bin/python benchmarks/trade_bench.py            # 100,000 companies, 1,000,000 shipments
    .venv/bin/python benchmarks/trade_bench.py --small    # 5,000 / 50,000
    .venv/bin/python benchmarks/trade_bench.py --store neo4j   # starts the workspace's local Neo4j
    .venv/bin/python benchmarks/trade_bench.py --companies 20000 --shipments 200000
    .venv/bin/python benchmarks/trade_bench.py --store neo4j --paths 300   # then path query p50/p95

Targets (issue 4): full size, generate + ingest < 2 min with peak RSS < 4 GB on networkx,
< 6 min on Neo4j. The graph stage is the journaled sync the CLI runs
(``ingest.trade.graph_sync.run_trade_sync``), timed per kind; with Neo4j the server's peak RSS
(its JVM's VmHWM) is printed too. The Neo4j database starts empty, so a load of 500,000 rows or
more goes through the offline importer (``graph/stores/neo4j_import.py``): every kind is then
written at once (the first kind's line carries the whole time) and its steps are printed. The
graph stage runs only when ``graph.stores`` exists; otherwise graph rows are built
(``trade_graph_frames``) but not written.

``--paths N`` (issue 7: p95 < 300 ms on networkx, < 500 ms on Neo4j at 100k/1M): after the load,
the diversion-path query ``chipwatch paths --from X --to any --max-hops 5 --top 20`` issues
(``graph.risk.paths.diversion_paths``) for N suppliers — every planted scheme's supplier, then
trade parties in the supplier countries, in a seeded order — on the store just loaded; prints
p50/p95 per query. No ``chipwatch risk`` has run, so the targets are the restricted
destinations (no list entries or flags are loaded).

``--resync PCT`` (the trade sync following the rows): after the load, PCT % of the companies move
(another company's address and country) and PCT % of the shipments are corrected to another
shipment's consignee; those rows alone are ingested as correction files and the graph synced again,
in a fresh process (as the CLI would: the store read back from the workspace), whose own time per
stage and peak RSS are printed. The resync deletes the edges the old rows made
(``graph.trade_graph.TRADE_EDGES_FROM``)::

    .venv/bin/python benchmarks/trade_bench.py --resync 3

``--keep DIR`` (one run) builds the world and workspace in ``DIR`` instead of a temporary directory
and leaves them there (the Neo4j server is still stopped at the end; its data stays in the
workspace), so that path queries can be timed again and again against the loaded graph without
paying for the load each time::

    .venv/bin/python benchmarks/trade_bench.py --store neo4j --keep /tmp/paths-neo
    .venv/bin/python benchmarks/paths_timing.py --workspace /tmp/paths-neo/ws --store neo4j \\
        /tmp/paths-neo/world/ground_truth.json --paths 300
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import multiprocessing
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.paths_timing import compare_cypher, time_path_queries
from chipwatch import neo4j_server
from chipwatch.settings import Settings, StoreKind, load_settings
from graph.tables.trade import load_trade_tables
from graph.trade_graph import records, trade_graph_frames
from ingest.synthetic import write_world
from ingest.trade.graph_sync import run_trade_sync, store_opener
from ingest.trade.load import ingest_trade_file


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def jvm_peak_rss_mb(settings: Settings) -> float | None:
    """The local Neo4j server's peak RSS (VmHWM), or None when it is not ours / not running."""
    pid = neo4j_server.status(settings).pid
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_once(
    companies: int,
    shipments: int,
    store_kind: str,
    root: Path,
    paths: int = 0,
    baseline: Path | None = None,
    resync: float = 0.0,
) -> dict[str, float]:
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    write_world(companies, shipments, 1, root / "world")
    times["generate"] = time.perf_counter() - t0
    print(f"  generate {times['generate']:.1f} s (peak RSS so far {peak_rss_mb():,.0f} MB)", flush=True)
    settings = load_settings().with_(workspace=root / "ws", store=StoreKind(store_kind))
    if store_kind == "neo4j" and not settings.neo4j_uri:
        ts = time.perf_counter()
        # settings keep no URI: every store opened below reads the server's current one, since a
        # bulk import restarts the server (usually on another port)
        neo4j_server.start(settings, timeout=300, build=False, watch_pid=os.getpid())
        times["neo4j_server_start(in total)"] = time.perf_counter() - ts
    try:
        result = _ingest(settings, times, t0, root, store_kind)
        if paths:
            result |= time_path_queries(settings, root / "world" / "ground_truth.json", paths)
        if baseline is not None and store_kind == "neo4j":
            compare_cypher(settings, root / "world" / "ground_truth.json", 40, baseline)
        if resync:
            result |= _resync(settings, root, resync)
        return result
    finally:
        if store_kind == "neo4j" and not load_settings().neo4j_uri:
            jvm = jvm_peak_rss_mb(settings)
            if jvm is not None:
                print(f"  Neo4j server (JVM) peak RSS {jvm:,.0f} MB", flush=True)
            neo4j_server.stop(settings)


def _ingest(
    settings: Settings, times: dict[str, float], t0: float, root: Path, store_kind: str
) -> dict[str, float]:
    t = time.perf_counter()
    for kind in ("companies", "ownership", "officers", "shipments"):
        tk = time.perf_counter()
        ingest_trade_file(settings, kind, root / "world" / f"{kind}.csv", today=dt.date(2026, 11, 1))
        print(
            f"  ingest {kind} {time.perf_counter() - tk:.1f} s (peak RSS so far {peak_rss_mb():,.0f} MB)",
            flush=True,
        )
    times["ingest_tables"] = time.perf_counter() - t
    t = time.perf_counter()
    open_store = store_opener()
    if open_store is not None:
        store = open_store(settings)
        tk = time.perf_counter()

        def kind_done(kind: str, rows: int) -> None:
            nonlocal tk
            print(f"    {kind:<14} {rows:>9,} rows {time.perf_counter() - tk:6.1f} s", flush=True)
            tk = time.perf_counter()

        try:
            store.clear()
            tk = time.perf_counter()
            run_trade_sync(settings, store=store, reason="trade_bench", on_kind=kind_done)
        finally:
            store.close()
        times["graph_" + store_kind] = time.perf_counter() - t
        print(
            f"  graph {times['graph_' + store_kind]:.1f} s (peak RSS so far {peak_rss_mb():,.0f} MB)",
            flush=True,
        )
    else:
        frames = trade_graph_frames(load_trade_tables(settings))
        n = sum(sum(1 for _ in records(f)) for f in [*frames.nodes.values(), *frames.edges.values()])
        times[f"graph_rows_only({n} rows)"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - t0
    return times


def change_rows(world: Path, out: Path, pct: float, seed: int = 11) -> dict[str, int]:
    """Correction files of ``pct`` % of the world's companies (moved: the address and country of
    the next company drawn) and shipments (to the consignee of the next shipment drawn)."""
    rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    changed = {}
    moves = {
        "companies": ["address", "city", "postal_code", "country"],
        "shipments": ["consignee_name", "consignee_address", "consignee_country"],
    }
    for kind, columns in moves.items():
        frame = pd.read_csv(world / f"{kind}.csv", dtype=str, keep_default_na=False)
        pick = rng.choice(len(frame), size=max(2, round(len(frame) * pct / 100)), replace=False)
        rows = frame.iloc[pick].reset_index(drop=True)
        donors = rows[columns].to_numpy()
        rows[columns] = np.roll(donors, 1, axis=0)
        rows.to_csv(out / f"{kind}.csv", index=False)
        changed[kind] = len(rows)
    return changed


def _resync_child(workspace: str, changes: str, out: multiprocessing.Queue) -> None:
    settings = load_settings().with_(workspace=Path(workspace), store=StoreKind.NETWORKX)
    times: dict[str, float] = {}
    t = time.perf_counter()
    for kind in ("companies", "shipments"):
        ingest_trade_file(settings, kind, Path(changes) / f"{kind}.csv", today=dt.date(2026, 11, 2))
    times["resync_ingest_tables"] = time.perf_counter() - t
    t = time.perf_counter()
    tk = t

    def kind_done(kind: str, rows: int) -> None:
        nonlocal tk
        print(f"    {kind:<14} {rows:>9,} rows {time.perf_counter() - tk:6.1f} s", flush=True)
        tk = time.perf_counter()

    outcome = run_trade_sync(settings, reason="trade_bench resync", on_kind=kind_done)
    times["resync_graph"] = time.perf_counter() - t
    print("    removed " + ", ".join(f"{n:,} {k}" for k, n in outcome.removed.items()), flush=True)
    times["resync_peak_rss_mb"] = peak_rss_mb()
    out.put(times)


def _resync(settings: Settings, root: Path, pct: float) -> dict[str, float]:
    """Change ``pct`` % of the rows, ingest them and sync again in a fresh process (networkx)."""
    if settings.store is not StoreKind.NETWORKX:
        raise SystemExit("--resync measures the networkx store")
    changed = change_rows(root / "world", root / "changes", pct)
    print(f"  resync: {changed['companies']:,} companies moved, {changed['shipments']:,} shipments corrected")
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = ctx.Queue()
    child = ctx.Process(target=_resync_child, args=(str(settings.workspace), str(root / "changes"), queue))
    child.start()
    times: dict[str, float] = queue.get()
    child.join()
    print(
        f"  resync: ingest {times['resync_ingest_tables']:.1f} s, graph {times['resync_graph']:.1f} s, "
        f"peak RSS {times['resync_peak_rss_mb']:,.0f} MB (the resync's own process)",
        flush=True,
    )
    return times


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="  %(message)s")
    logging.getLogger("graph.stores.neo4j_import").setLevel(logging.INFO)  # the bulk import's steps
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--store", choices=["networkx", "neo4j"], default="networkx")
    parser.add_argument("--companies", type=int, default=None)
    parser.add_argument("--shipments", type=int, default=None)
    parser.add_argument("--paths", type=int, default=0, help="then time N diversion-path queries")
    parser.add_argument(
        "--keep",
        type=Path,
        help="build in this (new or empty) directory and keep the world and workspace (one run)",
    )
    parser.add_argument(
        "--compare-cypher",
        type=Path,
        help="Neo4j: also time 40 path queries with the paths() of this older cypher.py",
    )
    parser.add_argument(
        "--resync",
        type=float,
        default=0.0,
        metavar="PCT",
        help="then change PCT %% of companies and shipments, ingest them and time the second sync",
    )
    args = parser.parse_args()
    companies, shipments = (5_000, 50_000) if args.small else (100_000, 1_000_000)
    companies, shipments = args.companies or companies, args.shipments or shipments
    cpu0 = time.process_time()
    results: list[dict[str, float]] = []
    if args.keep is not None:
        if args.runs != 1 or (args.keep.exists() and any(args.keep.iterdir())):
            parser.error("--keep needs one run and a new or empty directory")
        args.keep.mkdir(parents=True, exist_ok=True)
        results.append(
            run_once(
                companies, shipments, args.store, args.keep, args.paths, args.compare_cypher, args.resync
            )
        )
    for _ in range(args.runs if args.keep is None else 0):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(
                run_once(
                    companies,
                    shipments,
                    args.store,
                    Path(tmp),
                    args.paths,
                    args.compare_cypher,
                    args.resync,
                )
            )
    print(
        f"trade_bench: {companies:,} companies, {shipments:,} shipments, store={args.store}, runs={args.runs}"
    )
    for key in results[0]:
        unit = "ms" if key.startswith("path_") else "MB" if key.endswith("_mb") else "s"
        print(f"  {key:<40} median {statistics.median(r[key] for r in results):8.1f} {unit}")
    print(f"  CPU time of this process {time.process_time() - cpu0:,.1f} s; load average {os.getloadavg()}")
    print(f"  peak RSS {peak_rss_mb():,.0f} MB (this process; Neo4j's JVM not included)")


if __name__ == "__main__":
    main()
