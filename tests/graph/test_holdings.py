"""graph.holdings: the by-column rule (not_held_reasons, held_mask) gives exactly the per-row
rule (not_held) on every kind of value a frame read from a store can hold."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.holdings import ENDED, INACTIVE_REASON, NOT_BEGUN, held_mask, not_held, not_held_reasons

DAY = "2022-06-30"
# text the rule reads (dates, timestamps, statuses in any case and spacing, other scripts) and
# values it does not (absent, NaN, numbers, a date object)
_TEXT = st.sampled_from(
    [
        "",
        "2022-06-30",
        "2022-06-29",
        "2022-07-01",
        "2020-06-30T00:00:00Z",
        "2030-01-01",
        "2022",
        "inactive",
        " INACTIVE\t",
        "Inactive",
        "active",
        "ACTIVE",
        "ééééééééééééé",
        "２０２２-０１-０１",
        "zzz",
    ]
)
_VALUE = st.one_of(
    _TEXT,
    st.text(max_size=14),
    st.sampled_from([None, np.nan, pd.NA, 5, 2.5, pd.Timestamp("2020-01-01"), b"2020-01-01"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_VALUE, _VALUE, _VALUE), max_size=30),
    st.sampled_from([DAY, "2019-01-01", "2031-12-31"]),
)
def test_by_column_equals_per_row(rows: list[tuple[object, object, object]], day: str) -> None:
    frame = pd.DataFrame(rows, columns=["status", "start_date", "end_date"], dtype=object)
    expected = [not_held(s, b, e, day) for s, b, e in rows]
    assert not_held_reasons(frame, day).tolist() == expected
    assert held_mask(frame, day).tolist() == [why is None for why in expected]


def test_all_text_columns_and_absent_columns() -> None:
    frame = pd.DataFrame(
        {
            "status": ["inactive", "active", None, "inactive", " inactive "],
            "start_date": ["2015-03-01", "2023-01-01", None, "", None],
            "end_date": ["2020-06-30", None, None, "2023-12-31", None],
        }
    )
    assert not_held_reasons(frame, DAY).tolist() == [ENDED, NOT_BEGUN, None, None, INACTIVE_REASON]
    # a frame without the period columns: every record holds
    assert not_held_reasons(frame[[]], DAY).tolist() == [None] * 5
    assert not_held_reasons(frame.iloc[:0], DAY).tolist() == []
    # Arrow-backed text columns read the same
    arrow = frame.astype("string[pyarrow]")
    assert not_held_reasons(arrow, DAY).tolist() == [ENDED, NOT_BEGUN, None, None, INACTIVE_REASON]
