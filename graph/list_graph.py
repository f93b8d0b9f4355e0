"""List tables → graph rows: ListEntry nodes with their addresses, countries and identifiers.

Nodes: ListEntry (``list:{ListSource}:{source_id}``), Address (shared with companies through
:func:`graph.addresses.address_id`), Country, Identifier (``ident:{scheme}:{value}``).
Edges: LOCATED_AT (``line``: the address as the list published it; ``provenance``: the list
version), IN_COUNTRY (entry → country of nationality/seat, address → country),
HAS_IDENTIFIER, RELATED_TO (relationships the list publishes; ``key`` = the relation).

Row building is pure (:func:`list_graph_frames`); :func:`write_list_graph` only writes.
Current entries have ``status="active"``, or ``"context"`` when the publisher says the record is
not itself listed (``graph.list_status``). Entries dropped from a feed stay as nodes with
``status="removed"`` and ``removed_in`` (the version that dropped them) so history remains and
screening can skip them.

Every ListEntry row is the entry's whole record — a current entry's as its version publishes
it, a removed one's as the last version listing it did — so the list sync owns those properties
(:data:`LIST_OWNED`, the store's ``owned``): a field a version leaves empty is removed from the
node instead of keeping an older version's value, and an entry listed again loses ``removed_in``.
The entry's own LOCATED_AT and RELATED_TO edges are owned the same way. Address, Identifier and
Country nodes are shared with other feeds and the company files, and keep the store's default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import orjson
import pandas as pd

from graph.addresses import address_nodes
from graph.countries import country_nodes
from graph.list_status import REMOVED, entry_status
from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore
from graph.trade_graph import GraphFrames, records

_SCHEME = re.compile(r"[^0-9A-Z]+")


def identifier_id(scheme: str, value: str) -> str:
    """``ident:{SCHEME}:{value}`` — scheme upper-cased with ``_`` for punctuation, value trimmed."""
    key = _SCHEME.sub("_", scheme.upper()).strip("_") or "ID"
    return f"ident:{key}:{' '.join(str(value).split())}"


def _loads(values: Iterable[object]) -> list[list]:
    return [orjson.loads(v) if isinstance(v, str) and v and v != "[]" else [] for v in values]


def _column(entries: pd.DataFrame, column: str) -> list[object]:
    """A column's values, or ``None`` for each row when the frame predates it."""
    return entries[column].tolist() if column in entries.columns else [None] * len(entries)


def _nested(entries: pd.DataFrame, column: str) -> list[list]:
    """A JSON column's values, decoded — or taken from its already-decoded twin ``_{name}``
    (which the ingest attaches to fresh rows, so they are not encoded and decoded again)."""
    twin = "_" + column.removesuffix("_json")
    if twin in entries.columns:
        return list(entries[twin])
    return _loads(entries[column])


#: ListEntry properties the list sync writes (:func:`_entry_nodes`, plus ``removed_in``).
LIST_ENTRY_PROPS = (
    "name",
    "list",
    "source_id",
    "entity_kind",
    "kind_source",
    "kind_evidence",
    "aliases",
    "alias_kinds",
    "programs",
    "countries",
    "birth_dates",
    "license_requirement",
    "license_policy",
    "legal_basis",
    "start_date",
    "end_date",
    "source_url",
    "remarks",
    "raw_ref",
    "feed",
    "list_version",
    "source",
    "status",
    "removed_in",
)
#: What the list sync owns per kind: the allow-list of properties it may remove (see the module doc).
LIST_OWNED: dict[NodeKind | EdgeKind, frozenset[str]] = {
    NodeKind.LIST_ENTRY: frozenset(LIST_ENTRY_PROPS),
    EdgeKind.LOCATED_AT: frozenset({"line", "provenance"}),
    EdgeKind.RELATED_TO: frozenset({"relation", "props_json", "provenance"}),
}


