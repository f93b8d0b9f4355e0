"""Snapshot of everything ``chipwatch resolve`` decides, to check that a speed-up changed nothing.

Usage: CHIPWATCH_WORKSPACE=<ws> .venv/bin/python benchmarks/resolve_snapshot.py OUT_DIR
           [--compare BASE_DIR]

Runs ``graph.resolve.run.resolve`` over the workspace (the store is not written; the review
queue and clusters files of the workspace are) and writes to ``OUT_DIR`` the SAME_AS rows
(with score, method, reasons and decision), the review queue (with the guard's reasons) and the
clusters (canonical id, size) as Parquet, plus the summary and the stage times. ``--compare``
then names the rows that differ from an earlier snapshot and exits 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import sys
import time
from pathlib import Path

import pandas as pd

import graph.resolve.run as run
from chipwatch.settings import load_settings
from graph.resolve.link import LinkResult

FRAMES = {"same_as": ["source", "target"], "queue": ["source", "target"], "clusters": ["id"]}


def snapshot(out: Path) -> None:
    captured: list[LinkResult] = []
    link = run.link

    def keep(*args: object, **kwargs: object) -> LinkResult:
        result = link(*args, **kwargs)  # type: ignore[arg-type]
        captured.append(result)
        return result

    marks = [time.perf_counter()]
    stages: dict[str, float] = {}

    def step(stage: str) -> None:
        marks.append(time.perf_counter())
        stages[stage] = round(marks[-1] - marks[-2], 1)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {stage:16s} {stages[stage]:6.1f}s  RSS {rss:.0f} MB", file=sys.stderr, flush=True)

    run.link = keep
    try:
        summary = run.resolve(load_settings(), progress=step, write_store=False)
    finally:
        run.link = link
    out.mkdir(parents=True, exist_ok=True)
    result = captured[-1]
    for name, keys in FRAMES.items():
        frame: pd.DataFrame = getattr(result, name)
        frame.sort_values(keys, ignore_index=True).to_parquet(out / f"{name}.parquet", index=False)
    body = {**dataclasses.asdict(summary), "seconds": stages}
    (out / "summary.json").write_text(json.dumps(body, indent=1))
    print(summary, file=sys.stderr)


def compare(out: Path, base: Path) -> bool:
    same = True
    for name, keys in FRAMES.items():
        new = pd.read_parquet(out / f"{name}.parquet").astype(str)
        old = pd.read_parquet(base / f"{name}.parquet").astype(str)
        if list(new.columns) == list(old.columns) and new.equals(old):
            print(f"{name}: {len(new):,} rows, identical")
            continue
        same = False
        both = old.merge(new, how="outer", indicator=True)
        diff = both[both["_merge"] != "both"].sort_values([*keys, "_merge"])
        print(f"{name}: {len(old):,} rows before, {len(new):,} now; {len(diff):,} rows differ, first ones:")
        print(diff.head(20).to_string())
    return same


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path, help="an earlier snapshot directory")
    ap.add_argument("--no-run", action="store_true", help="only compare an existing snapshot")
    args = ap.parse_args()
    if not args.no_run:
        snapshot(args.out)
    if args.compare is not None and not compare(args.out, args.compare):
        sys.exit(1)


if __name__ == "__main__":
    main()
