"""Ownership status per regime: the FAQ 401 worked example, regimes, the BIS dated switch, bad input."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from graph.risk.ownership import (
    blocked_by_ownership,
    clean_stakes,
    completeness,
    ownership_status,
    reason_chain,
    ultimate_parents,
)
from graph.risk.reference import Regime, load_reference

OFAC = Regime("OFAC", "in_force", 50.0, strict=False, aggregate=True, owner_lists=("US_SDN",), source="")
UK = Regime("UK", "in_force", 50.0, strict=True, aggregate=False, owner_lists=("UK",), source="")


def stakes(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["owner", "owned", "pct"])


def seeds(*ids: str, lists: str = "US_SDN") -> pd.DataFrame:
    return pd.DataFrame({"cluster": list(ids), "lists": [[lists] for _ in ids]})


def status_of(result: pd.DataFrame) -> dict[str, tuple[str, float, int]]:
    return {
        c: (s, float(b), int(r))
        for c, s, b, r in result[["cluster", "status", "blocked_pct", "round"]].itertuples(index=False)
    }


def test_domain_worked_example_exactly() -> None:
    """X (listed) owns 50 % of A and 10 % of B; A owns 40 % of B → A blocked, then B (40 + 10)."""
    owns = stakes([("X", "A", 50), ("X", "B", 10), ("A", "B", 40)])
    result = blocked_by_ownership(clean_stakes(owns), seeds("X"), OFAC)
    assert status_of(result) == {"X": ("listed", 100.0, 0), "A": ("owned", 50.0, 1), "B": ("owned", 50.0, 2)}
    chain = reason_chain(result, "B", "OFAC")
    assert [c["id"] for c in chain] == ["B", "A", "X"]
    assert {o["id"]: o["pct"] for o in chain[0]["owners"]} == {"A": 40.0, "X": 10.0}
    assert chain[2]["listed_on"] == ["US_SDN"]


def test_percentages_are_not_multiplied_down_a_chain() -> None:
    # X owns 60 % of A, A owns 50 % of B: B is blocked (A's whole stake), though 60 % x 50 % = 30 %.
    result = blocked_by_ownership(clean_stakes(stakes([("X", "A", 60), ("A", "B", 50)])), seeds("X"), OFAC)
    assert set(status_of(result)) == {"X", "A", "B"}


def test_below_threshold_is_not_blocked() -> None:
    result = blocked_by_ownership(clean_stakes(stakes([("X", "A", 49.9)])), seeds("X"), OFAC)
    assert set(status_of(result)) == {"X"}


def test_uk_neither_aggregates_nor_counts_exactly_fifty() -> None:
    two = clean_stakes(stakes([("L1", "T", 30), ("L2", "T", 30), ("L1", "H", 50), ("L2", "M", 51)]))
    uk = status_of(blocked_by_ownership(two, seeds("L1", "L2", lists="UK"), UK))
    ofac = status_of(blocked_by_ownership(two, seeds("L1", "L2"), OFAC))
    assert "T" in ofac and "T" not in uk  # 30 + 30 aggregated only under OFAC
    assert "H" in ofac and "H" not in uk  # 50 % is not "more than 50 %"
    assert uk["M"] == ("owned", 51.0, 1)


def test_cycles_terminate() -> None:
    owns = stakes([("X", "A", 50), ("A", "B", 60), ("B", "A", 40), ("B", "C", 70), ("C", "B", 30)])
    result = blocked_by_ownership(clean_stakes(owns), seeds("X"), OFAC)
    assert set(status_of(result)) == {"X", "A", "B", "C"}
    assert result["round"].max() <= 4  # each round blocks someone new: at most one per owned entity
    # a cycle with no listed owner: no one blocked, and the ultimate-parent walk reports the cycle
    parents = ultimate_parents(
        clean_stakes(stakes([("P", "Q", 60), ("Q", "P", 60)])), pd.Series(dtype=object)
    )
    assert parents["cycle"].tolist() == [True, True] and parents["ultimate_parent"].isna().all()


def test_self_ownership_is_ignored_and_reported() -> None:
    owns = stakes([("A", "A", 100), ("X", "B", 30), ("B", "B", 40)])
    result = blocked_by_ownership(clean_stakes(owns), seeds("X"), OFAC)
    assert set(status_of(result)) == {"X"}
    comp = completeness(owns).set_index("cluster")
    assert bool(comp.loc["A", "self_owned"]) and bool(comp.loc["B", "self_owned"])
    assert comp.loc["B", "state"] == "incomplete" and comp.loc["B", "total_pct"] == 30


def test_stakes_above_100_percent_are_reported_not_refused() -> None:
    owns = stakes([("X", "A", 70), ("Y", "A", 60)])
    assert completeness(owns).set_index("cluster").loc["A", "state"] == "over_100"
    assert "A" in status_of(blocked_by_ownership(clean_stakes(owns), seeds("X"), OFAC))


def test_ten_thousand_owners() -> None:
    rows = [(f"O{i:05d}", "T", 0.005) for i in range(10_000)] + [("L1", "T", 25.0), ("L2", "T", 25.0)]
    result = blocked_by_ownership(clean_stakes(stakes(rows)), seeds("L1", "L2"), OFAC)
    comp = completeness(stakes(rows)).set_index("cluster")
    assert status_of(result)["T"] == ("owned", 50.0, 1)
    assert comp.loc["T", "owners"] == 10_002 and comp.loc["T", "state"] == "complete"


def test_ultimate_parent_walks_controlling_stakes() -> None:
    owns = clean_stakes(stakes([("P", "M", 80), ("M", "S", 100), ("Z", "S", 0.0), ("K", "P", 40)]))
    parents = ultimate_parents(owns, pd.Series({"P": "CN", "M": "NL", "S": "SG"})).set_index("cluster")
    assert parents.loc["S", "ultimate_parent"] == "P" and parents.loc["S", "parent_country"] == "CN"
    assert parents.loc["S", "depth"] == 2 and parents.loc["M", "depth"] == 1


@pytest.mark.parametrize(
    ("day", "bis_status"),
    [
        ("2025-09-28", None),  # before the Affiliates rule
        ("2025-09-29", "in_force"),
        ("2025-11-09", "in_force"),
        ("2025-11-10", "suspended"),
        ("2026-11-09", "suspended"),
        ("2026-11-10", "in_force"),
    ],
)
def test_bis_affiliates_rule_is_a_dated_switch(day: str, bis_status: str | None) -> None:
    ref = load_reference(dt.date.fromisoformat(day))
    found = {r.name: r.status for r in ref.regimes_all}
    assert found.get("BIS_AFFILIATES") == bis_status
    assert ("BIS_AFFILIATES" in {r.name for r in ref.regimes}) == (bis_status == "in_force")
    # an EL owner with 50 %: blocked under BIS only while the rule is in force
    listings = pd.DataFrame({"cluster": ["E"], "list": ["US_EL"]})
    result = ownership_status(stakes([("E", "T", 50)]), listings, ref.regimes, pd.Series(dtype=object))
    derived = result.status[result.status["status"] == "owned"]
    assert (derived["regime"].tolist() == ["BIS_AFFILIATES"]) == (bis_status == "in_force")
    if bis_status == "in_force":
        assert json.loads(derived["reasons_json"].iloc[0])["owners"] == [{"id": "E", "pct": 50.0}]


def test_reference_tables_cite_their_sources() -> None:
    ref = load_reference(dt.date(2026, 1, 1))
    assert "MO" in ref.advanced_computing_d5 and "MO" not in ref.country_groups["D:5"]
    assert {"CN", "RU", "BY", "IR", "KP", "VE", "MM"} <= ref.country_groups["D:5"]
    assert ref.country_groups["E:1"] == {"IR", "KP", "SY"} and ref.country_groups["E:2"] == {"CU"}
    assert {"SG", "MY", "TH", "HK", "AE", "TR"} <= set(ref.hubs)
    assert all(spec.legal_source for spec in ref.flags.values())
    assert all(r.source for r in ref.regimes_all)
