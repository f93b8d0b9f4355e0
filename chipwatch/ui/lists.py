"""Lists page helpers: counterparties exposed by the entries a list update added or changed."""

from __future__ import annotations

import pandas as pd

from graph.model import NodeKind
from graph.risk.paths import cluster_members
from graph.store import GraphStore

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
