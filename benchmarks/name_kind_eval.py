"""Precision and recall of the person-name reading (:mod:`graph.resolve.name_kind_reading`) on typed rows.

    PYTHONPATH=. .venv/bin/python benchmarks/name_kind_eval.py [--folds 5] [--show 20]

The bundled lists' rows whose kind the publisher states (OFAC SDN, UN, typed CSL rows) are the
truth: each row's primary name is read as a list without a type would be (dates of birth kept,
since a typeless CSL row may carry them). **Held out**: the rows are cut into ``--folds`` folds
by a hash of the folded name (one person on two lists falls in one fold), and each fold is read
with a word table built from the other folds only, so no row's own words vouch for it. The
in-sample line uses the committed table. Precision = share of rows read as persons that are
persons (a company read as a person loses the company rules, so it matters most); recall =
share of persons read as persons. Then the typeless rows of the bundled lists, per source.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_name_kind_words import typed_entries, word_table_of  # noqa: E402

from graph.resolve.name_kind_reading import read_kind  # noqa: E402
from graph.resolve.name_kind_words import word_table  # noqa: E402
from graph.resolve.names import fold  # noqa: E402
from ingest.lists.model import EntityKind, ListEntry  # noqa: E402
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402


def _fold_of(entry: ListEntry, folds: int) -> int:
    return hashlib.sha1(fold(entry.name).encode(), usedforsecurity=False).digest()[0] % folds


def _aliases(entry: ListEntry) -> list[str]:
    return [a.name for a in entry.aliases]


def held_out(typed: list[ListEntry], folds: int) -> list[tuple[ListEntry, bool]]:
    """Each typed row with whether it reads as a person, read with the word table of the other folds."""
    held: list[tuple[ListEntry, bool]] = []
    for k in range(folds):
        table = word_table_of([e for e in typed if _fold_of(e, folds) != k])
        held += [
            (e, read_kind(e.name, birth_dates=e.birth_dates, aliases=_aliases(e), table=table).person)
            for e in typed
            if _fold_of(e, folds) == k
        ]
    return held


def _score(rows: list[tuple[ListEntry, bool]], label: str, show: int) -> None:
    tp = sum(1 for e, p in rows if p and e.kind is EntityKind.PERSON)
    fp = [e for e, p in rows if p and e.kind is not EntityKind.PERSON]
    persons = sum(1 for e, _ in rows if e.kind is EntityKind.PERSON)
    precision = tp / (tp + len(fp)) if tp + len(fp) else 0.0
    print(
        f"{label:<10} rows={len(rows)} persons={persons} read as person={tp + len(fp)}  "
        f"precision={precision:.4f} (FP {len(fp)})  recall={tp / max(1, persons):.4f}"
    )
    for e in fp[:show]:
        print(f"    FP  {e.list.value}  {e.name!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", type=int, default=15, help="false persons and typeless samples to print")
    args = parser.parse_args()
    paths = bundled_list_paths()
    typed = typed_entries(paths)
    _score(held_out(typed, args.folds), "held-out", args.show)
    full = word_table()
    in_sample = [
        (e, read_kind(e.name, birth_dates=e.birth_dates, aliases=_aliases(e), table=full).person)
        for e in typed
    ]
    _score(in_sample, "in-sample", 0)
    print("\nrows without a published type (kind as ingested now):")
    untyped = [e for p in paths for e in read_list_file(p).entries if e.kind_source != "type"]
    tally = Counter((e.list.value, e.kind_source, e.kind.value) for e in untyped)
    for (lst, source, kind), n in sorted(tally.items()):
        print(f"  {lst:<10} {source:<8} {kind:<8} {n:>5}")
    for e in [e for e in untyped if e.kind_source == "name"][: args.show]:
        print(f"    person  {e.list.value}  {e.name!r}  [{e.kind_evidence}]")


if __name__ == "__main__":
    main()
