"""Lists page helpers: the versions table, and the counterparties exposed by the entries a list
update added or changed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePath

import pandas as pd
import streamlit as st

from chipwatch.ui.store import graph_stamp, list_tables, settings, store, tables_stamp
from chipwatch.ui.tables import blank_missing
from graph.lists.diff import VersionDiff, version_diff
from graph.model import NodeKind
from graph.risk.entity import found
from graph.risk.joins import ByNameLinks, cluster_joins
from graph.store import GraphStore
from graph.tables.lists import ListTables

EXPOSED_KINDS = {NodeKind.COMPANY, NodeKind.TRADE_PARTY}
#: The versions table's columns. ``note`` says why a version exists when it is not a new file
#: ("re-read: reader version 1 → 2"), as ``chipwatch lists`` prints it.
VERSION_COLUMNS = [
    "seq",
    "version_id",
    "published",
    "ingested_at",
    "rows_accepted",
    "rows_rejected",
    "note",
    "sha256",
]


#: The Overview's versions table: the lists a file holds and its file name where the absolute path
#: of the machine that ingested it was shown (an officer asks which list and version, not where
#: the file sat).
OVERVIEW_VERSION_COLUMNS = [
    "feed",
    "seq",
    "lists",
    "file",
    "published",
    "ingested_at",
    "rows_accepted",
    "rows_rejected",
    "sha256",
]
#: The differences table: ``fields`` names what changed ("name, aliases"), not its JSON text.
DIFF_COLUMNS = ["change", "list", "name", "previous_name", "fields", "node_id"]


def versions_view(versions: pd.DataFrame) -> pd.DataFrame:
    """A feed's versions as the page shows them (``note`` blank where a version is a new file)."""
    view = versions[VERSION_COLUMNS].copy()
    view["note"] = view["note"].fillna("")
    return blank_missing(view)


def _codes(raw: object) -> str:
    """``["US_EL", "US_DPL"]`` (JSON text) → ``US_EL, US_DPL``; blank when absent or unreadable."""
    if not isinstance(raw, str) or not raw:
        return ""
    try:
        values = json.loads(raw)
    except ValueError:
        return raw
    return ", ".join(map(str, values)) if isinstance(values, list) else str(values)


def _file_name(path: object) -> str | None:
    return PurePath(path).name if isinstance(path, str) and path else None


def overview_versions(versions: pd.DataFrame) -> pd.DataFrame:
    """Every list version as the Overview shows it: its lists and file name, a short SHA-256."""
    view = versions.assign(
        lists=versions["lists_json"].map(_codes),
        file=versions["path"].map(_file_name),
        sha256=versions["sha256"].astype(str).str[:16] + "…",
    )
    return blank_missing(view[OVERVIEW_VERSION_COLUMNS])


def diff_view(rows: pd.DataFrame) -> pd.DataFrame:
    """A diff's rows as the Lists page shows them: the changed fields by name, gaps blank."""
    view = rows.assign(fields=rows["fields_json"].map(_codes))
    return blank_missing(view[DIFF_COLUMNS])


def reread_note(versions: pd.DataFrame, old_id: str | None, new_id: str | None) -> str | None:
    """What to say above the differences when ``new_id`` is ``old_id``'s file read again: then every
    difference is the product reading the same bytes anew, not a change by the publisher."""
    old = versions[versions["version_id"] == old_id]
    new = versions[versions["version_id"] == new_id]
    if old.empty or new.empty:
        return None
    o, n = old.iloc[0], new.iloc[0]
    if o["sha256"] != n["sha256"] or not isinstance(n["note"], str):
        return None
    return (
        f"Version {int(n['seq'])} is the file of version {int(o['seq'])} read again "
        f"({n['note']}): these differences are what the newer reading changed, not the publisher."
    )


def newly_exposed(store: GraphStore, diff: pd.DataFrame) -> pd.DataFrame:
    """Companies and trade parties the risk run joins to entries added or changed by ``diff``
    (:mod:`graph.risk.joins`: their SAME_AS cluster, and an owner known only by name in ownership
    records by its by-name owner link), with ``found``: how (SAME_AS cluster or by-name owner link)."""
    rows = []
    byname = ByNameLinks(store)  # the list entries and by-name owners, read once for every entry
    touched = diff[diff["change"].isin(["added", "changed"])]
    for entry_id, entry_name, change in zip(
        touched["node_id"], touched["name"], touched["change"], strict=True
    ):
        if store.node(str(entry_id)) is None:
            continue
        for member, chain in sorted(cluster_joins(store, str(entry_id), byname=byname).items()):
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
                    "found": found(chain)["how"],
                }
            )
    columns = ["counterparty", "id", "kind", "entry", "entry_id", "change", "found"]
    return pd.DataFrame(rows, columns=columns)


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
