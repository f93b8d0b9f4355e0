"""Overview: list versions (dates, staleness, counts, hashes), graph counts, top risks."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from chipwatch.ui.lists import overview_versions
from chipwatch.ui.store import (
    cached_risk_frame,
    graph_counts,
    guarded,
    list_versions,
    warn_if_graph_behind,
    warn_if_risk_stale,
)
from chipwatch.ui.tables import RISK_VIEW_COLUMNS, blank_missing, risk_column_config

STALE_DAYS = 30

st.header("Overview")
with guarded():
    versions = list_versions()
    counts = graph_counts()
    risks = cached_risk_frame()
warn_if_graph_behind()  # the counts and top risks are the graph's

st.subheader("List versions")
if versions.empty:
    st.info("No lists loaded yet: run `chipwatch ingest lists`.")
else:
    st.dataframe(overview_versions(versions), hide_index=True, width="stretch")
    latest = versions.sort_values("seq").groupby("feed").tail(1)
    now = dt.datetime.now(dt.UTC)
    undated = []
    for _, row in latest.iterrows():
        stamp = pd.to_datetime(row["published"], utc=True, errors="coerce")
        if pd.isna(stamp):
            undated.append(f"{row['feed']} (ingested {row['ingested_at']})")
        elif (now - stamp.to_pydatetime()).days > STALE_DAYS:
            st.warning(
                f"{row['feed']}: latest version published {stamp.date()}, "
                f"{(now - stamp.to_pydatetime()).days} days ago — update the lists."
            )
    if undated:  # one message for them all: one per feed pushed the graph and top risks off screen
        st.warning(
            "These files carry no publication date — check that the lists are current: " + "; ".join(undated)
        )

st.subheader("Graph")
cols = st.columns(4)
cols[0].metric("Companies", counts.get("Company", 0))
cols[1].metric("Trade parties", counts.get("TradeParty", 0))
cols[2].metric("Shipments", counts.get("Shipment", 0))
cols[3].metric("List entries", counts.get("ListEntry", 0))
cols = st.columns(4)
cols[0].metric("SAME_AS links", counts.get("SAME_AS", 0))
cols[1].metric("Ownership links", counts.get("OWNS", 0))
cols[2].metric("Trade links", counts.get("TRADES_WITH", 0))
cols[3].metric("Officer links", counts.get("OFFICER_OF", 0))

st.subheader("Top risks")
if risks.empty:
    st.info("Risk not computed yet: run `chipwatch risk`.")
else:
    warn_if_risk_stale()
    st.dataframe(
        blank_missing(risks.head(20)),
        hide_index=True,
        width="stretch",
        column_order=RISK_VIEW_COLUMNS,
        column_config=risk_column_config(),
    )
