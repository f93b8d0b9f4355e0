"""One OFAC entry read more than once: the CSL's copies and OFAC's own SDN and non-SDN files.

OFAC numbers every entry of all its lists from one sequence (the ``ent_num`` of the legacy CSVs,
the ``uid`` of the XML files), SDN and non-SDN alike, and the CSL keeps that number as the
``entity_number`` of its rows from OFAC's lists. The CSL keeps ``{source code}:{entity_number}``
as the id (its numbers are only unique within a source), OFAC's files the bare number, so OFAC
entry ``18723`` (Bank VTB Kazakhstan, on the SSI, CAPTA and SDN lists) is ``list:US_SSI:SSI:18723``,
``list:US_CAP:CAP:18723`` and ``list:US_SDN:SDN:18723`` in the CSL, ``list:US_NONSDN:18723`` in
OFAC's consolidated file. They are one identity: linked here, and the anti-chaining guard does
not take them for "two entries of the same list".

Only where the number *is* OFAC's (:data:`OFAC_NUMBERED`). The CSL's other sources (BIS, State)
carry no ``entity_number`` (their key is an ``_id`` or a content hash: no entry number at all),
and a duplicate row's key (``SDN:22696#12``) is not one either.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd

#: List code → how its node ids carry OFAC's entry number: ``""`` for OFAC's own files (the bare
#: number, ``list:US_NONSDN:18723``), else the CSL source code before it (``list:US_SSI:SSI:18723``).
#: The CSL codes are those ``ingest.lists.readers.csl_csv.SOURCES`` gives OFAC's lists (SSI, FSE,
#: NS-PLC → PLC, CAP, NS-CMIC → CMIC, NS-MBS → MBS); OFAC's consolidated files (cons_prim.csv,
#: CONS_ENHANCED.XML, consolidated.xml) are ``US_NONSDN``, their SDN entities ``US_SDN``.
#: Evidence, the real files (2026-12): CSL May 2022 rows whose number is in OFAC's Dec 2025
#: cons_prim.csv — same name / other name / absent:
#:   SSI 274 / 12 / 4 (the 12: renamings, e.g. ACTIVEBUSINESSCOLLECTION → ACTIVE BUSINESS CONSULT,
#:   11 with the other name among the aliases, ROSTEC → STATE CORPORATION ROSTEC), PLC 78 / 0 / 0,
#:   CMIC 68 / 0 / 0, CAP 40 / 0 / 13, MBS 13 / 0 / 4 (absent: delisted since 2022); FSE 0 / 0 / 3,
#:   but vs CONS_ENHANCED.XML (Jan 2025) 1 / 0 / 2 and vs the Apr 2018 consolidated.xml and the
#:   2021 SDN file 2 / 0 / 1 each (FSE entries moved to the SDN list keep their number).
#:   SDN: 48 of the CSL's SDN rows have their number in cons_prim.csv, all with the same name
#:   (entities on the SDN list and a non-SDN list are one OFAC record); vs the 2021 sdn.csv
#:   8,529 / 27 / 1,470. Within the CSL itself 71 numbers are on two or three OFAC sources
#:   (CAP+SDN+SSI 40, CAP+SDN 11, SDN+SSI 8, MBS+SSI 5 …), all 71 with one name.
OFAC_NUMBERED: dict[str, frozenset[str]] = {
    "US_SDN": frozenset({"", "SDN"}),
    "US_NONSDN": frozenset({""}),
    "US_SSI": frozenset({"SSI"}),
    "US_FSE": frozenset({"FSE"}),
    "US_PLC": frozenset({"PLC"}),
    "US_CAP": frozenset({"CAP"}),
    "US_CMIC": frozenset({"CMIC"}),
    "US_MBS": frozenset({"MBS"}),
}
METHOD = "same-entry"
_PREFIX = "ofac:"


def entry_of(node_id: str) -> str:
    """The id of the source-list entry a list node is a copy of: ``ofac:18723`` for every node
    that carries OFAC's entry number 18723 (:data:`OFAC_NUMBERED`); any other id as is."""
    parts = node_id.split(":")
    if parts[0] != "list" or len(parts) not in (3, 4) or not parts[-1].isdigit():
        return node_id
    source_code = parts[2] if len(parts) == 4 else ""
    if source_code in OFAC_NUMBERED.get(parts[1], frozenset()):
        return _PREFIX + parts[-1]
    return node_id


def shared_entry_pairs(ids: Sequence[str], feeds: Sequence[str]) -> pd.DataFrame:
    """Links (score 1, method ``same-entry``) between list nodes that are one OFAC entry read
    more than once, with the reason naming the entry number and both copies with their feeds."""
    cols = ["source", "target", "score", "method", "reasons_json"]
    by_entry: dict[str, dict[str, str]] = {}
    for node_id, feed in zip(ids, feeds, strict=True):
        entry = entry_of(node_id)
        if entry != node_id:
            # one node id from two feeds (an SDN entity in CONS_ENHANCED.XML and sdn.csv) is one node
            by_entry.setdefault(entry, {}).setdefault(node_id, feed)
    rows = []
    for entry, copies in by_entry.items():
        number = entry.removeprefix(_PREFIX)
        items = list(copies.items())
        for k, (a, feed_a) in enumerate(items):
            for b, feed_b in items[k + 1 :]:
                reason = (
                    f"one OFAC entry, number {number}, read twice: "
                    f"{a} (feed {feed_a}) and {b} (feed {feed_b})"
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
