"""The app on the Neo4j store (the project's local server, started once per test session)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from chipwatch.settings import PROJECT_ROOT, Settings
from chipwatch.ui import keys
from graph.stores import open_store
from ingest.lists.pipeline import ingest_list_files
from tests.app.conftest import ingest_reread

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


def test_lists_page_on_neo4j_says_which_version_is_a_file_read_again(
    neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A workspace of its own on the session's server (the one above keeps its CSL versions).
    neo = neo4j_settings.with_(workspace=tmp_path / "neo")
    with closing(open_store(neo)) as store:
        store.clear()
    note = ingest_reread(neo)
    assert neo.neo4j_uri
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(neo.workspace))
    monkeypatch.setenv("CHIPWATCH_STORE", "neo4j")
    monkeypatch.setenv("CHIPWATCH_NEO4J_URI", neo.neo4j_uri)
    monkeypatch.setenv("CHIPWATCH_NEO4J_USER", neo.neo4j_user)
    monkeypatch.setenv("CHIPWATCH_NEO4J_PASSWORD", neo.neo4j_password.reveal())
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/lists.py").run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert list(at.dataframe[0].value["note"]) == ["", note]
    assert len(at.info) == 1 and note in at.info[0].value
