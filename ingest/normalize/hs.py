"""HS codes: digits only, the HS-6 prefix, and the CHPL tier from ``data/reference/chpl.csv``.

Clerks write ``8542.31.0001``, ``8542 31``, ``854231``; all become digits. A code with fewer
than six digits, or whose chapter does not exist, is *unknown*: the row is kept and flagged
in provenance (customs data is messy; dropping rows would hide shipments).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

CHPL_PATH = Path(__file__).resolve().parents[2] / "data" / "reference" / "chpl.csv"


@lru_cache(maxsize=4)
def load_chpl(path: Path = CHPL_PATH) -> pd.DataFrame:
    """The CHPL table: hs6 (str), tier (str: 1, 2, 3A, 3B, 4A, 4B), description."""
    return pd.read_csv(path, dtype=str)


def chpl_tiers(path: Path = CHPL_PATH) -> dict[str, str]:
    frame = load_chpl(path)
    return dict(zip(frame["hs6"], frame["tier"], strict=True))


@dataclass(frozen=True)
class HsColumns:
    hs_code: pd.Series  # digits, or None
    hs6: pd.Series  # first six digits, or None
    chpl_tier: pd.Series  # CHPL tier, or None
    unknown: pd.Series  # bool: given but not a usable HS code


def _valid(digits: str) -> bool:
    # HS chapters run 01..97 (77 is reserved); anything else is a typo or a placeholder.
    return len(digits) >= 6 and len(digits) <= 14 and 1 <= int(digits[:2]) <= 97 and digits[:2] != "77"


def normalise_hs(values: pd.Series) -> HsColumns:
    """Digits-only HS codes with the HS-6 prefix and CHPL tier.

    Worked out once per distinct value and spread to the rows by factorised codes (a million
    shipments hold a few hundred distinct codes).
    """
    tiers = chpl_tiers()
    codes, uniques = pd.factorize(values.astype(object).where(values.notna(), None))
    digit_list: list[str | None] = []
    given_list: list[bool] = []
    for value in uniques.tolist():
        text = str(value)
        digits = "".join(ch for ch in text if ch.isdigit())
        digit_list.append(digits if digits and _valid(digits) else None)
        given_list.append(text.strip() != "")
    hs6_list = [d[:6] if d else None for d in digit_list]
    tier_list = [tiers.get(h) if h else None for h in hs6_list]

    def spread(per_value: Sequence[object], missing: object) -> np.ndarray:
        table = np.array([*per_value, missing], dtype="object")
        return table[np.where(codes < 0, len(per_value), codes)]

    index = values.index
    hs_code = pd.Series(spread(digit_list, None), index=index, dtype="object")
    given = pd.Series(spread(given_list, False).astype(bool), index=index)
    return HsColumns(
        hs_code=hs_code,
        hs6=pd.Series(spread(hs6_list, None), index=index, dtype="object"),
        chpl_tier=pd.Series(spread(tier_list, None), index=index, dtype="object"),
        unknown=given & hs_code.isna(),
    )
