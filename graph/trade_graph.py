"""Company & trade tables → graph rows, written with one batched upsert per node/edge kind.

Nodes: Company (registry and name-only), Person, TradeParty, Address, Country, Shipment.
Edges: LOCATED_AT (``line``: the address as the registry or bill of lading wrote it; the shared
Address node holds the normalised key, :func:`graph.addresses.address_nodes`), IN_COUNTRY, OWNS,
OFFICER_OF, SHIPPER_OF/CONSIGNEE_OF/NOTIFY_OF and the aggregated TRADES_WITH (shipper party →
consignee party, key = HS-6) that path search walks.
Row building is pure (:func:`trade_graph_frames`); :func:`write_graph_frames` only writes. The
journaled sync that wraps them (a load interrupted mid-way is detected and completed) is
:func:`ingest.trade.graph_sync.run_trade_sync`.

Every sync writes each company, person, trade party and shipment, and each OWNS, OFFICER_OF,
TRADES_WITH and LOCATED_AT edge, whole from the tables, where a registry file's newer row replaces
the older one; so the sync owns those properties (:data:`TRADE_OWNED`, the store's ``owned``): a
field the newer row leaves empty is removed from the graph too. Address and Country nodes are
shared with the lists and keep the store's default (absent = kept), as do risk results.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from graph.addresses import address_nodes, full_address
from graph.countries import country_nodes
from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore
from graph.stores.columns import ColumnRows
from graph.tables.trade import TRADE_SCHEMAS, TradeTables


@dataclass(frozen=True)
class GraphFrames:
    nodes: dict[NodeKind, pd.DataFrame]  # column "id" plus properties
    edges: dict[EdgeKind, pd.DataFrame]  # columns "source", "target", "key" plus properties
    #: Per kind, the properties whose rows are whole records (the store's ``owned``): one a row
    #: leaves out is removed from the stored node or edge. Kinds not here are written as partial rows.
    owned: Mapping[NodeKind | EdgeKind, frozenset[str]] = field(default_factory=dict)

    def owned_by(self, kind: NodeKind | EdgeKind) -> frozenset[str]:
        return self.owned.get(kind, frozenset())


def _columns(table: str, *, without: tuple[str, ...] = (), extra: tuple[str, ...] = ()) -> frozenset[str]:
    """A trade table's columns as node or edge properties (its id columns left out)."""
    return frozenset(c for c in TRADE_SCHEMAS[table] if c not in without) | frozenset(extra)


#: What the trade sync owns per kind (see the module doc): each frame's property columns, from
#: the table schemas and :func:`trade_graph_frames` (a test holds the two together).
TRADE_OWNED: dict[NodeKind | EdgeKind, frozenset[str]] = {
    NodeKind.COMPANY: _columns("companies", without=("node_id", "address_id")),
    NodeKind.PERSON: frozenset({"name", "country"}),
    NodeKind.TRADE_PARTY: _columns("parties", without=("party_id", "address_id")),
    NodeKind.SHIPMENT: _columns("shipments", without=("node_id",), extra=("name",)),
    EdgeKind.LOCATED_AT: frozenset({"line", "provenance"}),
    EdgeKind.OWNS: frozenset(
        {"pct", "as_of", "relationship", "provenance", "start_date", "end_date", "status"}
    ),
    EdgeKind.OFFICER_OF: frozenset({"role", "start_date", "end_date", "provenance"}),
    EdgeKind.TRADES_WITH: frozenset({"count", "value_usd", "first", "last", "chpl_tier"}),
}


def trades_with(shipments: pd.DataFrame) -> pd.DataFrame:
    """TRADES_WITH per (shipper party, consignee party, HS-6): count, value_usd, first, last, chpl_tier."""
    ships = shipments.dropna(subset=["shipper_party_id", "consignee_party_id"])
    keyed = ships.assign(key=ships["hs6"].fillna(""))
    grouped = keyed.groupby(["shipper_party_id", "consignee_party_id", "key"], sort=True, dropna=False)
    agg = grouped.agg(
        count=("shipment_id", "size"),
        value_usd=("value_usd", "sum"),
        first=("date", "min"),
        last=("date", "max"),
        chpl_tier=("chpl_tier", "first"),
    ).reset_index()
    agg["value_usd"] = agg["value_usd"].round(2)
    return agg.rename(columns={"shipper_party_id": "source", "consignee_party_id": "target"})


