"""Versions an older feed rule filed under the wrong feed, and what puts the workspace right.

Up to 2026-12 an OFAC file with any SDN entity was filed as ``ofac-sdn``: loading OFAC's
consolidated list (CONS_ENHANCED.XML, which carries its 77 SDN entities too) made it the SDN
feed's newest version, so the workspace screened against the consolidated list's 443 entries as
"the SDN list" while its thousands of SDN entries were diffed as removed. Ingesting the SDN file
again changed nothing: its bytes were already known.

:func:`refilings` finds such versions from the stored provenance alone (their format and lists,
:func:`ingest.lists.provenance.misfiled`). The ingest (:mod:`ingest.lists.pipeline`) then puts
the feed's newest rightly filed version back as its newest, and files the misfiled version's
entries under their own feed, both from the stored rows: the files need not be at hand. Until
that ingest, a run over the current lists says what it screens against (:func:`misfiled_warnings`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from graph.lists.versions import feed_versions, latest_version
from ingest.lists.provenance import misfiled


@dataclass(frozen=True)
class Refiling:
    """One feed whose newest version an older rule filed there."""

    feed: str  # e.g. ofac-sdn
    misfiled: pd.Series  # the feed's newest version (``list_versions`` row): another feed's list
    right_feed: str  # where its entries belong, e.g. ofac-nonsdn
    #: The feed's newest rightly filed version, put back as its newest (None: it never had one)
    restore: pd.Series | None
    #: Whether the misfiled entries become the newest version of ``right_feed`` (False: that feed
    #: already has a version ingested after them, which they must not replace).
    move: bool


def _lists(version: pd.Series) -> list[str]:
    raw = version.get("lists_json")
    return list(json.loads(raw)) if isinstance(raw, str) and raw else []


def right_feed(version: pd.Series) -> str | None:
    """The feed a ``list_versions`` row belongs in when it is filed elsewhere; None if it is not."""
    fmt = version.get("format")
    return misfiled(str(version["feed"]), fmt if isinstance(fmt, str) else "", _lists(version))


def rightly_filed(versions: pd.DataFrame) -> pd.DataFrame:
    """The ``list_versions`` rows that hold a file's entries where they belong (not a misfiled
    version, nor the empty one that took a misfiled version's place in a feed with no other)."""
    if versions.empty:
        return versions
    keep = [bool(_lists(row)) and right_feed(row) is None for _, row in versions.iterrows()]
    return versions[keep]


def refilings(versions: pd.DataFrame) -> list[Refiling]:
    """Every feed of ``versions`` whose newest version belongs in another feed, with the repair."""
    out = []
    for feed in sorted(set(versions["feed"].dropna())):
        rows = feed_versions(versions, str(feed))
        newest = rows.iloc[-1]
        right = right_feed(newest)
        if right is None:
            continue
        earlier = rightly_filed(rows.iloc[:-1])  # (an empty version restores nothing)
        there = latest_version(versions, right)
        # ISO timestamps of one clock: later ingests sort after earlier ones
        move = there is None or str(there["ingested_at"]) < str(newest["ingested_at"])
        restore = None if earlier.empty else earlier.iloc[-1]
        out.append(Refiling(str(feed), newest, right, restore, move))
    return out


def misfiled_warnings(versions: pd.DataFrame) -> list[str]:
    """For a run over the current lists (``chipwatch screen``): each feed whose newest version an
    older rule misfiled, what it therefore holds, and the command that repairs it (any list
    ingest does, :func:`refilings`)."""
    if versions.empty:
        return []
    return [
        f"the {fix.feed} feed holds {fix.right_feed}'s list ({Path(str(fix.misfiled['path'])).name}, "
        f"version {fix.misfiled['version_id']}), filed there by an older chipwatch: this run screens "
        f"against it as {fix.feed}"
        + ("" if fix.restore is None else f", not {fix.feed}'s own list")
        + f"; run `chipwatch ingest bundled-lists` (or `chipwatch ingest lists` with the {fix.feed} file "
        "again) to put the lists right"
        for fix in refilings(versions)
    ]
