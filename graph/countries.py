"""Country nodes: one per ISO 3166 alpha-2 code, named as pycountry names it.

Lists and the company & trade tables both write Country nodes they share (``country:{code}``),
so both build the rows here: the same code gives the same name whichever graph wrote it last.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pycountry

from graph.ids import country_id


def country_name(code: str) -> str:
    """The ISO short name of ``code`` (``"HK"`` → ``"Hong Kong"``); an unknown code stays as it is."""
    hit = pycountry.countries.get(alpha_2=code)
    return str(hit.name) if hit else code


def country_nodes(codes: Iterable[str]) -> pd.DataFrame:
    """Country node rows (``id``, ``code``, ``name``), one per distinct code, sorted by id."""
    ordered = sorted(set(codes))
    # object dtype even when no row names a country (an empty list would make a float column)
    return pd.DataFrame(
        {
            "id": pd.Series([country_id(c) for c in ordered], dtype=object),
            "code": pd.Series(ordered, dtype=object),
            "name": pd.Series([country_name(c) for c in ordered], dtype=object),
        }
    )
