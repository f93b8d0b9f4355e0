"""Flags need evidence a compliance officer can defend: the look-alikes below carry a weaker
version of a planted case's fact and must not fire (issue 7: legitimate companies at review)."""

from __future__ import annotations

import datetime as dt

from graph.model import EdgeKind, NodeKind
from graph.risk.run import analyse
from graph.store import GraphStore

AS_OF = dt.date(2026, 6, 1)


def _fired(world: GraphStore, flag: str) -> set[str]:
    res = analyse(world, AS_OF)
    return set(res.flags.loc[res.flags["flag"] == flag, "cluster"])


def test_a_common_name_in_five_companies_at_five_addresses_is_no_nominee(world: GraphStore) -> None:
    """ "Wang Wei" (CN) is an officer of five companies at five different addresses: a registry
    names officers by name and country only, so that is five people as far as the data shows.
    The planted nominee (one person, five shells at one address) still fires."""
    world.upsert_nodes(
        NodeKind.COMPANY,
        [{"id": f"co:t:CN{i}", "name": f"Wang Company {i}", "country": "CN"} for i in range(5)],
    )
    world.upsert_nodes(
        NodeKind.ADDRESS,
        [{"id": f"addr:cn{i}", "name": f"{i} Road, Shenzhen", "country": "CN"} for i in range(5)],
    )
    world.upsert_nodes(NodeKind.PERSON, [{"id": "person:wang", "name": "Wang Wei"}])
    world.upsert_edges(
        EdgeKind.LOCATED_AT, [{"source": f"co:t:CN{i}", "target": f"addr:cn{i}"} for i in range(5)]
    )
    world.upsert_edges(
        EdgeKind.OFFICER_OF,
        [{"source": "person:wang", "target": f"co:t:CN{i}", "key": "director"} for i in range(5)],
    )
    fired = _fired(world, "SHARED_OFFICER")
    assert not fired & {f"co:t:CN{i}" for i in range(5)}
    assert {f"co:t:MASS{i}" for i in range(5)} <= fired


def _add_shipments(world: GraphStore, rows: list[tuple[str, str, str, str, float, str]]) -> None:
    """Shipments (shipper, consignee, date, hs6, quantity, destination) as ingest writes them."""
    from tests.graph.risk.conftest import _ship

    ships = [_ship(900 + i, s, c, d, h, q, 10.0 * q, t) for i, (s, c, d, h, q, t) in enumerate(rows)]
    world.upsert_nodes(
        NodeKind.SHIPMENT, [{**x, "id": x["node_id"], "name": x["shipment_id"]} for x in ships]
    )


def _party(world: GraphStore, key: str, name: str, country: str, company: dict | None = None) -> None:
    world.upsert_nodes(NodeKind.TRADE_PARTY, [{"id": f"party:{key}", "name": name, "country": country}])
    if company is not None:
        world.upsert_nodes(NodeKind.COMPANY, [company])
        world.upsert_edges(
            EdgeKind.SAME_AS,
            [{"source": company["id"], "target": f"party:{key}", "score": 0.99, "decision": "auto"}],
        )


def test_first_advanced_chip_purchase_counts_where_the_controls_bite(world: GraphStore) -> None:
    """A Japanese OEM trading since 2019 buys its first 854231 in 2024: no licence is needed in
    Japan, so that is ordinary trade. The same first purchase delivered to Kazakhstan (a FinCEN/BIS
    transshipment hub) is the red flag."""
    _party(world, "jp", "NIPPON OEM KK", "JP")
    _party(world, "kz", "ASTANA OEM LLP", "KZ")
    _add_shipments(
        world,
        [
            ("sup", "jp", "2019-05-01", "850440", 10, "JP"),
            ("sup", "jp", "2024-05-01", "854231", 10, "JP"),
            ("sup", "kz", "2019-05-01", "850440", 10, "KZ"),
            ("sup", "kz", "2024-05-01", "854231", 10, "KZ"),
        ],
    )
    fired = _fired(world, "POST_CONTROL_BUYER")
    assert "party:kz" in fired and "party:jp" not in fired


def test_a_company_incorporated_after_the_controls_is_not_counted_twice(world: GraphStore) -> None:
    """The 2023 Hong Kong trader's first advanced-chip purchase is after the controls because it
    did not exist before them: NEW_COMPANY_CHPL carries that fact (now at review on its own),
    POST_CONTROL_BUYER does not repeat it."""
    res = analyse(world, AS_OF)
    held = set(res.flags.loc[res.flags["cluster"] == "co:t:NEW", "flag"])
    assert "NEW_COMPANY_CHPL" in held and "POST_CONTROL_BUYER" not in held
    from graph.risk.score import risk_score

    alone = risk_score([], ["NEW_COMPANY_CHPL"], res.ref.weights)
    assert alone.level == "review"


