"""Where screening and resolution judge one pair of names differently, against the pair's label.

    PYTHONPATH=. .venv/bin/python benchmarks/screen_compare_divergence.py [--entries-cache PATH]
        [--examples 8] [--kinds company person]

``chipwatch screen`` has its own scorer (:mod:`graph.screening.scoring`, with the rules
:meth:`graph.screening.screen.Screener.score_candidates` applies on top of it); ``chipwatch compare``
and ``chipwatch resolve`` use the resolution scorer (:mod:`graph.resolve`). This script puts the
company and person pairs of the **dev** split of ``eval_pairs/pairs.csv`` (read as
``resolution_eval.py`` reads them) through both, names only (no countries, as in the resolution
evaluation):

* resolution: ``graph.resolve.batch.score_pairs`` and its decision at ``DEFAULT_THRESHOLDS``
  (``match`` / ``possible`` / ``no``);
* screening: the first name screened as a counterparty against the second as a list entry, with
  the disposition at the default screening thresholds (``block`` / ``review`` / ``clear``). The list
  side is one index: the bundled lists (so that word rarity is what screening really sees) plus one
  entry per pair's second name. Each pair is scored as a candidate pair whatever the blocking
  would have proposed (its key overlap computed for the pair: ``TranslitBlocking.pair_similarity``),
  so a miss here is the scorer's, not the blocking's. A listed entry here holds the pair's second name
only, where a real entry holds all its aliases: many positives that screening clears here (an alias
that shares no informative word, a translation, an acronym) are found in real screening through
another alias of the entry, so the positives' "screening wrong" counts are an upper bound; the
variants (``relation`` ``variant``) are the fairer view of the scorer.

It prints, per kind and label, the 3 × 3 table of (screening, resolution) decisions, then the cells
where one side is wrong against the label and the other right, with examples. For a negative
(label 0), screening is wrong at ``block`` or ``review`` and resolution at ``match``; for a positive,
screening is wrong at ``clear`` and resolution at ``no``. ``possible`` and ``review`` are the grey
zones: a person looks.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chipwatch.settings import Settings  # noqa: E402
from graph.resolve import DEFAULT_THRESHOLDS, Record, decide, prepare, score_pairs  # noqa: E402
from graph.resolve.candidates import Candidates  # noqa: E402
from graph.screening.index import build_index, load_entries  # noqa: E402
from graph.screening.screen import Screener, Thresholds  # noqa: E402
from ingest.lists.pipeline import ingest_bundled_lists  # noqa: E402

PAIRS = ROOT / "benchmarks" / "eval_pairs" / "pairs.csv"
SCREEN_LEVELS = ("block", "review", "clear")
RESOLVE_LEVELS = ("match", "possible", "no")
#: Entry kinds the list side of a pair gets (the generic-name rule reads a company's names only).
ENTRY_KIND = {"company": "company", "person": "individual"}


def dev_pairs(kinds: list[str]) -> pd.DataFrame:
    df = pd.read_csv(PAIRS, dtype={"name_a": str, "name_b": str}, keep_default_na=False)
    return df[(df.split == "dev") & df.kind.isin(kinds)].reset_index(drop=True)


def list_entries(cache: Path | None) -> pd.DataFrame:
    """The bundled lists' current entries (ingested into a temporary workspace, or from ``cache``:
    the pickle ``screen_bench.py --entries-cache`` writes)."""
    if cache is not None and cache.exists():
        return pd.read_pickle(cache)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(workspace=Path(tmp))
        ingest_bundled_lists(settings)
        entries = load_entries(settings)
    if cache is not None:
        entries.to_pickle(cache)
    return entries


def resolution_decisions(df: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    left = prepare(
        [Record(f"a{i}", k, (n,)) for i, (k, n) in enumerate(zip(df.kind, df.name_a, strict=True))]
    )
    right = prepare(
        [Record(f"b{i}", k, (n,)) for i, (k, n) in enumerate(zip(df.kind, df.name_b, strict=True))]
    )
    idx = np.arange(len(df), dtype=np.int64)
    score = score_pairs(left, right, np.column_stack([idx, idx])).score
    return score, [decide(float(s), DEFAULT_THRESHOLDS).value for s in score]


def screening_decisions(
    df: pd.DataFrame, entries: pd.DataFrame
) -> tuple[np.ndarray, list[str], dict[int, list[str]]]:
    """Each pair's screening score, disposition and capping reasons (name_a screened, name_b listed)."""
    listed = sorted(set(zip(df.name_b, df.kind, strict=True)))
    extra = pd.DataFrame(
        {
            "id": [f"eval:{i}" for i in range(len(listed))],
            "name": [n for n, _ in listed],
            "aliases": [[] for _ in listed],
            "entity_kind": [ENTRY_KIND.get(k, k) for _, k in listed],
        }
    )
    screener = Screener(build_index(pd.concat([entries, extra], ignore_index=True)), Thresholds())
    idx = screener.index
    row_of = {
        (name, str(idx.entries["id"].iat[int(owner)])): row
        for row, (name, owner) in enumerate(zip(idx.names, idx.owner, strict=True))
        if str(idx.entries["id"].iat[int(owner)]).startswith("eval:")
    }
    entry_of = {key: f"eval:{i}" for i, key in enumerate(listed)}
    names = df.name_a.tolist()
    rows = np.asarray(
        [row_of[(b, entry_of[(b, k)])] for b, k in zip(df.name_b, df.kind, strict=True)], dtype=np.int64
    )
    query = np.arange(len(df), dtype=np.int64)
    similarity = idx.blocking.pair_similarity(names, rows)
    scores = screener.score_candidates(names, [""] * len(df), Candidates(query, rows, similarity))
    # A listed name without a letter (not a vessel's) matches nobody (``Screener.matches``).
    score = np.where(idx.no_name[rows], 0.0, scores.score)
    return score, [screener.thresholds.disposition(float(s)) for s in score], scores.rules


