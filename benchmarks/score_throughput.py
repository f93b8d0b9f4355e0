"""Throughput of graph.resolve.batch.score_pairs on real list names (candidate pairs per second).

    .venv/bin/python benchmarks/score_throughput.py [--pairs 1000000] [--repeats 3]

Records are the real names of the eval pairs (OFAC / CSL / UN / GLEIF / synthetic); random
pairs between them stand in for blocking output. Prints the median of the repeats and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve import Record, prepare, score_pairs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    df = pd.read_csv(ROOT / "benchmarks" / "eval_pairs" / "pairs.csv", dtype=str, keep_default_na=False)
    df = df[df.kind == "company"]
    t0 = time.perf_counter()
    left = prepare([Record(f"a{i}", "company", (n,)) for i, n in enumerate(df.name_a)])
    right = prepare([Record(f"b{i}", "company", (n,)) for i, n in enumerate(df.name_b)])
    prep = time.perf_counter() - t0
    rng = np.random.default_rng(0)
    pairs = np.column_stack([rng.integers(0, len(left), args.pairs), rng.integers(0, len(right), args.pairs)])
    times = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        score_pairs(left, right, pairs)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    rss = psutil.Process().memory_info().rss / 2**20
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"prepare: {len(left) + len(right)} records in {prep:.2f} s")
    rate = args.pairs / med
    print(f"score_pairs: {args.pairs} pairs, median {med:.3f} s over {args.repeats} → {rate:,.0f} pairs/s")
    print(f"RSS now {rss:.0f} MB, peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
