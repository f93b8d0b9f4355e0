"""Entity page data beyond the library's report: SAME_AS links with reasons, trade partners, the
ownership status per regime and why, why a list entry has its kind."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from chipwatch.ui.store import display_name
from graph.model import Edge, EdgeKind
from graph.risk.entity import evidence_params
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


def trade_partners(store: GraphStore, node_ids: Iterable[str], limit: int = 200) -> pd.DataFrame:
    """TRADES_WITH edges of every record of the entity's resolved cluster (``record`` says whose).

    A registry company trades under its trade-party records, the ones resolution linked to it:
    reading only the company's own edges showed "empty" next to a TRANSSHIPMENT_ROUTE flag drawn
    from those very shipments.
    """
    members = list(dict.fromkeys(node_ids))
    found: list[tuple[str, Edge]] = []  # (member, edge), the first ``limit`` only
    for member, edges in store.neighbours_of(members, [EdgeKind.TRADES_WITH]).items():
        found += [(member, e) for e in edges[: limit - len(found)]]
        if len(found) >= limit:
            break
    others = [e.target if e.source == member else e.source for member, e in found]
    nodes = store.nodes_by_id(others)  # one read for every partner's name
    rows = [
        {
            "direction": "ships to" if e.source == member else "buys from",
            "partner": nodes[other].name if other in nodes else other,
            "partner_id": other,
            "hs6": e.key,
            "shipments": e.props.get("count"),
            "value_usd": e.props.get("value_usd"),
            "first": e.props.get("first"),
            "last": e.props.get("last"),
            "record": member,
        }
        for (member, e), other in zip(found, others, strict=True)
    ]
    cols = ["direction", "partner", "partner_id", "hs6", "shipments", "value_usd", "first", "last", "record"]
    return pd.DataFrame(rows, columns=cols)


def regime_status(store: GraphStore, risk: Mapping[str, Any]) -> pd.DataFrame:
    """Ownership status per regime with what produced it: the regime's rule and the blocked owners
    (name, stake) from the OWNED_BY_LISTED evidence, or "listed itself" for an entity on a list.
    Regimes absent from ``risk["ownership"]`` found no blocked ownership."""
    regimes = (risk.get("ownership") or {}).get("regimes") or {}
    why = {
        str(item.get("regime")): item
        for flag in risk.get("flags") or []
        if flag.get("flag") == "OWNED_BY_LISTED"
        for item in (flag.get("evidence") or {}).get("items") or []
    }
    rows = []
    for regime, state in sorted(regimes.items()):
        item = why.get(regime, {})
        status = state.get("status")
        owners = "; ".join(
            f"{_named(store, str(o.get('id')))} {float(o.get('pct') or 0):g} %"
            for o in item.get("owners") or []
        )
        rows.append(
            {
                "regime": regime,
                "status": status,
                "blocked_pct": state.get("blocked_pct"),
                "why": item.get("rule") or ("listed itself" if status == "listed" else ""),
                "blocked_owners": owners,
            }
        )
    return pd.DataFrame(rows, columns=["regime", "status", "blocked_pct", "why", "blocked_owners"])


#: Evidence fields holding node ids: the table adds the node's name beside the id.
EVIDENCE_ID_FIELDS = frozenset(
    {
        "entry",
        "owner",
        "listed",
        "direct_parent",
        "ultimate_parent",
        "controlled",
        "person",
        "company",
        "via_hub",
    }
)


def evidence_table(store: GraphStore, evidence: Mapping[str, Any]) -> tuple[pd.DataFrame, str]:
    """A flag's evidence as a table, one row per item, and its other fields (the flag's
    parameters, e.g. ``min_pct 25``) as one line. Ids are shown with their names; nested values
    (an item's links or owners) as compact JSON. An evidence without items gives an empty table."""
    items = evidence.get("items")
    params = evidence_params(evidence)
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items) or not items:
        return pd.DataFrame(), params
    rows = []
    for item in items:
        row: dict[str, Any] = {}
        for key, value in item.items():
            if key in EVIDENCE_ID_FIELDS and isinstance(value, str):
                row[key] = _named(store, value)
            elif isinstance(value, dict | list):
                row[key] = json.dumps(value, ensure_ascii=False, default=str)
            else:
                row[key] = value
        rows.append(row)
    return pd.DataFrame(rows), params


def _named(store: GraphStore, node_id: str) -> str:
    name = display_name(store, node_id)
    return node_id if name == node_id else f"{name} ({node_id})"


def ownership_note(store: GraphStore, risk: Mapping[str, Any]) -> str | None:
    """What the ownership figures rest on: known stakes, the ultimate parent, a cycle."""
    own = risk.get("ownership") or {}
    parts = []
    if own.get("known_stakes_pct") is not None:
        parts.append(
            f"known stakes {float(own['known_stakes_pct']):g} % from {own.get('owners', 0)} owner(s)"
            f" ({own.get('completeness', 'unknown')})"
        )
    parent = own.get("ultimate_parent")
    if parent:
        country = own.get("ultimate_parent_country") or "-"
        parts.append(f"ultimate parent {_named(store, str(parent))}, country {country}")
    if own.get("ownership_cycle"):
        parts.append("the ownership chain loops back on itself")
    if own.get("suspended_regimes"):
        parts.append("not in force: " + ", ".join(map(str, own["suspended_regimes"])))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] if text else None


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
