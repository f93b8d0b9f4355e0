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
