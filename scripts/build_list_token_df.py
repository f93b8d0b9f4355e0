"""Build ``data/reference/list_token_df.csv``: in how many bundled list entries each word occurs.

    PYTHONPATH=. .venv/bin/python scripts/build_list_token_df.py

For every company (or unknown-kind) entry of every list file under ``data/lists/``, the
distinctive words of its primary name and aliases (as :func:`graph.resolve.names.normalise_name`
gives them: legal forms, generic and stop-words removed) are collected once per entry; the
table holds, per word, the number of entries using it. The scorer reads the table (see
``graph/resolve/siblings.py``); re-run this script when the bundled lists or the name
normalisation change, and commit the result (it is data, versioned like the lists).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve.names import normalise_name  # noqa: E402
from graph.resolve.siblings import TOKEN_DF_TABLE  # noqa: E402
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402

KINDS = ("company", "unknown")


def count_entries(paths: list[Path]) -> tuple[int, Counter[str]]:
    """(number of entries, entries per distinctive word) over the company entries of ``paths``."""
    df: Counter[str] = Counter()
    entries = 0
    for path in paths:
        for entry in read_list_file(path).entries:
            if entry.kind.value not in KINDS:
                continue
            words: set[str] = set()
            for name in (entry.name, *(a.name for a in entry.aliases)):
                words.update(normalise_name(name, "company").distinctive)
            df.update(words)
            entries += 1
    return entries, df


def main() -> None:
    paths = bundled_list_paths()
    entries, df = count_entries(paths)
    with TOKEN_DF_TABLE.open("w", newline="", encoding="utf-8") as fh:
        fh.write(f"# {entries} company entries of {len(paths)} list files in data/lists/\n")
        writer = csv.writer(fh)
        writer.writerow(["word", "entries"])
        for word, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
            writer.writerow([word, n])
    print(f"{TOKEN_DF_TABLE}: {len(df)} words from {entries} entries")


if __name__ == "__main__":
    main()
