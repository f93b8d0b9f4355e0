"""Flags on how goods move: through a hub to a restricted destination; in and straight out again.

Both pair each outbound shipment with the latest matching inbound one before it
(``pandas.merge_asof``), so a party with 100,000 shipments costs a sort, not a cross product.
"""

from __future__ import annotations

import pandas as pd

from graph.risk.flags.base import FLAG_COLUMNS, FlagContext, empty, evidence


def _pairs(ctx: FlagContext, by: list[str], max_days: int, hubs_only: bool) -> pd.DataFrame:
    s = ctx.chpl.dropna(subset=["day"])
    inbound = s[s["consignee"].notna()][["consignee", "hs6", "day", "id", "quantity", "origin_country"]]
    inbound = inbound.rename(
        columns={"consignee": "cluster", "id": "in_id", "quantity": "in_qty", "day": "in_day"}
    )
    outbound = s[s["restricted"] & s["shipper"].notna()][
        ["shipper", "consignee", "hs6", "day", "id", "quantity", "destination_country"]
    ]
    outbound = outbound.rename(columns={"shipper": "cluster", "id": "out_id", "quantity": "out_qty"})
    if "hs6" not in by:
        inbound = inbound.rename(columns={"hs6": "in_hs6"})
    if hubs_only:
        hub_of = ctx.country
        hubs = set(ctx.ref.hubs)
        inbound = inbound[inbound["cluster"].map(hub_of).isin(hubs)]
        outbound = outbound[outbound["cluster"].map(hub_of).isin(hubs)]
    if inbound.empty or outbound.empty:
        return pd.DataFrame()
    inbound = inbound.assign(in_at=inbound["in_day"]).sort_values("in_day")
    outbound = outbound.sort_values("day")
    pairs = pd.merge_asof(
        outbound,
        inbound,
        left_on="day",
        right_on="in_day",
        by=by,
        direction="backward",
        tolerance=pd.Timedelta(days=max_days),
    ).dropna(subset=["in_id"])
    pairs["days"] = (pairs["day"] - pairs["in_at"]).dt.days
    return pairs


def _rows(flag: str, pairs: pd.DataFrame, **extra: object) -> pd.DataFrame:
    if pairs.empty:
        return empty()
    # groupby("cluster", sort=True) order from one stable sort and column lists: a groupby
    # copies every group and reads each column of it through pandas
    p = pairs[pairs["cluster"].notna()].sort_values("cluster", kind="stable")
    names = ["in_id", "out_id", "hs6", "days", "destination_country", "in_qty", "out_qty"]
    cols = [p[c].tolist() for c in names]
    hubs = p["hub"].tolist() if "hub" in p.columns else None
    keys = p["cluster"].tolist()
    starts = [i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]]
    rows = []
    for a, b in zip(starts, [*starts[1:], len(keys)], strict=True):
        items = [
            {"in": i, "out": o, "hs6": h, "days": int(d), "to": t, "qty_in": qi, "qty_out": qo}
            for i, o, h, d, t, qi, qo in zip(*(c[a:b] for c in cols), strict=True)
        ]
        if hubs is not None:  # the route's consignee: name the hub the goods came through
            items = [{**item, "via_hub": h} for item, h in zip(items, hubs[a:b], strict=True)]
        rows.append((keys[a], flag, evidence(items, **extra)))
    return pd.DataFrame(rows, columns=FLAG_COLUMNS)


