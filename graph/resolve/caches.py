"""The scorer's per-name caches, emptied when a whole resolution no longer needs them.

The name normalisers of :mod:`graph.resolve` keep their results in ``functools.lru_cache``\\ s
of up to 500,000 entries each (a name is normalised once per run, not once per candidate pair).
Full after scoring the 100k world, they hold several hundred megabytes that the link write of
``chipwatch resolve`` — which then loads the whole graph store — does not read.
"""

from __future__ import annotations

import sys


def clear_name_caches() -> int:
    """Empty every bounded ``lru_cache`` of the loaded ``graph.resolve`` modules (per-name
    results); tables loaded once (``maxsize`` 1 or unbounded) stay. Returns how many."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("graph.resolve.") or module is None:
            continue
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            if info is None or getattr(obj, "__module__", None) != name or not callable(obj):
                continue
            maxsize = info().maxsize
            if maxsize is not None and maxsize > 1:
                obj.cache_clear()
                cleared += 1
    return cleared