def name_only_companies(tables: TradeTables) -> pd.DataFrame:
    """Owners/owned/companies named only in ownership or officer files (not in the companies
    table), one row per id (``id``, ``name``, ``country``; officer-only ones have no name): the
    graph's name-only Company nodes, such as the ``co:byname:…`` owners."""
    o, f = tables.ownership, tables.officers
    named = pd.concat(
        [
            o[["owner_node_id", "owner_name", "owner_country"]].set_axis(["id", "name", "country"], axis=1),
            o[["owned_node_id", "owned_name"]].set_axis(["id", "name"], axis=1),
            f[["company_node_id"]].set_axis(["id"], axis=1),
        ],
        ignore_index=True,
    )
    # A name written several ways (case, punctuation: one id) shows its first spelling in
    # alphabetical order over all its rows, not the first row's: an ownership row's key holds its
    # source, often the file's name, so the first row would follow how files are named. (Rows of
    # one key from several files keep their first spelling too: graph.tables.trade.TRADE_NAMES.)
    return (
        named[~named["id"].isin(tables.companies["node_id"])]
        .groupby("id", sort=True)
        .agg(name=("name", "min"), country=("country", "min"))
        .reset_index()
    )


def trade_graph_frames(tables: TradeTables) -> GraphFrames:
    c, o, f, p, s = tables.companies, tables.ownership, tables.officers, tables.parties, tables.shipments
    companies = c.rename(columns={"node_id": "id"}).drop(columns=["address_id"])
    byname = name_only_companies(tables)
    byname["source"] = byname["id"].str.split(":").str[1]
    byname["name"] = byname["name"].fillna(byname["id"])
    persons = (
        f.groupby("person_node_id", sort=True)
        .agg(name=("person_name", "min"), country=("person_country", "min"))
        .reset_index()
    )
    persons = persons.rename(columns={"person_node_id": "id"})
    parties = p.rename(columns={"party_id": "id"}).drop(columns=["address_id"])
    # each company's and party's own line, kept on its LOCATED_AT edge (the shared node holds the key)
    lines = pd.concat(
        [
            pd.DataFrame(
                {
                    "source": c["node_id"],
                    "target": c["address_id"],
                    "line": full_address(
                        *(c[col].fillna("").astype(str) for col in ("address", "city", "postal_code"))
                    ),
                    "provenance": c["source"],
                    "country": c["country"],
                }
            ),
            pd.DataFrame(
                {
                    "source": p["party_id"],
                    "target": p["address_id"],
                    "line": p["address"],
                    "country": p["country"],
                }
            ),
        ],
        ignore_index=True,
    ).dropna(subset=["source", "target"])
    addr = address_nodes(lines["target"], lines["line"], lines["country"])
    shipments = s.rename(columns={"node_id": "id"}).assign(name=s["shipment_id"])
    countries_used = (
        pd.concat(
            [
                c["country"],
                p["country"],
                addr["country"],
                o["owner_country"],
                persons["country"],
                s["origin_country"],
                s["dispatch_country"],
                s["destination_country"],
            ]
        )
        .dropna()
        .unique()
    )
    countries = country_nodes(countries_used)

    located = lines.drop(columns="country")
    in_country = pd.concat(
        [
            pd.DataFrame({"source": c["node_id"], "target": "country:" + c["country"]}),
            pd.DataFrame({"source": p["party_id"], "target": "country:" + p["country"]}),
            pd.DataFrame({"source": addr["id"], "target": "country:" + addr["country"]}),
            pd.DataFrame({"source": persons["id"], "target": "country:" + persons["country"]}),
        ]
    ).dropna()
    # Edge rows use "source"/"target" for their ends, so the file an edge came from is "provenance".
    owns = pd.DataFrame(
        {
            "source": o["owner_node_id"],
            "target": o["owned_node_id"],
            "key": "",
            "pct": o["share_pct"],
            "as_of": o["as_of"],
            "relationship": o["relationship"],
            "provenance": o["source"],
            # when the stake or consolidation held, and whether it still does (GLEIF INACTIVE)
            "start_date": o["start_date"],
            "end_date": o["end_date"],
            "status": o["status"],
        }
    )
    officer = pd.DataFrame(
        {
            "source": f["person_node_id"],
            "target": f["company_node_id"],
            "role": f["role"],
            "start_date": f["start_date"],
            "end_date": f["end_date"],
            "provenance": f["source"],
        }
    ).drop_duplicates(["source", "target", "role"])
    officer = officer.assign(key=officer["role"].fillna(""))
    party_edges = {
        EdgeKind.SHIPPER_OF: "shipper_party_id",
        EdgeKind.CONSIGNEE_OF: "consignee_party_id",
        EdgeKind.NOTIFY_OF: "notify_party_id",
    }
    edges: dict[EdgeKind, pd.DataFrame] = {
        EdgeKind.LOCATED_AT: located.drop_duplicates(["source", "target"]),
        EdgeKind.IN_COUNTRY: in_country.drop_duplicates(),
        EdgeKind.OWNS: owns,
        EdgeKind.OFFICER_OF: officer,
        EdgeKind.TRADES_WITH: trades_with(s),
    }
    for kind, col in party_edges.items():
        edges[kind] = pd.DataFrame({"source": s[col], "target": s["node_id"]}).dropna()
    nodes = {
        NodeKind.COMPANY: pd.concat([companies, byname], ignore_index=True),
        NodeKind.PERSON: persons,
        NodeKind.TRADE_PARTY: parties,
        NodeKind.ADDRESS: addr,
        NodeKind.COUNTRY: countries,
        NodeKind.SHIPMENT: shipments,
    }
    return GraphFrames(nodes, edges, TRADE_OWNED)


