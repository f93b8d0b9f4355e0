"""``resolve(settings)``: the whole resolution over the workspace.

Stages: load records (current list entries, companies, shipment parties) → blocking →
scoring → linking with review decisions → write SAME_AS edges, canonical ids, the review
queue (``review/queue.parquet``) and the clusters (``resolve/clusters.parquet``).
Pairs considered: shipment party ↔ company, company ↔ list entry, list entry ↔ list entry
across lists, company ↔ company across registries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.resolve.candidates import BlockingConfig, CandidateIndex
from graph.resolve.link import LinkResult, LinkThresholds, link
from graph.resolve.review import load_decisions, optional_store, queue_path
from graph.screening.index import _as_list, latest_entries
from graph.screening.scoring import distinctive, explain, score_pairs
from graph.tables.trade import load_trade_tables

STAGES = ("load", "party-company", "company-list", "list-list", "company-company", "link", "write")
Progress = Callable[[str], None]


@dataclass
class Records:
    """Records of one kind group: one row per name (primary and aliases) → record position."""

    ids: list[str]
    countries: list[list[str]]
    lei: list[str]
    group: list[str]  # list code for list entries, registry source for companies
    names: list[str] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, frame: pd.DataFrame, id_col: str, group_col: str | None) -> Records:
        rec = cls(
            ids=frame[id_col].astype(str).tolist(),
            countries=[_as_list(c) for c in frame["countries"]]
            if "countries" in frame
            else [[]] * len(frame),
            lei=frame["lei"].fillna("").astype(str).tolist() if "lei" in frame else [""] * len(frame),
            group=frame[group_col].fillna("").astype(str).tolist() if group_col else [""] * len(frame),
        )
        aliases = frame["aliases"] if "aliases" in frame else [None] * len(frame)
        for i, (name, extra) in enumerate(zip(frame["name"].fillna("").astype(str), aliases, strict=True)):
            for n in dict.fromkeys([name, *_as_list(extra)]):
                if n.strip():
                    rec.names.append(n)
                    rec.owner.append(i)
        return rec


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
    return _as_list(value)


def _list_entries(settings: Settings) -> pd.DataFrame:
    from graph.list_graph import list_graph_frames

    current = latest_entries(settings)
    if current.empty:
        return pd.DataFrame(columns=["id", "name", "aliases", "countries", "list"])
    return list_graph_frames(current.reset_index(drop=True)).nodes[NodeKind.LIST_ENTRY]


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
    """Scored record pairs (source=query id, target=target id) at or above ``review``."""
    cand = index.query(query.names, top_k=top_k)
    if len(cand) == 0:
        return pd.DataFrame(columns=["source", "target", "score", "method", "reasons_json"])
    q_rec = np.asarray(query.owner, dtype=np.int64)[cand.query]
    t_rec = np.asarray(target.owner, dtype=np.int64)[cand.target]
    keep = np.ones(len(cand), dtype=bool)
    if cross_group:  # the same record, or two records of one list / one registry, are not linked here
        keep &= np.array(
            [query.group[a] != target.group[b] for a, b in zip(q_rec, t_rec, strict=True)], dtype=bool
        )
    qn = [query.names[int(i)] for i in cand.query[keep]]
    tn = [target.names[int(i)] for i in cand.target[keep]]
    q_rec, t_rec, sim = q_rec[keep], t_rec[keep], cand.similarity[keep]
    scores = score_pairs(
        qn, tn, sim, [(query.countries[a] or [""])[0] for a in q_rec], [target.countries[b] for b in t_rec]
    )
    frame = pd.DataFrame({"q": q_rec, "t": t_rec, "score": scores.score, "i": np.arange(len(q_rec))})
    lei_q = np.array([query.lei[a] for a in q_rec], dtype=object)
    lei_t = np.array([target.lei[b] for b in t_rec], dtype=object)
    both = (lei_q != "") & (lei_t != "")
    frame.loc[both & (lei_q == lei_t), "score"] = 1.0
    frame.loc[both & (lei_q != lei_t), "score"] = np.minimum(frame.loc[both & (lei_q != lei_t), "score"], 0.5)
    frame = frame[frame["score"] >= review]
    frame = frame.sort_values("score", ascending=False, kind="stable").drop_duplicates(["q", "t"])
    rows = []
    for q, t, score, i in frame.itertuples(index=False):
        reasons = explain(
            qn[i], tn[i], "name", float(scores.name_similarity[i]), float(sim[i]), int(scores.country[i])
        )
        if both[i]:
            reasons.append("same LEI" if lei_q[i] == lei_t[i] else "LEIs differ: strong evidence against")
        rows.append(
            {
                "source": query.ids[q],
                "target": target.ids[t],
                "score": round(float(score), 4),
                "method": method,
                "reasons_json": json.dumps(reasons),
            }
        )
    return pd.DataFrame(rows, columns=["source", "target", "score", "method", "reasons_json"])


def _similarity(names_by_id: dict[str, list[str]]) -> Callable[[str, str], float]:
    @lru_cache(maxsize=100_000)
    def sim(a: str, b: str) -> float:
        best = 0.0
        for x in names_by_id.get(a, [])[:10]:
            for y in names_by_id.get(b, [])[:10]:
                dx, dy = distinctive(x), distinctive(y)
                if dx and dy:
                    best = max(
                        best, fuzz.token_sort_ratio(dx, dy) / 100.0, fuzz.token_set_ratio(dx, dy) / 100.0
                    )
        return best

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
    entries = _list_entries(settings)
    companies, parties = _companies(settings)
    lists = Records.build(entries, "id", "list")
    comps = Records.build(companies, "node_id", "source")
    prts = Records.build(parties, "party_id", None)
    step("load")
    blocking = BlockingConfig(top_k=5)
    parts: list[pd.DataFrame] = []
    if comps.names:
        comp_index = CandidateIndex(comps.names, comps.owner, blocking)
        if prts.names:
            parts.append(
                score_task(prts, comps, comp_index, "party-company", t.review, cross_group=False, top_k=3)
            )
        step("party-company")
    else:
        comp_index = None
        step("party-company")
    if lists.names:
        list_index = CandidateIndex(lists.names, lists.owner, blocking)
        if comps.names:
            parts.append(
                score_task(comps, lists, list_index, "company-list", t.review, cross_group=False, top_k=5)
            )
        step("company-list")
        parts.append(score_task(lists, lists, list_index, "list-list", t.review, cross_group=True, top_k=5))
        step("list-list")
    else:
        step("company-list"), step("list-list")
    if comp_index is not None:
        parts.append(
            score_task(comps, comps, comp_index, "company-company", t.review, cross_group=True, top_k=5)
        )
    step("company-company")
    pairs = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else None
    if pairs is None:
        pairs = pd.DataFrame(columns=["source", "target", "score", "method", "reasons_json"])
    names_by_id: dict[str, list[str]] = {}
    for rec in (lists, comps, prts):
        for name, owner in zip(rec.names, rec.owner, strict=True):
            names_by_id.setdefault(rec.ids[owner], []).append(name)
    touched = set(pairs["source"]) | set(pairs["target"])
    result = link(pairs, _similarity(names_by_id), load_decisions(settings), t, nodes=sorted(touched))
    step("link")
    written = _write(settings, result, write_store)
    step("write")
    multi = result.clusters[result.clusters["size"] > 1]
    return ResolveSummary(
        records={"list_entries": len(lists.ids), "companies": len(comps.ids), "parties": len(prts.ids)},
        candidate_pairs=len(pairs),
        links=int(result.same_as["decision"].isin(["auto", "confirmed"]).sum()),
        queued=len(result.queue),
        clusters=int(result.clusters["canonical_id"].nunique()),
        multi_member_clusters=int(multi["canonical_id"].nunique()),
        refused_by_guard=result.refused,
        store_written=written,
    )


def clusters_path(settings: Settings) -> object:
    return settings.workspace / "resolve" / "clusters.parquet"


def _write(settings: Settings, result: LinkResult, write_store: bool) -> bool:
    qp = queue_path(settings)
    qp.parent.mkdir(parents=True, exist_ok=True)
    result.queue.to_parquet(qp.with_suffix(".tmp"), index=False)
    qp.with_suffix(".tmp").replace(qp)
    cp = settings.workspace / "resolve" / "clusters.parquet"
    cp.parent.mkdir(parents=True, exist_ok=True)
    result.clusters.to_parquet(cp.with_suffix(".tmp"), index=False)
    cp.with_suffix(".tmp").replace(cp)
    store = optional_store(settings) if write_store else None
    if store is None:
        return False
    try:
        old = store.edges_frame(EdgeKind.SAME_AS)
        new = set(zip(result.same_as["source"], result.same_as["target"], strict=True))
        stale = [
            (s, o, k)
            for s, o, k in zip(old["source"], old["target"], old["key"], strict=True)
            if (s, o) not in new
        ]
        if stale:
            store.delete_edges(EdgeKind.SAME_AS, stale)
        existing: list[dict[str, Any]] = [
            {str(k): v for k, v in r.items()}
            for r in result.same_as.to_dict("records")
            if store.node(str(r["source"])) and store.node(str(r["target"]))
        ]
        store.upsert_edges(EdgeKind.SAME_AS, existing)
        store.flush()
    finally:
        store.close()
    return True
