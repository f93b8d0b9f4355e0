"""After a list update: re-screen the stored counterparties against what changed.

The index holds only the entries added or changed in the newest version of each feed (from
the ``list_diffs`` table), so every hit is a new or changed exposure; the counterparties are
the workspace's companies (with those named only in ownership records, such as the
``co:byname:…`` owners) and shipment parties as stored in the trade tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from chipwatch.settings import Settings
from graph.list_graph import list_graph_frames
from graph.lists.copies import shown_copies, version_lists
from graph.lists.versions import current_versions
from graph.model import NodeKind
from graph.screening.files import ResultWriter
from graph.screening.index import build_index
from graph.screening.run import _audit_event
from graph.screening.screen import Screener, Thresholds, counterparty_decisions
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


def changed_entry_ids(settings: Settings) -> set[str]:
    """Entries the newest version of a feed added or changed — in the copy the node shows
    (:func:`graph.tables.lists.shown_entries`) — or handed to another feed's copy by dropping the
    one shown. A change to a copy the node does not show (the consolidated list's copy of an SDN
    entry) changes no listing a counterparty is screened against."""
    tables = load_list_tables(settings)
    return _changed_ids(tables, shown_entries(tables))


def _changed_ids(tables: ListTables, shown: pd.DataFrame) -> set[str]:
    """:func:`changed_entry_ids` of ``tables``, whose shown entries are ``shown``."""
    if tables.versions.empty or tables.diffs.empty:
        return set()
    latest = set(current_versions(tables.versions)["version_id"])
    d = tables.diffs[tables.diffs["new_version_id"].isin(latest)]
    shown_feed = dict(zip(shown["node_id"], shown["feed"], strict=True))
    new = d[d["change"].isin(["added", "changed"])]
    ids = {n for n, f in zip(new["node_id"], new["feed"], strict=True) if shown_feed.get(n) == f}
    return ids | _handed_over(tables, d[d["change"] == "removed"], shown)


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


def rescreen(
    settings: Settings,
    output: Path,
    thresholds: Thresholds | None = None,
    warnings: Sequence[str] = (),
) -> RescreenSummary:
    """Write the new or changed exposures to ``output`` and return counts; ``warnings`` (about
    the lists screened against) go into the run record and the audit log."""
    thresholds = thresholds or Thresholds()
    tables = load_list_tables(settings)
    current = shown_entries(tables)
    current = current[current["node_id"].isin(_changed_ids(tables, current))].reset_index(drop=True)
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
                    writer.write(hits)
        summary = RescreenSummary(len(current), len(base), exposures, list(warnings))
        writer.commit(summary.__dict__)
    except BaseException:
        writer.abort()
        raise
    _audit_event(settings, "rescreen_run", {**summary.__dict__, "output": str(output)})
    return summary
