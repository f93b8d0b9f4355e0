"""Loaded at start-up by the app server a browser test serves (``PYTHONPATH`` puts this folder
first): appends a line to ``$CHIPWATCH_TEST_INDEX_LOG`` each time a screening list index is
built, so the test sees from outside the server how often an upload rebuilt it."""

from __future__ import annotations

import os
from typing import Any

_LOG = os.environ.get("CHIPWATCH_TEST_INDEX_LOG")
if _LOG:
    from graph.screening import index as _index

    _built = _index.ListIndex.__init__

    def _counted(self: Any, *args: Any, **kwargs: Any) -> None:
        _built(self, *args, **kwargs)
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write("built\n")

    _index.ListIndex.__init__ = _counted  # type: ignore[method-assign]
