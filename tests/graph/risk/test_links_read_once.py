"""The links a cluster walk follows are read once and kept, not read again on every walk.

The by-name owner links (:class:`graph.risk.joins.ByNameLinks`) read every company and list
entry: an entity report given the graph state's links, a path index's queries and an export
read them once. An export walks its indirect hits over the SAME_AS edges it already read
(:class:`graph.risk.joins.SameAsLinks`), not ring by ring from the store. The walks give the
same chains as the store's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

import pandas as pd

from graph.export.risk_list import build_risk_list
from graph.export.risk_table import RiskFilter
from graph.model import Edge, EdgeKind, NodeKind
from graph.risk.entity import entity_report
from graph.risk.frames import read_edges
from graph.risk.joins import SAME_AS_COLS, ByNameLinks, SameAsLinks, cluster_joins
from graph.risk.paths import PathIndex, diversion_paths
from graph.risk.reference import load_reference
from graph.risk.run import compute_risk_on
from graph.store import Direction, GraphStore
from graph.stores import NetworkxStore
from tests.graph.risk.conftest import BYNAME_OWNER, SCORED_AS_OF, build_world

ENTRY = "list:US_SDN:O1"  # the by-name owner's entry


class CountingStore(NetworkxStore):
    """The embedded store, counting its whole-table node reads (by kind) and its ring reads."""

    def __init__(self) -> None:
        super().__init__()
        self.frames: Counter[str] = Counter()
        self.rings = 0

    def nodes_frame(self, kind: NodeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        self.frames[kind.value] += 1
        return super().nodes_frame(kind, columns)

    def neighbours_of(
        self, node_ids: Iterable[str], kinds: Collection[EdgeKind] = (), direction: Direction = "both"
    ) -> dict[str, list[Edge]]:
        self.rings += 1
        return super().neighbours_of(node_ids, kinds, direction)


def _scored(store: GraphStore | None = None) -> GraphStore:
    store = build_world(store or NetworkxStore())
    compute_risk_on(store, SCORED_AS_OF)
    return store


def _entity_ids(store: GraphStore) -> list[str]:
    kinds = (NodeKind.COMPANY, NodeKind.TRADE_PARTY, NodeKind.LIST_ENTRY)
    return sorted(i for k in kinds for i in store.nodes_frame(k)["id"])


def test_walks_over_links_read_once_give_the_store_s_chains(scored: GraphStore) -> None:
    # an edge without score, method or reasons, and a rejected one, which joins nothing
    scored.upsert_edges(
        EdgeKind.SAME_AS,
        [
            {"source": "co:t:A", "target": "co:t:B", "decision": "confirmed"},
            {"source": "co:t:LEGIT", "target": "co:t:X", "score": 0.7, "decision": "rejected"},
        ],
    )
    byname = ByNameLinks(scored)
    same_as = SameAsLinks(read_edges(scored, EdgeKind.SAME_AS, SAME_AS_COLS))
    ids = _entity_ids(scored)
    walked = {n: cluster_joins(scored, n, byname=byname, same_as=same_as) for n in ids}
    assert walked == {n: cluster_joins(scored, n) for n in ids}
    assert walked[BYNAME_OWNER][ENTRY][0].link == "by-name owner link"
    assert "co:t:B" in walked["co:t:A"] and "co:t:X" not in walked["co:t:LEGIT"]


def test_reports_given_the_state_s_links_read_the_companies_and_entries_once() -> None:
    store = CountingStore()
    _scored(store)
    store.frames.clear()
    links = ByNameLinks(store)
    reports = [entity_report(store, q, links) for q in (BYNAME_OWNER, ENTRY, "co:t:OWNED", BYNAME_OWNER)]
    assert store.frames == Counter({NodeKind.COMPANY.value: 1, NodeKind.LIST_ENTRY.value: 1})
    assert reports[0] == reports[-1] == entity_report(_scored(), BYNAME_OWNER)
    assert [h["entry"] for h in reports[0].list_hits] == [ENTRY]


def test_path_queries_reuse_the_index_s_by_name_links() -> None:
    store = CountingStore()
    _scored(store)
    index = PathIndex.build(store, load_reference(SCORED_AS_OF))
    store.frames.clear()
    for to in ("listed", "any"):
        for source in (BYNAME_OWNER, "co:t:OWNED"):
            diversion_paths(index, source=source, to=to, as_of=SCORED_AS_OF)
    assert not store.frames  # neither the companies nor the list entries read again


def test_the_export_walks_its_indirect_hits_over_the_links_it_read() -> None:
    store = CountingStore()
    _scored(store)
    store.rings = 0
    entities = {e["id"]: e for e in build_risk_list(store, RiskFilter()).entities}
    assert store.rings == 0  # no SAME_AS ring read from the store
    [hit] = entities[BYNAME_OWNER]["list_hits"]  # found through its by-name owner link
    assert (hit["entry_id"], hit["match"]["method"]) == (ENTRY, "byname_exact")
    assert [(j["from"], j["to"]) for j in hit["match"]["chain"]] == [(BYNAME_OWNER, ENTRY)]


def test_a_by_name_owner_walks_alone_in_a_graph_without_list_entries() -> None:
    # (an ownership file read before any list: the empty entry table lost its columns)
    store = CountingStore()
    store.upsert_nodes(NodeKind.COMPANY, [{"id": BYNAME_OWNER, "name": "Omega Industries", "country": "IR"}])
    assert cluster_joins(store, BYNAME_OWNER) == {BYNAME_OWNER: []}


def test_a_walk_no_by_name_link_can_touch_reads_no_company_or_entry_table() -> None:
    # `chipwatch entity` reads its own links: a party with no by-name owner or listed entry in
    # its cluster must not pay for reading every company and list entry
    store = CountingStore()
    _scored(store)
    store.frames.clear()
    assert set(cluster_joins(store, "co:t:LEGIT")) == {"co:t:LEGIT", "party:legit"}
    assert not store.frames
