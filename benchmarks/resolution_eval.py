"""Evaluate entity-resolution scoring against two baselines on the labelled real-data pairs.

    .venv/bin/python benchmarks/resolution_eval.py            # report on the test split
    .venv/bin/python benchmarks/resolution_eval.py --split dev --by-source   # tuning view

Pairs come from ``benchmarks/eval_pairs/pairs.csv`` (built by ``eval_pairs/build_pairs.py``
from the real OFAC / CSL / UN / GLEIF files and planted clerk noise; see its docstring).
Methods, all on names only (no countries, so that a country cannot stand in for a name):

* **chipwatch** — ``graph.resolve.batch.score_pairs``; a pair is a match when the decision
  at ``DEFAULT_THRESHOLDS`` is ``match``. Nothing is tuned on the test split.
* **WRatio** — rapidfuzz ``WRatio`` on case-folded, punctuation-free names.
* **logic-v2** — nomenklatura's ``LogicV2`` matcher on FollowTheMoney entities
  (Company / Person / Vessel with the ``name`` property).

The per-kind calibration in ``graph.resolve.features`` and the person-alignment costs in
``graph.resolve.align`` were fitted on ``--split dev`` only. Two tables are printed: first the
*name-variant* pairs (every negative, and the positives whose ``relation`` is ``variant``:
the names share an informative word — see ``eval_pairs/build_pairs.py`` for the rule), the
headline for name scoring; then *all pairs*, including the positives that are aliases sharing
no informative word (acronyms, translations, former vessel names, nicknames such as "Mullah
Radio"), which no name matcher can be expected to find from spelling. Labels and relations
come from the pairs file and are the same for every method.

Both baselines get the threshold that maximises their F1 on the *dev* split, per kind — a
generous setting for them. Scores of logic-v2 are cached in ``eval_pairs/logic_v2_cache.csv``
(it is slow); delete the file to recompute.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve import DEFAULT_THRESHOLDS, PreparedRecords, Record, prepare, score_pairs  # noqa: E402
from graph.resolve.names import fold  # noqa: E402

PAIRS = ROOT / "benchmarks" / "eval_pairs" / "pairs.csv"
LOGIC_CACHE = ROOT / "benchmarks" / "eval_pairs" / "logic_v2_cache.csv"
DETECTED = ROOT / "benchmarks" / "eval_pairs" / "detected_kinds.csv"
KINDS = ("company", "person", "vessel")
MIXED = "mixed"  # --detected-kinds: a pair whose two entries are read as different kinds
FTM_SCHEMA = {"company": "Company", "person": "Person", "vessel": "Vessel"}


def load_pairs() -> pd.DataFrame:
    if not PAIRS.exists():
        from benchmarks.eval_pairs.build_pairs import build  # type: ignore[import-not-found]

        build(PAIRS)
    return pd.read_csv(PAIRS, dtype={"name_a": str, "name_b": str}, keep_default_na=False)


def detected_kinds(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the kinds the ingest now gives CSL rows without a published type
    (``eval_pairs/detected_kinds.py``): ``kind_a`` / ``kind_b`` per side, ``kind`` the pair's
    (``mixed`` when the two differ), ``kind_listed`` the kind of ``pairs.csv``."""
    side = pd.read_csv(DETECTED, keep_default_na=False).set_index("pair_id")
    out = df.assign(kind_listed=df.kind, kind_a=df.kind, kind_b=df.kind)
    hit = out.pair_id.isin(side.index)
    out.loc[hit, "kind_a"] = side.kind_a.reindex(out.pair_id[hit]).to_numpy()
    out.loc[hit, "kind_b"] = side.kind_b.reindex(out.pair_id[hit]).to_numpy()
    out["kind"] = out.kind_a.where(out.kind_a == out.kind_b, MIXED)
    return out


def sides(df: pd.DataFrame) -> tuple[PreparedRecords, PreparedRecords, np.ndarray]:
    """The pairs as the scorer reads them: one record per name (kind, name only), row i of
    ``pairs`` pairing left record i with right record i."""
    kind_a = df.kind_a if "kind_a" in df else df.kind
    kind_b = df.kind_b if "kind_b" in df else df.kind
    left = prepare([Record(f"a{i}", k, (n,)) for i, (k, n) in enumerate(zip(kind_a, df.name_a, strict=True))])
    right = prepare(
        [Record(f"b{i}", k, (n,)) for i, (k, n) in enumerate(zip(kind_b, df.name_b, strict=True))]
    )
    idx = np.arange(len(df), dtype=np.int64)
    return left, right, np.column_stack([idx, idx])


def ours(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, float]:
    """(scores, is_match, µs per pair) — prepare + score, timed together."""
    t0 = time.perf_counter()
    scored = score_pairs(*sides(df))
    elapsed = time.perf_counter() - t0
    return scored.score, scored.score >= DEFAULT_THRESHOLDS.match, elapsed / max(1, len(df)) * 1e6


