"""The review and screening pages in Chromium when the world changes between two renders.

Another officer decides pairs while this one has the review page open: a click acts on the pair
it was drawn for, or on nothing (said on the page), never on a pair that moved into its place.
A queued score is shown with the digits it takes not to read as certain or as the link
threshold. A misfiled OFAC feed is a warning box on the screening page, not a caption.
Skipped without ``chromium`` on PATH (``conftest.chromium_path``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from chipwatch.settings import Settings
from chipwatch.ui import render_probe
from chipwatch.ui.store import display_name
from graph.resolve.review import decide, load_decisions, pair_key, pending_queue, queue_path
from graph.stores import open_store

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
NOTE = "Note (why)"


def _settle(page: Page) -> None:
    """A click's rerun may not have started yet (and a recorded decision reruns once more)."""
    for _ in range(2):
        page.wait_for_timeout(500)
        render_probe.wait_script_done(page)


def _open_review(page: Page, url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{url}/review")
    render_probe.wait_script_done(page)
    expect(page.get_by_role("button", name="Confirm: same entity")).to_be_visible()


def _type_note(page: Page, text: str) -> None:
    page.get_by_label(NOTE).fill(text)
    page.get_by_label(NOTE).press("Enter")
    _settle(page)


def _pick(page: Page, position: int) -> None:
    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option").nth(position).click()
    _settle(page)


def _pairs(settings: Settings) -> list[tuple[str, str]]:
    queue = pending_queue(settings)
    return [(str(s), str(t)) for s, t in zip(queue["source"], queue["target"], strict=True)]


def _mine(settings: Settings, note: str) -> list[tuple[tuple[str, str], str]]:
    return [(k, j.decision.value) for k, j in load_decisions(settings).items() if j.note == note]


@pytest.fixture(scope="module")
def own_workspace(app_workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the app workspace: this module's decisions stay out of the other app tests."""
    copy = tmp_path_factory.mktemp("review-race") / "ws"
    shutil.copytree(app_workspace, copy)
    return copy


@pytest.fixture(scope="module")
def served(own_workspace: Path, chromium_path: str) -> Iterator[str]:
    with render_probe.serve_app(own_workspace) as app:
        yield app.url


@pytest.fixture
def page(served: str, chromium_path: str) -> Iterator[Page]:
    """The review page open in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        render_probe.set_step_timeout(page)
        _open_review(page, served)
        yield page
        browser.close()


def test_a_click_on_a_pair_decided_meanwhile_records_nothing(page: Page, own_workspace: Path) -> None:
    from playwright.sync_api import expect

    settings = Settings(workspace=own_workspace)
    pairs = _pairs(settings)  # the first is shown
    _type_note(page, "first pair")
    decide(settings, *pairs[0], "reject", note="another officer")
    page.get_by_role("button", name="Confirm: same entity").click()
    _settle(page)
    assert _mine(settings, "first pair") == []  # not a confirmation of the pair moved up
    assert pair_key(*pairs[1]) not in load_decisions(settings)
    expect(page.get_by_text(f"{pairs[0][0]} ↔ {pairs[0][1]} was decided meanwhile")).to_be_visible()
    expect(page.get_by_text("your click was not recorded")).to_be_visible()


def test_a_click_stays_on_the_pair_picked_when_one_above_it_is_decided(
    page: Page, own_workspace: Path
) -> None:
    settings = Settings(workspace=own_workspace)
    pairs = _pairs(settings)
    _pick(page, 3)
    _type_note(page, "fourth pair")
    decide(settings, *pairs[1], "reject", note="another officer")
    page.get_by_role("button", name="Reject: different entities").click()
    _settle(page)
    assert _mine(settings, "fourth pair") == [(pair_key(*pairs[3]), "reject")]


def test_a_click_on_a_picked_pair_decided_meanwhile_is_not_taken_for_the_first(
    page: Page, own_workspace: Path
) -> None:
    from playwright.sync_api import expect

    settings = Settings(workspace=own_workspace)
    pairs = _pairs(settings)
    _pick(page, 2)
    _type_note(page, "third pair")
    decide(settings, *pairs[2], "confirm", note="another officer")
    page.get_by_role("button", name="Reject: different entities").click()
    _settle(page)
    assert _mine(settings, "third pair") == []
    assert pair_key(*pairs[0]) not in load_decisions(settings)
    expect(page.get_by_text("your click was not recorded")).to_be_visible()


def test_a_recorded_decision_clears_its_note_and_names_the_pair(page: Page, own_workspace: Path) -> None:
    from playwright.sync_api import expect

    settings = Settings(workspace=own_workspace)
    pairs = _pairs(settings)
    _type_note(page, "written for the first pair")
    page.get_by_role("button", name="Reject: different entities").click()
    expect(page.get_by_text("Recorded reject for ")).to_be_visible()
    render_probe.wait_script_done(page)
    shown = page.get_by_text("Recorded reject for ").inner_text()
    store = open_store(settings)
    try:
        names = [display_name(store, n) for n in pairs[0]]
    finally:
        store.close()
    assert all(name in shown for name in names), shown  # the officer reads names, not ids alone
    # The next pair is shown with an empty note: one more click must not put it on record there.
    expect(page.get_by_label(NOTE)).to_have_value("")
    page.get_by_role("button", name="Confirm: same entity").click()
    expect(page.get_by_text("Recorded confirm for ")).to_be_visible()
    render_probe.wait_script_done(page)
    assert _mine(settings, "written for the first pair") == [(pair_key(*pairs[0]), "reject")]


def test_a_queued_score_reads_neither_certain_nor_at_the_link_threshold(
    served: str, chromium_path: str, own_workspace: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    # the demo workspace queues links the guard refused at 0.9973 (two digits: "1.00"); the small
    # app workspace has none, so its queue's first two scores are set so
    settings = Settings(workspace=own_workspace)
    first, second = _pairs(settings)[:2]  # the pairs still pending, in queue order
    queue = pd.read_parquet(queue_path(settings))
    pairs = list(zip(queue["source"], queue["target"], strict=True))
    queue.loc[pairs.index(first), "score"] = 0.9973
    queue.loc[pairs.index(second), "score"] = 0.9196  # just below the link threshold (0.92)
    queue.to_parquet(queue_path(settings), index=False)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        render_probe.set_step_timeout(page)
        _open_review(page, served)
        expect(page.get_by_text("Score 0.997", exact=True)).to_be_visible()
        _pick(page, 1)
        expect(page.get_by_text("Score 0.9196", exact=True)).to_be_visible()
        browser.close()


def test_a_misfiled_ofac_feed_is_a_warning_box_on_the_screening_page(
    chromium_path: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    from tests.ingest.lists import test_refile as refile

    settings = Settings(workspace=tmp_path / "ws")
    refile._old_ingest(settings, monkeypatch, refile.SDN, 0)
    refile._old_ingest(settings, monkeypatch, refile.CONS, 1)
    upload = tmp_path / "counterparties.csv"
    upload.write_text("name,country\nAcme Widgets Ltd,GB\n", encoding="utf-8")
    with render_probe.serve_app(settings.workspace) as app, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        render_probe.set_step_timeout(page)
        page.goto(f"{app.url}/screening")
        render_probe.wait_script_done(page)
        page.locator("input[type='file']").set_input_files(str(upload))
        page.get_by_role("button", name="Screen", exact=True).click()
        expect(page.get_by_text("Screened 1 rows")).to_be_visible()
        box = page.locator("[data-testid='stAlertContentWarning']")
        expect(box).to_have_count(1)
        expect(box).to_contain_text("the ofac-sdn feed holds ofac-nonsdn's list")
        browser.close()
