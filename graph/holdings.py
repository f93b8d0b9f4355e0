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
import pyarrow as pa
import pyarrow.compute as pc

INACTIVE = "inactive"
#: Why a record does not hold on a day (what :func:`not_held` and :func:`not_held_reasons` give).
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


def _texts(owns: pd.DataFrame, column: str) -> pa.Array:
    """A column as Arrow text; anything but text (None, NaN, a number, a missing column) null,
    as :func:`_date` reads it."""
    if column not in owns.columns:
        return pa.nulls(len(owns), pa.string())
    values = owns[column].to_numpy(dtype=object)
    # one C pass says whether all values are text; a column holding something else (a date the
    # store kept as a date, a number) has those values blanked one by one, as ``_date`` does
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = np.array([v if isinstance(v, str) else None for v in values], dtype=object)
    return pa.array(values, type=pa.string(), from_pandas=True)


def _days(owns: pd.DataFrame, column: str) -> pa.Array:
    """:func:`_date` of each row: the first ten characters of a text value, else ""."""
    return pc.fill_null(pc.utf8_slice_codeunits(_texts(owns, column), 0, 10), "")


def _bools(array: pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)


def _inactive(owns: pd.DataFrame) -> np.ndarray:
    """Rows whose ``status`` is ``inactive`` (any case, any surrounding space). The few distinct
    values are tested with Python's own ``strip``/``lower``, as :func:`not_held` does."""
    codes = pc.dictionary_encode(_texts(owns, "status"))
    words = codes.dictionary.to_pylist()
    hit = pa.array([w.strip().lower() == INACTIVE for w in words], type=pa.bool_())
    return _bools(pc.take(hit, codes.indices)) if len(words) else np.zeros(len(owns), dtype=bool)


def not_held_reasons(owns: pd.DataFrame, day: str) -> np.ndarray:
    """:func:`not_held` per row of a frame with ``status``, ``start_date`` and ``end_date``
    columns (absent columns: every row holds), as an object array (None = holds); by column on
    Arrow strings, as the risk run reads every OWNS edge of the workspace (a million rows value
    by value were most of an as-of cut, benchmarks/asof_bench.py)."""
    end, start = _days(owns, "end_date"), _days(owns, "start_date")
    has_end = _bools(pc.greater(pc.utf8_length(end), 0))
    ended = has_end & _bools(pc.less(end, day))
    not_begun = ~ended & _bools(pc.greater(start, day))  # "" is never after a day
    inactive = ~ended & ~not_begun & ~has_end & _inactive(owns)
    out = np.full(len(owns), None, dtype=object)
    out[ended], out[not_begun], out[inactive] = ENDED, NOT_BEGUN, INACTIVE_REASON
    return out


def held_mask(owns: pd.DataFrame, day: str) -> np.ndarray:
    """Per row of :func:`not_held_reasons`' frame: whether the record holds on ``day`` (bool)."""
    return np.asarray(pd.isna(not_held_reasons(owns, day)), dtype=bool)


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
