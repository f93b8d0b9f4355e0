"""The risk table and its filters, on the real export workspace."""

from __future__ import annotations

import pytest

from chipwatch.settings import Settings
from graph.export.risk_table import (
    RiskFilter,
    UnknownFilterError,
    check_filter,
    filter_table,
    risk_table,
)
from graph.stores import NetworkxStore, open_store
from tests.graph.export.conftest import LISTED_COMPANY, MEU_ENTRY, OWNED_COMPANY


@pytest.fixture(scope="module")
def table(export_settings: Settings):
    store = open_store(export_settings)
    try:
        return risk_table(store)
    finally:
        store.close()


def test_table_is_sorted_and_lists_follow_resolution(table) -> None:
    assert table["risk_score"].is_monotonic_decreasing
    by_id = table.set_index("id")
    # the registry company resolved to the MEU entry is "on" the MEU list like the entry itself
    assert by_id.at[LISTED_COMPANY, "lists"] == "US_MEU"
    assert by_id.at[MEU_ENTRY, "lists"] == "US_MEU"
    assert by_id.at[OWNED_COMPANY, "lists"] == ""
    # list entries get their country from the list
    assert by_id.at["list:CUSTOM:HOSTILE-1", "country"] == "CN"
    # an address-only Entity List / MEU entry gets the country of its listed address
    assert by_id.at[MEU_ENTRY, "countries"] == "CN"


def test_country_filter_finds_entries_listed_by_address_only(table) -> None:
    kept = filter_table(table, check_filter(table, RiskFilter(countries=("cn",))))
    assert MEU_ENTRY in set(kept["id"])


def test_filters_combine(table) -> None:
    flt = check_filter(table, RiskFilter(min_score=50, lists=("us_meu",)))
    kept = filter_table(table, flt)
    assert set(kept["id"]) == {LISTED_COMPANY, MEU_ENTRY}
    by_flag = filter_table(table, check_filter(table, RiskFilter(flags=("owned_by_listed",))))
    assert OWNED_COMPANY in set(by_flag["id"])
    assert all("OWNED_BY_LISTED" in f for f in by_flag["flags"])
    hk = filter_table(table, check_filter(table, RiskFilter(min_score=90, countries=("hk",))))
    assert len(hk) and set(hk["country"]) == {"HK"} and (hk["risk_score"] >= 90).all()
    block = filter_table(table, check_filter(table, RiskFilter(levels=("block",))))
    assert set(block["risk_level"]) == {"block"}


@pytest.mark.parametrize(
    ("flt", "message"),
    [
        (RiskFilter(lists=("US_NOPE",)), "no such list in this workspace; lists: CUSTOM"),
        (RiskFilter(countries=("XX",)), "not an ISO 3166 alpha-2"),
        (RiskFilter(flags=("SHELL",)), "no such red flag; flags: .*FORWARDER_CONSIGNEE"),
        (RiskFilter(levels=("severe",)), "levels are clear, review, block"),
    ],
)
def test_unknown_filter_values_are_named(table, flt: RiskFilter, message: str) -> None:
    with pytest.raises(UnknownFilterError, match=message):
        check_filter(table, flt)


def test_empty_before_risk_runs() -> None:
    assert risk_table(NetworkxStore()).empty
