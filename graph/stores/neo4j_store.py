"""The Neo4j store: the official driver over Bolt; every Cypher text comes from :mod:`cypher`.

Writes: one ``upsert_*`` call is one managed write transaction (``session.execute_write``) that
runs ``UNWIND $rows`` batches of :attr:`Neo4jStore.batch_size` rows, so a call either lands
whole or not at all: an edge whose end node is missing, a refused value or a server that dies
mid-load rolls the transaction back and leaves the previous graph as it was. A call whose
estimated transaction memory passes :attr:`Neo4jStore.max_tx_bytes` is split into several such
transactions (each all-or-nothing; a failure leaves the earlier ones committed), so one call
cannot exhaust the server's transaction memory: the bound is a share of the server's own limits
(``db.memory.transaction.max``, ``dbms.memory.transaction.total.max``) read at open, and the
estimate counts rows, properties and characters (:mod:`graph.stores.tx_size`), because a fixed row
count that suits four-property rows overflows with 24-property shipments.

Inside the transaction one read (for all its rows at once) finds which rows are new: nodes whose id
does not exist and edges whose source has no edge of that kind yet are CREATEd, the rest updated /
MERGEd. CREATE skips MERGE's lock-and-recheck and was the larger part of the bulk-load speed-up
(see benchmarks/store_bench.py). Repeated rows of one call are folded first (later values win), as
the MERGE they replace would have done. One transaction per call, rather than one per batch, was
kept by measurement: per-batch commits were not faster, and they would leave a failed call
half-written.

The client's work is hidden behind the server's where the order allows (:meth:`Neo4jStore._upsert`):
- the read is sent first, with the ids taken from the raw rows, and the rows are checked, folded
  and cut into transactions while the server executes it (a refused row rolls the transaction
  back: every row is still checked before anything commits);
- the write batches are pipelined (:func:`_pipelined`): each ``tx.run`` returns once the server
  has planned the statement, so this process builds and packs batch i+1 while the server executes
  batch i, instead of the two taking turns.

Speed (issue 2 asks 50k nodes+edges/s on the 2-core machine; figures from store_bench.py and
neo4j_ceiling.py, which a reviewer can re-run):
- An edge call's read resolves every source and target id once to its elementId, and the writes
  find their ends by elementId (a direct record lookup) rather than by two index seeks per edge;
  edge rows travel as lists, node rows as the bare property map. Both reads answer with ONE
  collected record: one Bolt record per row had cost the client ~40 us CPU per edge row, now ~16.
- Edge ends by elementId from one read per call, or resolved inside the write by two index seeks
  per row (no read): per 100k-edge call (second, warm round; 2 cores shared with other work) the
  read + pipelined elementId writes took 1.15-1.34 s inside the transaction with 2.3-2.9 s of
  JVM CPU, the index seeks 1.29-1.61 s with 3.4-3.7 s (per-batch reads, one at a time, as
  before: 1.9-2.0 s), so the read stayed.
- store_bench.py --nodes 100000 --store neo4j --runs 3 (under the benchmark lock, others' unlocked
  work running, load 1.2-2.8): before the read-first and pipelined writes, medians 25,305, 30,952,
  34,353 rows/s; after, 36,071, 28,521, 29,009, 30,397, 42,844. What a warm call spends (100k
  rows): nodes ~1.0 s in the transaction + ~0.9 s commit, each edge kind ~1.4-1.75 s + ~0.87 s.
- With the local server's collector change (:data:`chipwatch.neo4j_launcher.JVM_OPTIONS`: the
  throughput collector, a fixed 2 GB heap, transaction state off-heap; young-collection pauses of
  a 400k-row load ~4.4 s -> ~1.5 s), store_bench on a quiet machine gave medians 41,756 and
  42,064 rows/s (warm runs 41.8-44.2k; the first run of each is the JVM's warm-up), against
  33,983 for the code before this and G1.
- What is left is the commit: ~0.8 s per 100k rows even for a schema-less ``UNWIND CREATE`` (the
  bare ceiling, benchmarks/neo4j_ceiling.py: ~60k rows/s on this machine with one transaction per
  call), ~3.3 s of the 8 s that 50k rows/s allows for store_bench's 400k rows. Java Flight
  Recorder splits it into turning transaction state into records (~42 %), applying them to the
  store and indexes (~45 %, index updates ~20 %), the log (~7 %) and lock release (~5 %).
- Kept as they were, after measuring: the RANGE index on ``:Node(id)`` (edge ends have no known
  kind, and it cost ~0 us of JVM CPU per new node next to the per-kind uniqueness constraint at
  ~+10-20 us and the eventually consistent full-text index at ~+8 us); the default token lookup
  indexes, batch size 10,000 (20,000 was within the noise), the transaction log and checkpoint
  settings.
- Not tried: several transactions in parallel, which could overlap one commit with the next
  transaction's work. Creating an edge locks its end nodes until commit, so two transactions over
  random edges of one graph would wait on each other, and it would end "one call, one
  transaction" below the size bound.

First loads: :meth:`Neo4jStore.bulk_load` writes a whole first load into the empty database of the
workspace's own server with Neo4j's offline importer instead (:mod:`graph.stores.neo4j_import`):
the ceiling above is the transactional path's, not the importer's.

Errors: every driver error is re-raised as :class:`StoreError` (or :class:`Neo4jAuthError`)
naming the server and the statement, never the password.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit, urlunsplit

import neo4j
import pandas as pd
from neo4j.exceptions import AuthError, ConstraintError, DriverError, Neo4jError, ServiceUnavailable

from chipwatch.errors import Neo4jAuthError, StoreError
from chipwatch.settings import Secret, Settings
from graph.holdings import INACTIVE
from graph.model import SYMMETRIC_EDGE_KINDS, Edge, EdgeKind, Node, NodeKind, Path, Subgraph
from graph.store import Direction
from graph.stores import cypher, tx_size
from graph.stores.columns import ColumnRows
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
    present_strings,
)

log = logging.getLogger(__name__)
STORE = "neo4j"
T = TypeVar("T")
K = TypeVar("K")
#: A row of a write: its key (node id, or edge source, target, key) and its checked properties.
_Row = tuple[K, dict[str, Any]]
_NodeRow = tuple[str, dict[str, Any]]
_EdgeRow = tuple[tuple[str, str, str], dict[str, Any]]
#: See :meth:`Neo4jStore.bulk_load`. Stopping the server, importing and starting it again costs
#: ~50 s on the 2-core machine (restart, JIT warm-up, index creation), which transactional
#: writes of this many rows also take (~10k rows/s).
BULK_MIN_ROWS = 500_000
_SYMMETRIC = sorted(k.value for k in SYMMETRIC_EDGE_KINDS)


class _MissingEnds(Exception):
    """Raised inside a write transaction to roll it back (not a driver error: never retried)."""

    def __init__(self, missing: list[str]):
        self.missing = missing


class _KindClash(Exception):
    """Raised inside a write transaction: some ids exist under another kind (rolls it back)."""

    def __init__(self, clashes: list[dict[str, Any]]):
        self.clashes = clashes


def _public_uri(uri: str) -> str:
    """``uri`` without any user:password@ part."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def _kind_of(labels: Iterable[str]) -> NodeKind:
    for name in labels:
        if name != cypher.NODE_LABEL:
            return NodeKind(name)
    raise StoreError(f"node without a kind label: {sorted(labels)}", store=STORE)


