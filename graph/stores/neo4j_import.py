"""Offline bulk import: the first load into an empty local Neo4j goes through Neo4j's own importer.

Transactional Cypher tops out at ~25k rows/s on a 2-core machine (benchmarks/neo4j_ceiling.py), so
a million shipments with their edges take ~9 minutes that way. ``neo4j-admin database import full``
writes the store files directly, offline. The launcher's class path already holds it (the
``neo4j-import-tool`` jars come with the ``neo4j`` artifact), so this module runs it as
``org.neo4j.cli.AdminTool`` with the launcher's class path.

It applies only when the store is this workspace's own server (not a URI the user configured),
the database is the default ``neo4j`` and it holds no node; everything else keeps the
transactional ``UNWIND $rows`` path. Steps:

1. Rows are cleaned and checked exactly as ``upsert_nodes``/``upsert_edges`` do (the same column
   checks, or the same row functions with repeated ids folded), and refused the same way (an id
   under two kinds, an edge to a missing node) before anything is stopped.
2. They are written as the importer's CSV, one file per kind, column by column through Arrow
   where the columns allow it: every value quoted (a quoted empty field is the empty string, an
   unquoted empty one is "absent"), booleans as ``true``/``false``, floats in their shortest
   exact form, lists joined by :data:`ARRAY_DELIMITER`. A value the format cannot carry as its
   column's type — an empty list, a list holding the delimiter or an empty string, a value whose
   type differs from the column's, a non-finite float — is left out of the CSV and written after
   the import (a "patch"), so the graph is the same as the transactional path's.
3. The server is stopped (the workspace lock held), the empty database's folders are moved
   aside, the importer runs, and the server starts again. A failed import puts the empty
   database back and raises :class:`StoreError` with the importer's last lines.
4. The store re-creates its constraints and indexes (the importer of the Community record format
   cannot: "Record format batch import does not support schema changes") and waits for them to
   come online, then writes the patches: one ``SET n += $props`` for every node sharing the same
   patch (a hundred thousand empty alias lists), the ordinary upserts for the rest.

Measured (``benchmarks/trade_bench.py --store neo4j``, 100,000 companies / 1,000,000 shipments,
1.34M nodes and 3.66M edges, load average 4.7-8.4 from other work): graph stage 186 s instead of
524 s — CSV written 13 s, server stopped 3 s, import 68 s, server started 25 s, constraints and
indexes online 55 s, 100,000 patches 13 s (the rest: building the rows from the tables); the
server's peak RSS 1.6 GB, this process's 2.4 GB.
"""

from __future__ import annotations

import csv
import logging
import math
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from chipwatch import neo4j_server
from chipwatch.errors import StoreError
from chipwatch.neo4j_launcher import find_java, import_command
from chipwatch.settings import Settings
from graph.model import EdgeKind, NodeKind
from graph.stores import cypher
from graph.stores.columns import Column, ColumnRows, as_list, is_arrow
from graph.stores.rows import (
    edge_columns,
    edge_rows,
    fold_edges,
    fold_nodes,
    missing_ends_error,
    node_columns,
    node_rows,
)

if TYPE_CHECKING:
    import pandas as pd

    from graph.stores.neo4j_store import Neo4jStore

log = logging.getLogger(__name__)
STORE = "neo4j"
#: The only user database of Neo4j Community, and the one the local server serves.
DATABASE = "neo4j"
#: Separates list elements (and would separate labels): a control character no name contains.
ARRAY_DELIMITER = "\x1f"
_LONG = (-(2**63), 2**63 - 1)
_SCALAR_TYPES: dict[type, str] = {str: "string", bool: "boolean", int: "long", float: "double"}


class _Blank(int):
    """Written as an unquoted empty field (``csv.QUOTE_NONNUMERIC`` leaves numbers unquoted):
    "no property". ``None`` would be written as ``""``, which the importer reads as an empty string."""

    def __str__(self) -> str:
        return ""


_BLANK = _Blank(0)


