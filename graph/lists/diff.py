"""What changed between two versions of a feed: entries added, removed and changed (with which fields).

Pure functions over ``list_entries`` rows; an entry is identified by its ``node_id``
(``list:{ListSource}:{source_id}``). Where a record sits in the file (``raw_ref``) is not content:
a record that only moved is not a change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from graph.lists.versions import UnknownVersionError, feed_versions, resolve_feed, resolve_version
from graph.tables.lists import CONTENT_FIELDS, ListTables, conform

#: How a content column is shown to a user ("aliases_json" → "aliases").
FIELD_LABELS: dict[str, str] = {f: f.removesuffix("_json") for f in CONTENT_FIELDS}
CHANGES = ("added", "removed", "changed")


def diff_entries(
    old: pd.DataFrame, new: pd.DataFrame, *, feed: str, old_version_id: str | None, new_version_id: str
) -> pd.DataFrame:
    """Rows of the ``list_diffs`` table for ``old`` → ``new`` (both ``list_entries`` rows of one version).

    Sorted by change (added, removed, changed) then node id.
    """
    old = old.drop_duplicates("node_id", keep="last").set_index("node_id")
    new = new.drop_duplicates("node_id", keep="last").set_index("node_id")
    added = new.index.difference(old.index)
    removed = old.index.difference(new.index)
    common = new.index.intersection(old.index)
    changed_ids = common[(old.loc[common, "digest"] != new.loc[common, "digest"]).to_numpy()]
    changed_fields: list[str] = []
    for node_id in changed_ids:
        a, b = old.loc[node_id], new.loc[node_id]
        fields = [FIELD_LABELS[f] for f in CONTENT_FIELDS if _norm(a[f]) != _norm(b[f])]
        changed_fields.append(json.dumps(fields))
    parts = [
        _rows(new.loc[added], "added", None),
        _rows(old.loc[removed], "removed", None),
        _rows(new.loc[changed_ids], "changed", changed_fields),
    ]
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else None
    if out is None:
        return conform("list_diffs", pd.DataFrame())
    out = out.assign(feed=feed, old_version_id=old_version_id, new_version_id=new_version_id)
    order = out["change"].map({c: i for i, c in enumerate(CHANGES)})
    out = out.assign(_o=order).sort_values(["_o", "node_id"], kind="stable").drop(columns="_o")
    return conform("list_diffs", out)


def _rows(frame: pd.DataFrame, change: str, fields: list[str] | None) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "node_id": frame.index.to_numpy(dtype=object),
            "list": frame["list"].to_numpy(dtype=object),
            "source_id": frame["source_id"].to_numpy(dtype=object),
            "name": frame["name"].to_numpy(dtype=object),
        }
    )
    out["change"] = change
    out["fields_json"] = fields if fields is not None else None
    return out


def _norm(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value


def summarise(diff: pd.DataFrame) -> dict[str, int]:
    """Counts per change kind, zeros included."""
    counts = diff["change"].value_counts()
    return {c: int(counts.get(c, 0)) for c in CHANGES}


@dataclass(frozen=True)
class VersionDiff:
    feed: str
    list_filter: str | None  # a list code when the user named a list rather than a feed
    old: pd.Series | None  # list_versions row (None: the first version, everything added)
    new: pd.Series
    rows: pd.DataFrame  # list_diffs rows, and ``previous_name``: the old name of a renamed entry

    def counts(self) -> dict[str, int]:
        return summarise(self.rows)


def version_diff(
    tables: ListTables, name: str, old: str | None = None, new: str | None = None
) -> VersionDiff:
    """The diff of a feed (or of one list inside its feed) between two versions.

    Defaults to the two newest versions. The stored diff is used when the pair is consecutive;
    any other pair is computed from the stored entries.
    """
    feed, list_filter = resolve_feed(tables.versions, name)
    rows = feed_versions(tables.versions, feed)
    if (old is None) != (new is None):
        raise UnknownVersionError("give both OLD and NEW, or neither (the two newest versions)")
    if old is None or new is None:
        new_row = rows.iloc[-1]
        old_row = rows.iloc[-2] if len(rows) > 1 else None
    else:
        old_row, new_row = (
            resolve_version(tables.versions, feed, old),
            resolve_version(tables.versions, feed, new),
        )
    old_id = None if old_row is None else str(old_row["version_id"])
    new_id = str(new_row["version_id"])
    d = tables.diffs
    stored = d[(d["new_version_id"] == new_id) & (d["old_version_id"].fillna("") == (old_id or ""))]
    if len(stored) or (old_id is not None and str(new_row["previous_version_id"]) == old_id):
        diff = stored.reset_index(drop=True)
    else:
        e = tables.entries
        before = e[e["version_id"] == old_id] if old_id else e.iloc[0:0]
        diff = diff_entries(
            before, e[e["version_id"] == new_id], feed=feed, old_version_id=old_id, new_version_id=new_id
        )
    if list_filter:
        diff = diff[diff["list"] == list_filter].reset_index(drop=True)
    previous = pd.Series(_previous_names(tables.entries, old_id, diff), index=diff.index, dtype=object)
    diff = diff.assign(previous_name=previous)
    return VersionDiff(feed, list_filter, old_row, new_row, diff)


def _previous_names(entries: pd.DataFrame, old_id: str | None, diff: pd.DataFrame) -> list[str | None]:
    """Per diff row, the entry's name in the old version where the change renamed it: a diff that
    shows only the new name does not say what the entry was called when it was decided on."""
    renamed = [
        change == "changed" and isinstance(fields, str) and "name" in json.loads(fields)
        for change, fields in zip(diff["change"], diff["fields_json"], strict=True)
    ]
    if not any(renamed):
        return [None] * len(diff)
    old = entries[entries["version_id"] == old_id].drop_duplicates("node_id", keep="last")
    names = dict(zip(old["node_id"], old["name"], strict=True))
    return [names.get(n) if r else None for n, r in zip(diff["node_id"], renamed, strict=True)]
