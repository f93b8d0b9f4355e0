"""Explore shows the list hits the risk score used, with how each was found (a by-name owner)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from chipwatch.settings import PROJECT_ROOT
from chipwatch.ui import keys
from graph.risk.run import compute_risk_on
from graph.stores import NetworkxStore
from tests.graph.risk.conftest import BYNAME_OWNER, build_world

APP = str(PROJECT_ROOT / "app.py")


def test_explore_shows_a_by_name_owner_s_list_hit_and_how_it_was_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = build_world(NetworkxStore(tmp_path / "graph"))
    compute_risk_on(store, dt.date(2026, 6, 1))
    store.flush()
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("CHIPWATCH_STORE", "networkx")
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/explore.py").run()
    at.text_input(key=keys.SEARCH).input(BYNAME_OWNER).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    markdown = [m.value for m in at.markdown]
    assert "- **US_SDN** — OMEGA INDUSTRIES (`list:US_SDN:O1`)" in markdown
    assert "None in its cluster." not in markdown
    [found] = [c.value for c in at.caption if c.value.startswith("found by")]
    assert found.startswith(
        "found by by-name owner link  \nby-name owner link to list:US_SDN:O1 (byname_exact 1.00)"
    )
    assert "owns 60 % of Omega Trading FZE (co:t:OWNED)" in found
