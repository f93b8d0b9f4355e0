"""The entity page's ownership table (``chipwatch.ui.entity.regime_status``) from a stored risk."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from chipwatch.ui.entity import evidence_table, regime_status


class _Names:
    """The one store call the table makes: a node's name."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def node(self, node_id: str) -> Any:
        return SimpleNamespace(name=self.names[node_id]) if node_id in self.names else None


RISK = {
    "ownership": {"regimes": {"OFAC": {"status": "owned", "blocked_pct": 52.0}}},
    "flags": [
        {
            "flag": "OWNED_BY_LISTED",
            "evidence": {
                "items": [
                    {
                        "regime": "OFAC",
                        "blocked_pct": 52.0,
                        "rule": "OFAC: blocked owners hold >= 50 % (aggregated)",
                        "owners": [{"id": "co:a", "pct": 27.0}, {"id": "co:b", "pct": 25.0}],
                    }
                ]
            },
        }
    ],
}


def test_owned_status_names_the_rule_and_each_blocked_owner_with_its_stake() -> None:
    table = regime_status(_Names({"co:a": "AMMUNITION GROUP"}), RISK)  # type: ignore[arg-type]
    assert table.to_dict("records") == [
        {
            "regime": "OFAC",
            "status": "owned",
            "blocked_pct": 52.0,
            "why": "OFAC: blocked owners hold >= 50 % (aggregated)",
            "blocked_owners": "AMMUNITION GROUP (co:a) 27 %; co:b 25 %",
        }
    ]


def test_no_regime_is_an_empty_table() -> None:
    assert regime_status(_Names({}), {"ownership": {}, "flags": []}).empty  # type: ignore[arg-type]


def test_evidence_is_a_table_with_names_beside_ids_and_the_parameters_on_one_line() -> None:
    evidence = {
        "min_pct": 25.0,
        "total": 12,
        "items": [{"owner": "co:a", "pct": 27.0, "lists": ["UN", "US_SDN"]}, {"owner": "co:b", "pct": 25.0}],
    }
    items, params = evidence_table(_Names({"co:a": "AMMUNITION GROUP"}), evidence)  # type: ignore[arg-type]
    assert items.to_dict("records")[0] == {
        "owner": "AMMUNITION GROUP (co:a)",
        "pct": 27.0,
        "lists": '["UN", "US_SDN"]',
    }
    assert items["owner"].iloc[1] == "co:b"
    assert params == "min_pct 25.0; showing 2 of 12 items"


def test_evidence_without_items_gives_no_table() -> None:
    items, params = evidence_table(_Names({}), {"pivot": "2024-01-01", "items": ["a line"]})  # type: ignore[arg-type]
    assert items.empty and params == "pivot 2024-01-01"


def test_the_static_graph_shows_a_same_as_score_below_certainty_as_such() -> None:
    from chipwatch.ui.graphdraw import subgraph_dot
    from graph.model import Edge, EdgeKind, Node, NodeKind, Subgraph

    nodes = (
        Node("co:a", NodeKind.COMPANY, {"name": "A"}),
        Node("list:US_EL:1", NodeKind.LIST_ENTRY, {"name": "A"}),
    )
    sub = Subgraph(nodes, (Edge("co:a", "list:US_EL:1", EdgeKind.SAME_AS, props={"score": 0.9973}),))
    dot = subgraph_dot(sub, "co:a")
    assert "SAME_AS 0.997" in dot and "SAME_AS 1.00" not in dot
