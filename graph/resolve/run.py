"""``resolve(settings)``: the whole resolution over the workspace.

Stages: load records (current list entries, companies, shipment parties) → prepare their
names for scoring (on every core: :mod:`graph.resolve.prepare_cores`) → blocking → scoring →
linking with review decisions → write SAME_AS edges, canonical ids, the review queue
(``review/queue.parquet``) and the clusters (``resolve/clusters.parquet``).
Pairs considered: shipment party ↔ company, company ↔ list entry, list entry ↔ list entry
across lists (and one entry's copies from two feeds: :mod:`graph.resolve.shared_entries`),
company ↔ company across registries.

The result is a function of the records, not of the order their rows were stored in (a new
version of a feed writes its rows after the others'): every frame is read in id order
(:func:`in_id_order`), so blocking's ties (a bounded number of candidates per name, ties broken
by index row) fall to the smaller id, and :func:`graph.resolve.link.link` merges links in an
order of their scores and ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from chipwatch.settings import Settings
from graph import atomic
from graph.gc_pause import collector_paused
from graph.list_fingerprint import COUNTERPARTY_PREFIX
from graph.lists.basis import current_version_ids, record_versions
from graph.model import EdgeKind, NodeKind
from graph.resolve.batch import score_pairs
from graph.resolve.caches import clear_name_caches
from graph.resolve.candidates import BlockingConfig, CandidateIndex, exact_key_pairs, key_texts
from graph.resolve.features import PreparedRecords, Record, prepare
from graph.resolve.link import LinkResult, LinkThresholds, link
from graph.resolve.prepare_cores import prepare_groups
from graph.resolve.review import (
    load_decisions,
    optional_store,
    overrides_path,
    queue_path,
    standing_decisions,
)
from graph.resolve.shared_entries import shared_entry_pairs
from graph.resolve.unknown_kinds import COMPANY, PERSON, UNKNOWN, record_kind
from graph.store import GraphStore
from graph.tables.lists import as_str_list, latest_entries
from graph.tables.trade import load_trade_tables

STAGES = (
    "load",
    "prepare",
    "party-company",
    "company-list",
    "party-list",
    "list-list",
    "company-company",
    "link",
    "write",
)
Progress = Callable[[str], None]
#: Candidates kept per name of a record of unknown kind that may be a person's, against records
#: with persons among them (graph.resolve.unknown_kinds): a surname is shared by many listed
#: people (KHAN, ZHANG), and a slip in the given name ranks the listed "Feroz Khan" below the
#: listed people of short given names for "FREOZ KHAN" (8th of them). Such records are few.
PERSON_TOP_K = 20
#: Node kinds of the records resolution links: list entries, registry companies, shipment parties.
_RECORD_NODE_KINDS = (NodeKind.LIST_ENTRY, NodeKind.COMPANY, NodeKind.TRADE_PARTY)


@dataclass
class Records:
    """Records of one kind group for the one resolution scorer (:mod:`graph.resolve`), plus one
    row per name (primary and aliases) → record position for the blocking index."""

    ids: list[str]
    group: list[str]  # list code for list entries, registry source for companies
    records: list[Record] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)
    #: the records prepared for scoring: by :func:`prepare_records` for the groups of a run at
    #: once (on every core), else on first use
    prepared_records: PreparedRecords | None = None

    @classmethod
    def build(cls, frame: pd.DataFrame, id_col: str, group_col: str | None, kind: str = "") -> Records:
        """``kind``: the kind of every record (a registry company is a company; a shipment party
        publishes none: ``unknown``), else read per row from ``entity_kind`` / ``kind_source``
        (:func:`graph.resolve.unknown_kinds.record_kind`)."""
        ids = frame[id_col].astype(str).tolist()
        rec = cls(
            ids=ids,
            group=frame[group_col].fillna("").astype(str).tolist() if group_col else [""] * len(frame),
        )
        n = len(frame)
        countries = [as_str_list(c) for c in frame["countries"]] if "countries" in frame else [[]] * n
        lei = frame["lei"].fillna("").astype(str).tolist() if "lei" in frame else [""] * n
        kinds = frame["entity_kind"].fillna("").astype(str).tolist() if "entity_kind" in frame else [""] * n
        sources = frame["kind_source"].tolist() if "kind_source" in frame else [None] * n
        aliases = frame["aliases"] if "aliases" in frame else [None] * n
        alias_kinds = frame["alias_kinds"] if "alias_kinds" in frame else [None] * n
        names_col = frame["name"].fillna("").astype(str)
        for i, (name, extra, extra_kinds) in enumerate(zip(names_col, aliases, alias_kinds, strict=True)):
            weak_of = dict(zip(as_str_list(extra), as_str_list(extra_kinds), strict=False))
            names = [x for x in dict.fromkeys([name, *as_str_list(extra)]) if x.strip()]
            for x in names:
                rec.names.append(x)
                rec.owner.append(i)
            rec.records.append(
                Record(
                    id=ids[i],
                    kind=kind or record_kind(kinds[i], sources[i]),
                    names=tuple(names),
                    country=countries[i][0] if countries[i] else None,
                    identifiers={"LEI": lei[i]} if lei[i] else {},
                    weak=frozenset(k for k, x in enumerate(names) if weak_of.get(x) == "weak"),
                )
            )
        return rec

    @property
    def prepared(self) -> PreparedRecords:
        if self.prepared_records is None:
            self.prepared_records = prepare(self.records)
        return self.prepared_records

    @cached_property
    def texts(self) -> list[str]:
        """The names as blocking reads them (normalised once, read by every task)."""
        return key_texts(self.names)

    def index(self, config: BlockingConfig) -> CandidateIndex:
        return CandidateIndex(self.names, self.owner, config, texts=self.texts)


@dataclass
class ResolveSummary:
    records: dict[str, int]
    candidate_pairs: int
    links: int
    queued: int
    clusters: int
    multi_member_clusters: int
    refused_by_guard: int
    store_written: bool
    #: confirmed links the guard would have refused: they stand, with a warning (source, target, reason)
    confirmed_over_guard: list[tuple[str, str, str]] = field(default_factory=list)
    #: clusters joined by such a confirmation (``over_guard`` in clusters.parquet)
    clusters_over_guard: int = 0


def in_id_order(frame: pd.DataFrame, id_col: str) -> pd.DataFrame:
    """``frame``'s rows by ``id_col``, then feed and name (one id read from two feeds): the order
    resolution reads records in, so that which candidates a record keeps on a tie, and so which
    links and refusals it gets, depend on the data and not on the order of ingest."""
    keys = [id_col, *(c for c in ("feed", "name") if c in frame and c != id_col)]
    return frame.sort_values(keys, kind="stable", ignore_index=True)


def _companies(settings: Settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    trade = load_trade_tables(settings)
    companies = trade.companies.copy()
    companies["countries"] = [[c] if isinstance(c, str) and c else [] for c in companies["country"]]
    companies["aliases"] = [_split_aliases(a) for a in companies["aliases"]]
    parties = trade.parties.copy()
    parties["countries"] = [[c] if isinstance(c, str) and c else [] for c in parties["country"]]
    return companies, parties


def _split_aliases(value: object) -> list[str]:
    if isinstance(value, str) and value:
        try:
            loaded = json.loads(value)
            return [str(v) for v in loaded] if isinstance(loaded, list) else [value]
        except ValueError:
            return [v.strip() for v in value.split(";") if v.strip()]
    return as_str_list(value)


def _list_entries(settings: Settings) -> pd.DataFrame:
    """The current list entries as ListEntry node rows: one per node id, the copy the graph node
    shows when two feeds list the id (:func:`graph.tables.lists.latest_entries`)."""
    from graph.list_graph import list_graph_frames

    current = latest_entries(settings)
    if current.empty:
        return pd.DataFrame(columns=["id", "name", "aliases", "countries", "list", "feed"])
    return list_graph_frames(current.reset_index(drop=True)).nodes[NodeKind.LIST_ENTRY]


def prepare_records(groups: Sequence[Records], processes: int | None = None) -> None:
    """Prepare the groups' records for scoring at once, in ``processes`` processes (None: every
    core; a process prepares its part of each group in turn:
    :func:`graph.resolve.prepare_cores.prepare_groups`)."""
    todo = [g for g in groups if g.prepared_records is None]
    prepared_groups = prepare_groups([g.records for g in todo], processes)
    for group, prepared in zip(todo, prepared_groups, strict=True):
        group.prepared_records = prepared


def score_task(
    query: Records,
    target: Records,
    index: CandidateIndex,
    method: str,
    review: float,
    *,
    cross_group: bool,
    top_k: int,
) -> pd.DataFrame:
    """Scored record pairs (source=query id, target=target id) at or above ``review``.

    Blocking proposes name pairs; they become distinct record pairs, scored by the resolution
    scorer (``graph.resolve.score_pairs``, the numbers of ``chipwatch compare``)."""
    cols = ["source", "target", "score", "method", "reasons_json"]
    cand = index.query(query.names, top_k=top_k, texts=query.texts)
    exact_q, exact_t = exact_key_pairs(
        query.names, target.names, query_texts=query.texts, index_texts=target.texts
    )
    owner_q = np.asarray(query.owner, dtype=np.int64)
    person_q, person_t = _person_candidates(query, target, index, owner_q, top_k)
    if len(cand) == 0 and len(exact_q) == 0 and len(person_q) == 0:
        return pd.DataFrame(columns=cols)
    owner_t = np.asarray(target.owner, dtype=np.int64)
    q_rec = np.concatenate([owner_q[cand.query], owner_q[exact_q], owner_q[person_q]])
    t_rec = np.concatenate([owner_t[cand.target], owner_t[exact_t], owner_t[person_t]])
    keep = np.ones(len(q_rec), dtype=bool)
    if cross_group:  # two records of one list / one registry are not linked here
        q_group = np.asarray(query.group, dtype=object)[q_rec]
        t_group = np.asarray(target.group, dtype=object)[t_rec]
        keep &= q_group != t_group
    if query is target:  # each unordered pair once, never a record with itself
        keep &= q_rec < t_rec
    pairs = np.unique(np.column_stack([q_rec[keep], t_rec[keep]]), axis=0)
    if len(pairs) == 0:
        return pd.DataFrame(columns=cols)
    scored = score_pairs(query.prepared, target.prepared, pairs)
    rows = [
        {
            "source": query.ids[int(pairs[i, 0])],
            "target": target.ids[int(pairs[i, 1])],
            "score": round(float(scored.score[i]), 4),
            "method": method,
            "reasons_json": json.dumps(scored.brief(int(i))),
        }
        for i in np.flatnonzero(scored.score >= review)
    ]
    return pd.DataFrame(rows, columns=cols)


def _person_candidates(
    query: Records, target: Records, index: CandidateIndex, owner_q: np.ndarray, top_k: int
) -> tuple[np.ndarray, np.ndarray]:
    """(query name rows, index name rows) of the PERSON_TOP_K candidates of the names of query
    records of unknown kind that may be persons', where the target holds persons: they are
    compared with a person as a person (graph.resolve.unknown_kinds), and among many listed
    people of one surname the right one may rank below ``top_k``."""
    none = np.zeros(0, dtype=np.int64)
    if top_k >= PERSON_TOP_K or not (target.prepared.kind == PERSON).any():
        return none, none
    rows = np.flatnonzero(query.prepared.person_twin[owner_q] >= 0)
    if len(rows) == 0:
        return none, none
    cand = index.query(
        [query.names[i] for i in rows], top_k=PERSON_TOP_K, texts=[query.texts[i] for i in rows]
    )
    return rows[cand.query], cand.target


def _similarity(groups: Sequence[Records]) -> Callable[[Sequence[tuple[str, str]]], list[float]]:
    """The anti-chaining guard's pair scores: the same resolution scorer, on records by id
    (prepared once per group; a batch is one ``score_pairs`` call per pair of groups). The
    guard keeps the scores it needs (:mod:`graph.resolve.guard`)."""
    where: dict[str, tuple[int, int]] = {}
    for g, group in enumerate(groups):
        for i, node_id in enumerate(group.ids):
            where.setdefault(node_id, (g, i))

    def sim(pairs: Sequence[tuple[str, str]]) -> list[float]:
        out = [1.0] * len(pairs)  # a record nothing is known about: nothing against it
        todo: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        for k, (a, b) in enumerate(pairs):
            key = (a, b) if a <= b else (b, a)
            if key[0] in where and key[1] in where:
                (ga, ia), (gb, ib) = where[key[0]], where[key[1]]
                todo.setdefault((ga, gb), []).append((k, ia, ib))
        for (ga, gb), items in todo.items():
            index = np.array([[ia, ib] for _, ia, ib in items], dtype=np.int64)
            scores = score_pairs(groups[ga].prepared, groups[gb].prepared, index).score
            for (k, _, _), s in zip(items, scores, strict=True):
                out[k] = float(s)
        return out

    return sim


def resolve(
    settings: Settings,
    progress: Progress | None = None,
    thresholds: LinkThresholds | None = None,
    *,
    write_store: bool = True,
) -> ResolveSummary:
    t = thresholds or LinkThresholds()
    step = progress or (lambda _stage: None)
    # The records, their prepared columns and the scored pairs die when _link_records returns:
    # the store opened by _write (the whole graph, ~1.5 GB on the 100k world) then reuses
    # that memory instead of adding to it.
    versions = current_version_ids(settings)  # the lists this run links (risk notes a newer one)
    # Without the collector: it would re-walk the growing heap of records for nothing (gc_pause).
    # The caches are emptied before it is back on, so that its first collections walk little.
    with collector_paused():
        records, candidate_pairs, result = _link_records(settings, t, step)
        clear_name_caches()  # full of this run's names (~0.5 GB on the 100k world); the write reads none
    written = _write(settings, result, write_store)
    record_versions(settings, "resolve", versions)
    step("write")
    multi = result.clusters[result.clusters["size"] > 1]
    return ResolveSummary(
        records=records,
        candidate_pairs=candidate_pairs,
        links=int(result.same_as["decision"].isin(["auto", "confirmed"]).sum()),
        queued=len(result.queue),
        clusters=int(result.clusters["canonical_id"].nunique()),
        multi_member_clusters=int(multi["canonical_id"].nunique()),
        refused_by_guard=result.refused,
        store_written=written,
        confirmed_over_guard=list(result.confirmed_over_guard.itertuples(index=False, name=None)),
        clusters_over_guard=int(multi.loc[multi["over_guard"], "canonical_id"].nunique()),
    )


def _link_records(
    settings: Settings, t: LinkThresholds, step: Progress
) -> tuple[dict[str, int], int, LinkResult]:
    """Load, block, score and link: the record counts, the number of scored pairs, the links."""
    entries = in_id_order(_list_entries(settings), "id")
    companies, parties = _companies(settings)
    companies, parties = in_id_order(companies, "node_id"), in_id_order(parties, "party_id")
    lists = Records.build(entries, "id", "list")
    # One OFAC entry read more than once (the CSL's copies, OFAC's SDN and consolidated files): one.
    shared = shared_entry_pairs(
        entries["id"].astype(str).tolist(), entries["feed"].fillna("").astype(str).tolist()
    )
    comps = Records.build(companies, "node_id", "source", COMPANY)
    prts = Records.build(parties, "party_id", None, UNKNOWN)
    del entries, companies, parties  # the records hold what scoring needs
    step("load")
    # The groups some stage scores: parties against companies or list entries, companies
    # against list entries and each other, list entries against each other.
    prepare_records(
        [g for g in (prts, comps, lists) if g.names and (g is not prts or comps.names or lists.names)],
        settings.resolve_processes or None,
    )
    step("prepare")
    blocking = BlockingConfig(top_k=5)
    parts: list[pd.DataFrame] = []
    if comps.names:
        comp_index = comps.index(blocking)
        if prts.names:
            parts.append(
                score_task(prts, comps, comp_index, "party-company", t.review, cross_group=False, top_k=3)
            )
        step("party-company")
    else:
        comp_index = None
        step("party-company")
    if lists.names:
        list_index = lists.index(blocking)
        if comps.names:
            parts.append(
                score_task(comps, lists, list_index, "company-list", t.review, cross_group=False, top_k=5)
            )
        step("company-list")
        if prts.names:  # a bill-of-lading party written as a listed name, with no registry record
            parts.append(
                score_task(prts, lists, list_index, "party-list", t.review, cross_group=False, top_k=5)
            )
        step("party-list")
        parts.append(score_task(lists, lists, list_index, "list-list", t.review, cross_group=True, top_k=5))
        parts.append(shared)
        step("list-list")
    else:
        for stage in ("company-list", "party-list", "list-list"):
            step(stage)
    if comp_index is not None:
        parts.append(
            score_task(comps, comps, comp_index, "company-company", t.review, cross_group=True, top_k=5)
        )
    step("company-company")
    pairs = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else None
    if pairs is None:
        pairs = pd.DataFrame(columns=["source", "target", "score", "method", "reasons_json"])
    touched = set(pairs["source"]) | set(pairs["target"])
    decisions, asked = standing_decisions(settings, load_decisions(settings))
    # a screening hit's decision is asked again by the next screening run, not in this queue
    asked = {k: why for k, why in asked.items() if not any(i.startswith(COUNTERPARTY_PREFIX) for i in k)}
    result = link(pairs, _similarity((lists, comps, prts)), decisions, t, nodes=sorted(touched), asked=asked)
    step("link")
    counts = {"list_entries": len(lists.ids), "companies": len(comps.ids), "parties": len(prts.ids)}
    return counts, len(pairs), result


def clusters_path(settings: Settings) -> object:
    return settings.workspace / "resolve" / "clusters.parquet"


def _nodes_in_store(store: GraphStore, ids: Sequence[str]) -> set[str]:
    """Those of ``ids`` that are nodes of the store, read as id columns of the kinds resolution's
    records are in the graph (list entries, companies, shipment parties). Not ``store.node(id)``
    per id: on the embedded store reading one node's properties makes its kind's columns Python
    objects and keeps a dict per node read (+0.6 GB on the 100k world), and on Neo4j each call
    is a round trip."""
    wanted = set(ids)
    found: set[str] = set()
    for kind in _RECORD_NODE_KINDS:
        found.update(wanted.intersection(store.nodes_frame(kind, columns=("id",))["id"]))
    return found


def _write(settings: Settings, result: LinkResult, write_store: bool) -> bool:
    atomic.write_parquet(queue_path(settings), result.queue)
    atomic.write_parquet(overrides_path(settings), result.confirmed_over_guard)
    atomic.write_parquet(settings.workspace / "resolve" / "clusters.parquet", result.clusters)
    store = optional_store(settings) if write_store else None
    if store is None:
        return False
    try:
        old = store.edges_frame(EdgeKind.SAME_AS, columns=("source", "target", "key"))
        new = set(zip(result.same_as["source"], result.same_as["target"], strict=True))
        stale = [
            (s, o, k)
            for s, o, k in zip(old["source"], old["target"], old["key"], strict=True)
            if (s, o) not in new
        ]
        del old, new
        if stale:
            store.delete_edges(EdgeKind.SAME_AS, stale)
        links = result.same_as
        known = _nodes_in_store(store, pd.concat([links["source"], links["target"]]).unique())
        kept = links[links["source"].isin(known) & links["target"].isin(known)]
        rows: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in kept.to_dict("records")]
        store.upsert_edges(EdgeKind.SAME_AS, rows)
        store.flush()
    finally:
        store.close()
    return True
