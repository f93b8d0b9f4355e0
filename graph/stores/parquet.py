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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chipwatch.errors import WorkspaceCorruptError
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


def _table(head: dict[str, list[str]], props: list[Mapping[str, Any]]) -> pa.Table:
    names = sorted({k for p in props for k in p})
    arrays = [pa.array(v, type=pa.string()) for v in head.values()]
    json_cols: list[str] = []
    for name in names:
        array, is_json = _column([p.get(name) for p in props])
        arrays.append(array)
        if is_json:
            json_cols.append(name)
    schema_names = [*head, *names]
    table = pa.Table.from_arrays(arrays, names=schema_names)
    return table.replace_schema_metadata({_JSON_META: json.dumps(json_cols).encode()})


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_graph(
    directory: Path, nodes: Mapping[NodeKind, NodeTable], edges: Mapping[EdgeKind, EdgeTable]
) -> None:
    """Write a complete new version and switch ``CURRENT`` to it atomically."""
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
            ids = sorted(table)
            path = tmp / "nodes" / f"{kind.value}.parquet"
            pq.write_table(_table({"id": ids}, [table[i] for i in ids]), path)
            _fsync(path)
            manifest["nodes"][kind.value] = len(ids)
        for ekind, etable in edges.items():
            if not etable:
                continue
            idents = sorted(etable)
            head = {
                "source": [i[0] for i in idents],
                "target": [i[1] for i in idents],
                "key": [i[2] for i in idents],
            }
            path = tmp / "edges" / f"{ekind.value}.parquet"
            pq.write_table(_table(head, [etable[i] for i in idents]), path)
            _fsync(path)
            manifest["edges"][ekind.value] = len(idents)
        final = directory / version
        os.rename(tmp, final)
        pointer = directory / f".{CURRENT}.tmp"
        pointer.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        _fsync(pointer)
        os.replace(pointer, directory / CURRENT)
        _fsync(directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for old in directory.iterdir():
        if old.name != version and (old.name.startswith("v-") or old.name.startswith(".v-")):
            shutil.rmtree(old, ignore_errors=True)


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


def _props(table: pa.Table, skip: int, json_cols: set[str], path: Path) -> tuple[list[str], list[list[Any]]]:
    """Property names and their columns as Python lists (JSON columns decoded)."""
    names = table.column_names[skip:]
    columns: list[list[Any]] = []
    for name in names:
        values = table.column(name).to_pylist()
        if name in json_cols:
            try:
                values = [None if v is None else json.loads(v) for v in values]
            except ValueError as exc:
                raise WorkspaceCorruptError(f"{path}, column '{name}': bad JSON value", store=STORE) from exc
        columns.append(values)
    return names, columns


def _head(table: pa.Table, names: tuple[str, ...], path: Path) -> list[list[str]]:
    if tuple(table.column_names[: len(names)]) != names:
        raise WorkspaceCorruptError(f"{path}: expected leading columns {names}", store=STORE)
    return [table.column(n).to_pylist() for n in names]


def read_graph(
    directory: Path,
    on_nodes: Callable[[NodeKind, list[str], tuple[list[str], list[list[Any]]]], None],
    on_edges: Callable[[EdgeKind, list[str], list[str], list[str], tuple[list[str], list[list[Any]]]], None],
) -> bool:
    """Read the current version, handing each kind's columns to the callbacks. False if none exists."""
    pointer = directory / CURRENT
    try:
        manifest = json.loads(pointer.read_text(encoding="utf-8"))
        version = str(manifest["version"])
        node_kinds = [NodeKind(k) for k in manifest["nodes"]]
        edge_kinds = [EdgeKind(k) for k in manifest["edges"]]
    except FileNotFoundError:
        return False
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
    return True