def csv_type(value: Any) -> str | None:
    """The importer's type for ``value``, or None when the CSV cannot carry it unchanged."""
    kind = type(value)
    if kind is str:
        return "string"
    if kind is bool:
        return "boolean"
    if kind is int:
        return "long" if _LONG[0] <= value <= _LONG[1] else None
    if kind is float:
        return "double" if math.isfinite(value) else None
    if kind is list and value:
        element_types = set(map(type, value))
        if len(element_types) != 1:
            return None
        (element,) = element_types
        base = _SCALAR_TYPES.get(element)
        if base is None or not all(csv_type(v) == base for v in value):
            return None
        if element is str and any(v == "" or ARRAY_DELIMITER in v for v in value):
            return None
        return base + "[]"
    return None


def _cell(value: Any, kind: str) -> Any:
    if kind == "boolean":
        return "true" if value else "false"
    if kind.endswith("[]"):
        if kind == "boolean[]":
            return ARRAY_DELIMITER.join("true" if v else "false" for v in value)
        if kind == "double[]":
            return ARRAY_DELIMITER.join(map(repr, value))
        return ARRAY_DELIMITER.join(map(str, value))
    return value


def _column_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each property's type: that of its first value the CSV can carry (in first-seen order)."""
    types: dict[str, str] = {}
    for props in rows:
        for name, value in props.items():
            if name not in types:
                kind = csv_type(value)
                if kind is not None:
                    types[name] = kind
    return types


@dataclass
class _File:
    """One CSV file and what it holds."""

    path: Path
    rows: int = 0
    multiline: bool = False


@dataclass
class _Prepared:
    nodes: dict[NodeKind, _File] = field(default_factory=dict)
    edges: dict[EdgeKind, _File] = field(default_factory=dict)
    node_patches: dict[NodeKind, list[dict[str, Any]]] = field(default_factory=dict)
    edge_patches: dict[EdgeKind, list[dict[str, Any]]] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)

    @property
    def multiline(self) -> bool:
        return any(f.multiline for f in (*self.nodes.values(), *self.edges.values()))


def _write_csv(
    path: Path,
    head: list[str],
    bodies: Iterable[tuple[list[Any], dict[str, Any]]],
    types: dict[str, str],
) -> tuple[_File, list[tuple[list[Any], dict[str, Any]]]]:
    """``head`` columns (ids) then one column per property in ``types``. Values a column's type
    cannot carry are left out and returned instead, as ``(ends, props)`` per row."""
    patches: list[tuple[list[Any], dict[str, Any]]] = []
    columns = list(types.items())
    known = types.keys()
    out = _File(path)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        writer.writerow([*head, *(f"{name}:{kind}" for name, kind in columns)])
        for ends, props in bodies:
            row = list(ends)
            left: dict[str, Any] = {}
            for name, kind in columns:
                value = props.get(name)
                if value is None:
                    row.append(_BLANK)
                elif kind == "string" and type(value) is str:  # the bulk of the cells
                    row.append(value)
                elif csv_type(value) == kind:
                    row.append(_cell(value, kind))
                else:
                    left[name] = value
                    row.append(_BLANK)
            if not props.keys() <= known:  # properties no CSV column can carry
                left.update({n: v for n, v in props.items() if n not in known})
            if left:
                patches.append((ends, left))
            writer.writerow(row)
            out.rows += 1
    out.multiline = _has_line_breaks_in_values(path, out.rows + 1)
    return out, patches


def _has_line_breaks_in_values(path: Path, lines: int) -> bool:
    """Whether a quoted value holds a line break: the importer then must parse fields that span
    lines (``--multiline-fields``, which costs it its parallel parsing, so only when needed).
    Counting bytes is far cheaper than looking at every value."""
    newlines = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            if b"\r" in chunk:
                return True
            newlines += chunk.count(b"\n")
    return newlines != lines


