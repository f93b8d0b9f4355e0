"""How the risk run joins a party's records into one cluster, link by link, for one party.

``chipwatch risk`` (:func:`graph.risk.frames.load_frames`) joins records by accepted SAME_AS
edges *and* by by-name owner links (:func:`graph.risk.frames.byname_owner_links`: an owner known
only by name in an ownership record, ``co:byname:…``, to the listed entry of that exact
normalised name). The by-name links are computed, never stored, so a walk over stored SAME_AS
edges alone misses the list entries that make such an owner score 100.

:func:`cluster_joins` walks both, ring by ring from the party, and gives each record reached the
chain of links that reached it: a SAME_AS link with its method, score and resolution reasons, a
by-name owner link with its facts (the owner's name and the entry's name or alias it equals, the
countries) and its source (the ownership records that name the owner).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from graph.holdings import holding_text
from graph.ids import normalise_key_text
from graph.list_status import is_listing
from graph.model import Edge, EdgeKind, Node, NodeKind
from graph.resolve.link import link_score_text
from graph.risk.frames import ACCEPTED, BYNAME_METHOD, BYNAME_PREFIX, byname_owner_links, read_nodes
from graph.store import GraphStore

SAME_AS = "SAME_AS"
BYNAME = "by-name owner link"
ENTRY_COLS = ("name", "status", "countries", "aliases")


@dataclass(frozen=True)
class Join:
    """One link of a chain: ``start`` reaches ``end`` by a SAME_AS edge or a by-name owner link."""

    start: str
    end: str
    link: str  # SAME_AS | BYNAME
    method: str | None
    score: float | None
    facts: tuple[str, ...] = ()  # SAME_AS: the resolution reasons; by name: the names and countries
    source: tuple[str, ...] = ()  # by name: the ownership records naming the owner

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.start,
            "to": self.end,
            "link": self.link,
            "method": self.method,
            "score": self.score,
            "facts": list(self.facts),
            "source": list(self.source),
        }


def link_text(link: dict[str, Any]) -> str:
    """One link of a hit's chain: to which record, by what (method, score), its facts and source."""
    score = f" {link_score_text(link['score'])}" if isinstance(link.get("score"), float | int) else ""
    head = f"{link['link']} to {link['to']} ({link.get('method') or '?'}{score})"
    facts = "; ".join(link.get("facts") or [])
    source = "; ".join(link.get("source") or [])
    return head + (f": {facts}" if facts else "") + (f" [source: {source}]" if source else "")


def _strings(values: object) -> list[str]:
    """The strings of a multi-valued property (a list, or an array as Parquet gives it back)."""
    if isinstance(values, list | tuple | np.ndarray):
        return [str(v) for v in values if isinstance(v, str)]
    return []


def byname_facts(owner: Node, entry: Node) -> tuple[str, ...]:
    """Why the risk run links ``owner`` (a by-name owner) to ``entry``: the entry's name or alias
    the owner's name equals once normalised, and how the countries agree."""
    key = normalise_key_text(owner.name)
    aliases = _strings(entry.props.get("aliases"))
    if normalise_key_text(entry.name) == key:
        named = f"the entry's name {entry.name!r}"
    else:
        alias = next((a for a in aliases if normalise_key_text(a) == key), "?")
        named = f"the entry's alias {alias!r}"
    facts = [f"ownership records name the owner only as {owner.name!r}: {named}, the same once normalised"]
    country = owner.props.get("country") if isinstance(owner.props.get("country"), str) else None
    countries = _strings(entry.props.get("countries"))
    if not countries:
        facts.append(f"the entry gives no country (owner: {country or 'none'})")
    elif country is None:
        facts.append(f"the ownership records give no country (entry: {', '.join(countries)})")
    else:
        facts.append(f"country agrees: {country} among the entry's {', '.join(countries)}")
    return tuple(facts)


def ownership_sources(store: GraphStore, owner: str) -> tuple[str, ...]:
    """The ownership records that name ``owner``: each stake it holds, with provenance and date."""
    out = []
    for e in store.neighbours(owner, [EdgeKind.OWNS], direction="out"):
        target = store.node(e.target)
        origin = e.props.get("provenance") or e.props.get("source")
        dated = f"as of {e.props['as_of']}" if e.props.get("as_of") else None
        where = ", ".join(str(v) for v in (origin, dated) if v)
        pct = e.props.get("pct")
        stake = f"{float(pct):g}" if pct is not None else "?"
        held = f"owns {stake} % of {target.name if target else e.target} ({e.target})"
        ended = holding_text(e.props, dt.date.today().isoformat())
        if ended:  # history: the stake no longer holds
            held = f"{held} — {ended}, not current"
        out.append(f"{held}: {where}" if where else held)
    return tuple(out)


