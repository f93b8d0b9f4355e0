"""Node ids that several feeds list: which feed's copy the list node shows, and when it is removed.

A list node's id is ``list:{list}:{source_id}``, and two feeds can list one id: OFAC's
consolidated list (CONS_ENHANCED.XML, feed ``ofac-nonsdn``) carries its SDN entities as ``US_SDN``,
the ids of the SDN feed's entries. Each feed's sync used to upsert its own copy, so the node showed
whichever feed was loaded last, and a consolidated version that dropped an SDN entity marked the
node removed — skipped by screening while the SDN list still listed it.

The rule: the node is one listing, shown as the copy of the feed that lists it now and ranks first
(:func:`graph.lists.copies.shown_copies`, the copy resolution and screening read too). Its
LOCATED_AT, IN_COUNTRY and HAS_IDENTIFIER edges are that copy's. It is removed only when no feed's
current version lists it. Everything is read from the feeds' current versions, so the graph does
not depend on the order files were loaded in, and loading a file again changes nothing.

The node's properties are the shown copy's whole record: a field it leaves empty is removed, not
kept from another copy written before it (``graph.list_graph.LIST_OWNED``, as when a feed's own
next version empties a field).
"""

from __future__ import annotations

import pandas as pd

from graph.model import EdgeKind

#: The edges a list node's shown copy decides (RELATED_TO is each feed's own published relation).
COPY_EDGES = (EdgeKind.LOCATED_AT, EdgeKind.IN_COUNTRY, EdgeKind.HAS_IDENTIFIER)


def without_twins(entries: pd.DataFrame) -> pd.DataFrame:
    """``entries`` without the decoded twins (``_aliases`` …) fresh rows carry, so they can be
    stacked with stored rows (which have only the JSON columns)."""
    return entries.drop(columns=[c for c in entries.columns if c.startswith("_")])
