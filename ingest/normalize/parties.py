"""Trade-party ids for whole columns: ``party:{sha1(name|normalised address|country)}``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from graph.addresses import normalise_address
from graph.ids import party_id


def _codes(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Integer code per row and the distinct texts (absent = ``""``), factorised in C."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = [str(u) for u in uniques]
    if (codes < 0).any():
        codes = np.where(codes < 0, len(texts), codes)
        texts.append("")
    return codes.astype(np.int64), texts


def party_ids(name: pd.Series, address: pd.Series, country_iso2: pd.Series) -> pd.Series:
    """One id per row (None when the name is empty), computed once per distinct triple.

    Each column is factorised on its own and the three codes combined into one integer, so
    no million-row string is built; Python hashing then runs over distinct parties only (a
    million bills of lading name a few tens of thousands of parties).
    """
    (n_codes, names), (a_codes, addresses), (c_codes, countries) = (
        _codes(s) for s in (name, address, country_iso2)
    )
    combined = (n_codes * len(addresses) + a_codes) * len(countries) + c_codes
    codes, triples = pd.factorize(combined)
    ids = np.empty(len(triples) + 1, dtype=object)
    ids[-1] = None
    for i, key in enumerate(triples.tolist()):
        rest, c = divmod(key, len(countries))
        n, a = divmod(rest, len(addresses))
        text, addr, iso = names[n], addresses[a], countries[c]
        ids[i] = (
            party_id(text, normalise_address(addr or None, iso or None), iso or None)
            if text.strip()
            else None
        )
    return pd.Series(ids[codes] if len(codes) else [], index=name.index, dtype=object)
