"""Which list versions resolution linked, and what a risk run should say about the lists it rests on.

``chipwatch resolve`` links companies and shipment parties to the entries of the list versions
current when it runs; it records those versions (:func:`record_versions`). A risk run after a list
update but before the next ``resolve`` scores parties against the old links — a new listing of
one of our companies is not yet a list hit — and a risk run ``--as-of`` an earlier date still
reads the lists in force now. :func:`list_notes` says both, naming the versions. ``rescreen``
records the versions it compared in the same way, so the next one starts where it ended.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from chipwatch.settings import Settings
from graph import atomic
from graph.lists.versions import current_ids, current_versions, version_label
from graph.tables.lists import read_list_table


def _path(settings: Settings, what: str) -> Path:
    return settings.workspace / what / "list_versions.json"


def current_version_ids(settings: Settings) -> list[str]:
    """The newest version of every feed (what a run reading the lists now reads)."""
    return current_ids(read_list_table(settings, "list_versions"))


def record_versions(
    settings: Settings, what: str, version_ids: list[str], since: list[str] | None = None
) -> None:
    """Remember the list versions a run of ``what`` (``resolve``, ``rescreen``) read, and for a
    run over what changed, the versions it compared them with (``since``)."""
    atomic.write_text(_path(settings, what), json.dumps({"versions": version_ids, "since": since}))


def recorded_versions(settings: Settings, what: str) -> tuple[set[str], set[str] | None] | None:
    """``(versions, since)`` of the last run of ``what``; None when none recorded them."""
    try:
        kept = json.loads(_path(settings, what).read_text(encoding="utf-8"))
        since = kept.get("since")
        return set(kept["versions"]), None if since is None else set(since)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _labels(rows: pd.DataFrame) -> str:
    return "; ".join(version_label(r) for _, r in rows.sort_values(["feed", "seq"]).iterrows())


def list_notes(settings: Settings, as_of: dt.date) -> list[str]:
    """What a risk run ``as_of`` a date should say about the lists: versions not linked by
    resolution yet, and versions ingested after ``as_of`` that it reads all the same."""
    current = current_versions(read_list_table(settings, "list_versions"))
    if current.empty:
        return []
    notes = []
    resolved = recorded_versions(settings, "resolve")
    unlinked = current[~current["version_id"].astype(str).isin(resolved[0] if resolved else set())]
    if resolved is not None and len(unlinked):
        notes.append(
            f"the lists changed since the last `chipwatch resolve` ({_labels(unlinked)}): their new "
            "or changed entries are not linked to companies or shipment parties yet; run "
            "`chipwatch resolve`, then `chipwatch risk`"
        )
    later = current[current["ingested_at"].astype(str).str[:10] > as_of.isoformat()]
    if len(later):
        notes.append(
            f"as of {as_of.isoformat()}: the lists are the versions in force now, not those of that "
            f"date ({_labels(later)}): an entry they removed since is not counted, and one they added "
            "is, unless its listing date is later"
        )
    return notes
