"""Settings, the graph store and the workspace-derived tables the pages share.

Everything here is opened or computed once per server process and shared by all sessions, keyed by
the workspace's *state*: the embedded store's ``CURRENT`` manifest and the list tables' files.
When ``chipwatch ingest`` / ``resolve`` / ``risk`` rewrites them, the next page render reopens or
recomputes instead of serving the old graph. (Neo4j is live: its store is opened once.)
Cached frames are shared objects: pages filter them, never modify them in place.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd
import streamlit as st

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings, StoreKind, load_settings
from chipwatch.ui.search import NameIndex
from chipwatch.ui.search import name_index as build_name_index
from chipwatch.ui.tables import risk_frame
from graph.risk.joins import ByNameLinks
from graph.risk.paths import PathIndex
from graph.risk.staleness import state_stamp, warning
from graph.screening.index import ListIndex, build_index, load_entries
from graph.store import GraphStore
from graph.stores import open_store
from graph.stores.parquet import CURRENT, StoredColumns, VersionGone
from graph.sync_journal import behind_warning, require_synced
from graph.tables.lists import ListTables, list_table_path, load_list_tables, read_list_table

T = TypeVar("T")
LIST_TABLES = ("list_entries", "list_relations", "list_versions", "list_rejected", "list_diffs")


def settings() -> Settings:
    """The current settings (read from ``CHIPWATCH_*`` on every rerun; cheap)."""
    return load_settings()


def graph_stamp(s: Settings) -> str:
    """The stored graph's state: ``CURRENT``'s mtime and size (a write swaps the file atomically).

    Constant for Neo4j, whose store reads the live database.
    """
    if s.store is StoreKind.NEO4J:
        return "live"
    try:
        stat = (s.graph_dir / CURRENT).stat()
    except FileNotFoundError:
        return "empty"
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def tables_stamp(s: Settings, names: tuple[str, ...] = LIST_TABLES) -> str:
    """The list tables' state: each file's mtime and size (tables are replaced by a rename)."""
    parts = []
    for name in names:
        try:
            stat = list_table_path(s, name).stat()
        except FileNotFoundError:
            parts.append(f"{name}:-")
            continue
        parts.append(f"{name}:{stat.st_mtime_ns}:{stat.st_size}")
    return ";".join(parts)


#: How long a cache of what the graph holds is kept on Neo4j, whose :func:`graph_stamp` is
#: constant: a cache keyed by the stamp alone never sees a write (the Paths page kept the path
#: targets, and the name search the names, of the first render until the app restarted, where
#: networkx rebuilt them after the next write).
LIVE_TTL_S = 300


@dataclass
class _Opened:
    """The process's open store for one workspace and the graph state it was read at."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    store: GraphStore | None = None
    stamp: str = ""


@st.cache_resource(show_spinner=False)
def _opened(workspace: str, kind: str) -> _Opened:
    # Keyed by workspace and store kind only: credentials never become part of a cache key.
    return _Opened()


def store() -> GraphStore:
    """The workspace's store, shared by every session; reopened when the stored graph changed."""
    s = settings()
    require_synced(s)  # never show a half-written graph as if it were the whole one
    opened = _opened(str(s.workspace), s.store.value)
    stamp = graph_stamp(s)
    with opened.lock:  # one session opens it; the others wait instead of loading it again
        if opened.store is None or opened.stamp != stamp:
            with st.spinner("Opening the graph store…"):
                # The previous store is not closed: a session may still be reading it mid-run;
                # it is freed when the last reference goes.
                opened.store = open_store(s)
            opened.stamp = stamp
        return opened.store


def note_flushed(g: GraphStore) -> None:
    """The app flushed ``g`` itself: its memory already is the new state, so keep it open."""
    s = settings()
    opened = _opened(str(s.workspace), s.store.value)
    with opened.lock:
        if opened.store is g:
            opened.stamp = graph_stamp(s)


@st.cache_resource(show_spinner=False, max_entries=8)
def _stale_warnings(
    workspace: str, store_kind: str, stamp: str, has_results: bool
) -> tuple[str | None, str | None]:
    """(graph behind the tables, stale risk results) warnings for one state of the files they are
    computed from (the key): one check, one stamp for both."""
    s = settings()
    return behind_warning(s), warning(s, has_results=has_results)


def _warnings(has_results: bool) -> tuple[str | None, str | None]:
    s = settings()
    return _stale_warnings(str(s.workspace), s.store.value, state_stamp(s), has_results)


def warn_if_graph_behind() -> None:
    """A warning box when the graph is behind the tables (``chipwatch ingest … --no-graph`` since
    the last sync): what the page reads from the graph lacks those rows. Worked out again only when
    a file the check reads changes (:func:`state_stamp`)."""
    message = _warnings(True)[0]
    if message:
        st.warning(message, icon="⚠️")


def warn_if_risk_stale(*, has_results: bool = True) -> None:
    """A warning box when the stored risk results no longer follow from the workspace (a list,
    trade data, resolution or a review decision changed since ``chipwatch risk``), naming what
    changed. Worked out again only when a file the check reads changes (:func:`state_stamp`)."""
    message = _warnings(has_results)[1]
    if message:
        st.warning(message, icon="⚠️")


@contextmanager
def guarded() -> Iterator[None]:
    """Show a chipwatch error as a message (never a traceback) and stop the page."""
    try:
        yield
    except ChipwatchError as exc:
        st.error(str(exc))
        st.stop()


@st.cache_resource(show_spinner="Indexing path targets…", max_entries=2, ttl=LIVE_TTL_S)
def _path_index(_g: GraphStore, workspace: str, kind: str, stamp: str) -> PathIndex:
    return PathIndex.build(_g)


