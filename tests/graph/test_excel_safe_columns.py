"""The column-at-a-time Excel-safe path (make_safe, the XLSX cell values) gives exactly what the
reference per-cell functions give, on hostile and awkward cells of every column kind."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from graph.excel_safe import (
    DANGEROUS_PREFIXES,
    XLSX_CELL_LIMIT,
    _fix_cell,
    _plain,
    _plain_column,
    _xlsx_cell,
    _xlsx_text,
    make_safe,
)

TEXT = [
    *(p + "1+1" for p in DANGEROUS_PREFIXES),
    *DANGEROUS_PREFIXES,  # a dangerous character alone
    "",
    " =not first",
    "'already quoted",
    "ok\x00with\x1fcontrol\x0bchars",
    "=\x07bell",
    "=" + "x" * (XLSX_CELL_LIMIT - 1),  # at the limit only after the quote
    "y" * (XLSX_CELL_LIMIT + 5),
    "Huawei Technologies Co., Ltd.",
    None,
    np.nan,
]


def _columns() -> dict[str, pd.Series]:
    n = len(TEXT)
    return {
        "text_str": pd.Series(TEXT, dtype="str"),
        "text_object": pd.Series(TEXT, dtype=object),
        "missing_only": pd.Series([None] * n, dtype=object),
        "mixed": pd.Series([*TEXT[:-3], ["=1", "a"], {"k": "=v"}, 5], dtype=object),
        "numbers": pd.Series(np.arange(n, dtype=float)),
        "flags": pd.Series([True, False] * (n // 2) + [True] * (n % 2)),
    }


@pytest.mark.parametrize("xlsx", [False, True], ids=["csv", "xlsx"])
@pytest.mark.parametrize("column", list(_columns()))
def test_make_safe_equals_the_per_cell_reference(column: str, xlsx: bool) -> None:
    series = _columns()[column]
    cell = _xlsx_cell if xlsx else None
    safe = make_safe(series.to_frame(column), cell=cell, text=_xlsx_text if xlsx else None)
    numeric = pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)
    expected = series.tolist() if numeric else [_fix_cell(v, cell) for v in series.astype(object)]
    got = safe[column].tolist()
    assert [_plain(v) for v in got] == [_plain(v) for v in expected]
    if column.startswith("text"):  # the hostile cells really changed
        assert got[0] == "'=1+1"
        assert got[TEXT.index("=\x07bell")] == "'=bell" if xlsx else "'=\x07bell"
        long = got[TEXT.index("y" * (XLSX_CELL_LIMIT + 5))]
        assert len(long) == (XLSX_CELL_LIMIT if xlsx else XLSX_CELL_LIMIT + 5)


def test_plain_column_equals_plain_cell_by_cell() -> None:
    frames = [
        pd.Series([1.0, np.nan, None, "a", pd.NA], dtype=object),
        pd.Series([1, 2, 3]),
        pd.Series([True, False]),
        pd.Series(["x", None], dtype="str"),
        pd.Series([["a"], None], dtype=object),
        pd.Series([dt.date(2026, 1, 1), None], dtype=object),
    ]
    for series in frames:
        got = _plain_column(series)
        assert got == [_plain(v) for v in series.tolist()]
        assert [type(v) for v in got] == [type(_plain(v)) for v in series.tolist()]


def test_plain_column_still_refuses_timezones() -> None:
    series = pd.Series([dt.datetime(2026, 1, 1, tzinfo=dt.UTC)], dtype=object)
    with pytest.raises(ValueError, match="timezones"):
        _plain_column(series)
