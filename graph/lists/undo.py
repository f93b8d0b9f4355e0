"""Undo for a multi-call graph write: snapshot what will be touched, restore it on failure.

The store protocol makes each ``upsert_*`` call an upsert, not a transaction across calls. A list
ingest writes several kinds; if a later call fails, :meth:`GraphUndo.restore` puts back the nodes
and edges as they were: edges that did not exist are deleted, edges and nodes that existed are
written back with their old properties, and nodes that did not exist are deleted when the store
offers ``delete_nodes(kind, ids)`` (otherwise they remain, unreferenced by any table). Properties
the writes own (``GraphFrames.owned``) are written back owned too, so one the failed write added
is removed again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from typing import Any

import pandas as pd

from graph.model import EdgeKind, NodeKind
from graph.store import GraphStore
from graph.trade_graph import GraphFrames, records

log = logging.getLogger(__name__)


class GraphUndo:
    def __init__(self, store: GraphStore):
        self.store = store
        self._nodes: dict[NodeKind, tuple[set[str], pd.DataFrame]] = {}
        self._edges: dict[EdgeKind, tuple[set[tuple[str, str, str]], pd.DataFrame]] = {}
        self._owned: dict[NodeKind | EdgeKind, frozenset[str]] = {}

    def snapshot(
        self, frames: GraphFrames, deletions: dict[EdgeKind, set[tuple[str, str, str]]] | None = None
    ) -> None:
        """Remember the current state of every node and edge ``frames`` (and ``deletions``) touch."""
        for owner, names in frames.owned.items():
            self._owned[owner] = self._owned.get(owner, frozenset()) | names
        for kind, frame in frames.nodes.items():
            ids = set(frame["id"])
            if not ids:
                continue
            current = self.store.nodes_frame(kind)
            before = current[current["id"].isin(ids)] if len(current) else current
            old_ids, old_rows = self._nodes.get(kind, (set(), before.iloc[0:0]))
            new_before = before[~before["id"].isin(old_ids | set(old_rows["id"]))]
            self._nodes[kind] = (old_ids | ids, pd.concat([old_rows, new_before], ignore_index=True))
        wanted: dict[EdgeKind, set[tuple[str, str, str]]] = {}
        for ekind, eframe in frames.edges.items():
            keys = eframe["key"].fillna("") if "key" in eframe else pd.Series([""] * len(eframe))
            wanted.setdefault(ekind, set()).update(zip(eframe["source"], eframe["target"], keys, strict=True))
        for ekind, ident in (deletions or {}).items():
            wanted.setdefault(ekind, set()).update(ident)
        for ekind, idents in wanted.items():
            if not idents:
                continue
            current = self.store.edges_frame(ekind)
            if len(current):
                key = list(zip(current["source"], current["target"], current["key"].fillna(""), strict=True))
                before = current[[k in idents for k in key]]
            else:
                before = current
            old_idents, old_rows = self._edges.get(ekind, (set(), before.iloc[0:0]))
            seen = set(zip(old_rows["source"], old_rows["target"], old_rows["key"].fillna(""), strict=True))
            if len(before):
                bkey = list(zip(before["source"], before["target"], before["key"].fillna(""), strict=True))
                before = before[[k not in seen for k in bkey]]
            self._edges[ekind] = (old_idents | idents, pd.concat([old_rows, before], ignore_index=True))

    def restore(self) -> None:
        """Put every snapshotted node and edge back as it was (best effort; errors are logged)."""
        for ekind, (idents, before) in self._edges.items():
            existed = set(zip(before["source"], before["target"], before["key"].fillna(""), strict=True))
            self._try(self.store.delete_edges, ekind, sorted(idents - existed))
        for kind, (ids, before) in self._nodes.items():
            if len(before):
                self._try(
                    self.store.upsert_nodes, kind, list(records(before)), owned=self._owned.get(kind, ())
                )
            created = sorted(ids - set(before["id"]))
            delete_nodes = getattr(self.store, "delete_nodes", None)
            if created and delete_nodes is not None:
                self._try(delete_nodes, kind, created)
        for ekind, (_idents, before) in self._edges.items():
            if len(before):
                self._try(
                    self.store.upsert_edges, ekind, list(records(before)), owned=self._owned.get(ekind, ())
                )

    @staticmethod
    def _try(func: Callable[..., Any], kind: object, rows: Collection[object], **options: Any) -> None:
        if not rows:
            return
        try:
            func(kind, rows, **options)
        except Exception:  # restoring is best effort: the original error is what gets raised
            log.exception("graph undo: %s(%s) failed", getattr(func, "__name__", func), kind)
