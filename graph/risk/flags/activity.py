"""Flags on changes and outliers in trade: sudden change after 2022-02-24, price anomalies."""

from __future__ import annotations

import pandas as pd

from graph.risk.flags.base import FLAG_COLUMNS, FlagContext, empty, evidence, per_cluster, shipment_items


def sudden_change(ctx: FlagContext) -> pd.DataFrame:
    """CHPL shipments per year after the pivot date reach ``min_ratio`` times the rate before —
    or the party traded before the pivot (at least ``min_before`` shipments) but no CHPL goods,
    and started afterwards."""
    p = ctx.params("SUDDEN_CHANGE")
    pivot = pd.Timestamp(str(p.get("pivot", "2022-02-24")))
    s = ctx.shipments.dropna(subset=["day"])
    if s.empty:
        return empty()
    span_before = max((pivot - s["day"].min()).days / 365.25, 0.25)
    span_after = max((s["day"].max() - pivot).days / 365.25, 0.25)
    both = pd.concat([s.assign(cluster=s["shipper"]), s.assign(cluster=s["consignee"])], ignore_index=True)
    both = both.dropna(subset=["cluster"])
    after = both["day"] > pivot
    chpl = both["tier"].notna()
    agg = (
        pd.DataFrame(
            {
                "cluster": both["cluster"],
                "total_before": ~after,
                "chpl_before": chpl & ~after,
                "chpl_after": chpl & after,
            }
        )
        .groupby("cluster")
        .sum()
    )
    rate_before = agg["chpl_before"] / span_before
    rate_after = agg["chpl_after"] / span_after
    enough = agg["chpl_after"] >= int(p.get("min_after", 5))
    jump = (agg["chpl_before"] > 0) & (rate_after >= float(p.get("min_ratio", 5.0)) * rate_before)
    # a change needs a baseline: a party with one shipment before the pivot has no "before"
    new_mix = (agg["chpl_before"] == 0) & (agg["total_before"] >= int(p.get("min_before", 5)))
    hit = agg[enough & (jump | new_mix)]
    rows = [
        (
            c,
            "SUDDEN_CHANGE",
            evidence(
                [],
                pivot=str(pivot.date()),
                chpl_before=int(r.chpl_before),
                chpl_after=int(r.chpl_after),
                shipments_before=int(r.total_before),
                per_year_before=round(float(r.chpl_before) / span_before, 2),
                per_year_after=round(float(r.chpl_after) / span_after, 2),
            ),
        )
        for c, r in hit.iterrows()
    ]
    return pd.DataFrame(rows, columns=FLAG_COLUMNS)


def price_anomaly(ctx: FlagContext) -> pd.DataFrame:
    """Unit value at least ``high`` times, or at most ``low`` times, the median unit value of the
    same HS-6 code and destination (groups of at least ``min_group`` shipments). Flags the consignee."""
    p = ctx.params("PRICE_ANOMALY")
    s = ctx.chpl
    s = s[(s["quantity"] > 0) & s["value_usd"].notna() & s["consignee"].notna()]
    if s.empty:
        return empty()
    unit = s["value_usd"] / s["quantity"]
    key = [s["hs6"], s["destination_country"].fillna("")]
    med = unit.groupby(key).transform("median")
    size = unit.groupby(key).transform("size")
    ratio = unit / med
    odd = (size >= int(p.get("min_group", 20))) & (
        (ratio >= float(p.get("high", 5.0))) | (ratio <= float(p.get("low", 0.2)))
    )
    hit = s[odd].assign(unit_value=unit[odd].round(2), median_unit_value=med[odd].round(2))
    return per_cluster(
        "PRICE_ANOMALY",
        hit,
        "consignee",
        lambda g: evidence(
            [
                {**x, "unit_value": u, "median": m}
                for x, u, m in zip(shipment_items(g), g["unit_value"], g["median_unit_value"], strict=False)
            ],
            shipments=len(g),
        ),
    )
