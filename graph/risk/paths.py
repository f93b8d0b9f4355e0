"""Ranked diversion paths: from a supplier (or every party of a country) to listed parties or
restricted destinations, over TRADES_WITH, OWNS and SAME_AS edges.

The traversal is the store's (``GraphStore.paths``: Python on networkx, bounded
variable-length Cypher on Neo4j); this module only picks sources and targets and scores what
comes back, so both stores give the same ranking.

Path risk (weights in ``risk_weights.toml`` ``[paths]``)::

    risk = 100 * hop_decay ** (trade_hops - 1) * (w_goods * goods + w_hub * hub + w_flags * flags
                                                 + w_recency * recency + w_value * value)

* goods — mean over TRADES_WITH hops of the CHPL tier weight of the HS-6 code moved;
* hub — 1 when an intermediary sits in a FinCEN/BIS transshipment hub country;
* flags — the highest ``risk_score`` (from ``chipwatch risk``) among the nodes after the start, / 100;
* recency — ``exp(-years since the path's latest shipment / recency_years)``;
* value — ``min(1, log10(1 + smallest hop value in USD) / 7)``.

Targets: ``listed`` — active ListEntry nodes and parties blocked by ownership (``ownership_json``
from ``chipwatch risk``); ``restricted`` — parties and companies in D:5, E:1, E:2 or Macau.
The search deepens one hop at a time and stops deepening once ``search_limit`` paths are found,
so a hub node with 100,000 trade edges cannot make a query unbounded.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from chipwatch.errors import ChipwatchError, StoreError
from graph.model import Edge, EdgeKind, NodeKind, Path
from graph.risk.reference import Reference, load_reference
from graph.store import GraphStore

Target = Literal["listed", "restricted"]
PATH_EDGES = (EdgeKind.TRADES_WITH, EdgeKind.OWNS, EdgeKind.SAME_AS)
ENTITY_KINDS = (NodeKind.COMPANY, NodeKind.TRADE_PARTY, NodeKind.LIST_ENTRY)
MAX_SAMPLE_SHIPMENTS = 5


class PathQueryError(ChipwatchError):
    """A path query that cannot run as asked (unknown entity, bad HS filter …)."""


@dataclass(frozen=True)
class ScoredPath:
    score: float
    components: dict[str, float]
    hops: tuple[dict[str, Any], ...]  # node id, name, kind, country, risk_score, via (edge evidence)
    truncated: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"score": self.score, "components": self.components, "hops": list(self.hops)}


@dataclass
class PathIndex:
    """Targets and node facts read once per store (a query then costs one traversal)."""

    store: GraphStore
    ref: Reference
    listed: frozenset[str] = field(default_factory=frozenset)
    restricted: frozenset[str] = field(default_factory=frozenset)
    country_nodes: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, store: GraphStore, ref: Reference | None = None) -> PathIndex:
        ref = ref or load_reference(dt.date.today())
        listed: set[str] = set()
        restricted: set[str] = set()
        by_country: dict[str, list[str]] = {}
        for kind in ENTITY_KINDS:
            cols = (
                ["status", "ownership_json"] if kind is NodeKind.LIST_ENTRY else ["country", "ownership_json"]
            )
            frame = store.nodes_frame(kind, cols)
            for col in cols:
                if col not in frame.columns:
                    frame[col] = None
            if kind is NodeKind.LIST_ENTRY:
                listed.update(frame.loc[frame["status"].fillna("active") != "removed", "id"])
                continue
            blocked = (
                frame["ownership_json"].fillna("").astype(str).str.contains('"status": "owned"', regex=False)
            )
            listed.update(frame.loc[blocked, "id"])
            restricted.update(frame.loc[frame["country"].isin(ref.restricted), "id"])
            for c, ids in frame.dropna(subset=["country"]).groupby("country")["id"]:
                by_country.setdefault(str(c), []).extend(ids.tolist())
        return cls(store, ref, frozenset(listed), frozenset(restricted), by_country)


def cluster_members(store: GraphStore, node_id: str, limit: int = 200) -> list[str]:
    """``node_id`` and every node joined to it by accepted SAME_AS edges (bounded BFS)."""
    seen = {node_id}
    frontier = [node_id]
    while frontier and len(seen) < limit:
        nxt = []
        for n in frontier:
            for e in store.neighbours(n, [EdgeKind.SAME_AS]):
                if e.props.get("decision", "auto") not in ("auto", "confirmed"):
                    continue
                other = e.target if e.source == n else e.source
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return sorted(seen)


def _tier_weight(ref: Reference, weights: dict[str, Any], hs6: str) -> tuple[str | None, float]:
    tiers = weights.get("tier_weights", {})
    tier = ref.chpl_tier.get(hs6)
    return tier, float(tiers.get(tier or "none", tiers.get("none", 0.1)))


def score_path(
    path: Path, info: dict[str, dict[str, Any]], ref: Reference, as_of: dt.date
) -> tuple[float, dict[str, float]]:
    """Path risk and its components (see the module doc)."""
    w = ref.weights.get("paths", {})
    trade = [e for e in path.edges if e.kind is EdgeKind.TRADES_WITH]
    goods = sum(_tier_weight(ref, w, e.key)[1] for e in trade) / len(trade) if trade else 0.0
    middle = path.nodes[1:-1]
    hub = 1.0 if any(info.get(n, {}).get("country") in ref.hubs for n in middle) else 0.0
    flags = (
        max((float(info.get(n, {}).get("risk_score") or 0.0) for n in path.nodes[1:]), default=0.0) / 100.0
    )
    lasts = [str(e.props.get("last")) for e in trade if e.props.get("last")]
    if lasts:
        years = max((as_of - dt.date.fromisoformat(max(lasts)[:10])).days, 0) / 365.25
        recency = math.exp(-years / float(w.get("recency_years", 2.0)))
    else:
        recency = 0.0
    values = [float(e.props.get("value_usd") or 0.0) for e in trade]
    value = min(1.0, math.log10(1.0 + min(values)) / 7.0) if values else 0.0
    decay = float(w.get("hop_decay", 0.9)) ** max(len(trade) - 1, 0)
    parts = {"goods": goods, "hub": hub, "flags": flags, "recency": recency, "value": value}
    total = sum(float(w.get(f"w_{k}", 0.0)) * v for k, v in parts.items())
    comps = {k: round(v, 4) for k, v in parts.items()} | {"hop_decay": round(decay, 4)}
    return round(100.0 * decay * total, 2), comps


def _hs_ok(path: Path, hs: str | None) -> bool:
    return not hs or all(e.key.startswith(hs) for e in path.edges if e.kind is EdgeKind.TRADES_WITH)


def _node_info(store: GraphStore, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for n in ids:
        node = store.node(n)
        if node is None:
            continue
        country = node.props.get("country")
        if country is None and isinstance(node.props.get("countries"), list) and node.props["countries"]:
            country = node.props["countries"][0]
        out[n] = {
            "node_id": n,
            "name": node.name,
            "kind": node.kind.value,
            "country": country,
            "risk_score": node.props.get("risk_score"),
            "list": node.props.get("list"),
        }
    return out


def _sample_shipments(store: GraphStore, edge: Edge) -> list[dict[str, Any]]:
    """Up to five shipments behind one TRADES_WITH edge (read from the consignee's side, capped)."""
    out: list[dict[str, Any]] = []
    for e in store.neighbours(edge.target, [EdgeKind.CONSIGNEE_OF], direction="out")[:500]:
        ship = store.node(e.target)
        if (
            ship is None
            or ship.props.get("shipper_party_id") != edge.source
            or ship.props.get("hs6") != edge.key
        ):
            continue
        out.append(
            {
                k: ship.props.get(k)
                for k in ("shipment_id", "date", "hs_code", "value_usd", "quantity", "destination_country")
            }
        )
        if len(out) >= MAX_SAMPLE_SHIPMENTS:
            break
    return sorted(out, key=lambda s: str(s.get("date")))


def _via(store: GraphStore, edge: Edge, walked_from: str, ref: Reference) -> dict[str, Any]:
    via: dict[str, Any] = {"edge": edge.kind.value, "reversed": edge.source != walked_from}
    if edge.kind is EdgeKind.TRADES_WITH:
        tier, _ = _tier_weight(ref, ref.weights.get("paths", {}), edge.key)
        via |= {
            "hs6": edge.key,
            "chpl_tier": tier,
            "shipments": edge.props.get("count"),
            "value_usd": edge.props.get("value_usd"),
            "first": edge.props.get("first"),
            "last": edge.props.get("last"),
            "evidence": _sample_shipments(store, edge),
        }
    elif edge.kind is EdgeKind.OWNS:
        via |= {"pct": edge.props.get("pct"), "as_of": edge.props.get("as_of")}
    elif edge.kind is EdgeKind.SAME_AS:
        via |= {
            "score": edge.props.get("score"),
            "method": edge.props.get("method"),
            "decision": edge.props.get("decision"),
            "reasons": json.loads(str(edge.props.get("reasons_json") or "[]")),
        }
    return via


def _search(
    store: GraphStore, sources: Collection[str], targets: Collection[str], max_hops: int, limit: int
) -> tuple[list[Path], bool]:
    """Deepen one hop at a time; stop once ``limit`` paths are found (or the store refuses)."""
    found: list[Path] = []
    for hops in range(1, max_hops + 1):
        try:
            found = store.paths(sources, targets, max_hops=hops, edge_kinds=PATH_EDGES, limit=limit)
        except StoreError:
            return found, True
        if len(found) >= limit:
            return found, hops < max_hops
    return found, False


def diversion_paths(
    index: PathIndex,
    *,
    source: str | None = None,
    country: str | None = None,
    hs: str | None = None,
    to: Target = "restricted",
    max_hops: int = 5,
    top: int = 20,
    as_of: dt.date | None = None,
) -> list[ScoredPath]:
    """The ``top`` riskiest paths from ``source`` (a node id; its SAME_AS cluster is used) or from
    every party of ``country``, ending at a listed party or a restricted destination."""
    store, ref = index.store, index.ref
    if (source is None) == (country is None):
        raise PathQueryError("give exactly one of an entity (--from) or a country (--from-country)")
    if hs is not None and not hs.isdigit():
        raise PathQueryError(f"--hs {hs!r}: expected digits of an HS code, e.g. 8542 or 854231")
    if to not in ("listed", "restricted"):
        raise PathQueryError(f"--to {to!r}: expected listed or restricted")
    if source is not None:
        if store.node(source) is None:
            raise PathQueryError(f"no node {source!r} in the graph")
        sources = cluster_members(store, source)
    else:
        sources = sorted(index.country_nodes.get(str(country).upper(), []))
        if not sources:
            raise PathQueryError(f"no company or trade party in country {country!r}")
    targets = index.listed if to == "listed" else index.restricted
    targets = targets - set(sources)
    limit = int(ref.weights.get("paths", {}).get("search_limit", 5000))
    found, truncated = _search(store, sources, targets, max_hops, limit)
    found = [p for p in found if _hs_ok(p, hs)]
    info = _node_info(store, {n for p in found for n in p.nodes})
    day = as_of or ref.as_of
    scored = sorted(
        ((score_path(p, info, ref, day), p) for p in found), key=lambda x: (-x[0][0], x[1].sort_key())
    )[:top]
    out = []
    for (score, comps), p in scored:
        hops: list[dict[str, Any]] = [dict(info.get(p.nodes[0], {"node_id": p.nodes[0]}))]
        for i, e in enumerate(p.edges):
            hop = dict(info.get(p.nodes[i + 1], {"node_id": p.nodes[i + 1]}))
            hop["via"] = _via(store, e, p.nodes[i], ref)
            hops.append(hop)
        out.append(ScoredPath(score, comps, tuple(hops), truncated))
    return out
