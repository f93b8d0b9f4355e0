"""Lists page helpers: counterparties exposed by the entries a list update added or changed."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from chipwatch.ui.store import graph_stamp, list_tables, settings, store, tables_stamp
from graph.lists.diff import VersionDiff, version_diff
from graph.model import NodeKind
from graph.risk.paths import cluster_members
from graph.store import GraphStore
from graph.tables.lists import ListTables

EXPOSED_KINDS = {NodeKind.COMPANY, NodeKind.TRADE_PARTY}


def newly_exposed(store: GraphStore, diff: pd.DataFrame) -> pd.DataFrame:
    """Companies and trade parties linked (SAME_AS cluster) to entries added or changed by ``diff``."""
    rows = []
    touched = diff[diff["change"].isin(["added", "changed"])]
    for entry_id, entry_name, change in zip(
        touched["node_id"], touched["name"], touched["change"], strict=True
    ):
        if store.node(str(entry_id)) is None:
            continue
        for member in cluster_members(store, str(entry_id)):
            node = store.node(member)
            if node is None or node.kind not in EXPOSED_KINDS:
                continue
            rows.append(
                {
                    "counterparty": node.name,
                    "id": member,
                    "kind": node.kind.value,
                    "entry": entry_name,
                    "entry_id": entry_id,
                    "change": change,
                }
            )
    return pd.DataFrame(rows, columns=["counterparty", "id", "kind", "entry", "entry_id", "change"])


@dataclass(frozen=True)
class FeedUpdate:
    """A feed's diff between two versions and the counterparties it newly exposes."""

    diff: VersionDiff
    exposed: pd.DataFrame


@st.cache_resource(show_spinner=False, max_entries=32)
def _feed_update(
    _tables: ListTables,
    _g: GraphStore,
    states: tuple[str, str],
    feed: str,
    old_id: str | None,
    new_id: str | None,
) -> FeedUpdate:
    diff = version_diff(_tables, feed, old_id, new_id)
    return FeedUpdate(diff, newly_exposed(_g, diff.rows))


def feed_update(feed: str, old_id: str | None, new_id: str | None) -> FeedUpdate:
    """The Lists page's diff and exposure, computed once per state of the tables and the graph.

    (A first version's diff is every entry, compared row by row; a pick of the selectboxes
    should not redo it.)
    """
    s = settings()
    states = (tables_stamp(s), graph_stamp(s))
    return _feed_update(list_tables(), store(), states, feed, old_id, new_id)
