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
from graph.list_graph import list_graph_frames
from graph.lists.basis import current_version_ids, record_versions, recorded_versions
from graph.lists.diff import version_diff
from graph.lists.versions import current_versions, version_label
from graph.model import NodeKind
from graph.screening.files import ResultWriter
from graph.screening.index import build_index
from graph.screening.run import _audit_event
from graph.screening.screen import RESULT_COLUMNS, Screener, Thresholds, counterparty_decisions
from graph.tables.lists import latest_entries, load_list_tables
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


def entry_changes(settings: Settings, since: set[str] | None = None) -> ListChanges:
    """What each feed's newest version added or changed (and which fields), with the versions and
    their dates: against ``since`` (the versions the last rescreen ran on) where it holds an
    older version of the feed, else against the feed's previous version."""
    tables = load_list_tables(settings)
    if tables.versions.empty:
        return ListChanges({}, [])
    versions = tables.versions
    by_id = {str(r["version_id"]): r for _, r in versions.iterrows()}
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
        d = d[d["change"].isin(["added", "changed"])]
        for node_id, change, fields in zip(d["node_id"], d["change"], d["fields_json"], strict=True):
            what = f"changed ({', '.join(json.loads(fields))})" if change == "changed" and fields else change
            out[str(node_id)] = f"{what} {when}"
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
    """Entries added or changed by the newest version of each feed."""
    return set(entry_changes(settings).entries)


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
) -> RescreenSummary:
    """Write the new or changed exposures to ``output`` and return counts; ``warnings`` (about
    the lists screened against) go into the run record and the audit log."""
    thresholds = thresholds or Thresholds()
    versions = current_version_ids(settings)
    found = entry_changes(settings, rescreen_since(settings, versions))
    changes = found.entries
    current = latest_entries(settings)
    current = current[current["node_id"].isin(set(changes))].reset_index(drop=True)
    base = counterparty_base(settings)
    writer = ResultWriter(output, {"kind": "rescreen", "changed_entries": len(current)})
    exposures = 0
    try:
        if len(current) and len(base):
            entries = list_graph_frames(current).nodes[NodeKind.LIST_ENTRY]
            screener = Screener(build_index(entries), thresholds, counterparty_decisions(settings))
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
            writer.write(with_list_changes(empty, changes))
        summary = RescreenSummary(len(current), len(base), exposures, list(warnings), versions)
        writer.commit(summary.__dict__)
    except BaseException:
        writer.abort()
        raise
    record_versions(settings, "rescreen", versions, found.since)
    _audit_event(settings, "rescreen_run", {**summary.__dict__, "output": str(output), "since": found.since})
    return summary
