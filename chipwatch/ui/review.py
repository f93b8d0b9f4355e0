"""Review queue helpers: a pair's two records side by side."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from chipwatch.ui.store import display_name
from graph.store import GraphStore

SIDE_PROPS = (
    "name",
    "kind",
    "country",
    "countries",
    "address",
    "city",
    "registration_id",
    "lei",
    "list",
    "aliases",
)


def record_side(store: GraphStore, node_id: str) -> dict[str, Any]:
    node = store.node(node_id)
    if node is None:
        return {"id": node_id, "name": "(not in the graph)"}
    out: dict[str, Any] = {"id": node_id, "kind": node.kind.value}
    for k in SIDE_PROPS:
        v = node.props.get(k)
        if v is not None and v != "" and k != "kind":
            out[k] = v if isinstance(v, str | int | float) else ", ".join(map(str, v))
    return out


def side_by_side(store: GraphStore, a: str, b: str) -> pd.DataFrame:
    left, right = record_side(store, a), record_side(store, b)
    fields = list(dict.fromkeys([*left, *right]))
    return pd.DataFrame(
        {
            "field": fields,
            "record A": [str(left.get(f, "")) for f in fields],
            "record B": [str(right.get(f, "")) for f in fields],
        }
    )


def pair_label(store: GraphStore, source: str, target: str, score: float) -> str:
    """The review queue's label for a pair: names, score and both ids.

    Names alone repeat (one person on the UN list and twice on OFAC's, as the CSL and the SDN
    file publish it), and a selectbox maps a label back to *one* option: with two pairs labelled
    alike, picking the first decided the second. The ids keep every label unique.
    """
    names = f"{display_name(store, source)}  ↔  {display_name(store, target)}"
    return f"{names}  ({score:.2f})  ·  {source} ↔ {target}"


def reasons(raw: object) -> list[str]:
    try:
        value = json.loads(str(raw or "[]"))
    except ValueError:
        return [str(raw)]
    return [str(r) for r in value] if isinstance(value, list) else [str(value)]
