"""Mass-registration address: one address shared by many companies, with a risk signal among them."""

from __future__ import annotations

import pandas as pd

from graph.risk.flags.base import FlagContext, empty, evidence, per_cluster
from graph.risk.frames import group_lists, member


def mass_registration_address(ctx: FlagContext) -> pd.DataFrame:
    """An address where at least ``min_companies`` companies are registered and some of them are
    listed, ship CHPL goods to restricted destinations, or most were incorporated after the controls."""
    p = ctx.params("MASS_REGISTRATION_ADDRESS")
    f = ctx.frames
    companies = ctx.companies[["id", "incorporation_date"]]
    at = f.located.merge(companies, left_on="entity", right_on="id")[
        ["address", "cluster", "incorporation_date"]
    ]
    counts = at.groupby("address")["cluster"].nunique()
    crowded = counts[counts >= int(p.get("min_companies", 5))]
    if crowded.empty:
        return empty()
    at = at[member(at["address"], set(crowded.index))].drop_duplicates(["address", "cluster"])
    s = ctx.chpl
    risky_trade = set(s.loc[s["restricted"], "shipper"]) | set(s.loc[s["restricted"], "consignee"])
    listed = set(ctx.listed_clusters.index)
    at = at.assign(
        listed=member(at["cluster"], listed),
        chpl_restricted=member(at["cluster"], risky_trade),
        recent=at["incorporation_date"].fillna("") > str(p.get("recent_after", "2022-02-24")),
    )
    signals = at.groupby("address").agg(
        companies=("cluster", "nunique"),
        listed=("listed", "sum"),
        chpl_restricted=("chpl_restricted", "sum"),
        recent=("recent", "mean"),
    )
    signals = signals[
        (signals["listed"] > 0)
        | (signals["chpl_restricted"] > 0)
        | (signals["recent"] >= float(p.get("min_recent_share", 0.5)))
    ]
    hit = at[member(at["address"], set(signals.index))]
    names = pd.Series(f.addresses["name"].to_numpy(), index=f.addresses["id"].to_numpy())
    # each address's companies once, not a scan of every registration per flagged company
    crowd = group_lists(at["address"], at["cluster"])

    def make(g: pd.DataFrame) -> str:
        a = g["address"].iloc[0]
        sig = signals.loc[a]
        return evidence(
            crowd[a][:10],
            address=a,
            key=names.get(a),  # the normalised address (the same whichever source wrote the node last)
            companies=int(sig["companies"]),
            listed=int(sig["listed"]),
            chpl_to_restricted=int(sig["chpl_restricted"]),
            recent_share=round(float(sig["recent"]), 2),
        )

    return per_cluster("MASS_REGISTRATION_ADDRESS", hit.drop_duplicates("cluster"), "cluster", make)
