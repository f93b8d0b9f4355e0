"""Side file for the evaluation: the kind the name reading (:mod:`graph.resolve.name_kind_reading`)
gives the CSL rows that publish no type (Entity List, MEU, UVL, ISN …), per pair.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_pairs/detected_kinds.py

``build_pairs.py`` gives every such row kind ``company``; ``pairs.csv`` is left as it is (its
tables stay reproducible). This writes ``detected_kinds.csv`` (``pair_id,kind_a,kind_b,evidence``)
for every pair whose first entry is such a row: ``kind_a`` is that entry's kind as the ingest now
reads it, ``kind_b`` the kind of the entry of ``name_b`` (the same entry for aliases and planted
noise; for nearest-name pairs the other row of that source with that name).
``resolution_eval.py --detected-kinds`` scores and reports these pairs by these kinds.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.eval_pairs.build_pairs import OUT as PAIRS  # noqa: E402
from benchmarks.eval_pairs.build_pairs import csl_rows  # noqa: E402
from graph.resolve.name_kind_reading import read_kind  # noqa: E402
from ingest.lists.model import Alias  # noqa: E402
from ingest.lists.readers._clauses import clean_names  # noqa: E402

DETECTED = Path(__file__).resolve().parent / "detected_kinds.csv"
#: Sources whose two names are of one entry (the first entry's kind is the second's).
SAME_ENTRY = ("csl_alias", "csl_noise")


def _reading(row: dict[str, str]) -> tuple[str, str]:
    """(kind, evidence) of a typeless CSL row, as the CSL reader decides it."""
    alt = [Alias(a.strip()) for a in row["alt_names"].split(";") if a.strip()]
    name, named = clean_names(" ".join(row["name"].split()), alt)
    births = [d.strip() for d in row.get("dates_of_birth", "").split(";") if d.strip()]
    reading = read_kind(name, birth_dates=births, aliases=[a.name for a in named])
    return ("person" if reading.person else "company"), reading.evidence


def build(out: Path = DETECTED) -> int:
    rows = csl_rows()
    by_group = {f"csl:{r['source'].split(' ')[0]}:{r['_id']}": r for r in rows if not r["type"]}
    by_name = {(r["source"].split(" ")[0], r["name"].strip()): r for r in rows if not r["type"]}
    written = 0
    with PAIRS.open(encoding="utf-8", newline="") as fh, out.open("w", encoding="utf-8", newline="") as dst:
        w = csv.writer(dst)
        w.writerow(["pair_id", "kind_a", "kind_b", "evidence"])
        for pair in csv.DictReader(fh):
            row_a = by_group.get(pair["group"])
            if row_a is None:
                continue
            kind_a, evidence = _reading(row_a)
            if pair["source"] in SAME_ENTRY:
                kind_b = kind_a
            else:
                row_b = by_name.get((pair["group"].split(":")[1], pair["name_b"]))
                kind_b = _reading(row_b)[0] if row_b else "company"
            w.writerow([pair["pair_id"], kind_a, kind_b, evidence])
            written += 1
    return written


if __name__ == "__main__":
    n = build()
    print(f"wrote {n} pairs to {DETECTED}")