def _outcome(done: int, total: int, nothing: str = "nothing of this call was written") -> str:
    """What a call that failed after ``done`` of its ``total`` rows left behind."""
    if not done:
        return nothing
    return (
        f"nothing of the failing transaction was written, but this call was larger than one "
        f"transaction (max_tx_bytes) and its first {done:,} of {total:,} rows, written by earlier "
        "transactions, stay committed"
    )


def _partial(exc: StoreError, done: int, total: int) -> StoreError:
    """``exc`` saying that earlier transactions of the call committed ``done`` rows."""
    return StoreError(f"{str(exc).removeprefix(f'[{STORE}] ')}\n  ({_outcome(done, total)})", store=STORE)


@dataclass
class _Call(Generic[K]):
    """One upsert call: its rows (key, properties) cut into transactions, and how far it got."""

    chunks: list[list[_Row[K]]] = field(default_factory=list)
    #: Rows given (before repeated ones were folded): what the call returns.
    rows: int = 0
    #: Transactions (chunks) committed so far.
    committed: int = 0

    @property
    def done(self) -> int:
        """Rows of the committed transactions."""
        return sum(len(chunk) for chunk in self.chunks[: self.committed])


def _reiterable(rows: Iterable[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]] | ColumnRows:
    """``rows`` as something that can be read twice (a lookup of the raw ids, then the checks)."""
    return rows if isinstance(rows, list | tuple | ColumnRows) else list(rows)


def _ends_of(chunk: list[_EdgeRow]) -> set[str]:
    return {x for (source, target, _), _ in chunk for x in (source, target)}