def test_new_company_counts_only_trade_after_its_incorporation(world: GraphStore) -> None:
    """A record incorporated in 2025 merged with a party whose CHPL trade stopped in 2023: the
    trade is not the new company's, so it is no new company trading CHPL goods."""
    _party(
        world,
        "late",
        "LATECOMER TRADING LTD",
        "HK",
        {
            "id": "co:t:LATE",
            "name": "Latecomer Trading Ltd",
            "country": "HK",
            "incorporation_date": "2025-01-01",
        },
    )
    _add_shipments(world, [("sup", "late", "2023-01-10", "854231", 100, "HK")])
    assert "co:t:LATE" not in _fired(world, "NEW_COMPANY_CHPL")


def test_sudden_change_needs_a_history_before_the_pivot(world: GraphStore) -> None:
    """One shipment of other goods before 2022-02-24 and six CHPL shipments after it is no
    change in activity: there is no "before" to compare with (min_before = 5)."""
    _party(world, "thin", "THIN HISTORY LTD", "TR")
    _add_shipments(
        world,
        [("sup", "thin", "2021-01-01", "940360", 5, "TR")]
        + [("sup", "thin", f"2023-0{m}-01", "854232", 5, "TR") for m in range(1, 7)],
    )
    assert "party:thin" not in _fired(world, "SUDDEN_CHANGE")


def test_listed_party_two_trade_hops_away_is_not_a_flag(world: GraphStore) -> None:
    """The German buyer shares a supplier with a listed Chinese party (two hops): that is most of
    a dense trade graph; the supplier, who ships to the listed party itself, is flagged."""
    fired = _fired(world, "LISTED_WITHIN_N_HOPS")
    assert "party:sup" in fired and "co:t:LEGIT" not in fired


def test_transshipment_needs_the_same_goods_in_and_out(world: GraphStore) -> None:
    """A Singapore distributor buys memories (854232) and, two months later, sells processors
    (854231) to China: those are not the goods it received, so no route runs through it."""
    _party(world, "sgd", "LION DISTRIBUTION PTE", "SG")
    _add_shipments(
        world,
        [
            ("sup", "sgd", "2024-01-10", "854232", 100, "SG"),
            ("sgd", "cn", "2024-03-10", "854231", 100, "CN"),
        ],
    )
    assert "party:sgd" not in _fired(world, "TRANSSHIPMENT_ROUTE")
    assert "co:t:NEW" in _fired(world, "TRANSSHIPMENT_ROUTE")


def test_a_hub_selling_memories_to_china_is_no_route_processors_are(world: GraphStore) -> None:
    """Singapore is a hub for China because of the advanced-chip cases: memories (854232) bought
    and sold on to a Chinese OEM are ordinary distribution; processors (854231) are the route.
    To Russia any CHPL code counts."""
    _party(world, "mem", "MEMORY DISTRIBUTION PTE", "SG")
    _party(world, "cpu", "PROCESSOR DISTRIBUTION PTE", "SG")
    _add_shipments(
        world,
        [
            ("sup", "mem", "2024-01-10", "854232", 100, "SG"),
            ("mem", "cn", "2024-02-10", "854232", 100, "CN"),
            ("sup", "cpu", "2024-01-10", "854231", 100, "SG"),
            ("cpu", "cn", "2024-02-10", "854231", 100, "CN"),
        ],
    )
    fired = _fired(world, "TRANSSHIPMENT_ROUTE")
    assert "party:cpu" in fired and "party:mem" not in fired


def test_more_out_than_in_is_other_stock_not_a_route(world: GraphStore) -> None:
    """164 processors in, 3,192 out to China six weeks later: the goods out are not (only) the
    goods that came in (max_qty_ratio 1.2)."""
    _party(world, "stock", "BIG STOCK PTE", "SG")
    _add_shipments(
        world,
        [
            ("sup", "stock", "2024-01-10", "854231", 164, "SG"),
            ("stock", "cn", "2024-02-20", "854231", 3192, "CN"),
        ],
    )
    assert "party:stock" not in _fired(world, "TRANSSHIPMENT_ROUTE")
