"""Dates to ISO strings, money and quantities to numbers, shares to 0–100 — column at a time.

Each function returns the normalised column and a mask of rows whose non-empty value could
not be read, so the caller can name the first bad row and field in its error.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

#: Oldest date accepted anywhere (registries hold 19th-century companies; 1800 catches typos).
MIN_DATE = dt.date(1800, 1, 1)

_MONEY_JUNK = re.compile(r"[\s$€£¥,]|USD|EUR|US\$", re.IGNORECASE)


def _given(values: pd.Series) -> pd.Series:
    return values.notna() & (values.astype(str).str.strip() != "")


def parse_dates(values: pd.Series, *, dayfirst: bool = False) -> tuple[pd.Series, pd.Series]:
    """ISO ``YYYY-MM-DD`` strings (None when empty) and a mask of unreadable/impossible dates.

    ISO and ``YYYY-MM-DDTHH:MM…`` are read exactly; other layouts (``29/07/2020`` with
    ``dayfirst=True``) go through pandas per distinct value. ``2023-02-30`` is impossible, not
    "close enough".
    """
    raw = values.astype(object).where(_given(values), None)
    out: dict[object, str | None] = {}
    for value in pd.unique(raw.dropna()):
        text = str(value).strip()
        parsed: dt.date | None = None
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", text):
                parsed = dt.date.fromisoformat(text[:10])
            elif re.fullmatch(r"\d{8}", text):
                parsed = dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
            else:
                stamp = pd.to_datetime(text, dayfirst=dayfirst, errors="raise")
                parsed = stamp.date()
        except (ValueError, TypeError, OverflowError):
            parsed = None
        out[value] = parsed.isoformat() if parsed and parsed >= MIN_DATE else None
    iso = raw.map(out).astype(object)
    iso = iso.where(iso.notna(), None)
    return iso, raw.notna() & iso.isna()


def future_dates(iso: pd.Series, today: dt.date) -> pd.Series:
    """Mask of ISO dates after ``today`` (a shipment cannot have sailed tomorrow)."""
    return iso.notna() & (iso.astype(str) > today.isoformat())


def parse_numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Floats from ``"$1,234.50"``, ``"1 234"``, ``"USD 12"``; mask of non-empty unreadable values."""
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.astype("float64")
        return numbers, pd.Series(False, index=values.index)
    text = values.astype(object).where(_given(values), None)
    fast = pd.to_numeric(text, errors="coerce")
    if (fast.notna() | text.isna()).all():  # plain numbers: no per-value cleaning needed
        return fast.astype("float64"), pd.Series(False, index=values.index)
    distinct = pd.unique(text.dropna())
    cleaned = {v: _MONEY_JUNK.sub("", str(v)) for v in distinct}
    parsed = pd.to_numeric(pd.Series(cleaned, dtype=object), errors="coerce")
    numbers = text.map(parsed.to_dict()).astype("float64")
    bad = text.notna() & (numbers.isna() | ~np.isfinite(numbers.fillna(0.0)))
    return numbers, bad


def parse_shares(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Shares as 0–100 floats (``"25%"``, ``25``, ``"0.25"`` read as 0.25 %, not 25 %).

    Fractions are *not* rescaled: a file that mixes 0.25 and 25 cannot be guessed safely.
    Mask marks unreadable, negative or > 100 values.
    """
    stripped = values.astype(object).where(_given(values), None)
    stripped = stripped.map(lambda v: str(v).strip().rstrip("%").strip() if v is not None else None)
    numbers, bad = parse_numbers(stripped)
    out_of_range = numbers.notna() & ((numbers < 0) | (numbers > 100))
    return numbers, bad | out_of_range
