"""Risk-list export timing (issue 6, item 4): each format, on the workspace's risk results.

Usage: CHIPWATCH_WORKSPACE=<ws after `chipwatch demo --no-serve` (or ingest + resolve + risk)>
       .venv/bin/python benchmarks/export_bench.py [--min-score 40] [--repeat 3] [--formats csv,xlsx,json,ftm]

Each format runs in its own process (so its peak RSS is its own): the whole
``export_risk_list`` call — open the store, build the list, write the file, audit — repeated
``--repeat`` times. Prints per format the median seconds (wall clock, and the CPU seconds of the
process: on a busy machine the wall clock measures the other work too), rows, file size and peak RSS.
Every run appends an `export` record to the workspace's audit log, as a real export does.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chipwatch.settings import load_settings
from graph.export.risk_table import RiskFilter
from graph.export.run import export_risk_list

SUFFIX = {"csv": "csv", "xlsx": "xlsx", "json": "json", "ftm": "jsonl"}


def one(fmt: str, min_score: float, repeat: int) -> dict[str, object]:
    settings = load_settings()
    times, cpu, rows, size = [], [], 0, 0
    with tempfile.TemporaryDirectory(prefix="export-bench-") as tmp:
        out = Path(tmp) / f"risk.{SUFFIX[fmt]}"
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            summary = export_risk_list(settings, RiskFilter(min_score=min_score), out, fmt)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            rows, size = summary.rows, out.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "format": fmt,
        "median_s": statistics.median(times),
        "runs": times,
        "median_cpu_s": statistics.median(cpu),
        "rows": rows,
        "bytes": size,
        "peak_rss_mb": peak_mb,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-score", type=float, default=40.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", default="csv,xlsx,json,ftm")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.min_score, args.repeat)))
        return
    for fmt in args.formats.split(","):
        cmd = [
            sys.executable,
            __file__,
            "--one",
            fmt,
            "--min-score",
            str(args.min_score),
            "--repeat",
            str(args.repeat),
        ]
        res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        print(
            f"{res['format']:>4}: median {res['median_s']:.2f} s over {len(res['runs'])} runs "
            f"({', '.join(f'{t:.2f}' for t in res['runs'])}), CPU {res['median_cpu_s']:.2f} s; "
            f"{res['rows']} entities, "
            f"{res['bytes'] / 1e6:.1f} MB; peak RSS {res['peak_rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
