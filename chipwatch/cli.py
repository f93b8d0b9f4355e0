"""The ``chipwatch`` console command. Thin: parse, call one library function, print."""

from __future__ import annotations

import importlib
import sys

import click

from chipwatch import __version__
from chipwatch.errors import ChipwatchError

#: Modules under ``chipwatch.commands`` whose ``register(group)`` adds verbs.
COMMAND_MODULES: tuple[str, ...] = (
    "app",
    "neo4j",
    "ingest",
    "graph_sync",
    "generate",
    "lists",
    "screen",
    "resolve",
    "audit",
    "compare",
    "risk",
    "export",
    "demo",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chipwatch")
def cli() -> None:
    """Screen counterparties and find chip-diversion paths over entity lists,
    company records and shipments.

    Settings come from CHIPWATCH_* environment variables (CHIPWATCH_WORKSPACE,
    CHIPWATCH_STORE=networkx|neo4j, CHIPWATCH_NEO4J_URI/USER/PASSWORD/DATABASE).
    """


for _module in COMMAND_MODULES:
    importlib.import_module(f"chipwatch.commands.{_module}").register(cli)


def main(argv: list[str] | None = None) -> None:
    """Entry point: project errors become one clear line and exit code 2, no traceback."""
    try:
        code = cli.main(args=argv, prog_name="chipwatch", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ChipwatchError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    # Outside standalone mode click *returns* the code of a command's ``Exit(n)`` instead of raising
    # it: passed on, or `audit verify` on a tampered log and a failed `update-lists` exit 0.
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":
    main()