def prepare(
    directory: Path, nodes: dict[NodeKind, pd.DataFrame], edges: dict[EdgeKind, pd.DataFrame]
) -> _Prepared:
    """Write the importer's CSV files for ``nodes`` and ``edges`` (emptied as they are written).

    A kind whose columns pass the stores' column checks (:func:`clean_columns`) and holds no
    repeated id is written column by column through Arrow; any other goes row by row through
    the very functions the upserts use (repeated ids folded, later values winning).
    """
    out = _Prepared()
    kind_of: dict[str, NodeKind] = {}
    for kind in list(nodes):
        rows = ColumnRows.from_frame(nodes.pop(kind))
        path = directory / f"nodes-{kind.value}.csv"
        out.written[kind.value] = rows.length
        columns = _node_columns(rows)
        if columns is not None:
            ids, names, values = columns
            _claim(kind_of, kind, ids)
            out.nodes[kind], left = _write_arrow(path, {"id:ID": ids}, names, values)
            out.node_patches[kind] = [{"id": ids[i], **props} for i, props in left.items()]
            continue
        merged = fold_nodes(node_rows(kind, rows, STORE))
        del rows
        _claim(kind_of, kind, list(merged))
        out.nodes[kind], patches = _write_csv(
            path, ["id:ID"], (([i], p) for i, p in merged.items()), _column_types(merged.values())
        )
        out.node_patches[kind] = [{"id": ends[0], **props} for ends, props in patches]
    for edge_kind in list(edges):
        rows = ColumnRows.from_frame(edges.pop(edge_kind))
        path = directory / f"edges-{edge_kind.value}.csv"
        out.written[edge_kind.value] = rows.length
        edge_columns = _edge_columns(rows)
        if edge_columns is not None:
            (sources, targets, keys), names, values = edge_columns
            _check_ends(edge_kind, kind_of, sources, targets)
            head = {":START_ID": sources, ":END_ID": targets, "key:string": keys}
            out.edges[edge_kind], left = _write_arrow(path, head, names, values)
            out.edge_patches[edge_kind] = [
                {"source": sources[i], "target": targets[i], "key": keys[i], **props}
                for i, props in left.items()
            ]
            continue
        merged_edges = fold_edges(edge_rows(edge_kind, rows, STORE))
        del rows
        _check_ends(edge_kind, kind_of, [s for s, _, _ in merged_edges], [t for _, t, _ in merged_edges])
        out.edges[edge_kind], patches = _write_csv(
            path,
            [":START_ID", ":END_ID", "key:string"],
            (([s, t, k], p) for (s, t, k), p in merged_edges.items()),
            _column_types(merged_edges.values()),
        )
        out.edge_patches[edge_kind] = [
            {"source": ends[0], "target": ends[1], "key": ends[2], **props} for ends, props in patches
        ]
    return out


def _claim(kind_of: dict[str, NodeKind], kind: NodeKind, ids: list[str]) -> None:
    """Record ``ids`` as ``kind``; an id already loaded as another kind is refused as upserts refuse it."""
    clashes = [i for i in ids if i in kind_of]
    if clashes:
        raise StoreError(
            f"node {clashes[0]!r} exists as {kind_of[clashes[0]].value}, cannot write it as "
            f"{kind.value} ({len(clashes)} such rows); nothing was written",
            store=STORE,
        )
    kind_of.update(dict.fromkeys(ids, kind))


def _check_ends(kind: EdgeKind, kind_of: dict[str, NodeKind], sources: list[str], targets: list[str]) -> None:
    missing = {x for x in sources if x not in kind_of} | {x for x in targets if x not in kind_of}
    if missing:
        raise missing_ends_error(kind, sorted(missing)[:6], len(missing), STORE)


def _node_columns(rows: ColumnRows) -> tuple[list[str], list[str], list[Column]] | None:
    """(ids, property names, property columns) when the column path applies (see :func:`prepare`)."""
    checked = node_columns(rows)
    if checked is None or len(set(checked[0])) != rows.length:
        return None
    return checked[0], *checked[1]


def _edge_columns(
    rows: ColumnRows,
) -> tuple[tuple[list[str], list[str], list[str]], list[str], list[Column]] | None:
    checked = edge_columns(rows)
    if checked is None or len(set(zip(*checked[:3], strict=True))) != rows.length:
        return None
    return checked[:3], *checked[3]