def path_index() -> PathIndex:
    """Targets and node facts for diversion paths, built once per state of the graph (and every
    five minutes on Neo4j, as the risk table is)."""
    g = store()
    s = settings()
    return _path_index(g, str(s.workspace), s.store.value, graph_stamp(s))


@st.cache_resource(show_spinner="Indexing names…", max_entries=2, ttl=LIVE_TTL_S)
def _name_index(_g: GraphStore, workspace: str, kind: str, stamp: str) -> NameIndex:
    return build_name_index(_g)


def name_index() -> NameIndex:
    """The folded names of every company, trade party and list entry, read once per graph state
    (and every five minutes on Neo4j)."""
    g = store()
    s = settings()
    return _name_index(g, str(s.workspace), s.store.value, graph_stamp(s))


@st.cache_resource(show_spinner=False, max_entries=2, ttl=LIVE_TTL_S)
def _by_name_links(_g: GraphStore, workspace: str, kind: str, stamp: str) -> ByNameLinks:
    return ByNameLinks(_g)


def by_name_links() -> ByNameLinks:
    """The by-name owner links an entity report walks, read on the first report of each graph state
    (and every five minutes on Neo4j): read per report, they cost every company and list entry
    (~150 ms on a 100k-company workspace) on each click."""
    g = store()
    s = settings()
    return _by_name_links(g, str(s.workspace), s.store.value, graph_stamp(s))


def display_name(g: GraphStore, node_id: str) -> str:
    """A node's name, or its id when the node is not in the graph."""
    node = g.node(node_id)
    return node.name if node is not None else node_id


# cache_resource, not cache_data: the frame is shared, not copied (a pickle round trip) per render.
@st.cache_resource(show_spinner=False, max_entries=2, ttl=LIVE_TTL_S)
def _risk_frame(_g: GraphStore, workspace: str, kind: str, stamp: str) -> pd.DataFrame:
    return risk_frame(_g)


#: Reads of the stored graph's files tried before giving up while writes keep replacing the version.
STORED_READ_TRIES = 3


def _stored(read: Callable[[StoredColumns], T]) -> T:
    """``read`` over the embedded store's current files, again when a write replaced them meanwhile."""
    s = settings()
    require_synced(s)  # never show a half-written graph as if it were the whole one
    for attempt in range(STORED_READ_TRIES):
        try:
            return read(StoredColumns(s.graph_dir))
        except VersionGone:
            if attempt == STORED_READ_TRIES - 1:
                raise
    raise AssertionError("unreachable")


@st.cache_resource(show_spinner="Reading the risk results…", max_entries=2)
def _stored_risk_frame(workspace: str, stamp: str) -> pd.DataFrame:
    return _stored(risk_frame)


def cached_risk_frame() -> pd.DataFrame:
    """The risk table, recomputed when the stored graph changes (and every five minutes on Neo4j).

    On the embedded store it is read from the graph's files, a few columns of three kinds, without
    opening the store: the Overview and Risk list pages need no more, and opening it (every kind,
    every property) made the first visit of a workspace wait for the whole graph."""
    s = settings()
    if s.store is not StoreKind.NEO4J:
        return _stored_risk_frame(str(s.workspace), graph_stamp(s))
    return _risk_frame(store(), str(s.workspace), s.store.value, graph_stamp(s))


@st.cache_resource(show_spinner=False, max_entries=2)
def _stored_counts(workspace: str, stamp: str) -> dict[str, int]:
    return _stored(lambda files: files.counts())


def graph_counts() -> dict[str, int]:
    """Nodes and edges per kind; on the embedded store from its manifest, without opening it."""
    s = settings()
    if s.store is not StoreKind.NEO4J:
        return _stored_counts(str(s.workspace), graph_stamp(s))
    return store().counts()


@st.cache_resource(show_spinner=False, max_entries=2, ttl=LIVE_TTL_S)
def _risk_flags(_frame: pd.DataFrame, workspace: str, kind: str, stamp: str) -> list[str]:
    return sorted({f for cell in _frame["flags"] for f in cell.split(", ") if f})


def cached_risk_flags() -> list[str]:
    """The flag names present in the risk table (its filter's options)."""
    s = settings()
    return _risk_flags(cached_risk_frame(), str(s.workspace), s.store.value, graph_stamp(s))


@st.cache_resource(show_spinner=False, max_entries=2)
def _list_tables(workspace: str, stamp: str) -> ListTables:
    return load_list_tables(settings())


def list_tables() -> ListTables:
    """Every list table (entries included), read again when one of the files changes."""
    s = settings()
    return _list_tables(str(s.workspace), tables_stamp(s))


@st.cache_resource(show_spinner="Indexing the lists for screening…", max_entries=2)
def _screening_index(workspace: str, stamp: str) -> ListIndex:
    return build_index(load_entries(settings()))


def screening_index() -> ListIndex:
    """The screening index of the current list entries, built once per state of the list tables:
    built per upload, it kept the officer waiting tens of seconds for a file of a few rows."""
    s = settings()
    return _screening_index(str(s.workspace), tables_stamp(s))


@st.cache_resource(show_spinner=False, max_entries=2)
def _list_versions(workspace: str, stamp: str) -> pd.DataFrame:
    return read_list_table(settings(), "list_versions")


def list_versions() -> pd.DataFrame:
    """Only the versions table (small): what the Overview needs, without reading the entries."""
    s = settings()
    return _list_versions(str(s.workspace), tables_stamp(s, ("list_versions",)))
