"""List ingest benchmark: full CSL 2022 + full OFAC SDN 2021 + UN → list tables + graph store.

    .venv/bin/python benchmarks/lists_bench.py                    # networkx, median of 3
    .venv/bin/python benchmarks/lists_bench.py --store neo4j      # starts a local Neo4j in a temp workspace
    .venv/bin/python benchmarks/lists_bench.py --store both --runs 3

Targets (issue 3): < 10 s total into tables + networkx; < 30 s into Neo4j. Each run starts from an
empty workspace (and, for Neo4j, an empty database). Prints per-run times, the median, and
peak RSS of this process and of the Neo4j JVM it started.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chipwatch.settings import Settings, StoreKind  # noqa: E402
from ingest.lists.pipeline import ingest_list_files  # noqa: E402

INPUTS = [
    ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz",
    ROOT / "data" / "lists" / "ofac",
    ROOT / "data" / "lists" / "un" / "UN_consolidated.xml",
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_once(settings: Settings) -> tuple[float, float, str]:
    from graph.stores import open_store

    store = open_store(settings)
    try:
        store.clear()
        store.flush()
    finally:
        store.close()
    t0, c0 = time.perf_counter(), cpu_s()
    report = ingest_list_files(settings, INPUTS)
    return time.perf_counter() - t0, cpu_s() - c0, report.summary()


def bench(kind: StoreKind, runs: int, base: Path) -> tuple[list[float], list[float]]:
    times: list[float] = []
    cpus: list[float] = []
    settings = Settings(workspace=base / kind.value, store=kind)
    server_settings = settings
    if kind is StoreKind.NEO4J:
        from chipwatch import neo4j_server

        neo4j_server.start(settings, build=False, watch_pid=os.getpid())
        settings = neo4j_server.effective_neo4j_settings(settings)
    try:
        for i in range(runs):
            for table in (settings.tables_dir).glob("*.parquet"):
                table.unlink()
            elapsed, cpu, summary = run_once(settings)
            if i == 0:
                print(summary)
            times.append(elapsed)
            cpus.append(cpu)
            print(
                f"  [{kind.value}] run {i + 1}: {elapsed:.2f} s wall, {cpu:.2f} s CPU (this process)",
                flush=True,
            )
    finally:
        if kind is StoreKind.NEO4J:
            from chipwatch import neo4j_server

            jvm = neo4j_server.peak_rss_mb(server_settings)
            if jvm is not None:
                print(f"  [neo4j] Neo4j JVM peak RSS {jvm:.0f} MB")
            neo4j_server.stop(server_settings)
    return times, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["networkx", "neo4j", "both"], default="networkx")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    kinds = [StoreKind.NETWORKX, StoreKind.NEO4J] if args.store == "both" else [StoreKind(args.store)]
    missing = [p for p in INPUTS if not p.exists()]
    if missing:
        sys.exit(f"missing bundled inputs: {', '.join(map(str, missing))}")
    with tempfile.TemporaryDirectory(prefix="chipwatch-lists-bench-") as tmp:
        for kind in kinds:
            times, cpus = bench(kind, args.runs, Path(tmp))
            target = 10 if kind is StoreKind.NETWORKX else 30
            print(
                f"{kind.value}: median {statistics.median(times):.2f} s wall over {len(times)} runs "
                f"(min {min(times):.2f}, max {max(times):.2f}; target < {target} s); "
                f"median {statistics.median(cpus):.2f} s CPU in this process"
            )
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
