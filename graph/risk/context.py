"""``risk_context``: what ``chipwatch risk`` stored about some nodes, for screening and exports."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from graph.store import GraphStore

RISK_PROPS = ("risk_score", "risk_level", "flags_json", "ownership_json", "risk_breakdown_json", "risk_as_of")


def risk_context(store: GraphStore, node_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Per node id: ``risk_score``, ``risk_level``, ``flags`` (name, legal source, evidence),
    ``ownership`` (status per regime, ultimate parent, completeness), ``breakdown`` and
    ``as_of`` — or ``{"computed": False}`` when ``chipwatch risk`` has not run over that node."""
    out: dict[str, dict[str, Any]] = {}
    for node_id in dict.fromkeys(node_ids):
        node = store.node(node_id)
        if node is None or "risk_score" not in node.props:
            out[node_id] = {"computed": False}
            continue
        p = node.props
        out[node_id] = {
            "computed": True,
            "risk_score": float(p["risk_score"]),
            "risk_level": p.get("risk_level"),
            "flags": json.loads(p.get("flags_json") or "[]"),
            "ownership": json.loads(p.get("ownership_json") or "{}"),
            "breakdown": json.loads(p.get("risk_breakdown_json") or "[]"),
            "as_of": p.get("risk_as_of"),
        }
    return out
