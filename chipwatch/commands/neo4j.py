"""``chipwatch neo4j start|stop|status``: this workspace's local Neo4j. Never prints the password."""

from __future__ import annotations

import click

from chipwatch import neo4j_launcher, neo4j_server
from chipwatch.settings import load_settings

#: Exit code of ``status`` when the server is not running (the LSB convention for "not running").
NOT_RUNNING_EXIT = 3


def register(group: click.Group) -> None:
    @group.group("neo4j")
    def neo4j_group() -> None:
        """Start, stop and inspect this workspace's local Neo4j (Bolt on 127.0.0.1 only).

        Its URI, user and password are kept in <workspace>/neo4j/connection.json (mode 0600);
        with CHIPWATCH_STORE=neo4j and no CHIPWATCH_NEO4J_URI, chipwatch connects to it.
        """

    @neo4j_group.command("start")
    @click.option("--timeout", type=float, default=180.0, show_default=True, help="Seconds to wait for Bolt.")
    def start_command(timeout: float) -> None:
        """Start the local Neo4j (builds the launcher with Maven on first use)."""
        settings = load_settings()
        if not neo4j_launcher.launcher_built():
            build = neo4j_launcher.BUILD_COMMAND
            click.echo(f"Building the Neo4j launcher ({build}); the first build downloads Neo4j")
        click.echo(neo4j_server.start(settings, timeout=timeout).describe())

    @neo4j_group.command("stop")
    def stop_command() -> None:
        """Stop the local Neo4j cleanly (its data stays in the workspace)."""
        click.echo(neo4j_server.stop(load_settings()).describe())

    @neo4j_group.command("status")
    def status_command() -> None:
        """Show whether the local Neo4j runs, its URI and where its credentials are (exit 3 if not)."""
        current = neo4j_server.status(load_settings())
        click.echo(current.describe())
        if current.state is not neo4j_server.ServerState.RUNNING:
            raise SystemExit(NOT_RUNNING_EXIT)
