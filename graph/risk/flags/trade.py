"""Flags on who trades what: new companies, post-control buyers, forwarders, off-line-of-business goods."""

from __future__ import annotations

import pandas as pd

from graph.risk.flags.base import FlagContext, empty, evidence, per_cluster, shipment_items
from graph.risk.frames import member


def _traded_chpl(ctx: FlagContext) -> pd.DataFrame:
    """CHPL shipments per cluster in either role (columns of shipments plus ``cluster``, ``role``)."""
    s = ctx.chpl
    return pd.concat(
        [s.assign(cluster=s["shipper"], role="shipper"), s.assign(cluster=s["consignee"], role="consignee")],
        ignore_index=True,
    ).dropna(subset=["cluster"])


def new_company_chpl(ctx: FlagContext) -> pd.DataFrame:
    """Incorporated after ``incorporated_after`` (2022-02-24) and trading CHPL goods since. A party
    whose registry records disagree counts when any of them is that recent (the newest one is the
    evidence): the risk is in the recent record, whether or not it was merged with an older one.
    Only CHPL shipments on or after that incorporation count: trade dated before it is not the new
    company's (it belongs to an older record the party was merged with)."""
    after = str(ctx.params("NEW_COMPANY_CHPL").get("incorporated_after", "2022-02-24"))
    inc = ctx.companies.dropna(subset=["incorporation_date"]).groupby("cluster")["incorporation_date"].max()
    new = inc[inc > after]
    traded = _traded_chpl(ctx)
    hit = traded[member(traded["cluster"], set(new.index))]
    hit = hit[hit["date"].fillna("").to_numpy() >= hit["cluster"].map(new).astype(str).to_numpy()]
    hit = hit.sort_values(["cluster", "date"])
    return per_cluster(
        "NEW_COMPANY_CHPL",
        hit,
        "cluster",
        lambda g: evidence(shipment_items(g), incorporated=new[g["cluster"].iloc[0]], shipments=len(g)),
    )


def _advanced_computing_scope(ctx: FlagContext, groups: list[str]) -> frozenset[str]:
    """Countries where a first purchase of advanced chips after the controls is a diversion
    signal: those the advanced-computing licence requirements name (``groups``, D:1/D:4/D:5, and
    Macau, 15 CFR 742.6(a)(6) and 744.23) and the FinCEN/BIS transshipment hubs."""
    scope = set(ctx.ref.advanced_computing_d5) | set(ctx.ref.hubs)
    for g in groups:
        scope |= ctx.ref.country_groups.get(g, frozenset())
    return frozenset(scope)


def post_control_buyer(ctx: FlagContext) -> pd.DataFrame:
    """First purchase of 854231/847150/847180 after the October 2022 advanced-computing controls,
    delivered where the controls bite (:func:`_advanced_computing_scope`; a first purchase in
    Germany or Japan needs no licence and is ordinary trade), by a party that existed before the
    controls (a company incorporated after them cannot have bought earlier: that fact is
    NEW_COMPANY_CHPL's, and is not counted twice)."""
    p = ctx.params("POST_CONTROL_BUYER")
    controls = str(p.get("controls_date", "2022-10-07"))
    s = ctx.shipments
    adv = s[s["hs6"].isin(set(p.get("hs6", ["854231", "847150", "847180"]))) & s["consignee"].notna()]
    first = adv.sort_values(["consignee", "date"]).drop_duplicates("consignee")
    hit = first[first["date"].fillna("") > controls]
    scope = _advanced_computing_scope(ctx, [str(g) for g in p.get("licence_groups", ["D:1", "D:4", "D:5"])])
    where = hit["destination_country"].fillna(hit["consignee"].map(ctx.country))
    hit = hit[where.isin(scope).to_numpy()]
    inc = ctx.companies.dropna(subset=["incorporation_date"]).groupby("cluster")["incorporation_date"].max()
    hit = hit[~member(hit["consignee"], set(inc[inc > controls].index))]
    return per_cluster(
        "POST_CONTROL_BUYER",
        hit,
        "consignee",
        lambda g: evidence(shipment_items(g), first_purchase=g["date"].iloc[0]),
    )


def _node_keywords(ctx: FlagContext, keywords: list[str], columns: tuple[str, ...]) -> pd.Series:
    """Entity node id → first keyword found in its own ``columns`` (lower-cased substring)."""
    e = ctx.frames.entities
    text = pd.Series("", index=e.index)
    for col in columns:
        text = text + " " + e[col].fillna("").astype(str).str.lower()
    found = pd.Series(None, index=e.index, dtype=object)
    for kw in keywords:
        found = found.mask(found.isna() & text.str.contains(kw, regex=False), kw)
    return pd.Series(found.to_numpy(), index=e["id"].to_numpy()).dropna()