def wratio(df: pd.DataFrame) -> tuple[np.ndarray, float]:
    t0 = time.perf_counter()
    a = [fold(x) for x in df.name_a]
    b = [fold(x) for x in df.name_b]
    scores = process.cpdist(a, b, scorer=fuzz.WRatio, workers=-1, dtype=np.float32) / 100.0
    return np.asarray(scores, dtype=np.float64), (time.perf_counter() - t0) / max(1, len(df)) * 1e6


def logic_v2(df: pd.DataFrame) -> tuple[np.ndarray, float]:
    """Scores from cache where present; the rest computed (and µs/pair measured on them)."""
    cache: dict[tuple[str, str, str], float] = {}
    timing = float("nan")
    if LOGIC_CACHE.exists():
        c = pd.read_csv(LOGIC_CACHE, dtype={"name_a": str, "name_b": str}, keep_default_na=False)
        cache = {(k, a, b): float(s) for k, a, b, s in zip(c.kind, c.name_a, c.name_b, c.score, strict=True)}
        if "us_per_pair" in c.columns and len(c):
            timing = float(c.us_per_pair.iloc[0])
    # a mixed pair (--detected-kinds) is scored as its first entry's kind
    kinds = df.kind_a if "kind_a" in df else df.kind
    keys = list(zip(kinds, df.name_a, df.name_b, strict=True))
    todo = df[[k not in cache for k in keys]]
    if len(todo):
        from followthemoney import model
        from nomenklatura.matching import LogicV2

        config = LogicV2.default_config()

        def entity(kind: str, name: str, eid: str):  # type: ignore[no-untyped-def]
            e = model.make_entity(FTM_SCHEMA[kind])
            e.id = eid  # unique ids: the matcher caches per entity id
            e.add("name", name)
            return e

        warm = entity("company", "warm up", "warm-a"), entity("company", "warm up co", "warm-b")
        LogicV2.compare(warm[0], warm[1], config)
        t0 = time.perf_counter()
        done = 0
        for kind, row in zip(kinds[todo.index], todo.itertuples(), strict=True):
            res = LogicV2.compare(
                entity(kind, row.name_a, f"a{row.pair_id}"),
                entity(kind, row.name_b, f"b{row.pair_id}"),
                config,
            )
            cache[(kind, row.name_a, row.name_b)] = float(res.score)
            done += 1
            if done % 2000 == 0:
                print(f"  logic-v2: {done}/{len(todo)} pairs", file=sys.stderr)
        timing = (time.perf_counter() - t0) / done * 1e6
        with LOGIC_CACHE.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["kind", "name_a", "name_b", "score", "us_per_pair"])
            for (kind, a, b), score in sorted(cache.items()):
                w.writerow([kind, a, b, f"{score:.6f}", f"{timing:.1f}"])
    return np.array([cache[k] for k in keys], dtype=np.float64), timing


