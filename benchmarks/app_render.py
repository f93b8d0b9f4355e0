"""App render benchmark: serve the app on loopback, drive Debian's Chromium through every page.

    flock /tmp/chipwatch-bench.lock .venv/bin/python benchmarks/app_render.py --workspace DIR --runs 5

Targets (issue 8, bundled demo data, workspace already loaded): every page's first render < 2 s,
the neighbourhood graph < 1 s. Without ``--workspace`` the demo workspace is built first in a
temporary folder (``chipwatch demo --no-serve``, ~1 min). The store is opened once by a warm-up
visit (the "workspace loaded" moment, timed separately); then each run opens a new browser
session, clicks every page in the sidebar and times the click → key element visible with the
script finished; then searches the first planted demo-world party and times its entity page,
the graph drawn, and a click on a graph node until the expanded graph is drawn.
Prints the median (and max) per step, the server's peak RSS and the load average.
``--first-visits N`` also starts the app N more times and times each server's first visit (the
workspace load: imports, the Overview's reads), so that figure has a median too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from chipwatch.settings import PROJECT_ROOT, Settings
from chipwatch.ui import render_probe
from ingest.demo import build_demo_workspace

GROUND_TRUTH = PROJECT_ROOT / "data" / "demo_world" / "ground_truth.json"


def planted_party() -> dict[str, str]:
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    party = truth["schemes"][0]["parties"][0]
    return {"name": party["name"], "node_id": party["node_id"]}


def first_visits(workspace: Path, chromium: str, count: int) -> list[float]:
    """Seconds from opening the app to the Overview drawn, each on a newly started server."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True)
        for visit in range(count):
            with render_probe.serve_app(workspace) as app:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                render_probe.set_step_timeout(page, 120_000)
                times.append(render_probe.load_workspace(page, app.url))
                page.close()
            print(f"first visit {visit + 1}/{count}: {times[-1]:.2f} s", flush=True)
        browser.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workspace", type=Path, help="a built demo workspace (default: build one)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--first-visits", type=int, default=0, help="time the first visit of N new servers")
    ap.add_argument("--json", type=Path, help="also write the timings here")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium is not on PATH (bash scripts/install-browser.sh)")
    tmp = None
    workspace = args.workspace
    if workspace is None:
        tmp = tempfile.TemporaryDirectory(prefix="chipwatch-app-bench-")
        workspace = Path(tmp.name)
        print(f"building the demo workspace in {workspace} …", flush=True)
        build_demo_workspace(Settings(workspace=workspace))
    party = planted_party()
    clicked, expanded = render_probe.expansion_target(workspace, party["node_id"])

    samples: dict[str, list[float]] = {}
    print(f"load average before: {os.getloadavg()}", flush=True)
    if args.first_visits:
        samples["first visit, new server"] = first_visits(workspace, chromium, args.first_visits)
    with render_probe.serve_app(workspace) as app, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True)
        for run in range(args.runs):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            render_probe.set_step_timeout(page, 60_000)
            loaded = render_probe.load_workspace(page, app.url)
            if run == 0:
                samples["workspace load (first visit)"] = [loaded]
            for step, seconds in render_probe.visit_pages(page).items():
                samples.setdefault(step, []).append(seconds)
            opened = render_probe.open_entity(page, app.url, party["name"][:12], party["name"])
            try:
                opened["graph expand (click)"] = render_probe.click_graph_node(page, clicked, len(expanded))
            except TimeoutError as exc:  # reported, so one failed click does not lose the run
                print(f"run {run + 1}: {exc}", flush=True)
            for step, seconds in opened.items():
                samples.setdefault(step, []).append(seconds)
            context.close()
            print(f"run {run + 1}/{args.runs} done", flush=True)
        browser.close()
        rss = app.peak_rss_mb()
    load = os.getloadavg()
    print(f"\nrender times over {args.runs} runs (s), new browser session per run:")
    for step, values in samples.items():
        print(f"  {step:30s} median {statistics.median(values):6.2f}   max {max(values):6.2f}")
    print(f"server peak RSS {rss:.0f} MB; load average after: {load}")
    if args.json:
        args.json.write_text(json.dumps({"samples": samples, "peak_rss_mb": rss, "load": load}, indent=1))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
