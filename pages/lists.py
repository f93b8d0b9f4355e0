"""Lists: versions per feed and the differences between two of them; newly exposed counterparties."""

from __future__ import annotations

import streamlit as st

from chipwatch.ui import keys
from chipwatch.ui.lists import diff_view, feed_update, reread_note, versions_view
from chipwatch.ui.store import guarded, list_tables
from chipwatch.ui.tables import blank_missing
from graph.lists.versions import feed_versions

st.header("Lists")
with guarded():
    tables = list_tables()
if tables.versions.empty:
    st.info("No lists loaded yet: run `chipwatch ingest lists`.")
    st.stop()

feeds = sorted(tables.versions["feed"].dropna().unique())
feed = st.selectbox("Feed", feeds, key=keys.LISTS_FEED)
versions = feed_versions(tables.versions, feed)
st.subheader("Versions")
st.dataframe(versions_view(versions), hide_index=True, width="stretch")
ids = versions["version_id"].astype(str).tolist()
st.subheader("Differences")
if len(ids) < 2:
    st.info("Only one version of this feed: everything in it is new.")
    old_id, new_id = None, None
else:
    c1, c2 = st.columns(2)
    old_id = c1.selectbox("Old version", ids, index=len(ids) - 2, key=keys.LISTS_OLD)
    new_id = c2.selectbox("New version", ids, index=len(ids) - 1, key=keys.LISTS_NEW)
with guarded():
    update = feed_update(feed, old_id, new_id)
diff = update.diff
note = reread_note(versions, old_id, new_id)
if note:
    st.info(note)
counts = diff.counts()
cols = st.columns(3)
for col, change in zip(cols, ("added", "removed", "changed"), strict=True):
    col.metric(change.capitalize(), counts.get(change, 0))
st.dataframe(diff_view(diff.rows), hide_index=True, width="stretch")
st.subheader("Counterparties newly exposed by this update")
exposed = update.exposed
if exposed.empty:
    st.write("None of our companies or trade parties is linked to an added or changed entry.")
else:
    st.dataframe(blank_missing(exposed), hide_index=True, width="stretch")
