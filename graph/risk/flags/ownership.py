"""Flags from ownership and officers: owned by listed parties, minority stakes, shared officers, D:5."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd

from graph.risk.flags.base import FLAG_COLUMNS, MAX_EVIDENCE, FlagContext, empty, evidence, per_cluster
from graph.risk.frames import group_lists, member
from graph.risk.ownership import ReasonIndex, reason_chain, reason_index
from graph.risk.reference import Regime

#: At most this many links of the chain below a blocked entity go into its explanation.
MAX_CHAIN = 2 * MAX_EVIDENCE


def _regime_items(g: pd.DataFrame, index: ReasonIndex, sources: dict[str, str]) -> list[dict[str, Any]]:
    """Per regime: the blocked stake, the rule with its legal source, the blocked owners, and the
    chain below them down to the listings (each owner's own reason: its blocked owners, or the
    lists it is on), so "B is blocked" reads B ← A 40 % ← X 50 % (listed) without looking A up."""
    return [
        {
            "regime": r,
            "blocked_pct": float(b),
            "round": int(n),
            **json.loads(j),
            "source": sources.get(str(r), ""),
            "chain": reason_chain(index, str(c), str(r), limit=MAX_CHAIN + 1)[1:],
        }
        for c, r, b, n, j in zip(
            g["cluster"], g["regime"], g["blocked_pct"], g["round"], g["reasons_json"], strict=True
        )
    ]


def owned_by_listed(ctx: FlagContext) -> pd.DataFrame:
    """Blocked by the ownership fixed point under at least one regime in force (see ``ownership.py``)."""
    st = ctx.ownership.status
    hit = st[st["status"] == "owned"]
    index = reason_index(st)
    sources = {r.name: r.source for r in ctx.ref.regimes}
    return per_cluster(
        "OWNED_BY_LISTED", hit, "cluster", lambda g: evidence(_regime_items(g, index, sources))
    )


def owned_by_listed_suspended_rule(ctx: FlagContext) -> pd.DataFrame:
    """Blocked by the ownership fixed point under a regime that is *suspended* on the as-of date
    (the BIS Affiliates rule from 2025-11-10 to 2026-11-09): not a block, but the party sits
    where the rule bites when it resumes, so it needs review (unless blocked in force anyway)."""
    st = ctx.suspended
    if st.empty:
        return empty()
    blocked = set(ctx.ownership.status.loc[ctx.ownership.status["status"] == "owned", "cluster"])
    hit = st[(st["status"] == "owned") & ~member(st["cluster"], blocked)]
    index = reason_index(st)
    sources = {r.name: r.source for r in ctx.ref.regimes_all if r.status != "in_force"}
    return per_cluster(
        "OWNED_BY_LISTED_SUSPENDED_RULE",
        hit,
        "cluster",
        lambda g: evidence([{**item, "status": "suspended"} for item in _regime_items(g, index, sources)]),
    )


def _recorded(stakes: pd.DataFrame) -> list[str | None]:
    """Per stake: "recorded …, after the as-of date" when its record is (:mod:`graph.risk.asof`)."""
    if "recorded" not in stakes:
        return [None] * len(stakes)
    return [r if isinstance(r, str) else None for r in stakes["recorded"].to_numpy(dtype=object)]


def _counting_regimes(ctx: FlagContext) -> dict[str, list[Regime]]:
    """Listed cluster → the regimes on the as-of date (in force or suspended) that count it as a
    blocked owner: its ``listed`` rows of the ownership status (a regime's owner lists, narrowed
    to its programmes)."""
    by_name = {r.name: r for r in ctx.ref.regimes_all}
    rows = pd.concat([ctx.ownership.status, ctx.suspended], ignore_index=True)
    rows = rows[rows["status"] == "listed"]
    out: dict[str, list[Regime]] = {}
    for c, r in zip(rows["cluster"], rows["regime"], strict=True):
        if str(r) in by_name:
            out.setdefault(str(c), []).append(by_name[str(r)])
    return out


def listed_minority_stake(ctx: FlagContext) -> pd.DataFrame:
    """A listed party holds at least ``min_pct`` (25 %) but less than the ownership threshold of
    each regime that counts it as an owner: a significant stake that blocks nothing on its own.
    A stake at the threshold is OWNED_BY_LISTED's (or the suspended rule's) fact, and would weigh
    twice in the score (a noisy-OR over distinct flags); an owner no regime counts (e.g. on a list
    no ownership rule reads) has no threshold, and its stake fires from ``min_pct`` up."""
    min_pct = float(ctx.params("LISTED_MINORITY_STAKE").get("min_pct", 25.0))
    o = ctx.frames.owns
    listed = ctx.listed_clusters
    hit = o[member(o["owner"], set(listed.index)) & (o["pct"] >= min_pct) & (o["owner"] != o["owned"])]
    counting = _counting_regimes(ctx)
    below = [sorted(r.name for r in counting.get(str(w), [])) for w in hit["owner"].to_numpy(dtype=object)]
    minority = [
        not any(r.reached(float(p)) for r in counting.get(str(w), []))
        for w, p in zip(hit["owner"].to_numpy(dtype=object), hit["pct"].to_numpy(), strict=True)
    ]
    keep = np.asarray(minority, dtype=bool)
    hit = hit[keep]
    hit = hit.assign(
        below=pd.Series([b for b, k in zip(below, minority, strict=True) if k], index=hit.index, dtype=object)
    )
    return per_cluster(
        "LISTED_MINORITY_STAKE",
        hit,
        "owned",
        lambda g: evidence(
            [
                {
                    "owner": w,
                    "pct": float(p),
                    "lists": listed[w],
                    # the regimes whose threshold the stake stays below (none: no regime counts the owner)
                    "below_threshold_of": b,
                    **({"recorded": r} if r else {}),
                }
                for w, p, b, r in zip(g["owner"], g["pct"], g["below"], _recorded(g), strict=True)
            ],
            min_pct=min_pct,
        ),
    )


def shared_officer(ctx: FlagContext) -> pd.DataFrame:
    """An officer of a listed party is also an officer here, or one person is an officer of at
    least ``min_companies`` companies registered at one address (a nominee director).

    A registry names an officer by name and country only, so "one person in many companies" on
    its own joins every holder of a common name ("Wang Wei" in CN): the nominee pattern of the
    FinCEN/BIS alerts is one person behind a batch of shells *at one address*, and the shared
    address is what makes the name one person. ``same_address = false`` restores the bare count.
    """
    p = ctx.params("SHARED_OFFICER")
    min_companies = int(p.get("min_companies", 5))
    off = ctx.frames.officers
    if off.empty:
        return empty()
    per_person = off.groupby("person")["cluster"].nunique()
    listed = set(ctx.listed_clusters.index)
    listed_persons = set(off.loc[member(off["cluster"], listed), "person"])
    if bool(p.get("same_address", True)):
        at = off.merge(ctx.frames.located[["cluster", "address"]].drop_duplicates(), on="cluster")
        per_address = at.groupby(["person", "address"])["cluster"].nunique()
        batches = per_address[per_address >= min_companies].reset_index()[["person", "address"]]
        nominee_rows = at.merge(batches, on=["person", "address"])[["person", "cluster", "address"]]
    else:
        nominee_rows = off[member(off["person"], set(per_person[per_person >= min_companies].index))]
        nominee_rows = nominee_rows.assign(address=None)
    nominee = set(nominee_rows["person"])
    hit = pd.concat(
        [nominee_rows[["person", "cluster"]], off[member(off["person"], listed_persons)]]
    ).drop_duplicates()
    hit = hit[~(member(hit["cluster"], listed) & ~member(hit["person"], nominee))]
    shared_at = (
        nominee_rows.dropna(subset=["address"]).groupby("person")["address"].agg(lambda a: sorted(set(a))[:3])
    )
    # each person's companies once (sorted), not a scan of every officer row per flagged party
    # (minutes at 100k companies)
    mine = off[member(off["person"], set(hit["person"]))]
    clusters_of = group_lists(mine["person"], mine["cluster"]).to_dict()
    companies = {str(k): int(v) for k, v in per_person.items()}
    shared = shared_at.to_dict()
    pairs = hit[["cluster", "person"]].sort_values(["cluster", "person"])
    rows = []
    for cluster, persons in group_lists(pairs["cluster"], pairs["person"]).items():
        items = []
        for person in persons:
            others = [c for c in clusters_of[person] if c != cluster]
            item = {
                "person": person,
                "companies": companies[person],
                "listed_companies": [c for c in others if c in listed][:5],
                "others": others[:5],
            }
            if person in shared:
                item["shared_address"] = shared[person]
            items.append(item)
        rows.append(
            (
                cluster,
                "SHARED_OFFICER",
                evidence(items, min_companies=min_companies, same_address=bool(p.get("same_address", True))),
            )
        )
    return pd.DataFrame(rows, columns=FLAG_COLUMNS)


def _d5_controlled(ctx: FlagContext) -> pd.DataFrame:
    """``ownership.parents`` rows of entities outside D:5/Macau whose ultimate parent is in them
    (with ``country``, the entity's own); cycles have no ultimate parent and are left out."""
    parents = ctx.ownership.parents
    if parents.empty:
        return parents.assign(country=None)
    d5 = ctx.ref.advanced_computing_d5
    own_country = parents["cluster"].map(ctx.country)
    hit = parents["parent_country"].isin(d5) & ~own_country.isin(d5) & ~parents["cycle"].astype(bool)
    return parents[hit].assign(country=own_country[hit])


def ultimate_parent_d5(ctx: FlagContext) -> pd.DataFrame:
    """The ultimate parent (controlling stakes walked to the top) is headquartered in D:5 or Macau,
    while the entity itself is elsewhere (15 CFR 744.23 / 734.9 advanced-computing rules)."""
    hit = _d5_controlled(ctx)
    return per_cluster(
        "ULTIMATE_PARENT_D5",
        hit,
        "cluster",
        lambda g: evidence(
            [
                {"ultimate_parent": u, "country": c, "direct_parent": p, "depth": int(d), "link": k}
                for u, c, p, d, k in zip(
                    g["ultimate_parent"], g["parent_country"], g["parent"], g["depth"], g["link"], strict=True
                )
            ]
        ),
    )


def d5_parent_of_foreign(ctx: FlagContext) -> pd.DataFrame:
    """Headquartered in D:5 or Macau and the ultimate parent of entities outside them: the
    companies through which the parent can buy what 15 CFR 744.23 controls for it (the rule reaches
    such subsidiaries wherever they sit, so the parent is the party behind each of their orders)."""
    hit = _d5_controlled(ctx)
    return per_cluster(
        "D5_PARENT_OF_FOREIGN",
        hit,
        "ultimate_parent",
        lambda g: evidence(
            [
                {"controlled": c, "country": k, "depth": int(d)}
                for c, k, d in zip(g["cluster"], g["country"], g["depth"], strict=True)
            ],
            parent_country=g["parent_country"].iloc[0],
        ),
    )
