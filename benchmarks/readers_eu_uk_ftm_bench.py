"""EU / UK / FtM / other-US list readers alone (no tables, no graph).

    .venv/bin/python benchmarks/readers_eu_uk_ftm_bench.py             # median of 3 runs
    .venv/bin/python benchmarks/readers_eu_uk_ftm_bench.py --runs 5 --scale 400

Reads every real file this reader set handles (the shared EU/UK/FtM fixtures and the bundled
``data/lists/other_us`` files), then scaled copies of the real EU XML and FtM files (their real
records repeated ``--scale`` times with fresh ids, roughly the size of the full published EU file)
to show throughput. Prints each input's median read time, records/s and the peak RSS.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.lists.read import read_list_file  # noqa: E402

FIX = ROOT / "tests" / "fixtures" / "lists"
INPUTS = [
    FIX / "eu" / "eu_fsf_v1_1_sample_2026-08-05.xml",
    FIX / "eu" / "eu_fsf_EUSanctionsShort.csv",
    FIX / "uk" / "uk_sanctions_list_sample_2026.xml",
    FIX / "uk" / "ConList_excerpt.csv",
    FIX / "ftm" / "t1_entities.ftm.json",
    FIX / "ftm" / "zala_entities.ftm.json",
    *sorted((ROOT / "data" / "lists" / "other_us").glob("*.csv")),
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scaled_eu_xml(target: Path, scale: int) -> Path:
    """The real EU sample with its sanctionEntity records repeated, logicalIds made unique."""
    text = (FIX / "eu" / "eu_fsf_v1_1_sample_2026-08-05.xml").read_text(encoding="utf-8")
    start, end = text.index("<sanctionEntity"), text.rindex("</sanctionEntity>") + len("</sanctionEntity>")
    body = text[start:end]
    copies = [re.sub(r'(<sanctionEntity [^>]*logicalId=")(\d+)', rf"\g<1>{i}\2", body) for i in range(scale)]
    target.write_text(text[:start] + "\n".join(copies) + text[end:], encoding="utf-8")
    return target


def scaled_ftm(target: Path, scale: int) -> Path:
    """The real zala FtM file repeated with every id suffixed (so references stay consistent)."""
    lines = (FIX / "ftm" / "zala_entities.ftm.json").read_text(encoding="utf-8").splitlines()
    ids = re.compile(r'"((?:NK|ru|ofac|au|gb|ua|addr)-[A-Za-z0-9-]+)"')
    with target.open("w", encoding="utf-8") as out:
        for i in range(scale):
            for line in lines:
                out.write(ids.sub(rf'"\1-{i}"', line) + "\n")
    return target


def time_read(path: Path, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        result = read_list_file(path)
        times.append(time.perf_counter() - start)
        count = len(result.entries) + len(result.relations)
    return statistics.median(times), count


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=400, help="copies of the real records in scaled inputs")
    args = parser.parse_args()
    total = 0.0
    for path in INPUTS:
        median, count = time_read(path, args.runs)
        total += median
        print(f"{path.name:45s} {median * 1000:8.1f} ms  {count:6d} entries+relations")
    print(f"{'all real files':45s} {total * 1000:8.1f} ms (sum of medians)")
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in (
            ("EU XML x scale", scaled_eu_xml(Path(tmp) / "eu_scaled.xml", args.scale)),
            ("FtM zala x scale", scaled_ftm(Path(tmp) / "zala_scaled.ftm.json", args.scale)),
        ):
            size = path.stat().st_size / 2**20
            median, count = time_read(path, args.runs)
            rate = count / median
            print(f"{label:20s} {size:6.1f} MiB  median {median:6.2f} s  {count:7d} records  {rate:8.0f}/s")
    print(f"peak RSS {peak_rss_mb():.0f} MiB")


if __name__ == "__main__":
    main()
