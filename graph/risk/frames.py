"""The risk engine's input: every table it needs, read from the store in bulk (one call per kind).

Entities are Company, TradeParty and ListEntry nodes. Accepted SAME_AS edges (decision ``auto``
or ``confirmed``; edges without a decision count as accepted) join them into clusters — the
resolved real-world parties — and every fact is attached to a cluster: a company's registry
data, its trade party's shipments and its list entries together.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from graph.ids import normalise_key_text
from graph.list_status import listing_mask
from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore

ACCEPTED = ("auto", "confirmed")
#: Companies known only by name in ownership records (``graph.ids.byname_company_id``).
BYNAME_PREFIX = "co:byname:"
BYNAME_METHOD = "byname_exact"  # the method of a by-name owner link
COMPANY_COLS = ("name", "country", "incorporation_date", "business_type", "website", "email", "phone")
SHIPMENT_COLS = (
    "date",
    "shipper_party_id",
    "consignee_party_id",
    "hs6",
    "chpl_tier",
    "origin_country",
    "destination_country",
    "value_usd",
    "quantity",
)


@dataclass(frozen=True)
class RiskFrames:
    entities: pd.DataFrame  # id, kind, name, country, cluster, + company columns, list, status
    #: cluster, entry_id, list, name, programs, license_requirement, start_date, end_date
    listings: pd.DataFrame
    shipments: pd.DataFrame  # id + SHIPMENT_COLS + shipper, consignee (clusters), tier
    #: owner, owned (clusters), pct, source_id, target_id, as_of, source, relationship, start_date,
    #: end_date, status (every record; the risk run keeps the ones holding on its day, graph.holdings)
    owns: pd.DataFrame
    officers: pd.DataFrame  # person, cluster
    located: pd.DataFrame  # cluster, entity, address, line, provenance (from the LOCATED_AT edge)
    addresses: pd.DataFrame  # id, name (the normalised key), country
    same_as: pd.DataFrame  # source, target, score, method (accepted only)

    def cluster_of(self, node_ids: pd.Series) -> pd.Series:
        mapping = pd.Series(self.entities["cluster"].to_numpy(), index=self.entities["id"].to_numpy())
        return node_ids.map(mapping)

    @property
    def clusters(self) -> pd.DataFrame:
        """One row per cluster: cluster, name, country (a company's first, else party, else list)."""
        order = {NodeKind.COMPANY.value: 0, NodeKind.TRADE_PARTY.value: 1, NodeKind.LIST_ENTRY.value: 2}
        ent = self.entities.assign(_o=self.entities["kind"].map(order))
        ent = ent.sort_values(["cluster", "_o", "id"], kind="stable")
        return (
            ent.groupby("cluster", sort=True)
            .agg(name=("name", "first"), country=("country", "first"), members=("id", "size"))
            .reset_index()
        )


def group_lists(keys: pd.Series, values: pd.Series) -> pd.Series:
    """key → sorted distinct values, without a Python call per group (``groupby.agg(list)`` is slow)."""
    pairs = pd.DataFrame({"k": keys.to_numpy(), "v": values.to_numpy()}).dropna().drop_duplicates()
    pairs = pairs.sort_values(["k", "v"], kind="stable")
    k = pairs["k"].to_numpy()
    v = pairs["v"].to_numpy()
    if len(k) == 0:
        return pd.Series(dtype=object)
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    chunks = np.split(v, starts[1:])
    return pd.Series([c.tolist() for c in chunks], index=k[starts], dtype=object)


def join_groups(keys: pd.Series, texts: pd.Series, sep: str = ", ") -> pd.Series:
    """key → its texts joined by ``sep`` in their order, for keys already sorted (contiguous);
    ``groupby.agg(sep.join)`` calls Python once per group through pandas' slow path."""
    k = keys.to_numpy(dtype=object)
    if len(k) == 0:
        return pd.Series(dtype=object)
    v = texts.to_numpy(dtype=object).tolist()
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]]).tolist()
    ends = [*starts[1:], len(v)]
    return pd.Series(
        [sep.join(v[a:b]) for a, b in zip(starts, ends, strict=True)], index=k[starts], dtype=object
    )


def read_nodes(store: GraphStore, kind: NodeKind, columns: tuple[str, ...]) -> pd.DataFrame:
    """``nodes_frame`` with every requested column present (absent properties are None)."""
    frame = store.nodes_frame(kind, columns)
    for col in columns:
        if col not in frame.columns:
            frame[col] = None
    if frame.empty:  # no such nodes (a workspace without shipments): empty text, not float, columns
        frame = frame.astype(object)
    return frame


