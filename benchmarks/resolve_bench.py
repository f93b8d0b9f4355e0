"""Full resolution benchmark: bundled lists + synthetic companies + the parties of the shipments.

    .venv/bin/python benchmarks/resolve_bench.py            # 100,000 companies, 1,000,000 shipments
    .venv/bin/python benchmarks/resolve_bench.py --small    # 5,000 / 50,000
    .venv/bin/python benchmarks/resolve_bench.py --runs 2 --in-process   # the way before 2026-12-03
    .venv/bin/python benchmarks/resolve_bench.py --keep /tmp/rb       # keep the set-up workspace,
    .venv/bin/python benchmarks/resolve_bench.py --workspace /tmp/rb/ws --runs 3   # resolve it again

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
import threading
import time
from pathlib import Path
from typing import TypedDict

import psutil

from chipwatch.settings import Settings
from graph.resolve.run import resolve
from ingest.lists.pipeline import ingest_bundled_lists
from ingest.synthetic import write_world
from ingest.trade.load import ingest_trade_file


def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM, the high-water mark of its own memory since it started.
    Not ``ru_maxrss``: Linux carries that over an exec, so a resolving process started by the
    set-up's process (~2.3 GB) would report at least the set-up's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_child_rss_mb() -> float:
    """The largest peak RSS of this process's ended children (resolution's prepare workers,
    graph.resolve.prepare_cores). A forked child's RSS counts the pages it still shares with
    its parent too, so parent + child overstates the memory the two used together."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class Run(TypedDict, total=False):
    seconds: float  # resolve() itself
    peak_rss_mb: float
    peak_worker_rss_mb: float  # the largest of its prepare workers'
    summary: str
    wall: float  # a new process's start to exit (resolve_in_new_process only)
    tree_pss_mb: float  # peak PSS of that process and its workers together (the same)


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
        "peak_worker_rss_mb": peak_child_rss_mb(),
        "summary": str(summary),
    }


class TreeMemory:
    """The peak, over the run, of the memory a process and its children use together: the sum
    of their proportional set sizes (a page shared by k processes counts 1/k in each), sampled
    every ``interval`` seconds from /proc."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_mb = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(self.interval):
            total = 0
            try:
                for proc in [self.root, *self.root.children(recursive=True)]:
                    total += proc.memory_full_info().pss
            except psutil.Error:  # a process ended between listing and reading it
                continue
            self.peak_mb = max(self.peak_mb, total / 2**20)

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak_mb


def resolve_in_new_process(workspace: Path) -> Run:
    """``resolve_once`` in a fresh interpreter; adds ``wall`` (start to exit, imports included)
    and ``tree_pss_mb`` (its and its workers' memory together, :class:`TreeMemory`)."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--resolve-only", str(workspace)], stdout=subprocess.PIPE, text=True
    )
    memory = TreeMemory(proc.pid)
    out, _ = proc.communicate()
    wall = time.perf_counter() - t
    tree_pss = memory.stop()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args)
    *stage_lines, last = out.rstrip("\n").split("\n")
    print("\n".join(stage_lines), flush=True)
    result: Run = json.loads(last)
    result["wall"] = wall
    result["tree_pss_mb"] = tree_pss
    return result


def _median(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.1f}s (runs: {', '.join(f'{s:.1f}' for s in seconds)})"


def set_up(workspace: Path, world: Path, companies: int, shipments: int) -> None:
    """Generate the synthetic world and ingest it with the bundled lists into ``workspace``."""
    settings = Settings(workspace=workspace)
    t0 = time.perf_counter()
    write_world(companies, shipments, 1, world)
    ingest_bundled_lists(settings)
    for kind in ("companies", "shipments"):
        ingest_trade_file(settings, kind, world / f"{kind}.csv", today=dt.date(2026, 11, 1))
    print(
        f"set-up (generate + ingest) {time.perf_counter() - t0:.1f}s; RSS {peak_rss_mb():.0f} MB", flush=True
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--in-process", action="store_true", help="resolve in the set-up's process")
    ap.add_argument(
        "--workspace",
        type=Path,
        help="resolve this workspace (set up by an earlier run: --keep) instead of setting one up",
    )
    ap.add_argument("--keep", type=Path, help="set up the workspace here and keep it (for --workspace)")
    ap.add_argument("--resolve-only", type=Path, help=argparse.SUPPRESS)  # the child of a run
    args = ap.parse_args()
    if args.resolve_only:
        print(json.dumps(resolve_once(args.resolve_only)), flush=True)
        return
    companies, shipments = (5_000, 50_000) if args.small else (100_000, 1_000_000)
    resolve_run = resolve_once if args.in_process else resolve_in_new_process
    with tempfile.TemporaryDirectory() as tmp:
        workspace = args.workspace
        if workspace is None:
            root = args.keep or Path(tmp)
            workspace = root / "ws"
            set_up(workspace, root / "world", companies, shipments)
        runs = [resolve_run(workspace) for _ in range(args.runs)]
    where = "in the set-up's process" if args.in_process else "each in a new process"
    what = (
        f"workspace {args.workspace}"
        if args.workspace
        else f"{companies:,} companies, {shipments:,} shipments"
    )
    print(f"resolve_bench: {what}, runs={args.runs}, {where}")
    print(f"  {runs[-1]['summary']}")
    print(f"  resolve() median {_median([r['seconds'] for r in runs])}")
    if not args.in_process:
        print(f"  process wall (start, imports, resolve, exit) median {_median([r['wall'] for r in runs])}")
    peak = max(r["peak_rss_mb"] for r in runs)
    print(f"  peak RSS of the resolving process {peak:.0f} MB")
    workers = max(r.get("peak_worker_rss_mb", 0.0) for r in runs)
    if workers:
        print(f"  peak RSS of its prepare workers {workers:.0f} MB (pages shared with it counted in both)")
    if not args.in_process:
        together = max(r["tree_pss_mb"] for r in runs)
        print(f"  peak memory of the resolving process and its workers together (PSS) {together:.0f} MB")


if __name__ == "__main__":
    main()
