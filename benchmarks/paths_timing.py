"""Diversion-path query latency on a loaded store (issue 7: p95 < 300 ms networkx, < 500 ms Neo4j).

Used by ``trade_bench.py --paths N`` after its load, and on its own against a workspace whose
graph is already synced::

    CHIPWATCH_WORKSPACE=ws [CHIPWATCH_STORE=neo4j] .venv/bin/python benchmarks/paths_timing.py \\
        world/ground_truth.json --paths 300
    .venv/bin/python benchmarks/paths_timing.py --workspace /tmp/w/ws --store neo4j \\
        /tmp/w/world/ground_truth.json --paths 300 --runs 3 --dump neo4j.json

(``trade_bench.py --keep DIR`` leaves such a world and workspace behind.) With ``--store neo4j``
the workspace's local server is started when it is not running, and stopped again at the end, so
each run costs the server start plus the queries, not a load. ``--runs R`` repeats the whole set
of queries R times on one server (the first run also warms its page cache) and reports each run;
``--dump FILE`` writes every query's paths as JSON, so two stores' answers can be compared with
``cmp``.

Each query is what ``chipwatch paths --from X --to any --max-hops 5 --top 20`` runs
(:func:`graph.risk.paths.diversion_paths`, the store's bounded traversal plus scoring and the
evidence of every hop). Sources: every planted scheme's supplier first, then trade parties of
the supplier countries in a seeded order, up to N. The path index (targets) is built once and
timed apart, as the app and ``risk_eval.py`` do.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chipwatch.settings import Settings, StoreKind, load_settings
from graph.model import NodeKind
from graph.risk.paths import PathIndex, diversion_paths
from graph.store import GraphStore
from graph.stores import open_store

SUPPLIER_COUNTRIES = ("US", "TW", "KR", "JP", "NL", "DE")


def pick_sources(store: GraphStore, truth_path: Path, n: int, seed: int = 1) -> list[str]:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    picked: list[str] = []
    for scheme in truth["schemes"]:
        supplier = next(p for p in scheme["parties"] if p["role"] == "supplier")
        for node_id in (supplier.get("party_id"), supplier.get("node_id")):
            if node_id and node_id not in picked and store.node(node_id) is not None:
                picked.append(node_id)
                break
    parties = store.nodes_frame(NodeKind.TRADE_PARTY, ["country"])
    pool = sorted(set(parties.loc[parties["country"].isin(SUPPLIER_COUNTRIES), "id"]) - set(picked))
    random.Random(seed).shuffle(pool)
    return (picked + pool)[:n]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class _Counted:
    """Wraps a store method: time spent in it and calls made (to split traversal from the rest)."""

    def __init__(self, fn: Callable[..., Any]):
        self.fn, self.seconds, self.calls = fn, 0.0, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - t
            self.calls += 1


def _load_builder(path: Path) -> Callable[..., str]:
    """``paths`` from another version of ``graph/stores/cypher.py`` (e.g. ``git show main:…``)."""
    spec = importlib.util.spec_from_file_location("baseline_cypher", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    builder: Callable[..., str] = module.paths
    return builder


def compare_cypher(settings: Settings, truth_path: Path, n: int, baseline: Path) -> None:
    """Neo4j only: the first ``n`` queries with the current path Cypher and with ``baseline``'s;
    prints both p50/p95 and checks that both return the same paths. The baseline must answer in
    the current shape (one record of ``found`` and ``edges``, see ``cypher.paths``): a
    ``cypher.py`` older than that shape cannot be read by today's ``Neo4jStore.paths``."""
    from graph.stores import cypher

    store = open_store(settings)
    current = cypher.paths
    try:
        index = PathIndex.build(store)
        sources = pick_sources(store, truth_path, n)
        results: dict[str, list[list[dict[str, Any]]]] = {}
        for name, builder in (("current", current), ("baseline", _load_builder(baseline))):
            cypher.paths = builder  # type: ignore[assignment]
            timings, results[name] = [], []
            for source in sources:
                t = time.perf_counter()
                found = diversion_paths(index, source=source, to="any", max_hops=5, top=20)
                timings.append((time.perf_counter() - t) * 1000)
                results[name].append([p.as_dict() for p in found])
            print(
                f"  paths cypher {name}: {len(sources)} suppliers, p50 {statistics.median(timings):.0f} ms, "
                f"p95 {percentile(timings, 0.95):.0f} ms, max {max(timings):.0f} ms",
                flush=True,
            )
    finally:
        cypher.paths = current
        store.close()
    same = results["current"] == results["baseline"]
    print(f"  paths cypher current == baseline for every supplier: {same}", flush=True)


