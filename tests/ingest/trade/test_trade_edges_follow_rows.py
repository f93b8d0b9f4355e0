"""The graph's trade edges follow the table rows on both stores: a company that moved loses its old
address and country edges, a shipment corrected to another consignee loses its old consignee's
edges, and list, ownership and review edges are never touched. Re-syncing changes nothing, and a
sync interrupted after the rows changed is completed by the next one."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chipwatch.settings import Settings, StoreKind
from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore
from graph.stores import open_store
from graph.sync_journal import status
from graph.tables.trade import load_trade_tables
from graph.trade_graph import TRADE_EDGES_FROM, trade_graph_frames
from ingest.lists.pipeline import ingest_list_files
from ingest.trade.graph_sync import run_trade_sync
from ingest.trade.load import ingest_trade_file

TODAY = dt.date(2026, 11, 1)
HK_LINE = '"Flat 5, 12 Nathan Road",Kowloon'
COMPANIES = (
    "company_id,name,country,address,city\n"
    f"C1,Far East Trading Limited,HK,{HK_LINE}\n"
    f"C2,Golden Bridge Ltd,HK,{HK_LINE}\n"
)
MOVED = (
    "company_id,name,country,address,city\n"
    'C1,Far East Trading Limited,SG,"1 Raffles Place",Singapore\n'
    f"C2,Golden Bridge Ltd,HK,{HK_LINE}\n"
)
OWNERSHIP = "owner_id,owned_id,share_pct\nC2,C1,60\n"
HEAD = (
    "shipment_id,date,shipper_name,shipper_address,shipper_country,consignee_name,consignee_address,"
    "consignee_country,hs_code,value_usd,quantity\n"
)
ACME = 'ACME SEMI INC,"1 Main Street, San Jose 95110",US'
FAR_EAST = 'FAR EAST TRADING LIMITED,"Flat 5, 12 Nathan Road, Kowloon",HK'
HARBOUR = 'HARBOUR PARTS PTE LTD,"1 Raffles Place, Singapore",SG'
SHIPMENTS = HEAD + (
    f"B1,2024-01-10,{ACME},{FAR_EAST},8542.31.0000,100,10\n"
    f"B2,2024-03-10,{ACME},{FAR_EAST},8542.31.0000,250,20\n"
    f"B3,2024-04-10,{ACME},{FAR_EAST},8542.32.0000,50,5\n"
)
# B2 and B3 corrected to another consignee: the HS 854232 trade with Far East is gone altogether
CORRECTED = HEAD + (
    f"B1,2024-01-10,{ACME},{FAR_EAST},8542.31.0000,100,10\n"
    f"B2,2024-03-10,{ACME},{HARBOUR},8542.31.0000,250,20\n"
    f"B3,2024-04-10,{ACME},{HARBOUR},8542.32.0000,50,5\n"
)
LIST_CSV = (
    "id,name,aliases,type,country,address,list,program,start_date,source_url,remarks\n"
    "EL-1,Shadow Components Limited,,company,HK,"
    '"Flat 5, 12 Nathan Road, Kowloon, Hong Kong",US_EL,EAR74,2024-06-12,,\n'
)
#: every edge kind the test looks at (the trade ones and those other writers own)
KINDS = (*TRADE_EDGES_FROM, EdgeKind.OWNS, EdgeKind.SAME_AS, EdgeKind.OFFICER_OF)


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def make_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], Settings]]:
    def make(name: str) -> Settings:
        if request.param == "networkx":
            return Settings(workspace=tmp_path / name / "ws")
        settings = request.getfixturevalue("neo4j_settings").with_(
            workspace=tmp_path / name / "ws", store=StoreKind.NEO4J
        )
        store = open_store(settings)
        store.clear()
        store.close()
        return settings

    yield make


def _ingest(settings: Settings, root: Path, **texts: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for kind, text in texts.items():
        path = root / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        ingest_trade_file(settings, kind, path, today=TODAY)


def _first_load(settings: Settings, root: Path) -> None:
    """Lists, trade files and a review decision (a SAME_AS edge) on one graph, synced once."""
    (root / "watch.csv").write_text(LIST_CSV, encoding="utf-8")
    ingest_list_files(settings, [root / "watch.csv"])
    _ingest(settings, root / "v1", companies=COMPANIES, ownership=OWNERSHIP, shipments=SHIPMENTS)
    run_trade_sync(settings)
    with _store(settings) as store:
        (entry,) = store.nodes_frame(NodeKind.LIST_ENTRY)["id"]
        store.upsert_edges(EdgeKind.SAME_AS, [{"source": entry, "target": "co:csv:C1", "score": 0.9}])
        store.flush()


@contextlib.contextmanager
def _store(settings: Settings) -> Iterator[GraphStore]:
    store = open_store(settings)
    try:
        yield store
    finally:
        store.close()


def _edges(settings: Settings) -> dict[str, set[tuple[str, str, str]]]:
    with _store(settings) as store:
        return {k.value: set(store.edge_ends(k).itertuples(index=False, name=None)) for k in KINDS}


def _party(settings: Settings, name: str) -> str:
    parties = load_trade_tables(settings).parties
    (party,) = parties.loc[parties["name"].str.upper() == name, "party_id"]
    return str(party)


def _expected(settings: Settings) -> dict[str, set[tuple[str, str, str]]]:
    """The trade edges the current tables make, from trade_graph_frames (the rows, not the graph)."""
    frames = trade_graph_frames(load_trade_tables(settings))
    kind_of = {n: k for k, f in frames.nodes.items() for n in f["id"]}
    out = {}
    for kind, sources in TRADE_EDGES_FROM.items():
        f = frames.edges[kind]
        keys = f["key"].fillna("") if "key" in f.columns else [""] * len(f)
        made = zip(f["source"], f["target"], keys, strict=True)
        out[kind.value] = {e for e in made if kind_of[e[0]] in sources}
    return out


def _trade_part(edges: dict[str, set[tuple[str, str, str]]], settings: Settings) -> dict[str, set]:
    """The edges of the trade kinds whose source is a node of the kinds the trade sync owns."""
    with _store(settings) as store:
        kind_of = {
            n: k
            for k in (NodeKind.COMPANY, NodeKind.TRADE_PARTY, NodeKind.PERSON)
            for n in store.nodes_frame(k)["id"]
        }
    return {
        k.value: {e for e in edges[k.value] if kind_of.get(e[0]) in TRADE_EDGES_FROM[k]}
        for k in TRADE_EDGES_FROM
    }


def test_reingest_moves_edges_with_the_rows(make_settings: Callable[[str], Settings], tmp_path: Path) -> None:
    settings = make_settings("w")
    _first_load(settings, tmp_path)
    before = _edges(settings)
    far_east, acme = _party(settings, "FAR EAST TRADING LIMITED"), _party(settings, "ACME SEMI INC")
    assert ("co:csv:C1", "country:HK", "") in before["IN_COUNTRY"]
    assert (far_east, "ship:B2", "") in before["CONSIGNEE_OF"]
    assert (acme, far_east, "854232") in before["TRADES_WITH"]

    _ingest(settings, tmp_path / "v2", companies=MOVED, shipments=CORRECTED)
    outcome = run_trade_sync(settings)
    after = _edges(settings)
    harbour = _party(settings, "HARBOUR PARTS PTE LTD")
    tables = load_trade_tables(settings).companies.set_index("node_id")["address_id"]

    # the company that moved: only its new address and country
    assert {e for e in after["LOCATED_AT"] if e[0] == "co:csv:C1"} == {("co:csv:C1", tables["co:csv:C1"], "")}
    assert {e for e in after["IN_COUNTRY"] if e[0] == "co:csv:C1"} == {("co:csv:C1", "country:SG", "")}
    # the corrected shipments: only their new consignee; Far East's 854232 trade is gone
    assert {e for e in after["CONSIGNEE_OF"] if e[1] in ("ship:B2", "ship:B3")} == {
        (harbour, "ship:B2", ""),
        (harbour, "ship:B3", ""),
    }
    assert {e for e in after["TRADES_WITH"] if e[0] == acme} == {
        (acme, far_east, "854231"),
        (acme, harbour, "854231"),
        (acme, harbour, "854232"),
    }
    # what the rows make, and nothing else, on every trade kind
    assert _trade_part(after, settings) == _expected(settings)
    # list, ownership, officer and review edges as they were
    for kind in ("OWNS", "SAME_AS", "OFFICER_OF"):
        assert after[kind] == before[kind]
    listed_in = {e for e in before["IN_COUNTRY"] if e[0].startswith("list:")}
    assert listed_in and listed_in <= after["IN_COUNTRY"]
    listed_at = {e for e in before["LOCATED_AT"] if e[0].startswith("list:")}
    assert listed_at and listed_at <= after["LOCATED_AT"]
    assert {e for e in before["IN_COUNTRY"] if e[0].startswith("addr:")} <= after["IN_COUNTRY"]
    assert outcome.removed == {"LOCATED_AT": 1, "IN_COUNTRY": 1, "CONSIGNEE_OF": 2, "TRADES_WITH": 1}
    assert any("removed edges the tables no longer make" in n for n in outcome.notes())

    # the same tables again: nothing to remove, nothing changes
    again = run_trade_sync(settings)
    assert again.removed == {}
    assert _edges(settings) == after


def test_sync_interrupted_after_reingest_is_completed(
    make_settings: Callable[[str], Settings], tmp_path: Path
) -> None:
    settings = make_settings("w")
    _first_load(settings, tmp_path)
    _ingest(settings, tmp_path / "v2", companies=MOVED, shipments=CORRECTED)

    store = open_store(settings)
    real = store.upsert_edges

    def failing(kind: EdgeKind, rows: object, **options: object) -> int:
        if kind is EdgeKind.TRADES_WITH:
            raise RuntimeError("server went away")
        return real(kind, rows, **options)  # type: ignore[arg-type]

    store.upsert_edges = failing  # type: ignore[method-assign]
    try:
        with pytest.raises(RuntimeError, match="server went away"):
            run_trade_sync(settings, store=store)
    finally:
        store.close()
    assert status(settings)[1] == "interrupted"

    outcome = run_trade_sync(settings)
    assert outcome.recovered is not None and status(settings)[1] == "complete"
    after = _edges(settings)
    assert _trade_part(after, settings) == _expected(settings)
    acme, far_east = _party(settings, "ACME SEMI INC"), _party(settings, "FAR EAST TRADING LIMITED")
    assert (acme, far_east, "854232") not in after["TRADES_WITH"]
    assert {e for e in after["IN_COUNTRY"] if e[0] == "co:csv:C1"} == {("co:csv:C1", "country:SG", "")}
