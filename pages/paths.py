"""Diversion paths: from a supplier or a country (HS filter, target type) → ranked paths."""

from __future__ import annotations

from typing import get_args

import pandas as pd
import streamlit as st

from chipwatch.ui import keys
from chipwatch.ui.graphdraw import path_dot
from chipwatch.ui.search import entity_options
from chipwatch.ui.store import (
    display_name,
    guarded,
    name_index,
    path_index,
    store,
    warn_if_graph_behind,
    warn_if_risk_stale,
)
from chipwatch.ui.tables import blank_missing, cell_text
from graph.risk.paths import Target, diversion_paths, owns_step_text

#: What the officer reads off each path: the module doc of graph/risk/paths.py, in short.
TARGET_HELP = (
    "listed: a listed party, a party resolved to one, or one blocked by ownership. "
    "restricted: located in D:5, E:1, E:2 or Macau, or with its ultimate parent in D:5 or Macau. "
    "flagged: a party the risk run put at review or block. any: all three."
)
COMPONENTS_HELP = (
    "Path risk = 100 × hop_decay^(steps − 1) × the weighted sum of: goods (CHPL tier of the HS codes "
    "moved), hub (an intermediary in a transshipment hub country: 1 or 0), flags (the highest risk "
    "score after the start / 100), recency (how recent the latest shipment is), value (the smallest "
    "hop's value, log scale). Each is 0–1; weights are in risk_weights.toml [paths]."
)

st.header("Diversion paths")
mode = st.radio("Start from", ["Supplier", "Country"], horizontal=True, key=keys.PATH_MODE)
if mode == "Supplier":
    source = st.text_input("Supplier (name or id)", key=keys.PATH_SOURCE)
    country = ""
else:
    country = st.text_input("Country (ISO code, e.g. TW)", key=keys.PATH_COUNTRY)
    source = ""
hs = st.text_input("HS code prefix (optional, e.g. 8542)", key=keys.PATH_HS)
targets = list(get_args(Target))
to = st.selectbox(
    "Ending at",
    targets,
    index=targets.index("restricted"),
    key=keys.PATH_TO,
    help=TARGET_HELP,
)
if not st.button("Find paths", key=keys.PATH_RUN) and not (source or country):
    st.stop()
if not (source.strip() or country.strip()):
    st.info("Give a supplier or a country.")
    st.stop()

with guarded():
    g = store()
    options, similar = entity_options(g, source.strip(), name_index) if source.strip() else ([], {})
    node_id = options[0] if options else None
    found = diversion_paths(
        path_index(),
        source=node_id,
        country=country.strip().upper() or None,
        hs=hs.strip() or None,
        to=to,
    )
warn_if_graph_behind()  # the paths, or none found, are the graph's

if node_id is not None:  # say which party the paths start from: the field takes a name, not a pick
    start = f"From {display_name(g, node_id)} ({node_id})"
    if similar:
        start += f", the closest name to {source.strip()!r} (similarity {similar[node_id]:.0f})"
    if len(options) > 1:
        start += f"; {len(options) - 1} other match(es): pick one on Explore and give its id here"
    st.caption(start + ".")
if not found:
    st.info("No path found to a target of that kind.")
    st.stop()
warn_if_risk_stale(has_results=any(h.get("risk_score") is not None for p in found for h in p.hops))
if found[0].truncated:
    st.warning("The search was cut at its path limit; results are the riskiest of those found.")
dicts = [p.as_dict() for p in found]
st.caption(COMPONENTS_HELP)
st.graphviz_chart(path_dot(dicts[:5]))
for rank, p in enumerate(dicts, 1):
    names = " → ".join(cell_text(h.get("name")) for h in p["hops"])
    with st.expander(f"#{rank} · risk {p['score']:.1f} · {names}", expanded=rank == 1):
        st.caption("Components: " + ", ".join(f"{k} {v:.2f}" for k, v in p["components"].items()))
        for hop in p["hops"][1:]:
            via = hop.get("via", {})
            edge = owns_step_text(via) if via.get("edge") == "OWNS" else via.get("edge")
            st.markdown(
                f"- **{cell_text(edge)}** → {cell_text(hop.get('name'))} "
                f"({cell_text(hop.get('kind'))}, {cell_text(hop.get('country'))})"
                + (" · target: " + "; ".join(map(str, hop["target"])) if hop.get("target") else "")
                + (
                    f" · HS {via['hs6']} · {cell_text(via.get('shipments'))} shipments"
                    if via.get("hs6")
                    else ""
                )
            )
            if via.get("evidence"):
                st.dataframe(blank_missing(pd.DataFrame(via["evidence"])), hide_index=True, width="stretch")