_ARROW_KINDS = (
    (pa.types.is_boolean, "boolean"),
    (pa.types.is_integer, "long"),
    (pa.types.is_floating, "double"),
    (pa.types.is_string, "string"),
    (pa.types.is_large_string, "string"),
)


def _arrow_column(values: pa.ChunkedArray) -> tuple[str, pa.ChunkedArray] | None:
    """(importer type, column) for an Arrow column the CSV carries as it is, else None."""
    for test, kind in _ARROW_KINDS:
        if test(values.type):
            if kind == "double" and not pc.all(pc.is_finite(values)).as_py():
                return None  # "inf" is no number to the importer
            if kind == "long" and values.type != pa.int64():
                try:
                    values = values.cast(pa.int64())
                except pa.ArrowInvalid:
                    return None  # beyond a long
            return kind, values
    return None


def _text(value: Any, kind: str) -> str:
    """A value of the column's ``kind`` as the CSV text the importer reads back exactly."""
    return repr(value) if kind == "double" else str(_cell(value, kind))


def _python_column(values: list[Any]) -> tuple[str | None, pa.Array, dict[int, Any]]:
    """(type, text column, {row: value left out}) for a column of Python values: the type is that
    of its first value the CSV can carry; other values are left out for the patches."""
    kind = next((k for k in map(csv_type, (v for v in values if v is not None)) if k is not None), None)
    left: dict[int, Any] = {}
    cells: list[str | None] = []
    for i, value in enumerate(values):
        if value is None:
            cells.append(None)
        elif kind is not None and csv_type(value) == kind:
            cells.append(_text(value, kind))
        else:
            cells.append(None)
            left[i] = value
    return kind, pa.array(cells, pa.string()), left


def _write_arrow(
    path: Path, head: dict[str, list[str]], names: list[str], columns: list[Column]
) -> tuple[_File, dict[int, dict[str, Any]]]:
    """The CSV from whole columns; returns it and the values left out, as {row: props}."""
    table: dict[str, Any] = {name: pa.array(values, pa.string()) for name, values in head.items()}
    left: dict[int, dict[str, Any]] = {}
    for name, values in zip(names, columns, strict=True):
        arrow = _arrow_column(values) if is_arrow(values) else None
        if arrow is not None:
            table[f"{name}:{arrow[0]}"] = arrow[1]
            continue
        kind, cells, out = _python_column(as_list(values))
        for i, value in out.items():
            left.setdefault(i, {})[name] = value
        if kind is not None:
            table[f"{name}:{kind}"] = cells
    frame = pa.table(table)
    # Every value quoted (a quoted empty field is the empty string), absent ones as bare empty fields.
    pa_csv.write_csv(frame, path, pa_csv.WriteOptions(quoting_style="all_valid"))
    out_file = _File(path, rows=frame.num_rows)
    out_file.multiline = _has_line_breaks_in_values(path, frame.num_rows + 1)
    return out_file, left


def importer_arguments(prepared: _Prepared, report: Path) -> list[str]:
    """``neo4j-admin database import full`` arguments for ``prepared``'s files."""
    args = [
        "database",
        "import",
        "full",
        DATABASE,
        "--id-type=string",
        f"--array-delimiter={ARRAY_DELIMITER}",
        f"--multiline-fields={'true' if prepared.multiline else 'false'}",
        "--skip-bad-relationships=false",
        "--skip-duplicate-nodes=false",
        f"--report-file={report}",
        "--threads=2",
    ]
    for kind, node_file in prepared.nodes.items():
        args.append(f"--nodes={cypher.label(kind).strip('`')}:{cypher.NODE_LABEL}={node_file.path}")
    for edge_kind, edge_file in prepared.edges.items():
        args.append(f"--relationships={cypher.rel_type(edge_kind).strip('`')}={edge_file.path}")
    return args


