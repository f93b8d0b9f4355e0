"""Canonical company & trade tables (Parquet in ``settings.tables_dir``).

``ingest`` writes them through :func:`upsert_trade_tables` (merge on the table's key, so
re-ingesting a file changes nothing); everything else reads them with
:func:`load_trade_tables`. Column contracts are in ``TRADE_SCHEMAS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from chipwatch.errors import WorkspaceCorruptError
from chipwatch.settings import Settings
from graph.atomic import stage_parquet

TRADE_SCHEMAS: dict[str, tuple[str, ...]] = {
    "companies": (
        "node_id",
        "company_id",
        "source",
        "name",
        "aliases",
        "country",
        "address",
        "city",
        "postal_code",
        "address_id",
        "incorporation_date",
        "registration_id",
        "lei",
        "tax_id",
        "business_type",
        "website",
        "email",
        "phone",
    ),
    "ownership": (
        "owner_node_id",
        "owner_name",
        "owner_country",
        "owned_node_id",
        "owned_name",
        "share_pct",
        "as_of",
        "source",
        "relationship",
        "start_date",
        "end_date",
        "status",
    ),
    "officers": (
        "person_node_id",
        "person_name",
        "person_country",
        "company_node_id",
        "role",
        "start_date",
        "end_date",
        "source",
    ),
    "parties": ("party_id", "name", "address", "country", "address_id"),
    "shipments": (
        "shipment_id",
        "node_id",
        "date",
        "shipper_party_id",
        "consignee_party_id",
        "notify_party_id",
        "hs_code",
        "hs6",
        "chpl_tier",
        "description",
        "manufacturer",
        "origin_country",
        "dispatch_country",
        "destination_country",
        "port_of_loading",
        "port_of_discharge",
        "value_usd",
        "quantity",
        "weight_kg",
        "incoterms",
        "source",
    ),
    # Provenance: one row per file ingested, and the warnings it produced.
    "trade_files": (
        "file_id",
        "kind",
        "path",
        "sha256",
        "size",
        "ingested_at",
        "rows_read",
        "rows_accepted",
        "rows_warned",
    ),
    "trade_warnings": ("file_id", "row", "field", "reason"),
}
#: Columns that identify a row; a later ingest of the same key replaces the row.
TRADE_KEYS: dict[str, tuple[str, ...]] = {
    "companies": ("node_id",),
    "ownership": ("owner_node_id", "owned_node_id", "source"),
    "officers": ("person_node_id", "company_node_id", "role"),
    "parties": ("party_id",),
    "shipments": ("shipment_id",),
    "trade_files": ("file_id",),
    "trade_warnings": ("file_id", "row", "field", "reason"),
}
#: Columns a row may write differently for the same key in another file: one trade party's name
#: and address in other case or punctuation (they share its id). Of such rows the merge keeps the
#: first in order of these columns, not the last ingested, so the order in which files are
#: ingested does not choose the name and line every report shows.
TRADE_SPELLINGS: dict[str, tuple[str, ...]] = {"parties": ("name", "address")}
#: Columns that name a node several files write (a person, an owner or owned company named in an
#: ownership or officer row; the name's normalised form is part of its id): a later ingest of the
#: same key still replaces the row (dates, share, source), but these keep the first value in
#: alphabetical order of every file that wrote the key, so the order in which files are ingested
#: does not choose the name the node shows (``graph.trade_graph`` shows the first over all its rows).
TRADE_NAMES: dict[str, tuple[str, ...]] = {
    "ownership": ("owner_name", "owner_country", "owned_name"),
    "officers": ("person_name",),
}
NUMERIC = {
    "share_pct",
    "value_usd",
    "quantity",
    "weight_kg",
    "size",
    "rows_read",
    "rows_accepted",
    "rows_warned",
    "row",
}


@dataclass(frozen=True)
class TradeTables:
    companies: pd.DataFrame
    ownership: pd.DataFrame
    officers: pd.DataFrame
    parties: pd.DataFrame
    shipments: pd.DataFrame
    trade_files: pd.DataFrame
    trade_warnings: pd.DataFrame


def empty_table(name: str) -> pd.DataFrame:
    cols = TRADE_SCHEMAS[name]
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in NUMERIC else object) for c in cols})


def table_path(settings: Settings, name: str) -> Path:
    return settings.tables_dir / f"{name}.parquet"


def read_trade_table(settings: Settings, name: str) -> pd.DataFrame:
    path = table_path(settings, name)
    if not path.exists():
        return empty_table(name)
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError) as exc:
        raise WorkspaceCorruptError(f"cannot read {path}: {exc}") from exc
    for col in TRADE_SCHEMAS[name]:
        if col not in frame.columns:
            frame[col] = None
    return frame[list(TRADE_SCHEMAS[name])]


def load_trade_tables(settings: Settings) -> TradeTables:
    """All company/trade tables of the workspace (empty frames with the right columns if absent)."""
    return TradeTables(**{name: read_trade_table(settings, name) for name in TRADE_SCHEMAS})


#: Source labels GLEIF Level 2 rows carried before the relationship status had a column of its
#: own ("GLEIF RR ACTIVE", "GLEIF RR INACTIVE"): read as today's "GLEIF RR", so the next golden
#: copy replaces such a row (the source is part of the key) instead of leaving it beside the new
#: one, where an old ACTIVE row would still count as current ownership.
LEGACY_OWNERSHIP_SOURCES = {f"GLEIF RR {s}": "GLEIF RR" for s in ("ACTIVE", "INACTIVE", "UNKNOWN")}


def _conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    if name == "ownership" and "source" in out.columns:
        out["source"] = out["source"].replace(LEGACY_OWNERSHIP_SOURCES)
    for col in TRADE_SCHEMAS[name]:
        if col not in out.columns:
            out[col] = None
    out = out[list(TRADE_SCHEMAS[name])]
    for col in out.columns:
        if col in NUMERIC:
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
        elif col != "aliases":
            # Empty text is absent, like null; compared on the object array (no string copy).
            values = out[col].to_numpy(dtype=object)
            absent = ~(pd.notna(values) & (values != ""))
            kept = values.copy()
            kept[absent] = None
            out[col] = pd.Series(kept, index=out.index, dtype="object")
    return out


def merge_trade_table(name: str, existing: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Existing rows updated/extended by ``new`` (keyed on ``TRADE_KEYS``; for tables with
    ``TRADE_SPELLINGS`` the first spelling of a key is kept instead, and ``TRADE_NAMES`` keep
    their first value over every row of the key), sorted by key."""
    keys = list(TRADE_KEYS[name])
    spelling = [*keys, *TRADE_SPELLINGS.get(name, ())]
    new = _conform(name, new)
    merged = pd.concat([_conform(name, existing), new], ignore_index=True) if len(existing) else new
    if len(spelling) > len(keys):
        merged = merged.sort_values(spelling, kind="stable", na_position="first").drop_duplicates(keys)
    else:
        merged = first_names(merged, keys, TRADE_NAMES.get(name, ())).drop_duplicates(keys, keep="last")
    return merged.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)


