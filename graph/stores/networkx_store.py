"""The embedded store: the graph in memory, persisted to the workspace as Parquet.

Why not a ``networkx.MultiDiGraph`` inside: its dict-of-dict-of-dict layout is several times
slower to build and larger in memory than what the protocol needs. The store keeps, per kind,
one dict of records plus per-kind adjacency sets; :meth:`NetworkxStore.to_networkx` hands a
``MultiDiGraph`` to analytics that want networkx algorithms. The answers of this store are the
reference the Neo4j store is tested against.

Writes are all-or-nothing per call: rows are validated (and edge ends checked) before anything
changes. Nothing reaches disk until :meth:`flush`, which writes a new Parquet version atomically
(:mod:`graph.stores.parquet`); :meth:`close` does not flush, so a failed load that is abandoned
leaves the files of the previous graph as they were.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path as FsPath
from typing import Any

import networkx as nx
import pandas as pd

from chipwatch.errors import StoreError
from graph.gc_pause import collector_paused
from graph.holdings import held_mask
from graph.model import SYMMETRIC_EDGE_KINDS, Edge, EdgeKind, Node, NodeKind, Path, Subgraph
from graph.store import Direction
from graph.stores import parquet
from graph.stores.columns import ColumnRows, all_nonempty_str, as_list, clean_columns
from graph.stores.records import Records
from graph.stores.rows import (
    EDGE_RESERVED,
    NODE_RESERVED,
    check_hops,
    check_limit,
    dropped,
    edge_rows,
    edges_frame_from,
    ends_frame,
    fold_edges,
    fold_nodes,
    missing_ends_error,
    node_rows,
    nodes_frame_from,
    owned_names,
)

STORE = "networkx"
#: A path search that finds more than this many paths is refused rather than eating the memory.
MAX_PATHS = 500_000
#: paths(): how many target sets keep their hops-to-target map (one per kind of query, e.g.
#: listed / restricted / any); each map holds at most one entry per node.
DIST_CACHE_SIZE = 4

Ident = tuple[str, str, str, str]  # Edge.identity: (kind value, source, target, key)
Adjacency = dict[str, set[tuple[str, str]]]


def _bulk() -> AbstractContextManager[None]:
    """Pause the cyclic garbage collector while millions of small dicts are created.

    The records hold no reference cycles, and repeated collections over a growing heap cost
    more than the writes themselves (a loop of 1M inserts runs ~2x faster without them).
    """
    return collector_paused()


def _columns_frame(
    head: dict[str, list[str]], table: Records[Any], keys: list[Any], columns: Collection[str]
) -> pd.DataFrame | None:
    """A ``nodes_frame``/``edges_frame`` read column by column, without a dict per record.

    Columns still held as Arrow arrays (a reload or a bulk write) are gathered in C and handed to
    pandas as they are; the others are read record by record (:meth:`Records.column`). Asked for
    every column (``columns`` empty), this works only while no record is a dict yet: the columns
    are then exactly the loaded ones (those with a value in some record, sorted, like
    ``nodes_frame_from``); otherwise None, and the caller reads the records.
    """
    positions = table.positions(keys)
    if columns:
        wanted = [c for c in columns if c not in head]
    elif positions is None:
        return None
    else:
        wanted = sorted(table.block()[0])
    data: dict[str, Any] = dict(head)
    for name in wanted:
        arrow = table.gather(name, positions) if positions is not None else None
        if arrow is None:
            values: Any = table.column(keys, name)
            if not columns and all(v is None for v in values):
                continue
            data[name] = values
        elif not columns and arrow.null_count == len(arrow):
            continue
        else:
            # pandas' own conversion: the same dtypes as from the Python values (str, float64
            # with NaN for absent numbers, object for booleans with gaps)
            data[name] = arrow.to_pandas()
    return pd.DataFrame(data, columns=list(data))


class NetworkxStore:
    """In-memory graph; ``directory`` (the workspace's ``graph/`` folder) makes it persistent."""

    name = STORE

    def __init__(self, directory: FsPath | None = None):
        self.directory = directory
        self._kind_of: dict[str, NodeKind] = {}
        self._nodes: dict[NodeKind, Records[str]] = {k: Records() for k in NodeKind}
        self._edges: dict[EdgeKind, Records[tuple[str, str, str]]] = {k: Records() for k in EdgeKind}
        self._out: dict[EdgeKind, Adjacency] = {k: {} for k in EdgeKind}
        self._in: dict[EdgeKind, Adjacency] = {k: {} for k in EdgeKind}
        self._adjacency_stale: set[EdgeKind] = set()
        #: paths(): hops-to-target maps of the last few target sets, kept across calls (_target_dist)
        self._dist_cache: dict[Any, tuple[dict[str, int], list[str], int, frozenset[str]]] = {}
        #: paths(as_of=…): the OWNS adjacency of the holdings that hold on a day, per day asked
        self._held: dict[str, tuple[Adjacency, Adjacency]] = {}
        #: per kind not modified since it was read (or flushed), the file that holds it: flush
        #: links it into the new version instead of writing it again
        self._files: dict[NodeKind | EdgeKind, FsPath] = {}
        if directory is not None:
            with _bulk():
                root = parquet.read_graph(directory, self._load_nodes, self._load_edges)
            self._remember_files(root)

    # --- loading -------------------------------------------------------------------------------

    def _remember_files(self, root: FsPath | None) -> None:
        self._files = {}
        if root is not None:
            kinds: list[NodeKind | EdgeKind] = [k for k in NodeKind if self._nodes[k]]
            kinds += [k for k in EdgeKind if self._edges[k]]
            self._files = {k: parquet.kind_file(root, k) for k in kinds}

    def _load_nodes(self, kind: NodeKind, ids: list[str], props: tuple[list[str], list[list[Any]]]) -> None:
        self._nodes[kind].load(ids, *props)
        self._kind_of.update(dict.fromkeys(ids, kind))

    def _load_edges(
        self,
        kind: EdgeKind,
        sources: list[str],
        targets: list[str],
        keys: list[str],
        props: tuple[list[str], list[list[Any]]],
    ) -> None:
        self._edges[kind].load(list(zip(sources, targets, keys, strict=True)), *props)
        self._adjacency_stale.add(kind)

    def _adjacency(self, kind: EdgeKind) -> tuple[Adjacency, Adjacency]:
        """Adjacency of one kind, (re)built in bulk after loads; kept up to date by later writes.

        Bulk loads skip it: building two sets per node while writing costs more than building
        them once, column by column, when the first query needs them.
        """
        if kind in self._adjacency_stale:
            out: Adjacency = {}
            inn: Adjacency = {}
            for s, t, k in self._edges[kind]:
                so = out.get(s)
                if so is None:
                    out[s] = {(t, k)}
                else:
                    so.add((t, k))
                ti = inn.get(t)
                if ti is None:
                    inn[t] = {(s, k)}
                else:
                    ti.add((s, k))
            self._out[kind], self._in[kind] = out, inn
            self._adjacency_stale.discard(kind)
        return self._out[kind], self._in[kind]

    # --- writes --------------------------------------------------------------------------------

    def upsert_nodes(
        self, kind: NodeKind, rows: Iterable[Mapping[str, Any]], *, owned: Collection[str] = ()
    ) -> int:
        owns = owned_names(owned, NODE_RESERVED, STORE)
        self._files.pop(kind, None)
        with _bulk():
            if isinstance(rows, ColumnRows):
                written = self._upsert_node_columns(kind, rows, owns)
                if written is not None:
                    return written
            return self._upsert_nodes(kind, rows, owns)

    def _upsert_node_columns(self, kind: NodeKind, rows: ColumnRows, owned: frozenset[str]) -> int | None:
        """Distinct, well-formed rows as columns, either all new (appended) or all known as this
        kind (merged): without a dict per row.

        None when the rows need the row-by-row path (repeated ids, a mix of new and known ones,
        odd values): that path then merges them or raises its usual error naming the row.
        """
        id_column = rows.column("id")
        if id_column is None or not rows.length:
            return None
        ids = as_list(id_column)
        if not all_nonempty_str(ids):
            return None
        fresh = dict.fromkeys(ids, kind)
        if len(fresh) != len(ids):
            return None
        table = self._nodes[kind]
        if self._kind_of.keys().isdisjoint(fresh):
            props = clean_columns(rows, NODE_RESERVED)
            if props is None:
                return None
            table.extend(ids, *props)
            self._kind_of.update(fresh)
            return rows.length
        if not table.rows.keys() >= fresh.keys():
            return None  # some new, some known (or of another kind): row by row
        props = clean_columns(rows, NODE_RESERVED)
        if props is None:
            return None
        # every id known as this kind: merged column by column, owned properties left out removed
        table.update(ids, *props, clear=owned)
        return rows.length

    def _upsert_nodes(self, kind: NodeKind, rows: Iterable[Mapping[str, Any]], owned: frozenset[str]) -> int:
        prepared = node_rows(kind, rows, STORE)
        kind_of = self._kind_of
        fresh = dict(prepared)  # C-level; shorter than ``prepared`` when an id repeats in the call
        known = fresh.keys() & kind_of.keys()
        clash = sorted((i, kind_of[i]) for i in known if kind_of[i] is not kind)
        if clash:
            node_id, other = clash[0]
            raise StoreError(
                f"node {node_id!r} exists as {other.value}, cannot write it as {kind.value} "
                f"({len(clash)} such rows); nothing was written",
                store=STORE,
            )
        table = self._nodes[kind]
        if not known and len(fresh) == len(prepared):
            # Bulk case (all ids new, none repeated): two dict updates instead of a loop.
            table.rows.update(fresh)
            kind_of.update(dict.fromkeys(fresh, kind))
            return len(prepared)
        # owned properties: a repeated id's rows folded first, then what the folded row leaves out removed
        for node_id, props in fold_nodes(prepared).items() if owned else prepared:
            current = table.get(node_id)
            if current is None:
                table.put(node_id, props)
                kind_of[node_id] = kind
            else:
                current.update(props)
                for name in dropped(props, owned):
                    current.pop(name, None)
        return len(prepared)

    def upsert_edges(
        self, kind: EdgeKind, rows: Iterable[Mapping[str, Any]], *, owned: Collection[str] = ()
    ) -> int:
        owns = owned_names(owned, EDGE_RESERVED, STORE)
        self._dist_cache.clear()
        self._held.clear()
        self._files.pop(kind, None)
        with _bulk():
            if isinstance(rows, ColumnRows):
                written = self._upsert_edge_columns(kind, rows)  # new edges only: nothing to remove
                if written is not None:
                    return written
            return self._upsert_edges(kind, rows, owns)

    def _upsert_edge_columns(self, kind: EdgeKind, rows: ColumnRows) -> int | None:
        """Edge counterpart of :meth:`_upsert_node_columns` (adjacency is rebuilt on first read)."""
        columns = [rows.column(name) for name in ("source", "target", "key")]
        n = rows.length
        if columns[0] is None or columns[1] is None or not n:
            return None
        sources, targets = as_list(columns[0]), as_list(columns[1])
        if not (all_nonempty_str(sources) and all_nonempty_str(targets)):
            return None
        keys = [""] * n if columns[2] is None else as_list(columns[2])
        if set(map(type, keys)) != {str}:
            return None
        table = self._edges[kind]
        if kind not in self._adjacency_stale and n <= len(table) // 4:
            return None  # a small write into a big table: keep the adjacency current row by row
        idents = list(zip(sources, targets, keys, strict=True))
        fresh = dict.fromkeys(idents)
        if len(fresh) != n or not table.rows.keys().isdisjoint(fresh):
            return None
        props = clean_columns(rows, EDGE_RESERVED)
        if props is None:
            return None
        ends = set(sources)
        ends.update(targets)
        missing = sorted(ends.difference(self._kind_of))
        if missing:
            raise missing_ends_error(kind, missing, len(missing), STORE)
        table.extend(idents, *props)
        self._adjacency_stale.add(kind)
        return n

    def _upsert_edges(self, kind: EdgeKind, rows: Iterable[Mapping[str, Any]], owned: frozenset[str]) -> int:
        prepared = edge_rows(kind, rows, STORE)
        kind_of = self._kind_of
        ends = {s for s, _, _, _ in prepared}
        ends.update([t for _, t, _, _ in prepared])
        missing = sorted(ends.difference(kind_of))
        if missing:
            raise missing_ends_error(kind, missing, len(missing), STORE)
        table = self._edges[kind]
        if kind in self._adjacency_stale or len(prepared) > len(table) // 4:
            self._adjacency_stale.add(kind)
            fresh = {(s, t, k): p for s, t, k, p in prepared}
            if len(fresh) == len(prepared) and table.rows.keys().isdisjoint(fresh):
                table.rows.update(fresh)  # bulk case: every identity new and none repeated
                return len(prepared)
            for ident, props in self._folded(prepared, owned):
                current = table.get(ident)
                if current is None:
                    table.put(ident, props)
                else:
                    current.update(props)
                    for name in dropped(props, owned):
                        current.pop(name, None)
            return len(prepared)
        out, inn = self._out[kind], self._in[kind]
        for ident, props in self._folded(prepared, owned):
            s, t, k = ident
            current = table.get(ident)
            if current is not None:
                current.update(props)
                for name in dropped(props, owned):
                    current.pop(name, None)
                continue
            table.put(ident, props)
            out.setdefault(s, set()).add((t, k))
            inn.setdefault(t, set()).add((s, k))
        return len(prepared)

    @staticmethod
    def _folded(
        prepared: list[tuple[str, str, str, dict]], owned: frozenset[str]
    ) -> Iterable[tuple[tuple[str, str, str], dict]]:
        """(identity, props) per row; with owned properties a repeated identity's rows folded
        first (as Neo4j writes them), so what the folded row leaves out is what is removed."""
        if owned:
            return fold_edges(prepared).items()
        return (((s, t, k), p) for s, t, k, p in prepared)

    def delete_edges(self, kind: EdgeKind, identities: Iterable[tuple[str, str, str]]) -> int:
        self._dist_cache.clear()
        self._held.clear()
        self._files.pop(kind, None)
        table = self._edges[kind]
        if kind in self._adjacency_stale:
            # not built since the last load: the first query builds it from what is left
            return sum(table.pop((s, t, k)) for s, t, k in identities)
        out, inn = self._adjacency(kind)
        deleted = 0
        for s, t, k in identities:
            if not table.pop((s, t, k)):
                continue
            deleted += 1
            out[s].discard((t, k))
            if not out[s]:
                del out[s]
            inn[t].discard((s, k))
            if not inn[t]:
                del inn[t]
        return deleted

    def delete_nodes(self, kind: NodeKind, ids: Iterable[str]) -> int:
        """Delete nodes of ``kind`` and every edge touching them (an extension of the protocol)."""
        table = self._nodes[kind]
        self._files.pop(kind, None)
        deleted = 0
        for node_id in ids:
            if node_id not in table:
                continue
            for ekind in EdgeKind:
                out, inn = self._adjacency(ekind)
                touching = [(node_id, t, k) for t, k in out.get(node_id, ())]
                touching += [(s, node_id, k) for s, k in inn.get(node_id, ())]
                self.delete_edges(ekind, set(touching))
            table.pop(node_id)
            del self._kind_of[node_id]
            deleted += 1
        return deleted

    def clear(self) -> None:
        self._dist_cache.clear()
        self._held.clear()
        self._files.clear()
        self._kind_of.clear()
        for kind in NodeKind:
            self._nodes[kind].clear()
        for ekind in EdgeKind:
            self._edges[ekind].clear()
            self._out[ekind].clear()
            self._in[ekind].clear()
        self._adjacency_stale.clear()

    def flush(self) -> None:
        if self.directory is not None:
            root = parquet.write_graph(self.directory, self._nodes, self._edges, self._files)
            self._remember_files(root)

    def close(self) -> None:
        """Release memory. Does not flush: unflushed writes are dropped (see the module doc)."""
        self.clear()

    # --- reads ---------------------------------------------------------------------------------

    def node(self, node_id: str) -> Node | None:
        kind = self._kind_of.get(node_id)
        if kind is None:
            return None
        return Node(node_id, kind, dict(self._nodes[kind][node_id]))

    def nodes_by_id(self, node_ids: Iterable[str]) -> dict[str, Node]:
        out: dict[str, Node] = {}
        for node_id in sorted(set(node_ids)):
            kind = self._kind_of.get(node_id)
            if kind is not None:
                out[node_id] = Node(node_id, kind, dict(self._nodes[kind][node_id]))
        return out

    def nodes(self, kind: NodeKind) -> Iterator[Node]:
        table = self._nodes[kind]
        for node_id in sorted(table):
            yield Node(node_id, kind, dict(table[node_id]))

    def _edge(self, kind: EdgeKind, s: str, t: str, k: str) -> Edge:
        return Edge(s, t, kind, k, dict(self._edges[kind][(s, t, k)]))

    def neighbours(
        self, node_id: str, kinds: Collection[EdgeKind] = (), direction: Direction = "both"
    ) -> list[Edge]:
        """Edges touching ``node_id``; ``direction="out"`` keeps outgoing ones plus symmetric kinds."""
        found: set[Ident] = set()
        for kind in kinds or EdgeKind:
            out, inn = self._adjacency(kind)
            found.update((kind.value, node_id, t, k) for t, k in out.get(node_id, ()))
            if direction == "both" or kind in SYMMETRIC_EDGE_KINDS:
                found.update((kind.value, s, node_id, k) for s, k in inn.get(node_id, ()))
        return [self._edge(EdgeKind(i[0]), i[1], i[2], i[3]) for i in sorted(found)]

    def neighbours_of(
        self, node_ids: Iterable[str], kinds: Collection[EdgeKind] = (), direction: Direction = "both"
    ) -> dict[str, list[Edge]]:
        return {n: self.neighbours(n, kinds, direction) for n in sorted(set(node_ids)) if n in self._kind_of}

    def _plan(
        self, kinds: Collection[EdgeKind], direction: Direction, as_of: str | None = None
    ) -> list[tuple[EdgeKind, Adjacency, Adjacency, bool]]:
        return [
            (
                k,
                *(self._held_adjacency(as_of) if k is EdgeKind.OWNS and as_of else self._adjacency(k)),
                direction == "both" or k in SYMMETRIC_EDGE_KINDS,
            )
            for k in sorted(set(kinds) or set(EdgeKind))
        ]

    def _held_adjacency(self, day: str) -> tuple[Adjacency, Adjacency]:
        """The OWNS adjacency without the holdings that do not hold on ``day``
        (:func:`graph.holdings.held_mask`: ended before it, begun after it, inactive): a path
        search as of a day does not walk a stake that was not current then. Kept per day until
        the next edge write; the full adjacency itself when every holding holds."""
        got = self._held.get(day)
        if got is None:
            out, inn = self._adjacency(EdgeKind.OWNS)
            table = self._edges[EdgeKind.OWNS]
            keys = list(table)
            periods = pd.DataFrame({c: table.column(keys, c) for c in ("status", "start_date", "end_date")})
            gone = [key for key, held in zip(keys, held_mask(periods, day), strict=True) if not held]
            if gone:
                out = {s: set(ends) for s, ends in out.items()}
                inn = {t: set(ends) for t, ends in inn.items()}
                for s, t, k in gone:
                    out[s].discard((t, k))
                    inn[t].discard((s, k))
            got = self._held[day] = (out, inn)
            while len(self._held) > DIST_CACHE_SIZE:  # a few days at most (dicts keep insertion order)
                del self._held[next(iter(self._held))]
        return got

    @staticmethod
    def _steps(
        node: str, plan: list[tuple[EdgeKind, Adjacency, Adjacency, bool]], reverse: bool = False
    ) -> Iterator[tuple[str, Ident]]:
        """(next node, edge identity) for each way to leave ``node`` (or, reversed, to reach it)."""
        for kind, out, inn, both in plan:
            forward, backward = (inn, out) if reverse else (out, inn)
            for other, k in forward.get(node, ()):
                yield other, ((kind.value, other, node, k) if reverse else (kind.value, node, other, k))
            if both:
                for other, k in backward.get(node, ()):
                    yield other, ((kind.value, node, other, k) if reverse else (kind.value, other, node, k))

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
        max_hops = check_hops(max_hops, "max_hops", STORE)
        limit = check_limit(limit, STORE)
        with _bulk():
            plan = self._plan(edge_kinds, direction, as_of)
        # A target that is not a node is never reached, so the set needs no filtering; a caller's
        # frozenset is used as is (and then identifies the cached distances in O(1)).
        target_set = targets if isinstance(targets, frozenset) else frozenset(targets)
        dist = self._target_dist(target_set, plan, max_hops, as_of)
        found: list[tuple[int, tuple[str, ...], tuple[Ident, ...]]] = []
        steps = self._steps

        def walk(node: str, budget: int, nodes: list[str], edges: list[Ident], seen: set[str]) -> None:
            """Every path of exactly ``budget`` more hops from ``node`` to a target."""
            for nxt_node, ident in steps(node, plan):
                if nxt_node in seen or dist.get(nxt_node, max_hops + 1) > budget - 1:
                    continue
                nodes.append(nxt_node)
                edges.append(ident)
                if budget == 1 and nxt_node in target_set:
                    found.append((len(edges), tuple(nodes), tuple(edges)))
                    if len(found) > MAX_PATHS:
                        raise StoreError(
                            f"more than {MAX_PATHS} paths within {max_hops} hops; "
                            "lower max_hops or restrict edge_kinds",
                            store=STORE,
                        )
                if budget > 1:
                    seen.add(nxt_node)
                    walk(nxt_node, budget - 1, nodes, edges, seen)
                    seen.discard(nxt_node)
                nodes.pop()
                edges.pop()

        # One depth at a time, fewest hops first: the answer is sorted by hops, so once ``limit``
        # paths are found no longer path can be in it, and a hub a few hops further away (whose
        # onward paths would be walked and sorted for nothing) is never expanded. Each depth walks
        # the shorter prefixes again, which costs little next to the depth after it.
        starts = [s for s in sorted(set(sources)) if s in self._kind_of]
        for depth in range(1, max_hops + 1):
            if len(found) >= limit:
                break
            for source in starts:
                if dist.get(source, max_hops + 1) <= depth:
                    walk(source, depth, [source], [], {source})
        found.sort()
        made: dict[Ident, Edge] = {}  # one Edge per identity: the same edges recur in many paths

        def edge(i: Ident) -> Edge:
            e = made.get(i)
            if e is None:
                e = made[i] = self._edge(EdgeKind(i[0]), i[1], i[2], i[3])
            return e

        return [Path(nodes, tuple(edge(i) for i in idents)) for _, nodes, idents in found[:limit]]

    def _target_dist(
        self,
        target_set: frozenset[str],
        plan: list[tuple[EdgeKind, Adjacency, Adjacency, bool]],
        max_hops: int,
        as_of: str | None = None,
    ) -> dict[str, int]:
        """Hops from each node to the nearest target (reverse BFS), to prune every branch that
        cannot reach a target within the hops left. The map depends only on the targets and the
        edges, so it is kept for the next call with the same targets and extended when that call
        asks for more hops: repeated queries (one per supplier, deepening one hop at a time) then
        cost their own walk, not a BFS over the whole graph each. Any edge write drops it."""
        # keyed by the set object's identity: hashing or comparing 100,000 ids per query would cost
        # what the cache saves; the set is kept in the value so the id cannot be reused meanwhile
        # the day too: the edges walked as of a day are the holdings that hold on it
        key = (id(target_set), tuple((k, both) for k, _, _, both in plan), as_of)
        cached = self._dist_cache.pop(key, None)
        if cached is not None and cached[3] is target_set:
            dist, frontier, depth, _ = cached
        else:
            dist, frontier, depth = dict.fromkeys(target_set, 0), list(target_set), 0
        for d in range(depth + 1, max_hops + 1):
            nxt = []
            for node in frontier:
                for prev, _ in self._steps(node, plan, reverse=True):
                    if prev not in dist:
                        dist[prev] = d
                        nxt.append(prev)
            frontier = nxt
        self._dist_cache[key] = (dist, frontier, max(depth, max_hops), target_set)
        while len(self._dist_cache) > DIST_CACHE_SIZE:  # oldest first (dicts keep insertion order)
            del self._dist_cache[next(iter(self._dist_cache))]
        return dist

    def subgraph(
        self, node_id: str, *, hops: int = 1, edge_kinds: Collection[EdgeKind] = (), limit: int = 500
    ) -> Subgraph:
        hops = check_hops(hops, "hops", STORE, minimum=0)
        limit = check_limit(limit, STORE)
        if node_id not in self._kind_of:
            return Subgraph((), ())
        plan = self._plan(edge_kinds, "both")
        dist = {node_id: 0}
        frontier = [node_id]
        for d in range(1, hops + 1):
            if len(dist) >= limit:
                break  # every node of the next ring sorts after the ones we already have
            nxt = []
            for node in frontier:
                for other, _ in self._steps(node, plan):
                    if other not in dist:
                        dist[other] = d
                        nxt.append(other)
            frontier = nxt
        chosen = sorted(dist, key=lambda n: (dist[n], n))[:limit]
        keep = set(chosen)
        idents = sorted(
            {
                (kind.value, s, t, k)
                for s in chosen
                for kind, out, _, _ in plan
                for t, k in out.get(s, ())
                if t in keep
            }
        )
        return Subgraph(
            tuple(Node(n, self._kind_of[n], dict(self._nodes[self._kind_of[n]][n])) for n in chosen),
            tuple(self._edge(EdgeKind(i[0]), i[1], i[2], i[3]) for i in idents),
        )

    def nodes_frame(self, kind: NodeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        table = self._nodes[kind]
        ids = sorted(table)
        frame = _columns_frame({"id": ids}, table, ids, columns)
        if frame is not None:
            return frame
        return nodes_frame_from(ids, [table[i] for i in ids], columns)

    def edges_frame(self, kind: EdgeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        table = self._edges[kind]
        idents = sorted(table)
        head = {
            "source": [i[0] for i in idents],
            "target": [i[1] for i in idents],
            "key": [i[2] for i in idents],
        }
        frame = _columns_frame(head, table, idents, columns)
        if frame is not None:
            return frame
        props = [table[i] for i in idents]
        return edges_frame_from(head["source"], head["target"], head["key"], props, columns)

    def edge_ends(self, kind: EdgeKind, source_kinds: Collection[NodeKind] = ()) -> pd.DataFrame:
        idents: list[tuple[str, str, str]] = list(self._edges[kind])
        if source_kinds:
            kind_of = self._kind_of
            wanted = {NodeKind(k) for k in source_kinds}
            idents = [i for i in idents if kind_of.get(i[0]) in wanted]
        return ends_frame(idents)

    def counts(self) -> dict[str, int]:
        out = {k.value: len(self._nodes[k]) for k in NodeKind}
        out.update({k.value: len(self._edges[k]) for k in EdgeKind})
        return out

    # --- extensions ----------------------------------------------------------------------------

    def to_networkx(self, edge_kinds: Collection[EdgeKind] = ()) -> nx.MultiDiGraph:
        """A ``MultiDiGraph`` copy (node attr ``kind``; edge key ``(kind, key)``) for analytics."""
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((n, {"kind": k.value}) for n, k in self._kind_of.items())
        for kind in sorted(set(edge_kinds) or set(EdgeKind)):
            table = self._edges[kind]
            graph.add_edges_from(
                (s, t, (kind.value, k), {"kind": kind.value, **table[(s, t, k)]}) for s, t, k in table
            )
        return graph
