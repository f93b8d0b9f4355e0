"""Trade-party ids for whole columns: ``party:{sha1(name|normalised address|country)}``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from graph.addresses import normalise_address
from graph.ids import party_id

_SEP = "\x1f"


def party_ids(name: pd.Series, address: pd.Series, country_iso2: pd.Series) -> pd.Series:
    """One id per row (None when the name is empty), computed once per distinct triple.

    The triple is factorised in C first; Python hashing then runs over distinct parties only
    (a million bills of lading name a few tens of thousands of parties).
    """
    parts = [s.astype(object).where(s.notna(), "").astype(str) for s in (name, address, country_iso2)]
    codes, uniques = pd.factorize(parts[0] + _SEP + parts[1] + _SEP + parts[2])
    ids = np.empty(len(uniques) + 1, dtype=object)
    ids[-1] = None
    for i, key in enumerate(uniques):
        n, a, c = str(key).split(_SEP)
        ids[i] = party_id(n, normalise_address(a or None, c or None), c or None) if n.strip() else None
    return pd.Series(ids[codes], index=name.index, dtype=object)
