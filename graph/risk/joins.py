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

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

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
        out.append(f"{held}: {where}" if where else held)
    return tuple(out)


def _frame(nodes: Iterable[Node], columns: Sequence[str]) -> pd.DataFrame:
    rows = [{"id": n.id, "name": n.name, **{c: n.props.get(c) for c in columns}} for n in nodes]
    return pd.DataFrame(rows, columns=["id", "name", *columns])


class ByNameLinks:
    """By-name owner links touching given records, computed by the risk run's own rule; the
    workspace's list entries (or its by-name owners) are read once, on first need."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._entries: pd.DataFrame | None = None
        self._owners: pd.DataFrame | None = None
        self._owner_keys: set[str] | None = None

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
        by-name link can reach, so the links of each ring are merged against these few, not the
        whole list (an export walks from every by-name owner)."""
        if self._entries is None:
            entries = read_nodes(self.store, NodeKind.LIST_ENTRY, ENTRY_COLS)
            names = zip(entries["name"], entries["aliases"], strict=True)
            self._entries = entries[[self._names_an_owner(n, a) for n, a in names]]
        return self._entries

    def named_by_an_owner(self, entry: Node) -> bool:
        """Whether some by-name owner's normalised name is the entry's name or an alias: a set
        lookup that spares the frame merge for the many entries no owner names (a list update's
        diff walks every entry it added)."""
        return self._names_an_owner(entry.name, entry.props.get("aliases"))

    def around(self, nodes: Sequence[Node]) -> list[tuple[str, str]]:
        """(owner, entry) links with an end among ``nodes``, sorted."""
        owners = [n for n in nodes if n.id.startswith(BYNAME_PREFIX)]
        entries = [
            n
            for n in nodes
            if n.kind is NodeKind.LIST_ENTRY
            and is_listing(n.props.get("status"))
            and self.named_by_an_owner(n)
        ]
        found: list[pd.DataFrame] = []
        if owners:
            found.append(byname_owner_links(_frame(owners, ("country",)), self.entries()))
        if entries:
            found.append(byname_owner_links(self.owners(), _frame(entries, ENTRY_COLS[1:])))
        pairs = {(str(s), str(t)) for f in found for s, t in zip(f["source"], f["target"], strict=True)}
        return sorted(pairs)


def _same_as(edge_start: str, e: Edge) -> Join:
    other = e.target if e.source == edge_start else e.source
    raw = e.props.get("reasons_json")
    reasons = json.loads(raw) if isinstance(raw, str) and raw else []
    score = e.props.get("score")
    return Join(
        edge_start,
        other,
        SAME_AS,
        e.props.get("method"),
        float(score) if score is not None else None,
        tuple(str(r) for r in reasons),
    )


def cluster_joins(
    store: GraphStore, node_id: str, limit: int = 200, byname: ByNameLinks | None = None
) -> dict[str, list[Join]]:
    """``node_id`` and every record the risk run joins to it (bounded walk), each with the chain
    of links from ``node_id`` to it (``[]`` for ``node_id`` itself). Ring by ring, so a chain is
    a shortest one; within a ring records and links are taken in id order (the same on every
    store). ``byname``: links already read, for a caller walking from many records."""
    chains: dict[str, list[Join]] = {node_id: []}
    byname = byname or ByNameLinks(store)
    frontier = [node_id]
    while frontier and len(chains) < limit:
        nodes = store.nodes_by_id(frontier)
        ring = store.neighbours_of(frontier, [EdgeKind.SAME_AS])
        links: dict[str, list[Join]] = {n: [] for n in frontier}
        for n in frontier:
            for e in ring.get(n, ()):
                if (e.props.get("decision") or "auto") in ACCEPTED:
                    links[n].append(_same_as(n, e))
        for owner, entry in byname.around([nodes[n] for n in frontier if n in nodes]):
            owner_node, entry_node = store.node(owner), store.node(entry)
            assert owner_node is not None and entry_node is not None
            facts = byname_facts(owner_node, entry_node)
            source = ownership_sources(store, owner)
            if owner in links:
                links[owner].append(Join(owner, entry, BYNAME, BYNAME_METHOD, 1.0, facts, source))
            if entry in links:
                links[entry].append(Join(entry, owner, BYNAME, BYNAME_METHOD, 1.0, facts, source))
        nxt = []
        for n in sorted(frontier):
            for j in sorted(links[n], key=lambda j: (j.end, j.link)):
                if j.end not in chains:
                    chains[j.end] = [*chains[n], j]
                    nxt.append(j.end)
        frontier = nxt
    return chains