def _keyword_hits(ctx: FlagContext, keywords: list[str], columns: tuple[str, ...]) -> pd.Series:
    """Cluster → first keyword found in any member's ``columns``."""
    found = _node_keywords(ctx, keywords, columns)
    hit = pd.DataFrame(
        {"cluster": ctx.frames.cluster_of(pd.Series(found.index)).to_numpy(), "kw": found.to_numpy()}
    )
    return hit.dropna().drop_duplicates("cluster").set_index("cluster")["kw"]


def _forwarder_parties(ctx: FlagContext) -> pd.Series:
    """Party node id → forwarder keyword: by its own name / business type, or that of the
    registry record(s) resolution linked it to most confidently — not every member of its
    cluster (see :func:`forwarder_consignee`)."""
    cached: pd.Series | None = ctx.cache.get("forwarders")
    if cached is not None:
        return cached
    kws = [str(k) for k in ctx.params("FORWARDER_CONSIGNEE").get("keywords", [])]
    own = _node_keywords(ctx, kws, ("business_type", "name"))
    links = ctx.frames.same_as.assign(score=pd.to_numeric(ctx.frames.same_as["score"], errors="coerce"))
    pairs = pd.concat(
        [
            links[["source", "target", "score"]],
            links[["target", "source", "score"]].set_axis(["source", "target", "score"], axis=1),
        ]
    ).fillna({"score": 1.0})
    # only each party's most confident link(s): a weaker second link is the kind resolution gets wrong
    pairs = pairs[pairs["score"] >= pairs.groupby("source")["score"].transform("max")]
    linked = pairs[member(pairs["target"], set(own.index))]
    fwd = pd.concat([own, pd.Series(linked["target"].map(own).to_numpy(), index=linked["source"].to_numpy())])
    fwd = fwd[~fwd.index.duplicated()]
    ctx.cache["forwarders"] = fwd
    return fwd


def forwarder_consignee(ctx: FlagContext) -> pd.DataFrame:
    """A freight forwarder / logistics / courier company (by business type or name) receives CHPL goods.

    Judged on the consignee as written on the bill of lading: its own name, or the registry
    record(s) resolution linked it to most confidently — not on every member of its cluster, so
    one wrong link ("BLUESTAR MANUFACTURING GMBH" to "Bluestar Shipping Sdn. Bhd." at 0.94 next to
    its own record at 1.0) does not turn a manufacturer's purchases into a forwarder's."""
    fwd = _forwarder_parties(ctx)
    s = ctx.chpl
    hit = s[member(s["consignee_party_id"], set(fwd.index))]
    kw_of = pd.Series(hit["consignee_party_id"].map(fwd).to_numpy(), index=hit["consignee"].to_numpy())
    kw_of = kw_of[~kw_of.index.duplicated()]
    return per_cluster(
        "FORWARDER_CONSIGNEE",
        hit,
        "consignee",
        lambda g: evidence(shipment_items(g), keyword=kw_of[g["consignee"].iloc[0]], shipments=len(g)),
    )


def line_of_business(ctx: FlagContext) -> pd.DataFrame:
    """The declared business type is unrelated to electronics, yet the party trades CHPL goods."""
    kws = [str(k) for k in ctx.params("LINE_OF_BUSINESS").get("non_electronics_keywords", [])]
    off = _keyword_hits(ctx, kws, ("business_type",))
    if off.empty:
        return empty()
    traded = _traded_chpl(ctx)
    hit = traded[member(traded["cluster"], set(off.index))]
    return per_cluster(
        "LINE_OF_BUSINESS",
        hit,
        "cluster",
        lambda g: evidence(shipment_items(g), business_keyword=off[g["cluster"].iloc[0]], shipments=len(g)),
    )


def forwarder_delivered(ctx: FlagContext) -> pd.DataFrame:
    """A freight forwarder / logistics company (as :func:`forwarder_consignee` judges it) shipped
    CHPL goods to this party in a restricted destination: the party behind the forwarder, which
    the forwarder-as-consignee red flag asks about ("no end-user behind it" — here is one)."""
    fwd = _forwarder_parties(ctx)
    s = ctx.chpl
    hit = s[s["restricted"] & member(s["shipper_party_id"], set(fwd.index)) & s["consignee"].notna()]
    hit = hit[hit["consignee"] != hit["shipper"]]
    kw_of = pd.Series(hit["shipper_party_id"].map(fwd).to_numpy(), index=hit["consignee"].to_numpy())
    kw_of = kw_of[~kw_of.index.duplicated()]
    return per_cluster(
        "FORWARDER_DELIVERED",
        hit,
        "consignee",
        lambda g: evidence(
            shipment_items(g),
            forwarder=g["shipper"].iloc[0],
            keyword=kw_of[g["consignee"].iloc[0]],
            shipments=len(g),
        ),
    )