def _entry_nodes(entries: pd.DataFrame) -> pd.DataFrame:
    """ListEntry node rows of ``list_entries`` rows (index 0..n-1): each entry's whole record."""
    aliases = _nested(entries, "aliases_json")
    return pd.DataFrame(
        {
            "id": entries["node_id"],
            "name": entries["name"],
            "list": entries["list"],
            "source_id": entries["source_id"],
            "entity_kind": entries["kind"],
            # why the kind: the list's type, its default, or read from the name (with evidence)
            "kind_source": _column(entries, "kind_source"),
            "kind_evidence": _column(entries, "kind_evidence"),
            "aliases": [[a[0] for a in al] for al in aliases],
            "alias_kinds": [[a[1] for a in al] for al in aliases],
            "programs": _nested(entries, "programs_json"),
            "countries": _nested(entries, "countries_json"),
            "birth_dates": _nested(entries, "birth_dates_json"),
            "license_requirement": entries["license_requirement"],
            "license_policy": entries["license_policy"],
            "legal_basis": entries["legal_basis"],
            "start_date": entries["start_date"],
            "end_date": entries["end_date"],
            "source_url": entries["source_url"],
            "remarks": entries["remarks"],
            "raw_ref": entries["raw_ref"],
            "feed": entries["feed"],
            "list_version": entries["version_id"],
            "source": entries["version_id"],
            "status": [entry_status(c) for c in _column(entries, "context")],
        }
    )


def list_graph_frames(
    entries: pd.DataFrame,
    relations: pd.DataFrame | None = None,
    removed: pd.DataFrame | None = None,
) -> GraphFrames:
    """Graph rows for ``entries`` (``list_entries`` rows: the current version of a feed).

    ``relations``: ``list_relations`` rows of that version (ends outside ``entries`` are dropped).
    ``removed``: ``list_entries`` rows (of the previous version) with a ``removed_in`` column,
    written back as that record with ``status="removed"``.
    """
    entries = entries.reset_index(drop=True)
    node = _entry_nodes(entries)
    # entry, address id, line as published, country, list version
    addr_rows: list[tuple[str, str, str, str | None, str]] = []
    for entry_id, version, addrs in zip(
        entries["node_id"], entries["version_id"], _nested(entries, "addresses_json"), strict=True
    ):
        for a in addrs:
            if a.get("address_id"):
                line = a.get("line") or a["raw"]
                addr_rows.append((entry_id, a["address_id"], line, a.get("country"), version))
    addr = pd.DataFrame(addr_rows, columns=["entry", "id", "line", "country", "version"], dtype=object)
    ident_rows: list[tuple[str, str, str, str, str | None]] = []
    for entry_id, idents in zip(entries["node_id"], _nested(entries, "identifiers_json"), strict=True):
        for scheme, value, country in idents:
            if str(value).strip():
                ident_rows.append((entry_id, identifier_id(scheme, value), str(value), scheme, country))
    ident = pd.DataFrame(ident_rows, columns=["entry", "id", "name", "scheme", "country"], dtype=object)
    entry_countries = [
        (e, c) for e, cs in zip(node["id"], node["countries"], strict=True) for c in dict.fromkeys(cs)
    ]
    ec = pd.DataFrame(entry_countries, columns=["source", "code"], dtype=object)
    addresses = address_nodes(addr["id"], addr["line"], addr["country"])
    identifiers = ident.drop(columns="entry").drop_duplicates("id").sort_values("id")
    countries = country_nodes(set(ec["code"].dropna()) | set(addresses["country"].dropna()))

    in_country = pd.concat(
        [
            pd.DataFrame({"source": ec["source"], "target": "country:" + ec["code"]}),
            pd.DataFrame({"source": addresses["id"], "target": "country:" + addresses["country"]}).dropna(),
        ],
        ignore_index=True,
    ).drop_duplicates()
    # the line as this list published it, on the entry's own edge (the shared node holds the key);
    # an entry listing one address twice keeps the first of its spellings
    located = pd.DataFrame(
        {"source": addr["entry"], "target": addr["id"], "line": addr["line"], "provenance": addr["version"]}
    ).drop_duplicates(["source", "target"])
    has_ident = pd.DataFrame({"source": ident["entry"], "target": ident["id"]}).drop_duplicates()
    edges: dict[EdgeKind, pd.DataFrame] = {
        EdgeKind.LOCATED_AT: located.assign(key=""),
        EdgeKind.IN_COUNTRY: in_country.assign(key=""),
        EdgeKind.HAS_IDENTIFIER: has_ident.assign(key=""),
        EdgeKind.RELATED_TO: _related(entries, relations),
    }
    list_nodes = node
    if removed is not None and len(removed):
        removed = removed.reset_index(drop=True)
        gone = _entry_nodes(removed).assign(status=REMOVED, removed_in=removed["removed_in"])
        list_nodes = pd.concat([node, gone], ignore_index=True)
    nodes = {
        NodeKind.COUNTRY: countries,
        NodeKind.ADDRESS: addresses,
        NodeKind.IDENTIFIER: identifiers,
        NodeKind.LIST_ENTRY: list_nodes,
    }
    return GraphFrames(nodes, edges, LIST_OWNED)


