"""Entity report and diversion path timing per click, as the app asks for them.

Usage: CHIPWATCH_WORKSPACE=<ws after `chipwatch demo --no-serve` (or resolve + risk)>
       .venv/bin/python benchmarks/entity_bench.py [--parties 20] [--runs 5] [--fresh]

Reports by node id (the Explore page passes the picked id) for up to ``--parties`` owners known
only by name (``co:byname:…``), the list entries they are linked to, the companies they own and
the riskiest trade parties; then the paths (``--to listed``) from each by-name owner and each
trade party over one path index (the app keeps one per graph state). Each report is given the
graph state's by-name owner links, read once (the app's ``by_name_links()``), unless ``--fresh``:
then each reads its own, as ``chipwatch entity`` does. Prints per group the median and p95 ms
over ``--runs`` rounds, the one-off cost of the first round, and the peak RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import time
from collections.abc import Callable

from chipwatch.settings import load_settings
from graph.model import EdgeKind, NodeKind
from graph.risk.entity import entity_report
from graph.risk.joins import ByNameLinks
from graph.risk.paths import PathIndex, diversion_paths
from graph.risk.reference import load_reference
from graph.stores import open_store


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:7.1f} ms, p95 {p95 * 1000:7.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parties", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--fresh", action="store_true", help="each report reads its own by-name links")
    args = ap.parse_args()
    store = open_store(load_settings())
    companies = store.nodes_frame(NodeKind.COMPANY, ["risk_score"])
    owners = sorted(companies.loc[companies["id"].str.startswith("co:byname:"), "id"])[: args.parties]
    owned = sorted({e.target for o in owners for e in store.neighbours(o, [EdgeKind.OWNS], direction="out")})
    probe = ByNameLinks(store)
    entries = sorted({entry for _, entry in probe.around(owners)})
    parties = store.nodes_frame(NodeKind.TRADE_PARTY, ["risk_score"])
    risky = parties.sort_values(["risk_score", "id"], ascending=[False, True])["id"].head(args.parties)
    groups = {
        "by-name owners": owners,
        "their list entries": entries[: args.parties],
        "companies they own": owned[: args.parties],
        "riskiest trade parties": risky.tolist(),
    }
    links = None if args.fresh else ByNameLinks(store)

    def report(node_id: str) -> object:
        return entity_report(store, node_id, byname=links)

    day = dt.date.today()
    t = time.perf_counter()
    index = PathIndex.build(store, load_reference(day))
    print(f"path index built in {time.perf_counter() - t:.2f} s (once per graph state in the app)")

    def paths(node_id: str) -> object:
        return diversion_paths(index, source=node_id, to="listed", top=20, as_of=day)

    asks: list[tuple[str, Callable[[str], object], list[str]]] = [
        (f"entity report, {name}", report, ids) for name, ids in groups.items()
    ]
    asks += [("paths --to listed, by-name owners", paths, owners)]
    asks += [("paths --to listed, riskiest trade parties", paths, risky.tolist())]
    mode = "fresh links per report" if args.fresh else "the state's links, kept"
    print(f"{mode}; {args.runs} rounds")
    for label, ask, ids in asks:
        if not ids:
            continue
        first: list[float] = []
        times: list[float] = []
        for run in range(args.runs):
            for node_id in ids:
                t = time.perf_counter()
                ask(node_id)
                (first if run == 0 else times).append(time.perf_counter() - t)
        print(f"{label:<45} n={len(ids):>3}: {_ms(times or first)}; first round {_ms(first)}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
