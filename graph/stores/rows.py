"""Row cleaning shared by both stores, so they accept and refuse exactly the same input.

A row is a mapping of property name to value. ``None`` (and float NaN, pandas' "missing") means
absent and is dropped. Values must be scalars (str, int, float, bool) or lists/tuples of scalars;
numpy scalars and arrays are converted. Nested data is refused: store it as a JSON string in a
property whose name ends in ``_json`` (the model convention).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from chipwatch.errors import StoreError
from graph.model import EdgeKind, NodeKind
from graph.stores.columns import Column, ColumnRows, all_nonempty_str, as_list, clean_columns

NODE_RESERVED = frozenset({"id"})
EDGE_RESERVED = frozenset({"source", "target", "key"})
_SCALARS = (str, bool, int, float)


def _bad(what: str, row_no: int, field: str, reason: str, store: str) -> StoreError:
    return StoreError(f"{what} row {row_no}, field '{field}': {reason}", store=store)


def clean_value(value: Any, *, what: str, row_no: int, field: str, store: str) -> Any:
    """``value`` as a storable property value, or ``None`` when it is absent."""
    if hasattr(value, "tolist") and not isinstance(value, _SCALARS):
        value = value.tolist()  # numpy scalars and arrays
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple):
        items = [v.tolist() if hasattr(v, "tolist") and not isinstance(v, _SCALARS) else v for v in value]
        if any(v is None or not isinstance(v, _SCALARS) for v in items):
            raise _bad(what, row_no, field, "a list may hold only str/int/float/bool values", store)
        return items
    raise _bad(
        what,
        row_no,
        field,
        f"{type(value).__name__} is not storable; nested data goes in a JSON string property "
        f"named '{field}_json'",
        store,
    )


def clean_props(
    row: Mapping[str, Any], reserved: frozenset[str], *, what: str, row_no: int, store: str
) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for name, value in row.items():
        if name in reserved or value is None:
            continue
        if type(value) is str or type(value) is int or type(value) is bool:  # fast path
            props[name] = value
            continue
        cleaned = clean_value(value, what=what, row_no=row_no, field=name, store=store)
        if cleaned is not None:
            props[name] = cleaned
    return props


def _required_str(row: Mapping[str, Any], field: str, what: str, row_no: int, store: str) -> str:
    value = row.get(field)
    if value is None or value == "":
        raise _bad(what, row_no, field, "missing", store)
    if not isinstance(value, str):
        raise _bad(what, row_no, field, f"must be a string, got {type(value).__name__}", store)
    return value


_PLAIN = frozenset({str, int, bool})
_PLAIN_OR_FLOAT = _PLAIN | {float}
_NUMBERS = frozenset({int, float, bool})  # math.isnan takes each of them, in C


def _checked(props: dict[str, Any], *, what: str, row_no: int, store: str) -> dict[str, Any]:
    """``props`` (reserved names already removed) as storable values."""
    values = props.values()
    types = set(map(type, values))  # one C-level pass instead of a Python loop per value
    if types <= _PLAIN:
        return props
    if types <= _PLAIN_OR_FLOAT:
        for value in values:
            if value != value:  # NaN: the only scalar unequal to itself
                break
        else:
            return props
    return clean_props(props, frozenset(), what=what, row_no=row_no, store=store)


def node_columns(rows: ColumnRows) -> tuple[list[str], tuple[list[str], list[Column]]] | None:
    """(ids, (property names, property columns)) checked once per column, or None when some value
    needs the row-by-row checks (whose error names the row)."""
    id_column = rows.column("id")
    ids = as_list(id_column) if id_column is not None else None
    props = clean_columns(rows, NODE_RESERVED)
    if ids is None or props is None or not all_nonempty_str(ids):
        return None
    return ids, props


def edge_columns(
    rows: ColumnRows,
) -> tuple[list[str], list[str], list[str], tuple[list[str], list[Column]]] | None:
    """(sources, targets, keys, (property names, property columns)), as :func:`node_columns`."""
    ends = [rows.column(name) for name in ("source", "target", "key")]
    if ends[0] is None or ends[1] is None:
        return None
    sources, targets = as_list(ends[0]), as_list(ends[1])
    keys = [""] * rows.length if ends[2] is None else as_list(ends[2])
    props = clean_columns(rows, EDGE_RESERVED)
    if props is None or not (all_nonempty_str(sources) and all_nonempty_str(targets)):
        return None
    if set(map(type, keys)) - {str}:
        return None
    return sources, targets, keys, props


def _column_node_rows(rows: ColumnRows) -> list[tuple[str, dict]] | None:
    """``node_rows`` for rows given as columns, checked once per column (None: use the row loop)."""
    checked = node_columns(rows)
    if checked is None:
        return None
    ids, props = checked
    clean = ColumnRows(*props, rows.length)
    return list(zip(ids, clean.dicts(), strict=True))


def _column_edge_rows(rows: ColumnRows) -> list[tuple[str, str, str, dict]] | None:
    checked = edge_columns(rows)
    if checked is None:
        return None
    sources, targets, keys, props = checked
    clean = ColumnRows(*props, rows.length)
    return list(zip(sources, targets, keys, clean.dicts(), strict=True))


def node_rows(kind: NodeKind, rows: Iterable[Mapping[str, Any]], store: str) -> list[tuple[str, dict]]:
    """(id, props) for each row; a row without an ``id`` is an error naming the row."""
    if isinstance(rows, ColumnRows) and rows.length:
        checked = _column_node_rows(rows)
        if checked is not None:
            return checked
    what = f"{kind.value} node"
    out: list[tuple[str, dict]] = []
    append = out.append
    plain = _PLAIN
    for i, row in enumerate(rows, start=1):
        props = dict(row)
        node_id = props.pop("id", None)
        if type(node_id) is not str or not node_id:
            node_id = _required_str(row, "id", what, i, store)
        types = set(map(type, props.values()))
        if not types <= plain and not (types <= _NUMBERS and not any(map(math.isnan, props.values()))):
            props = _checked(props, what=what, row_no=i, store=store)
        append((node_id, props))
    return out


def edge_key(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value if isinstance(value, str) else str(value)


def edge_rows(
    kind: EdgeKind, rows: Iterable[Mapping[str, Any]], store: str
) -> list[tuple[str, str, str, dict]]:
    """(source, target, key, props) for each row."""
    if isinstance(rows, ColumnRows) and rows.length:
        checked = _column_edge_rows(rows)
        if checked is not None:
            return checked
    what = f"{kind.value} edge"
    out: list[tuple[str, str, str, dict]] = []
    append = out.append
    plain = _PLAIN
    for i, row in enumerate(rows, start=1):
        # One dict copy per row, the three ends popped off it: the bulk case in a few C calls.
        props = dict(row)
        source = props.pop("source", None)
        target = props.pop("target", None)
        key = props.pop("key", "")
        if type(source) is not str or not source:
            source = _required_str(row, "source", what, i, store)
        if type(target) is not str or not target:
            target = _required_str(row, "target", what, i, store)
        if type(key) is not str:
            key = edge_key(key)
        types = set(map(type, props.values()))
        if not types <= plain and not (types <= _NUMBERS and not any(map(math.isnan, props.values()))):
            props = _checked(props, what=what, row_no=i, store=store)
        append((source, target, key, props))
    return out


def owned_names(owned: Collection[str], reserved: frozenset[str], store: str) -> frozenset[str]:
    """``owned`` (an upsert's properties given in full, see :class:`graph.store.GraphStore`) as a
    set, checked: property names, none of them a reserved field (``id``; ``source``/``target``/
    ``key``), which a write must never remove."""
    if isinstance(owned, str):
        raise StoreError(
            f"owned must be a collection of property names, not the string {owned!r}", store=store
        )
    names = frozenset(owned)
    bad = sorted(repr(n) for n in names if not isinstance(n, str) or not n or n in reserved)
    if bad:
        raise StoreError(
            f"owned properties must be property names other than {', '.join(sorted(reserved))}: "
            f"{', '.join(bad)}",
            store=store,
        )
    return names


def dropped(props: Mapping[str, Any], owned: frozenset[str]) -> frozenset[str]:
    """The owned properties a checked row leaves out: those its write removes."""
    return owned.difference(props) if owned else frozenset()


def fold_nodes(prepared: list[tuple[str, dict]]) -> dict[str, dict[str, Any]]:
    """``prepared`` (:func:`node_rows`) by id: a repeated id's rows folded, later values winning, as
    repeated MERGEs would leave them (a MERGE or CREATE per row must not meet one id twice)."""
    merged = dict(prepared)
    if len(merged) == len(prepared):  # the bulk case, no id repeated: one C-level pass
        return merged
    merged = {}
    for node_id, props in prepared:
        merged[node_id] = {**merged[node_id], **props} if node_id in merged else props
    return merged


def fold_edges(prepared: list[tuple[str, str, str, dict]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    """``prepared`` (:func:`edge_rows`) by (source, target, key), folded as :func:`fold_nodes`."""
    merged = {(s, t, k): p for s, t, k, p in prepared}
    if len(merged) == len(prepared):
        return merged
    merged = {}
    for s, t, k, p in prepared:
        merged[s, t, k] = {**merged[s, t, k], **p} if (s, t, k) in merged else p
    return merged


def present_strings(rows: Sequence[Mapping[str, Any]] | ColumnRows, fields: tuple[str, ...]) -> list[str]:
    """The distinct non-empty strings under ``fields`` of raw, unchecked ``rows``: for a lookup
    that may start before the rows are checked (a row that fails the checks fails the call)."""
    if isinstance(rows, ColumnRows):
        values = [v for f in fields if (c := rows.column(f)) is not None for v in as_list(c)]
    else:
        values = [r.get(f) for r in rows for f in fields]
    return list({v for v in values if isinstance(v, str) and v})


def missing_ends_error(
    kind: EdgeKind, missing: list[str], total: int, store: str, outcome: str = "nothing was written"
) -> StoreError:
    shown = ", ".join(repr(m) for m in missing[:5])
    more = f" and {total - 5} more" if total > 5 else ""
    return StoreError(
        f"{kind.value} edges refer to nodes that do not exist: {shown}{more}; {outcome}",
        store=store,
    )


#: Upper bound on ``max_hops``/``hops``: the Cypher pattern is built from it, and beyond this
#: a bounded search over a real trade graph stops being bounded in practice.
MAX_HOPS = 8


def check_hops(value: object, name: str, store: str, *, minimum: int = 1) -> int:
    """``value`` as a validated hop bound (an int in ``minimum..MAX_HOPS``)."""
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= MAX_HOPS:
        raise StoreError(
            f"{name} must be a whole number from {minimum} to {MAX_HOPS}, got {value!r}", store=store
        )
    return value


def check_limit(value: object, store: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise StoreError(f"limit must be a positive whole number, got {value!r}", store=store)
    return value


def nodes_frame_from(
    ids: list[str], props: Sequence[Mapping[str, Any]], columns: Iterable[str]
) -> pd.DataFrame:
    """The ``nodes_frame`` shape both stores return: ``id`` then properties (sorted unless given)."""
    return _frame({"id": ids}, props, columns)


def edges_frame_from(
    sources: list[str],
    targets: list[str],
    keys: list[str],
    props: Sequence[Mapping[str, Any]],
    columns: Iterable[str],
) -> pd.DataFrame:
    return _frame({"source": sources, "target": targets, "key": keys}, props, columns)


def _frame(
    head: dict[str, list[str]], props: Sequence[Mapping[str, Any]], columns: Iterable[str]
) -> pd.DataFrame:
    asked = list(columns)
    wanted = [c for c in asked if c not in head] if asked else sorted({k for p in props for k in p})
    data: dict[str, list[Any]] = {**head}
    for col in wanted:
        data[col] = [p.get(col) for p in props]
    return pd.DataFrame(data, columns=list(data))


def ends_frame(idents: list[tuple[str, str, str]]) -> pd.DataFrame:
    """``GraphStore.edge_ends``' frame of (source, target, key) tuples, built column by column."""
    return pd.DataFrame(
        {
            name: pd.Series([i[n] for i in idents], dtype=object)
            for n, name in enumerate(("source", "target", "key"))
        }
    )
