"""benchmarks/fit_weights.py: its linear design is the product's scorer, and its fit keeps signs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from benchmarks.fit_weights import bounds, current_theta, design, fit_logloss, pair_columns
from graph.resolve.features import WEIGHTS, contributions

PAIRS = [
    ("company", "Huaxin Electronics Co Ltd", "HUAXIN ELECTRONICS COMPANY LIMITED", 1),
    ("company", "Gazprom Transgaz Samara LLC", "GAZPROM TRANSGAZ SURGUT LLC", 0),
    ("company", "Optima Trading FZE", "OPTIMA TRADING LLC", 0),
    ("company", "Rosoboronexport JSC", "AO ROSOBORONEKSPORT", 1),
    ("company", "Alpha Omega II Corp", "ALPHA OMEGA III CORP", 0),
    ("person", "Oleg Leonidovich Usachev", "USACHEV, Oleg", 1),
    ("person", "Goran Radic", "Goran Tadic", 0),
    ("person", "Kim Kyong Hak", "Kim Kyong Hyok", 0),
    ("vessel", "Ocean Star", "OCEAN STAR I", 0),
    ("vessel", "Sea Breeze", "SEA BREEZE", 1),
]


def frame() -> pd.DataFrame:
    df = pd.DataFrame(PAIRS, columns=["kind", "name_a", "name_b", "label"])
    return df.assign(group=[f"g{i // 2}" for i in range(len(df))])


def test_design_reproduces_the_product_log_odds() -> None:
    df = frame()
    f = pair_columns(df)
    d = design(df, f)
    z = d.x @ current_theta(d.names)
    assert np.allclose(z, contributions(f).total(), atol=1e-5)
    # The rules the pairs exercise are columns of their own (fitted), the others are left out.
    assert {"legal_family", "unpaired_words", "number_conflict", "slope:person", "bias:vessel"} <= set(
        d.names
    )
    assert "identifier_agree" not in d.names  # no identifiers in name-only pairs


def test_fit_keeps_every_weight_sign() -> None:
    df = frame()
    d = design(df, pair_columns(df))
    theta = fit_logloss(d, np.arange(len(df)))
    for name, value, (lo, hi) in zip(d.names, theta, bounds(d.names, current_theta(d.names)), strict=True):
        assert (lo is None or value >= lo - 1e-9) and (hi is None or value <= hi + 1e-9), name
        if ":" not in name and WEIGHTS[name] < 0:
            assert value <= 0, f"{name}: a conflict never becomes evidence for a match"