class ByNameLinks:
    """By-name owner links, computed by the risk run's own rule; the workspace's by-name owners and
    the list entries they name are read once, on first need (a walk needs them only at a ring
    holding a record a link can end at, :meth:`ends_among`), and every link between them is found
    in one merge. Kept per graph state (the app keeps one per state, a path index one, an export
    one), the reports and walks after the first read none of them again."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._entries: pd.DataFrame | None = None
        self._owners: pd.DataFrame | None = None
        self._owner_keys: set[str] | None = None
        self._by_end: dict[str, list[tuple[str, str]]] | None = None
        self._facts: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def owners(self) -> pd.DataFrame:
        if self._owners is None:
            companies = read_nodes(self.store, NodeKind.COMPANY, ("name", "country"))
            self._owners = companies[companies["id"].astype(str).str.startswith(BYNAME_PREFIX)]
        return self._owners

    def _names_an_owner(self, name: object, aliases: object) -> bool:
        if self._owner_keys is None:
            self._owner_keys = {normalise_key_text(n) for n in self.owners()["name"]}
        return any(normalise_key_text(n) in self._owner_keys for n in (name, *_strings(aliases)))

    def entries(self) -> pd.DataFrame:
        """The list entries some by-name owner names (name or alias, normalised): the only ones a
        by-name link can reach, so the links are merged against these few, not the whole list."""
        if self._entries is None:
            entries = read_nodes(self.store, NodeKind.LIST_ENTRY, ENTRY_COLS)
            names = zip(entries["name"], entries["aliases"], strict=True)
            named = np.fromiter((self._names_an_owner(n, a) for n, a in names), bool, len(entries))
            self._entries = entries[named]  # a mask, also when empty ([] would pick no column)
        return self._entries

    def _links_by_end(self) -> dict[str, list[tuple[str, str]]]:
        """Every (owner, entry) link, under each of its two ends: one merge of all by-name owners
        with the entries they name (a link depends only on its two ends, so this is the merge
        each ring used to make for its own few records)."""
        if self._by_end is None:
            pairs: set[tuple[str, str]] = set()
            if len(self.owners()):  # else no link, and no list entry to read
                links = byname_owner_links(self.owners(), self.entries())
                pairs = {(str(s), str(t)) for s, t in zip(links["source"], links["target"], strict=True)}
            by_end: dict[str, list[tuple[str, str]]] = {}
            for pair in pairs:
                for end in pair:
                    by_end.setdefault(end, []).append(pair)
            self._by_end = by_end
        return self._by_end

    def ends_among(self, nodes: Iterable[Node]) -> list[str]:
        """The records of ``nodes`` a by-name link can end at: by-name owners, and listed entries
        whose name or an alias is a by-name owner's (a set lookup, so that a walk through records
        no link touches reads no list entry)."""
        return [
            n.id
            for n in nodes
            if n.id.startswith(BYNAME_PREFIX)
            or (
                n.kind is NodeKind.LIST_ENTRY
                and is_listing(n.props.get("status"))
                and self._names_an_owner(n.name, n.props.get("aliases"))
            )
        ]

    def around(self, node_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(owner, entry) links with an end among ``node_ids``, sorted."""
        ids = list(node_ids)
        if not ids:  # (no link is read for a ring no link can touch)
            return []
        by_end = self._links_by_end()
        return sorted({pair for n in ids for pair in by_end.get(n, ())})

    def join(self, start: str, owner: str, entry: str) -> Join:
        """The link between ``owner`` and ``entry`` as a chain's step from ``start`` (either end),
        with its facts and source; read from the store once per link."""
        key = (owner, entry)
        if key not in self._facts:
            owner_node, entry_node = self.store.node(owner), self.store.node(entry)
            assert owner_node is not None and entry_node is not None
            self._facts[key] = (byname_facts(owner_node, entry_node), ownership_sources(self.store, owner))
        facts, source = self._facts[key]
        end = entry if start == owner else owner
        return Join(start, end, BYNAME, BYNAME_METHOD, 1.0, facts, source)