def _pipelined(tx: neo4j.ManagedTransaction, statements: Iterable[tuple[str, list[Any]]]) -> int:
    """Run each ``(query, rows)`` in ``tx`` before reading the answers of the earlier ones; the
    sum of their ``written`` counts.

    ``tx.run`` returns once the server has started the statement (Bolt RUN answered, PULL sent),
    and the server answers a connection's messages in order: so while it executes one batch,
    this process already builds and packs the next, instead of the two waiting on each other.
    A failing statement still fails the transaction (its error surfaces at the next read).
    """
    pending = [tx.run(query, rows=rows) for query, rows in statements]
    return sum(int(result.single(strict=True)["written"]) for result in pending)


def _removing(props: dict[str, Any], owned: frozenset[str]) -> dict[str, Any]:
    """``props`` for a MERGE of an existing node or edge, with ``null`` for each owned property
    it leaves out: ``SET n += $map`` removes a key the map sets to null (no property name in the
    statement's text, and no second statement)."""
    gone = dropped(props, owned)
    return {**props, **dict.fromkeys(gone)} if gone else props


def _edge(record: Mapping[str, Any]) -> Edge:
    props = dict(record["props"])
    props.pop("key", None)
    return Edge(record["source"], record["target"], EdgeKind(record["kind"]), record["key"] or "", props)


def _edge_of(kind: str, source: str, target: str, key: str | None, props: Mapping[str, Any]) -> Edge:
    """An edge from a ``[type, source id, target id, key, properties]`` list of a collected answer."""
    return Edge(source, target, EdgeKind(kind), key or "", {k: v for k, v in props.items() if k != "key"})


def _node(record: Mapping[str, Any]) -> Node:
    props = dict(record["props"])
    props.pop("id", None)
    return Node(record["id"], _kind_of(record["labels"]), props)


