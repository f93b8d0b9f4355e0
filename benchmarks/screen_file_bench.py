"""End-to-end file screening benchmark: a large generated CSV through ``chipwatch screen``.

    .venv/bin/python benchmarks/screen_file_bench.py [--rows 1000000] [--workdir /tmp/screen-file-bench]

Ingests the bundled lists into a temporary workspace, writes a CSV of ``--rows`` counterparties
(10 % noisy list names, the rest synthetic company and person names, some with addresses, some
rows duplicated or without a name), runs ``chipwatch screen`` on it in a child process and prints
the wall time, rows/s and the child's peak RSS: streaming must keep memory bounded whatever the
file size. The generated file and the result are removed afterwards.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from benchmarks.screen_bench import noisy, synthetic_names
from chipwatch.settings import Settings
from ingest.lists.pipeline import ingest_bundled_lists


def write_input(path: Path, rows: int, list_names: list[str], rng: random.Random) -> None:
    synthetic = synthetic_names(min(rows, 200_000), rng)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Customer", "country", "address", "ref"])
        for i in range(rows):
            r = rng.random()
            if r < 0.1:
                name = noisy(rng.choice(list_names), rng)[0]
            elif r < 0.101:
                name = ""  # a row without a name
            else:
                name = synthetic[i % len(synthetic)]  # repeats: duplicate counterparties
            address = f"{rng.randrange(1, 999)} {rng.choice(['Nathan Road', 'Main St', 'Lenina ul.'])}"
            out.writerow([name, rng.choice(["CN", "HK", "DE", "US", "RU", ""]), address, f"R{i}"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    rng = random.Random(30)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        ws = Path(tmp) / "ws"
        settings = Settings(workspace=ws)
        t0 = time.perf_counter()
        ingest_bundled_lists(settings)
        print(f"lists ingested in {time.perf_counter() - t0:.1f}s")
        from graph.screening.index import load_entries

        names = [n for n in load_entries(settings)["name"].astype(str) if len(n) >= 6]
        src = Path(tmp) / "counterparties.csv"
        t0 = time.perf_counter()
        write_input(src, args.rows, names, rng)
        size = src.stat().st_size / 1e6
        print(f"input: {args.rows} rows, {size:.0f} MB, written in {time.perf_counter() - t0:.1f}s")
        out = Path(tmp) / "result.csv"
        env = {**os.environ, "CHIPWATCH_WORKSPACE": str(ws)}
        cmd = [sys.executable, "-m", "chipwatch.cli", "screen", str(src), "--out", str(out)]
        cmd += ["--map", "name=Customer"]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - t0
        child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(proc.stdout.strip()[-2000:])
        if proc.returncode != 0:
            print(proc.stderr[-3000:])
            raise SystemExit(f"chipwatch screen failed ({proc.returncode})")
        result_rows = sum(len(c) for c in pd.read_csv(out, dtype=str, usecols=["ref"], chunksize=200_000))
        print(
            f"chipwatch screen: {args.rows} rows in {wall:.1f}s = {args.rows / wall:.0f} rows/s "
            f"(index build included); peak RSS of the screening process {child_rss:.0f} MB; "
            f"{result_rows} result rows"
        )


if __name__ == "__main__":
    main()
