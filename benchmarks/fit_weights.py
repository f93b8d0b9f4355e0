"""Fit the scorer's log-odds weights on the dev split and estimate the gain out of sample.

    .venv/bin/python benchmarks/fit_weights.py                 # CV table: current vs fitted
    .venv/bin/python benchmarks/fit_weights.py --folds 5 --grid subset=0.90,0.94,0.98

The pairs are those of ``benchmarks/resolution_eval.py`` on ``--split dev`` only (name-variant
positives + all negatives; the test split is never read). Their feature columns are computed
once by the product's own code (``pair_features``); the log-odds of a pair is linear in the
weights for fixed features, so each weight's column is read off ``contributions`` with that
weight set to 1 and every other to 0 — the same code that scores in production, no copy of it.
The name term ``slope * (name_sim - centre)`` is ``a * name_sim + b`` per kind (``a = slope``,
``b = -slope * centre``).

Fits (scipy L-BFGS-B on the mean log-loss, a small ridge pulling every weight back to its
hand-set value, signs bounded: a conflict never becomes evidence for a match, an agreement
never against):

* ``all`` — every weight the dev pairs exercise, and slope / centre per kind;
* ``few`` — legal_family, sibling_words, unpaired_words and the company slope / centre only;
* ``f1`` — the same few numbers chosen on a grid for the best F1 at the match threshold
  (coordinate search), the decision the product makes, rather than the log-loss.

A log-loss fit calibrates probabilities on the dev mix of positives and negatives; the product
decides at ``DEFAULT_THRESHOLDS.match``, so the fitted intercepts are then shifted per kind (the
centre, never a per-kind threshold) to the best F1 at that one threshold on the training folds.

Cross-validation is grouped k-fold inside dev (group = the pairs file's ``group`` column: the
aliases of one list entry never sit on both sides of a fold); F1 at the match threshold per
kind, current weights vs fitted, mean and spread over folds, and the paired per-fold gain.
A similarity constant (``SUBSET_DISCOUNT`` …) changes the features themselves: ``--grid``
recomputes them per value and reports the CV of the current and fitted weights for each.
``--ceiling`` adds gradient-boosted trees on the same columns: a bound on what any re-weighting
(indeed any function of these features) could gain.

Result at 871ae86 (5 folds, 11,012 dev pairs; mean F1 ± spread over folds, gain paired per fold):
no fit beats the hand-set numbers by more than the fold spread, for any kind — company current
0.9158 ± 0.0125, ``all`` −0.0001 ± 0.0004, ``few`` −0.0010 ± 0.0007, ``f1`` +0.0000, ``f1-all``
−0.0003 ± 0.0005; the trees reach 0.9153 (company) and 0.9112 (person), no better. SUBSET_DISCOUNT
0.90 … 0.98, PHONETIC_DISCOUNT 0.85 / 0.95, ROMAN_DISCOUNT / TRANSLATION_SIM 0.90 / 0.98 and
SLIP_SIM 0.80 / 0.90 move company F1 by at most ±0.003, none clearly up. So the numbers were
kept: the misses score low because their features say so (median name similarity of a missed
company pair 0.64), and closing the gap needs new evidence, not new weights. The log-loss fit
does say the scores are over-confident on this mix (calibrated company slope ≈ 12, not 18), but
moving the slope costs F1 at the one match threshold and moves pairs across the review band.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import resource
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.resolution_eval import KINDS, load_pairs, sides  # noqa: E402
from graph.resolve import DEFAULT_THRESHOLDS, acronym_parts, features  # noqa: E402
from graph.resolve.features import KindParams, contributions, pair_features  # noqa: E402

#: Weights whose meaning fixes their sign; a zero hand-set weight is an agreement (>= 0).
MAX_ABS = 12.0
#: Ridge strength (per parameter, on the mean log-loss) towards the hand-set value.
RIDGE = 1e-4
#: The few numbers of the ``few`` / ``f1`` fits.
FEW = ("legal_family", "sibling_words", "unpaired_words", "slope:company", "bias:company")
#: The grid of the ``f1`` coordinate search, per parameter (weights, slope, centre).
F1_GRID = {
    "legal_family": [-8.0, -6.0, -5.0, -4.0, -3.0, -2.0],
    "sibling_words": [-5.0, -4.0, -3.0, -2.0, -1.0],
    "unpaired_words": [-5.0, -4.0, -3.0, -2.0, -1.0],
    "slope:company": [12.0, 14.0, 16.0, 18.0, 20.0, 22.0, 25.0],
    "centre:company": [0.66, 0.68, 0.70, 0.72, 0.74, 0.76],
    "slope:person": [10.0, 12.0, 15.0, 18.0, 22.0],
    "centre:person": [0.58, 0.60, 0.62, 0.64, 0.66, 0.68],
    "slope:vessel": [10.0, 12.0, 15.0, 18.0, 22.0],
    "centre:vessel": [0.66, 0.68, 0.70, 0.72, 0.74, 0.76],
}
#: Similarity constants ``--grid`` may set (features.py, and acronym_parts.PART_SIM, which is
#: the subset credit of a part acronym and follows SUBSET_DISCOUNT).
CONSTANTS = {
    "subset": [(features, "SUBSET_DISCOUNT"), (acronym_parts, "PART_SIM")],
    "phonetic": [(features, "PHONETIC_DISCOUNT")],
    "roman": [(features, "ROMAN_DISCOUNT")],
    "translation": [(features, "TRANSLATION_SIM")],
    "slip": [(features, "SLIP_SIM")],
}
THRESHOLD_LOGIT = math.log(DEFAULT_THRESHOLDS.match / (1.0 - DEFAULT_THRESHOLDS.match))


@dataclass
class Design:
    """Dev pairs as a linear model: ``logit = X @ theta`` (theta: see :func:`current_theta`)."""

    x: np.ndarray  # float64 (pairs, params)
    names: list[str]  # parameter names: weight keys, "slope:KIND", "bias:KIND"
    label: np.ndarray  # int (pairs,)
    kind: np.ndarray  # object (pairs,)
    group: np.ndarray  # object (pairs,)


def dev_pairs() -> pd.DataFrame:
    df = load_pairs()
    dev = df[(df.split == "dev") & ((df.label == 0) | (df.relation != "alias"))]
    return dev.reset_index(drop=True)


@contextlib.contextmanager
def patched(weights: dict[str, float], params: dict[str, KindParams]) -> Iterator[None]:
    """features.WEIGHTS / KIND_PARAMS replaced for the duration (read at call time)."""
    old_w, old_p = features.WEIGHTS, dict(features.KIND_PARAMS)
    features.WEIGHTS = weights  # type: ignore[assignment]  # a plain dict will do here
    features.KIND_PARAMS.clear()
    features.KIND_PARAMS.update(params)
    try:
        yield
    finally:
        features.WEIGHTS = old_w  # type: ignore[misc]
        features.KIND_PARAMS.clear()
        features.KIND_PARAMS.update(old_p)


@contextlib.contextmanager
def constants(values: dict[str, float]) -> Iterator[None]:
    """Similarity constants set for the duration (see CONSTANTS)."""
    old = [(mod, attr, getattr(mod, attr)) for key in values for mod, attr in CONSTANTS[key]]
    for key, value in values.items():
        for mod, attr in CONSTANTS[key]:
            setattr(mod, attr, value)
    try:
        yield
    finally:
        for mod, attr, value in old:
            setattr(mod, attr, value)


def pair_columns(df: pd.DataFrame) -> features.PairFeatures:
    return pair_features(*sides(df))


def design(df: pd.DataFrame, f: features.PairFeatures) -> Design:
    """One column per parameter, read off :func:`contributions` (unit weight, the rest zero)."""
    if f.weak.any():  # the weak-alias cap is not linear; the eval pairs carry no weak alias
        raise ValueError("weak aliases in the fitted pairs")
    zero_w = dict.fromkeys(features.WEIGHTS, 0.0)
    zero_p = {k: KindParams(0.0, 0.0) for k in features.KIND_PARAMS}
    cols: dict[str, np.ndarray] = {}
    for key in features.WEIGHTS:
        # Caps, not weights: the gendered_forms and syllable_sibling caps hold a pair's name at
        # review whatever the slope (those rows' columns read zero), so there is nothing linear to fit.
        if key in ("weak_alias_cap", "gendered_forms", "syllable_sibling"):
            continue
        with patched({**zero_w, key: 1.0}, zero_p):
            col = contributions(f).total()
        if np.any(col != 0):  # a weight the dev pairs never exercise is not fitted
            cols[key] = col
    for kind in KINDS:
        with patched(zero_w, {**zero_p, kind: KindParams(1.0, 0.0)}):
            sim = contributions(f).total()
        with patched(zero_w, {**zero_p, kind: KindParams(1.0, -1.0)}):
            one = contributions(f).total() - sim
        cols[f"slope:{kind}"], cols[f"bias:{kind}"] = sim, one
    return Design(
        x=np.column_stack(list(cols.values())),
        names=list(cols),
        label=df.label.to_numpy().astype(int),
        kind=df.kind.to_numpy(),
        group=df.group.to_numpy(),
    )


def current_theta(names: list[str]) -> np.ndarray:
    out = []
    for name in names:
        if ":" in name:
            what, kind = name.split(":")
            p = features.KIND_PARAMS[kind]
            out.append(p.slope if what == "slope" else -p.slope * p.centre)
        else:
            out.append(features.WEIGHTS[name])
    return np.array(out, dtype=np.float64)


def bounds(names: list[str], theta0: np.ndarray) -> list[tuple[float | None, float | None]]:
    out: list[tuple[float | None, float | None]] = []
    for name, value in zip(names, theta0, strict=True):
        if name.startswith("slope:"):
            out.append((1.0, 60.0))
        elif name.startswith("bias:"):
            out.append((None, None))
        elif value < 0:
            out.append((-MAX_ABS, 0.0))
        else:
            out.append((0.0, MAX_ABS))
    return out


def fit_logloss(d: Design, rows: np.ndarray, free: list[str] | None = None) -> np.ndarray:
    """Sign-bounded logistic regression on ``rows``; parameters not in ``free`` stay as they are."""
    theta0 = current_theta(d.names)
    free_idx = np.array([i for i, n in enumerate(d.names) if free is None or n in free])
    x, y = d.x[rows], d.label[rows].astype(np.float64)
    # The intercept-like columns of rarely seen kinds scale differently: standardise nothing (the
    # parameters are the product's own units), but start from the product's values.
    fixed = x @ theta0 - x[:, free_idx] @ theta0[free_idx]

    def loss(t: np.ndarray) -> tuple[float, np.ndarray]:
        z = fixed + x[:, free_idx] @ t
        # log(1 + e^z) - y z, stable
        ll = np.logaddexp(0.0, z) - y * z
        p = 1.0 / (1.0 + np.exp(-z))
        grad = x[:, free_idx].T @ (p - y) / len(y)
        diff = t - theta0[free_idx]
        return float(ll.mean() + RIDGE * np.sum(diff**2)), grad + 2 * RIDGE * diff

    b = [bounds(d.names, theta0)[i] for i in free_idx]
    res = minimize(loss, theta0[free_idx], jac=True, method="L-BFGS-B", bounds=b)
    theta = theta0.copy()
    theta[free_idx] = res.x
    return theta


def f1(label: np.ndarray, pred: np.ndarray) -> float:
    tp = float(np.sum(pred & (label == 1)))
    fp = float(np.sum(pred & (label == 0)))
    fn = float(np.sum(~pred & (label == 1)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def kind_f1(d: Design, rows: np.ndarray, theta: np.ndarray) -> dict[str, float]:
    match = d.x[rows] @ theta >= THRESHOLD_LOGIT
    return {k: f1(d.label[rows][d.kind[rows] == k], match[d.kind[rows] == k]) for k in KINDS}


def shift_centres(d: Design, rows: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """The per-kind intercept moved (a centre, the threshold stays one number) to the best F1 at
    the match threshold on ``rows``: a log-loss fit is calibrated, not F1-optimal."""
    theta = theta.copy()
    for kind in KINDS:
        j = d.names.index(f"bias:{kind}")
        sel = rows[d.kind[rows] == kind]
        z = d.x[sel] @ theta
        shifts = np.arange(-4.0, 4.01, 0.1)
        scores = [f1(d.label[sel], z + s >= THRESHOLD_LOGIT) for s in shifts]
        # The smallest move among the best (ties are common on a polarised score).
        best = max(scores)
        s = min((abs(s), s) for s, sc in zip(shifts, scores, strict=True) if sc >= best - 1e-12)[1]
        theta[j] += s
    return theta


#: Multiples of the hand-set value tried for every weight by the ``f1-all`` search.
F1_SCALES = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)


def all_weights_grid(d: Design) -> dict[str, list[float]]:
    """F1_GRID plus every other exercised weight at F1_SCALES times its hand-set value (signs kept)."""
    grid = dict(F1_GRID)
    for name, value in zip(d.names, current_theta(d.names), strict=True):
        if ":" not in name and name not in grid and value != 0:
            grid[name] = [value * s for s in F1_SCALES]
    return grid


def fit_f1(
    d: Design, rows: np.ndarray, rounds: int = 2, grid: dict[str, list[float]] | None = None
) -> np.ndarray:
    """Coordinate search over ``grid`` (F1_GRID) for the best mean F1 over kinds at the match threshold."""
    theta = current_theta(d.names)

    def set_param(t: np.ndarray, name: str, value: float) -> np.ndarray:
        t = t.copy()
        what, _, kind = name.partition(":")
        if kind:
            i_slope, i_bias = d.names.index(f"slope:{kind}"), d.names.index(f"bias:{kind}")
            slope, centre = t[i_slope], -t[i_bias] / t[i_slope]
            slope, centre = (value, centre) if what == "slope" else (slope, value)
            t[i_slope], t[i_bias] = slope, -slope * centre
        elif name in d.names:
            t[d.names.index(name)] = value
        return t

    def objective(t: np.ndarray) -> float:
        return float(np.mean(list(kind_f1(d, rows, t).values())))

    best = objective(theta)
    for _ in range(rounds):
        for name, values in (grid or F1_GRID).items():
            for value in values:
                t = set_param(theta, name, value)
                score = objective(t)
                if score > best + 1e-9:
                    best, theta = score, t
    return theta


def describe(d: Design, theta: np.ndarray) -> str:
    out = []
    base = current_theta(d.names)
    for kind in KINDS:
        a, b = theta[d.names.index(f"slope:{kind}")], theta[d.names.index(f"bias:{kind}")]
        p = features.KIND_PARAMS[kind]
        out.append(f"    {kind:<8} slope {p.slope:5.1f} -> {a:6.2f}   centre {p.centre:.3f} -> {-b / a:.3f}")
    for name, old, new in zip(d.names, base, theta, strict=True):
        if ":" not in name and abs(new - old) > 1e-6:
            out.append(f"    {name:<22} {old:+6.2f} -> {new:+6.2f}")
    return "\n".join(out)


def cross_validate(d: Design, folds: int) -> None:
    methods = {
        "current": lambda rows: current_theta(d.names),
        "all": lambda rows: shift_centres(d, rows, fit_logloss(d, rows)),
        "all-noshift": lambda rows: fit_logloss(d, rows),
        "few": lambda rows: shift_centres(d, rows, fit_logloss(d, rows, list(FEW))),
        "f1": lambda rows: fit_f1(d, rows),
        "f1-all": lambda rows: fit_f1(d, rows, grid=all_weights_grid(d)),
    }
    # scikit-learn is a bench extra; the design and the fits (tested in CI) need only scipy
    from sklearn.model_selection import GroupKFold

    scores: dict[str, list[dict[str, float]]] = {m: [] for m in methods}
    for train, test in GroupKFold(n_splits=folds).split(d.x, d.label, d.group):
        for name, fit in methods.items():
            scores[name].append(kind_f1(d, test, fit(train)))
    print(f"\ngrouped {folds}-fold CV inside dev: F1 at match threshold {DEFAULT_THRESHOLDS.match}")
    print(f"{'method':<12} " + " ".join(f"{k:>22}" for k in KINDS))
    for name in methods:
        cells = []
        for k in KINDS:
            v = np.array([s[k] for s in scores[name]])
            gain = v - np.array([s[k] for s in scores["current"]])
            extra = f" ({gain.mean():+.4f}±{gain.std():.4f})" if name != "current" else ""
            cells.append(f"{v.mean():.4f}±{v.std():.4f}{extra}".rjust(22 if not extra else 40))
        print(f"{name:<12} " + " ".join(cells))


def ceiling(d: Design, folds: int) -> None:
    """What ANY function of these feature columns could reach: gradient-boosted trees on the same
    columns (name similarity, kind, rule flags), decision threshold chosen on the training folds.
    Not a candidate for the product (no explanation per feature); a bound on what re-weighting can
    gain, so that a gap left is known to need new features, not new numbers."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold

    kind_code = np.array([KINDS.index(k) for k in d.kind])
    sim = np.zeros(len(d.label))
    for k in KINDS:
        sim += d.x[:, d.names.index(f"slope:{k}")]
    flags = np.column_stack([d.x[:, j] for j, n in enumerate(d.names) if ":" not in n])
    feats = np.column_stack([sim, kind_code, flags])
    out: dict[str, list[float]] = {k: [] for k in KINDS}
    for train, test in GroupKFold(n_splits=folds).split(feats, d.label, d.group):
        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)
        model.fit(feats[train], d.label[train])
        p_train, p_test = model.predict_proba(feats[train])[:, 1], model.predict_proba(feats[test])[:, 1]
        grid = np.arange(0.2, 0.96, 0.02)
        for k in KINDS:
            tr, te = train[d.kind[train] == k], test[d.kind[test] == k]
            mtr = d.kind[train] == k
            thr = grid[int(np.argmax([f1(d.label[tr], p_train[mtr] >= t) for t in grid]))]
            out[k].append(f1(d.label[te], p_test[d.kind[test] == k] >= thr))
    cells = " ".join(f"{np.mean(v):.4f}±{np.std(v):.4f}".rjust(22) for v in out.values())
    print(f"{'trees (bound)':<12} {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--grid", action="append", default=[], help="KEY=v1,v2,… similarity constant values (see CONSTANTS)"
    )
    parser.add_argument(
        "--ceiling", action="store_true", help="also gradient-boosted trees on the same columns (a bound)"
    )
    args = parser.parse_args()
    df = dev_pairs()
    settings: list[dict[str, float]] = [{}]
    for spec in args.grid:
        key, _, values = spec.partition("=")
        settings += [{key: float(v)} for v in values.split(",")]
    for setting in settings:
        with constants(setting):
            f = pair_columns(df)
        d = design(df, f)
        if not np.allclose(d.x @ current_theta(d.names), contributions(f).total(), atol=1e-5):
            raise AssertionError("the linear design does not reproduce the product's log-odds")
        label = ", ".join(f"{k}={v}" for k, v in setting.items()) or "current constants"
        print(f"\n=== {label}: {len(df)} dev pairs, parameters {len(d.names)}")
        all_rows = np.arange(len(df))
        print(f"  dev F1 current weights: {kind_f1(d, all_rows, current_theta(d.names))}")
        for name, theta in (
            ("all", shift_centres(d, all_rows, fit_logloss(d, all_rows))),
            ("few", shift_centres(d, all_rows, fit_logloss(d, all_rows, list(FEW)))),
            ("f1", fit_f1(d, all_rows)),
            ("f1-all", fit_f1(d, all_rows, grid=all_weights_grid(d))),
        ):
            print(f"  fitted on all dev ({name}): {kind_f1(d, all_rows, theta)}  (in sample)")
            print(describe(d, theta))
        cross_validate(d, args.folds)
        if args.ceiling:
            ceiling(d, args.folds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
