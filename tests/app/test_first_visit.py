"""The first visit of a workspace: the Overview and the Risk list read a few columns of the stored
graph's files; they do not open the store (every kind, every property: most of the first visit's
wait on the demo workspace). The pages that show records still open it."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from chipwatch.settings import PROJECT_ROOT, Settings
from chipwatch.ui import store as ui_store
from graph.export.risk_table import risk_table
from graph.stores import open_store

APP = str(PROJECT_ROOT / "app.py")
TIMEOUT = 60


@pytest.fixture
def opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every opening of the store by the app, counted; the caches emptied before and after."""
    opened: list[str] = []
    real = ui_store.open_store

    def counted(settings: Settings):  # type: ignore[no-untyped-def]
        opened.append(str(settings.workspace))
        return real(settings)

    st.cache_resource.clear()
    monkeypatch.setattr(ui_store, "open_store", counted)
    yield opened
    st.cache_resource.clear()


def test_overview_and_risk_list_do_not_open_the_store(app_workspace: Path, opens: list[str]) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception and at.header[0].value == "Overview"
    store = open_store(Settings(workspace=app_workspace))
    try:
        counts, table = store.counts(), risk_table(store)
    finally:
        store.close()
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Companies"] == counts["Company"] and metrics["Shipments"] == counts["Shipment"]
    assert metrics["SAME_AS links"] == counts["SAME_AS"]
    assert list(at.dataframe[1].value["id"]) == list(table["id"].head(20))
    at.switch_page("pages/risk_list.py").run()
    assert not at.exception and len(at.dataframe[0].value) > 0
    assert opens == []
    at.switch_page("pages/review.py").run()  # side-by-side records: the store is opened
    assert not at.exception
    assert opens == [str(app_workspace)]
