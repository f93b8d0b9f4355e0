"""The as-of cut's whole-column checks answer as the one-value rules they replace
(:func:`graph.risk.asof.recorded_after`, :func:`graph.list_status.ended_before`), for every kind of
value a date column of a store holds: ISO dates and datetimes, blanks, None, NaN, a number."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from graph.list_status import ended_before, listed_after
from graph.risk.asof import ended_mask, frames_as_of, listed_later, recorded_after, recorded_notes
from graph.risk.frames import RiskFrames

DAY = "2025-06-30"
VALUES: list[object] = [
    "2025-06-29",
    "2025-06-30",
    "2025-07-01",
    "2025-06-30T23:59:59+00:00",
    "2025-07-01T00:00:00",
    "2019",
    "",
    " ",
    " 2025-07-01 ",
    None,
    math.nan,
    20250701,
    pd.Timestamp("2025-07-01"),
    pd.NA,
    dt.date(2025, 7, 1),
]


@pytest.mark.parametrize("values", [VALUES, VALUES[:6], [None, math.nan], [20250701, 3.5], []])
def test_whole_column_checks_match_the_one_value_rules(values: list[object]) -> None:
    column = pd.Series(values, dtype=object, index=range(10, 10 + len(values)))
    notes = recorded_notes(column, DAY)
    assert list(notes.index) == list(column.index)
    assert notes.tolist() == [recorded_after(v, DAY) for v in values]
    assert ended_mask(column, DAY).tolist() == [ended_before(v, DAY) is not None for v in values]
    assert listed_later(column, DAY).tolist() == [listed_after(v, DAY) is not None for v in values]


def test_a_column_the_store_typed_as_numbers_or_dates_has_no_text_date() -> None:
    for column in (pd.Series([1.0, math.nan]), pd.Series(pd.to_datetime(["2025-07-01", "2025-01-01"]))):
        assert recorded_notes(column, DAY).tolist() == [recorded_after(v, DAY) for v in column]
        assert not ended_mask(column, DAY).any()


def test_the_cut_keeps_what_was_known_on_the_day() -> None:
    starts: list[object] = ["2025-06-30", "2025-07-01", None, "", "2024-01-01T10:00:00", pd.NA, math.nan]
    ends: list[object] = [None, None, "2025-06-29", "", "2025-07-01", "2025-06-30", None]
    listings = pd.DataFrame({"cluster": list("abcdefg"), "start_date": starts, "end_date": ends})
    shipments = pd.DataFrame(
        {"id": [1, 2, 3, 4], "date": ["2025-06-30", "2025-07-01", None, "2025-06-30T08:00"]}
    )
    owns = pd.DataFrame({"owner": ["x", "y"], "as_of": ["2025-07-02", None]})
    empty = pd.DataFrame()
    frames = RiskFrames(empty, listings, shipments, owns, empty, empty, empty, empty)
    cut, notes = frames_as_of(frames, DAY)
    assert cut.listings["cluster"].tolist() == ["a", "d", "e", "f", "g"]  # b listed later, c ended
    assert cut.shipments["id"].tolist() == [1, 3]  # an undated shipment is not cut
    assert cut.owns["recorded"].tolist() == ["recorded 2025-07-02, after the as-of date", None]
    assert notes == [
        f"1 ownership records dated after {DAY} still counted (a registry extract's date is when it "
        "observed a stake, not when the stake began)",
        f"1 list entries (listed) dated after {DAY} left out (not known on the as-of date)",
        f"1 list entries whose listing ended before {DAY} left out",
    ]
