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

from graph.holdings import ENDED, INACTIVE_REASON, NOT_BEGUN, not_held_reasons
from graph.list_status import ended_before, listed_after
from graph.risk.frames import RiskFrames


def _day(dates: pd.Series) -> pd.Series:
    """ISO dates (or datetimes) as their first ten characters; missing → ""."""
    return dates.fillna("").astype(str).str[:10]


def recorded_after(as_of: object, day: str) -> str | None:
    """The explanation of a stake whose record is dated after the as-of date, else None."""
    recorded = str(as_of)[:10] if isinstance(as_of, str) and as_of else ""
    return f"recorded {recorded}, after the as-of date" if recorded > day else None


def frames_as_of(frames: RiskFrames, day: str) -> tuple[RiskFrames, list[str]]:
    """``frames`` as known on ``day`` (ISO date) and the run notes saying what that changed."""
    recorded = _day(frames.owns["as_of"])
    not_held = not_held_reasons(frames.owns, day)
    held = pd.isna(not_held)
    later = np.fromiter(
        (listed_after(v, day) is not None for v in frames.listings["start_date"].to_numpy(dtype=object)),
        dtype=bool,
        count=len(frames.listings),
    )
    later_records = int(((recorded > day).to_numpy() & held).sum())
    later_listings = int(later.sum())
    ended = np.fromiter(
        (ended_before(v, day) is not None for v in frames.listings["end_date"].to_numpy(dtype=object)),
        dtype=bool,
        count=len(frames.listings),
    )
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
            NOT_BEGUN: f"begun after {day}",
            INACTIVE_REASON: "inactive with no end date",
        }
        parts = [f"{int((not_held == k).sum())} {text}" for k, text in why.items() if (not_held == k).any()]
        notes.append(
            f"{int((~held).sum())} ownership records not holding on {day} left out of the ownership "
            f"rules ({', '.join(parts)}; kept in the graph as history)"
        )
    recorded_note = pd.Series(
        [recorded_after(v, day) for v in frames.owns["as_of"].to_numpy(dtype=object)],
        index=frames.owns.index,
        dtype=object,
    )
    owns = frames.owns.assign(recorded=recorded_note)[held]
    cut = replace(
        frames,
        shipments=frames.shipments[frames.shipments["date"].fillna("") <= day],
        owns=owns,
        listings=frames.listings[~later & ~ended],
    )
    return cut, notes
