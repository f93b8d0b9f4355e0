"""Explore: fuzzy search → entity page (list hits, aliases, SAME_AS, ownership, flags, risk, trade)."""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from chipwatch.ui import keys
from chipwatch.ui.entity import (
    aliases,
    evidence_table,
    kind_note,
    list_details,
    ownership_note,
    regime_status,
    same_as_links,
    trade_partners,
)
from chipwatch.ui.graphdraw import (
    agraph_config,
    agraph_elements,
    expanded_subgraph,
    interactive_graph,
    neighbourhood,
    subgraph_dot,
)
from chipwatch.ui.search import entity_options
from chipwatch.ui.store import (
    by_name_links,
    display_name,
    guarded,
    name_index,
    store,
    warn_if_graph_behind,
    warn_if_risk_stale,
)
from chipwatch.ui.tables import blank_missing, cell_text
from graph.risk.entity import entity_report, found_lines, removed_text, risk_score_shown

st.header("Explore")
query = st.text_input("Search a company, trade party or list entry (name or id)", key=keys.SEARCH)
if not query.strip():
    st.caption("Type part of a name, e.g. a supplier or a listed party.")
    st.stop()

with guarded():
    g = store()
    options, similar = entity_options(g, query.strip(), name_index)
    if similar:
        st.info(
            f"No name contains {query.strip()!r}. The closest names by spelling "
            "(similarity 0–100): check the one you pick is the party you mean."
        )
    labels = {
        o: f"{display_name(g, o)}  ({o})" + (f"  · similarity {similar[o]:.0f}" if o in similar else "")
        for o in options
    }
    picked = st.selectbox(
        f"{len(options)} match(es)", options, format_func=lambda o: labels[o], key=keys.ENTITY_PICK
    )
    report = entity_report(g, picked, by_name_links())
warn_if_graph_behind()  # the report is the graph's

st.subheader(f"{report.name}")
st.caption(f"{report.kind} · {report.node_id} · country {report.country or '-'}")

risk = report.risk
if not risk.get("computed"):
    st.info("Risk not computed yet: run `chipwatch risk`.")
else:
    warn_if_risk_stale()
    st.metric("Risk score", f"{risk_score_shown(risk)} · {cell_text(risk.get('risk_level'))}")
    st.caption(
        f"As of {risk.get('as_of')}. Score = 100 × (1 − ∏(1 − weight)) over the lists and red flags "
        "of the risk breakdown below; the level follows the thresholds in risk_weights.toml."
    )

st.markdown("**List hits**")
if report.list_hits:
    for hit in report.list_hits:
        details = list_details(g, hit["entry"])
        st.markdown(f"- **{cell_text(hit['list'])}** — {cell_text(hit['name'])} (`{hit['entry']}`)")
        # how the risk run found it (SAME_AS links or a by-name owner link), so a block is defensible
        st.caption("  \n".join(found_lines(hit)))
        note = kind_note(g, hit["entry"])
        if note:  # the list publishes no type: say the kind is ours, and why
            st.text(note)
        shown = {k: v for k, v in hit.items() if v not in (None, "", []) and k != "found"}
        st.json({**shown, **details}, expanded=False)
else:
    st.write("None in its cluster.")
for ctx in report.context_entries:  # in the cluster, but the publisher says: not itself listed
    st.markdown(f"- context: {ctx['name']} (`{ctx['entry']}`) — {ctx['note']}")
for gone in report.removed_entries:  # once listed: an officer must not read it as never listed
    st.markdown(f"- removed: {removed_text(gone)}")

alias_list = aliases(g, report.node_id)
if alias_list:
    st.markdown("**Aliases:** " + "; ".join(alias_list))

st.markdown("**SAME_AS links (scores and reasons)**")
st.dataframe(blank_missing(same_as_links(g, report.node_id)), hide_index=True, width="stretch")
st.caption("Cluster: " + "; ".join(f"{c['name']} [{c['kind']}]" for c in report.cluster[:20]))

st.markdown("**Ownership**")
c1, c2 = st.columns(2)
for col, title, rows in ((c1, "Owners", report.owners), (c2, "Owned", report.owned)):
    col.write(title)
    if rows:
        col.dataframe(
            blank_missing(pd.DataFrame(rows)),
            width="stretch",
            hide_index=True,
            column_order=("name", "pct", "ended", "start_date", "end_date", "status", "as_of", "id"),
        )
        if any(r.get("ended") for r in rows):
            col.caption(
                "A row with 'ended' set no longer holds: history, not counted by the ownership rules."
            )
    else:
        col.caption("none recorded")
if risk.get("computed"):
    st.write("Ownership status per regime")
    regimes = regime_status(g, risk)
    if regimes.empty:
        st.caption("Not listed and not owned by listed parties under any regime.")
    else:
        st.dataframe(blank_missing(regimes), hide_index=True, width="stretch")
    note = ownership_note(g, risk)
    if note:
        st.caption(note)

if risk.get("computed"):
    st.markdown("**Red flags**")
    if risk["flags"]:
        for f in risk["flags"]:
            description = f": {f['description']}" if f.get("description") else ""
            source = f" ({f['legal_source']})" if f.get("legal_source") else ""
            st.markdown(f"- **{cell_text(f.get('flag'))}**{description}{source}")
            items, params = evidence_table(g, f.get("evidence") or {})
            if params:
                st.caption(params)
            if items.empty:
                st.json(f.get("evidence") or {}, expanded=False)
            else:
                st.dataframe(blank_missing(items), hide_index=True, width="stretch")
    else:
        st.write("No flags.")
    st.markdown("**Risk breakdown**")
    if risk["breakdown"]:
        st.dataframe(blank_missing(pd.DataFrame(risk["breakdown"])), width="stretch")
    else:
        st.write("Nothing contributes: no list and no red flag.")

st.markdown("**Trade partners**")
members = [report.node_id, *(str(c["id"]) for c in report.cluster)]
st.dataframe(blank_missing(trade_partners(g, members)), hide_index=True, width="stretch")

st.markdown("**Neighbourhood**")
view = st.radio(
    "View", ["Interactive (click a node to expand)", "Static"], horizontal=True, key=keys.GRAPH_VIEW
)
hops = st.radio("Hops", [1, 2], horizontal=True, key=keys.GRAPH_HOPS)
expanded: dict[str, list[str]] = st.session_state.setdefault(keys.GRAPH_EXPANDED, {})
opened = expanded.setdefault(report.node_id, [])
started = time.perf_counter()
if view == "Static":
    sub = neighbourhood(g, report.node_id, hops=int(hops))
    st.graphviz_chart(subgraph_dot(sub, report.node_id))
else:
    sub = expanded_subgraph(g, report.node_id, opened, hops=int(hops))
    a_nodes, a_edges = agraph_elements(sub, report.node_id)
    generation = st.session_state.get(keys.GRAPH_GENERATION, 0)
    clicked = interactive_graph(
        a_nodes, a_edges, agraph_config(), key=f"{keys.GRAPH}:{report.node_id}:{hops}:{generation}"
    )
    if clicked and clicked != report.node_id and clicked not in opened:
        opened.append(clicked)
        st.rerun()
    if opened and st.button("Collapse the graph", key=keys.GRAPH_COLLAPSE):
        opened.clear()
        st.session_state[keys.GRAPH_GENERATION] = generation + 1  # a new graph: forget its last click
        st.rerun()
st.caption(f"{len(sub.nodes)} nodes, {len(sub.edges)} edges in {time.perf_counter() - started:.2f} s")
