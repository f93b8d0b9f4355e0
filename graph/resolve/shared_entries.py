"""One list entry read from two feeds: the CSL's copy of an SDN entry and OFAC's own SDN file.

The CSL keeps ``{source code}:{entity_number}`` as the id (its numbers are only unique within
a source), OFAC's files keep the bare uid, so the one entry ``22696`` of the SDN list is both
``list:US_SDN:SDN:22696`` and ``list:US_SDN:22696``. They are one identity: linked here, and
the anti-chaining guard does not take them for "two entries of the same list".

Only where the CSL source's ``entity_number`` *is* the list publisher's own entry number
(:data:`OWN_NUMBERS`): the CSL's SDN rows carry OFAC's uid. Other CSL sources number their rows
in ways no other feed shares, and a CSL key that is not a number (an ``_id`` or a content hash)
is no entry number at all.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd

#: List code → the CSL source code whose ``entity_number`` is that list's own entry number.
OWN_NUMBERS: dict[str, str] = {"US_SDN": "SDN"}
METHOD = "same-entry"


def entry_of(node_id: str) -> str:
    """The id of the source-list entry a list node is a copy of: ``list:US_SDN:22696`` for
    both ``list:US_SDN:SDN:22696`` (the CSL's copy) and ``list:US_SDN:22696``; any other id as is."""
    parts = node_id.split(":")
    if (
        len(parts) == 4
        and parts[0] == "list"
        and OWN_NUMBERS.get(parts[1]) == parts[2]
        and parts[3].isdigit()
    ):
        return f"list:{parts[1]}:{parts[3]}"
    return node_id


def shared_entry_pairs(ids: Sequence[str], feeds: Sequence[str]) -> pd.DataFrame:
    """Links (score 1, method ``same-entry``) between list nodes that are one source-list entry
    read from different feeds, with the reason naming the list, the entry number and both feeds."""
    cols = ["source", "target", "score", "method", "reasons_json"]
    by_entry: dict[str, list[tuple[str, str]]] = {}
    for node_id, feed in zip(ids, feeds, strict=True):
        by_entry.setdefault(entry_of(node_id), []).append((node_id, feed))
    rows = []
    for entry, copies in by_entry.items():
        if len(copies) < 2:
            continue
        _, code, number = entry.split(":", 2)
        for k, (a, feed_a) in enumerate(copies):
            for b, feed_b in copies[k + 1 :]:
                reason = (
                    f"one {code} entry, number {number}, read from two feeds: "
                    f"{a} ({feed_a}) and {b} ({feed_b})"
                )
                rows.append(
                    {
                        "source": a,
                        "target": b,
                        "score": 1.0,
                        "method": METHOD,
                        "reasons_json": json.dumps([reason]),
                    }
                )
    return pd.DataFrame(rows, columns=cols)