def wrong(label: int, screen: str, resolve: str) -> tuple[bool, bool]:
    """(screening wrong, resolution wrong) against the label; the grey zones count as neither."""
    if label:
        return screen == "clear", resolve == "no"
    return screen in ("block", "review"), resolve == "match"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--entries-cache", type=Path, help="pickle of the bundled lists' entries (reused when present)"
    )
    ap.add_argument("--examples", type=int, default=8, help="examples printed per disagreement cell")
    ap.add_argument("--kinds", nargs="*", default=["company", "person"])
    args = ap.parse_args()
    df = dev_pairs(args.kinds)
    t0 = time.perf_counter()
    entries = list_entries(args.entries_cache)
    r_score, r_dec = resolution_decisions(df)
    s_score, s_dec, rules = screening_decisions(df, entries)
    print(f"dev pairs: {len(df)} ({', '.join(args.kinds)}); scored in {time.perf_counter() - t0:.0f}s")
    df = df.assign(screen=s_dec, screen_score=s_score, resolve=r_dec, resolve_score=r_score)
    for kind, by_kind in df.groupby("kind"):
        for label, part in by_kind.groupby("label"):
            table = pd.crosstab(part.screen, part.resolve).reindex(
                index=list(SCREEN_LEVELS), columns=list(RESOLVE_LEVELS), fill_value=0
            )
            s_wrong = sum(wrong(int(label), s, r)[0] for s, r in zip(part.screen, part.resolve, strict=True))
            r_wrong = sum(wrong(int(label), s, r)[1] for s, r in zip(part.screen, part.resolve, strict=True))
            print(
                f"\n{kind}, label {label} ({len(part)} pairs): "
                f"screening wrong {s_wrong}, resolution wrong {r_wrong}"
            )
            variant = part[part.relation == "variant"]
            pairs = list(zip(variant.screen, variant.resolve, strict=True))
            if int(label):  # a negative has no relation but ``negative``
                print(
                    f"  of which {len(variant)} variants (names that share an informative word): screening "
                    f"wrong {sum(wrong(1, s, r)[0] for s, r in pairs)}, "
                    f"resolution wrong {sum(wrong(1, s, r)[1] for s, r in pairs)}"
                )
            print(table.rename_axis(index="screen \\ resolve").to_string())
    print("\nDisagreements where one side is wrong against the label and the other is not:")
    for (kind, label, screen, resolve), cell in df.groupby(["kind", "label", "screen", "resolve"]):
        s_wrong, r_wrong = wrong(int(label), str(screen), str(resolve))
        if s_wrong == r_wrong:
            continue
        who = "screening wrong" if s_wrong else "resolution wrong"
        print(f"\n[{kind} label {label}] screen {screen} / resolve {resolve}: {len(cell)} ({who})")
        for i, row in cell.head(args.examples).iterrows():
            capped = "; ".join(r.split(":")[0] for r in rules.get(int(i), []))
            print(
                f"  {row.name_a!r} ~ {row.name_b!r}: screen {row.screen_score:.3f}, "
                f"resolve {row.resolve_score:.3f} [{row.source}]" + (f" rules: {capped}" if capped else "")
            )


if __name__ == "__main__":
    main()
