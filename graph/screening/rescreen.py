"""After a list update: re-screen the stored counterparties against what changed.

The index holds only the entries added or changed since the last rescreen (the versions it ran
on are recorded; without a record, by the newest version of each feed), so every hit is a new or
changed exposure, and two list updates between rescreens lose neither's; the counterparties are
the workspace's companies (with those named only in ownership records, such as the
``co:byname:…`` owners) and shipment parties as stored in the trade tables. Each exposure says
what the list changed (``list_change``: added, or which fields changed, in which version of which
feed, ingested when): without it an officer could not tell a new listing from a renamed one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from chipwatch.settings import Settings
from graph.audit import AuditEvent
from graph.list_graph import entry_records
from graph.lists.basis import record_versions, recorded_versions
from graph.lists.copies import shown_copies, version_lists
from graph.lists.diff import version_diff
from graph.lists.versions import current_ids, current_versions, version_label
from graph.screening.files import ResultWriter
from graph.screening.index import build_index
from graph.screening.run import _audit_event
from graph.screening.screen import (
    COUNTERPARTY_COLUMN,
    RESULT_COLUMNS,
    Screener,
    Thresholds,
    counterparty_decisions,
)
from graph.tables.lists import ListTables, load_list_tables, shown_entries
from graph.tables.trade import load_trade_tables
from graph.trade_graph import name_only_companies


@dataclass
class RescreenSummary:
    changed_entries: int
    counterparties: int
    exposures: int
    #: The caller's warnings about the lists screened against (as ``screen``'s run notes).
    notes: list[str] = field(default_factory=list)
    #: The newest version of each feed: what the changed entries were taken from.
    list_versions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ListChanges:
    """Entry id → what the lists did to it since the versions compared with (``since``: per feed,
    the version the changes are counted from; none for a feed's first version)."""

    entries: dict[str, str]
    since: list[str]


def entry_changes(tables: ListTables, shown: pd.DataFrame, since: set[str] | None = None) -> ListChanges:
    """What each feed's newest version added or changed (and which fields), with the versions and
    their dates: against ``since`` (the versions the last rescreen ran on) where it holds an
    older version of the feed, else against the feed's previous version. Only changes to the copy
    a node shows count (``shown``: :func:`graph.tables.lists.shown_entries`), and a node handed
    to another feed's copy by dropping the one it showed."""
    if tables.versions.empty:
        return ListChanges({}, [])
    versions = tables.versions
    by_id = {str(r["version_id"]): r for _, r in versions.iterrows()}
    shown_feed = dict(zip(shown["node_id"], shown["feed"], strict=True))
    out: dict[str, str] = {}
    bases: list[str] = []
    for _, now in current_versions(tables.versions).iterrows():
        vid, feed = str(now["version_id"]), str(now["feed"])
        ran = versions[(versions["feed"] == feed) & versions["version_id"].isin(since or set())]
        base = str(ran.sort_values("seq").iloc[-1]["version_id"]) if len(ran) else None
        previous = now["previous_version_id"] if isinstance(now["previous_version_id"], str) else None
        base = base or previous
        if base is None or base == vid:
            bases += [vid] if base else []
            continue
        bases.append(base)
        d = version_diff(tables, feed, base, vid).rows
        if base == previous:
            when = f"in {version_label(now)}"
        else:  # several versions since the last rescreen: what they changed together
            when = f"since {version_label(by_id[base])}, now {version_label(now)}"
        new = d[d["change"].isin(["added", "changed"])]
        for node_id, change, fields in zip(new["node_id"], new["change"], new["fields_json"], strict=True):
            if shown_feed.get(node_id) != feed:
                continue  # a copy the node does not show: no listing a counterparty meets changed
            what = f"changed ({', '.join(json.loads(fields))})" if change == "changed" and fields else change
            out[str(node_id)] = f"{what} {when}"
        for node_id in _handed_over(tables, d[d["change"] == "removed"], shown):
            out[str(node_id)] = f"dropped by {feed} {when}: now shown as {shown_feed.get(node_id)} lists it"
    return ListChanges(out, sorted(bases))


def rescreen_since(settings: Settings, current: list[str]) -> set[str] | None:
    """The versions to count changes from: those the last rescreen ran on, so that two updates
    between rescreens lose nothing; when nothing changed since, those it counted from (a rerun
    gives the same answer). None: no rescreen recorded its versions."""
    last = recorded_versions(settings, "rescreen")
    if last is None:
        return None
    ran_on, ran_since = last
    return ran_since if ran_on == set(current) else ran_on


def changed_entry_ids(settings: Settings) -> set[str]:
    """Entries the newest version of a feed added or changed — in the copy the node shows
    (:func:`graph.tables.lists.shown_entries`) — or handed to another feed's copy by dropping the
    one shown. A change to a copy the node does not show (the consolidated list's copy of an SDN
    entry) changes no listing a counterparty is screened against."""
    tables = load_list_tables(settings)
    return set(entry_changes(tables, shown_entries(tables)).entries)


def _handed_over(tables: ListTables, removed: pd.DataFrame, shown: pd.DataFrame) -> set[str]:
    """Ids of ``removed`` (diff rows: a feed's newest version dropped them) that another feed's
    copy in ``shown`` lists, where the dropped copy ranked first: the node showed it before and
    shows another feed's copy now."""
    still = removed[removed["node_id"].isin(set(shown["node_id"]))]
    if still.empty:
        return set()
    dropped_keys = set(zip(still["node_id"], still["old_version_id"], strict=True))
    e = tables.entries
    e = e[e["node_id"].isin(set(still["node_id"])) & e["version_id"].isin(set(still["old_version_id"]))]
    dropped = e[[k in dropped_keys for k in zip(e["node_id"], e["version_id"], strict=True)]]
    rivals = shown[shown["node_id"].isin(set(still["node_id"]))]
    before = shown_copies(pd.concat([dropped, rivals], ignore_index=True), version_lists(tables.versions))
    return set(before.loc[before["version_id"].isin(set(still["old_version_id"])), "node_id"])


def counterparty_base(settings: Settings) -> pd.DataFrame:
    """Companies, companies named only in ownership records and shipment parties of the workspace
    as screening rows (name, country, id, role)."""
    trade = load_trade_tables(settings)
    companies = trade.companies[["node_id", "name", "country"]].rename(columns={"node_id": "id"})
    # An owner known only by name (``co:byname:…``) is a party to the ownership records an officer
    # relies on, yet no row of the companies table: a list version naming it is an exposure too.
    named = name_only_companies(trade)
    # a company known only by id (officer files, an unnamed ownership side) has no name to screen
    named = named[named["name"].fillna("").astype(str).str.strip() != ""][["id", "name", "country"]]
    parties = trade.parties[["party_id", "name", "country"]].rename(columns={"party_id": "id"})
    base = pd.concat(
        [
            companies.assign(role="company"),
            named.assign(role="named in ownership records"),
            parties.assign(role="shipment party"),
        ],
        ignore_index=True,
    )
    base = base.fillna("").astype(str)
    base.insert(0, "_row", range(1, len(base) + 1))
    return base


def with_list_changes(hits: pd.DataFrame, changes: dict[str, str]) -> pd.DataFrame:
    """``hits`` with each match's ``list_change`` and the top match's as a column."""
    out = hits.copy()
    matches = [[{**m, "list_change": changes.get(str(m["id"]))} for m in ms] for ms in out["matches"]]
    out["matches"] = pd.Series(matches, index=out.index, dtype=object)
    out["list_change"] = [changes.get(str(i)) for i in out["top_match_id"]]
    return out


def rescreen(
    settings: Settings,
    output: Path,
    thresholds: Thresholds | None = None,
    warnings: Sequence[str] = (),
    *,
    tables: ListTables | None = None,
) -> RescreenSummary:
    """Write the new or changed exposures to ``output`` and return counts; ``warnings`` (about
    the lists screened against) go into the run record and the audit log. ``tables``: the list
    tables when the caller already read them (read here otherwise; a command reads them once)."""
    thresholds = thresholds or Thresholds()
    tables = load_list_tables(settings) if tables is None else tables
    versions = current_ids(tables.versions)
    shown = shown_entries(tables)
    found = entry_changes(tables, shown, rescreen_since(settings, versions))
    changes = found.entries
    current = shown[shown["node_id"].isin(set(changes))].reset_index(drop=True)
    base = counterparty_base(settings)
    writer = ResultWriter(output, {"kind": "rescreen", "changed_entries": len(current)})
    exposures = 0
    try:
        if len(current) and len(base):
            # the entries as screen reads them, addresses too: the same fingerprints, the same countries
            index = build_index(entry_records(current))
            screener = Screener(index, thresholds, counterparty_decisions(settings))
            for start in range(0, len(base), 20_000):
                result = screener.screen(base.iloc[start : start + 20_000])
                # An exposure is a match: a row flagged for want of a screenable name (none, or no
                # letter in it) is no exposure to what changed in the lists.
                hits = result[result["disposition"].isin(["review", "block"]) & (result["match_count"] > 0)]
                exposures += len(hits)
                if len(hits):
                    writer.write(with_list_changes(hits, changes))
        if not exposures:  # the columns still: a 0-byte CSV is no table to Excel or pandas
            empty = base.iloc[0:0].assign(**{c: [] for c in RESULT_COLUMNS}, matches=[])
            empty.insert(list(empty.columns).index("name") + 1, COUNTERPARTY_COLUMN, [])  # as Screener.screen
            writer.write(with_list_changes(empty, changes))
        summary = RescreenSummary(len(current), len(base), exposures, list(warnings), versions)
        writer.commit(summary.__dict__)
    except BaseException:
        writer.abort()
        raise
    record_versions(settings, "rescreen", versions, found.since)
    _audit_event(
        settings, AuditEvent.RESCREEN_RUN, {**summary.__dict__, "output": str(output), "since": found.since}
    )
    return summary
