"""The one store protocol. Both implementations give the same answers; the contract
suite in ``tests/graph/test_store_contract.py`` runs against each.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, Literal, Protocol, runtime_checkable

import pandas as pd

from graph.model import Edge, EdgeKind, Node, NodeKind, Path, Subgraph

Direction = Literal["out", "both"]


@runtime_checkable
class GraphStore(Protocol):
    """A property graph of chipwatch records.

    Writes are upserts keyed on stable ids (nodes) and (kind, source, target, key) (edges):
    writing the same rows twice changes nothing. Properties given in a row replace those
    stored; properties not given are kept. A row property of ``None`` is ignored.

    ``owned``: the properties a writer that gives a node's (edge's) whole record owns — a list
    or company sync, whose source may empty a field in its next version. Each of them that a
    row leaves out (or gives as ``None``) is removed from the stored node (edge), so a fact the
    source no longer publishes does not linger; other properties (risk results …) keep the rule
    above. Rows repeating an id in one call are folded first (later values win), then cleared.
    Property names come from an allow-list in the writer's code, never from data.
    """

    name: str

    def upsert_nodes(
        self, kind: NodeKind, rows: Iterable[Mapping[str, Any]], *, owned: Collection[str] = ()
    ) -> int:
        """Insert or update nodes; each row has ``id`` and properties. Returns rows written."""
        ...

    def upsert_edges(
        self, kind: EdgeKind, rows: Iterable[Mapping[str, Any]], *, owned: Collection[str] = ()
    ) -> int:
        """Insert or update edges; each row has ``source``, ``target``, optional ``key``.

        Both end nodes must exist already; rows whose ends are missing are an error.
        """
        ...

    def node(self, node_id: str) -> Node | None: ...

    def nodes_by_id(self, node_ids: Iterable[str]) -> dict[str, Node]:
        """The nodes of ``node_ids`` (any kinds) in one read, keyed by id, in id order; ids that
        are not nodes are left out. One round trip on Neo4j instead of one ``node()`` per id.

        (Not ``nodes(ids)``: :meth:`nodes` already lists every node of one kind.)"""
        ...

    def nodes(self, kind: NodeKind) -> Iterator[Node]:
        """Every node of a kind, in id order."""
        ...

    def neighbours(
        self, node_id: str, kinds: Collection[EdgeKind] = (), direction: Direction = "both"
    ) -> list[Edge]:
        """Edges touching ``node_id`` (of the given kinds; all when empty), sorted by identity."""
        ...

    def neighbours_of(
        self, node_ids: Iterable[str], kinds: Collection[EdgeKind] = (), direction: Direction = "both"
    ) -> dict[str, list[Edge]]:
        """:meth:`neighbours` of many nodes in one read: for each id (in id order) that is a node,
        its edges as :meth:`neighbours` lists them."""
        ...

    def paths(
        self,
        sources: Collection[str],
        targets: Collection[str],
        *,
        max_hops: int,
        edge_kinds: Collection[EdgeKind] = (),
        direction: Direction = "out",
        limit: int = 1000,
        as_of: str | None = None,
    ) -> list[Path]:
        """Simple paths (no node twice) of 1..max_hops edges from any source to any target.

        With ``direction="out"`` edges are followed source→target except symmetric kinds
        (SAME_AS, RELATED_TO), which are walked both ways. Sorted by ``Path.sort_key`` and
        cut at ``limit``. With ``as_of`` (an ISO day) an OWNS edge that does not hold on that
        day (:func:`graph.holdings.not_held`: ended before it, begun after it, inactive) is not
        walked: a path as of a day goes only through the stakes current on it.
        """
        ...

    def subgraph(
        self, node_id: str, *, hops: int = 1, edge_kinds: Collection[EdgeKind] = (), limit: int = 500
    ) -> Subgraph:
        """Nodes within ``hops`` (either direction) of ``node_id`` and the edges among them.

        At most ``limit`` nodes, nearest first then by id; the centre always included.
        """
        ...

    def nodes_frame(self, kind: NodeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        """All nodes of a kind as a DataFrame with an ``id`` column plus properties."""
        ...

    def edges_frame(self, kind: EdgeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        """All edges of a kind with ``source``, ``target``, ``key`` columns plus properties."""
        ...

    def edge_ends(self, kind: EdgeKind, source_kinds: Collection[NodeKind] = ()) -> pd.DataFrame:
        """The (``source``, ``target``, ``key``) of every edge of a kind whose source node is of one
        of ``source_kinds`` (any kind when empty), without properties and in no particular order (a
        set: sorting a million edges costs more than the comparison it serves): what a writer that
        holds every edge of a kind from those nodes compares its rows with (the trade sync)."""
        ...

    def delete_edges(self, kind: EdgeKind, identities: Iterable[tuple[str, str, str]]) -> int:
        """Delete edges given as (source, target, key). Returns how many existed."""
        ...

    def counts(self) -> dict[str, int]:
        """Number of nodes per NodeKind value and edges per EdgeKind value (zeros included)."""
        ...

    def clear(self) -> None: ...

    def flush(self) -> None:
        """Make every write durable (networkx: write Parquet atomically; Neo4j: no-op)."""
        ...

    def close(self) -> None: ...
