"""``chipwatch app``'s Streamlit server, started with the app's libraries already imported.

Streamlit imports what a page imports when the first session runs it: the first visit of a newly
started app waited for pandas, Arrow, the screening, resolution and risk code (seconds, more on a
busy machine) on top of reading the workspace. Imported here, before the server listens, that
wait is part of starting the app instead. Only library modules are imported: the app's own
``chipwatch.ui`` modules (Streamlit caches, widgets) load with the pages as before.

    python -m chipwatch.ui.launch run app.py --server.port 8501 …   (the ``streamlit`` arguments)
"""

from __future__ import annotations

import importlib

#: What the pages and ``chipwatch.ui`` import from the libraries (tests/app/test_launch.py checks
#: the list covers every such import).
PRELOAD = (
    "pandas",
    "pyarrow.parquet",
    "graph.export.risk_table",
    "graph.export.run",
    "graph.lists.diff",
    "graph.lists.versions",
    "graph.resolve.review",
    "graph.risk.entity",
    "graph.risk.joins",
    "graph.risk.paths",
    "graph.risk.staleness",
    "graph.screening.files",
    "graph.screening.index",
    "graph.screening.run",
    "graph.stores",
    "graph.sync_journal",
    "graph.tables.lists",
    "ingest.lists.refile",
)


def preload() -> None:
    for name in PRELOAD:
        importlib.import_module(name)


def main() -> None:
    preload()
    from streamlit.web.cli import main as streamlit_main

    streamlit_main(prog_name="streamlit")  # the arguments are ``streamlit``'s: ``run app.py …``


if __name__ == "__main__":
    main()
