"""The cyclic garbage collector held off while a step builds millions of long-lived objects
(resolution's records, the embedded store's node and edge dicts).

Resolution, for one, allocates millions of long-lived objects (each record's names and prepared columns,
the per-name caches, the scored pairs) and frees almost none of them until it returns. CPython's
collector is triggered by allocations, so it keeps running full (oldest-generation) collections
that walk the whole, growing heap and find nothing to free: on a 20,000-company / 200,000-shipment
world 17 full collections took about a fifth of the run and left 10 objects of cyclic garbage.
Reference counting still frees everything that is not in a cycle, and the collector is switched
back on (as it was found) when the block ends, so the rare cycle is collected by the next run of it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector for the block; restore its previous state after
    (a caller that had disabled it keeps it disabled), also when the block raises."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
