"""Full resolution benchmark: bundled lists + synthetic companies + the parties of the shipments.

    .venv/bin/python benchmarks/resolve_bench.py            # 100,000 companies, 1,000,000 shipments
    .venv/bin/python benchmarks/resolve_bench.py --small    # 5,000 / 50,000
    .venv/bin/python benchmarks/resolve_bench.py --runs 2 --in-process   # the way before 2026-12-03

Set-up (not timed against the target): generate the synthetic world, ingest the bundled lists
and the companies and shipments tables (``--no-graph``: resolution reads the tables). Timed:
``graph.resolve.run.resolve`` (blocking, scoring, linking, queue and clusters written; the
store is not written here). Target: < 3 minutes, peak RSS < 4 GB (full size).

Each run resolves in a **new Python process**, as ``chipwatch resolve`` does after the ingest
commands: its wall time (interpreter start and imports included) and its own peak RSS are the
figures. ``--in-process`` resolves in the process that ran the set-up instead, on a heap the
ingest has already grown to ~2.3 GB: on the 100k world that was ~20 s slower (187 s against
167 s on 2026-12-03), and its peak RSS is the set-up's as much as the resolution's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TypedDict

from chipwatch.settings import Settings
from graph.resolve.run import resolve
from ingest.lists.pipeline import ingest_bundled_lists
from ingest.synthetic import write_world
from ingest.trade.load import ingest_trade_file


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Run(TypedDict, total=False):
    seconds: float  # resolve() itself
    peak_rss_mb: float
    summary: str
    wall: float  # a new process's start to exit (resolve_in_new_process only)


def resolve_once(workspace: Path) -> Run:
    """Resolve ``workspace`` in this process, printing each stage's time: the summary,
    resolve()'s own seconds and this process's peak RSS."""
    t = time.perf_counter()
    marks = [t]

    def step(stage: str) -> None:
        now = time.perf_counter()
        print(f"  {stage:16s} {now - marks[-1]:6.1f}s  RSS {peak_rss_mb():.0f} MB", flush=True)
        marks.append(now)

    summary = resolve(Settings(workspace=workspace), progress=step, write_store=False)
    return {
        "seconds": time.perf_counter() - t,
        "peak_rss_mb": peak_rss_mb(),
        "summary": str(summary),
    }


def resolve_in_new_process(workspace: Path) -> Run:
    """``resolve_once`` in a fresh interpreter; adds ``wall`` (start to exit, imports included)."""
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--resolve-only", str(workspace)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - t
    *stage_lines, last = proc.stdout.rstrip("\n").split("\n")
    print("\n".join(stage_lines), flush=True)
    result: Run = json.loads(last)
    result["wall"] = wall
    return result


def _median(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.1f}s (runs: {', '.join(f'{s:.1f}' for s in seconds)})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--in-process", action="store_true", help="resolve in the set-up's process")
    ap.add_argument("--resolve-only", type=Path, help=argparse.SUPPRESS)  # the child of a run
    args = ap.parse_args()
    if args.resolve_only:
        print(json.dumps(resolve_once(args.resolve_only)), flush=True)
        return
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
        resolve_run = resolve_once if args.in_process else resolve_in_new_process
        runs = [resolve_run(settings.workspace) for _ in range(args.runs)]
    where = "in the set-up's process" if args.in_process else "each in a new process"
    print(f"resolve_bench: {companies:,} companies, {shipments:,} shipments, runs={args.runs}, {where}")
    print(f"  {runs[-1]['summary']}")
    print(f"  resolve() median {_median([r['seconds'] for r in runs])}")
    if not args.in_process:
        print(f"  process wall (start, imports, resolve, exit) median {_median([r['wall'] for r in runs])}")
    peak = max(r["peak_rss_mb"] for r in runs)
    print(f"  peak RSS of the resolving process {peak:.0f} MB")


if __name__ == "__main__":
    main()
