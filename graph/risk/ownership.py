"""Ownership status per regime, computed as a fixed point over the ownership graph.

The rule (OFAC FAQ 401, and the same shape for the BIS Affiliates rule, the EU and the UK): an
entity is blocked when the stakes held in it by blocked owners reach the regime's threshold.
Owners blocked by this rule count with their **whole** stake — percentages are never multiplied
down a chain. Worked example (DOMAIN.md): X (listed) owns 50 % of A and 10 % of B, A owns 40 %
of B → A is blocked (50 %), so B has 40 + 10 = 50 % blocked ownership → B is blocked.

:func:`blocked_by_ownership` repeats "mark blocked where the summed (or, for regimes that do not
aggregate, one listed person's direct and indirect) blocked stake reaches the threshold" until
nothing changes. Every round
blocks at least one new entity, so it stops after at most as many rounds as there are owned
entities — cycles and self-ownership cannot make it loop. Each derived status keeps its reasons:
the round, the blocked stake and each blocked owner with its stake and why that owner is blocked.

Input is a table of stakes between clusters (``owner``, ``owned``, ``pct``). The same owner→owned
stake recorded twice (two sources, or two records of one resolved party) counts once, at its
largest value; self-ownership is ignored for status and reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from graph.risk.frames import group_lists, member
from graph.risk.licence import licence_reason, normalise_requirement
from graph.risk.reference import Regime


@dataclass(frozen=True)
class OwnershipResult:
    #: cluster, regime, status (listed|owned), blocked_pct, round, reasons_json
    status: pd.DataFrame
    #: cluster, parent (direct controlling owner), ultimate_parent, parent_country, depth, cycle,
    #: link (``stake`` or the consolidation relationship to the parent)
    parents: pd.DataFrame
    #: owned cluster, total_pct, owners, state (complete|incomplete|over_100), self_owned
    completeness: pd.DataFrame


#: What a stake's explanation carries beside owner and pct, when the ownership table has it
#: (``recorded``: the record is dated after the as-of date, :mod:`graph.risk.asof`).
STAKE_FACTS = ("as_of", "source", "recorded")


def clean_stakes(owns: pd.DataFrame) -> pd.DataFrame:
    """One row per (owner, owned) pair, largest recorded stake (with that record's ``as_of`` and
    ``source`` where given), no self-ownership, pct > 0."""
    cols = ["owner", "owned", "pct", *(c for c in STAKE_FACTS if c in owns.columns)]
    stakes = owns.loc[owns["owner"] != owns["owned"], cols]
    stakes = stakes[stakes["pct"] > 0]
    stakes = stakes.sort_values(["owner", "owned", "pct"], ascending=[True, True, False], kind="stable")
    return stakes.drop_duplicates(["owner", "owned"]).reset_index(drop=True)


def _stake_items(rows: pd.DataFrame) -> list[dict[str, object]]:
    """Each blocked owner's stake as the explanation gives it: id, pct, and the record's date
    and source file when known."""
    facts = [c for c in STAKE_FACTS if c in rows.columns]
    out: list[dict[str, object]] = []
    for values in zip(rows["owner"], rows["pct"], *(rows[c] for c in facts), strict=True):
        item: dict[str, object] = {"id": values[0], "pct": float(values[1])}
        item.update({k: str(v) for k, v in zip(facts, values[2:], strict=True) if isinstance(v, str) and v})
        out.append(item)
    return out


NOT_AGGREGATED = " (held by one listed person, directly or through entities it owns)"


def _one_holder_reaches(
    hits: pd.DataFrame, holders: dict[str, frozenset[str]], regime: Regime
) -> tuple[pd.Series, pd.DataFrame]:
    """For a regime that does not aggregate several listed persons (UK): a person's holding is
    what it holds directly plus the whole stakes of the entities it owns (UK regulations, e.g.
    Russia (Sanctions) (EU Exit) Regulations 2019 reg. 7 and Schedule 1: a share is held
    indirectly through an entity the person has a majority stake in). Stakes of two different
    listed persons are never added. Returns owned → the largest such holding that reaches the
    threshold, and the stake rows (with ``holder``) that make it up."""
    per = hits.assign(holder=hits["owner"].map(lambda o: sorted(holders.get(str(o), ())))).explode("holder")
    per = per.dropna(subset=["holder"])
    held = per.groupby(["owned", "holder"], sort=True)["pct"].sum()
    ok = held[[regime.reached(float(v)) for v in held.to_numpy()]]
    if ok.empty:
        return pd.Series(dtype=float), per.iloc[0:0]
    best = ok.groupby(level="owned").max()
    top = ok[ok.to_numpy() >= best.reindex(ok.index.get_level_values("owned")).to_numpy()]
    keys = set(top.index.tolist())
    chosen = per[[k in keys for k in zip(per["owned"], per["holder"], strict=True)]]
    return best, chosen


def blocked_by_ownership(stakes: pd.DataFrame, seeds: pd.DataFrame, regime: Regime) -> pd.DataFrame:
    """Fixed point for one regime.

    ``stakes``: ``clean_stakes`` output. ``seeds``: cluster, lists (the listed clusters whose
    lists are among ``regime.owner_lists``) and optionally licences (each seed's licence
    requirements as its list entries give them). Returns cluster, regime, status, blocked_pct,
    round, reasons_json for seeds (status ``listed``) and derived entities (``owned``). An owned
    entity's reason carries the licence requirements of the listed parties behind it and the
    strictest of them (:mod:`graph.risk.licence`).
    """
    seed_ids = pd.unique(seeds["cluster"])
    seed_licences = seeds["licences"] if "licences" in seeds else pd.Series([[]] * len(seeds))
    licences: dict[str, frozenset[str]] = {
        str(c): frozenset(normalise_requirement(t) for t in found)
        for c, found in zip(seeds["cluster"], seed_licences, strict=True)
        if isinstance(found, list) and found
    }
    rows: list[pd.DataFrame] = [
        pd.DataFrame(
            {
                "cluster": seeds["cluster"].to_numpy(),
                "regime": regime.name,
                "status": "listed",
                "blocked_pct": 100.0,
                "round": 0,
                "reasons_json": [
                    json.dumps(
                        {"listed_on": lists, **licence_reason(licences.get(str(c), frozenset()))},
                        ensure_ascii=False,
                    )
                    for c, lists in zip(seeds["cluster"], seeds["lists"], strict=True)
                ],
            }
        )
    ]
    blocked = set(seed_ids.tolist())
    # regimes that do not aggregate: the listed person(s) whose holding blocks each entity
    holders: dict[str, frozenset[str]] = {str(c): frozenset([str(c)]) for c in seed_ids}
    live = stakes[~member(stakes["owned"], blocked)]
    owner_mask = member(live["owner"], blocked)
    round_no = 0
    while True:
        round_no += 1
        hits = live[owner_mask]
        if hits.empty:
            break
        if regime.aggregate:
            total = hits.groupby("owned", sort=True)["pct"].sum()
            reached = total[[regime.reached(float(v)) for v in total.to_numpy()]]
            chosen = hits[member(hits["owned"], set(reached.index))]
        else:
            reached, chosen = _one_holder_reaches(hits, holders, regime)
        if reached.empty:
            break
        new = set(reached.index.tolist())
        chosen = chosen.sort_values(["owned", "pct", "owner"], ascending=[True, False, True])
        reasons = {}
        for owned, g in chosen.groupby("owned", sort=True):
            held = frozenset().union(*(licences.get(str(o), frozenset()) for o in g["owner"]))
            if held:
                licences[str(owned)] = held
            extra: dict[str, object] = {}
            if not regime.aggregate:
                holders[str(owned)] = frozenset(g["holder"])
                extra["held_by"] = sorted(holders[str(owned)])
            reasons[owned] = json.dumps(
                {
                    "rule": f"{regime.name}: blocked owners hold "
                    f"{'>' if regime.strict else '>='} {regime.threshold_pct:g} %"
                    + (" (aggregated)" if regime.aggregate else NOT_AGGREGATED),
                    "owners": _stake_items(g.drop_duplicates("owner")),
                    **extra,
                    **licence_reason(held),
                },
                ensure_ascii=False,
            )
        rows.append(
            pd.DataFrame(
                {
                    "cluster": reached.index.to_numpy(),
                    "regime": regime.name,
                    "status": "owned",
                    "blocked_pct": reached.to_numpy().astype(float),
                    "round": round_no,
                    "reasons_json": [reasons[c] for c in reached.index],
                }
            )
        )
        blocked |= new
        keep = ~member(live["owned"], new)
        owner_mask = owner_mask[keep] | member(live["owner"], new)[keep]
        live = live[keep]
    return pd.concat(rows, ignore_index=True)


#: OWNS relationships that are accounting consolidation (GLEIF level 2), not a share count: the
#: parent controls the child whatever the (usually unpublished) percentage. The ultimate-parent
#: record is preferred to the direct-parent one: it names the top even when the direct parent's
#: own parent is not in the data.
CONSOLIDATION = ("ultimate_parent", "direct_parent")


def consolidation_links(owns: pd.DataFrame) -> pd.DataFrame:
    """owner, owned, link (the relationship) of the consolidation records among ``owns``."""
    if "relationship" not in owns.columns:
        return pd.DataFrame(columns=["owner", "owned", "link"])
    rel = owns["relationship"].astype(object)
    hit = owns[rel.isin(CONSOLIDATION).to_numpy() & (owns["owner"] != owns["owned"]).to_numpy()]
    return hit.assign(link=hit["relationship"])[["owner", "owned", "link"]].drop_duplicates()


def ultimate_parents(
    stakes: pd.DataFrame,
    countries: pd.Series,
    control_pct: float = 50.0,
    consolidated: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Walk controlling links to the top: the largest stake above ``control_pct``, else a
    consolidation record (``consolidated``: owner, owned, link) — GLEIF publishes parents
    without percentages, and without this a group's ultimate parent was never found.

    Pointer jumping: each round replaces a node's ancestor by its ancestor's ancestor, so a chain
    of length L takes log2(L) rounds. A node whose walk never reaches a top (an ownership cycle)
    is marked ``cycle`` and has no ultimate parent. ``link`` says what the direct link is
    (``stake`` or the consolidation relationship).
    """
    ctrl = stakes.loc[stakes["pct"] > control_pct, ["owner", "owned", "pct"]].assign(link="stake", rank=0)
    if consolidated is not None and not consolidated.empty:
        rank = {link: i + 1 for i, link in enumerate(CONSOLIDATION)}
        extra = consolidated.assign(pct=np.nan, rank=consolidated["link"].map(rank))
        ctrl = pd.concat([ctrl, extra[["owner", "owned", "pct", "link", "rank"]]], ignore_index=True)
    ctrl = ctrl.sort_values(["owned", "rank", "pct", "owner"], ascending=[True, True, False, True])
    ctrl = ctrl.drop_duplicates("owned")
    if ctrl.empty:
        return pd.DataFrame(
            columns=["cluster", "parent", "ultimate_parent", "parent_country", "depth", "cycle", "link"]
        )
    nodes = pd.Index(pd.unique(np.concatenate([ctrl["owned"].to_numpy(), ctrl["owner"].to_numpy()])))
    n = len(nodes)
    parent = np.arange(n)
    child_idx = nodes.get_indexer(ctrl["owned"])
    parent[child_idx] = nodes.get_indexer(ctrl["owner"])
    has_parent = parent != np.arange(n)
    anc = parent.copy()
    depth = has_parent.astype(np.int64)
    for _ in range(64):
        nxt = anc[anc]
        if np.array_equal(nxt, anc):
            break
        depth = depth + np.where(anc != nxt, depth[anc], 0)
        anc = nxt
    top = ~has_parent[anc]
    owned = has_parent
    out = pd.DataFrame(
        {
            "cluster": nodes[owned],
            "parent": nodes[parent[owned]],
            "ultimate_parent": np.where(top[owned], nodes[anc[owned]], None),
            "depth": depth[owned],
            "cycle": ~top[owned],
        }
    )
    out["link"] = out["cluster"].map(pd.Series(ctrl["link"].to_numpy(), index=ctrl["owned"].to_numpy()))
    out["parent_country"] = out["ultimate_parent"].map(countries)
    return out.sort_values("cluster").reset_index(drop=True)


