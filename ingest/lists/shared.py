"""Node ids that several feeds list: which feed's copy the list node shows, and when it is removed.

A list node's id is ``list:{list}:{source_id}``, and two feeds can list one id: OFAC's
consolidated list (CONS_ENHANCED.XML, feed ``ofac-nonsdn``) carries its SDN entities as ``US_SDN``,
the ids of the SDN feed's entries. Each feed's sync used to upsert its own copy, so the node showed
whichever feed was loaded last, and a consolidated version that dropped an SDN entity marked the
node removed — skipped by screening while the SDN list still listed it.

The rule: the node is one listing, shown as the copy of the feed that lists it now and ranks first
— a feed whose current version holds that list alone (``ofac-sdn`` for ``US_SDN``: the list is its
own) before a feed carrying it among other lists (``ofac-nonsdn``), then by feed name. Its
LOCATED_AT, IN_COUNTRY and HAS_IDENTIFIER edges are that copy's. It is removed only when no feed's
current version lists it. Everything is read from the feeds' current versions, so the graph does
not depend on the order files were loaded in, and loading a file again changes nothing.

The node's properties are the shown copy's whole record: a field it leaves empty is removed, not
kept from another copy written before it (``graph.list_graph.LIST_OWNED``, as when a feed's own
next version empties a field).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from graph.model import EdgeKind

#: The edges a list node's shown copy decides (RELATED_TO is each feed's own published relation).
COPY_EDGES = (EdgeKind.LOCATED_AT, EdgeKind.IN_COUNTRY, EdgeKind.HAS_IDENTIFIER)


def own_list(version_lists: Sequence[str], entry_list: str) -> bool:
    """Whether a version holding entries of ``version_lists`` is the feed of ``entry_list`` itself."""
    return list(version_lists) == [entry_list]


def shown_copies(copies: pd.DataFrame, version_lists: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """One ``list_entries`` row per node id of ``copies`` (rows of the feeds' current versions):
    the copy the node shows. ``version_lists``: the lists each version id holds."""
    if copies.empty:
        return copies
    rank = [
        0 if own_list(version_lists.get(str(v), ()), str(lst)) else 1
        for v, lst in zip(copies["version_id"], copies["list"], strict=True)
    ]
    ordered = copies.assign(_rank=rank).sort_values(["node_id", "_rank", "feed"], kind="stable")
    return ordered.drop_duplicates("node_id").drop(columns="_rank").reset_index(drop=True)


def without_twins(entries: pd.DataFrame) -> pd.DataFrame:
    """``entries`` without the decoded twins (``_aliases`` …) fresh rows carry, so they can be
    stacked with stored rows (which have only the JSON columns)."""
    return entries.drop(columns=[c for c in entries.columns if c.startswith("_")])
