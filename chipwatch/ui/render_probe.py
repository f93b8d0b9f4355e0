"""Drive the served app in a real browser and time what a user waits for.

Shared by the browser test (``tests/app/test_browser.py``) and the render benchmark
(``benchmarks/app_render.py``) so both measure the same thing: the time from a navigation (a
sidebar click, a search submitted, a graph node clicked) to the page's key element being
visible with the script run finished. Playwright is imported by the callers (a dev dependency);
this module only talks to the ``Page`` objects they pass in.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

START_TIMEOUT_S = 60.0
STEP_TIMEOUT_MS = 30_000
SEARCH_LABEL = "Search a company, trade party or list entry (name or id)"
GRAPH_IFRAME = "iframe[title*='agraph']"


@dataclass(frozen=True)
class PageProbe:
    """A page of the app: its URL path, sidebar title, and the element that ends its first render."""

    path: str
    title: str
    ready_role: str  # an ARIA role, or "testid" for a ``data-testid`` selector
    ready_name: str
    ready_nth: int = 0

    def ready(self, page: Page) -> Locator:
        if self.ready_role == "testid":
            return page.locator(f"[data-testid='{self.ready_name}']").nth(self.ready_nth)
        if self.ready_role == "label":
            return page.get_by_label(self.ready_name, exact=True)
        return page.get_by_role(self.ready_role, name=self.ready_name, exact=True).nth(self.ready_nth)  # type: ignore[arg-type]


# The key element is the last thing each page draws with the demo workspace.
PAGES: tuple[PageProbe, ...] = (
    PageProbe("", "Overview", "testid", "stDataFrame", 1),  # the top-risks table
    PageProbe("explore", "Explore", "label", SEARCH_LABEL),
    PageProbe("paths", "Diversion paths", "button", "Find paths"),
    PageProbe("screening", "Screening", "testid", "stFileUploader"),
    PageProbe("risk_list", "Risk list", "button", "Export XLSX"),
    PageProbe("review", "Review", "button", "Reject: different entities"),
    PageProbe("lists", "Lists", "heading", "Counterparties newly exposed by this update"),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServedApp:
    url: str
    process: subprocess.Popen[bytes]
    port: int

    def peak_rss_mb(self) -> float:
        """Peak resident memory of the Streamlit server processes (Linux ``VmHWM``), in MB."""
        total = 0.0
        for pid in _process_tree(self.process.pid):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    total = max(total, int(line.split()[1]) / 1024)
        return total


def _process_tree(root: int) -> list[int]:
    pids = [root]
    for pid in pids:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        pids += [int(c) for c in children]
    return pids


@contextmanager
def serve_app(
    workspace: Path, store: str = "networkx", port: int | None = None, env: dict[str, str] | None = None
) -> Iterator[ServedApp]:
    """``chipwatch app`` (default address) against ``workspace``, stopped (process group) on exit."""
    port = port or free_port()
    env = {**os.environ, **(env or {}), "CHIPWATCH_WORKSPACE": str(workspace), "CHIPWATCH_STORE": store}
    cmd = [sys.executable, "-m", "chipwatch.cli", "app", "--port", str(port)]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310 (loopback)
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"chipwatch app did not come up on {url}:\n{out[-2000:]}")
            time.sleep(0.3)
        yield ServedApp(url, proc, port)
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
        # the Streamlit server is a child of `chipwatch app`: the parent exiting does not mean it has,
        # and a server left behind holds its port and the workspace
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, 9)
        gone_by = time.monotonic() + 10
        while live_group_members(proc.pid) and time.monotonic() < gone_by:
            time.sleep(0.05)


def live_group_members(group: int) -> list[int]:
    """Processes of process group ``group`` that have not ended: any of their threads not a zombie
    (``/proc/PID/task/TID/stat``: state, pgrp). A process whose main thread has exited shows "Z" in
    ``/proc/PID/stat`` while its other threads (Streamlit's server loop) still hold its sockets."""
    live = []
    for stat in Path("/proc").glob("[0-9]*/task/[0-9]*/stat"):
        try:
            state, _parent, pgrp = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except OSError:  # ended while listed
            continue
        pid = int(stat.parents[2].name)
        if int(pgrp) == group and state not in ("Z", "X") and pid not in live:
            live.append(pid)
    return live


def set_step_timeout(page: Page, ms: int = STEP_TIMEOUT_MS) -> None:
    """Let every wait on ``page`` take up to ``ms``: its actions and ``expect`` assertions alike.

    Playwright's ``expect`` keeps its own 5 s default apart from the page's default timeout, and
    the first visit (which opens the store) takes about that long on a busy 2-core machine.
    """
    from playwright.sync_api import expect

    page.set_default_timeout(ms)
    expect.set_options(timeout=ms)


def wait_script_done(page: Page) -> None:
    """Wait until Streamlit reports its script run finished (the app's ``stApp`` state attribute)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def wait_page(page: Page, probe: PageProbe) -> None:
    """The page's heading (unique per page, so not a stale element), its run finished, its key element."""
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name=probe.title, exact=True)).to_be_visible()
    wait_script_done(page)
    expect(probe.ready(page)).to_be_visible()


