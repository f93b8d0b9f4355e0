"""One small workspace for every app test: two CSL versions + the bundled demo world, resolved and
scored (a few seconds). ``app_workspace`` points ``CHIPWATCH_WORKSPACE`` at it for the session."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.settings import PROJECT_ROOT, Settings
from graph.resolve.run import resolve
from graph.risk.run import compute_risk
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.provenance import READ_VERSION
from ingest.trade.graph_sync import ingest_demo_world

LIST_FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "lists_pipeline"
#: CSL rows with no published type, some of them people: the current reader reads those from the name.
TYPELESS = LIST_FIXTURES / "csl_typeless_people.csv"
GROUND_TRUTH = PROJECT_ROOT / "data" / "demo_world" / "ground_truth.json"
AS_OF = dt.date(2026, 11, 1)


def ingest_reread(settings: Settings) -> str:
    """Load ``TYPELESS`` as the reader version before this one would have read it, then with the
    current reader (a re-read: version 2 of the feed, same file); returns the note it must carry."""
    from tests.ingest.lists.test_reader_version import _reader_v1

    ingest_list_files(settings, [TYPELESS], reader=_reader_v1, reader_version=READ_VERSION - 1)
    ingest_list_files(settings, [TYPELESS])
    return f"re-read: reader version {READ_VERSION - 1} → {READ_VERSION}"


@pytest.fixture(scope="session")
def app_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    workspace = tmp_path_factory.mktemp("app-workspace")
    settings = Settings(workspace=workspace)
    ingest_list_files(settings, [LIST_FIXTURES / "csl_v1.csv"])
    ingest_list_files(settings, [LIST_FIXTURES / "csl_v2.csv"])
    ingest_demo_world(settings)
    resolve(settings)
    compute_risk(settings, AS_OF)
    # Session-scoped, so not the function-scoped monkeypatch fixture; the context restores both.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHIPWATCH_WORKSPACE", str(workspace))
        mp.setenv("CHIPWATCH_STORE", "networkx")
        yield workspace


@pytest.fixture(scope="session")
def planted() -> dict[str, str]:
    """The first planted diversion party of the demo world: name and node id."""
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    party = truth["schemes"][0]["parties"][0]
    return {"name": party["name"], "node_id": party["node_id"], "country": party["country"]}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        reason = "chromium is not on PATH (run `make browser`)"
        if _in_ci():
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)
    return path
