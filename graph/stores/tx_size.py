"""How many rows one Neo4j write transaction may carry: a bound on its estimated memory, not a count.

Neo4j keeps a transaction's changes on the heap until commit and refuses a transaction whose
tracked memory passes ``db.memory.transaction.max`` or, summed over all open transactions,
``dbms.memory.transaction.total.max`` (70% of the heap by default: 1.4 GiB for the local
server's 2 GB). A fixed row count cannot respect that: 200k four-property rows fit, 200k
24-property shipment rows do not (``MemoryPoolOutOfMemoryError``). So the store cuts a call into
transactions by estimated bytes.

The estimate models what Neo4j 5.26 tracks for a written node or relationship, measured with
``SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory`` on open write transactions: about 2.6 KB per
row (record, index and constraint entries) plus about 200 B per property, plus the string
characters (a shipment row of 24 properties: ~7.3 KB measured, 8.6 KB estimated). While a
statement runs the tracked memory peaks at about twice the state at rest (a 64 MiB limit
refused 5,000 shipment rows whose state at rest was ~36 MB), so a transaction may use
:data:`LIMIT_SHARE` of the limit by the estimate.

Property counts are exact per row (cheap: ``len`` of each map); string sizes are the mean of an
evenly spaced sample of rows, because summing every string costs ~0.6 s per 400k rows in Python,
a tenth of the load itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import accumulate
from typing import Any, TypeVar

T = TypeVar("T")

ROW_BYTES = 2_600
PROP_BYTES = 200
CHAR_BYTES = 2
#: Share of the server's limit one transaction may fill by the estimate (peak ~2x the estimate,
#: and the limit on all transactions together also covers other clients' reads and writes).
LIMIT_SHARE = 0.3
#: Budget when the server states no limit or cannot be asked (a user's server without the
#: privilege to SHOW SETTINGS): the same share of the 1.4 GiB default of a 2 GB heap.
DEFAULT_BUDGET = int(LIMIT_SHARE * 1.4 * 2**30)
SAMPLE_ROWS = 1_000
#: The settings that bound a transaction's memory: one transaction, all of a database's, all.
PER_TX_SETTING = "db.memory.transaction.max"
TOTAL_SETTINGS = ("db.memory.transaction.total.max", "dbms.memory.transaction.total.max")
LIMIT_SETTINGS = (PER_TX_SETTING, *TOTAL_SETTINGS)

_UNITS = {"": 1, "B": 1, "K": 2**10, "KB": 2**10, "KIB": 2**10, "M": 2**20, "MB": 2**20, "MIB": 2**20}
_UNITS |= {"G": 2**30, "GB": 2**30, "GIB": 2**30, "T": 2**40, "TB": 2**40, "TIB": 2**40}
_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*$")


def parse_bytes(text: str) -> int | None:
    """A Neo4j byte setting as shown by SHOW SETTINGS (``1.40GiB``, ``64m``, ``0B``); None if unreadable."""
    match = _SIZE.match(str(text))
    if match is None or match.group(2).upper() not in _UNITS:
        return None
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def budget(limits: Mapping[str, str], writers: int = 1) -> int:
    """Estimated bytes one transaction may hold, given the server's limit settings (name -> value).

    A per-transaction limit applies to each transaction; the totals are shared by ``writers``
    transactions of this store running at once. ``0`` means no limit.
    """
    bounds = []
    for name, value in limits.items():
        size = parse_bytes(value)
        if not size:
            continue
        bounds.append(size if name == PER_TX_SETTING else size // max(writers, 1))
    return int(LIMIT_SHARE * min(bounds)) if bounds else DEFAULT_BUDGET


def _chars(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list | tuple):
        return sum(len(v) if isinstance(v, str) else 8 for v in value)
    return 0


def row_costs(rows: Sequence[T], props: Callable[[T], Mapping[str, Any]]) -> list[int]:
    """Estimated transaction bytes of each row (``props`` gives a row's property map)."""
    if not rows:
        return []
    step = max(1, len(rows) // SAMPLE_ROWS)
    sample = [props(r) for r in rows[::step]]
    chars = sum(_chars(v) for p in sample for v in p.values()) / len(sample)
    per_row = ROW_BYTES + int(CHAR_BYTES * chars)
    return [per_row + PROP_BYTES * len(props(r)) for r in rows]


def chunks(rows: list[T], props: Callable[[T], Mapping[str, Any]], limit: int) -> Iterator[list[T]]:
    """Consecutive slices of ``rows`` whose estimated bytes stay within ``limit`` (>= 1 row each)."""
    ends = list(accumulate(row_costs(rows, props)))
    start, used = 0, 0
    while start < len(rows):
        # The first row whose running total passes the budget starts the next slice.
        stop = bisect_right(ends, used + limit, lo=start + 1)
        yield rows[start:stop]
        used, start = ends[stop - 1], stop
