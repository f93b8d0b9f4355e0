"""Build a workspace from the bundled data: the job ``make demo`` runs before serving the app.

Each step is idempotent (a list file already loaded, a demo world already ingested, links and
scores recomputed to the same values), so running the demo twice only costs the time to check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from chipwatch.settings import Settings
from graph.resolve.run import resolve
from graph.risk.run import compute_risk
from ingest.lists.pipeline import ingest_bundled_lists
from ingest.trade.graph_sync import ingest_demo_world

Say = Callable[[str], None]


@dataclass
class DemoBuild:
    steps: list[str] = field(default_factory=list)


def build_demo_workspace(settings: Settings, say: Say = lambda _line: None) -> DemoBuild:
    """Bundled lists → demo world → resolution → risk, into ``settings.workspace``."""
    done = DemoBuild()

    def step(line: str) -> None:
        done.steps.append(line)
        say(line)

    lists = ingest_bundled_lists(settings)
    step("lists:\n" + lists.summary())
    world = ingest_demo_world(settings)
    step("demo world:\n" + world.summary())
    links = resolve(settings)
    step(f"resolution: {links.links} links, {links.queued} queued for review, {links.clusters} clusters")
    risk = compute_risk(settings)
    step(f"risk: {risk.clusters} parties scored as of {risk.as_of}")
    return done
