"""Bundled list company names compared with themselves: those that do not match, by cause.

    PYTHONPATH=. .venv/bin/python benchmarks/self_match_scan.py           # counts and names
    PYTHONPATH=. .venv/bin/python benchmarks/self_match_scan.py --counts  # counts only
    PYTHONPATH=. .venv/bin/python benchmarks/self_match_scan.py --writings  # re-punctuated writings

A listed name that does not match itself is a screening hit missed on the exact listed name.
Every distinct primary name and alias of the company entries of ``data/lists/`` is scored
against itself (one batch); the names below the match threshold are grouped by their most
negative reason. Names of no distinctive word are split by what they are made of: only generic
words and legal forms ("TRADING COMPANY") are refused by design; single letters or a whole name
read as one legal-form code deserve a look.

``--writings`` asks the next question: does each name that matches itself still match when it
is written as a bill of lading or a registry writes it — without dots, dots as spaces, without
commas, in upper or lower case, "&" as AND? Every name a writing changes is scored against that
writing (one batch per writing), and the pairs below the match threshold are listed. A failure
there is a listed company missed because a clerk left out the dots ("S.A. DE C.V." / "SA DE
CV" failed for 255 list names until the form table read letters run together).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve.compare import DEFAULT_THRESHOLDS, compare  # noqa: E402
from graph.resolve.features import Record, contributions, pair_features, prepare  # noqa: E402
from graph.resolve.names import normalise_name  # noqa: E402
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402


def list_company_names() -> list[str]:
    """Every distinct primary name and alias of the bundled lists' company entries."""
    names: set[str] = set()
    for path in bundled_list_paths():
        for entry in read_list_file(path).entries:
            if entry.kind.value == "company":
                names.update(n for n in (entry.name, *(a.name for a in entry.aliases)) if n and n.strip())
    return sorted(names)


def _cause(name: str) -> tuple[str, float, str]:
    """(cause, score, detail) of a name that does not match itself."""
    m = compare(Record("a", "company", (name,)), Record("b", "company", (name,)))
    worst = min(m.reasons, key=lambda r: r.contribution)
    if worst.feature != "name" or "no distinctive word" not in worst.detail:
        return worst.feature, m.score, worst.detail
    form = normalise_name(name, "company")
    if not form.tokens:
        return "no distinctive word: the whole name is a legal form", m.score, form.legal_form_text
    if any(len(t) == 1 for t in form.tokens):
        return "no distinctive word: single letters or digits", m.score, " ".join(form.tokens)
    return "no distinctive word: generic words (by design)", m.score, " ".join(form.tokens)


#: How clerks rewrite a name: each writing is a function of the listed name.
WRITINGS: dict[str, Callable[[str], str]] = {
    "without dots": lambda s: s.replace(".", ""),
    "dots as spaces": lambda s: " ".join(s.replace(".", " ").split()),
    "without commas": lambda s: s.replace(",", ""),
    "upper case": str.upper,
    "lower case": str.lower,
    "& as AND": lambda s: " ".join(s.replace("&", " AND ").split()),
}


def match_scores(left: list[Record], right: list[Record]) -> np.ndarray:
    """Match probability of each ``left[i]`` against ``right[i]`` (one batch)."""
    idx = np.arange(len(left))
    z = contributions(pair_features(prepare(left), prepare(right), np.stack([idx, idx], axis=1))).total()
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def writings_report(names: list[str], show: bool) -> None:
    """Names that match themselves but not a clerk's writing of themselves (see the module doc)."""
    threshold = DEFAULT_THRESHOLDS.match
    records = [Record(str(i), "company", (n,)) for i, n in enumerate(names)]
    itself = match_scores(records, records) >= threshold
    for label, rewrite in WRITINGS.items():
        changed = [i for i, n in enumerate(names) if itself[i] and rewrite(n) != n]
        if not changed:
            print(f"{label:16s} no name changes")
            continue
        written = [Record(str(i), "company", (rewrite(names[i]),)) for i in changed]
        scores = match_scores([records[i] for i in changed], written)
        failed = [
            (names[i], written[k].names[0], float(scores[k]))
            for k, i in enumerate(changed)
            if scores[k] < threshold
        ]
        print(f"{label:16s} {len(changed):6d} names written otherwise, {len(failed):4d} no longer match")
        if show:
            for name, other, score in failed:
                print(f"          {name!r} / {other!r}  score {score:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", action="store_true", help="print the counts only")
    parser.add_argument(
        "--writings",
        action="store_true",
        help="names that do not match their own writing without dots, commas …",
    )
    args = parser.parse_args()
    names = list_company_names()
    if args.writings:
        writings_report(names, show=not args.counts)
        return
    prepared = prepare([Record(str(i), "company", (n,)) for i, n in enumerate(names)])
    idx = np.arange(len(names))
    z = contributions(pair_features(prepared, prepared, np.stack([idx, idx], axis=1))).total()
    below = np.flatnonzero(1.0 / (1.0 + np.exp(-z)) < DEFAULT_THRESHOLDS.match)
    groups: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    for i in below:
        cause, score, detail = _cause(names[int(i)])
        groups[cause].append((names[int(i)], score, detail))
    print(f"{len(names)} list company names, {len(below)} do not match themselves")
    for cause, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(rows):6d}  {cause}")
        if not args.counts:
            for name, score, detail in rows:
                print(f"          {name!r}  score {score:.3f}  ({detail})")


if __name__ == "__main__":
    main()
