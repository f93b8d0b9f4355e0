"""The risk table: one row per entity ``chipwatch risk`` scored, and the filters over it.

Entities are Company, TradeParty and ListEntry nodes carrying ``risk_score``. Everything is read
in bulk (one ``nodes_frame`` per kind). ``lists`` names the active list entries in the entity's
resolved cluster (``risk_cluster``) — the lists it is on, directly or through resolution — so
the list filter selects a company resolved to an Entity List entry as well as the entry itself.
A list entry's ``countries`` are its own (citizenship, nationality, flag) followed by the countries
of its listed addresses: the Entity List names most companies by address only, and an officer
asking for ``--country CN`` means the Chinese entries among them too.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass
from typing import Protocol

import numpy as np
import pandas as pd
import pycountry

from chipwatch.errors import ChipwatchError
from graph.list_status import listing_mask
from graph.model import EdgeKind, NodeKind
from graph.risk.flags import FLAGS
from graph.risk.frames import group_lists

ENTITY_KINDS = (NodeKind.COMPANY, NodeKind.TRADE_PARTY, NodeKind.LIST_ENTRY)
LEVELS = ("clear", "review", "block")
TABLE_COLUMNS = [
    "id",
    "kind",
    "name",
    "country",
    "risk_score",
    "risk_level",
    "flags",
    "lists",
    "risk_as_of",
    "countries",
    "cluster",
]
_READ = (
    "name",
    "country",
    "countries",
    "risk_score",
    "risk_level",
    "flags_json",
    "risk_as_of",
    "risk_cluster",
)


class Frames(Protocol):
    """What the risk table reads: a store, or the stored graph's files
    (:class:`graph.stores.parquet.StoredColumns`, without loading the graph)."""

    def nodes_frame(self, kind: NodeKind, columns: Collection[str] = ()) -> pd.DataFrame: ...

    def edges_frame(self, kind: EdgeKind, columns: Collection[str] = ()) -> pd.DataFrame: ...


class RiskNotComputedError(ChipwatchError):
    """The workspace holds no risk results (``chipwatch risk`` has not run)."""


class UnknownFilterError(ChipwatchError):
    """A filter names a list, country, flag or level that does not exist."""


@dataclass(frozen=True)
class RiskFilter:
    """Which scored entities to keep. Within one field any value matches; fields combine with AND."""

    min_score: float = 0.0
    lists: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def as_list(value: object) -> list[str]:
    """A stored multi-valued property as a list of strings (lists, arrays after Parquet, or absent)."""
    if isinstance(value, list | tuple | np.ndarray):
        return [str(v) for v in value if v is not None and v == v]
    return []


def read_kind(store: Frames, kind: NodeKind, columns: Iterable[str]) -> pd.DataFrame:
    """``nodes_frame`` with every requested column present (absent properties are None)."""
    cols = tuple(columns)
    frame = store.nodes_frame(kind, cols)
    for col in cols:
        if col not in frame.columns:
            frame[col] = None
    # Plain Python objects: Arrow-backed strings are several times slower to iterate row by row.
    return frame.astype(object)


def flag_names(raw: object) -> str:
    """Comma-separated names of the flags in a stored ``flags_json``."""
    if not isinstance(raw, str) or not raw:
        return ""
    try:
        flags = json.loads(raw)
    except ValueError:
        return ""
    names = sorted({str(f.get("flag", f.get("name", ""))) for f in flags if isinstance(f, dict)})
    return ", ".join(n for n in names if n)


def _flag_column(raw: pd.Series) -> pd.Series:
    """:func:`flag_names` of every cell, parsed once per distinct value (most entities share a few)."""
    values = raw.to_numpy(dtype=object).tolist()
    names = {v: flag_names(v) for v in set(v for v in values if isinstance(v, str))}
    return pd.Series([names.get(v, "") if isinstance(v, str) else "" for v in values], index=raw.index)


def _address_countries(store: Frames) -> pd.Series:
    """list entry id → sorted countries of the addresses it is LOCATED_AT (bulk: one read per kind)."""
    located = store.edges_frame(EdgeKind.LOCATED_AT, ())
    addresses = read_kind(store, NodeKind.ADDRESS, ("country",))
    if located.empty or addresses.empty:
        return pd.Series(dtype=object)
    located = located[["source", "target"]].astype(object)
    addresses = addresses[["id", "country"]]
    joined = located.merge(addresses, left_on="target", right_on="id")
    # group_lists, not groupby.agg(lambda): a Python call per entry took seconds on the demo lists
    return group_lists(joined["source"], joined["country"])


def _entry_countries(frame: pd.DataFrame, by_address: pd.Series) -> pd.Series:
    own = frame["countries"].map(as_list)
    extra = frame["id"].map(by_address).map(lambda e: e if isinstance(e, list) else [])
    return pd.Series(
        [list(dict.fromkeys([*o, *e])) for o, e in zip(own, extra, strict=True)],
        index=frame.index,
        dtype=object,
    )


def _cluster_lists(entries: pd.DataFrame) -> pd.Series:
    """cluster → "US_EL, US_SDN": the lists of the listed entries in each resolved cluster
    (context entities are not listings)."""
    active = entries[listing_mask(entries["status"])]
    return group_lists(active["risk_cluster"].fillna(active["id"]), active["list"]).map(", ".join)


def risk_table(store: Frames) -> pd.DataFrame:
    """Every scored entity, highest score first: ``TABLE_COLUMNS``. Empty when risk has not run."""
    parts = []
    cluster_lists = pd.Series(dtype=object)
    for kind in ENTITY_KINDS:
        extra = ("list", "status") if kind is NodeKind.LIST_ENTRY else ()
        frame = read_kind(store, kind, (*_READ, *extra))
        if kind is NodeKind.LIST_ENTRY:
            cluster_lists = _cluster_lists(frame)
            countries = _entry_countries(frame, _address_countries(store))
        else:
            countries = frame["country"].map(lambda c: [c] if isinstance(c, str) and c else [])
        frame = frame.assign(countries=countries, kind=kind.value)
        frame["country"] = countries.map(lambda cs: cs[0] if cs else None)
        parts.append(frame[frame["risk_score"].notna()])
    out = pd.concat(parts, ignore_index=True)
    if out.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    out["cluster"] = out["risk_cluster"].fillna(out["id"])
    out["lists"] = out["cluster"].map(cluster_lists).fillna("")
    out["flags"] = _flag_column(out["flags_json"])
    out["countries"] = out["countries"].map(", ".join)
    out["risk_score"] = out["risk_score"].astype(float).round(1)
    out = out.sort_values(["risk_score", "id"], ascending=[False, True], kind="stable")
    return out[TABLE_COLUMNS].reset_index(drop=True)


def _split(cell: str) -> set[str]:
    return {p for p in cell.split(", ") if p}


def check_filter(table: pd.DataFrame, flt: RiskFilter) -> RiskFilter:
    """``flt`` with values normalised (list codes and flags upper-case, ISO-2 countries);
    a clear error for a value that cannot match anything that exists."""
    known_lists = sorted(set().union(*map(_split, table["lists"]))) if len(table) else []
    lists = tuple(v.strip().upper() for v in flt.lists)
    bad = [v for v in lists if v not in known_lists]
    if bad:
        raise UnknownFilterError(
            f"--list {', '.join(bad)}: no such list in this workspace; "
            f"lists: {', '.join(known_lists) or 'none'}"
        )
    countries = []
    for value in flt.countries:
        code = value.strip().upper()
        if pycountry.countries.get(alpha_2=code) is None:
            raise UnknownFilterError(
                f"--country {value!r}: not an ISO 3166 alpha-2 country code (e.g. CN, AE)"
            )
        countries.append(code)
    flags = tuple(v.strip().upper() for v in flt.flags)
    bad = [v for v in flags if v not in FLAGS]
    if bad:
        raise UnknownFilterError(
            f"--flag {', '.join(bad)}: no such red flag; flags: {', '.join(sorted(FLAGS))}"
        )
    levels = tuple(v.strip().lower() for v in flt.levels)
    bad = [v for v in levels if v not in LEVELS]
    if bad:
        raise UnknownFilterError(f"--level {', '.join(bad)}: levels are {', '.join(LEVELS)}")
    return RiskFilter(float(flt.min_score), lists, tuple(countries), flags, levels)


def filter_table(table: pd.DataFrame, flt: RiskFilter) -> pd.DataFrame:
    """The rows of ``table`` that ``flt`` keeps (values as :func:`check_filter` returns them)."""
    keep = table["risk_score"] >= flt.min_score
    if flt.levels:
        keep &= table["risk_level"].isin(flt.levels)
    for column, wanted in (("countries", flt.countries), ("lists", flt.lists), ("flags", flt.flags)):
        if wanted:
            want = set(wanted)
            keep &= table[column].map(lambda cell, w=want: not w.isdisjoint(_split(str(cell))))
    return table[keep].reset_index(drop=True)
