"""Graphviz DOT for a node's neighbourhood and for diversion paths (drawn by ``st.graphviz_chart``).

Nodes are shaped by kind and filled by risk level; edges are labelled with their kind.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from graph.holdings import holding_text
from graph.model import EdgeKind, Node, Subgraph
from graph.resolve.link import link_score_text
from graph.store import GraphStore

NEIGHBOURHOOD_EDGES = (
    EdgeKind.SAME_AS,
    EdgeKind.OWNS,
    EdgeKind.TRADES_WITH,
    EdgeKind.OFFICER_OF,
    EdgeKind.RELATED_TO,
)
SHAPES = {
    "ListEntry": "octagon",
    "Company": "box",
    "TradeParty": "ellipse",
    "Person": "plaintext",
}
FILLS = {"block": "#f4a6a6", "review": "#ffe08a", "clear": "#d7ecd9"}


def _q(text: object) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _label(name: str, limit: int = 32) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _node_line(node_id: str, name: str, kind: str, level: str | None, centre: bool) -> str:
    fill = FILLS.get(level or "", "#eeeeee")
    shape = SHAPES.get(kind, "ellipse")
    pen = ", penwidth=3" if centre else ""
    label = _q(_label(name))[:-1] + f'\\n[{kind}]"'  # DOT line break between name and kind
    return f"  {_q(node_id)} [label={label}, shape={shape}, style=filled, fillcolor={_q(fill)}{pen}];"


def _edge_line(source: str, target: str, label: str) -> str:
    return f"  {_q(source)} -> {_q(target)} [label={_q(label)}, fontsize=9];"


def neighbourhood(store: GraphStore, node_id: str, hops: int = 1, limit: int = 40) -> Subgraph:
    return store.subgraph(node_id, hops=hops, edge_kinds=NEIGHBOURHOOD_EDGES, limit=limit)


def subgraph_dot(sub: Subgraph, centre: str) -> str:
    lines = ["digraph G {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];']
    for n in sub.nodes:
        lines.append(_node_line(n.id, n.name, n.kind.value, _level(n), n.id == centre))
    for e in sub.edges:
        label = e.kind.value if not e.key else f"{e.kind.value} {e.key}"
        if e.kind is EdgeKind.SAME_AS and e.props.get("score") is not None:
            label = f"SAME_AS {link_score_text(float(e.props['score']))}"
        elif e.kind is EdgeKind.OWNS and e.props.get("pct") is not None:
            label = f"OWNS {float(e.props['pct']):g}%"
        if e.kind is EdgeKind.OWNS:
            ended = holding_text(e.props, dt.date.today().isoformat())
            label += f" ({ended})" if ended else ""
        lines.append(_edge_line(e.source, e.target, label))
    lines.append("}")
    return "\n".join(lines)


def _level(n: Node) -> str | None:
    level = n.props.get("risk_level")
    return str(level) if level else None


def path_dot(paths: Iterable[Mapping[str, Any]]) -> str:
    """One graph of several paths (``ScoredPath.as_dict()``): hops merged by node id."""
    lines = ["digraph P {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];']
    seen_nodes: set[str] = set()
    seen_edges: set[tuple[str, str, str]] = set()
    for path in paths:
        hops = list(path["hops"])
        for i, hop in enumerate(hops):
            nid = str(hop.get("node_id") or hop.get("id"))
            if nid not in seen_nodes:
                seen_nodes.add(nid)
                lvl = hop.get("risk_level")
                lines.append(
                    _node_line(nid, str(hop.get("name") or nid), str(hop.get("kind", "")), lvl, i == 0)
                )
            if i:
                prev = str(hops[i - 1].get("node_id") or hops[i - 1].get("id"))
                via = hop.get("via") or {}
                label = str(via.get("edge") or via.get("kind") or "")
                if via.get("hs6"):
                    label += f" {via['hs6']}"
                if via.get("ended"):
                    label += f" ({via['ended']})"
                key = (prev, nid, label)
                if key not in seen_edges:
                    seen_edges.add(key)
                    lines.append(_edge_line(prev, nid, label))
    lines.append("}")
    return "\n".join(lines)


def expanded_subgraph(
    store: GraphStore, centre: str, expanded: Iterable[str], hops: int = 1, limit: int = 40
) -> Subgraph:
    """The centre's neighbourhood plus the 1-hop neighbourhood of every node clicked open."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str, str], Any] = {}
    for i, node_id in enumerate([centre, *expanded]):
        sub = neighbourhood(store, node_id, hops=hops if i == 0 else 1, limit=limit)
        for n in sub.nodes:
            nodes.setdefault(n.id, n)
        for e in sub.edges:
            edges.setdefault(e.identity, e)
    return Subgraph(tuple(nodes.values()), tuple(edges.values()))


def agraph_elements(sub: Subgraph, centre: str) -> tuple[list[Any], list[Any]]:
    """``streamlit_agraph`` nodes (shape by kind, colour by risk level) and labelled edges."""
    from streamlit_agraph import Edge as AEdge
    from streamlit_agraph import Node as ANode

    vis_shapes = {"ListEntry": "hexagon", "Company": "box", "TradeParty": "ellipse", "Person": "text"}
    nodes = [
        ANode(
            id=n.id,
            label=_label(n.name, 28),
            title=f"{n.name} [{n.kind.value}] {n.id}",
            color=FILLS.get(_level(n) or "", "#eeeeee"),
            shape=vis_shapes.get(n.kind.value, "dot"),
            size=30 if n.id == centre else 20,
            borderWidth=3 if n.id == centre else 1,
        )
        for n in sub.nodes
    ]
    edges = [AEdge(source=e.source, target=e.target, label=e.kind.value) for e in sub.edges]
    return nodes, edges


def agraph_config(height: int = 520) -> Any:
    """``streamlit_agraph`` options: directed, physics on, as wide as the component's frame.

    (A fixed pixel width wider than the frame hides the nodes drawn beyond its right edge.)
    """
    from streamlit_agraph import Config

    config = Config(height=height, directed=True, physics=True)
    config.width = "100%"
    return config


def interactive_graph(nodes: list[Any], edges: list[Any], config: Any, key: str) -> str | None:
    """Draw ``streamlit_agraph``'s vis.js graph; the id of the node last clicked, or ``None``.

    The package's ``agraph()`` takes no key, so the component's identity follows its data: every
    expansion replaced the iframe (reloading vis.js, laying out from scratch) and a collapse back
    to the first graph returned that graph's old click. With a key the frame stays and vis.js
    adds the new nodes to the drawn network; the caller changes the key to start afresh.
    """
    from streamlit_agraph import _agraph

    data = json.dumps({"nodes": [n.to_dict() for n in nodes], "edges": [e.to_dict() for e in edges]})
    value = _agraph(data=data, config=json.dumps(config.__dict__), key=key, default=None)
    return None if value is None else str(value)