def load_workspace(page: Page, url: str) -> float:
    """Open the app (a new session) and wait for the Overview: the first request opens the store."""
    started = time.perf_counter()
    page.goto(url)
    wait_page(page, PAGES[0])
    return time.perf_counter() - started


def visit_pages(page: Page, shoot: Path | None = None) -> dict[str, float]:
    """Click each page in the sidebar as a user does; seconds until its key element is visible."""
    timings: dict[str, float] = {}
    nav = page.locator("[data-testid='stSidebarNav']")
    for probe in PAGES:
        started = time.perf_counter()
        nav.get_by_role("link", name=probe.title, exact=True).click()
        wait_page(page, probe)
        timings[probe.title] = time.perf_counter() - started
        if shoot is not None:
            page.screenshot(path=str(shoot / f"page_{probe.path or 'overview'}.png"), full_page=True)
    return timings


def expansion_target(workspace: Path, centre: str) -> tuple[str, set[str]]:
    """The neighbour of ``centre`` whose click adds the most nodes, and the node ids shown after it."""
    from chipwatch.settings import Settings
    from chipwatch.ui.graphdraw import expanded_subgraph
    from graph.stores import open_store

    store = open_store(Settings(workspace=workspace))
    try:
        base = expanded_subgraph(store, centre, [])
        best: tuple[str, set[str]] = ("", {n.id for n in base.nodes})
        for n in base.nodes:
            if n.id != centre:
                grown = {m.id for m in expanded_subgraph(store, centre, [n.id]).nodes}
                if len(grown) > len(best[1]):
                    best = (n.id, grown)
    finally:
        store.close()
    if not best[0]:
        raise ValueError(f"no neighbour of {centre} adds nodes when expanded")
    return best


# --- the interactive graph (streamlit-agraph: vis.js on a canvas inside the component iframe) ---

# The vis ``Network`` is held in a React state hook of the component that owns the container div;
# the component exposes no handle (its ``getNetwork`` callback is a no-op), so find it through the
# React fiber of that div. Returns null until the network exists.
_FIND_NETWORK = """
() => {
  const box = document.querySelector('.vis-network');
  if (!box) return null;
  const host = box.parentElement;
  const key = Object.keys(host).find(
    k => k.startsWith('__reactInternalInstance$') || k.startsWith('__reactFiber$'));
  if (!key) return null;
  // React keeps two copies of a fiber (current and alternate); the state may be in either.
  for (let fiber = host[key]; fiber; fiber = fiber.return) {
    for (const f of [fiber, fiber.alternate]) {
      let hook = f && f.memoizedState;
      for (; hook && typeof hook === 'object' && 'next' in hook; hook = hook.next) {
        const v = hook.memoizedState;
        if (v && typeof v.getPositions === 'function' && typeof v.canvasToDOM === 'function') return v;
      }
    }
  }
  return null;
}
"""

