"""The app served by ``chipwatch app`` on loopback, driven by Playwright in Debian's Chromium.

Opens every page, searches a planted demo-world entity, draws its graph and diversion paths,
uploads a screening file and checks the downloaded result. Screenshots go to ``test-artifacts/``;
each page's first-render time is printed (targets: page < 2 s, neighbourhood graph < 1 s).
Without ``chromium`` on PATH the test is skipped (fails with ``CI=true``).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwatch.settings import PROJECT_ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
UPLOAD = PROJECT_ROOT / "tests" / "fixtures" / "app" / "counterparties.csv"
START_TIMEOUT_S = 60.0
STEP_TIMEOUT_MS = 30_000
PAGES = {
    "": "Overview",
    "explore": "Explore",
    "paths": "Diversion paths",
    "screening": "Screening",
    "risk_list": "Risk list",
    "review": "Review",
    "lists": "Lists",
}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        reason = "chromium is not on PATH (run `make browser`)"
        if _in_ci():
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served_app(app_workspace: Path, chromium_path: str) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "CHIPWATCH_WORKSPACE": str(app_workspace), "CHIPWATCH_STORE": "networkx"}
    cmd = [sys.executable, "-m", "chipwatch.cli", "app", "--port", str(port)]
    chipwatch = shutil.which("chipwatch", path=str(Path(sys.executable).parent))
    if chipwatch:
        cmd = [chipwatch, "app", "--port", str(port)]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"chipwatch app did not come up on {url}:\n{out[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)


def test_browser_walkthrough(served_app: str, chromium_path: str, planted: dict[str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    timings: dict[str, float] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(STEP_TIMEOUT_MS)
        # Warm-up: the first request opens the store (workspace load, not counted as a page render).
        page.goto(served_app)
        expect(page.get_by_role("heading", name="Overview")).to_be_visible()
        nav = page.locator("[data-testid='stSidebarNav']")
        for path, title in PAGES.items():
            # Navigate as a user does (sidebar link, no full page reload) and time the render.
            started = time.perf_counter()
            nav.get_by_role("link", name=title, exact=True).click()
            expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
            page.wait_for_selector("[data-testid='stStatusWidget']", state="detached")
            timings[title] = time.perf_counter() - started
            page.screenshot(path=str(ARTIFACTS / f"page_{path or 'overview'}.png"), full_page=True)
            assert page.get_by_text("Traceback").count() == 0
        # Explore: search the planted supplier, its entity page and neighbourhood graph.
        page.goto(f"{served_app}/explore")
        box = page.get_by_label("Search a company, trade party or list entry (name or id)")
        box.fill(planted["name"][:12])
        started = time.perf_counter()
        box.press("Enter")
        expect(page.get_by_role("heading", name=planted["name"])).to_be_visible()
        # The interactive graph (vis.js in the component's iframe) draws on a canvas.
        frame = page.frame_locator("iframe[title*='agraph']").first
        expect(frame.locator("canvas").first).to_be_visible()
        timings["entity page + graph"] = time.perf_counter() - started
        page.screenshot(path=str(ARTIFACTS / "entity_planted.png"), full_page=True)
        page.locator("iframe[title*='agraph']").first.screenshot(path=str(ARTIFACTS / "entity_graph.png"))
        page.get_by_text("Static", exact=True).click()
        expect(page.locator("[data-testid='stGraphVizChart'] svg").first).to_be_visible()
        assert page.locator("[data-testid='stGraphVizChart'] svg g.node").count() >= 2
        graph_note = page.get_by_text(" edges in ").first.inner_text()  # server-side graph build time
        page.locator("[data-testid='stGraphVizChart']").first.screenshot(
            path=str(ARTIFACTS / "entity_graph_static.png")
        )
        # Diversion paths from the planted supplier.
        page.goto(f"{served_app}/paths")
        page.get_by_label("Supplier (name or id)").fill(planted["node_id"])
        page.get_by_label("Supplier (name or id)").press("Enter")
        started = time.perf_counter()
        page.get_by_role("button", name="Find paths").click()
        expect(page.get_by_text("#1 · risk").first).to_be_visible()
        timings["diversion paths"] = time.perf_counter() - started
        page.screenshot(path=str(ARTIFACTS / "paths_planted.png"), full_page=True)
        # Screening: upload, screen, download the CSV and check it.
        page.goto(f"{served_app}/screening")
        page.locator("input[type='file']").set_input_files(str(UPLOAD))
        page.get_by_role("button", name="Screen", exact=True).click()
        expect(page.get_by_text("Screened 4 rows")).to_be_visible()
        with page.expect_download() as info:
            page.get_by_role("button", name="Download CSV").click()
        content = Path(info.value.path()).read_text(encoding="utf-8")
        page.screenshot(path=str(ARTIFACTS / "screening_result.png"), full_page=True)
        browser.close()
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(content))}
    assert set(rows) == {"C1", "C2", "C3", "C4"}
    assert rows["C1"]["disposition"] in {"block", "review"}
    assert rows["C3"]["disposition"] == "clear"
    assert not rows["C4"]["name"].startswith("=")
    print("\nfirst render (s): " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    print(f"neighbourhood graph: {graph_note}")
