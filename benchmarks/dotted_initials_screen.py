"""Screening of list names written with dotted initials, as a clerk writes them without the dots.

    PYTHONPATH=. .venv/bin/python benchmarks/dotted_initials_screen.py [--entries-cache PATH] [--misses 20]

Ingests the bundled lists into a temporary workspace (or reads ``--entries-cache``, a pickle of the
ingested entries as ``benchmarks/screen_bench.py --entries-cache`` writes it), takes every indexed
name with a group of dotted initials ("C.A.D. S.A.", "AGRICOLA TAVO S.P.R. DE R.L.") and screens
three writings of it against the full index:

* ``nodots`` — the dots between letters dropped ("CAD. SA.");
* ``plain`` — every dot dropped ("CAD SA");
* ``spaced`` — every dot a space ("C A D S A").

A writing is *found* when its own entry is among the hits and the row is not clear. Prints, per
writing, how many were found and how many blocked, then up to ``--misses`` writings not found.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chipwatch.settings import Settings  # noqa: E402
from graph.ids import normalise_key_text  # noqa: E402
from graph.resolve.dotted_initials import dotted_groups  # noqa: E402
from graph.screening.index import load_entries  # noqa: E402
from graph.screening.screen import Screener, Thresholds  # noqa: E402
from ingest.lists.pipeline import ingest_bundled_lists  # noqa: E402

_DOT_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
WRITINGS = {
    "nodots": lambda n: _DOT_BETWEEN_LETTERS.sub("", n),
    "plain": lambda n: re.sub(r"\s+", " ", n.replace(".", "")).strip(),
    "spaced": lambda n: re.sub(r"\s+", " ", n.replace(".", " ")).strip(),
}


def screener(cache: Path | None) -> Screener:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(workspace=Path(tmp))
        entries = pd.read_pickle(cache) if cache and cache.exists() else None
        if entries is None:
            ingest_bundled_lists(settings)
            if cache:
                load_entries(settings).to_pickle(cache)
        return Screener.for_settings(settings, Thresholds(), entries)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entries-cache", type=Path, help="pickle of the ingested entries (reused when present)")
    ap.add_argument("--misses", type=int, default=20, help="print up to N writings not found")
    args = ap.parse_args()
    scr = screener(args.entries_cache)
    ids = scr.index.entries["id"].astype(str).tolist()
    listed = [(ids[int(o)], n) for o, n in zip(scr.index.owner, scr.index.names, strict=True)]
    listed = [(i, n) for i, n in listed if "." in n and dotted_groups(n, normalise_key_text)]
    rows = [
        (how, eid, name, write(name))
        for eid, name in listed
        for how, write in WRITINGS.items()
        if write(name) != name
    ]
    frame = pd.DataFrame(rows, columns=["writing", "entry", "listed", "query"])
    out = scr.screen(pd.DataFrame({"name": frame["query"]}))
    frame["disposition"] = out["disposition"].to_numpy()
    hits = [any(m["id"] == e for m in ms) for ms, e in zip(out["matches"], frame["entry"], strict=True)]
    frame["found"] = pd.Series(hits) & (frame["disposition"] != "clear")
    print(f"{len(listed)} indexed names with dotted initials")
    for how, part in frame.groupby("writing", sort=False):
        blocked = int((part["disposition"] == "block").sum())
        print(f"  {how:<7} {len(part):>5} writings: found {int(part['found'].sum()):>5}, block {blocked:>5}")
    for row in frame[~frame["found"]].head(args.misses).itertuples():
        print(f"    miss [{row.writing}] {row.query!r} (listed {row.listed!r}) -> {row.disposition}")


if __name__ == "__main__":
    main()