_GRAPH_STATE = (
    "() => { const net = ("
    + _FIND_NETWORK
    + """)();
  if (!net) return null;
  const positions = net.getPositions();
  const canvas = document.querySelector('.vis-network canvas').getBoundingClientRect();
  const nodes = {};
  for (const [id, p] of Object.entries(positions)) {
    const d = net.canvasToDOM(p);
    nodes[id] = {x: canvas.left + d.x, y: canvas.top + d.y};
  }
  return {nodes: nodes, width: canvas.width, height: canvas.height};
}"""
)


def graph_nodes(page: Page) -> dict[str, dict[str, float]]:
    """Node id → position (in the iframe's viewport) of the drawn graph; empty until drawn."""
    from playwright.sync_api import Error

    # After a rerun the old component frame can linger next to the new one: take one that draws.
    for frame in reversed(page.frames):
        if "agraph" not in frame.url or frame.is_detached():
            continue
        try:
            state: dict[str, Any] | None = frame.evaluate(_GRAPH_STATE)
        except Error:  # the rerun after a click is replacing the component's iframe
            continue
        if state and state["width"] and state["nodes"]:
            return dict(state["nodes"])
    return {}


def wait_graph(page: Page, at_least: int = 1, timeout_s: float = 30.0) -> dict[str, dict[str, float]]:
    """Wait until the graph shows ``at_least`` nodes and they stop moving (physics settled)."""
    deadline = time.monotonic() + timeout_s
    previous: dict[str, dict[str, float]] = {}
    while time.monotonic() < deadline:
        nodes = graph_nodes(page)
        if len(nodes) >= at_least and nodes.keys() == previous.keys():
            moved = max(
                abs(nodes[k]["x"] - previous[k]["x"]) + abs(nodes[k]["y"] - previous[k]["y"]) for k in nodes
            )
            if moved < 1.0:
                return nodes
        previous = nodes
        time.sleep(0.1)
    raise TimeoutError(f"the graph did not settle with >= {at_least} nodes in {timeout_s:.0f} s")


def graph_drawn(page: Page, timeout_s: float = 30.0) -> int:
    """Wait until the graph has nodes on its canvas (not waiting for the layout to settle)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        nodes = graph_nodes(page)
        if nodes:
            return len(nodes)
        time.sleep(0.02)
    raise TimeoutError(f"no graph drawn in {timeout_s:.0f} s")


def open_entity(page: Page, url: str, query: str, name: str) -> dict[str, float]:
    """Search ``query`` on Explore; seconds to the entity's page and to its drawn graph."""
    from playwright.sync_api import expect

    page.goto(f"{url}/explore")
    wait_page(page, PAGES[1])
    box = page.get_by_label(SEARCH_LABEL)
    box.fill(query)
    started = time.perf_counter()
    box.press("Enter")
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    wait_script_done(page)
    page_s = time.perf_counter() - started
    # The component's iframe loads lazily, when scrolled near: the user scrolls to the graph.
    page.locator(GRAPH_IFRAME).first.scroll_into_view_if_needed()
    graph_drawn(page)
    return {"entity page": page_s, "entity page + graph": time.perf_counter() - started}


def click_graph_node(page: Page, node_id: str, grow_to: int, timeout_s: float = 30.0) -> float:
    """Click ``node_id`` on the graph's canvas; seconds until the graph shows ``grow_to`` nodes."""
    from playwright.sync_api import Error

    frame = page.locator(GRAPH_IFRAME).first
    frame.scroll_into_view_if_needed()  # a mouse click lands only inside the viewport
    nodes = wait_graph(page)
    box = frame.bounding_box()
    if box is None:
        raise RuntimeError("the graph's iframe is not on screen")
    spot = nodes[node_id]
    started = time.perf_counter()
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if len(graph_nodes(page)) >= grow_to:
            return time.perf_counter() - started
        # The rerun redraws the page above the graph; its new frame loads only once in view.
        with suppress(Error):
            frame.scroll_into_view_if_needed(timeout=200)
        time.sleep(0.02)
    raise TimeoutError(f"clicking {node_id} did not grow the graph to {grow_to} nodes in {timeout_s:.0f} s")
