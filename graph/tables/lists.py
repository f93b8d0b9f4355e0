"""Canonical entity-list tables (Parquet in ``settings.tables_dir``).

* ``list_entries``   one row per list entry per list version (nested values as JSON text);
* ``list_relations`` relationships a list publishes, per version;
* ``list_versions``  provenance: one row per ingested file (feed, path, SHA-256, size,
  publication date, ingest time, format, rows read / accepted / rejected, reader version);
* ``list_rejected``  each row a reader refused, with where and why;
* ``list_diffs``     what changed between consecutive versions of a feed.

A *feed* is what one published file covers (the CSL file covers many lists; OFAC SDN; UN …);
versions and diffs are per feed. Writes are staged (:func:`stage_list_tables`) and committed
with the staged files' ``commit()``, so the caller can write the graph in between and abandon both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from chipwatch.errors import WorkspaceCorruptError
from chipwatch.settings import Settings
from graph.atomic import StagedFiles, stage_parquet
from graph.lists.copies import one_copy_each, version_lists
from graph.lists.versions import current_versions
from graph.lists.weak_aliases import share_weak_aliases

#: Fields of an entry that make up its content: a change in any of them is a change in the diff.
CONTENT_FIELDS: tuple[str, ...] = (
    "kind",
    "name",
    "aliases_json",
    "addresses_json",
    "identifiers_json",
    "countries_json",
    "programs_json",
    "birth_dates_json",
    "license_requirement",
    "license_policy",
    "legal_basis",
    "start_date",
    "end_date",
    "source_url",
    "remarks",
    "context",  # True: the publisher says the entry is not itself listed (else empty)
)

LIST_SCHEMAS: dict[str, tuple[str, ...]] = {
    "list_entries": (
        "version_id",
        "feed",
        "node_id",
        "list",
        "source_id",
        *CONTENT_FIELDS,
        "raw_ref",
        "digest",
        "kind_source",  # type / default / name (see ingest.lists.model.ListEntry)
        "kind_evidence",
    ),
    "list_relations": ("version_id", "feed", "source", "target", "relation", "props_json"),
    "list_versions": (
        "version_id",
        "feed",
        "seq",
        "lists_json",
        "path",
        "origin",
        "sha256",
        "size",
        "published",
        "ingested_at",
        "format",
        "rows_read",
        "rows_accepted",
        "rows_rejected",
        "previous_version_id",
        # Version of the product's list reading the rows were read with (empty: written before
        # the field existed, i.e. version 1); see ingest.lists.provenance.READ_VERSION.
        "reader_version",
        "note",  # why this version exists when it is not a new file ("re-read: reader version 1 → 2")
    ),
    # line: where the refused record starts in the list file (older workspaces call it "row")
    "list_rejected": ("version_id", "line", "field", "reason"),
    "list_diffs": (
        "feed",
        "old_version_id",
        "new_version_id",
        "change",
        "node_id",
        "list",
        "source_id",
        "name",
        "fields_json",
    ),
}
NUMERIC = {"seq", "size", "rows_read", "rows_accepted", "rows_rejected", "line", "reader_version"}
#: Columns renamed since tables were first written: a workspace's older table is read under the new name.
RENAMED = {"list_rejected": {"row": "line"}}


@dataclass(frozen=True)
class ListTables:
    entries: pd.DataFrame
    relations: pd.DataFrame
    versions: pd.DataFrame
    rejected: pd.DataFrame
    diffs: pd.DataFrame


def empty_list_table(name: str) -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype="float64" if c in NUMERIC else object) for c in LIST_SCHEMAS[name]}
    )


def list_table_path(settings: Settings, name: str) -> Path:
    return settings.tables_dir / f"{name}.parquet"


def conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table's columns in order, numbers as float, blanks as ``None``."""
    out = frame.rename(columns=RENAMED.get(name, {}))
    for col in LIST_SCHEMAS[name]:
        if col not in out.columns:
            out[col] = None
    out = out[list(LIST_SCHEMAS[name])].reset_index(drop=True)
    for col in out.columns:
        if col in NUMERIC:
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
        else:
            values = out[col].astype(object)
            out[col] = values.where(values.notna() & (values != ""), None)
    return out


def read_list_table(settings: Settings, name: str) -> pd.DataFrame:
    path = list_table_path(settings, name)
    if not path.exists():
        return empty_list_table(name)
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError) as exc:
        raise WorkspaceCorruptError(f"cannot read {path}: {exc}") from exc
    return conform(name, frame)


def load_list_tables(settings: Settings, *, versions: pd.DataFrame | None = None) -> ListTables:
    """Every list table of the workspace (empty frames with the right columns when absent).
    ``versions``: the ``list_versions`` table, when the caller has just read it."""
    return ListTables(
        entries=read_list_table(settings, "list_entries"),
        relations=read_list_table(settings, "list_relations"),
        versions=read_list_table(settings, "list_versions") if versions is None else versions,
        rejected=read_list_table(settings, "list_rejected"),
        diffs=read_list_table(settings, "list_diffs"),
    )


def latest_entries(settings: Settings) -> pd.DataFrame:
    """The current list entries of the workspace: see :func:`shown_entries`."""
    return shown_entries(load_list_tables(settings))


def shown_entries(tables: ListTables) -> pd.DataFrame:
    """``list_entries`` rows of the newest version of every feed, one per node id: of an id two
    feeds list, the copy the graph node shows (:mod:`graph.lists.copies`), so resolution,
    screening and rescreen read one listing once, with the fields the node shows — save that an
    alias OFAC's own copy of an entry marks weak is weak on the CSL's copy too
    (:mod:`graph.lists.weak_aliases`)."""
    if tables.versions.empty:
        return tables.entries.iloc[0:0]
    current = current_versions(tables.versions)
    rows = tables.entries[tables.entries["version_id"].isin(set(current["version_id"]))]
    return one_copy_each(share_weak_aliases(rows), version_lists(current))


def as_str_list(value: Any) -> list[str]:
    """A list-valued entry field (aliases, countries …) as non-empty strings; None, NaN and "" are empty."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, float) and math.isnan(value):
        return []
    return [str(v) for v in value if v is not None and str(v)]


def stage_list_tables(settings: Settings, tables: dict[str, pd.DataFrame]) -> StagedFiles:
    """Write whole new tables to temp files beside the live ones (nothing visible changes until
    ``commit()``); callers pass conformed frames (:func:`append_rows`)."""
    return stage_parquet({list_table_path(settings, name): frame for name, frame in tables.items()})


def append_rows(name: str, existing: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """``existing`` plus ``new`` rows, conformed to the table's schema."""
    if not len(new):
        return conform(name, existing)
    if not len(existing):
        return conform(name, new)
    return pd.concat([conform(name, existing), conform(name, new)], ignore_index=True)
