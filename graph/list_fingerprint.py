"""What a review decision about a list entry was made on: the entry's fingerprint.

A decision on a pair with a list entry on one side (a screened counterparty and an entry, a company
and an entry, two entries) stands while the entry is as the officer saw it; a later list version
that changes it (a new name, alias, country, programme, licence text …) asks the question again.
:func:`decision_context` records the fingerprint of each list entry of a pair with the decision;
:func:`changed_entries` says which of them have changed since. Screening
(:mod:`graph.screening.screen`) and resolution (:mod:`graph.resolve.run`) both read them, so this
module sits below both.

An entry's addresses are part of it: an officer who found no match may have gone by where the
party is, and a new address in the screened party's city asks again. Decisions recorded before
addresses counted carry the fingerprint without them (:func:`legacy_fingerprint`); such a
decision stands while the rest of the entry is unchanged (what its addresses were then is not
known), and every decision recorded since carries the fingerprint with them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from chipwatch.settings import Settings
from graph.list_graph import entry_records
from graph.list_status import current_mask, is_listing
from graph.lists.copies import one_copy_each, version_lists
from graph.lists.versions import current_versions
from graph.tables.lists import as_str_list, conform, list_table_path, read_list_table

#: The fields of a ListEntry node an officer decides on (a change of any asks again), as
#: fingerprinted before addresses counted (:func:`legacy_fingerprint`).
FINGERPRINT_COLUMNS = (
    "name",
    "aliases",
    "list",
    "entity_kind",
    "countries",
    "programs",
    "license_requirement",
    "license_policy",
    "legal_basis",
    "start_date",
    "source_url",
)
#: The entry's address lines as published (:func:`graph.list_graph.entry_records`).
ADDRESSES_COLUMN = "addresses"
LIST_PREFIX = "list:"  # the ids of list entries (graph.ids)
COUNTERPARTY_PREFIX = "cp:"  # a screened counterparty (graph.resolve.review.counterparty_id)
#: Decision context keys: one entry of a screening hit (as screening has always read it) and every
#: list entry of the pair by id.
SCREENING_KEY = "entry_fingerprint"
ENTRIES_KEY = "entry_fingerprints"


@dataclass(frozen=True)
class Fingerprint:
    """An entry's fingerprint as decisions record it now, and as they did before addresses counted."""

    value: str
    legacy: str

    def matches(self, recorded: str) -> bool:
        """Whether a decision that recorded ``recorded`` was made on the entry as it is."""
        return recorded in (self.value, self.legacy)


def _digest(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def _payload(row: Mapping[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = {c: as_str_list(row.get(c)) for c in FINGERPRINT_COLUMNS}
    if not is_listing(row.get("status")):  # only then: every other entry keeps its stored fingerprint
        payload["context"] = True
    return payload


def legacy_fingerprint(row: Mapping[str, Any]) -> str:
    """The fingerprint decisions recorded before an entry's addresses were part of it."""
    return _digest(_payload(row))


def entry_fingerprint(row: Mapping[str, Any]) -> str:
    """A hash of what an officer saw when deciding about an entry, its addresses included; it
    changes when the entry does (a reordering of the same address lines, or their spacing, is no
    change). Never the :func:`legacy_fingerprint` of an entry: the addresses key is always there."""
    lines = {" ".join(line.split()) for line in as_str_list(row.get(ADDRESSES_COLUMN))}
    return _digest({**_payload(row), ADDRESSES_COLUMN: sorted(line for line in lines if line)})


def fingerprint(row: Mapping[str, Any]) -> Fingerprint:
    """Both fingerprints of an entry row."""
    return Fingerprint(entry_fingerprint(row), legacy_fingerprint(row))


def current_fingerprints(settings: Settings, ids: Sequence[str]) -> dict[str, Fingerprint]:
    """The fingerprints of those of ``ids`` that are entries of the current list versions, as
    screening computes them: of the copy :func:`graph.tables.lists.shown_entries` gives, as rows
    of :func:`graph.list_graph.entry_records`."""
    wanted = sorted({i for i in ids if i.startswith(LIST_PREFIX)})
    path = list_table_path(settings, "list_entries")
    if not wanted or not path.exists():
        return {}
    versions = read_list_table(settings, "list_versions")
    if versions.empty:
        return {}
    rows = conform("list_entries", pd.read_parquet(path, filters=[("node_id", "in", wanted)]))  # only those
    current = current_versions(versions)
    rows = rows[rows["version_id"].isin(set(current["version_id"]))]
    if rows.empty:
        return {}
    rows = one_copy_each(rows, version_lists(current))  # the copy screening reads (shown_entries)
    nodes = entry_records(rows)
    if "status" in nodes.columns:
        nodes = nodes[current_mask(nodes["status"])]
    records = [{str(k): v for k, v in r.items()} for r in nodes.to_dict("records")]
    return {str(r["id"]): fingerprint(r) for r in records}


def decision_context(settings: Settings, a: str, b: str) -> dict[str, Any]:
    """The context to record with a decision on (a, b): the fingerprint of each list entry of the
    pair as it is now (none for an id that is no current entry)."""
    found = {e: f.value for e, f in current_fingerprints(settings, [a, b]).items()}
    if not found:
        return {}
    context: dict[str, Any] = {ENTRIES_KEY: found}
    for cp, entry in ((a, b), (b, a)):
        if cp.startswith(COUNTERPARTY_PREFIX) and entry in found:
            context[SCREENING_KEY] = found[entry]
    return context


def decided_on(context: Mapping[str, Any]) -> dict[str, str]:
    """Entry id → the fingerprint a decision recorded for it (none for decisions made before
    fingerprints were recorded: those stand as they are)."""
    recorded = context.get(ENTRIES_KEY)
    return {str(k): str(v) for k, v in recorded.items()} if isinstance(recorded, dict) else {}


def changed_entries(context: Mapping[str, Any], current: Mapping[str, Fingerprint]) -> list[str]:
    """The list entries of a decision that have changed since it was made. An entry no longer
    current (removed) is not among them: there is nothing to match it against."""
    return sorted(e for e, fp in decided_on(context).items() if e in current and not current[e].matches(fp))