def prf(label: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(pred & (label == 1)))
    fp = float(np.sum(pred & (label == 0)))
    fn = float(np.sum(~pred & (label == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_threshold(scores: np.ndarray, label: np.ndarray) -> float:
    grid = np.round(np.arange(0.30, 1.0001, 0.01), 2)
    f1s = [prf(label, scores >= t)[2] for t in grid]
    return float(grid[int(np.argmax(f1s))])


def report(
    title: str, rep: pd.DataFrame, dev: pd.DataFrame, us_ours: float, us_wratio: float, us_logic: float | None
) -> None:
    print(f"\n{title}: pairs={len(rep)}")
    print(f"{'kind':<8} {'method':<10} {'thr':>5} {'n':>6} {'P':>6} {'R':>6} {'F1':>6} {'µs/pair':>8}")
    mixed = rep[rep.kind == MIXED]
    if len(mixed):
        # pairs of a person and an organisation (all negatives): P/R/F1 mean nothing, false matches do
        true, matched = int(mixed.label.sum()), int(mixed.ours_match.sum())
        print(f"{MIXED:<8} {len(mixed)} pairs of two kinds, {true} true; chipwatch matches {matched}")
    for kind in KINDS:
        sub, dsub = rep[rep.kind == kind], dev[dev.kind == kind]
        label = sub.label.to_numpy()
        p, r, f = prf(label, sub.ours_match.to_numpy())
        print(
            f"{kind:<8} {'chipwatch':<10} {DEFAULT_THRESHOLDS.match:>5.2f} {len(sub):>6} "
            f"{p:>6.3f} {r:>6.3f} {f:>6.3f} {us_ours:>8.1f}"
        )
        methods = [("wratio", "WRatio", us_wratio)]
        if us_logic is not None:
            methods.append(("logic", "logic-v2", us_logic))
        for col, name, us in methods:
            thr = best_threshold(dsub[col].to_numpy(), dsub.label.to_numpy())
            p, r, f = prf(label, sub[col].to_numpy() >= thr)
            print(f"{'':<8} {name:<10} {thr:>5.2f} {len(sub):>6} {p:>6.3f} {r:>6.3f} {f:>6.3f} {us:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--by-source", action="store_true", help="recall / false-positive rate per source")
    parser.add_argument(
        "--variants-only", action="store_true", help="print only the name-variant table (skip all pairs)"
    )
    parser.add_argument("--no-logic", action="store_true", help="skip the logic-v2 baseline")
    parser.add_argument(
        "--calibration", action="store_true", help="share of true pairs per score band and kind"
    )
    parser.add_argument("--errors", type=int, default=0, help="print N worst errors of chipwatch per kind")
    parser.add_argument(
        "--detected-kinds",
        action="store_true",
        help="pairs of CSL rows without a published type by the kind the ingest reads from the name "
        "(eval_pairs/detected_kinds.csv) instead of pairs.csv's company",
    )
    args = parser.parse_args()

    df = load_pairs()
    if args.detected_kinds:
        df = detected_kinds(df)
        moved = df[df.kind != df.kind_listed]
        print(f"detected kinds: {len(moved)} pairs change kind ({moved.groupby('kind').size().to_dict()})")
    score, is_match, us_ours = ours(df)
    df["ours"] = score
    df["ours_match"] = is_match
    df["wratio"], us_wratio = wratio(df)
    us_logic = float("nan")
    if not args.no_logic:
        df["logic"], us_logic = logic_v2(df)
    df["variant"] = df.relation != "alias"
    dev_all = df[df.split == "dev"]
    rep_all = df[df.split == args.split]
    print(
        f"split={args.split}  chipwatch thresholds match={DEFAULT_THRESHOLDS.match} "
        f"possible={DEFAULT_THRESHOLDS.possible}; baselines at their best dev threshold per kind"
    )
    tables = [("name-variant positives + all negatives", True)]
    if not args.variants_only:
        tables.append(("all pairs (incl. aliases sharing no informative word)", False))
    for title, variants in tables:
        dev = dev_all[(dev_all.label == 0) | dev_all.variant] if variants else dev_all
        rep = rep_all[(rep_all.label == 0) | rep_all.variant] if variants else rep_all
        report(title, rep, dev, us_ours, us_wratio, None if args.no_logic else us_logic)
    rep = rep_all[(rep_all.label == 0) | rep_all.variant] if args.variants_only else rep_all
    aliases = rep_all[rep_all.relation == "alias"]
    print(
        "\nrecall on aliases sharing no informative word (not name variants; "
        "baselines at their all-pairs dev threshold):"
    )
    for kind in KINDS:
        sub = aliases[aliases.kind == kind]
        if len(sub):
            line = f"  {kind:<8} n={len(sub):>5}  chipwatch {sub.ours_match.mean():.3f}"
            dsub = dev_all[dev_all.kind == kind]
            for col, name in [("wratio", "WRatio")] + ([] if args.no_logic else [("logic", "logic-v2")]):
                thr = best_threshold(dsub[col].to_numpy(), dsub.label.to_numpy())
                line += f"  {name} {np.mean(sub[col].to_numpy() >= thr):.3f}"
            print(line)
    if args.calibration:
        # A calibrated score means the same whatever the kind: the share of true pairs in a
        # score band should be alike across kinds (on this set's mix of positives and negatives).
        bands = [0.0, 0.2, 0.5, 0.8, 0.9, 0.97, 1.0001]
        print("\ncalibration (all pairs): share of true pairs per score band [n]")
        print(
            f"{'kind':<8} "
            + " ".join(f"{lo:.2f}-{min(hi, 1):.2f}".rjust(16) for lo, hi in itertools.pairwise(bands))
        )
        for kind in KINDS:
            sub = rep_all[rep_all.kind == kind]
            cells = []
            for lo, hi in itertools.pairwise(bands):
                band = sub[(sub.ours >= lo) & (sub.ours < hi)]
                cells.append(
                    f"{band.label.mean() if len(band) else float('nan'):.2f} [{len(band):>5}]".rjust(16)
                )
            print(f"{kind:<8} " + " ".join(cells))
    if args.by_source:
        print("\nper source (chipwatch): positives → recall, negatives → false-positive rate")
        for (kind, source, label), g in rep.groupby(["kind", "source", "label"]):
            rate = g.ours_match.mean()
            what = "recall" if label == 1 else "FP rate"
            others = f"wratio@0.9 {np.mean(g.wratio >= 0.9):.3f}"
            if not args.no_logic:
                others += f"  logic@0.7 {np.mean(g.logic >= 0.7):.3f}"
            print(f"  {kind:<8} {source:<20} n={len(g):>5}  {what} {rate:.3f}   ({others})")
    if args.errors:
        for kind in KINDS:
            sub = rep[rep.kind == kind]
            fn = sub[(sub.label == 1) & ~sub.ours_match].sort_values("ours").head(args.errors)
            fp = sub[(sub.label == 0) & sub.ours_match].sort_values("ours", ascending=False).head(args.errors)
            print(f"\n{kind}: false negatives")
            for row in fn.itertuples():
                print(f"  {row.ours:.3f}  {row.name_a!r} | {row.name_b!r}  [{row.source}]")
            print(f"{kind}: false positives")
            for row in fp.itertuples():
                print(f"  {row.ours:.3f}  {row.name_a!r} | {row.name_b!r}  [{row.source}]")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
