"""The app served by ``chipwatch app`` on loopback, driven by Playwright in Debian's Chromium.

Opens every page, searches a planted demo-world entity, draws its graph, clicks a node of the
interactive graph and checks the graph grew by that node's neighbours, finds the entity again by
a misspelt name, draws its diversion paths, uploads a screening file and checks both downloads.
Screenshots go to ``test-artifacts/``.
Each step's render time (navigation → the page's key element visible, script run finished) is
printed and written to ``test-artifacts/render_timings.json``; the targets (page < 2 s,
neighbourhood graph < 1 s) are reported, not asserted: ``benchmarks/app_render.py`` measures them.
Without ``chromium`` on PATH the test is skipped (fails with ``CI=true``: ``conftest.chromium_path``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chipwatch.settings import PROJECT_ROOT
from chipwatch.ui import render_probe

pytestmark = pytest.mark.browser

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
UPLOAD = PROJECT_ROOT / "tests" / "fixtures" / "app" / "counterparties.csv"
UPLOAD_LIMIT_MB = 7  # set through CHIPWATCH_MAX_UPLOAD_MB; the uploader must show it


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (``/proc/net/tcp*``, hex notation)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


@pytest.fixture(scope="module")
def served_app(app_workspace: Path, chromium_path: str) -> Iterator[str]:
    env = {"CHIPWATCH_MAX_UPLOAD_MB": str(UPLOAD_LIMIT_MB)}
    env |= {k: "" for k in ("CHIPWATCH_APP_ADDRESS", "CHIPWATCH_APP_PASSWORD_HASH")}  # the defaults
    with render_probe.serve_app(app_workspace, env=env) as app:
        # Bound to loopback only by default: 127.0.0.1 as /proc/net/tcp writes it, nothing else.
        assert _listening_addresses(app.port) == {"0100007F"}
        yield app.url


def test_browser_walkthrough(
    served_app: str, chromium_path: str, planted: dict[str, str], app_workspace: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    clicked, expanded = render_probe.expansion_target(app_workspace, planted["node_id"])
    timings: dict[str, float] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        render_probe.set_step_timeout(page)
        # The first visit opens the store: the workspace load, timed apart from the page renders.
        timings["workspace load (first visit)"] = render_probe.load_workspace(page, served_app)
        for title, seconds in render_probe.visit_pages(page, shoot=ARTIFACTS).items():
            timings[title] = seconds
        assert page.get_by_text("Traceback").count() == 0
        assert page.locator("[data-testid='stException']").count() == 0
        # Explore: search the planted supplier, its entity page and neighbourhood graph.
        timings.update(render_probe.open_entity(page, served_app, planted["name"][:12], planted["name"]))
        page.screenshot(path=str(ARTIFACTS / "entity_planted.png"), full_page=True)
        graph = page.locator(render_probe.GRAPH_IFRAME).first
        graph.screenshot(path=str(ARTIFACTS / "entity_graph.png"))
        shown = set(render_probe.wait_graph(page))
        assert planted["node_id"] in shown and clicked in shown
        assert not expanded <= shown  # the click has something to add
        # Click-to-expand: a real mouse click on the node's spot of the vis.js canvas.
        timings["graph expand (click)"] = render_probe.click_graph_node(page, clicked, len(expanded))
        after = set(render_probe.wait_graph(page, at_least=len(expanded)))
        assert after == expanded  # exactly the centre's and the clicked node's neighbourhoods
        expect(page.get_by_text(f"{len(expanded)} nodes, ")).to_be_visible()
        expect(page.get_by_role("button", name="Collapse the graph")).to_be_visible()
        page.mouse.move(0, 0)  # no node tooltip over the screenshot
        graph.screenshot(path=str(ARTIFACTS / "entity_graph_expanded.png"))
        # Collapse: back to the centre's neighbourhood, not re-expanded by the click remembered.
        page.get_by_role("button", name="Collapse the graph").click()
        expect(page.get_by_role("button", name="Collapse the graph")).to_have_count(0)
        render_probe.wait_script_done(page)
        page.locator(render_probe.GRAPH_IFRAME).first.scroll_into_view_if_needed()
        assert set(render_probe.wait_graph(page)) == shown
        page.get_by_text("Static", exact=True).click()
        expect(page.locator("[data-testid='stGraphVizChart'] svg").first).to_be_visible()
        assert page.locator("[data-testid='stGraphVizChart'] svg g.node").count() >= 2
        graph_note = page.get_by_text(" edges in ").first.inner_text()  # server-side graph build time
        page.locator("[data-testid='stGraphVizChart']").first.screenshot(
            path=str(ARTIFACTS / "entity_graph_static.png")
        )
        # A name typed with a letter dropped: no name contains it, the closest one is offered.
        misspelt = planted["name"][:5] + planted["name"][6:]
        render_probe.open_entity(page, served_app, misspelt, planted["name"])
        expect(page.get_by_text(f"No name contains '{misspelt}'")).to_be_visible()
        # Diversion paths from the planted supplier.
        page.goto(f"{served_app}/paths")
        page.get_by_label("Supplier (name or id)").fill(planted["node_id"])
        page.get_by_label("Supplier (name or id)").press("Enter")
        started = time.perf_counter()
        page.get_by_role("button", name="Find paths").click()
        expect(page.get_by_text("#1 · risk").first).to_be_visible()
        render_probe.wait_script_done(page)
        timings["diversion paths"] = time.perf_counter() - started
        page.screenshot(path=str(ARTIFACTS / "paths_planted.png"), full_page=True)
        # Screening: upload, screen, download the CSV and check it.
        page.goto(f"{served_app}/screening")
        expect(page.get_by_text(f"{UPLOAD_LIMIT_MB}MB per file")).to_be_visible()
        page.locator("input[type='file']").set_input_files(str(UPLOAD))
        page.get_by_role("button", name="Screen", exact=True).click()
        expect(page.get_by_text("Screened 4 rows")).to_be_visible()
        with page.expect_download() as info:
            page.get_by_role("button", name="Download CSV").click()
        content = Path(info.value.path()).read_text(encoding="utf-8")
        with page.expect_download() as info:  # straight after: a rerun on the first click lost it
            page.get_by_role("button", name="Download XLSX").click()
        workbook = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()), read_only=True)
        page.screenshot(path=str(ARTIFACTS / "screening_result.png"), full_page=True)
        browser.close()
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(content))}
    assert set(rows) == {"C1", "C2", "C3", "C4"}
    assert rows["C1"]["disposition"] == "review"  # a UVL party: review, not block
    assert rows["C3"]["disposition"] == "clear"
    assert not rows["C4"]["name"].startswith("=")
    cells = [c for row in workbook.active.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert sum(1 for row in workbook.active.iter_rows(values_only=True)) == 1 + len(rows)  # every row
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]  # no cell a spreadsheet would run
    report = {"seconds": timings, "graph_build": graph_note, "load_average": os.getloadavg()}
    (ARTIFACTS / "render_timings.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print("\nrender times (s): " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    print(f"neighbourhood graph: {graph_note}; load average {os.getloadavg()}")


def test_tables_offer_no_download_of_their_own(served_app: str, chromium_path: str) -> None:
    """A table's toolbar wrote its cells to CSV as shown (formulas live, nothing audited); the
    page's download buttons are the exports."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        render_probe.set_step_timeout(page)
        render_probe.load_workspace(page, served_app)
        page.locator("[data-testid='stDataFrame']").first.hover()
        toolbar = page.locator("[data-testid='stElementToolbar']").first
        expect(toolbar.get_by_role("button", name="Fullscreen")).to_be_visible()  # the toolbar is shown
        assert toolbar.get_by_role("button", name="Download as CSV").count() == 0
        browser.close()


def test_served_app_stops_with_its_server(app_workspace: Path) -> None:
    """Leaving ``serve_app`` stops the whole ``chipwatch app`` process group, the Streamlit server too:
    a server left listening would hold its port and the workspace after the test."""
    with render_probe.serve_app(app_workspace) as app:
        group, port = app.process.pid, app.port
        assert _listening_addresses(port)
    assert render_probe.live_group_members(group) == []
    assert not _listening_addresses(port)
