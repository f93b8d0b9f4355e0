"""Linking: scored candidate pairs → SAME_AS rows, a review queue and clusters.

* A pair scoring at or above ``link`` becomes a SAME_AS row (``decision="auto"``); a pair in
  the grey zone ``[review, link)`` goes to the review queue; a human decision (``confirm`` /
  ``reject``) always wins over the score.
* Clusters come from a *constrained* union-find: links are merged best first, and a merge is
  refused when it would put into one cluster two records that are known to be different — a
  rejected pair, two entries of the same list, or two members whose names compare as clearly
  different (below ``different``). A refused link is sent to review with the reason, so a
  chain of weak links can never join clearly different identities; the reason names the chain
  that holds it back (which side is already linked to which record, :mod:`graph.resolve.refusals`).
* A link a reviewer confirmed stands even when the guard would refuse it (a human decision
  overrides automatic checks): it stays ``confirmed``, so the risk run joins it, but it is not
  silent — its reasons say which two records of one list (or of a rejected pair) the
  confirmation joins, and :attr:`LinkResult.confirmed_over_guard` lists it for the resolve
  summary and ``chipwatch review``.
* The clusters are the risk run's (:mod:`graph.risk.frames`: every accepted link joins): the
  two sides of a confirmation the guard would refuse are one cluster, whose rows carry
  ``over_guard`` so wherever clusters are shown the officer sees which ones a reviewer joined
  against the guard. The guard itself keeps them apart while it decides the automatic links,
  as if the confirmation were not there.
* The order is the data's, not the rows': pairs are taken by score descending, then by their
  two ids (``pair_key`` order), so one pair scored twice keeps its best row (then the method
  first in name order), and the guard meets links in one total order (confirmed first, then
  automatic ones by score, then ids) whichever order the records were stored in.
* A cluster's canonical id is its member with the highest-priority kind (list entry, company,
  person, trade party), then the smallest id — stable across re-runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from graph.resolve.guard import ConstrainedClusters, Similarity
from graph.resolve.refusals import refusal_reason
from graph.resolve.review import Decision, Judgement, pair_key
from graph.score_text import score_text

__all__ = ["ConstrainedClusters", "LinkResult", "LinkThresholds", "Similarity", "link", "link_score_text"]

KIND_PRIORITY = {"list": 0, "co": 1, "person": 2, "party": 3}
OVERRIDE_COLUMNS = ["source", "target", "reason"]
#: What a guard refusal does to a link, by its decision: an automatic link goes to review; a
#: reviewer's confirmation stands, with the refusal as a warning.
GUARD_NOTES = {
    "auto": "not linked automatically",
    "confirmed": "confirmed by a reviewer although the anti-chaining guard would keep it apart",
}
#: The total order pairs are taken in (score descending, then ascending): see the module docstring.
_PAIR_ORDER = ["score", "source", "target", "method"]


@dataclass(frozen=True)
class LinkThresholds:
    link: float = 0.92  # at or above: linked automatically
    review: float = 0.75  # at or above (and below ``link``): queued for a human
    different: float = 0.45  # two cluster members scoring below this are clearly different


@dataclass
class LinkResult:
    same_as: pd.DataFrame  # source, target, key, score, method, reasons_json, decision
    queue: pd.DataFrame  # source, target, score, method, reasons_json
    clusters: pd.DataFrame  # id, canonical_id, size, over_guard (see cluster_frame)
    refused: int = 0  # links refused by the anti-chaining guard
    #: confirmed links the guard would have refused: source, target, reason (they stand)
    confirmed_over_guard: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=OVERRIDE_COLUMNS))


def link_score_text(score: float, thresholds: LinkThresholds | None = None) -> str:
    """A pair's score as text that never reads across the link or review threshold, nor as 1
    (certain) below it: 0.9973 is "0.997", 0.9196 "0.9196" (:func:`graph.score_text.score_text`)."""
    t = thresholds or LinkThresholds()
    return score_text(score, (t.link, t.review))


def _priority(node_id: str) -> tuple[int, str]:
    return (KIND_PRIORITY.get(node_id.split(":", 1)[0], 9), node_id)


def cluster_frame(clusters: ConstrainedClusters, over_guard: Iterable[str] = ()) -> pd.DataFrame:
    """One row per record: its cluster's canonical id and size, and ``over_guard``: whether the
    cluster holds one of ``over_guard`` (records a confirmation joined against the guard)."""
    marked = {clusters.find(x) for x in over_guard}
    rows: list[dict[str, object]] = []
    for root in list(clusters.members):
        if clusters.find(root) != root:
            continue
        group = clusters.members[root]
        canonical = min(group, key=_priority)
        over = root in marked
        rows.extend(
            {"id": m, "canonical_id": canonical, "size": len(group), "over_guard": over} for m in group
        )
    frame = pd.DataFrame(rows, columns=["id", "canonical_id", "size", "over_guard"])
    return frame.astype({"over_guard": bool}).sort_values("id", ignore_index=True)


def link(
    pairs: pd.DataFrame,
    similarity: Similarity,
    decisions: Mapping[tuple[str, str], Judgement] | None = None,
    thresholds: LinkThresholds | None = None,
    nodes: Iterable[str] = (),
    asked: Mapping[tuple[str, str], str] | None = None,
) -> LinkResult:
    """Decide scored pairs (columns ``source``, ``target``, ``score``, ``method``, ``reasons_json``).
    ``asked``: pairs whose decision no longer stands (a list entry of it changed since), with why:
    queued for review whatever their score, that reason first."""
    t = thresholds or LinkThresholds()
    decisions = decisions or {}
    asked = asked or {}
    pairs = pairs.copy()
    key = [pair_key(s, o) for s, o in zip(pairs["source"], pairs["target"], strict=True)]
    pairs["source"] = [k[0] for k in key]
    pairs["target"] = [k[1] for k in key]
    pairs = pairs.sort_values(_PAIR_ORDER, ascending=[False, True, True, True], kind="stable")
    pairs = pairs.drop_duplicates(["source", "target"])
    # Reviewed pairs not among the candidates still count.
    known = set(zip(pairs["source"], pairs["target"], strict=True))
    extra = [
        {"source": a, "target": b, "score": 0.0, "method": "review", "reasons_json": "[]"}
        for (a, b) in sorted({*decisions, *asked})  # in id order, not the decisions file's
        if (a, b) not in known
    ]
    if extra:
        pairs = pd.concat([pairs, pd.DataFrame(extra)], ignore_index=True)
    judged = [decisions.get((s, o)) for s, o in zip(pairs["source"], pairs["target"], strict=True)]
    pairs["decision"] = [
        ("confirmed" if j.decision is Decision.CONFIRM else "rejected") if j is not None else None
        for j in judged
    ]
    auto = pairs["decision"].isna()
    pairs.loc[auto & (pairs["score"] >= t.link), "decision"] = "auto"
    pairs.loc[auto & (pairs["score"] < t.link) & (pairs["score"] >= t.review), "decision"] = "review"
    if asked:
        keys = list(zip(pairs["source"], pairs["target"], strict=True))
        again = pd.Index([i for i, k in zip(pairs.index, keys, strict=True) if k in asked])
        pairs.loc[again, "decision"] = "review"
        pairs.loc[again, "reasons_json"] = [
            json.dumps([asked[k], *json.loads(str(old or "[]"))])
            for k, old in zip([k for k in keys if k in asked], pairs.loc[again, "reasons_json"], strict=True)
        ]

    clusters = ConstrainedClusters(
        similarity,
        t.different,
        cannot_link={k for k, j in decisions.items() if j.decision is Decision.REJECT},
    )
    for node in nodes:
        clusters.find(node)
    # Confirmed links merge first (a human said so), then automatic links best first.
    order = pairs.assign(_o=pairs["decision"].map({"confirmed": 0, "auto": 1}).fillna(2))
    order = order.sort_values(["_o", *_PAIR_ORDER], ascending=[True, False, True, True, True], kind="stable")
    merging = order[order["_o"] < 2]
    edges = list(zip(merging["source"].astype(str), merging["target"].astype(str), strict=True))
    reasons = clusters.merge_all(edges)
    held = [
        (idx, a, b, refusal, decision)
        for idx, (a, b), refusal, decision in zip(
            merging.index, edges, reasons, merging["decision"], strict=True
        )
        if refusal is not None
    ]
    refused = sum(1 for *_, decision in held if decision == "auto")
    overrides = pd.DataFrame(columns=OVERRIDE_COLUMNS)
    if held:  # named with the links that put the refusal's records in each side's cluster
        made = {
            (str(s), str(o)): (m, sc, d)
            for s, o, m, sc, d in zip(
                merging["source"],
                merging["target"],
                merging["method"],
                merging["score"],
                merging["decision"],
                strict=True,
            )
        }
        explained = [
            (idx, refusal_reason(r, a, b, clusters.chain(a, r.x), clusters.chain(b, r.y), made), decision)
            for idx, a, b, r, decision in held
        ]
        # one column write each (a cell-by-cell write is slow on Arrow-backed columns)
        at = pd.Index([idx for idx, *_ in explained])
        notes = [
            json.dumps([*json.loads(str(old or "[]")), f"{GUARD_NOTES[decision]}: {reason}"])
            for old, (_, reason, decision) in zip(pairs.loc[at, "reasons_json"], explained, strict=True)
        ]
        pairs.loc[at, "reasons_json"] = notes
        demoted = pd.Index([idx for idx, _, decision in explained if decision == "auto"])
        pairs.loc[demoted, "decision"] = "review"
        kept = [(idx, reason) for idx, reason, decision in explained if decision == "confirmed"]
        overrides = pd.DataFrame(
            {
                "source": [pairs.at[idx, "source"] for idx, _ in kept],
                "target": [pairs.at[idx, "target"] for idx, _ in kept],
                "reason": [f"{GUARD_NOTES['confirmed']}: {reason}" for _, reason in kept],
            },
            columns=OVERRIDE_COLUMNS,
        )
    for s, o in zip(pairs["source"], pairs["target"], strict=True):
        clusters.find(str(s))
        clusters.find(str(o))
    # The clusters are the risk run's, which joins every accepted link: a confirmation the guard
    # refused joins its two clusters now, once the guard has decided every automatic link without it.
    over_guard = [
        str(a)
        for a, b in zip(overrides["source"], overrides["target"], strict=True)
        if clusters.join(str(a), str(b))
    ]
    cols = ["source", "target", "key", "score", "method", "reasons_json", "decision"]
    same_as = pairs[pairs["decision"].isin(["auto", "confirmed", "rejected"])].assign(key="")[cols]
    queue = pairs[pairs["decision"] == "review"][["source", "target", "score", "method", "reasons_json"]]
    return LinkResult(
        same_as=same_as.reset_index(drop=True),
        queue=queue.sort_values("score", ascending=False, kind="stable").reset_index(drop=True),
        clusters=cluster_frame(clusters, over_guard),
        refused=refused,
        confirmed_over_guard=overrides,
    )
