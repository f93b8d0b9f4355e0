"""List readers alone (no tables, no graph): full CSL 2022 + full OFAC SDN 2021 CSV set + UN XML.

    .venv/bin/python benchmarks/list_readers_bench.py            # median of 3 runs
    .venv/bin/python benchmarks/list_readers_bench.py --runs 5

Each run clears the readers' caches (country and date look-ups) so every run is cold. Prints each
file's median read time, the median total and the peak RSS of this process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.lists.read import read_list_file  # noqa: E402
from ingest.lists.readers import _common  # noqa: E402
from ingest.normalize import countries  # noqa: E402

INPUTS = [
    ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz",
    ROOT / "data" / "lists" / "ofac",
    ROOT / "data" / "lists" / "un" / "UN_consolidated.xml",
]


def one_run() -> dict[str, float]:
    for cached in (_common.parse_date, _common.country_iso2, countries.to_iso2):
        cached.cache_clear()
    times = {}
    for path in INPUTS:
        start = time.perf_counter()
        result = read_list_file(path)
        times[path.name] = time.perf_counter() - start
        times[path.name + " entries"] = len(result.entries)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    for path in INPUTS:
        values = [r[path.name] for r in runs]
        count = int(runs[0][path.name + " entries"])
        print(f"{path.name:32s} {count:6d} entries  median {statistics.median(values):.2f} s")
    totals = [sum(r[p.name] for p in INPUTS) for r in runs]
    each = ", ".join(f"{t:.2f}" for t in totals)
    print(f"{'total':32s} {'':14s}  median {statistics.median(totals):.2f} s  (runs: {each})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
