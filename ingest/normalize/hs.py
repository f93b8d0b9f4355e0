"""HS codes: digits only, the HS-6 prefix, and the CHPL tier from ``data/reference/chpl.csv``.

Clerks write ``8542.31.0001``, ``8542 31``, ``854231``; all become digits. A code with fewer
than six digits, or whose chapter does not exist, is *unknown*: the row is kept and flagged
in provenance (customs data is messy; dropping rows would hide shipments).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
    """Digits-only HS codes with the HS-6 prefix and CHPL tier (computed per distinct value)."""
    tiers = chpl_tiers()
    raw = values.astype(object).where(values.notna(), None)
    distinct = pd.unique(raw.dropna())
    digits_map: dict[object, str | None] = {}
    for value in distinct:
        digits = "".join(ch for ch in str(value) if ch.isdigit())
        digits_map[value] = digits if digits and _valid(digits) else None
    hs_code = raw.map(digits_map).astype(object)
    hs_code = hs_code.where(hs_code.notna(), None)
    hs6 = hs_code.str.slice(0, 6).astype(object)
    hs6 = hs6.where(hs6.notna(), None)
    tier = hs6.map(tiers).astype(object)
    tier = tier.where(tier.notna(), None)
    given = raw.notna() & (raw.astype(str).str.strip() != "")
    return HsColumns(hs_code=hs_code, hs6=hs6, chpl_tier=tier, unknown=given & hs_code.isna())