def first_names(frame: pd.DataFrame, keys: list[str], columns: tuple[str, ...]) -> pd.DataFrame:
    """``frame`` with each of ``columns`` set, in every row of a key written more than once, to
    the key's first non-null value in sort order (the minimum: the same whatever the row order)."""
    if not columns:
        return frame
    repeated = frame.duplicated(keys, keep=False).to_numpy()
    if not repeated.any():
        return frame
    out = frame.copy()
    rows = out.loc[repeated]
    first = rows.groupby(keys, dropna=False, sort=False)[list(columns)].transform("min")
    for col in columns:
        out.loc[repeated, col] = first[col].where(first[col].notna(), None).to_numpy()
    return out


def upsert_trade_tables(settings: Settings, updates: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Merge several tables' new rows; all are computed before any file is replaced.

    Returns the merged tables. A table whose content did not change is not rewritten.
    """
    merged: dict[str, pd.DataFrame] = {}
    for name, frame in updates.items():
        existing = read_trade_table(settings, name)
        result = merge_trade_table(name, existing, frame)
        if not (len(existing) == len(result) and _same(existing, result)):
            merged[name] = result
    _replace_all({table_path(settings, name): frame for name, frame in merged.items()})
    return merged


def _replace_all(files: dict[Path, pd.DataFrame]) -> None:
    """Write every table to a temporary file first, then rename them all into place
    (:class:`graph.atomic.StagedFiles`): a failure while writing (disk full, bad value) leaves
    every previous table untouched."""
    stage_parquet(files).commit()


def _fingerprint(frame: pd.DataFrame) -> pd.Series:
    """Row hashes that ignore how a null or a list happens to be represented (NaN/None, ndarray/list)."""
    text = pd.DataFrame(index=range(len(frame)))
    for col in frame.columns:
        values = frame[col].reset_index(drop=True).astype(object)
        if col == "aliases":
            values = values.map(
                lambda v: "\x1f".join(map(str, v)) if v is not None and not isinstance(v, float) else ""
            )
        text[col] = values.where(values.notna(), "\x00").astype(str)
    return pd.util.hash_pandas_object(text, index=False)


def _same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    return bool((_fingerprint(a).to_numpy() == _fingerprint(b[list(a.columns)]).to_numpy()).all())