def _routed(ctx: FlagContext) -> tuple[pd.DataFrame, int]:
    """In-then-out pairs (same HS-6) of hub parties whose outbound goes to a destination the hub
    serves. The CHPL is the list of goods Russia's military needs: any CHPL code counts on the way
    to ``any_chpl_to`` (RU, BY). The hubs the table names for China (HK, MO, SG; MY, TH) come from
    the advanced-chip diversion cases, so on the way to other destinations only the
    advanced-computing codes (``advanced_hs6``) count: a Singapore distributor selling memories
    to Chinese OEMs is ordinary trade, selling them processors bought weeks before is the case.
    The quantity out must not exceed ``max_qty_ratio`` times the quantity in."""
    p = ctx.params("TRANSSHIPMENT_ROUTE")
    max_days = int(p.get("max_days", 180))
    any_chpl_to = {str(c) for c in p.get("any_chpl_to", ["RU", "BY"])}
    advanced = {str(h) for h in p.get("advanced_hs6", ["854231", "847150", "847180"])}
    pairs = _pairs(ctx, ["cluster", "hs6"], max_days, hubs_only=True)
    if pairs.empty:
        return pairs, max_days
    # the goods out must be coverable by the goods in: 164 units in, 3,192 out is other stock
    pairs = pairs[(pairs["out_qty"] <= float(p.get("max_qty_ratio", 1.2)) * pairs["in_qty"]).to_numpy()]
    hub = pairs["cluster"].map(ctx.country)
    serves = [
        t in any_chpl_to or (t in ctx.ref.hubs.get(h, frozenset()) and hs in advanced)
        for h, t, hs in zip(hub, pairs["destination_country"], pairs["hs6"], strict=True)
    ]
    return pairs[serves], max_days


def transshipment_route(ctx: FlagContext) -> pd.DataFrame:
    """A party in a transshipment hub (FinCEN/BIS) receives CHPL goods and, within ``max_days``,
    ships the same goods (HS-6 code) on to a restricted destination whose hub it is (D:5, E:1,
    E:2, Macau). Other goods out are not the goods that came in: a regional distributor that buys
    memories and sells processors to China is not a route for either."""
    routed, max_days = _routed(ctx)
    return _rows("TRANSSHIPMENT_ROUTE", routed, max_days=max_days)


def transshipment_consignee(ctx: FlagContext) -> pd.DataFrame:
    """The consignee at the end of a transshipment route: it received, in a restricted
    destination, CHPL goods that a hub party had itself received within ``max_days`` before.
    Weighed less than the hub's flag: ordinary buyers in China also buy from regional hubs."""
    routed, max_days = _routed(ctx)
    return _rows("TRANSSHIPMENT_CONSIGNEE", _consignees(routed), max_days=max_days)


def _consignees(pairs: pd.DataFrame) -> pd.DataFrame:
    """The in-and-out pairs re-keyed on the outbound's consignee, the shipper named as ``hub``."""
    if pairs.empty:
        return pairs
    ends = pairs.dropna(subset=["consignee"])
    ends = ends[ends["consignee"] != ends["cluster"]]
    return ends.assign(hub=ends["cluster"], cluster=ends["consignee"])


def _pass_through_pairs(ctx: FlagContext) -> tuple[pd.DataFrame, int]:
    p = ctx.params("PASS_THROUGH_REEXPORT")
    max_days = int(p.get("max_days", 90))
    pairs = _pairs(ctx, ["cluster", "hs6"], max_days, hubs_only=False)
    if pairs.empty:
        return pairs, max_days
    ratio = pairs["out_qty"] / pairs["in_qty"]
    ok = pairs[ratio.between(float(p.get("min_qty_ratio", 0.5)), float(p.get("max_qty_ratio", 1.5)))]
    # a pattern, not a coincidence: a distributor that buys X and sells X to China once in a while
    # is ordinary; the same in-and-out again and again is the pass-through
    ok = ok[ok.groupby("cluster")["out_id"].transform("size") >= int(p.get("min_pairs", 1))]
    return ok, max_days


def pass_through_reexport(ctx: FlagContext) -> pd.DataFrame:
    """Imports HS code X and exports X to a restricted destination within ``max_days``, similar quantity."""
    ok, max_days = _pass_through_pairs(ctx)
    return _rows("PASS_THROUGH_REEXPORT", ok, max_days=max_days)


def pass_through_consignee(ctx: FlagContext) -> pd.DataFrame:
    """The consignee, in a restricted destination, of a pass-through re-export (the parameters are
    PASS_THROUGH_REEXPORT's): the party the goods were passed through to. Weighed like the
    transshipment consignee: the evidence is the shipper's pattern, not the buyer's own."""
    ok, max_days = _pass_through_pairs(ctx)
    return _rows("PASS_THROUGH_CONSIGNEE", _consignees(ok), max_days=max_days)
