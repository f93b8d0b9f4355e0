"""Flags from list data: resolved to a list entry, at a listed address, UVL, a listed party nearby."""

from __future__ import annotations

import numpy as np
import pandas as pd

from graph.model import NodeKind
from graph.risk.flags.base import FLAG_COLUMNS, FlagContext, empty, evidence, per_cluster
from graph.risk.frames import member


def listed_name_match(ctx: FlagContext) -> pd.DataFrame:
    """Resolved (SAME_AS, auto or confirmed) to an active list entry: listed under a name variant."""
    f = ctx.frames
    others = f.entities[f.entities["kind"] != NodeKind.LIST_ENTRY.value]
    hit = f.listings[member(f.listings["cluster"], set(others["cluster"]))]
    min_score = float(ctx.params("LISTED_NAME_MATCH").get("min_link_score", 0.0))
    links = f.same_as[pd.to_numeric(f.same_as["score"], errors="coerce").fillna(1.0) >= min_score]
    link_by_entry = pd.concat(
        [
            links.rename(columns={"source": "entry", "target": "other"}),
            links.rename(columns={"target": "entry", "source": "other"}),
        ]
    )
    link_by_entry = link_by_entry[member(link_by_entry["entry"], set(hit["entry_id"]))]
    scores = link_by_entry.groupby("entry")[["other", "score", "method"]].apply(
        lambda g: g.head(5).to_dict("records")
    )
    return per_cluster(
        "LISTED_NAME_MATCH",
        hit,
        "cluster",
        lambda g: evidence(
            [
                {"entry": e, "list": lst, "name": n, "links": scores.get(e, [])}
                for e, lst, n in zip(g["entry_id"], g["list"], g["name"], strict=True)
            ]
        ),
    )


def uvl_party(ctx: FlagContext) -> pd.DataFrame:
    """Resolved to an entry of the BIS Unverified List (15 CFR 744.15)."""
    hit = ctx.frames.listings[ctx.frames.listings["list"] == "US_UVL"]
    return per_cluster(
        "UVL_PARTY",
        hit,
        "cluster",
        lambda g: evidence([{"entry": e, "name": n} for e, n in zip(g["entry_id"], g["name"], strict=True)]),
    )


def listed_address_match(ctx: FlagContext) -> pd.DataFrame:
    """Located at the normalised address of an active list entry (address-only entries included).

    The evidence names, per address, each listed entry's line as its list published it (with the
    list version) next to the flagged party's own line, both read from their LOCATED_AT edges: the
    shared Address node holds only the normalised key, so what an officer sees does not depend on
    which source was ingested last.
    """
    f = ctx.frames
    entries = set(f.listings["entry_id"])
    at_list = f.located[member(f.located["entity"], entries)]
    # A party is a company or a trade party: a list entry that lists nobody on the day (not yet
    # listed, ended, removed, a context entity) is a list record, not a party at the address.
    records = f.entities.loc[f.entities["kind"] == NodeKind.LIST_ENTRY.value, "id"]
    parties = f.located[~member(f.located["entity"], set(records))]
    shared = set(parties["address"])
    at_list = at_list[member(at_list["address"], shared)].sort_values(["address", "entity"], kind="stable")
    if at_list.empty:
        return empty()
    list_of = dict(zip(f.listings["entry_id"], f.listings["list"], strict=True))
    listed_at: dict[str, list[dict[str, object]]] = {}
    for a, e, line, prov in zip(
        at_list["address"], at_list["entity"], at_list["line"], at_list["provenance"], strict=True
    ):
        listed_at.setdefault(a, []).append(
            {"entry": e, "list": list_of.get(e), "line": _text(line), "source": _text(prov)}
        )
    listed_clusters = at_list.groupby("address")["cluster"].agg(set)
    near = parties[member(parties["address"], set(listed_at))]
    near = near[[c not in listed_clusters[a] for c, a in zip(near["cluster"], near["address"], strict=True)]]
    near = near.sort_values(["cluster", "address", "entity"], kind="stable")
    keys = pd.Series(f.addresses["name"].to_numpy(), index=f.addresses["id"].to_numpy())

    def make(g: pd.DataFrame) -> str:
        items = []
        for a in pd.unique(g["address"]):
            here = g[g["address"] == a]
            located = [
                {"entity": e, "line": _text(line)}
                for e, line in zip(here["entity"], here["line"], strict=True)
            ]
            items.append({"address": a, "key": keys.get(a), "entries": listed_at[a][:5], "located": located})
        return evidence(items)

    return per_cluster("LISTED_ADDRESS_MATCH", near, "cluster", make)


def _text(value: object) -> str | None:
    """An edge property as evidence: absent (None, NaN on edges written before it existed) is None."""
    return value if isinstance(value, str) else None


def listed_within_n_hops(ctx: FlagContext) -> pd.DataFrame:
    """A listed party within ``max_hops`` over trade (either way) and ownership edges (shortest path)."""
    max_hops = int(ctx.params("LISTED_WITHIN_N_HOPS").get("max_hops", 1))
    s = ctx.shipments
    f = ctx.frames
    pairs = pd.concat(
        [
            s[["shipper", "consignee"]].set_axis(["a", "b"], axis=1),
            f.owns[["owner", "owned"]].set_axis(["a", "b"], axis=1),
        ],
        ignore_index=True,
    ).dropna()
    pairs = pairs[pairs["a"] != pairs["b"]]
    # the walk runs on integer codes of the parties: hashing and joining a million pairs of
    # strings per hop cost seconds; rows keep their order, so every choice is the same
    codes, uniques = pd.factorize(pd.concat([pairs["a"], pairs["b"]], ignore_index=True))
    n = len(pairs)
    pairs = pd.DataFrame({"a": codes[:n], "b": codes[n:]}).drop_duplicates()
    both = pd.concat([pairs, pairs.set_axis(["b", "a"], axis=1)], ignore_index=True).drop_duplicates()
    listed = set(ctx.listed_clusters.index)
    start = pd.Index(uniques).get_indexer(sorted(listed))
    start = start[start >= 0]  # a listed party without trade or ownership reaches nobody
    frontier = pd.DataFrame({"node": start, "origin": start})
    seen = np.zeros(len(uniques), dtype=bool)
    seen[start] = True
    found: list[pd.DataFrame] = []
    for hop in range(1, max_hops + 1):
        step = both.merge(frontier, left_on="a", right_on="node")[["b", "origin"]]
        step = step[~seen[step["b"].to_numpy()]].drop_duplicates("b").rename(columns={"b": "node"})
        if step.empty:
            break
        step["hops"] = hop
        found.append(step)
        seen[step["node"].to_numpy()] = True
        frontier = step[["node", "origin"]]
    if not found:
        return empty()
    near = pd.concat(found, ignore_index=True)
    names = np.asarray(uniques, dtype=object)
    rows = [
        (n, "LISTED_WITHIN_N_HOPS", evidence([{"listed": o, "hops": int(h)}], max_hops=max_hops))
        for n, o, h in zip(
            names[near["node"].to_numpy()].tolist(),
            names[near["origin"].to_numpy()].tolist(),
            near["hops"],
            strict=True,
        )
    ]
    return pd.DataFrame(rows, columns=FLAG_COLUMNS)
