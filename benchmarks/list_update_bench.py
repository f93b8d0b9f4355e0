"""What a list update and the demo build cost: the full CSL as version 1, then versions that empty
fields, drop entries and list them again, into networkx or Neo4j.

    .venv/bin/python benchmarks/list_update_bench.py                     # networkx, 3 runs
    .venv/bin/python benchmarks/list_update_bench.py --store neo4j       # starts a local Neo4j
    .venv/bin/python benchmarks/list_update_bench.py --store both --demo # and time the demo build

Versions (built from the bundled ``consolidated_2022-05.csv.gz``, in a temporary folder): v2 empties
``remarks`` and ``addresses`` of every 10th row and drops every 50th; v3 is v1 again with one byte
of its last row changed, so the dropped entries are listed again. Every entry of v2 and v3 is an
upsert of an existing node, the case a store that removes properties a version no longer has pays
for. Each run starts from an empty workspace (and, for Neo4j, an empty database); printed: the
seconds of each version's ingest, and with ``--demo`` of ``build_demo_workspace`` (lists, demo
world, resolution, risk) into another empty workspace and of a second trade sync over it.

Measured (2-core machine shared with other work, load 1.1-2.1; medians of 3 runs, ``--store
both --demo``) before / after the upserts removed the owned properties a row leaves out
(``GraphStore`` ``owned``): networkx v2 3.12 / 3.13 s, v3 3.35 / 3.26 s, demo build 20.9 / 18.7
s, re-sync 0.66 / 0.67 s; Neo4j v2 6.48 / 6.94 s (an earlier pair: 6.64 / 6.72), v3 6.69 / 6.83
s, demo build 30.0 / 30.8 s, re-sync 1.58 / 1.77 s (runs 1.50-2.12 / 1.70-2.18): no cost on
networkx; on Neo4j at most ~0.2-0.4 s per update, the nulls each MERGE row now carries.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chipwatch.settings import Settings, StoreKind  # noqa: E402
from ingest.lists.pipeline import ingest_list_files  # noqa: E402

CSL = ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"


def versions(folder: Path) -> list[Path]:
    """v1 (the CSL as published), v2 (fields emptied, rows dropped) and v3 (v1, one byte changed)."""
    rows = list(csv.reader(io.StringIO(gzip.decompress(CSL.read_bytes()).decode("utf-8-sig"))))
    head, body = rows[0], rows[1:]
    emptied = [head.index("remarks"), head.index("addresses")]
    v2 = []
    for i, row in enumerate(body):
        if i % 50 == 49:
            continue
        v2.append([("" if j in emptied and i % 10 == 0 else v) for j, v in enumerate(row)])
    v3 = [list(r) for r in body]
    v3[-1][head.index("remarks")] += " "
    paths = []
    for n, content in enumerate((body, v2, v3), start=1):
        path = folder / f"csl_v{n}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
            writer.writerow(head)
            writer.writerows(content)
        paths.append(path)
    return paths


def timed(what: str, work: object) -> float:
    t0 = time.perf_counter()
    work()  # type: ignore[operator]
    elapsed = time.perf_counter() - t0
    print(f"    {what}: {elapsed:.2f} s", flush=True)
    return elapsed


def bench(kind: StoreKind, runs: int, base: Path, files: list[Path], demo: bool) -> dict[str, list[float]]:
    from graph.stores import open_store

    times: dict[str, list[float]] = {}
    workspace = Settings(workspace=base / kind.value, store=kind)
    settings = workspace
    if kind is StoreKind.NEO4J:
        from chipwatch import neo4j_server

        neo4j_server.start(workspace, build=False, watch_pid=os.getpid())
        settings = neo4j_server.effective_neo4j_settings(workspace)
    try:
        for run in range(runs):
            print(f"  [{kind.value}] run {run + 1}", flush=True)
            for table in settings.tables_dir.glob("*.parquet"):
                table.unlink()
            store = open_store(settings)
            try:
                store.clear()
                store.flush()
            finally:
                store.close()
            for n, path in enumerate(files, start=1):
                elapsed = timed(f"v{n}", lambda p=path: ingest_list_files(settings, [p]))
                times.setdefault(f"v{n}", []).append(elapsed)
            if demo:
                from ingest.demo import build_demo_workspace
                from ingest.trade.graph_sync import sync_trade_graph

                for table in settings.tables_dir.glob("*.parquet"):
                    table.unlink()
                store = open_store(settings)
                try:
                    store.clear()
                    store.flush()
                finally:
                    store.close()
                elapsed = timed("demo build", lambda: build_demo_workspace(settings))
                times.setdefault("demo", []).append(elapsed)
                # every company, shipment … written again over the nodes the build wrote
                elapsed = timed("demo re-sync", lambda: sync_trade_graph(settings))
                times.setdefault("re-sync", []).append(elapsed)
    finally:
        if kind is StoreKind.NEO4J:
            from chipwatch import neo4j_server

            neo4j_server.stop(workspace)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["networkx", "neo4j", "both"], default="networkx")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--demo", action="store_true", help="also time the demo build")
    args = parser.parse_args()
    kinds = [StoreKind.NETWORKX, StoreKind.NEO4J] if args.store == "both" else [StoreKind(args.store)]
    with tempfile.TemporaryDirectory(prefix="chipwatch-list-update-bench-") as tmp:
        files = versions(Path(tmp))
        for kind in kinds:
            times = bench(kind, args.runs, Path(tmp), files, args.demo)
            medians = ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in times.items())
            print(f"{kind.value}: median over {args.runs} runs: {medians}")


if __name__ == "__main__":
    main()
