"""Session-wide fixtures: one local Neo4j for the whole test session.

``neo4j_settings`` starts this project's own Neo4j (``chipwatch/neo4j_server.py``) once, in a
temporary workspace, and yields Settings with store=neo4j and uri/user/password filled in.

Where Neo4j cannot run: with ``CI=true`` every test that needs it fails (CI must test the Neo4j
store); elsewhere those tests are skipped with one line saying why (no Java, launcher not built).
The launcher is never built from here: CI builds it first (``bash scripts/build-neo4j-launcher.sh``).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pandas as pd
import pytest

from chipwatch import neo4j_launcher, neo4j_server
from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings, StoreKind

NEO4J_FIXTURE = "neo4j_settings"
# Tests that start servers of their own (to kill or reconfigure them) ask only for the skip rules.
NEO4J_RUNNABLE_FIXTURE = "neo4j_runnable"
START_TIMEOUT_S = 240.0


def _in_ci() -> bool:
    # CI is not a CHIPWATCH_* setting, so tests read it here rather than through chipwatch.settings.
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def _neo4j_unavailable(reason: str) -> NoReturn:
    if _in_ci():
        pytest.fail(f"CI=true but the local Neo4j cannot run: {reason}", pytrace=False)
    pytest.skip(f"Neo4j tests skipped: {reason}")


@pytest.fixture
def neo4j_runnable() -> None:
    """The skip rules of ``neo4j_settings`` without its server, for a test that starts its own."""
    reason = neo4j_launcher.unavailable_reason()
    if reason is not None:
        _neo4j_unavailable(reason)


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings for a local Neo4j that runs for the whole session (store=neo4j, credentials set)."""
    reason = neo4j_launcher.unavailable_reason()
    if reason is not None:
        _neo4j_unavailable(reason)
    base = Settings(workspace=tmp_path_factory.mktemp("neo4j-session"), store=StoreKind.NEO4J)
    try:
        # watch_pid: if this pytest is killed, the server stops itself instead of lingering.
        neo4j_server.start(base, timeout=START_TIMEOUT_S, build=False, watch_pid=os.getpid())
    except ChipwatchError as exc:
        _neo4j_unavailable(f"starting it failed: {exc}")
    try:
        yield neo4j_server.effective_neo4j_settings(base)
    finally:
        neo4j_server.stop(base)
        # pytest keeps the last temp dirs; a Neo4j store is tens of MB, so drop it now.
        shutil.rmtree(base.neo4j_dir / "dbms", ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> str:
    """One line up front saying whether the Neo4j tests can run, and why not."""
    reason = neo4j_launcher.unavailable_reason()
    if reason is None:
        return "neo4j: local server available (started once for the session by tests that need it)"
    outcome = "FAIL (CI=true)" if _in_ci() else "be skipped"
    return f"neo4j: Neo4j tests will {outcome}: {reason}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests using the Neo4j fixture get the ``neo4j`` marker, so ``-m "not neo4j"`` leaves them out."""
    for item in items:
        if {NEO4J_FIXTURE, NEO4J_RUNNABLE_FIXTURE} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


def _chipwatch_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith("CHIPWATCH_")}


@pytest.fixture(autouse=True)
def _environment_restored() -> Iterator[None]:
    """A test that sets a CHIPWATCH_* variable must restore it (``monkeypatch.setenv``): a leaked
    CHIPWATCH_WORKSPACE points every later test that loads settings at the wrong workspace."""
    before = _chipwatch_environment()
    yield
    after = _chipwatch_environment()
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    if changed:
        os.environ.update(before)
        for key in after.keys() - before.keys():
            del os.environ[key]
        pytest.fail(f"the test left {', '.join(changed)} changed; use monkeypatch.setenv", pytrace=False)


@pytest.fixture
def table_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each Parquet table is read (by file name), counted around the real reader."""
    reads: Counter[str] = Counter()
    real = pd.read_parquet

    def counted(path: object, *args: object, **kwargs: object) -> pd.DataFrame:
        reads[Path(str(path)).stem] += 1
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pd, "read_parquet", counted)
    return reads
