"""Entity page data beyond the library's report: SAME_AS links with reasons, trade partners, why a
list entry has its kind."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from graph.model import EdgeKind
from graph.store import GraphStore

LIST_DETAIL_PROPS = (
    "legal_basis",
    "license_requirement",
    "license_policy",
    "federal_register_notice",
    "start_date",
    "remarks",
)


def same_as_links(store: GraphStore, node_id: str) -> pd.DataFrame:
    rows = []
    for e in store.neighbours(node_id, [EdgeKind.SAME_AS]):
        other = e.target if e.source == node_id else e.source
        node = store.node(other)
        reasons = json.loads(str(e.props.get("reasons_json") or "[]"))
        rows.append(
            {
                "other": other,
                "name": node.name if node else other,
                "kind": node.kind.value if node else "",
                "score": e.props.get("score"),
                "method": e.props.get("method"),
                "decision": e.props.get("decision"),
                "reasons": "; ".join(map(str, reasons)),
            }
        )
    return pd.DataFrame(rows, columns=["other", "name", "kind", "score", "method", "decision", "reasons"])


def trade_partners(store: GraphStore, node_id: str, limit: int = 200) -> pd.DataFrame:
    rows = []
    for e in store.neighbours(node_id, [EdgeKind.TRADES_WITH])[:limit]:
        outgoing = e.source == node_id
        other = e.target if outgoing else e.source
        node = store.node(other)
        rows.append(
            {
                "direction": "ships to" if outgoing else "buys from",
                "partner": node.name if node else other,
                "partner_id": other,
                "hs6": e.key,
                "shipments": e.props.get("count"),
                "value_usd": e.props.get("value_usd"),
                "first": e.props.get("first"),
                "last": e.props.get("last"),
            }
        )
    cols = ["direction", "partner", "partner_id", "hs6", "shipments", "value_usd", "first", "last"]
    return pd.DataFrame(rows, columns=cols)


def list_details(store: GraphStore, entry_id: str) -> dict[str, Any]:
    node = store.node(entry_id)
    if node is None:
        return {}
    return {k: node.props[k] for k in LIST_DETAIL_PROPS if node.props.get(k) not in (None, "", [])}


def kind_note(store: GraphStore, entry_id: str) -> str | None:
    """``person — read from the name: <evidence>`` for an entry whose list publishes no type and whose
    kind was read from its name; ``None`` when the kind is the list's own type or its default, so the
    officer is told only where the tool, not the publisher, decided it is a person."""
    node = store.node(entry_id)
    if node is None or node.props.get("kind_source") != "name":
        return None
    kind = node.props.get("entity_kind") or "unknown"
    evidence = str(node.props.get("kind_evidence") or "").strip()
    return f"{kind} — read from the name: {evidence}" if evidence else f"{kind} — read from the name"


def aliases(store: GraphStore, node_id: str) -> list[str]:
    node = store.node(node_id)
    raw = node.props.get("aliases") if node else None
    if raw is None:
        return []
    if isinstance(raw, str):
        return [a for a in raw.split(";") if a.strip()]
    return [str(a) for a in raw]
