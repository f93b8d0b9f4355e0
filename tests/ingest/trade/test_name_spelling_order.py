"""A person or by-name owner written two ways in two files keeps one name whatever the order.

``person:`` and ``co:byname:`` ids are made of the normalised name, so ``Li Wei`` and ``LI WEI.``
(officers), ``Harbour Holdings Ltd`` and ``HARBOUR HOLDINGS LTD.`` (owners) are one node each.
The name the node shows (entity reports, the explorer) must not be whichever file was ingested
last, nor follow the files' names; a later file of the same row still updates its dates and share.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chipwatch.settings import Settings, StoreKind
from graph.model import NodeKind
from graph.stores import open_store
from graph.tables.trade import load_trade_tables
from ingest.trade.graph_sync import sync_trade_graph
from ingest.trade.load import ingest_trade_file

TODAY = dt.date(2026, 11, 1)
OFFICER_HEADER = "person_name,person_country,company_id,company_name,role,start_date,end_date\n"
OFFICERS = (
    "Li Wei,CN,,Kowloon Parts Co,director,2020-01-01,\n",
    "LI WEI.,CN,,Kowloon Parts Co,director,2020-01-01,2024-06-30\n",
)
OWNERSHIP_HEADER = (
    "owner_id,owner_name,owner_country,owned_id,owned_name,share_pct,as_of,source,relationship\n"
)
OWNERS = (
    "{src},Harbour Holdings Ltd,HK,,Kowloon Parts Co,40,2024-01-01,{src},shareholder\n",
    "{src},HARBOUR HOLDINGS LTD.,HK,,Kowloon Parts Co,60,2024-01-01,{src},shareholder\n",
)
Names = tuple[list[tuple[str, ...]], list[tuple[str, ...]], list[tuple[str, ...]]]


def _names(settings: Settings) -> Names:
    tables = load_trade_tables(settings)
    store = open_store(settings)
    try:
        nodes = [store.nodes_frame(kind, ("name",)) for kind in (NodeKind.PERSON, NodeKind.COMPANY)]
    finally:
        store.close()
    return (
        sorted(map(tuple, tables.officers[["person_node_id", "person_name"]].to_numpy().tolist())),
        sorted(
            map(tuple, tables.ownership[["owner_node_id", "owner_name", "owned_name"]].to_numpy().tolist())
        ),
        sorted(
            tuple(row) for frame in nodes for row in frame[["id", "name"]].astype(str).to_numpy().tolist()
        ),
    )


def _load(settings: Settings, root: Path, officers: tuple[str, ...], owners: tuple[str, ...]) -> None:
    for kind, header, rows in (
        ("officers", OFFICER_HEADER, officers),
        ("ownership", OWNERSHIP_HEADER, owners),
    ):
        for i, body in enumerate(rows):
            path = root / f"{kind}_{i}.csv"
            path.write_text(header + body)
            ingest_trade_file(settings, kind, path, today=TODAY)


@pytest.fixture(params=["networkx", "neo4j"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "networkx":
        return Settings(workspace=tmp_path / "ws")
    return request.getfixturevalue("neo4j_settings")


@pytest.mark.parametrize("one_source", [True, False], ids=["one_source", "source_per_file"])
def test_names_do_not_depend_on_ingest_order(
    store_settings: Settings, tmp_path: Path, one_source: bool
) -> None:
    # one_source: both ownership rows have one key (owner, owned, source), the later replaces the
    # earlier; source_per_file: two rows, keyed on the files' names, which the two orders swap.
    owners = tuple(r.format(src="registry-x" if one_source else "") for r in OWNERS)
    states, shares = [], []
    for order, sign in (("forward", 1), ("backward", -1)):
        root = tmp_path / order
        root.mkdir()
        settings = store_settings.with_(workspace=root / "ws")
        if settings.store is StoreKind.NEO4J:
            store = open_store(settings)
            store.clear()
            store.close()
        _load(settings, root, OFFICERS[::sign], owners[::sign])
        sync_trade_graph(settings)
        states.append(_names(settings))
        shares.append(sorted(load_trade_tables(settings).ownership["share_pct"].tolist()))
        # re-ingesting the last file changes nothing
        again = ingest_trade_file(settings, "officers", root / "officers_1.csv", today=TODAY)
        assert again.tables_changed == ()
        again = ingest_trade_file(settings, "ownership", root / "ownership_1.csv", today=TODAY)
        assert again.tables_changed == ()
    assert states[0] == states[1]
    officers, ownership, nodes = states[0]
    assert {name for _, name in officers} == {"LI WEI."}
    # one row keeps the first spelling of its key; a row per file keeps each file's own
    written = {"HARBOUR HOLDINGS LTD."} if one_source else {"HARBOUR HOLDINGS LTD.", "Harbour Holdings Ltd"}
    assert {owner for _, owner, _ in ownership} == written
    assert {name for _, name in nodes} == {"LI WEI.", "HARBOUR HOLDINGS LTD.", "Kowloon Parts Co"}
    # the later file still updates the row it shares with the earlier one (its share)
    assert shares == ([[60.0], [40.0]] if one_source else [[40.0, 60.0], [40.0, 60.0]])
