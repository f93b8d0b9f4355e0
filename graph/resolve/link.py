"""Linking: scored candidate pairs → SAME_AS rows, a review queue and clusters.

* A pair scoring at or above ``link`` becomes a SAME_AS row (``decision="auto"``); a pair in
  the grey zone ``[review, link)`` goes to the review queue; a human decision (``confirm`` /
  ``reject``) always wins over the score.
* Clusters come from a *constrained* union-find: links are merged best first, and a merge is
  refused when it would put into one cluster two records that are known to be different — a
  rejected pair, two entries of the same list, or two members whose names compare as clearly
  different (below ``different``). A refused link is sent to review with the reason, so a
  chain of weak links can never join clearly different identities.
* A cluster's canonical id is its member with the highest-priority kind (list entry, company,
  person, trade party), then the smallest id — stable across re-runs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from graph.resolve.review import Decision, Judgement, pair_key

KIND_PRIORITY = {"list": 0, "co": 1, "person": 2, "party": 3}


@dataclass(frozen=True)
class LinkThresholds:
    link: float = 0.92  # at or above: linked automatically
    review: float = 0.75  # at or above (and below ``link``): queued for a human
    different: float = 0.45  # two cluster members scoring below this are clearly different


@dataclass
class LinkResult:
    same_as: pd.DataFrame  # source, target, key, score, method, reasons_json, decision
    queue: pd.DataFrame  # source, target, score, method, reasons_json
    clusters: pd.DataFrame  # id, canonical_id, size
    refused: int = 0  # links refused by the anti-chaining guard


#: Pair similarity used by the guard: a batch of (id_a, id_b) -> one score in [0, 1] each
#: (batched so that a merge's checks are one vectorised scoring call).
Similarity = Callable[[Sequence[tuple[str, str]]], Sequence[float]]


def _priority(node_id: str) -> tuple[int, str]:
    return (KIND_PRIORITY.get(node_id.split(":", 1)[0], 9), node_id)


def _list_of(node_id: str) -> str | None:
    """``US_EL`` for ``list:US_EL:123``; None for anything that is not a list entry."""
    parts = node_id.split(":", 2)
    return parts[1] if parts[0] == "list" and len(parts) == 3 else None


@dataclass
class ConstrainedClusters:
    """Union-find whose merges must not join records that are known or found to be different."""

    similarity: Similarity
    different: float
    cannot_link: set[tuple[str, str]] = field(default_factory=set)
    max_checks: int = 400  # member pairs compared per merge (clusters of real data are small)
    parent: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        self.members.setdefault(x, [x])
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def conflict(self, a: str, b: str) -> str | None:
        """Why the clusters of ``a`` and ``b`` must stay apart, or None."""
        ra, rb = self.find(a), self.find(b)
        checks: list[tuple[str, str]] = []
        for x in self.members[ra]:
            for y in self.members[rb]:
                if pair_key(x, y) in self.cannot_link:
                    return f"{x} and {y} were rejected as different by a reviewer"
                lx, ly = _list_of(x), _list_of(y)
                if lx is not None and lx == ly:
                    return f"{x} and {y} are two entries of the same list"
                if len(checks) < self.max_checks and (x, y) != (a, b):
                    checks.append((x, y))
        if checks:
            for (x, y), sim in zip(checks, self.similarity(checks), strict=True):
                if sim < self.different:
                    return f"{x} and {y} compare as clearly different ({sim:.2f})"
        return None

    def union(self, a: str, b: str) -> str | None:
        """Merge; returns the reason when the merge is refused."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        reason = self.conflict(a, b)
        if reason is not None:
            return reason
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return None

    def frame(self) -> pd.DataFrame:
        rows: list[dict[str, object]] = []
        for root in list(self.members):
            if self.find(root) != root:
                continue
            group = self.members[root]
            canonical = min(group, key=_priority)
            rows.extend({"id": m, "canonical_id": canonical, "size": len(group)} for m in group)
        return pd.DataFrame(rows, columns=["id", "canonical_id", "size"]).sort_values("id", ignore_index=True)


