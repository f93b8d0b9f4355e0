"""What this machine allows a Neo4j bulk load through the driver: the store against a bare ceiling.

    flock /tmp/chipwatch-bench.lock .venv/bin/python benchmarks/neo4j_ceiling.py --nodes 100000

Loads the rows of ``store_bench.py`` (N Company nodes + 3N edges) into a throwaway local Neo4j in
two ways, ``--runs`` times each, and prints for each the median rows/s and the CPU seconds per
1,000 rows spent by the Neo4j JVM and by this Python process (the client: row cleaning, Bolt
packing):

- ``store``: ``Neo4jStore.upsert_*`` with its schema (unique constraints, id index, full-text
  index), existence reads and all-or-nothing transactions;
- ``plain``: the least a driver load can ask of the server: no constraints or indexes, one
  ``UNWIND $rows CREATE`` per 10k rows, nodes as property maps, edges between nodes found by
  elementId (returned by the node CREATE, so no lookup by id at all), no reads.

The JVM's CPU counts all its threads (the query, GC, JIT, index updates), so the ``plain`` figures
bound what any write path can reach here, with both cores busy and nothing else running:
cores x 1000 / (JVM + client CPU s per 1k rows) rows/s. Read the warm runs (the first run of
each pays for JIT compilation).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import psutil
from store_bench import EDGE_KINDS, _edge_rows, _node_rows

from chipwatch import neo4j_server
from chipwatch.settings import Settings, StoreKind
from graph.model import NodeKind
from graph.stores.neo4j_store import Neo4jStore

BATCH = 10_000


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system


def measure(jvm: psutil.Process, rows: int, load: Callable[[], None]) -> tuple[float, float, float]:
    """(rows/s, JVM CPU s per 1k rows, client CPU s per 1k rows) of one ``load()``."""
    me = psutil.Process()
    wall, py, server = time.perf_counter(), _cpu(me), _cpu(jvm)
    load()
    wall, py, server = time.perf_counter() - wall, _cpu(me) - py, _cpu(jvm) - server
    return rows / wall, 1000 * server / rows, 1000 * py / rows


def plain_load(driver: neo4j.Driver, nodes: list[dict[str, Any]], edges: list[Any]) -> None:
    def write_nodes(tx: neo4j.ManagedTransaction) -> dict[str, str]:
        element: dict[str, str] = {}
        for i in range(0, len(nodes), BATCH):
            batch = nodes[i : i + BATCH]
            query = (
                "UNWIND $rows AS row CREATE (n:Company:Node) SET n = row RETURN collect(elementId(n)) AS e"
            )
            found = tx.run(query, rows=batch).single(strict=True)["e"]
            element.update(zip((r["id"] for r in batch), found, strict=True))
        return element

    with driver.session() as session:
        element = session.execute_write(write_nodes)
        for kind, rows in edges:
            query = (
                "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row[0] "
                "MATCH (t) WHERE elementId(t) = row[1] "
                f"CREATE (s)-[r:`{kind.value}`]->(t) SET r = row[2]"
            )

            def write_edges(tx: neo4j.ManagedTransaction, query: str = query, rows: list[Any] = rows) -> None:
                for i in range(0, len(rows), BATCH):
                    batch = [
                        [
                            element[r["source"]],
                            element[r["target"]],
                            {k: v for k, v in r.items() if k not in ("source", "target")},
                        ]
                        for r in rows[i : i + BATCH]
                    ]
                    tx.run(query, rows=batch).consume()

            session.execute_write(write_edges)


def _report_run(name: str, runs: list[tuple[float, float, float]]) -> None:
    rate, server, client = runs[-1]
    print(
        f"{name}: run {len(runs)}: {rate:,.0f} rows/s, "
        f"JVM {server:.3f} s/1k rows, client {client:.3f} s/1k rows",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    n = args.nodes
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}", flush=True)
    base = Settings(workspace=Path(tempfile.mkdtemp(prefix="chipwatch-ceiling-")), store=StoreKind.NEO4J)
    neo4j_server.start(base, timeout=300, build=False, watch_pid=os.getpid())
    try:
        settings = neo4j_server.effective_neo4j_settings(base)
        pid = neo4j_server.status(base).pid
        assert pid is not None
        jvm = psutil.Process(pid)
        nodes = list(_node_rows(n))
        edges = [(kind, list(_edge_rows(kind, n, seed))) for seed, kind in enumerate(EDGE_KINDS)]
        results: dict[str, list[tuple[float, float, float]]] = {"plain": [], "store": []}
        driver = neo4j.GraphDatabase.driver(
            settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password.reveal())
        )
        try:
            for _ in range(args.runs):  # no schema at all: nothing created it yet
                with driver.session() as session:
                    session.run(
                        "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
                results["plain"].append(measure(jvm, 4 * n, lambda: plain_load(driver, nodes, edges)))
                _report_run("plain", results["plain"])
        finally:
            driver.close()
        store = Neo4jStore.from_settings(settings)
        try:

            def store_load() -> None:
                store.upsert_nodes(NodeKind.COMPANY, nodes)
                for kind, rows in edges:
                    store.upsert_edges(kind, rows)

            for _ in range(args.runs):
                store.clear()
                results["store"].append(measure(jvm, 4 * n, store_load))
                _report_run("store", results["store"])
        finally:
            store.close()
        for name, runs in results.items():
            rate, server, client = (statistics.median(r[i] for r in runs) for i in range(3))
            print(
                f"{name}: {4 * n:,} rows: median {rate:,.0f} rows/s; JVM CPU {server:.3f} s and client CPU "
                f"{client:.3f} s per 1k rows; CPU bound with all {os.cpu_count()} cores "
                f"{(os.cpu_count() or 1) * 1000 / (server + client):,.0f} rows/s",
                flush=True,
            )
        jvm_mb = neo4j_server.peak_rss_mb(base) or 0
        print(f"Neo4j JVM peak RSS {jvm_mb:,.0f} MB; load average {os.getloadavg()[0]:.1f}")
    finally:
        neo4j_server.stop(base)
        shutil.rmtree(base.workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
