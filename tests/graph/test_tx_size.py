"""Cutting a write into transactions by estimated memory (graph/stores/tx_size.py)."""

from __future__ import annotations

from typing import Any

from graph.stores import tx_size


def _props(row: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = row["props"]
    return props


def test_chunks_keep_every_row_in_order_within_the_budget() -> None:
    narrow = [{"props": {"a": 1}} for _ in range(300)]
    wide = [{"props": {f"p{j}": "x" * 20 for j in range(24)}} for _ in range(300)]
    rows = narrow + wide
    costs = tx_size.row_costs(rows, _props)
    limit = 40 * costs[-1]
    parts = list(tx_size.chunks(rows, _props, limit))
    assert [r for part in parts for r in part] == rows
    sizes = []
    start = 0
    for part in parts:
        sizes.append(sum(costs[start : start + len(part)]))
        start += len(part)
    assert max(sizes) <= limit
    # Wide rows get fewer per transaction than narrow ones: the bound is bytes, not rows.
    assert len(parts[0]) > 2 * len(parts[-1])


def test_a_row_larger_than_the_budget_is_a_transaction_of_its_own() -> None:
    rows = [{"props": {"a": 1}}, {"props": {"big": "x" * 10_000}}, {"props": {"a": 2}}]
    assert [len(p) for p in tx_size.chunks(rows, _props, tx_size.ROW_BYTES + 300)] == [1, 1, 1]
    assert list(tx_size.chunks([], _props, 10)) == []


def test_budget_from_the_server_limits() -> None:
    assert tx_size.parse_bytes("1.40GiB") == int(1.4 * 2**30)
    assert tx_size.parse_bytes("64m") == 64 * 2**20
    assert tx_size.parse_bytes("0B") == 0 and tx_size.parse_bytes("lots") is None
    limits = {
        "db.memory.transaction.max": "0B",
        "db.memory.transaction.total.max": "0B",
        "dbms.memory.transaction.total.max": "1.40GiB",
    }
    assert tx_size.budget(limits) == int(0.3 * int(1.4 * 2**30))
    assert tx_size.budget(limits, writers=2) == int(0.3 * (int(1.4 * 2**30) // 2))
    assert tx_size.budget({**limits, "db.memory.transaction.max": "64MiB"}) == int(0.3 * 64 * 2**20)
    assert tx_size.budget({k: "0B" for k in limits}) == tx_size.DEFAULT_BUDGET