def _present(value: object) -> object:
    """A frame cell as an edge's property reads: ``None`` for a missing value (NaN, NA)."""
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


def _accepted(decision: object) -> bool:
    """Whether a SAME_AS edge joins its ends: no decision (an automatic link) or an accepted one."""
    return (decision or "auto") in ACCEPTED


def _same_as_join(start: str, other: str, method: Any, score: Any, reasons_json: Any) -> Join:
    """A SAME_AS link from ``start`` to ``other``, from the edge's properties (None when absent)."""
    reasons = json.loads(reasons_json) if isinstance(reasons_json, str) and reasons_json else []
    return Join(
        start,
        other,
        SAME_AS,
        method,
        float(score) if score is not None else None,
        tuple(str(r) for r in reasons),
    )


def _same_as(edge_start: str, e: Edge) -> Join:
    other = e.target if e.source == edge_start else e.source
    return _same_as_join(
        edge_start, other, e.props.get("method"), e.props.get("score"), e.props.get("reasons_json")
    )


#: The properties of a SAME_AS edge a join reads (``read_edges(store, EdgeKind.SAME_AS, SAME_AS_COLS)``).
SAME_AS_COLS = ("score", "method", "reasons_json", "decision")


class SameAsLinks:
    """The accepted SAME_AS links of the whole graph, from edges already read
    (:data:`SAME_AS_COLS`), as :func:`cluster_joins` walks them: for a caller walking from many
    records (the risk-list export), whose rings then cost no store read (on Neo4j a round trip
    each). A node's links come in edge identity order, as the store lists them."""

    def __init__(self, edges: pd.DataFrame) -> None:
        rows: dict[str, list[tuple[tuple[str, str, str], str, object, object, object]]] = {}
        columns = [edges[c].tolist() for c in ("source", "target", "key", *SAME_AS_COLS)]
        for src, dst, key, score, method, reasons, decision in zip(*columns, strict=True):
            if not _accepted(_present(decision)):
                continue
            ident = (str(src), str(dst), str(key))
            link = (_present(method), _present(score), _present(reasons))
            rows.setdefault(ident[0], []).append((ident, ident[1], *link))
            if ident[1] != ident[0]:
                rows.setdefault(ident[1], []).append((ident, ident[0], *link))
        self._rows = {n: sorted(r, key=lambda r: r[0]) for n, r in rows.items()}

    def ring(self, frontier: Iterable[str]) -> dict[str, list[Join]]:
        """Each record's accepted SAME_AS links, as joins from it."""
        return {n: [_same_as_join(n, *r[1:]) for r in self._rows.get(n, ())] for n in frontier}


def _stored_ring(store: GraphStore, frontier: list[str]) -> dict[str, list[Join]]:
    ring = store.neighbours_of(frontier, [EdgeKind.SAME_AS])
    return {
        n: [_same_as(n, e) for e in ring.get(n, ()) if _accepted(e.props.get("decision"))] for n in frontier
    }


def cluster_joins(
    store: GraphStore,
    node_id: str,
    limit: int = 200,
    byname: ByNameLinks | None = None,
    same_as: SameAsLinks | None = None,
) -> dict[str, list[Join]]:
    """``node_id`` and every record the risk run joins to it (bounded walk), each with the chain
    of links from ``node_id`` to it (``[]`` for ``node_id`` itself). Ring by ring, so a chain is
    a shortest one; within a ring records and links are taken in id order (the same on every
    store). ``byname`` and ``same_as``: links already read, for a caller walking from many
    records (without ``same_as`` each ring's SAME_AS edges are read from the store)."""
    chains: dict[str, list[Join]] = {node_id: []}
    byname = byname or ByNameLinks(store)
    frontier = [node_id]
    while frontier and len(chains) < limit:
        if same_as is not None:  # links read once: no store read, every link of the ring looked up
            links, ends = same_as.ring(frontier), frontier
        else:
            links = _stored_ring(store, frontier)
            ends = byname.ends_among(store.nodes_by_id(frontier).values())
        for owner, entry in byname.around(ends):
            for start in (owner, entry):
                if start in links:
                    links[start].append(byname.join(start, owner, entry))
        nxt = []
        for n in sorted(frontier):
            for j in sorted(links[n], key=lambda j: (j.end, j.link)):
                if j.end not in chains:
                    chains[j.end] = [*chains[n], j]
                    nxt.append(j.end)
        frontier = nxt
    return chains