def completeness(owns: pd.DataFrame) -> pd.DataFrame:
    """Per owned cluster: the known stakes' total and whether they fall short of or exceed 100 %."""
    self_owned = set(owns.loc[owns["owner"] == owns["owned"], "owned"])
    stakes = clean_stakes(owns)
    agg = (
        stakes.groupby("owned", sort=True)
        .agg(total_pct=("pct", "sum"), owners=("owner", "size"))
        .reset_index()
    )
    extra = sorted(self_owned - set(agg["owned"]))
    if extra:
        agg = pd.concat(
            [agg, pd.DataFrame({"owned": extra, "total_pct": 0.0, "owners": 0})], ignore_index=True
        )
    agg["state"] = np.select(
        [agg["total_pct"] > 100.0 + 1e-6, agg["total_pct"] < 100.0 - 1e-6],
        ["over_100", "incomplete"],
        "complete",
    )
    agg["self_owned"] = member(agg["owned"], self_owned)
    return agg.rename(columns={"owned": "cluster"})


def ownership_status(
    owns: pd.DataFrame,
    listings: pd.DataFrame,
    regimes: tuple[Regime, ...],
    countries: pd.Series,
    control_pct: float = 50.0,
) -> OwnershipResult:
    """Status per regime for every cluster that is listed or blocked by ownership, plus parents."""
    stakes = clean_stakes(owns)
    frames = []
    for regime in regimes:
        on = listings[listings["list"].isin(regime.owner_lists).to_numpy()]
        narrowed = on["list"].isin(list(regime.owner_programs)).to_numpy()
        if narrowed.any():  # only the lists a regime narrows to some programmes are read per entry
            programs = on["programs"] if "programs" in on else pd.Series(None, index=on.index)
            keep = [
                not n or regime.counts(str(lst), p)
                for n, lst, p in zip(
                    narrowed.tolist(),
                    on["list"].to_numpy(dtype=object),
                    programs.to_numpy(dtype=object),
                    strict=True,
                )
            ]
            on = on[np.asarray(keep, dtype=bool)]
        grouped = group_lists(on["cluster"], on["list"])
        seeds = pd.DataFrame({"cluster": grouped.index, "lists": grouped.to_numpy()})
        if "license_requirement" in on:
            required = group_lists(on["cluster"], on["license_requirement"])
            mapped = seeds["cluster"].map(required).to_numpy(dtype=object)
            seeds["licences"] = [v if isinstance(v, list) else [] for v in mapped]
        frames.append(blocked_by_ownership(stakes, seeds, regime))
    cols = ["cluster", "regime", "status", "blocked_pct", "round", "reasons_json"]
    status = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    parents = ultimate_parents(stakes, countries, control_pct, consolidation_links(owns))
    return OwnershipResult(status, parents, completeness(owns))


