"""A node id two feeds list is screened once, as the copy the graph node shows (real OFAC files).

OFAC's consolidated list (feed ``ofac-nonsdn``) carries its SDN entities under the SDN feed's ids;
the list node shows the SDN feed's copy (:mod:`graph.lists.copies`). Screening, rescreen and the
current entries read that copy only: one hit per listing, with the fields the node shows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from chipwatch.settings import Settings, StoreKind
from graph.list_fingerprint import entry_fingerprint
from graph.model import NodeKind
from graph.resolve.review import counterparty_id, decide
from graph.screening.index import load_entries
from graph.screening.rescreen import changed_entry_ids, rescreen
from graph.screening.screen import Screener
from graph.stores import open_store
from graph.tables.lists import latest_entries
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.load import ingest_trade_file
from tests.ingest.lists.ofac_edits import (
    CONS,
    SDN,
    SHARED,
    SHARED_NAME,
    cons_with_shared_copy,
    sdn_without,
    without,
)

T0 = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
#: The name and street the consolidated list's copy of the shared entity gets in the edited file.
CONS_NAME, CONS_STREET = "PETRO SWISS TRADING COMPANY", "Rue du Rhone 8"
SDN_LINE = "place du Lac 2, Geneve 1204"  # the SDN copy's address, as the screening index reads it


@pytest.fixture
def cons_renamed(tmp_path: Path) -> Path:
    return cons_with_shared_copy(tmp_path / "CONS_ENHANCED.XML", CONS_NAME, CONS_STREET)


def _load(settings: Settings, *paths: Path) -> None:
    for n, path in enumerate(paths):
        ingest_list_files(settings, [path], now=T0 + dt.timedelta(hours=n))


def _screen(settings: Settings, *names: str) -> pd.DataFrame:
    query = pd.DataFrame({"name": list(names), "country": ["CH"] * len(names)})
    return Screener.for_settings(settings).screen(query)


def _hits(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The matches of a result row on the shared node."""
    return [m for m in row["matches"] if m["id"] == SHARED]


def _workspace(base: Settings, path: Path) -> Settings:
    settings = base.with_(workspace=path)
    store = open_store(settings)
    try:
        store.clear()
    finally:
        store.close()
    return settings


@pytest.mark.parametrize("store_kind", [StoreKind.NETWORKX, StoreKind.NEO4J])
def test_the_current_entries_hold_the_copy_the_graph_node_shows(
    store_kind: StoreKind, request: pytest.FixtureRequest, tmp_path: Path, cons_renamed: Path
) -> None:
    base = request.getfixturevalue("neo4j_settings") if store_kind is StoreKind.NEO4J else Settings()
    for n, order in enumerate([(SDN, cons_renamed), (cons_renamed, SDN)]):
        settings = _workspace(base, tmp_path / f"ws{n}")
        _load(settings, *order)
        current = latest_entries(settings)
        assert current["node_id"].is_unique
        assert len(current) == 17 + 443 - 1  # one row for the one id both files list
        store = open_store(settings)
        try:
            node = store.nodes_frame(NodeKind.LIST_ENTRY).set_index("id").loc[SHARED]
        finally:
            store.close()
        row = current.set_index("node_id").loc[SHARED]
        assert (row["feed"], row["name"], row["version_id"]) == (
            node["feed"],
            node["name"],
            node["list_version"],
        )
        assert (row["feed"], row["name"]) == ("ofac-sdn", SHARED_NAME)
        indexed = load_entries(settings).set_index("id").loc[SHARED]
        assert (indexed["name"], indexed["addresses"]) == (SHARED_NAME, [SDN_LINE])


def test_a_listing_is_one_hit_with_the_shown_copys_fields(tmp_path: Path, cons_renamed: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, cons_renamed)
    result = _screen(settings, "TNK Trading International SA", "Petro Swiss Trading Company")
    tnk, petro = result.to_dict("records")
    hits = _hits(tnk)
    assert len(hits) == 1
    assert hits[0]["name"] == SHARED_NAME
    assert hits[0]["legal_basis"] is None  # the SDN CSV gives none; the consolidated copy does
    # the consolidated copy's name is no name the node has: no hit on it
    assert _hits(petro) == []


def test_a_rejected_hit_stays_rejected(tmp_path: Path) -> None:
    # the officer rejects the hit they were shown; another feed's copy of the entry (its own
    # fields, so another fingerprint) must not bring it back as "changed since"
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, CONS)
    name = "TNK Trading International SA"
    assert len(_hits(_screen(settings, name).iloc[0])) == 1
    shown = load_entries(settings).set_index("id").loc[SHARED]
    decide(
        settings,
        counterparty_id(name, "CH"),
        SHARED,
        "reject",
        note="our customer is a different firm",
        context={"entry_fingerprint": entry_fingerprint({"id": SHARED, **shown.to_dict()})},
    )
    assert _hits(_screen(settings, name).iloc[0]) == []


def _companies(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "companies.csv"
    path.write_text(
        "company_id,name,country\nC1,TNK Trading International SA,CH\nC2,Petro Swiss Trading Company,CH\n",
        encoding="utf-8",
    )
    ingest_trade_file(settings, "companies", path, today=dt.date(2026, 11, 1))


def _exposures(settings: Settings, out: Path) -> list[tuple[str, str, str]]:
    """(counterparty, entry id, entry name) of every match rescreen writes."""
    rescreen(settings, out)
    rows = json.loads(out.read_text(encoding="utf-8"))["results"]
    return sorted((r["name"], m["id"], m["name"]) for r in rows for m in r["matches"])


def test_a_change_to_a_copy_the_node_does_not_show_is_no_exposure(tmp_path: Path, cons_renamed: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, CONS, cons_renamed)
    _companies(settings, tmp_path)
    assert SHARED not in changed_entry_ids(settings)
    assert _exposures(settings, tmp_path / "exposures.json") == []


def test_a_copy_another_feed_adds_is_no_exposure(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, without(CONS, tmp_path / "CONS_ENHANCED.XML", "xml", "28603"), CONS)
    _companies(settings, tmp_path)
    assert SHARED not in changed_entry_ids(settings)
    assert _exposures(settings, tmp_path / "exposures.json") == []


def test_a_node_handed_to_another_feeds_copy_is_screened_again_as_that_copy(
    tmp_path: Path, cons_renamed: Path
) -> None:
    # the SDN feed drops the entity, the consolidated list still lists it: the node now shows the
    # consolidated copy, under its own name — a counterparty of that name is a new exposure
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, cons_renamed, sdn_without(tmp_path / "sdn_next", "28603"))
    _companies(settings, tmp_path)
    assert SHARED in changed_entry_ids(settings)
    exposures = _exposures(settings, tmp_path / "exposures.json")
    assert ("Petro Swiss Trading Company", SHARED, CONS_NAME) in exposures
    assert not any(name == SHARED_NAME for _, _, name in exposures)
