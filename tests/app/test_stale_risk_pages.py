"""The pages that show risk (Overview, Risk list, Explore, Paths, and Screening's risk columns) show
a warning box naming what changed when the stored risk results are stale — here a review decision
made on the app's own Review page after ``chipwatch risk`` — and none while they are current."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from chipwatch.cli import cli
from chipwatch.settings import PROJECT_ROOT, Settings
from chipwatch.ui import keys
from graph.resolve.review import load_decisions
from graph.risk.run import compute_risk
from tests.app.conftest import AS_OF
from tests.app.test_pages import APP, TIMEOUT, UPLOAD, _page

STALE = "risk results are stale"
BEHIND = "is behind the tables"


@pytest.fixture
def workspace(app_workspace: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the session workspace, scored again (other tests record decisions in the shared
    one), with the app pointed at it."""
    ws = tmp_path / "ws"
    shutil.copytree(app_workspace, ws)
    compute_risk(Settings(workspace=ws), AS_OF)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHIPWATCH_WORKSPACE", str(ws))
        mp.setenv("CHIPWATCH_STORE", "networkx")
        yield ws


def _stale(at: AppTest, text: str = STALE) -> list[str]:
    return [w.value for w in at.warning if text in w.value]


def _risk_pages(at: AppTest, planted: dict[str, str], text: str = STALE) -> dict[str, list[str]]:
    """The warnings holding ``text`` (stale risk, by default) of each page that shows risk."""
    out = {
        "overview": _stale(_page(at, "overview"), text),
        "risk_list": _stale(_page(at, "risk_list"), text),
    }
    _page(at, "explore")
    at.text_input(key=keys.SEARCH).input(planted["node_id"]).run()
    assert at.subheader[0].value == planted["name"]
    out["explore"] = _stale(at, text)
    _page(at, "paths")
    at.text_input(key=keys.PATH_SOURCE).input(planted["node_id"])
    at.button(key=keys.PATH_RUN).click().run()
    assert at.expander, "no path shown"
    out["paths"] = _stale(at, text)
    return out


def test_risk_pages_warn_after_a_review_decision(workspace: Path, planted: dict[str, str]) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert _risk_pages(at, planted) == {"overview": [], "risk_list": [], "explore": [], "paths": []}
    # the officer confirms the first queued pair on the Review page
    _page(at, "review")
    at.text_input(key=keys.REVIEW_NOTE).input("same company")
    at.button(key=keys.REVIEW_CONFIRM).click().run()
    assert not at.exception
    assert any(j.note == "same company" for j in load_decisions(Settings(workspace=workspace)).values())
    warned = _risk_pages(at, planted)
    for page, warnings in warned.items():
        assert len(warnings) == 1, page
        assert "since then 1 review decision recorded (" in warnings[0], page
        assert warnings[0].endswith("run `chipwatch risk` again"), page
    # chipwatch risk again: the pages are current once more
    compute_risk(Settings(workspace=workspace), AS_OF)
    assert _risk_pages(at, planted) == {"overview": [], "risk_list": [], "explore": [], "paths": []}


def _screened(at: AppTest, text: str = STALE) -> list[str]:
    """The warnings holding ``text`` (stale risk, by default) shown with the results of screening
    the fixture upload."""
    _page(at, "screening")
    at.file_uploader(key=keys.SCREEN_UPLOAD).upload(UPLOAD.name, UPLOAD.read_bytes(), "text/csv").run()
    at.button(key=keys.SCREEN_RUN).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.dataframe[0].value["risk_score"].ne("").any()  # the rows carry the run's risk
    return _stale(at, text)


def test_screening_warns_that_its_risk_columns_are_stale(workspace: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert _screened(at) == []
    _page(at, "review")
    at.text_input(key=keys.REVIEW_NOTE).input("same company")
    at.button(key=keys.REVIEW_CONFIRM).click().run()
    assert not at.exception
    # as `chipwatch screen` says on stderr: the rows' risk columns come from a stale run
    [warned] = _screened(at)
    assert warned.startswith("risk_score, ownership_status and red_flags: risk results are stale: ")
    assert "since then 1 review decision recorded (" in warned
    assert warned.endswith("run `chipwatch risk` again")
    # the run is recorded with the warning, as the CLI's are
    assert warned in at.session_state[keys.SCREEN_RESULT].summary.notes


def test_pages_warn_while_the_graph_is_behind_the_tables(workspace: Path, planted: dict[str, str]) -> None:
    """``chipwatch ingest … --no-graph`` leaves the graph as of its last sync: every page reading it
    says so, naming the tables and ``chipwatch graph-sync``, until a sync brings it up to them."""
    none = {"overview": [], "risk_list": [], "explore": [], "paths": []}
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert _risk_pages(at, planted, BEHIND) == none
    assert _screened(at, BEHIND) == []
    assert _stale(_page(at, "review"), BEHIND) == []
    env = {"CHIPWATCH_WORKSPACE": str(workspace), "CHIPWATCH_STORE": "networkx"}
    ownership = PROJECT_ROOT / "tests" / "fixtures" / "export" / "ownership.csv"
    args = ["ingest", "ownership", str(ownership), "--source", "export test", "--no-graph"]
    assert CliRunner().invoke(cli, args, env=env).exit_code == 0
    warned = _risk_pages(at, planted, BEHIND)
    warned["screening"] = _screened(at, BEHIND)
    warned["review"] = _stale(_page(at, "review"), BEHIND)  # its side-by-side records are the graph's
    for page, warnings in warned.items():
        assert len(warnings) == 1, page
        assert "the ownership data changed after its last sync (load " in warnings[0], page
        assert warnings[0].endswith("Run 'chipwatch graph-sync' to add them"), page
    # graph-sync: the graph holds the tables again, no page warns of it
    assert CliRunner().invoke(cli, ["graph-sync"], env=env).exit_code == 0
    assert _risk_pages(at, planted, BEHIND) == none
    assert _screened(at, BEHIND) == []
    assert _stale(_page(at, "review"), BEHIND) == []