ReasonIndex = dict[tuple[str, str], tuple[str, str]]


def reason_index(status: pd.DataFrame) -> ReasonIndex:
    """(cluster, regime) → (status, reasons_json): built once for many :func:`reason_chain` calls."""
    cols = [
        status[c].to_numpy(dtype=object).tolist() for c in ("cluster", "regime", "status", "reasons_json")
    ]
    return {(str(c), str(r)): (str(s), str(j)) for c, r, s, j in zip(*cols, strict=True)}


def reason_chain(
    status: pd.DataFrame | ReasonIndex,
    cluster: str,
    regime: str,
    max_depth: int = 20,
    limit: int | None = None,
) -> list[dict[str, object]]:
    """The chain of reasons behind one cluster's status: it, then each blocked owner's, depth
    first, down to the listings (at most ``limit`` entries). ``status`` is the status table or its
    :func:`reason_index`."""
    by_key = status if isinstance(status, dict) else reason_index(status)
    out: list[dict[str, object]] = []
    seen: set[str] = set()

    def visit(node: str, depth: int) -> None:
        if node in seen or depth > max_depth or (node, regime) not in by_key:
            return
        if limit is not None and len(out) >= limit:
            return
        seen.add(node)
        st, js = by_key[(node, regime)]
        reason = json.loads(js)
        out.append({"id": node, "status": st, "depth": depth, **reason})
        for owner in reason.get("owners", []):
            visit(str(owner["id"]), depth + 1)

    visit(cluster, 0)
    return out
