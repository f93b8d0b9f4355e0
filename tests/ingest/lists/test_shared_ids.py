"""A list node two feeds write: OFAC's consolidated list carries its SDN entities under the SDN ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.lists.copies import shown_copies
from graph.model import EdgeKind, NodeKind
from graph.stores import open_store
from ingest.lists.pipeline import ingest_list_files
from tests.ingest.lists.ofac_edits import CONS, SDN, SHARED, without
from tests.ingest.lists.ofac_edits import sdn_without as sdn_without_entry

T0 = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


@pytest.fixture
def cons_without(tmp_path: Path) -> Path:
    """The next consolidated list: the shared SDN entity dropped."""
    return without(CONS, tmp_path / "CONS_ENHANCED.XML", "xml", "28603")


@pytest.fixture
def sdn_without(tmp_path: Path) -> Path:
    """The next SDN CSV set: the shared entity dropped (its address and alias rows left, as orphans)."""
    return sdn_without_entry(tmp_path / "sdn_next", "28603")


def _load(settings: Settings, *paths: Path) -> None:
    for n, path in enumerate(paths):
        ingest_list_files(settings, [path], now=T0 + dt.timedelta(hours=n))


def _graph(settings: Settings) -> tuple[pd.DataFrame, dict[EdgeKind, pd.DataFrame]]:
    store = open_store(settings)
    try:
        nodes = store.nodes_frame(NodeKind.LIST_ENTRY).set_index("id")
        edges = {k: store.edges_frame(k) for k in (EdgeKind.LOCATED_AT, EdgeKind.HAS_IDENTIFIER)}
        return nodes, edges
    finally:
        store.close()


def _node(settings: Settings) -> tuple[str, str, str]:
    row = _graph(settings)[0].loc[SHARED]
    return str(row["feed"]), str(row["name"]), str(row["status"])


def test_the_consolidated_copy_does_not_take_over_the_sdn_entry(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, CONS)
    assert _node(settings) == ("ofac-sdn", "TNK TRADING INTERNATIONAL S.A.", "active")
    assert _graph(settings)[0].loc[SHARED, "list_version"].startswith("ofac-sdn@")


def test_a_consolidated_version_dropping_an_sdn_entity_leaves_it_listed(
    tmp_path: Path, cons_without: Path
) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, CONS, cons_without)
    assert _node(settings) == ("ofac-sdn", "TNK TRADING INTERNATIONAL S.A.", "active")
    nodes, edges = _graph(settings)
    assert pd.isna(nodes.loc[SHARED].get("removed_in"))
    # its address and identifiers (the SDN copy's) are still there
    assert (edges[EdgeKind.LOCATED_AT]["source"] == SHARED).sum() == 1
    assert (edges[EdgeKind.HAS_IDENTIFIER]["source"] == SHARED).any()


def test_an_sdn_version_dropping_it_hands_the_node_to_the_consolidated_copy(
    tmp_path: Path, sdn_without: Path, cons_without: Path
) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    _load(settings, SDN, CONS, sdn_without)
    assert _node(settings) == ("ofac-nonsdn", "TNK TRADING INTERNATIONAL S.A.", "active")
    # removed once no feed lists it, by the version that dropped it last
    ingest_list_files(settings, [cons_without], now=T0 + dt.timedelta(hours=5))
    nodes = _graph(settings)[0]
    assert nodes.loc[SHARED, "status"] == "removed"
    assert nodes.loc[SHARED, "removed_in"].startswith("ofac-nonsdn@")


def test_the_graph_is_the_same_whatever_the_order_of_loads_and_a_reload_changes_nothing(
    tmp_path: Path,
) -> None:
    graphs = []
    for n, order in enumerate([(SDN, CONS), (CONS, SDN)]):
        settings = Settings(workspace=tmp_path / f"ws{n}")
        _load(settings, *order)
        assert not ingest_list_files(settings, [SDN, CONS], now=T0 + dt.timedelta(hours=9)).changed
        nodes, edges = _graph(settings)
        columns = ["feed", "name", "status", "list_version", "aliases", "programs", "remarks"]
        shown = nodes.loc[[SHARED], columns].astype(str)
        ends = {
            k: sorted(map(tuple, e.loc[e["source"] == SHARED, ["target", "provenance"]].values))
            for k, e in edges.items()
            if "provenance" in e.columns
        }
        ident = sorted(edges[EdgeKind.HAS_IDENTIFIER].loc[lambda e: e["source"] == SHARED, "target"])
        graphs.append((shown.to_dict("records"), ends, ident))
    assert graphs[0] == graphs[1]


def test_a_feed_of_that_list_alone_shows_before_one_carrying_it_among_others() -> None:
    copies = pd.DataFrame(
        {
            "node_id": [SHARED, SHARED, SHARED],
            "feed": ["a-mine", "ofac-nonsdn", "ofac-sdn"],
            "version_id": ["v-mine", "v-cons", "v-sdn"],
            "list": ["US_SDN"] * 3,
        }
    )
    lists = {"v-mine": ["US_NONSDN", "US_SDN"], "v-cons": ["US_NONSDN", "US_SDN"], "v-sdn": ["US_SDN"]}
    assert shown_copies(copies, lists)["feed"].tolist() == ["ofac-sdn"]
    # then by feed name, in any row order
    lists["v-sdn"] = ["US_NONSDN", "US_SDN"]
    assert shown_copies(copies.iloc[::-1], lists)["feed"].tolist() == ["a-mine"]
