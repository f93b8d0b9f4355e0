"""After a list update: re-screen the stored counterparties against what changed.

The index holds only the entries added or changed in the newest version of each feed (from
the ``list_diffs`` table), so every hit is a new or changed exposure; the counterparties are
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


def entry_changes(settings: Settings) -> dict[str, str]:
    """Entry id → what the newest version of its feed did to it (added, or changed and which
    fields), with the version and when it was published and ingested."""
    tables = load_list_tables(settings)
    if tables.versions.empty or tables.diffs.empty:
        return {}
    latest = current_versions(tables.versions).set_index("version_id")
    d = tables.diffs
    d = d[d["new_version_id"].isin(set(latest.index)) & d["change"].isin(["added", "changed"])]
    out: dict[str, str] = {}
    for node_id, change, fields, version in zip(
        d["node_id"], d["change"], d["fields_json"], d["new_version_id"], strict=True
    ):
        what = f"changed ({', '.join(json.loads(fields))})" if change == "changed" and fields else change
        out[str(node_id)] = f"{what} in {version_label(latest.loc[version], str(version))}"
    return out


def changed_entry_ids(settings: Settings) -> set[str]:
    """Entries added or changed by the newest version of each feed."""
    return set(entry_changes(settings))


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
    changes = entry_changes(settings)
    current = latest_entries(settings)
    current = current[current["node_id"].isin(set(changes))].reset_index(drop=True)
    base = counterparty_base(settings)
    versions = sorted(current_versions(load_list_tables(settings).versions)["version_id"].astype(str))
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
    _audit_event(settings, "rescreen_run", {**summary.__dict__, "output": str(output)})
    return summary
