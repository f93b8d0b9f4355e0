"""Ranked diversion paths: from a supplier (or every party of a country) to listed parties or
restricted destinations, over TRADES_WITH, OWNS and SAME_AS edges.

The traversal is the store's (``GraphStore.paths``: Python on networkx, bounded
variable-length Cypher on Neo4j); this module only picks sources and targets and scores what
comes back, so both stores give the same ranking. An OWNS edge is walked only when the holding
is current on the query's day (``GraphStore.paths(as_of=…)``, :mod:`graph.holdings`): a stake
that had ended, had not begun or is inactive counts toward no ownership rule, so no diversion
path runs through it either (it stays in the entity view and Explore as history).

Path risk (weights in ``risk_weights.toml`` ``[paths]``)::

    risk = 100 * hop_decay ** (steps - 1) * (w_goods * goods + w_hub * hub + w_flags * flags
                                            + w_recency * recency + w_value * value)

* steps — TRADES_WITH and OWNS hops (SAME_AS hops stay inside one resolved party);
* goods — mean over TRADES_WITH hops of the CHPL tier weight of the HS-6 code moved;
* hub — 1 when an intermediary (a resolved party other than the start and the end) sits in a
  FinCEN/BIS transshipment hub country;
* flags — the highest ``risk_score`` (from ``chipwatch risk``) among the nodes after the start, / 100;
* recency — ``exp(-years since the path's latest shipment / recency_years)``;
* value — ``min(1, log10(1 + smallest hop value in USD) / 7)``.

Targets (each end hop carries ``target``: why it is one):

* ``listed`` — listed ListEntry nodes (not removed, not context entities — those stay in paths as
  nodes, with ``context`` on their hop saying they are not themselves listed; not listed after the
  as-of date nor ended before it, :func:`graph.list_status.listed_after`/``ended_before``, as the
  risk run rules); parties resolved
  to one (their cluster holds a listed entry: a path to a name variant of a listed party *is* a
  path to that party; its end hop names the chain of links the risk run joins it by; an owner
  known only by name in ownership records is listed by its by-name owner link, and its hop says
  so with the link's facts and source); parties blocked
  by ownership under a regime in force (``ownership_json`` from ``chipwatch risk``);
* ``restricted`` — parties and companies located in D:5, E:1, E:2 or Macau, and those whose
  ultimate parent is headquartered in D:5 or Macau (15 CFR 744.23 reaches them wherever they
  sit, so for advanced chips they are a restricted destination);
* ``flagged`` — parties ``chipwatch risk`` put at ``review`` or ``block``: unresolved red flags
  (15 CFR 732 Supp. 3: do not proceed until they are resolved) — a new company buying CHPL goods,
  a forwarder as consignee, a party at a listed party's address: where the visible trail of the
  goods stops at a party that needs review;
* ``any`` — all three: every diversion path of a supplier in one ranking.

Ranking: paths are scored, then paths that differ only by SAME_AS hops (the same trade and
ownership steps between the same resolved parties) count once, and the top K takes at most
``per_counterparty`` routes through each direct counterparty before filling up with the rest.

The search keeps the first ``search_limit`` paths, fewest hops first, in one store query (see
:func:`_search`); when the store refuses the full depth, as through a hub node with 100,000 trade
edges, it deepens one hop at a time and stops once ``search_limit`` paths are found, so such a
node cannot make a query unbounded. The index passes the same target set object to every query,
so the networkx store reuses its hops-to-target map across queries instead of a reverse BFS over
the whole graph per query. Node facts and the shipment evidence of the top paths are read in
batches (``nodes_by_id``, ``neighbours_of``): on Neo4j every read is a round trip.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from chipwatch.errors import ChipwatchError, StoreError
from graph.holdings import holding_text, period_facts
from graph.list_status import CONTEXT, CONTEXT_NOTE, ended_before, listed_after, listing_mask
from graph.model import Edge, EdgeKind, Node, NodeKind, Path
from graph.risk.frames import BYNAME_PREFIX
from graph.risk.joins import (
    ByNameLinks,
    cluster_joins,
    link_text,
)
from graph.risk.reference import Reference, load_reference
from graph.store import GraphStore

Target = Literal["listed", "restricted", "flagged", "any"]
TARGETS = ("listed", "restricted", "flagged", "any")
PATH_EDGES = (EdgeKind.TRADES_WITH, EdgeKind.OWNS, EdgeKind.SAME_AS)
ENTITY_KINDS = (NodeKind.COMPANY, NodeKind.TRADE_PARTY, NodeKind.LIST_ENTRY)
MAX_SAMPLE_SHIPMENTS = 5
#: The index's reason for a party whose cluster holds a listed entry; a path's end says the chain.
RESOLVED = "resolved to a list entry"
RESOLVED_TO = "resolved to list entry"
SHIPMENT_FIELDS = ("shipment_id", "date", "hs_code", "value_usd", "quantity", "destination_country")


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
    """Targets and node facts read once per store (a query then costs one traversal).

    ``why`` holds, per target node, the reasons it is one (shown on a path's last hop)."""

    store: GraphStore
    ref: Reference
    listed: frozenset[str] = field(default_factory=frozenset)
    restricted: frozenset[str] = field(default_factory=frozenset)
    flagged: frozenset[str] = field(default_factory=frozenset)
    country_nodes: dict[str, list[str]] = field(default_factory=dict)
    why: dict[str, list[str]] = field(default_factory=dict)
    _any: frozenset[str] = field(init=False, default=frozenset())
    _reasons: dict[str, list[str]] = field(init=False, default_factory=dict)
    _byname: ByNameLinks | None = field(default=None, repr=False)  # see :attr:`byname`

    def __post_init__(self) -> None:
        # one object per target kind, so the store can keep its per-target-set search state
        self._any = self.listed | self.restricted | self.flagged
        if self._byname is None:
            self._byname = ByNameLinks(self.store)

    @property
    def byname(self) -> ByNameLinks:
        """By-name owner links, read on first need and kept with the index (one per graph state):
        a source's cluster and a target's reasons are walked over them, not every entry again."""
        assert self._byname is not None
        return self._byname

    def reasons(self, node_id: str) -> list[str]:
        """Why ``node_id`` is a target, for a path's last hop: :attr:`why`, with "resolved to a
        list entry" said as the chain of links the risk run joins the party to each listed entry
        by (:func:`graph.risk.joins.cluster_joins`): a party → company → entry chain holds no
        SAME_AS edge to the entry a reviewer could find. Walked only for the ends shown."""
        if node_id not in self._reasons:
            why = self.why.get(node_id, [])
            chains: list[str] = []
            if RESOLVED in why:
                chains = resolved_listings(self.store, node_id, self.listed, self.byname)
            self._reasons[node_id] = [r for w in why for r in ((chains or [w]) if w == RESOLVED else [w])]
        return self._reasons[node_id]

    def targets(self, to: Target) -> frozenset[str]:
        return {"listed": self.listed, "restricted": self.restricted, "flagged": self.flagged}.get(
            to, self._any
        )

    @classmethod
    def build(cls, store: GraphStore, ref: Reference | None = None) -> PathIndex:
        ref = ref or load_reference(dt.date.today())
        why: dict[str, list[str]] = {}
        kinds: dict[str, set[str]] = {"listed": set(), "restricted": set(), "flagged": set()}
        by_country: dict[str, list[str]] = {}
        links = ByNameLinks(store)

        def add(kind: str, ids: Iterable[str], reason: str | Iterable[str]) -> None:
            ids = list(ids)
            kinds[kind].update(ids)
            reasons = [reason] * len(ids) if isinstance(reason, str) else list(reason)
            for i, r in zip(ids, reasons, strict=True):
                why.setdefault(i, []).append(r)

        cols = [
            "status",
            "country",
            "ownership_json",
            "risk_level",
            "risk_breakdown_json",
            "start_date",
            "end_date",
        ]
        day = ref.as_of.isoformat()
        for kind in ENTITY_KINDS:
            frame = store.nodes_frame(kind, cols)
            for col in cols:
                if col not in frame.columns:
                    frame[col] = None
            if kind is NodeKind.LIST_ENTRY:
                # a listing that began after the as-of date or ended before it lists nobody on it:
                # the risk run's rule (graph.risk.asof), so paths do not end at an entry the run
                # leaves out
                ended = [ended_before(v, day) is not None for v in frame["end_date"].to_numpy(dtype=object)]
                later = [listed_after(v, day) is not None for v in frame["start_date"].to_numpy(dtype=object)]
                out = np.array(ended, dtype=bool) | np.array(later, dtype=bool)
                in_force = listing_mask(frame["status"]) & ~out
                add("listed", frame.loc[in_force, "id"], "list entry")
                continue
            own = frame["ownership_json"].fillna("").astype(str)
            blocked = own.str.contains('"status": "owned"', regex=False)
            add("listed", frame.loc[blocked, "id"], "blocked by ownership (50 % rule)")
            breakdown = frame["risk_breakdown_json"].fillna("").astype(str)
            resolved = breakdown.str.contains('"source": "list:', regex=False)
            byname = resolved & frame["id"].astype(str).str.startswith(BYNAME_PREFIX)
            by_link = byname_listings(links, frame.loc[byname, "id"]) if byname.any() else {}
            for owner, reasons in by_link.items():
                add("listed", [owner] * len(reasons), reasons)
            resolved &= ~frame["id"].isin(list(by_link))
            add("listed", frame.loc[resolved, "id"], RESOLVED)
            located = frame["country"].isin(ref.restricted)
            add(
                "restricted",
                frame.loc[located, "id"],
                (f"located in {c}" for c in frame.loc[located, "country"]),
            )
            parent = own.str.extract(r'"ultimate_parent_country": "([A-Z]{2})"', expand=False)
            # the headquarters test of 15 CFR 744.23 applies from the date the flag's rule gives
            d5 = parent.isin(ref.advanced_computing_d5) & ~located & ref.flag_in_force("ULTIMATE_PARENT_D5")
            add(
                "restricted",
                frame.loc[d5, "id"],
                (f"ultimate parent headquartered in {c} (15 CFR 744.23)" for c in parent[d5]),
            )
            level = frame["risk_level"].isin(["review", "block"])
            add(
                "flagged",
                frame.loc[level, "id"],
                (f"risk level {lv}" for lv in frame.loc[level, "risk_level"]),
            )
            for c, ids in frame.dropna(subset=["country"]).groupby("country")["id"]:
                by_country.setdefault(str(c), []).extend(ids.tolist())
        return cls(
            store,
            ref,
            frozenset(kinds["listed"]),
            frozenset(kinds["restricted"]),
            frozenset(kinds["flagged"]),
            by_country,
            why,
            links,
        )


def resolved_listings(
    store: GraphStore, node_id: str, listed: Collection[str], byname: ByNameLinks | None = None
) -> list[str]:
    """Each listed list entry the risk run joins ``node_id`` to, with the chain of links in words
    (``resolved to list entry E: SAME_AS to C (…); then SAME_AS to E (…)``)."""
    chains = cluster_joins(store, node_id, byname=byname)
    entries = store.nodes_by_id(sorted(m for m in chains if m != node_id and m in listed))
    return [
        f"{RESOLVED_TO} {m}: " + "; then ".join(link_text(j.as_dict()) for j in chains[m])
        for m, n in sorted(entries.items())
        if n.kind is NodeKind.LIST_ENTRY
    ]


def byname_listings(links: ByNameLinks, owners: Iterable[str]) -> dict[str, list[str]]:
    """Why each owner known only by name is listed: its by-name owner links (the risk run's rule,
    :mod:`graph.risk.joins`) in words, with their facts and source. No SAME_AS edge holds such a
    link, so "resolved to a list entry" would point at nothing a reviewer can check."""
    out: dict[str, list[str]] = {}
    for owner, entry in links.around(owners):
        out.setdefault(owner, []).append(link_text(links.join(owner, owner, entry).as_dict()))
    return out


def _tier_weight(ref: Reference, weights: dict[str, Any], hs6: str) -> tuple[str | None, float]:
    tiers = weights.get("tier_weights", {})
    tier = ref.chpl_tier.get(hs6)
    return tier, float(tiers.get(tier or "none", tiers.get("none", 0.1)))


class PathScorer:
    """:func:`score_path` for many paths of one query: weights read once, per-edge facts cached
    (the same edges recur in many paths)."""

    def __init__(self, info: dict[str, dict[str, Any]], ref: Reference, as_of: dt.date):
        w = ref.weights.get("paths", {})
        self.info, self.ref, self.as_of = info, ref, as_of
        self.recency_years = float(w.get("recency_years", 2.0))
        self.hop_decay = float(w.get("hop_decay", 0.9))
        self.w = [float(w.get(f"w_{k}", 0.0)) for k in PARTS]
        self.weights = w
        self._edges: dict[tuple[str, str, str, str], tuple[float, str, float]] = {}

    def _edge(self, e: Edge) -> tuple[float, str, float]:
        key = e.identity
        got = self._edges.get(key)
        if got is None:
            got = (
                _tier_weight(self.ref, self.weights, e.key)[1],
                str(e.props.get("last") or ""),
                float(e.props.get("value_usd") or 0.0),
            )
            self._edges[key] = got
        return got

    def parts(self, path: Path) -> tuple[float, tuple[float, ...], float]:
        """(score, component values in PARTS order, hop decay)."""
        info = self.info
        trade = [self._edge(e) for e in path.edges if e.kind is EdgeKind.TRADES_WITH]
        steps = sum(1 for e in path.edges if e.kind is not EdgeKind.SAME_AS)
        goods = sum(t[0] for t in trade) / len(trade) if trade else 0.0
        hubs = self.ref.hubs

        def party(n: str) -> str:
            return str(info.get(n, {}).get("cluster") or n)

        # intermediaries are the parties between the start and the end: a SAME_AS hop from the
        # end's trade party to its own registry record is not a hub the goods went through
        ends = {party(path.nodes[0]), party(path.nodes[-1])}
        hub = (
            1.0
            if any(info.get(n, {}).get("country") in hubs and party(n) not in ends for n in path.nodes[1:-1])
            else 0.0
        )
        flags = (
            max((float(info.get(n, {}).get("risk_score") or 0.0) for n in path.nodes[1:]), default=0.0)
            / 100.0
        )
        last = max((t[1] for t in trade), default="")
        if last:
            years = max((self.as_of - dt.date.fromisoformat(last[:10])).days, 0) / 365.25
            recency = math.exp(-years / self.recency_years)
        else:
            recency = 0.0
        value = min(1.0, math.log10(1.0 + min(t[2] for t in trade)) / 7.0) if trade else 0.0
        # every trade or ownership step away from the supplier's own shipment weakens the path:
        # a detour up to the supplier's owner and down to a sibling is not the supplier's goods
        decay = self.hop_decay ** max(steps - 1, 0)
        values = (goods, hub, flags, recency, value)
        total = sum(w * v for w, v in zip(self.w, values, strict=True))
        return round(100.0 * decay * total, 2), values, decay


PARTS = ("goods", "hub", "flags", "recency", "value")


def score_path(
    path: Path, info: dict[str, dict[str, Any]], ref: Reference, as_of: dt.date
) -> tuple[float, dict[str, float]]:
    """Path risk and its components (see the module doc)."""
    score, values, decay = PathScorer(info, ref, as_of).parts(path)
    return score, _components(values, decay)


def _components(values: tuple[float, ...], decay: float) -> dict[str, float]:
    return {k: round(v, 4) for k, v in zip(PARTS, values, strict=True)} | {"hop_decay": round(decay, 4)}


def _hs_ok(path: Path, hs: str | None) -> bool:
    return not hs or all(e.key.startswith(hs) for e in path.edges if e.kind is EdgeKind.TRADES_WITH)


def _node_info(store: GraphStore, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for n, node in store.nodes_by_id(ids).items():  # one read, not one round trip per node
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
            "cluster": node.props.get("risk_cluster"),
        }
        if node.kind is NodeKind.LIST_ENTRY and node.props.get("status") == CONTEXT:
            out[n]["context"] = CONTEXT_NOTE  # on the path as context, not as a listed party
    return out


class _Evidence:
    """Sample shipments behind the TRADES_WITH edges of one query's top paths, read up front.

    The shipments between two parties are the ones the shipper sent (SHIPPER_OF) that the
    consignee received (CONSIGNEE_OF). Each read is a round trip on Neo4j, and one per edge and
    shipment made the evidence cost more than the path search, so the shipment edges of every
    party involved come in one read and the shipments between them in a second."""

    def __init__(self, store: GraphStore, edges: Iterable[Edge]):
        trade = {e.identity: e for e in edges if e.kind is EdgeKind.TRADES_WITH}
        ends = store.neighbours_of(
            {n for e in trade.values() for n in (e.source, e.target)},
            [EdgeKind.SHIPPER_OF, EdgeKind.CONSIGNEE_OF],
            direction="out",
        )

        def shipments(node_id: str, kind: EdgeKind) -> list[str]:
            return [e.target for e in ends.get(node_id, ()) if e.kind is kind]

        between: dict[tuple[str, str, str, str], list[str]] = {}
        for ident, e in trade.items():
            sent = set(shipments(e.source, EdgeKind.SHIPPER_OF))
            between[ident] = [s for s in shipments(e.target, EdgeKind.CONSIGNEE_OF) if s in sent]
        ships = store.nodes_by_id({s for ids in between.values() for s in ids})
        self._samples = {ident: _samples(trade[ident], ids, ships) for ident, ids in between.items()}

    def samples(self, edge: Edge) -> list[dict[str, Any]]:
        """Up to five shipments behind one TRADES_WITH edge (its HS-6 code), earliest first."""
        return self._samples.get(edge.identity, [])


def _samples(edge: Edge, between: list[str], ships: dict[str, Node]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for shipment_id in between:  # in shipment id order: the first five of the edge's HS code
        ship = ships.get(shipment_id)
        if ship is None or ship.props.get("hs6") != edge.key:
            continue
        out.append({k: ship.props.get(k) for k in SHIPMENT_FIELDS})
        if len(out) >= MAX_SAMPLE_SHIPMENTS:
            break
    return sorted(out, key=lambda s: str(s.get("date")))


def _via(evidence: _Evidence, edge: Edge, walked_from: str, ref: Reference, day: dt.date) -> dict[str, Any]:
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
            "evidence": evidence.samples(edge),
        }
    elif edge.kind is EdgeKind.OWNS:
        via |= {
            "pct": edge.props.get("pct"),
            "as_of": edge.props.get("as_of"),
            # the search walks only holdings current on the day (None here); the period is shown
            "ended": holding_text(edge.props, day.isoformat()),
            **period_facts(edge.props),
        }
    elif edge.kind is EdgeKind.SAME_AS:
        via |= {
            "score": edge.props.get("score"),
            "method": edge.props.get("method"),
            "decision": edge.props.get("decision"),
            "reasons": json.loads(str(edge.props.get("reasons_json") or "[]")),
        }
    return via


def owns_step_text(via: dict[str, Any]) -> str:
    """An OWNS step for people: ``OWNS 60 %``, and ``(ended 2020-06-30: not current)`` for a
    holding that no longer held on the run's day."""
    pct = via.get("pct")
    text = "OWNS" + (f" {float(pct):g} %" if pct is not None else "")
    if via.get("ended"):
        text += f" ({via['ended']}: not current)"
    return text


def _search(
    store: GraphStore,
    sources: Collection[str],
    targets: Collection[str],
    max_hops: int,
    limit: int,
    day: str | None = None,
) -> tuple[list[Path], bool]:
    """The first ``limit`` paths (in ``Path.sort_key`` order: fewest hops first) of at most
    ``max_hops`` hops, and whether longer paths were left out because the limit was reached.

    One store query: as the order puts every shorter path first, the first ``limit`` paths of
    ``max_hops`` hops are the first ``limit`` of the shallowest depth that has ``limit`` paths,
    which is what deepening one hop at a time and stopping there found, with one query (one
    round trip on Neo4j) per depth. When the store refuses the full depth (networkx: too many
    paths; Neo4j: the query ran out of time), e.g. through a node with 100,000 trade edges, the
    search deepens one hop at a time and stops once ``limit`` paths are found or a depth is refused
    (the paths of the previous depth are kept, marked truncated).

    With ``day`` (ISO date) an ownership step must hold on it (``GraphStore.paths(as_of=…)``)."""
    try:
        found = store.paths(
            sources, targets, max_hops=max_hops, edge_kinds=PATH_EDGES, limit=limit, as_of=day
        )
    except StoreError:
        return _deepen(store, sources, targets, max_hops, limit, day)
    return found, len(found) >= limit and found[-1].hops < max_hops


def _deepen(
    store: GraphStore,
    sources: Collection[str],
    targets: Collection[str],
    max_hops: int,
    limit: int,
    day: str | None = None,
) -> tuple[list[Path], bool]:
    found: list[Path] = []
    for hops in range(1, max_hops + 1):
        try:
            found = store.paths(
                sources, targets, max_hops=hops, edge_kinds=PATH_EDGES, limit=limit, as_of=day
            )
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
    """The ``top`` riskiest paths from ``source`` (a node id; the records the risk run joins to it
    are used: its SAME_AS cluster and by-name owner links, :mod:`graph.risk.joins`) or from every
    party of ``country``, ending at a listed party or a restricted destination."""
    store, ref = index.store, index.ref
    if (source is None) == (country is None):
        raise PathQueryError("give exactly one of an entity (--from) or a country (--from-country)")
    if hs is not None and not hs.isdigit():
        raise PathQueryError(f"--hs {hs!r}: expected digits of an HS code, e.g. 8542 or 854231")
    if to not in TARGETS:
        raise PathQueryError(f"--to {to!r}: expected one of {', '.join(TARGETS)}")
    if source is not None:
        if store.node(source) is None:
            raise PathQueryError(f"no node {source!r} in the graph")
        sources = sorted(cluster_joins(store, source, byname=index.byname))
    else:
        sources = sorted(index.country_nodes.get(str(country).upper(), []))
        if not sources:
            raise PathQueryError(f"no company or trade party in country {country!r}")
    # The index's own set object (not a copy without the sources): the store keeps its search
    # state per target set across queries. A path never ends at its start, so this is the same.
    targets = index.targets(to)
    limit = int(ref.weights.get("paths", {}).get("search_limit", 5000))
    day = as_of or ref.as_of
    # a holding not current on the day (ended, not yet begun, inactive) is no route for the goods:
    # the ownership rules do not count it (graph.holdings), so no path is built through it
    found, truncated = _search(store, sources, targets, max_hops, limit, day.isoformat())
    starts = set(sources)
    found = [p for p in found if _hs_ok(p, hs) and p.nodes[-1] not in starts]
    info = _node_info(store, {n for p in found for n in p.nodes})
    scorer = PathScorer(info, ref, day)
    # GraphStore.paths returns paths in Path.sort_key order and sorted() is stable: ties keep it
    scored = sorted(((scorer.parts(p), p) for p in found), key=lambda x: -x[0][0])
    out: list[ScoredPath] = []
    seen: set[tuple[tuple[str, str, str], ...]] = set()
    per_first: dict[str, int] = {}
    cap = int(ref.weights.get("paths", {}).get("per_counterparty", 3))
    chosen: list[tuple[float, tuple[float, ...], float, Path]] = []
    later: list[tuple[float, tuple[float, ...], float, Path]] = []
    for (score, values, decay), p in scored:
        # SAME_AS hops stay inside one resolved party (a trade party → its company → its list
        # entry), so two paths with the same trade and ownership steps are one route: keep the
        # better-ranked. Then at most ``per_counterparty`` routes through each direct counterparty
        # come first, so that one risky customer with many onward partners does not fill the
        # whole top K; the rest fill the list only when there are not K such routes.
        route = _route(p, info)
        if route in seen:
            continue
        seen.add(route)
        first = route[0][2] if route else p.nodes[-1]
        if per_first.get(first, 0) >= cap:
            later.append((score, values, decay, p))
            continue
        per_first[first] = per_first.get(first, 0) + 1
        chosen.append((score, values, decay, p))
        if len(chosen) >= top:
            break
    picked = (chosen + later)[:top]
    evidence = _Evidence(store, (e for *_, p in picked for e in p.edges))
    for score, values, decay, p in picked:
        hops: list[dict[str, Any]] = [dict(info.get(p.nodes[0], {"node_id": p.nodes[0]}))]
        for i, e in enumerate(p.edges):
            hop = dict(info.get(p.nodes[i + 1], {"node_id": p.nodes[i + 1]}))
            hop["via"] = _via(evidence, e, p.nodes[i], ref, day)
            hops.append(hop)
        hops[-1]["target"] = index.reasons(p.nodes[-1])
        out.append(ScoredPath(score, _components(values, decay), tuple(hops), truncated))
    return out


def _route(path: Path, info: dict[str, dict[str, Any]]) -> tuple[tuple[str, str, str], ...]:
    """The path as resolved parties: its trade and ownership steps between clusters (SAME_AS hops
    only move within one party; HS codes do not make another route)."""

    def party(n: str) -> str:
        return str(info.get(n, {}).get("cluster") or n)

    return tuple(
        (e.kind.value, party(e.source), party(e.target)) for e in path.edges if e.kind is not EdgeKind.SAME_AS
    )