class Neo4jStore:
    name = STORE

    def __init__(
        self,
        uri: str,
        user: str,
        password: Secret,
        database: str = "neo4j",
        *,
        credentials_from: str = "CHIPWATCH_NEO4J_USER/CHIPWATCH_NEO4J_PASSWORD",
        batch_size: int = 10_000,
        max_tx_bytes: int | None = None,
        max_retry_time: float = 15.0,
        connection_timeout: float = 10.0,
        local_server: Settings | None = None,
        paths_timeout: float = 20.0,
    ):
        self.uri = _public_uri(uri)
        self.user = user
        self.database = database
        self.batch_size = batch_size
        #: Estimated transaction memory one write transaction may hold (see :mod:`tx_size`);
        #: None: derived from the server's limits once connected.
        self.max_tx_bytes = max_tx_bytes or tx_size.DEFAULT_BUDGET
        #: The workspace whose own local server this is (None: a server configured by URI); only
        #: then may a first load into an empty database use the offline importer (:meth:`bulk_load`).
        self.local_server = local_server
        #: Below this many rows a bulk load stays transactional: stopping, importing and starting
        #: the server costs more than it saves (see :meth:`bulk_load`).
        self.bulk_min_rows = BULK_MIN_ROWS
        #: Seconds the server may spend on one ``paths()`` query before refusing it (StoreError):
        #: the number of paths within the hop bound grows with the degree of every node on the
        #: way, and a caller (``graph.risk.paths``) then asks again with fewer hops.
        self.paths_timeout = paths_timeout
        self._password = password
        self._secrets = [x for x in (password.reveal(), urlsplit(uri).password) if x]
        self._credentials_from = credentials_from
        self._max_retry_time = max_retry_time
        self._connection_timeout = connection_timeout
        self._driver = self._connect(uri)
        try:
            with self._guard("verify connectivity"):
                self._driver.verify_connectivity()
            self.ensure_schema()
            if max_tx_bytes is None:
                self.max_tx_bytes = self._tx_budget()
        except BaseException:
            self._driver.close()
            raise

    def _connect(self, uri: str) -> neo4j.Driver:
        try:
            return neo4j.GraphDatabase.driver(
                uri,
                auth=(self.user, self._password.reveal()),
                max_transaction_retry_time=self._max_retry_time,
                connection_timeout=self._connection_timeout,
                connection_acquisition_timeout=self._connection_timeout * 2,
                # Reads of a kind nothing was written to yet ("relationship type does not exist")
                # are normal here; the server's notifications would only flood the log.
                notifications_min_severity="OFF",
            )
        except (DriverError, Neo4jError, ValueError) as exc:
            raise StoreError(f"cannot use Neo4j URI {self.uri}: {self._clean(exc)}", store=STORE) from exc

    def reconnect(self, uri: str) -> None:
        """A new driver for ``uri`` (same user and password): the local server restarted, maybe on
        another port."""
        self._driver.close()
        self.uri = _public_uri(uri)
        self._driver = self._connect(uri)

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (all ``IF NOT EXISTS``) and wait until they are online."""
        for statement in cypher.schema_statements():
            self._run(statement)
        self._run(cypher.AWAIT_INDEXES, seconds=300)

    @classmethod
    def from_settings(cls, settings: Settings, *, local_server: Settings | None = None) -> Neo4jStore:
        if not settings.neo4j_uri:
            raise StoreError(
                "no Neo4j to connect to: set CHIPWATCH_NEO4J_URI (with CHIPWATCH_NEO4J_USER and "
                "CHIPWATCH_NEO4J_PASSWORD), or run 'chipwatch neo4j start' for this workspace",
                store=STORE,
            )
        return cls(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
            credentials_from="CHIPWATCH_NEO4J_* settings or the workspace's neo4j/connection.json",
            local_server=local_server,
        )

    # --- driver plumbing -----------------------------------------------------------------------

    def _clean(self, exc: BaseException) -> str:
        text = f"{type(exc).__name__}: {exc}"
        for secret in self._secrets:
            text = text.replace(secret, "********")
        return text

    @contextmanager
    def _guard(self, query: str) -> Iterator[None]:
        """Re-raise driver errors as the project's own, with the statement and never the password."""
        try:
            yield
        except AuthError as exc:
            raise Neo4jAuthError(
                f"Neo4j at {self.uri} refused user {self.user!r}: wrong user name or password "
                f"(credentials from {self._credentials_from})",
                store=STORE,
            ) from exc
        except ServiceUnavailable as exc:
            raise StoreError(
                f"Neo4j at {self.uri} is unreachable or stopped answering ({self._clean(exc)}); "
                "nothing of the failed statement was committed",
                query=query,
                store=STORE,
            ) from exc
        except ConstraintError as exc:
            raise StoreError(
                f"Neo4j refused the write ({self._clean(exc)}); a node id may already exist under "
                "another kind. Nothing of the failing transaction was committed",
                query=query,
                store=STORE,
            ) from exc
        except (Neo4jError, DriverError, OSError) as exc:
            hint = ""
            if isinstance(exc, Neo4jError) and "MemoryPoolOutOfMemoryError" in (exc.code or ""):
                hint = (
                    f"; the transaction outgrew the server's memory limit (this store sizes them to "
                    f"{self.max_tx_bytes:,} estimated bytes: lower max_tx_bytes). Nothing of it was committed"
                )
            raise StoreError(
                f"Neo4j at {self.uri} failed: {self._clean(exc)}{hint}", query=query, store=STORE
            ) from exc

    def _run(self, query: str, /, **params: Any) -> list[dict[str, Any]]:
        """An auto-commit statement (schema, CLEAR)."""
        with self._guard(query), self._driver.session(database=self.database) as session:
            return [r.data() for r in session.run(query, params)]

    def _read(self, query: str, /, _timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        @neo4j.unit_of_work(timeout=_timeout)
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [r.data() for r in tx.run(query, params)]

        with self._guard(query), self._driver.session(database=self.database) as session:
            return session.execute_read(work)

    def _write(self, query: str, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        with self._guard(query), self._driver.session(database=self.database) as session:
            return session.execute_write(work)

    def _tx_budget(self) -> int:
        """The transaction budget from the server's memory limits, or the default if it won't say."""
        try:
            found = self._run(cypher.MEMORY_LIMITS, names=list(tx_size.LIMIT_SETTINGS))
        except StoreError as exc:  # e.g. a user without the privilege to SHOW SETTINGS
            log.info("Neo4j did not show its transaction memory limits (%s); assuming the defaults", exc)
            return tx_size.DEFAULT_BUDGET
        return tx_size.budget({r["name"]: str(r["value"]) for r in found})

    def _chunks(self, rows: list[_Row[K]]) -> list[list[_Row[K]]]:
        """``rows`` cut into transactions of at most :attr:`max_tx_bytes` estimated bytes each."""
        return list(tx_size.chunks(rows, itemgetter(1), self.max_tx_bytes))

    def _batches(self, rows: list[T]) -> Iterator[list[T]]:
        for start in range(0, len(rows), self.batch_size):
            yield rows[start : start + self.batch_size]

    # --- writes --------------------------------------------------------------------------------

    def _upsert(
        self,
        query: str,
        call: _Call[K],
        prepare: Callable[[], list[_Row[K]]],
        read: Callable[[neo4j.ManagedTransaction, list[_Row[K]] | None], neo4j.Result],
        write: Callable[[neo4j.ManagedTransaction, list[_Row[K]], neo4j.Result, bool], int],
    ) -> None:
        """Write one upsert call, one transaction per chunk of ``prepare()``'s rows (into ``call``).

        The first transaction starts ``read(tx, None)``, the lookup for the whole call built from
        the raw rows, BEFORE ``prepare()`` checks, folds and cuts them: ``tx.run`` returns once the
        server has planned the statement, so the server executes the lookup while this process
        prepares the rows, instead of idling through it. A row that fails the checks raises inside
        that transaction, which rolls back with nothing written: every row is still checked before
        anything commits. A later chunk (a call above the byte bound) reads ``read(tx, chunk)`` in
        its own transaction. ``write(tx, chunk, pending read, read was of this chunk alone)``
        returns the rows it wrote.
        """

        def first(tx: neo4j.ManagedTransaction) -> int:
            pending = read(tx, None)
            if not call.chunks:  # a retried transaction function keeps the rows checked before
                call.chunks = self._chunks(prepare())
            return write(tx, call.chunks[0], pending, len(call.chunks) == 1)

        def later(chunk: list[_Row[K]]) -> Callable[[neo4j.ManagedTransaction], int]:
            return lambda tx: write(tx, chunk, read(tx, chunk), True)

        self._write(query, first)
        call.committed = 1
        for chunk in call.chunks[1:]:
            self._write(query, later(chunk))
            call.committed += 1

    def upsert_nodes(
        self, kind: NodeKind, rows: Iterable[Mapping[str, Any]], *, owned: Collection[str] = ()
    ) -> int:
        owns = owned_names(owned, NODE_RESERVED, STORE)
        rows = _reiterable(rows)
        if not len(rows):
            return 0
        ids = present_strings(rows, ("id",))
        call: _Call[str] = _Call()

        def prepare() -> list[_NodeRow]:
            prepared = node_rows(kind, rows, STORE)
            call.rows = len(prepared)
            return list(fold_nodes(prepared).items())

        def read(tx: neo4j.ManagedTransaction, chunk: list[_NodeRow] | None) -> neo4j.Result:
            return tx.run(cypher.EXISTING_NODES, ids=ids if chunk is None else [i for i, _ in chunk])

        def write(
            tx: neo4j.ManagedTransaction, chunk: list[_NodeRow], found: neo4j.Result, alone: bool
        ) -> int:
            existing = self._existing(kind, found, None if alone else chunk)
            _pipelined(tx, self._node_statements(kind, chunk, existing, owns))
            return len(chunk)

        try:
            try:
                self._upsert(cypher.create_nodes(kind), call, prepare, read, write)
            except StoreError as exc:
                if not isinstance(exc.__cause__, ConstraintError):
                    raise
                # Another writer created some of these ids after our read: MERGE instead.
                for chunk in call.chunks[call.committed :]:
                    self._write(cypher.upsert_nodes(kind), self._merge_node_writes(kind, chunk, owns))
                    call.committed += 1
        except _KindClash as exc:
            first = exc.clashes[0]
            raise StoreError(
                f"node {first['id']!r} exists as {_kind_of(first['labels']).value}, cannot write it as "
                f"{kind.value} ({len(exc.clashes)} such rows); {_outcome(call.done, call.rows)}",
                store=STORE,
            ) from None
        except StoreError as exc:
            if call.done:
                raise _partial(exc, call.done, call.rows) from exc
            raise
        return call.rows

    @staticmethod
    def _existing(kind: NodeKind, found: neo4j.Result, chunk: list[_NodeRow] | None) -> set[str]:
        """The ids of an :data:`cypher.EXISTING_NODES` answer (those of ``chunk`` only, unless None)
        that exist (as ``kind``); :class:`_KindClash` if some exist as another kind."""
        labels = dict(found.single(strict=True)["found"])
        if chunk is not None:
            mine = {i for i, _ in chunk}
            labels = {i: ls for i, ls in labels.items() if i in mine}
        clashes = [{"id": i, "labels": ls} for i, ls in labels.items() if kind.value not in ls]
        if clashes:
            raise _KindClash(sorted(clashes, key=lambda c: c["id"]))
        return set(labels)

    def _node_statements(
        self, kind: NodeKind, chunk: list[_NodeRow], existing: set[str], owned: frozenset[str]
    ) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """Per batch, the new rows CREATEd and the others MERGEd, removing the ``owned`` properties
        they leave out (built one batch ahead of the server: see :func:`_pipelined`)."""
        create, merge = cypher.create_nodes(kind), cypher.upsert_nodes(kind)
        for batch in self._batches(chunk):
            fresh = []
            for node_id, props in batch:
                if node_id not in existing:
                    # ``props`` is this call's own copy (node_rows, fold_nodes): the id joins it in
                    # place instead of in a new dict per row (a later MERGE of it sets the same id).
                    props["id"] = node_id
                    fresh.append(props)
            if fresh:
                yield create, fresh
            old = (
                [{"id": i, "props": _removing(p, owned)} for i, p in batch if i in existing]
                if existing
                else []
            )
            if old:
                yield merge, old

    def _merge_node_writes(
        self, kind: NodeKind, chunk: list[_NodeRow], owned: frozenset[str]
    ) -> Callable[[neo4j.ManagedTransaction], None]:
        merge = cypher.upsert_nodes(kind)

        def run(tx: neo4j.ManagedTransaction) -> None:
            for batch in self._batches(chunk):
                self._existing(kind, tx.run(cypher.EXISTING_NODES, ids=[i for i, _ in batch]), None)
                tx.run(merge, rows=[{"id": i, "props": _removing(p, owned)} for i, p in batch]).consume()

        return run

    def upsert_edges(
        self, kind: EdgeKind, rows: Iterable[Mapping[str, Any]], *, owned: Collection[str] = ()
    ) -> int:
        owns = owned_names(owned, EDGE_RESERVED, STORE)
        rows = _reiterable(rows)
        if not len(rows):
            return 0
        ends = present_strings(rows, ("source", "target"))
        call: _Call[tuple[str, str, str]] = _Call()

        def prepare() -> list[_EdgeRow]:
            prepared = edge_rows(kind, rows, STORE)
            call.rows = len(prepared)
            return list(fold_edges(prepared).items())

        def read(tx: neo4j.ManagedTransaction, chunk: list[_EdgeRow] | None) -> neo4j.Result:
            ids = ends if chunk is None else list(_ends_of(chunk))
            return tx.run(cypher.edge_ends(kind), ids=ids)

        def write(
            tx: neo4j.ManagedTransaction,
            chunk: list[_EdgeRow],
            pending: neo4j.Result,
            alone: bool,
        ) -> int:
            found = pending.single(strict=True)["found"]
            element = {f[0]: f[1] for f in found}
            # A one-transaction call read ``ends``, the raw strings every checked end is one of:
            # all of them found, no end is missing.
            whole = len(call.chunks) == 1 and len(element) == len(ends)
            needed = set(ends) if whole else _ends_of(chunk)
            if not needed <= element.keys():
                raise _MissingEnds(sorted(needed.difference(element)))
            bare = {f[0] for f in found if f[2]}
            written = _pipelined(tx, self._edge_statements(kind, chunk, element, bare, owns))
            if written < len(chunk):  # an end node deleted by another writer since the read
                raise _MissingEnds([r["id"] for r in tx.run(cypher.MISSING_NODES, ids=sorted(needed))])
            return written

        try:
            self._upsert(cypher.upsert_edges(kind), call, prepare, read, write)
        except _MissingEnds as exc:
            outcome = _outcome(call.done, call.rows, "nothing was written")
            raise missing_ends_error(kind, exc.missing, len(exc.missing), STORE, outcome) from None
        except StoreError as exc:
            if call.done:
                raise _partial(exc, call.done, call.rows) from exc
            raise
        return call.rows

    def _edge_statements(
        self,
        kind: EdgeKind,
        chunk: list[_EdgeRow],
        element: dict[str, str],
        bare: set[str],
        owned: frozenset[str],
    ) -> Iterator[tuple[str, list[list[Any]]]]:
        """Per batch, rows of ends by elementId: CREATE for a source that had no edge of ``kind``
        before the read (it cannot hold one of the chunk's edges: repeated rows are folded), MERGE
        for the rest, removing the ``owned`` properties they leave out. Built one batch ahead of
        the server (see :func:`_pipelined`)."""
        create, merge = cypher.create_edges(kind), cypher.upsert_edges(kind)
        for batch in self._batches(chunk):
            fresh: list[list[Any]] = []
            rest: list[list[Any]] = []
            for (s, t, k), p in batch:
                if s in bare:
                    fresh.append([element[s], element[t], k, p])
                else:
                    rest.append([element[s], element[t], k, _removing(p, owned)])
            if fresh:
                yield create, fresh
            if rest:
                yield merge, rest

    def bulk_load(
        self,
        nodes: dict[NodeKind, pd.DataFrame],
        edges: dict[EdgeKind, pd.DataFrame],
        *,
        starting: Callable[[], None] | None = None,
    ) -> dict[str, int] | None:
        """Load every kind at once with Neo4j's offline importer, if this is the first load into
        the empty database of this workspace's own server (:mod:`graph.stores.neo4j_import`).

        Returns rows per kind, as ``upsert_nodes``/``upsert_edges`` would, and empties ``nodes``
        and ``edges``; None (and leaves them) when the importer does not apply: a server configured
        by URI, another database than ``neo4j``, a database holding nodes, or fewer than
        :attr:`bulk_min_rows` rows. ``starting()`` is called once the importer is chosen.
        """
        from graph.stores import neo4j_import

        if self.local_server is None or self.database != neo4j_import.DATABASE:
            return None
        rows = sum(len(f) for f in nodes.values()) + sum(len(f) for f in edges.values())
        if rows < self.bulk_min_rows or self._run(cypher.ANY_NODE)[0]["any"]:
            return None
        if starting is not None:
            starting()
        return neo4j_import.bulk_load(self, self.local_server, nodes, edges)

    def set_node_props(self, kind: NodeKind, ids: list[str], props: Mapping[str, Any]) -> int:
        """Set the same ``props`` on existing nodes ``ids`` of ``kind``, one transaction; returns
        how many were found. For the bulk import's patches (e.g. a hundred thousand empty alias lists)."""
        query = cypher.set_node_props(kind)
        clean = dict(props)

        def run(tx: neo4j.ManagedTransaction) -> int:
            return sum(
                tx.run(query, ids=b, props=clean).single(strict=True)["written"] for b in self._batches(ids)
            )

        return self._write(query, run) if ids else 0

    def delete_edges(self, kind: EdgeKind, identities: Iterable[tuple[str, str, str]]) -> int:
        rows = [{"source": s, "target": t, "key": k} for s, t, k in sorted(set(identities))]
        query = cypher.delete_edges(kind)

        def run(tx: neo4j.ManagedTransaction) -> int:
            return sum(tx.run(query, rows=b).single(strict=True)["deleted"] for b in self._batches(rows))

        return self._write(query, run) if rows else 0

    def delete_nodes(self, kind: NodeKind, ids: Iterable[str]) -> int:
        """Delete nodes of ``kind`` and every edge touching them (an extension of the protocol)."""
        params = sorted(set(ids))
        query = cypher.delete_nodes(kind)

        def run(tx: neo4j.ManagedTransaction) -> int:
            return sum(tx.run(query, ids=b).single(strict=True)["deleted"] for b in self._batches(params))

        return self._write(query, run) if params else 0

    def clear(self) -> None:
        self._run(cypher.CLEAR)

    def flush(self) -> None:
        """Every call commits its own transaction, so there is nothing left to flush."""

    def close(self) -> None:
        self._driver.close()

    # --- reads ---------------------------------------------------------------------------------

    def node(self, node_id: str) -> Node | None:
        found = self._read(cypher.NODE, id=node_id)
        return _node(found[0]) if found else None

    def nodes_by_id(self, node_ids: Iterable[str]) -> dict[str, Node]:
        ids = sorted(set(node_ids))
        if not ids:
            return {}
        found = {r["id"]: _node(r) for r in self._read(cypher.NODES_BY_ID, ids=ids)}
        return {i: found[i] for i in sorted(found)}

    def nodes(self, kind: NodeKind) -> Iterator[Node]:
        records = self._read(cypher.nodes_of_kind(kind))
        for r in sorted(records, key=lambda r: r["id"]):
            props = dict(r["props"])
            props.pop("id", None)
            yield Node(r["id"], kind, props)

    def neighbours(
        self, node_id: str, kinds: Collection[EdgeKind] = (), direction: Direction = "both"
    ) -> list[Edge]:
        """Edges touching ``node_id``; ``direction="out"`` keeps outgoing ones plus symmetric kinds."""
        records = self._read(
            cypher.NEIGHBOURS,
            id=node_id,
            kinds=sorted(EdgeKind(k).value for k in kinds) or None,
            both=direction == "both",
            symmetric=_SYMMETRIC,
        )
        unique = {(r["kind"], r["source"], r["target"], r["key"] or ""): r for r in records}
        return [_edge(unique[i]) for i in sorted(unique)]

    def neighbours_of(
        self, node_ids: Iterable[str], kinds: Collection[EdgeKind] = (), direction: Direction = "both"
    ) -> dict[str, list[Edge]]:
        ids = sorted(set(node_ids))
        if not ids:
            return {}
        (record,) = self._read(
            cypher.NEIGHBOURS_OF,
            ids=ids,
            kinds=sorted(EdgeKind(k).value for k in kinds) or None,
            both=direction == "both",
            symmetric=_SYMMETRIC,
        )
        unique: dict[str, dict[tuple[str, str, str, str], Edge]] = {n: {} for n in record["nodes"]}
        for at, kind, source, target, key, props in record["found"]:
            edge = _edge_of(kind, source, target, key, props)
            unique[at][edge.identity] = edge
        return {n: [edges[i] for i in sorted(edges)] for n, edges in sorted(unique.items())}

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
        if not sources or not targets:
            return []
        query = cypher.paths(max_hops, edge_kinds, direction, held=bool(as_of))
        # the holding rule's values (graph.holdings), as parameters: used only with as_of
        held = {"day": as_of, "held_kind": EdgeKind.OWNS.value, "inactive": INACTIVE} if as_of else {}
        records = self._read(
            query,
            _timeout=self.paths_timeout,
            sources=sorted(set(sources)),
            targets=sorted(set(targets)),
            limit=limit,
            symmetric=_SYMMETRIC,
            **held,
        )
        (record,) = records
        edges = {e[0]: _edge_of(*e[1:]) for e in record["edges"]}
        found = [Path(tuple(ids), tuple(edges[r] for r in rels)) for ids, rels in record["found"]]
        # Cypher and Python order strings alike except around surrogates; the final order is Python's.
        return sorted(found, key=Path.sort_key)

    def subgraph(
        self, node_id: str, *, hops: int = 1, edge_kinds: Collection[EdgeKind] = (), limit: int = 500
    ) -> Subgraph:
        hops = check_hops(hops, "hops", STORE, minimum=0)
        limit = check_limit(limit, STORE)
        if self.node(node_id) is None:
            return Subgraph((), ())
        kinds = sorted(EdgeKind(k).value for k in edge_kinds) or None
        dist = {node_id: 0}
        frontier = [node_id]
        for d in range(1, hops + 1):
            if len(dist) >= limit or not frontier:
                break  # every node of the next ring sorts after the ones we already have
            reached = self._read(cypher.EXPAND, frontier=frontier, kinds=kinds)
            frontier = sorted({r["id"] for r in reached} - dist.keys())
            dist.update(dict.fromkeys(frontier, d))
        chosen = sorted(dist, key=lambda n: (dist[n], n))[:limit]
        nodes = {r["id"]: _node(r) for r in self._read(cypher.NODES_BY_ID, ids=chosen)}
        edges = [_edge(r) for r in self._read(cypher.EDGES_AMONG, ids=chosen, kinds=kinds)]
        unique = {e.identity: e for e in edges}
        return Subgraph(tuple(nodes[n] for n in chosen), tuple(unique[i] for i in sorted(unique)))

    def nodes_frame(self, kind: NodeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        records = sorted(self._read(cypher.nodes_of_kind(kind)), key=lambda r: r["id"])
        props = []
        for r in records:
            p = dict(r["props"])
            p.pop("id", None)
            props.append(p)
        return nodes_frame_from([r["id"] for r in records], props, columns)

    def edges_frame(self, kind: EdgeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        records = self._read(cypher.edges_of_kind(kind))
        records.sort(key=lambda r: (r["source"], r["target"], r["key"] or ""))
        props = []
        for r in records:
            p = dict(r["props"])
            p.pop("key", None)
            props.append(p)
        return edges_frame_from(
            [r["source"] for r in records],
            [r["target"] for r in records],
            [r["key"] or "" for r in records],
            props,
            columns,
        )

    def edge_ends(self, kind: EdgeKind, source_kinds: Collection[NodeKind] = ()) -> pd.DataFrame:
        query = cypher.edge_idents_of_kind(kind, source_kinds)

        def work(tx: neo4j.ManagedTransaction) -> list[tuple[str, str, str]]:
            # a tuple per edge as the records stream in, not a dict per record (_read): a million
            # edges of a kind are read at once
            return [(s, t, k or "") for s, t, k in tx.run(query)]

        with self._guard(query), self._driver.session(database=self.database) as session:
            return ends_frame(session.execute_read(work))

    def counts(self) -> dict[str, int]:
        out = {k.value: int(self._read(cypher.count_nodes(k))[0]["n"]) for k in NodeKind}
        out.update({k.value: int(self._read(cypher.count_edges(k))[0]["n"]) for k in EdgeKind})
        return out

    # --- extensions ----------------------------------------------------------------------------

    def search_names(self, query: str, limit: int = 20) -> list[tuple[str, float]]:
        """(node id, score) from the full-text index on ``name``/``aliases`` (Lucene query syntax)."""
        self._run(cypher.FULLTEXT_REFRESH)  # the index is eventually consistent: catch up first
        found = self._read(cypher.FULLTEXT_SEARCH, text=query, limit=limit)
        return [(r["id"], float(r["score"])) for r in found]