def records(frame: pd.DataFrame) -> ColumnRows:
    """Rows as mappings without absent values (the store contract: ``None`` is not stored).

    Column-wise: nulls and Python conversion are handled once per column; the networkx store
    adds the columns directly, other stores iterate them as row dicts.
    """
    return ColumnRows.from_frame(frame)


def write_trade_graph(store: GraphStore, tables: TradeTables) -> dict[str, int]:
    """Upsert every trade node and edge: one call per kind, nodes before edges."""
    return write_graph_frames(store, trade_graph_frames(tables))


def frame_kinds(frames: GraphFrames) -> tuple[str, ...]:
    """The kinds :func:`write_graph_frames` writes, in its order (nodes first: edges need their ends)."""
    return tuple(k.value for k in (*frames.nodes, *frames.edges))


def write_graph_frames(
    store: GraphStore,
    frames: GraphFrames,
    kind_done: Callable[[str, int], None] | None = None,
    importing: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Upsert ``frames`` one call per kind in :func:`frame_kinds` order, emptying ``frames``.

    ``kind_done(kind, rows)`` is called after each kind's call returned (the sync journal records
    progress with it). Each frame is dropped once written: at a million shipments the frames are a
    large share of RAM.

    A store with ``bulk_load`` (Neo4j) may instead load everything at once with its offline
    importer (a first load into its empty local database, where no owned property has anything
    to remove); ``importing()`` is called before it starts, and ``kind_done`` for every kind once
    it is done.
    """
    bulk = getattr(store, "bulk_load", None)
    written: dict[str, int] | None = None
    if bulk is not None:
        written = bulk(frames.nodes, frames.edges, starting=importing)
    if written is not None:
        if kind_done is not None:
            for kind, rows in written.items():
                kind_done(kind, rows)
        return written
    written = {}
    for node_kind in list(frames.nodes):
        node_rows = records(frames.nodes.pop(node_kind))
        written[node_kind.value] = store.upsert_nodes(node_kind, node_rows, owned=frames.owned_by(node_kind))
        if kind_done is not None:
            kind_done(node_kind.value, written[node_kind.value])
    for edge_kind in list(frames.edges):
        edge_rows = records(frames.edges.pop(edge_kind))
        written[edge_kind.value] = store.upsert_edges(edge_kind, edge_rows, owned=frames.owned_by(edge_kind))
        if kind_done is not None:
            kind_done(edge_kind.value, written[edge_kind.value])
    return written