def entry_records(entries: pd.DataFrame) -> pd.DataFrame:
    """The ListEntry node rows of ``entries`` (``list_entries`` rows), each with its addresses
    (:func:`with_addresses`): the one reading of the current entries that screening indexes,
    rescreen screens and a review decision's fingerprint is taken of
    (:mod:`graph.list_fingerprint`), so the three never see an entry differently."""
    frames = list_graph_frames(entries.reset_index(drop=True))
    return with_addresses(
        frames.nodes[NodeKind.LIST_ENTRY], frames.nodes[NodeKind.ADDRESS], frames.edges[EdgeKind.LOCATED_AT]
    )


def with_addresses(entries: pd.DataFrame, addresses: pd.DataFrame, located: pd.DataFrame) -> pd.DataFrame:
    """``entries`` with ``addresses`` (each entry's lines as published, from its LOCATED_AT
    edges of :func:`list_graph_frames`) and ``address_countries`` list columns."""
    addr = addresses.set_index("id")
    lines: dict[str, list[str]] = {}
    countries: dict[str, list[str]] = {}
    # each entry's own published line is on its edge; the shared node holds only the normalised key
    for entry, address, line in zip(located["source"], located["target"], located["line"], strict=True):
        if address in addr.index:
            lines.setdefault(entry, []).append(str(line))
            country = addr.at[address, "country"]
            countries.setdefault(entry, []).append(str(country) if isinstance(country, str) else "")
    out = entries.copy()
    out["addresses"] = [lines.get(e, []) for e in out["id"]]
    out["address_countries"] = [countries.get(e, []) for e in out["id"]]
    return out


def _related(entries: pd.DataFrame, relations: pd.DataFrame | None) -> pd.DataFrame:
    cols = ["source", "target", "key", "relation"]
    if relations is None or not len(relations):
        return pd.DataFrame(columns=cols)
    known = set(entries["node_id"])
    rel = relations[relations["source"].isin(known) & relations["target"].isin(known)]
    out = pd.DataFrame(
        {
            "source": rel["source"],
            "target": rel["target"],
            "key": rel["relation"],
            "relation": rel["relation"],
            "props_json": rel["props_json"],
            "provenance": rel["version_id"],
        }
    )
    return out.drop_duplicates(["source", "target", "key"])


def edge_identities(frames: GraphFrames) -> dict[EdgeKind, set[tuple[str, str, str]]]:
    """(source, target, key) of every edge in ``frames``, per kind."""
    return {
        kind: set(zip(f["source"], f["target"], f["key"].fillna(""), strict=True))
        for kind, f in frames.edges.items()
    }


def write_list_graph(store: GraphStore, frames: GraphFrames) -> dict[str, int]:
    """Upsert every node and edge: one call per kind, nodes before edges, owned properties
    (``frames.owned``) left out removed."""
    written: dict[str, int] = {}
    for node_kind, nframe in frames.nodes.items():
        if len(nframe):
            owned = frames.owned_by(node_kind)
            written[node_kind.value] = store.upsert_nodes(node_kind, records(nframe), owned=owned)
    for edge_kind, eframe in frames.edges.items():
        if len(eframe):
            owned = frames.owned_by(edge_kind)
            written[edge_kind.value] = store.upsert_edges(edge_kind, records(eframe), owned=owned)
    return written
