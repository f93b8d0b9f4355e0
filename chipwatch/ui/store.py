"""Settings and the graph store for the app, opened once per process (``st.cache_resource``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings, load_settings
from chipwatch.ui.tables import risk_frame
from graph.risk.paths import PathIndex
from graph.store import GraphStore
from graph.stores import open_store


def settings() -> Settings:
    """The current settings (read from ``CHIPWATCH_*`` on every rerun; cheap)."""
    return load_settings()


@st.cache_resource(show_spinner="Opening the graph store…")
def _store(workspace: str, kind: str) -> GraphStore:
    # Keyed by workspace and store kind only: credentials never become part of a cache key.
    s = load_settings()
    return open_store(s)


def store() -> GraphStore:
    """The workspace's store, shared by every session of this server process."""
    s = settings()
    return _store(str(s.workspace), s.store.value)


def reset_store() -> None:
    """Forget the cached store (e.g. after the workspace was re-ingested)."""
    _store.clear()


@contextmanager
def guarded() -> Iterator[None]:
    """Show a chipwatch error as a message (never a traceback) and stop the page."""
    try:
        yield
    except ChipwatchError as exc:
        st.error(str(exc))
        st.stop()


@st.cache_resource(show_spinner="Indexing path targets…")
def _path_index(workspace: str, kind: str) -> PathIndex:
    return PathIndex.build(_store(workspace, kind))


def path_index() -> PathIndex:
    """Targets and node facts for diversion paths, built once per store."""
    s = settings()
    return _path_index(str(s.workspace), s.store.value)


def display_name(g: GraphStore, node_id: str) -> str:
    """A node's name, or its id when the node is not in the graph."""
    node = g.node(node_id)
    return node.name if node is not None else node_id


def _graph_stamp(s: Settings) -> float:
    """Latest modification time of the embedded store's files (0 for Neo4j or an empty workspace)."""
    files = list(s.graph_dir.glob("*")) if s.graph_dir.is_dir() else []
    return max((f.stat().st_mtime for f in files), default=0.0)


@st.cache_data(ttl=300, show_spinner=False)
def _risk_frame(workspace: str, kind: str, stamp: float) -> pd.DataFrame:
    return risk_frame(_store(workspace, kind))


def cached_risk_frame() -> pd.DataFrame:
    """The risk table, recomputed when the stored graph changes (or after five minutes)."""
    s = settings()
    return _risk_frame(str(s.workspace), s.store.value, _graph_stamp(s))
