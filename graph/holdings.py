"""Whether an ownership record (an OWNS edge) holds on a day: its ``status``, ``start_date`` and
``end_date`` (GLEIF ``RelationshipStatus`` and ``RELATIONSHIP_PERIOD``, or the canonical
ownership file's optional columns).

* An ``end_date`` before the day: the stake or consolidation had ended (the same rule as a
  listing's end, :func:`graph.list_status.ended_before`).
* A ``start_date`` after the day: it had not begun.
* ``status`` ``inactive`` without an end date after the day: the registry says it no longer
  holds, and gives no date up to which it did.

Ended records stay in the graph as history; the ownership rules count only the holding ones,
and every view that shows a stake says when one had ended.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

INACTIVE = "inactive"
#: Why a record does not hold on a day (the keys of :func:`not_held_counts`).
ENDED, NOT_BEGUN, INACTIVE_REASON = "ended", "not begun", "inactive"


def _date(value: object) -> str:
    return str(value)[:10] if isinstance(value, str) and value else ""


def not_held(status: object, start_date: object, end_date: object, day: str) -> str | None:
    """Why the record does not hold on ``day`` (ISO date) — ``ended``, ``not begun`` or
    ``inactive`` — or None when it holds."""
    end, start = _date(end_date), _date(start_date)
    if end and end < day:
        return ENDED
    if start and start > day:
        return NOT_BEGUN
    if isinstance(status, str) and status.strip().lower() == INACTIVE and not end:
        return INACTIVE_REASON
    return None


def _texts(owns: pd.DataFrame, column: str) -> pd.Series:
    """A column as text, absent (None, NaN, a missing column) as ""."""
    if column not in owns.columns:
        return pd.Series([""] * len(owns), index=owns.index, dtype=object)
    values = owns[column].astype(object)
    return values.where(values.map(lambda v: isinstance(v, str)), "").astype(str)


def not_held_reasons(owns: pd.DataFrame, day: str) -> np.ndarray:
    """:func:`not_held` per row of a frame with ``status``, ``start_date`` and ``end_date``
    columns (absent columns: every row holds), as an object array (None = holds); by column, as
    the risk run reads every OWNS edge of the workspace."""
    end = _texts(owns, "end_date").str[:10].to_numpy(dtype=object)
    start = _texts(owns, "start_date").str[:10].to_numpy(dtype=object)
    status = _texts(owns, "status").str.strip().str.lower().to_numpy(dtype=object)
    ended = (end != "") & (end < day)
    not_begun = ~ended & (start != "") & (start > day)
    inactive = ~ended & ~not_begun & (status == INACTIVE) & (end == "")
    out = np.full(len(owns), None, dtype=object)
    out[ended], out[not_begun], out[inactive] = ENDED, NOT_BEGUN, INACTIVE_REASON
    return out


def holding_text(props: Mapping[str, object], day: str) -> str | None:
    """How a view states a record that does not hold on ``day``: ``ended 2020-06-30``,
    ``inactive (no end date given)``, ``begins 2027-01-01``; None for a current one."""
    why = not_held(props.get("status"), props.get("start_date"), props.get("end_date"), day)
    if why == ENDED:
        return f"ended {_date(props.get('end_date'))}"
    if why == NOT_BEGUN:
        return f"begins {_date(props.get('start_date'))}"
    if why == INACTIVE_REASON:
        return "inactive (no end date given)"
    return None


def period_facts(props: Mapping[str, object]) -> dict[str, str]:
    """The record's ``status``, ``start_date`` and ``end_date`` where given (for explanations)."""
    out = {}
    for key in ("status", "start_date", "end_date"):
        value = props.get(key)
        if isinstance(value, str) and value:
            out[key] = value[:10] if key != "status" else value
    return out