def _run_importer(home: Path, args: list[str], work: Path) -> None:
    """Run the importer on ``home``'s database; on failure put the previous database back."""
    data = home / "data"
    folders = [data / "databases" / DATABASE, data / "transactions" / DATABASE]
    backup = work / "previous"
    backup.mkdir()
    moved: list[tuple[Path, Path]] = []
    for folder in folders:
        if folder.exists():
            target = backup / folder.parent.name
            os.replace(folder, target)
            moved.append((folder, target))
    conf = work / "conf"
    conf.mkdir()
    (conf / "neo4j.conf").write_text("", encoding="utf-8")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    output = work / "import.log"
    try:
        with open(output, "wb") as out:
            done = subprocess.run(
                import_command(find_java(), args), env=env, stdout=out, stderr=subprocess.STDOUT, check=False
            )
    except BaseException:
        _restore(folders, moved)
        raise
    if done.returncode != 0:
        _restore(folders, moved)
        tail = "\n".join(output.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:])
        raise StoreError(
            f"the Neo4j bulk import failed (exit code {done.returncode}); the database was left "
            f"empty as it was. Importer output:\n{tail}",
            store=STORE,
        )
    log.info("Neo4j bulk import: %s", " ".join(output.read_text(errors="replace").split()[-12:]))


def _restore(folders: list[Path], moved: list[tuple[Path, Path]]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    for folder, saved in moved:
        os.replace(saved, folder)


def bulk_load(
    store: Neo4jStore,
    server: Settings,
    nodes: dict[NodeKind, pd.DataFrame],
    edges: dict[EdgeKind, pd.DataFrame],
) -> dict[str, int]:
    """Load ``nodes`` and ``edges`` into the empty database of ``server``'s local Neo4j offline.

    Returns rows per kind as ``upsert_nodes``/``upsert_edges`` count them.
    """
    steps = _Steps()
    with tempfile.TemporaryDirectory(prefix="bulk-import-", dir=server.neo4j_dir) as tmp:
        work = Path(tmp)
        files = work / "csv"
        files.mkdir()
        prepared = prepare(files, nodes, edges)
        args = importer_arguments(prepared, work / "import.report")
        steps.done("CSV written")
        try:
            with neo4j_server.offline(server) as home:
                steps.done("server stopped")
                _run_importer(home, args, work)
                steps.done("import")
            steps.done("server started")
        finally:
            # The server comes back on another port when its old one is not free yet (TIME_WAIT).
            conn = neo4j_server.read_connection(server)
            if conn is not None:
                store.reconnect(conn.uri)
    store.ensure_schema()
    steps.done("constraints and indexes online")
    patched = 0
    for kind, rows in prepared.node_patches.items():
        rest: list[dict[str, Any]] = []
        for props, ids in _same_props(rows).values():
            if len(ids) >= SAME_PROPS_MIN:  # one parameter map for all: far cheaper than upserts
                patched += store.set_node_props(kind, ids, props)
            else:
                rest += [{"id": i, **props} for i in ids]
        if rest:
            patched += store.upsert_nodes(kind, rest)
    for edge_kind, edge_rows_left in prepared.edge_patches.items():
        if edge_rows_left:
            patched += store.upsert_edges(edge_kind, edge_rows_left)
    steps.done(f"{patched:,} rows patched")
    log.info("Neo4j bulk import: %s", steps)
    return prepared.written


#: Node patches shared by at least this many nodes are set with one parameter map for all of them.
SAME_PROPS_MIN = 100


def _same_props(rows: list[dict[str, Any]]) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """Patch rows grouped by identical properties (the usual patch: an empty list, the same for
    every node that has one): ``repr`` of the sorted properties -> (properties, node ids)."""
    groups: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for row in rows:
        props = {k: v for k, v in row.items() if k != "id"}
        key = repr(sorted((k, type(v).__name__, v) for k, v in props.items()))
        groups.setdefault(key, (props, []))[1].append(row["id"])
    return groups


class _Steps:
    """Seconds per step, for the log (``chipwatch -v``) and the benchmark."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.times: list[tuple[str, float]] = []

    def done(self, step: str) -> None:
        now = time.perf_counter()
        self.times.append((step, now - self.start))
        self.start = now

    def __str__(self) -> str:
        return ", ".join(f"{step} {seconds:.1f} s" for step, seconds in self.times)
