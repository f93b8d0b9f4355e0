"""The Lists page reads the workspace once per state of its tables and graph: a re-render (a
widget click, another session) reads no table and opens no store again."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from streamlit.testing.v1 import AppTest

from chipwatch.settings import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")
TIMEOUT = 60


def test_a_rerender_of_the_lists_page_reads_nothing_again(
    app_workspace: Path, table_reads: Counter[str]
) -> None:
    app = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    app.switch_page("pages/lists.py").run()
    assert not app.exception, [e.value for e in app.exception]
    table_reads.clear()
    app.run()
    again = AppTest.from_file(APP, default_timeout=TIMEOUT).run()  # a second session
    again.switch_page("pages/lists.py").run()
    assert not again.exception, [e.value for e in again.exception]
    assert table_reads == {}
