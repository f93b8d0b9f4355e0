"""Check that a speed-up of the batch scorer changed no number: every score, decision and feature
column of ``score_pairs`` equal (``np.array_equal``) between this tree and a base revision.

    .venv/bin/python benchmarks/score_equality.py [--base REV] [--pairs 1000000] [--near 300000]

The base revision (default: where this branch left main, ``git merge-base HEAD main``, so that
rules merged into main since do not count as differences) is exported with ``git archive`` into
a temporary directory and both trees are scored in their own process (the same module names) by
this script's ``--dump`` mode. Pair sets:

* ``eval`` — every row of benchmarks/eval_pairs/pairs.csv (all kinds, with countries);
* ``throughput`` — the random company pairs of benchmarks/score_throughput.py (same seed);
* ``near`` — names of one kind that share their first word (pairs near the thresholds, where the
  rules run), records of one name and records of every name of an eval group (aliases).

Exits 1 and names the first differing column when anything differs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PAIRS_CSV = ROOT / "benchmarks" / "eval_pairs" / "pairs.csv"


def _first_word(name: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in name.upper()).split()
    return words[0] if words else ""


def _near(df: pd.DataFrame, limit: int, rng: np.random.Generator) -> pd.DataFrame:
    """Pairs of (left, right) rows of one kind whose names share their first word."""
    left = pd.DataFrame({"i": range(len(df)), "kind": df.kind.to_numpy(), "key": df.name_a.map(_first_word)})
    right = pd.DataFrame({"j": range(len(df)), "kind": df.kind.to_numpy(), "key": df.name_b.map(_first_word)})
    out = left.merge(right, on=["kind", "key"])
    out = out[out.key != ""]
    if len(out) > limit:
        out = out.iloc[np.sort(rng.choice(len(out), limit, replace=False))]
    return out


def dump(out: Path, n_pairs: int, n_near: int) -> None:
    """Score every pair set with the ``graph`` package on ``sys.path`` and save the columns."""
    sys.path.insert(0, str(Path.cwd()))
    from graph.resolve import Record, prepare, score_pairs  # the tree under test

    df = pd.read_csv(PAIRS_CSV, dtype=str, keep_default_na=False)
    arrays: dict[str, np.ndarray] = {}

    def score(tag: str, left: list[Record], right: list[Record], pairs: np.ndarray) -> None:
        scored = score_pairs(prepare(left), prepare(right), pairs, chunk_size=200_000)
        arrays[f"{tag}/score"] = scored.score
        arrays[f"{tag}/decision"] = scored.decision
        for name in scored.chunks[0][1].__dataclass_fields__ if scored.chunks else ():
            cols = [np.asarray(getattr(f, name)) for _, f, _ in scored.chunks]
            col = np.concatenate(cols)
            arrays[f"{tag}/{name}"] = col.astype(str) if col.dtype == object else col

    # eval: every labelled pair, with its countries.
    left = [
        Record(f"a{i}", k, (n,), c or None)
        for i, (k, n, c) in enumerate(zip(df.kind, df.name_a, df.country_a, strict=True))
    ]
    right = [
        Record(f"b{i}", k, (n,), c or None)
        for i, (k, n, c) in enumerate(zip(df.kind, df.name_b, df.country_b, strict=True))
    ]
    score("eval", left, right, np.column_stack([np.arange(len(df)), np.arange(len(df))]))
    # near: one-name records sharing a first word, and alias groups sharing a first word.
    rng = np.random.default_rng(1)
    near = _near(df, n_near, rng)
    score("near", left, right, near[["i", "j"]].to_numpy())
    groups = df.groupby("group", sort=True)
    names = groups.apply(lambda g: tuple(dict.fromkeys([*g.name_a, *g.name_b]))[:30], include_groups=False)
    kinds = groups.kind.first()
    grec = [Record(f"g{i}", kinds[g], names[g]) for i, g in enumerate(names.index)]
    gdf = pd.DataFrame(
        {"kind": kinds.to_numpy(), "name_a": [n[0] for n in names], "name_b": [n[-1] for n in names]}
    )
    gnear = _near(gdf, n_near // 3, rng)
    score("groups", grec, grec, gnear[["i", "j"]].to_numpy())
    # throughput: exactly the pairs of benchmarks/score_throughput.py.
    co = df[df.kind == "company"]
    left = [Record(f"a{i}", "company", (n,)) for i, n in enumerate(co.name_a)]
    right = [Record(f"b{i}", "company", (n,)) for i, n in enumerate(co.name_b)]
    rng = np.random.default_rng(0)
    pairs = np.column_stack([rng.integers(0, len(left), n_pairs), rng.integers(0, len(right), n_pairs)])
    score("throughput", left, right, pairs)
    np.savez_compressed(out, **arrays)


def compare(base: Path, mine: Path) -> list[str]:
    """The keys whose arrays differ (or exist on one side only), with a count of rows."""
    a, b = np.load(base), np.load(mine)
    problems = [f"{k}: only in the base" for k in sorted(set(a.files) - set(b.files))]
    problems += [f"{k}: only in this tree" for k in sorted(set(b.files) - set(a.files))]
    for key in sorted(set(a.files) & set(b.files)):
        x, y = a[key], b[key]
        if not np.array_equal(x, y):
            rows = int(np.sum(x != y)) if x.shape == y.shape else -1
            problems.append(f"{key}: {rows} rows differ")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", help="git revision to compare with (default: merge-base of HEAD and main)")
    ap.add_argument("--pairs", type=int, default=1_000_000)
    ap.add_argument("--near", type=int, default=300_000)
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.dump:
        dump(args.dump, args.pairs, args.near)
        return
    if args.base is None:
        merge_base = subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], check=True, capture_output=True, text=True
        )
        args.base = merge_base.stdout.strip()
    with tempfile.TemporaryDirectory(prefix="score-equality-") as tmp:
        base_tree = Path(tmp) / "base"
        base_tree.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.base], check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", str(base_tree)], input=archive.stdout, check=True)
        outs = []
        for tree, tag in ((base_tree, "base"), (ROOT, "this")):
            out = Path(tmp) / f"{tag}.npz"
            cmd = [sys.executable, str(Path(__file__).resolve()), "--dump", str(out)]
            cmd += ["--pairs", str(args.pairs), "--near", str(args.near)]
            subprocess.run(cmd, cwd=tree, check=True, env={**os.environ, "PYTHONPATH": str(tree)})
            outs.append(out)
        problems = compare(*outs)
        data = np.load(outs[1])
        sizes = {k.split("/")[0]: len(data[k]) for k in data.files if k.endswith("/score")}
    print(f"pairs compared with {args.base}: {sizes}")
    if problems:
        print("DIFFERENT:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("identical: every score, decision and feature column (np.array_equal)")


if __name__ == "__main__":
    main()
