"""List versions: which files were ingested for a feed, in order, and picking two of them."""

from __future__ import annotations

import pandas as pd

from chipwatch.errors import ChipwatchError


class UnknownVersionError(ChipwatchError):
    """A feed or version named on the command line does not exist in the workspace."""


def feed_versions(versions: pd.DataFrame, feed: str) -> pd.DataFrame:
    """Versions of one feed, oldest first (by ingest sequence)."""
    rows = versions[versions["feed"] == feed]
    return rows.sort_values("seq", kind="stable").reset_index(drop=True)


def current_versions(versions: pd.DataFrame) -> pd.DataFrame:
    """The newest version of every feed (as :func:`latest_version` picks it: the last of the
    highest ingest sequence)."""
    return versions.sort_values("seq", kind="stable").groupby("feed").tail(1)


def current_ids(versions: pd.DataFrame) -> list[str]:
    """The ids of :func:`current_versions`, sorted."""
    return sorted(current_versions(versions)["version_id"].astype(str))


def latest_version(versions: pd.DataFrame, feed: str) -> pd.Series | None:
    rows = feed_versions(versions, feed)
    return None if rows.empty else rows.iloc[-1]


def version_label(row: pd.Series, version_id: str | None = None) -> str:
    """A ``list_versions`` row as an officer reads it: ``csl v2 (csl@bf505e2bd7ce, published
    2026-11-28, ingested 2026-12-01T07:07:08+00:00)`` (no publication date where the file gives none)."""
    published = row.get("published")
    when = f"published {published}, " if isinstance(published, str) and published else ""
    vid = version_id or str(row["version_id"])
    return f"{row['feed']} v{int(row['seq'])} ({vid}, {when}ingested {row['ingested_at']})"


def resolve_version(versions: pd.DataFrame, feed: str, selector: str) -> pd.Series:
    """A version of ``feed`` named by its sequence number (``2``), version id or a SHA-256 prefix."""
    rows = feed_versions(versions, feed)
    sel = selector.strip()
    hit = rows[rows["version_id"] == sel]
    if hit.empty and sel.isdigit():
        hit = rows[rows["seq"] == float(sel)]
    if hit.empty and len(sel) >= 6:
        hit = rows[rows["sha256"].astype(str).str.startswith(sel.lower())]
        if hit["sha256"].nunique() == 1:
            hit = hit.tail(1)  # one file read again by a newer reader: its latest reading
    if len(hit) != 1:
        known = (
            ", ".join(f"{int(q)} ({v})" for q, v in zip(rows["seq"], rows["version_id"], strict=True))
            or "none"
        )
        why = "is ambiguous" if len(hit) > 1 else "not found"
        raise UnknownVersionError(f"version {selector!r} of feed {feed!r} {why}; versions: {known}")
    return hit.iloc[0]


def resolve_feed(versions: pd.DataFrame, name: str) -> tuple[str, str | None]:
    """``(feed, list_filter)`` for a feed name (``csl``) or a list code (``US_EL``, in whichever feed
    carries it — the newest one when several do). Case-insensitive."""
    feeds = sorted(set(versions["feed"].dropna()))
    lowered = {f.lower(): f for f in feeds}
    if name.lower() in lowered:
        return lowered[name.lower()], None
    code = name.upper()
    carrying = versions[versions["lists_json"].fillna("").str.contains(f'"{code}"', regex=False)]
    if not carrying.empty:
        newest = carrying.sort_values("ingested_at", kind="stable").iloc[-1]
        return str(newest["feed"]), code
    raise UnknownVersionError(
        f"no list or feed {name!r} in this workspace; feeds: {', '.join(feeds) or 'none'}"
    )
