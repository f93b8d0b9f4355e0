"""Folding repeated rows of one call and reading raw ids ahead of the checks (graph/stores/rows.py)."""

from __future__ import annotations

import pandas as pd

from graph.stores.columns import ColumnRows
from graph.stores.rows import fold_edges, fold_nodes, present_strings


def test_fold_nodes_keeps_each_id_once_with_later_values_winning() -> None:
    prepared = [("co:a", {"name": "A", "v": 1}), ("co:b", {"v": 2}), ("co:a", {"v": 3, "new": True})]
    assert fold_nodes(prepared) == {"co:a": {"name": "A", "v": 3, "new": True}, "co:b": {"v": 2}}
    assert list(fold_nodes(prepared)) == ["co:a", "co:b"]  # in order of first appearance


def test_fold_nodes_without_repeats_is_the_rows_as_they_are() -> None:
    prepared = [("co:a", {"v": 1}), ("co:b", {"v": 2})]
    folded = fold_nodes(prepared)
    assert list(folded.items()) == prepared
    assert folded["co:a"] is prepared[0][1]


def test_fold_edges_folds_by_source_target_and_key() -> None:
    prepared = [
        ("co:a", "co:b", "", {"pct": 1.0}),
        ("co:a", "co:b", "x", {"pct": 2.0}),  # another key: another edge
        ("co:a", "co:b", "", {"pct": 5.0, "as_of": "2024"}),
    ]
    assert fold_edges(prepared) == {
        ("co:a", "co:b", ""): {"pct": 5.0, "as_of": "2024"},
        ("co:a", "co:b", "x"): {"pct": 2.0},
    }


def test_present_strings_reads_raw_rows_and_columns_skipping_what_the_checks_refuse() -> None:
    rows = [
        {"source": "co:a", "target": "co:b"},
        {"source": "co:b", "target": 7},
        {"source": "", "target": None},
    ]
    assert sorted(present_strings(rows, ("source", "target"))) == ["co:a", "co:b"]
    frame = pd.DataFrame({"id": ["co:a", "co:c", "co:a"], "name": ["A", "C", "A2"]})
    assert sorted(present_strings(ColumnRows.from_frame(frame), ("id",))) == ["co:a", "co:c"]
