"""What a run as of a date knows: the frames cut to the as-of date, with a note per cut.

* Shipments dated after the day did not happen yet.
* A listing whose ``start_date`` (the date the list gives for the listing) is after the day was
  not in force on it.
* A listing whose ``end_date`` is before the day had ended (a Denied Persons List order that
  expired): it lists nobody on the day.
* An ownership record's ``as_of`` is the date of the registry extract that observed the stake,
  not the day the stake began: a record dated after the day still tells who owned what on it
  as far as the workspace knows, so it counts, and its explanation says it was recorded after
  the as-of date.
* An ownership record that does not hold on the day — its ``end_date`` is before it, its
  ``start_date`` after it, or its ``status`` is ``inactive`` (GLEIF) with no later end date —
  is left out (:mod:`graph.holdings`): a parent that stopped owning a subsidiary years ago is
  not counted toward any ownership rule. A note says how many were left out and why.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from graph.holdings import ENDED, INACTIVE_REASON, NOT_BEGUN, not_held_reasons
from graph.list_status import listed_after
from graph.risk.frames import RiskFrames

# The checks run on Arrow strings: a million dates compared as Python objects took seconds, most
# of an as-of run's cut (benchmarks/asof_bench.py).
_NOTE = ", after the as-of date"


def _text(values: pd.Series) -> pa.StringArray | None:
    """The column as Arrow strings (missing → null); None when it holds a value that is not text."""
    try:
        return pa.array(values.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None


def _only_text(values: pd.Series) -> pa.StringArray:
    """The column's text values as Arrow strings, anything else (a number, a timestamp) null."""
    text = _text(values)
    if text is not None:
        return text
    obj = values.to_numpy(dtype=object)
    return pa.array([v if isinstance(v, str) else None for v in obj], type=pa.string())


def _day(dates: pd.Series) -> pa.StringArray:
    """ISO dates (or datetimes) as their first ten characters; missing → ""."""
    text = _text(dates)
    if text is None:  # datetimes or numbers: their text, as str() writes it
        text = pa.array(dates.fillna("").astype(str).to_numpy(dtype=object), type=pa.string())
    return pc.fill_null(pc.utf8_slice_codeunits(text, 0, 10), "")


def _mask(array: pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)


def recorded_after(as_of: object, day: str) -> str | None:
    """The explanation of a stake whose record is dated after the as-of date, else None."""
    recorded = str(as_of)[:10] if isinstance(as_of, str) and as_of else ""
    return f"recorded {recorded}{_NOTE}" if recorded > day else None


def recorded_notes(as_of: pd.Series, day: str) -> pd.Series:
    """:func:`recorded_after` over a column of record dates (text dates only)."""
    recorded = pc.utf8_slice_codeunits(_only_text(as_of), 0, 10)
    return _notes(recorded, _mask(pc.greater(recorded, day)), as_of.index)


def _notes(recorded: pa.Array, later: np.ndarray, index: pd.Index) -> pd.Series:
    """The note of each record dated after the day (``later``), None elsewhere: only the later
    records' notes become Python strings."""
    out = np.full(len(recorded), None, dtype=object)
    dates = recorded.filter(pa.array(later)).to_pylist()
    out[later] = [f"recorded {d}{_NOTE}" for d in dates]
    return pd.Series(out, index=index, dtype=object)


def ended_mask(end_dates: pd.Series, day: str) -> np.ndarray:
    """:func:`graph.list_status.ended_before` is not None, over a column of end dates."""
    end = pc.utf8_slice_codeunits(_only_text(end_dates), 0, 10)
    return _mask(pc.and_(pc.greater(pc.utf8_length(end), 0), pc.less(end, day)))


def listed_later(start_dates: pd.Series, day: str) -> np.ndarray:
    """:func:`graph.list_status.listed_after` is not None, over a column of start dates."""
    text = _text(start_dates)
    if text is None:  # dates the store kept as dates, or other values: the one-value rule
        values = start_dates.to_numpy(dtype=object)
        return np.fromiter((listed_after(v, day) is not None for v in values), bool, len(values))
    start = pc.utf8_slice_codeunits(pc.utf8_trim_whitespace(text), 0, 10)
    return _mask(pc.and_(pc.greater(pc.utf8_length(start), 0), pc.greater(start, day)))


def _not_after(dates: pd.Series, day: str) -> np.ndarray:
    """Rows whose date (ISO text; missing counts as before any day) is on or before ``day``."""
    text = _text(dates)
    if text is None:
        return (dates.fillna("") <= day).to_numpy(dtype=bool)
    return np.asarray(pc.fill_null(pc.less_equal(text, day), True).to_numpy(zero_copy_only=False), dtype=bool)


def frames_as_of(frames: RiskFrames, day: str) -> tuple[RiskFrames, list[str]]:
    """``frames`` as known on ``day`` (ISO date) and the run notes saying what that changed."""
    not_held = not_held_reasons(frames.owns, day)
    held = np.asarray(pd.isna(not_held), dtype=bool)
    as_of = frames.owns["as_of"]
    text = _text(as_of)
    if text is None:  # not all text: the count reads every date, the notes only text ones
        later_records = int((_mask(pc.greater(_day(as_of), day)) & held).sum())
        recorded = recorded_notes(as_of, day)
    else:
        dates = pc.utf8_slice_codeunits(text, 0, 10)
        later = _mask(pc.greater(dates, day))
        later_records = int((later & held).sum())
        recorded = _notes(dates, later, as_of.index)
    starts = listed_later(frames.listings["start_date"], day)
    later_listings = int(starts.sum())
    ended = ended_mask(frames.listings["end_date"], day)
    notes = []
    if later_records:
        notes.append(
            f"{later_records} ownership records dated after {day} still counted (a registry extract's "
            "date is when it observed a stake, not when the stake began)"
        )
    if later_listings:
        notes.append(
            f"{later_listings} list entries (listed) dated after {day} left out (not known on the as-of date)"
        )
    if ended.any():
        notes.append(f"{int(ended.sum())} list entries whose listing ended before {day} left out")
    if not held.all():
        why = {
            ENDED: f"ended before {day}",
            NOT_BEGUN: f"not yet begun on {day}",
            INACTIVE_REASON: "inactive with no end date",
        }
        parts = [f"{int((not_held == k).sum())} {text}" for k, text in why.items() if (not_held == k).any()]
        notes.append(
            f"{int((~held).sum())} ownership records not holding on {day} left out of the ownership "
            f"rules ({', '.join(parts)}; kept in the graph as history)"
        )
    owns = frames.owns.assign(recorded=recorded)[held]
    cut = replace(
        frames,
        shipments=frames.shipments[_not_after(frames.shipments["date"], day)],
        owns=owns,
        listings=frames.listings[~starts & ~ended],
    )
    return cut, notes