def read_edges(store: GraphStore, kind: EdgeKind, columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """``edges_frame`` with every requested column present (absent properties are None)."""
    frame = store.edges_frame(kind, columns)
    for col in columns:
        if col not in frame.columns:
            frame[col] = None
    if frame.empty:  # no such edges (list entries without addresses): text, not float, id columns
        frame = frame.astype(object)
    return frame


def _first_country(values: object) -> object:
    if isinstance(values, list | tuple | np.ndarray) and len(values):
        return values[0]
    return None


def clusters(ids: pd.Series, same_as: pd.DataFrame) -> pd.Series:
    """Cluster id per entity: the smallest member id of its SAME_AS connected component."""
    index = pd.Index(ids.to_numpy())
    src = index.get_indexer(same_as["source"])
    dst = index.get_indexer(same_as["target"])
    ok = (src >= 0) & (dst >= 0)
    n = len(index)
    graph = coo_matrix((np.ones(int(ok.sum()), dtype=np.int8), (src[ok], dst[ok])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    frame = pd.DataFrame({"id": index, "label": labels})
    rep = frame.groupby("label")["id"].min()
    return pd.Series(rep.loc[labels].to_numpy(), index=index)


def byname_owner_links(companies: pd.DataFrame, entries: pd.DataFrame) -> pd.DataFrame:
    """Links from owners named only by name in ownership records (``co:byname:…`` companies) to
    the listed entries (not context entities) with the same normalised primary name or alias,
    where the countries agree (or the entry gives none).

    Resolution pairs registry companies, trade parties and list entries, but an owner that exists
    only as a name in an ownership file is none of those; without this link a listed owner's
    stake would not count. The test is exact on the normalised name (the one the by-name id is
    made of), which keeps it free of fuzzy false links; each link carries
    ``method="byname_exact"`` as its evidence.
    """
    cols = ["source", "target", "score", "method", "decision"]
    byname = companies[companies["id"].astype(str).str.startswith(BYNAME_PREFIX)]
    active = entries[listing_mask(entries["status"])]
    if byname.empty or active.empty:
        return pd.DataFrame(columns=cols)
    owners = pd.DataFrame(
        {
            "source": byname["id"].to_numpy(),
            "key": byname["name"].map(normalise_key_text).to_numpy(),
            "owner_country": byname["country"].to_numpy(),
        }
    )
    names = pd.DataFrame(
        {
            "target": active["id"].to_numpy(),
            "name": [
                [n, *(a if isinstance(a, list | tuple | np.ndarray) else [])]
                for n, a in zip(active["name"], active["aliases"], strict=True)
            ],
            "countries": active["countries"].to_numpy(),
        }
    ).explode("name")
    names = names[names["name"].notna()]
    names["key"] = names["name"].map(normalise_key_text)
    pairs = owners.merge(names[names["key"] != ""], on="key")
    agree = [
        not isinstance(oc, str)
        or not isinstance(ec, list | tuple | np.ndarray)
        or len(ec) == 0
        or oc in set(ec)
        for oc, ec in zip(pairs["owner_country"], pairs["countries"], strict=True)
    ]
    links = pairs.loc[agree, ["source", "target"]].drop_duplicates()
    return links.assign(score=1.0, method=BYNAME_METHOD, decision="auto")[cols]


def load_frames(store: GraphStore) -> RiskFrames:
    companies = read_nodes(store, NodeKind.COMPANY, COMPANY_COLS).assign(kind=NodeKind.COMPANY.value)
    parties = read_nodes(store, NodeKind.TRADE_PARTY, ("name", "country")).assign(
        kind=NodeKind.TRADE_PARTY.value
    )
    entries = read_nodes(
        store,
        NodeKind.LIST_ENTRY,
        (
            "name",
            "list",
            "status",
            "countries",
            "aliases",
            "programs",
            "license_requirement",
            "start_date",
            "end_date",
        ),
    ).assign(kind=NodeKind.LIST_ENTRY.value)
    entries["country"] = entries["countries"].map(_first_country)
    entities = pd.concat(
        [
            companies,
            parties,
            entries.drop(
                columns=["countries", "aliases", "programs", "license_requirement", "start_date", "end_date"]
            ),
        ],
        ignore_index=True,
    )
    same_as = read_edges(store, EdgeKind.SAME_AS, ("score", "method", "decision"))
    accepted = same_as["decision"].isna() | same_as["decision"].isin(ACCEPTED)
    same_as = pd.concat(
        [same_as[accepted], byname_owner_links(companies, entries)], ignore_index=True
    ).reset_index(drop=True)
    entities["cluster"] = clusters(entities["id"], same_as).to_numpy()
    cmap = pd.Series(entities["cluster"].to_numpy(), index=entities["id"].to_numpy())

    active = entries[listing_mask(entries["status"])]  # context entities are never a listing
    listings = pd.DataFrame(
        {
            "cluster": active["id"].map(cmap).to_numpy(),
            "entry_id": active["id"].to_numpy(),
            "list": active["list"].to_numpy(),
            "name": active["name"].to_numpy(),
            "programs": active["programs"].to_numpy(),
            "license_requirement": active["license_requirement"].to_numpy(),
            "start_date": active["start_date"].to_numpy(dtype=object),  # the date the party was listed
            "end_date": active["end_date"].to_numpy(dtype=object),  # the date the listing ended
        }
    )

    ships = read_nodes(store, NodeKind.SHIPMENT, SHIPMENT_COLS)
    ships["shipper"] = ships["shipper_party_id"].map(cmap)
    ships["consignee"] = ships["consignee_party_id"].map(cmap)
    ships["hs6"] = ships["hs6"].astype(object).where(ships["hs6"].notna(), None)
    ships["value_usd"] = pd.to_numeric(ships["value_usd"], errors="coerce")
    ships["quantity"] = pd.to_numeric(ships["quantity"], errors="coerce")

    owns_raw = read_edges(
        store,
        EdgeKind.OWNS,
        ("pct", "as_of", "provenance", "relationship", "start_date", "end_date", "status"),
    )
    owns = pd.DataFrame(
        {
            "owner": owns_raw["source"].map(cmap).fillna(owns_raw["source"]).to_numpy(),
            "owned": owns_raw["target"].map(cmap).fillna(owns_raw["target"]).to_numpy(),
            "pct": pd.to_numeric(owns_raw["pct"], errors="coerce").fillna(0.0).to_numpy(),
            "source_id": owns_raw["source"].to_numpy(),
            "target_id": owns_raw["target"].to_numpy(),
            # the date the ownership record gives the stake for, and the file it came from
            "as_of": owns_raw["as_of"].to_numpy(dtype=object),
            "source": owns_raw["provenance"].to_numpy(dtype=object),
            # shareholder, or a consolidation record (direct_parent / ultimate_parent, GLEIF)
            "relationship": owns_raw["relationship"].to_numpy(dtype=object),
            # when it held and whether it still does (graph.holdings)
            "start_date": owns_raw["start_date"].to_numpy(dtype=object),
            "end_date": owns_raw["end_date"].to_numpy(dtype=object),
            "status": owns_raw["status"].to_numpy(dtype=object),
        }
    )
    off = read_edges(store, EdgeKind.OFFICER_OF)
    officers = pd.DataFrame(
        {"person": off["source"].to_numpy(), "cluster": off["target"].map(cmap).to_numpy()}
    )
    officers = officers.dropna().drop_duplicates()
    loc = read_edges(store, EdgeKind.LOCATED_AT, ("line", "provenance"))
    located = pd.DataFrame(
        {
            "cluster": loc["source"].map(cmap).to_numpy(),
            "entity": loc["source"].to_numpy(),
            "address": loc["target"].to_numpy(),
            # the address as this entity's own source wrote it (None on edges written before lines)
            "line": loc["line"].to_numpy(),
            "provenance": loc["provenance"].to_numpy(),
        },
        dtype=object,
    ).dropna(subset=["cluster", "entity", "address"])
    addresses = read_nodes(store, NodeKind.ADDRESS, ("name", "country"))
    return RiskFrames(
        entities=entities.reset_index(drop=True),
        listings=listings,
        shipments=ships,
        owns=owns,
        officers=officers,
        located=located,
        addresses=addresses,
        same_as=same_as[["source", "target", "score", "method"]],
    )


def member(values: pd.Series, among: Collection[object]) -> np.ndarray:
    """``values.isin(among)`` as a boolean array, by hashing: pandas' Arrow-backed ``str`` columns
    build one Arrow scalar per element of ``among`` in ``isin``, which costs seconds when ``among``
    holds the ~100,000 ids of a large workspace."""
    pool = among if isinstance(among, set | frozenset) else set(among)
    return np.fromiter((v in pool for v in values.to_numpy(dtype=object)), dtype=bool, count=len(values))
