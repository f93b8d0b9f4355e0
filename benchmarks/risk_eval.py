"""Risk engine evaluation on the synthetic world (issue 7).

Usage: CHIPWATCH_WORKSPACE=<ws with the world ingested, lists ingested, `chipwatch resolve` run>
       .venv/bin/python benchmarks/risk_eval.py GROUND_TRUTH.json [--as-of 2026-11-01] [--queries 50]

Prints: whole risk computation time; per typology the share of planted schemes whose path end
appears in the top-20 paths of its supplier, the share of planted (non-supplier) parties with at
least one flag, and the share of legitimate companies at or above `review`; path query median
and p95; peak RSS (resource.getrusage).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import time
from collections import defaultdict

from chipwatch.settings import load_settings
from graph.risk.paths import PathIndex, diversion_paths
from graph.risk.run import compute_risk_on
from graph.stores import open_store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("ground_truth")
    ap.add_argument("--as-of", default="2026-11-01")
    ap.add_argument("--queries", type=int, default=50)
    args = ap.parse_args()
    with open(args.ground_truth, encoding="utf-8") as fh:
        truth = json.load(fh)
    as_of = dt.date.fromisoformat(args.as_of)
    store = open_store(load_settings())
    t = time.perf_counter()
    summary, res = compute_risk_on(store, as_of)
    print(f"risk computation: {time.perf_counter() - t:.1f} s; {summary.clusters} clusters")
    flagged = set(res.flags["cluster"])
    cmap = dict(zip(res.frames.entities["id"], res.frames.entities["cluster"], strict=True))
    level = dict(zip(res.scores["cluster"], res.scores["risk_level"], strict=True))
    index = PathIndex.build(store, res.ref)
    found, parties, hit_parties, timings = defaultdict(list), defaultdict(int), defaultdict(int), []
    for scheme in truth["schemes"]:
        typ = scheme["typology"]
        for p in scheme["parties"]:
            if p["role"] == "supplier":
                continue
            ids = [x for x in (p.get("node_id"), p.get("party_id")) if x]
            parties[typ] += 1
            hit_parties[typ] += any(cmap.get(i) in flagged for i in ids)
        sup = scheme["parties"][0].get("party_id")
        end_id = scheme["path"][-1]
        end_p = next((p for p in scheme["parties"] if end_id in (p.get("node_id"), p.get("party_id"))), {})
        end_ids = {cmap.get(x) for x in (end_id, end_p.get("node_id"), end_p.get("party_id")) if x}
        if sup and store.node(sup) is not None and len(timings) < args.queries * 10:
            t = time.perf_counter()
            to = "listed" if typ in ("listed_name_variant", "listed_ownership") else "restricted"
            paths = diversion_paths(index, source=sup, to=to, max_hops=5, top=20, as_of=as_of)
            timings.append(time.perf_counter() - t)
            nodes = {cmap.get(h["node_id"]) for p in paths for h in p.hops}
            found[typ].append(bool(end_ids & nodes))
    legit = [cmap.get(n) for n in truth["legitimate"]["node_ids"]]
    above = sum(level.get(c) in ("review", "block") for c in legit if c)
    for typ in sorted(parties):
        share = sum(found[typ]) / len(found[typ]) if found[typ] else float("nan")
        print(
            f"{typ:22s} path in top-20: {share:.1%}  parties flagged: {hit_parties[typ] / parties[typ]:.1%}"
        )
    print(f"legitimate companies at review or above: {above / max(len(legit), 1):.2%}")
    if timings:
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))] * 1000
        print(f"path query median {statistics.median(timings) * 1000:.0f} ms, p95 {p95:.0f} ms")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
