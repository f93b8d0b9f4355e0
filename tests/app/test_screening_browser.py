"""Screening twice in Chromium: the list index is built once per state of the lists, not per upload.

The app rebuilt the whole screening index (every current list entry read, folded and indexed) on
each click of *Screen*: tens of seconds on the bundled lists for a file of a few rows. The served
app counts its index builds through ``index_probe/sitecustomize.py`` (loaded by ``PYTHONPATH``).
Skipped without ``chromium`` on PATH (``conftest.chromium_path``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.settings import PROJECT_ROOT
from chipwatch.ui import render_probe

pytestmark = pytest.mark.browser
UPLOAD = PROJECT_ROOT / "tests" / "fixtures" / "app" / "counterparties.csv"
PROBE = Path(__file__).parent / "index_probe"


@pytest.fixture(scope="module")
def served(
    app_workspace: Path, chromium_path: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("index-probe") / "builds.log"
    path = os.pathsep.join([str(PROBE), str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")])
    env = {"PYTHONPATH": path.rstrip(os.pathsep), "CHIPWATCH_TEST_INDEX_LOG": str(log)}
    with render_probe.serve_app(app_workspace, env=env) as app:
        yield app.url, log


def _builds(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def test_a_second_upload_reuses_the_list_index(served: tuple[str, Path], chromium_path: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, log = served
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page()
        render_probe.set_step_timeout(page)
        page.goto(f"{url}/screening")
        render_probe.wait_script_done(page)
        for name in ("counterparties.csv", "again.csv"):  # the officer's second file, same lists
            page.locator("input[type='file']").set_input_files(
                files=[{"name": name, "mimeType": "text/csv", "buffer": UPLOAD.read_bytes()}]
            )
            # The upload reruns the page; a click on the Screen button drawn before it is lost.
            expect(page.get_by_role("button", name=f"Remove {name}")).to_be_visible()
            page.wait_for_timeout(500)
            render_probe.wait_script_done(page)
            page.get_by_role("button", name="Screen", exact=True).click()
            expect(page.get_by_text(f"Screened 4 rows of {name}")).to_be_visible()
            render_probe.wait_script_done(page)
            if name == "counterparties.csv":
                assert _builds(log) == 1  # the probe works: the first screening built it
        browser.close()
    assert _builds(log) == 1, "the second upload rebuilt the list index"
