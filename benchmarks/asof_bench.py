"""The as-of cut (:func:`graph.risk.asof.frames_as_of`) on frames the size of a large workspace.

Usage: .venv/bin/python benchmarks/asof_bench.py [--owns 1000000] [--listings 200000]
       [--shipments 1000000] [--runs 5] [--seed 1]

Frames are synthetic, shaped as ``graph.risk.frames`` reads them: ownership records dated
(ISO dates, a third blank), with ``--periods`` a GLEIF-like period on them (status active or
inactive, a start date on most, an end date on a tenth; without it the columns are absent, as in
a workspace without GLEIF relationships), listings with a start date (most) and an end date (a tenth),
shipments dated. Prints the median seconds of ``--runs`` cuts and the notes of the last one. To
time another checkout's cut with the same frames: ``PYTHONPATH=/path/to/checkout python
benchmarks/asof_bench.py``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from graph.risk.asof import frames_as_of
from graph.risk.frames import RiskFrames


def _dates(rng: np.random.Generator, n: int, blank: float) -> pd.Series:
    days = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 4000, n), unit="D")
    text = pd.Series(days.strftime("%Y-%m-%d"), dtype=object)
    return text.where(rng.random(n) >= blank, None)


def frames(owns: int, listings: int, shipments: int, seed: int, periods: bool = False) -> RiskFrames:
    rng = np.random.default_rng(seed)
    empty = pd.DataFrame()
    period = {}
    if periods:
        period = {
            "status": pd.Series(np.where(rng.random(owns) < 0.1, "inactive", "active"), dtype=object),
            "start_date": _dates(rng, owns, 0.2),
            "end_date": _dates(rng, owns, 0.9),
        }
    return RiskFrames(
        entities=empty,
        listings=pd.DataFrame(
            {
                "cluster": [f"c{i}" for i in range(listings)],
                "start_date": _dates(rng, listings, 0.2),
                "end_date": _dates(rng, listings, 0.9),
            }
        ),
        shipments=pd.DataFrame({"id": np.arange(shipments), "date": _dates(rng, shipments, 0.0)}),
        owns=pd.DataFrame(
            {
                "owner": rng.integers(0, owns, owns),
                "owned": rng.integers(0, owns, owns),
                "as_of": _dates(rng, owns, 0.3),
                **period,
            }
        ),
        officers=empty,
        located=empty,
        addresses=empty,
        same_as=empty,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--owns", type=int, default=1_000_000)
    ap.add_argument("--listings", type=int, default=200_000)
    ap.add_argument("--shipments", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--day", default="2022-06-30")
    ap.add_argument("--periods", action="store_true", help="ownership records carry status/start/end")
    args = ap.parse_args()
    f = frames(args.owns, args.listings, args.shipments, args.seed, args.periods)
    times, notes = [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        _, notes = frames_as_of(f, args.day)
        times.append(time.perf_counter() - t)
    sizes = f"{args.owns} ownership records, {args.listings} listings, {args.shipments} shipments"
    spread = f"min {min(times):.3f}, max {max(times):.3f}"
    print(f"frames_as_of: {sizes}: median {statistics.median(times):.3f} s over {args.runs} runs ({spread})")
    for note in notes:
        print(f"  note: {note}")


if __name__ == "__main__":
    main()
