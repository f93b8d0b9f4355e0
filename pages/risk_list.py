"""Risk list: filters (score, level, country, flag) → table → CSV/XLSX export.

The downloads are the same export as ``chipwatch export risk-list`` (Excel-safe, with list hits,
flags, evidence and provenance), built only when clicked and recorded in the audit log. The table
shows the ``RISK_LIST_SHOWN_ROWS`` highest-scored matches; the downloads hold every match."""

from __future__ import annotations

import streamlit as st

from chipwatch.ui import keys
from chipwatch.ui.store import (
    cached_risk_flags,
    cached_risk_frame,
    guarded,
    settings,
    store,
    warn_if_graph_behind,
    warn_if_risk_stale,
)
from chipwatch.ui.tables import (
    RISK_LIST_SHOWN_ROWS,
    RISK_VIEW_COLUMNS,
    blank_missing,
    country_options,
    risk_column_config,
)
from graph.export.risk_table import RiskFilter, filter_table
from graph.export.run import risk_list_bytes

st.header("Risk list")
with guarded():
    frame = cached_risk_frame()
warn_if_graph_behind()  # the risk table and its downloads are read from the graph
if frame.empty:
    st.info("Risk not computed yet: run `chipwatch risk`.")
    st.stop()
warn_if_risk_stale()

c1, c2, c3, c4 = st.columns(4)
min_score = c1.slider("Minimum score", 0.0, 100.0, 1.0, step=1.0, key=keys.RISK_MIN)
levels = c2.multiselect("Level", sorted(frame["risk_level"].dropna().unique()), key=keys.RISK_LEVEL)
countries = c3.multiselect("Country", country_options(frame), key=keys.RISK_COUNTRY)
flag = c4.selectbox("Flag", ["(any)", *cached_risk_flags()], key=keys.RISK_FLAG)

flt = RiskFilter(
    min_score=min_score,
    levels=tuple(levels),
    countries=tuple(countries),
    flags=() if flag == "(any)" else (flag,),
)
shown = filter_table(frame, flt)
if len(shown) > RISK_LIST_SHOWN_ROWS:
    st.caption(
        f"{len(shown)} of {len(frame)} scored entities match; the {RISK_LIST_SHOWN_ROWS:,} highest "
        "scores are shown, the exports hold all of them"
    )
else:
    st.caption(f"{len(shown)} of {len(frame)} scored entities")
st.dataframe(
    blank_missing(shown.head(RISK_LIST_SHOWN_ROWS)),
    hide_index=True,
    width="stretch",
    column_order=RISK_VIEW_COLUMNS,
    column_config=risk_column_config(),
)
d1, d2 = st.columns(2)
d1.download_button(
    "Export CSV",
    lambda: risk_list_bytes(settings(), flt, "csv", store=store(), table=frame),  # built only when clicked
    file_name="risk_list.csv",
    mime="text/csv",
    key=keys.RISK_DL_CSV,
    on_click="ignore",  # no rerun: one download right after another was lost
)
d2.download_button(
    "Export XLSX",
    lambda: risk_list_bytes(settings(), flt, "xlsx", store=store(), table=frame),
    file_name="risk_list.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key=keys.RISK_DL_XLSX,
    on_click="ignore",  # no rerun: one download right after another was lost
)