def time_path_queries(
    settings: Settings, truth_path: Path, n: int, dump: Path | None = None
) -> dict[str, float]:
    """p50/p95/max (ms) of ``n`` path queries on ``settings``' store; prints them, and how much of
    the total went to the traversal (``store.paths``) and to node reads (``node``, ``nodes_by_id``,
    ``neighbours``, ``neighbours_of``; on networkx the batched reads call the single ones, which
    are then counted twice)."""
    store = open_store(settings)
    try:
        t = time.perf_counter()
        index = PathIndex.build(store)
        index_s = time.perf_counter() - t
        sources = pick_sources(store, truth_path, n)
        timings: list[float] = []
        answers: dict[str, list[dict[str, Any]]] = {}
        found = reached = 0
        traversal, reads = _Counted(store.paths), _Counted(store.node)
        neighbours, batched = _Counted(store.neighbours), _Counted(store.nodes_by_id)
        around = _Counted(store.neighbours_of)
        store.paths, store.node, store.neighbours = traversal, reads, neighbours  # type: ignore[method-assign]
        store.nodes_by_id, store.neighbours_of = batched, around  # type: ignore[method-assign]
        for source in sources:
            t = time.perf_counter()
            got = diversion_paths(index, source=source, to="any", max_hops=5, top=20)
            timings.append((time.perf_counter() - t) * 1000)
            found, reached = found + len(got), reached + bool(got)
            answers[source] = [p.as_dict() for p in got]
    finally:
        store.close()
    if dump is not None:
        dump.write_text(json.dumps(answers, indent=1, sort_keys=True, default=str), encoding="utf-8")
    total = sum(timings) / 1000
    print(
        f"  paths ({settings.store.value}): of {total:.1f} s in queries, {traversal.seconds:.1f} s in "
        f"{traversal.calls} store.paths calls, {reads.seconds:.1f} s in {reads.calls} store.node calls, "
        f"{batched.seconds:.1f} s in {batched.calls} store.nodes_by_id calls, "
        f"{neighbours.seconds:.1f} s in {neighbours.calls} store.neighbours calls, "
        f"{around.seconds:.1f} s in {around.calls} store.neighbours_of calls",
        flush=True,
    )
    out = {
        "path_index_build": index_s * 1000,
        "path_query_p50": statistics.median(timings),
        "path_query_p95": percentile(timings, 0.95),
        "path_query_max": max(timings),
    }
    print(
        f"  paths ({settings.store.value}): {len(timings)} suppliers ({reached} with a path), "
        f"{found} paths; index "
        f"{index_s:.1f} s; query p50 {out['path_query_p50']:.0f} ms, p95 {out['path_query_p95']:.0f} ms, "
        f"max {out['path_query_max']:.0f} ms",
        flush=True,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ground_truth", type=Path)
    parser.add_argument("--paths", type=int, default=300)
    parser.add_argument("--workspace", type=Path, help="default: CHIPWATCH_WORKSPACE")
    parser.add_argument("--store", choices=["networkx", "neo4j"], help="default: CHIPWATCH_STORE")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--dump", type=Path, help="write each query's paths (JSON) to this file")
    args = parser.parse_args()
    settings = load_settings()
    if args.workspace is not None:
        settings = settings.with_(workspace=args.workspace)
    if args.store is not None:
        settings = settings.with_(store=StoreKind(args.store))
    started = False
    if settings.store.value == "neo4j":
        from chipwatch import neo4j_server

        if not settings.neo4j_uri and neo4j_server.status(settings).pid is None:
            neo4j_server.start(settings, timeout=300, build=False, watch_pid=os.getpid())
            started = True
        settings = neo4j_server.effective_neo4j_settings(settings)
    try:
        for run in range(args.runs):
            print(f"run {run + 1} of {args.runs}:", flush=True)
            time_path_queries(settings, args.ground_truth, args.paths, dump=args.dump)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak RSS {rss:,.0f} MB (this process)")
        if settings.store.value == "neo4j":
            jvm = neo4j_server.peak_rss_mb(settings)
            if jvm is not None:
                print(f"  Neo4j server (JVM) peak RSS {jvm:,.0f} MB")
        print(f"  load average {os.getloadavg()}")
    finally:
        if started:
            neo4j_server.stop(settings)


if __name__ == "__main__":
    main()
