"""The app on the Neo4j store (the project's local server, started once per test session)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from chipwatch.settings import PROJECT_ROOT, Settings
from chipwatch.ui import keys
from ingest.lists.pipeline import ingest_list_files

APP = str(PROJECT_ROOT / "app.py")
CSL = PROJECT_ROOT / "tests" / "fixtures" / "lists_pipeline" / "csl_v2.csv"


def test_pages_on_neo4j_store(neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_list_files(neo4j_settings, [CSL])
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(neo4j_settings.workspace))
    monkeypatch.setenv("CHIPWATCH_STORE", "neo4j")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["List entries"] >= 12
    at.switch_page("pages/explore.py").run()
    at.text_input(key=keys.SEARCH).input("Atlas Sanatgaran").run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.subheader[0].value == "Atlas Sanatgaran"
    assert "neo4j" not in "\n".join(str(m.value) for m in at.markdown).lower()  # no connection details
    at.text_input(key=keys.SEARCH).input("Cesareo Estanislao Benitez").run()  # DTC: no type published
    assert [t.value.split(":")[0] for t in at.text] == ["person — read from the name"]
    at.switch_page("pages/lists.py").run()
    assert not at.exception and not at.error
