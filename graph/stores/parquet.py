"""The embedded store on disk: one Parquet file per node kind and per edge kind.

Layout of ``settings.graph_dir``::

    CURRENT                 JSON: {"version": "v-…", "nodes": {kind: rows}, "edges": {kind: rows}}
    v-<time>-<pid>/nodes/<NodeKind>.parquet     columns: id, then one per property
    v-<time>-<pid>/edges/<EdgeKind>.parquet     columns: source, target, key, then properties

A write goes to a fresh version folder; only when every file is written and synced does
``CURRENT`` switch to it (an atomic rename), and older versions are removed after that. A crash
mid-write therefore leaves ``CURRENT`` naming the previous, complete version.

Columns are typed (Arrow infers them); a property whose values mix types (``1`` and ``"1"``, or
ints and floats) is stored as JSON text and listed in the file's ``chipwatch.json_columns``
metadata, so every value comes back as the type it was written with.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from chipwatch.errors import WorkspaceCorruptError
from graph import atomic
from graph.atomic import fsync
from graph.model import EdgeKind, NodeKind
from graph.stores.records import Records

CURRENT = "CURRENT"
FORMAT = 1
_JSON_META = b"chipwatch.json_columns"
STORE = "networkx"

EdgeTable = Records[tuple[str, str, str]]
NodeTable = Records[str]


def _column(values: list[Any]) -> tuple[pa.Array, bool]:
    """An Arrow array for ``values`` and whether it had to fall back to JSON text."""
    try:
        array = pa.array(values)
        exact = not pa.types.is_floating(array.type) or not any(type(v) is int for v in values)
        if exact and not pa.types.is_null(array.type):
            return array, False
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        pass
    encoded = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    return pa.array(encoded, type=pa.string()), True


def _table(head: dict[str, list[str]], rows: list[Any], names: list[str], block: list[Any]) -> pa.Table:
    """One kind's rows as an Arrow table: ``head`` columns, then one column per property.

    ``rows`` holds, per output row, either a props dict or an int position in the ``block``
    columns (rows never read or updated since a bulk write or a load). Block columns that are
    still Arrow arrays are gathered in C and never become Python objects; only dict rows are
    read one by one.
    """
    n = len(rows)
    positions = np.fromiter((r if type(r) is int else -1 for r in rows), dtype=np.int64, count=n)
    dict_rows = (positions < 0).nonzero()[0].tolist()
    gather = pa.array(np.where(positions < 0, 0, positions))
    # The common case after a bulk write or a reload: every row still in place, in order.
    in_place = not dict_rows and bool((positions == np.arange(n)).all())
    extra = sorted({k for i in dict_rows for k in rows[i]} - set(names))
    columns: dict[str, tuple[pa.Array | pa.ChunkedArray, bool]] = {}
    for name, values in [*zip(names, block, strict=True), *((e, None) for e in extra)]:
        if isinstance(values, pa.ChunkedArray) and not dict_rows:
            taken = values if in_place and len(values) == n else values.take(gather)
            if taken.null_count < n:
                columns[name] = (taken, False)
            continue
        if isinstance(values, pa.ChunkedArray):
            values = values.to_pylist()
        if values:
            # fromiter, not np.array: a list value (aliases) must stay one object
            picked = np.fromiter(values, dtype=object, count=len(values))[gather.to_numpy()]
            if dict_rows:
                picked[dict_rows] = None
        else:
            picked = np.full(n, None, dtype=object)
        for i in dict_rows:
            picked[i] = rows[i].get(name)
        if (picked != None).any():  # noqa: E711 — element-wise on an object array
            columns[name] = _column(picked.tolist())
    prop_names = sorted(columns)
    arrays = [pa.array(v, type=pa.string()) for v in head.values()]
    arrays += [columns[name][0] for name in prop_names]
    table = pa.Table.from_arrays(arrays, names=[*head, *prop_names])
    # Rows sorted by their identity (UTF-8 byte order = code point order = Python's sort).
    table = table.sort_by([(h, "ascending") for h in head])
    json_cols = [name for name in prop_names if columns[name][1]]
    return table.replace_schema_metadata({_JSON_META: json.dumps(json_cols).encode()})


def _linked(source: Path | None, path: Path) -> bool:
    """Hard-link an unchanged kind's file of the version it was read from into the new one
    (files of a version are never modified, so sharing one is safe); False when there is none,
    or it is gone (another writer's flush removed that version) or the filesystem refuses."""
    if source is None:
        return False
    try:
        os.link(source, path)
    except OSError:
        return False
    return True


def write_graph(
    directory: Path,
    nodes: Mapping[NodeKind, NodeTable],
    edges: Mapping[EdgeKind, EdgeTable],
    unchanged: Mapping[NodeKind | EdgeKind, Path] | None = None,
) -> Path:
    """Write a complete new version and switch ``CURRENT`` to it atomically; returns its folder.

    ``unchanged`` names, per kind not modified since it was read, the file it was read from:
    that file is linked into the new version instead of written again (a risk run that updates
    the entities need not rewrite a million shipments)."""
    reuse = unchanged or {}
    directory.mkdir(parents=True, exist_ok=True)
    version = f"v-{time.time_ns()}-{os.getpid()}"
    tmp = directory / f".{version}.tmp"
    (tmp / "nodes").mkdir(parents=True)
    (tmp / "edges").mkdir()
    manifest: dict[str, Any] = {"format": FORMAT, "version": version, "nodes": {}, "edges": {}}
    try:
        for kind, table in nodes.items():
            if not table:
                continue
            path = tmp / "nodes" / f"{kind.value}.parquet"
            ids = list(table.rows)
            if not _linked(reuse.get(kind), path):
                pq.write_table(_table({"id": ids}, list(table.rows.values()), *table.block()), path)
                fsync(path)
            manifest["nodes"][kind.value] = len(ids)
        for ekind, etable in edges.items():
            if not etable:
                continue
            path = tmp / "edges" / f"{ekind.value}.parquet"
            if not _linked(reuse.get(ekind), path):
                idents = list(etable.rows)
                sources = [i[0] for i in idents]
                targets = [i[1] for i in idents]
                keys = [i[2] for i in idents]
                head = {"source": sources, "target": targets, "key": keys}
                pq.write_table(_table(head, list(etable.rows.values()), *etable.block()), path)
                fsync(path)
            manifest["edges"][ekind.value] = len(etable)
        fsync(tmp / "nodes")
        fsync(tmp / "edges")
        final = directory / version
        os.rename(tmp, final)
        # the pointer is switched by the one atomic writer (which flushes ``directory``, and so
        # the version's rename, too)
        atomic.write_text(directory / CURRENT, json.dumps(manifest, indent=1) + "\n")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for old in directory.iterdir():
        if old.name != version and (old.name.startswith("v-") or old.name.startswith(".v-")):
            shutil.rmtree(old, ignore_errors=True)
    return final


def _read(path: Path) -> tuple[pa.Table, set[str]]:
    try:
        table = pq.read_table(path)
        meta = table.schema.metadata or {}
        json_cols = set(json.loads(meta.get(_JSON_META, b"[]")))
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise WorkspaceCorruptError(
            f"{path}: cannot read this graph file ({type(exc).__name__}: {exc}); restore it from a "
            "backup or rebuild the workspace (delete the folder and ingest again)",
            store=STORE,
        ) from exc
    return table, json_cols


def _props(table: pa.Table, skip: int, json_cols: set[str], path: Path) -> tuple[list[str], list[Any]]:
    """Property names and their columns: Arrow arrays (the store converts them when a row is
    first read) or, for JSON columns, decoded Python lists."""
    names = table.column_names[skip:]
    columns: list[Any] = []
    for name in names:
        values: Any = table.column(name)
        if name in json_cols:
            values = values.to_pylist()
            try:
                values = [None if v is None else json.loads(v) for v in values]
            except ValueError as exc:
                raise WorkspaceCorruptError(f"{path}, column '{name}': bad JSON value", store=STORE) from exc
        columns.append(values)
    return names, columns


def _strings(column: pa.ChunkedArray) -> list[str]:
    """A text column as Python strings, one object per distinct value: an edge kind's ends
    repeat (a million shipments name ~100,000 parties), and a copy per row of every end of
    millions of edges costs hundreds of megabytes."""
    as_object = {pa.string(): np.dtype(object), pa.large_string(): np.dtype(object)}.get
    values: list[str] = column.to_pandas(types_mapper=as_object, deduplicate_objects=True).tolist()
    return values


def kind_file(root: Path, kind: NodeKind | EdgeKind) -> Path:
    return root / ("nodes" if isinstance(kind, NodeKind) else "edges") / f"{kind.value}.parquet"


def _head(table: pa.Table, names: tuple[str, ...], path: Path) -> list[list[str]]:
    if tuple(table.column_names[: len(names)]) != names:
        raise WorkspaceCorruptError(f"{path}: expected leading columns {names}", store=STORE)
    return [_strings(table.column(n)) for n in names]


def read_graph(
    directory: Path,
    on_nodes: Callable[[NodeKind, list[str], tuple[list[str], list[list[Any]]]], None],
    on_edges: Callable[[EdgeKind, list[str], list[str], list[str], tuple[list[str], list[list[Any]]]], None],
) -> Path | None:
    """Read the current version, handing each kind's columns to the callbacks; returns its
    folder (the files stay as they are: a later write may link the unchanged ones), None if
    none exists."""
    pointer = directory / CURRENT
    try:
        manifest = json.loads(pointer.read_text(encoding="utf-8"))
        version = str(manifest["version"])
        node_kinds = [NodeKind(k) for k in manifest["nodes"]]
        edge_kinds = [EdgeKind(k) for k in manifest["edges"]]
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise WorkspaceCorruptError(f"{pointer}: not a valid graph manifest ({exc})", store=STORE) from exc
    root = directory / version
    for kind in node_kinds:
        path = root / "nodes" / f"{kind.value}.parquet"
        table, json_cols = _read(path)
        (ids,) = _head(table, ("id",), path)
        on_nodes(kind, ids, _props(table, 1, json_cols, path))
    for ekind in edge_kinds:
        path = root / "edges" / f"{ekind.value}.parquet"
        table, json_cols = _read(path)
        sources, targets, keys = _head(table, ("source", "target", "key"), path)
        on_edges(ekind, sources, targets, keys, _props(table, 3, json_cols, path))
    return root


class StoredColumns:
    """Columns of the stored graph's current version, read from its files without loading the graph.

    For a reader that needs a few properties of a few kinds (the app's Overview and Risk list: the
    risk table and the counts), where opening the store reads every kind and every property. The
    frames are those of :meth:`graph.stores.NetworkxStore.nodes_frame` / ``edges_frame`` on the same
    version: ids in order, every requested column present (``None`` where the kind lacks it).
    :class:`VersionGone` when a write replaced the version meanwhile (read again).
    """

    def __init__(self, directory: Path):
        pointer = directory / CURRENT
        try:
            manifest = json.loads(pointer.read_text(encoding="utf-8"))
            self.root: Path | None = directory / str(manifest["version"])
            self.node_rows: dict[str, int] = {str(k): int(v) for k, v in manifest["nodes"].items()}
            self.edge_rows: dict[str, int] = {str(k): int(v) for k, v in manifest["edges"].items()}
        except FileNotFoundError:
            self.root, self.node_rows, self.edge_rows = None, {}, {}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise WorkspaceCorruptError(
                f"{pointer}: not a valid graph manifest ({exc})", store=STORE
            ) from exc

    def counts(self) -> dict[str, int]:
        """Rows per node and edge kind, as :meth:`NetworkxStore.counts` (from the manifest)."""
        out = {k.value: self.node_rows.get(k.value, 0) for k in NodeKind}
        out.update({k.value: self.edge_rows.get(k.value, 0) for k in EdgeKind})
        return out

    def nodes_frame(self, kind: NodeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        return self._frame(kind, ("id",), columns)

    def edges_frame(self, kind: EdgeKind, columns: Collection[str] = ()) -> pd.DataFrame:
        return self._frame(kind, ("source", "target", "key"), columns)

    def _frame(
        self, kind: NodeKind | EdgeKind, head: tuple[str, ...], columns: Collection[str]
    ) -> pd.DataFrame:
        wanted = [c for c in columns if c not in head]
        rows = self.node_rows if isinstance(kind, NodeKind) else self.edge_rows
        if self.root is None or not rows.get(kind.value):
            return pd.DataFrame({c: pd.Series(dtype=object) for c in (*head, *wanted)})
        path = kind_file(self.root, kind)
        try:
            schema = pq.read_schema(path)
            present = [c for c in wanted if c in schema.names] if columns else schema.names[len(head) :]
            table = pq.read_table(path, columns=[*head, *present])
        except FileNotFoundError as exc:
            raise VersionGone(str(path)) from exc
        except (OSError, pa.ArrowException) as exc:
            raise WorkspaceCorruptError(
                f"{path}: cannot read this graph file ({type(exc).__name__}: {exc})", store=STORE
            ) from exc
        json_cols = set(json.loads((schema.metadata or {}).get(_JSON_META, b"[]")))
        data: dict[str, Any] = {h: values for h, values in zip(head, _head(table, head, path), strict=True)}
        props = dict(zip(*_props(table.select(present), 0, json_cols & set(present), path), strict=True))
        for name in wanted if columns else present:
            if name not in props:
                data[name] = [None] * table.num_rows
            elif isinstance(props[name], list):
                data[name] = props[name]
            elif columns or props[name].null_count < table.num_rows:
                data[name] = props[name].to_pandas()
        return pd.DataFrame(data, columns=list(data))


class VersionGone(Exception):
    """The version :class:`StoredColumns` read the manifest of was replaced by a write meanwhile."""
