"""Review queue helpers: a pair's two records side by side, and a click kept to the pair it was on.

Another officer may decide a pair between two renders of the page: the queue then shifts, and
the pair picked (or the first, when it was the one decided) is no longer the pair at its place.
A click therefore carries the ids of the pair shown when it was drawn (:class:`ReviewAction`),
and is recorded only while that pair still waits for a decision (:func:`queued_row`); otherwise
the officer is told who decided it (:func:`gone_message`) and nothing is recorded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pandas as pd

from chipwatch.ui.store import display_name
from graph.resolve.link import link_score_text
from graph.resolve.review import Decision, Judgement, pair_key
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
    return f"{names}  ({link_score_text(score)})  ·  {source} ↔ {target}"


def reasons(raw: object) -> list[str]:
    try:
        value = json.loads(str(raw or "[]"))
    except ValueError:
        return [str(raw)]
    return [str(r) for r in value] if isinstance(value, list) else [str(value)]


@dataclass(frozen=True)
class ReviewAction:
    """A click on Confirm or Reject: the pair it was drawn for, the decision and the note typed."""

    source: str
    target: str
    decision: Decision
    note: str = ""


def queued_row(queue: pd.DataFrame, source: str, target: str) -> pd.Series | None:
    """The queue's row for the pair (either way round), or None when it waits no more."""
    key = pair_key(source, target)
    for i, (s, t) in enumerate(zip(queue["source"], queue["target"], strict=True)):
        if pair_key(str(s), str(t)) == key:
            return queue.iloc[i]
    return None


def gone_message(source: str, target: str, decided: Judgement | None, *, clicked: bool) -> str:
    """Why the pair the officer had open is no longer shown (``clicked``: and their click was not
    recorded): another decision since, or a resolve run that no longer queues it."""
    pair = f"{source} ↔ {target}"
    why = (
        f"was decided meanwhile ({decided.decision.value} by {decided.user or 'someone'} at "
        f"{decided.time or '?'}{': ' + decided.note if decided.note else ''})"
        if decided is not None
        else "is no longer in the review queue (a `chipwatch resolve` run since?)"
    )
    then = (
        "your click was not recorded; to change the decision use `chipwatch review decide`"
        if clicked
        else "the page now shows another pair"
    )
    return f"{pair} {why}: {then}."
