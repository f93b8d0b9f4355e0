"""``chipwatch demo``: build the workspace from the bundled data, then serve the app."""

from __future__ import annotations

import click

from chipwatch.commands.app import serve
from chipwatch.settings import MAX_PORT, load_settings
from ingest.demo import build_demo_workspace


def register(group: click.Group) -> None:
    @group.command("demo")
    @click.option("--no-serve", is_flag=True, help="Build the workspace only; do not start the app.")
    @click.option(
        "--port",
        type=click.IntRange(1, MAX_PORT),
        default=None,
        help="Port (default CHIPWATCH_APP_PORT or 8501).",
    )
    def demo_command(no_serve: bool, port: int | None) -> None:
        """Load the bundled lists and demo world, resolve, score risk, and serve the app on 127.0.0.1."""
        settings = load_settings()
        click.echo(f"Building workspace {settings.workspace} from the bundled data (re-runs change nothing)")
        build_demo_workspace(settings, say=click.echo)
        if not no_serve:
            serve(settings.app_address, port or settings.app_port, settings)