#: Components up to this size get every member pair scored up front (see :func:`_prewarm`).
PREWARM_MAX_COMPONENT = 64


def _prewarm(similarity: Similarity, edges: Iterable[tuple[str, str]]) -> None:
    """Score, in one batch, every member pair the guard may check: the pairs inside each
    connected component of the links about to merge (components of 3 to
    ``PREWARM_MAX_COMPONENT`` records; larger ones are checked lazily). A caching similarity
    then answers each merge's checks without a scoring call of its own."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    batch = [
        (x, y)
        for group in groups.values()
        if 2 < len(group) <= PREWARM_MAX_COMPONENT
        for i, x in enumerate(group)
        for y in group[i + 1 :]
    ]
    if batch:
        similarity(batch)


def link(
    pairs: pd.DataFrame,
    similarity: Similarity,
    decisions: Mapping[tuple[str, str], Judgement] | None = None,
    thresholds: LinkThresholds | None = None,
    nodes: Iterable[str] = (),
) -> LinkResult:
    """Decide scored pairs (columns ``source``, ``target``, ``score``, ``method``, ``reasons_json``)."""
    t = thresholds or LinkThresholds()
    decisions = decisions or {}
    pairs = pairs.copy()
    key = [pair_key(s, o) for s, o in zip(pairs["source"], pairs["target"], strict=True)]
    pairs["source"] = [k[0] for k in key]
    pairs["target"] = [k[1] for k in key]
    pairs = pairs.sort_values("score", ascending=False, kind="stable").drop_duplicates(["source", "target"])
    # Reviewed pairs not among the candidates still count.
    known = set(zip(pairs["source"], pairs["target"], strict=True))
    extra = [
        {"source": a, "target": b, "score": 0.0, "method": "review", "reasons_json": "[]"}
        for (a, b) in decisions
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

    clusters = ConstrainedClusters(
        similarity,
        t.different,
        cannot_link={k for k, j in decisions.items() if j.decision is Decision.REJECT},
    )
    for node in nodes:
        clusters.find(node)
    # Confirmed links merge first (a human said so), then automatic links best first.
    order = pairs.assign(_o=pairs["decision"].map({"confirmed": 0, "auto": 1}).fillna(2))
    order = order.sort_values(["_o", "score"], ascending=[True, False], kind="stable")
    refused = 0
    demoted: dict[object, str] = {}
    merging = order[order["_o"] < 2]
    _prewarm(similarity, zip(merging["source"].astype(str), merging["target"].astype(str), strict=True))
    for idx, a, b, decision in zip(
        merging.index, merging["source"], merging["target"], merging["decision"], strict=True
    ):
        reason = clusters.union(str(a), str(b))
        if reason is not None and decision == "auto":
            refused += 1
            demoted[idx] = reason
    for idx, reason in demoted.items():
        pairs.at[idx, "decision"] = "review"
        reasons = json.loads(str(pairs.at[idx, "reasons_json"] or "[]"))
        pairs.at[idx, "reasons_json"] = json.dumps([*reasons, f"not linked automatically: {reason}"])
    for s, o in zip(pairs["source"], pairs["target"], strict=True):
        clusters.find(str(s))
        clusters.find(str(o))
    cols = ["source", "target", "key", "score", "method", "reasons_json", "decision"]
    same_as = pairs[pairs["decision"].isin(["auto", "confirmed", "rejected"])].assign(key="")[cols]
    queue = pairs[pairs["decision"] == "review"][["source", "target", "score", "method", "reasons_json"]]
    return LinkResult(
        same_as=same_as.reset_index(drop=True),
        queue=queue.sort_values("score", ascending=False, kind="stable").reset_index(drop=True),
        clusters=clusters.frame(),
        refused=refused,
    )
