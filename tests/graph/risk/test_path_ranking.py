"""Path risk follows the goods: a hub is an intermediary party, not the end's own registry
record; ownership detours weaken a path like trade hops do (issue 7)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.model import Edge, EdgeKind, NodeKind, Path
from graph.risk.paths import MAX_SAMPLE_SHIPMENTS, _Evidence, score_path
from graph.risk.reference import load_reference
from graph.stores import NetworkxStore

AS_OF = dt.date(2026, 6, 1)
REF = load_reference(AS_OF)


def _trade(a: str, b: str) -> Edge:
    return Edge(a, b, EdgeKind.TRADES_WITH, "854231", {"last": "2026-01-01", "value_usd": 100000.0})


def _info(**nodes: tuple[str, str]) -> dict[str, dict[str, Any]]:
    """node id -> (country, cluster)."""
    return {n: {"country": c, "cluster": k, "risk_score": 0.0} for n, (c, k) in nodes.items()}


def test_the_end_s_own_record_is_not_a_hub() -> None:
    """US supplier → a Chinese buyer's trade party → the same buyer's registry record (SAME_AS):
    the goods went to China directly; China being a hub for Russia says nothing here. Through a
    Hong Kong trader to Russia, Hong Kong is the hub."""
    info = _info(
        sup=("US", "sup"),
        buyer_party=("CN", "buyer"),
        buyer_co=("CN", "buyer"),
        hk=("HK", "hk"),
        ru=("RU", "ru"),
    )
    direct = Path(
        ("sup", "buyer_party", "buyer_co"),
        (_trade("sup", "buyer_party"), Edge("buyer_co", "buyer_party", EdgeKind.SAME_AS)),
    )
    via_hk = Path(("sup", "hk", "ru"), (_trade("sup", "hk"), _trade("hk", "ru")))
    assert score_path(direct, info, REF, AS_OF)[1]["hub"] == 0.0
    assert score_path(via_hk, info, REF, AS_OF)[1]["hub"] == 1.0


def test_an_ownership_detour_decays_like_a_trade_hop() -> None:
    """The supplier's owner's other subsidiary sells to a blocked party: two ownership steps and
    one trade hop away from the supplier's own goods, the path weighs 0.9² of a direct sale."""
    info = _info(sup=("DE", "sup"), owner=("GB", "owner"), sib=("FR", "sib"), end=("KG", "end"))
    direct = Path(("sup", "end"), (_trade("sup", "end"),))
    detour = Path(
        ("sup", "owner", "sib", "end"),
        (
            Edge("owner", "sup", EdgeKind.OWNS, "", {"pct": 100.0}),
            Edge("owner", "sib", EdgeKind.OWNS, "", {"pct": 100.0}),
            _trade("sib", "end"),
        ),
    )
    d_score, d_parts = score_path(direct, info, REF, AS_OF)
    o_score, o_parts = score_path(detour, info, REF, AS_OF)
    assert d_parts["hop_decay"] == 1.0 and o_parts["hop_decay"] == 0.81
    assert o_score < d_score


def test_shipment_evidence_is_found_behind_a_busy_consignee() -> None:
    """A consignee with hundreds of shipments from others: the evidence of one trade edge is the
    shipments of *that* shipper, however far down the consignee's list they sort."""
    store = NetworkxStore()
    parties = ("party:a", "party:b", "party:c")
    store.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": p, "name": p} for p in parties])
    ships = [(f"ship:b{i:04d}", "party:b", "854231") for i in range(700)]
    ships += [(f"ship:z{i}", "party:a", "854231" if i % 2 else "847150") for i in range(8)]
    store.upsert_nodes(
        NodeKind.SHIPMENT,
        [
            {"id": s, "name": s, "shipment_id": s, "hs6": hs, "date": f"2025-01-{i % 28 + 1:02d}"}
            for i, (s, _, hs) in enumerate(ships)
        ],
    )
    store.upsert_edges(EdgeKind.SHIPPER_OF, [{"source": p, "target": s} for s, p, _ in ships])
    store.upsert_edges(EdgeKind.CONSIGNEE_OF, [{"source": "party:c", "target": s} for s, _, _ in ships])

    # the edges of one query's top paths are read together: each gets its own shipments
    a_c = Edge("party:a", "party:c", EdgeKind.TRADES_WITH, "854231")
    b_c = Edge("party:b", "party:c", EdgeKind.TRADES_WITH, "854231")
    a_c_other = Edge("party:a", "party:c", EdgeKind.TRADES_WITH, "847150")
    reads = _Evidence(store, [a_c, b_c, a_c, a_c_other])
    evidence = reads.samples(a_c)

    assert [e["shipment_id"] for e in evidence] == ["ship:z1", "ship:z3", "ship:z5", "ship:z7"]
    assert len(evidence) <= MAX_SAMPLE_SHIPMENTS
    other = [e["shipment_id"] for e in reads.samples(a_c_other)]
    assert other == ["ship:z0", "ship:z2", "ship:z4", "ship:z6"]
    assert [e["shipment_id"] for e in reads.samples(b_c)] == [f"ship:b{i:04d}" for i in range(5)]
