"""Full resolution benchmark: bundled lists + synthetic companies + the parties of the shipments.

    .venv/bin/python benchmarks/resolve_bench.py            # 100,000 companies, 1,000,000 shipments
    .venv/bin/python benchmarks/resolve_bench.py --small    # 5,000 / 50,000

Set-up (not timed against the target): generate the synthetic world, ingest the bundled lists
and the companies and shipments tables (``--no-graph``: resolution reads the tables). Timed:
``graph.resolve.run.resolve`` (blocking, scoring, linking, queue and clusters written; the
store is not written here). Target: < 3 minutes, peak RSS < 4 GB (full size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import tempfile
import time
from pathlib import Path

from chipwatch.settings import Settings
from graph.resolve.run import resolve
from ingest.lists.pipeline import ingest_bundled_lists
from ingest.synthetic import write_world
from ingest.trade.load import ingest_trade_file


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    companies, shipments = (5_000, 50_000) if args.small else (100_000, 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = Settings(workspace=root / "ws")
        t0 = time.perf_counter()
        write_world(companies, shipments, 1, root / "world")
        ingest_bundled_lists(settings)
        for kind in ("companies", "shipments"):
            ingest_trade_file(settings, kind, root / "world" / f"{kind}.csv", today=dt.date(2026, 11, 1))
        print(
            f"set-up (generate + ingest) {time.perf_counter() - t0:.1f}s; RSS {peak_rss_mb():.0f} MB",
            flush=True,
        )
        times = []
        summary = None
        for _ in range(args.runs):
            t = time.perf_counter()
            stage_t = [t]

            def step(stage: str, marks: list[float] = stage_t) -> None:
                now = time.perf_counter()
                print(f"  {stage:16s} {now - marks[-1]:6.1f}s  RSS {peak_rss_mb():.0f} MB", flush=True)
                marks.append(now)

            summary = resolve(settings, progress=step, write_store=False)
            times.append(time.perf_counter() - t)
    print(f"resolve_bench: {companies:,} companies, {shipments:,} shipments, runs={args.runs}")
    print(f"  {summary}")
    print(f"  resolve median {statistics.median(times):.1f}s; peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
