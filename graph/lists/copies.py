"""Node ids that several feeds list: which feed's copy the list node shows.

A list node's id is ``list:{list}:{source_id}``, and two feeds can list one id: OFAC's
consolidated list (CONS_ENHANCED.XML, feed ``ofac-nonsdn``) carries its SDN entities as ``US_SDN``,
the ids of the SDN feed's entries. The node is one listing, shown as the copy of the feed that
lists it now and ranks first — a feed whose current version holds that list alone (``ofac-sdn``
for ``US_SDN``: the list is its own) before a feed carrying it among other lists
(``ofac-nonsdn``), then by feed name.

The list sync writes that copy to the graph (:mod:`ingest.lists.shared`), and everything that
reads the current entries from the tables (resolution, screening, rescreen:
:func:`graph.tables.lists.latest_entries`) reads the same copy, so a hit, a link and the node an
officer opens say the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import pandas as pd


def own_list(version_lists: Sequence[str], entry_list: str) -> bool:
    """Whether a version holding entries of ``version_lists`` is the feed of ``entry_list`` itself."""
    return list(version_lists) == [entry_list]


def version_lists(versions: pd.DataFrame) -> dict[str, list[str]]:
    """The lists each of ``versions`` (``list_versions`` rows) holds, by version id."""
    return {
        str(v): json.loads(lists) if isinstance(lists, str) else []
        for v, lists in zip(versions["version_id"], versions["lists_json"], strict=True)
    }


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


def one_copy_each(current: pd.DataFrame, version_lists: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """``current`` (``list_entries`` rows of the feeds' current versions) with only the shown copy
    of a node id several feeds list; every other row kept, in its order."""
    contested = current["node_id"].duplicated(keep=False).to_numpy()
    if not contested.any():
        return current
    shown = shown_copies(current[contested], version_lists)
    winners = set(zip(shown["node_id"], shown["version_id"], strict=True))
    pairs = zip(current["node_id"], current["version_id"], strict=True)
    keep = [not c or pair in winners for c, pair in zip(contested, pairs, strict=True)]
    return current[keep]
