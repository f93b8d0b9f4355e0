"""``chipwatch ingest …``: one group; each area's module adds its sub-commands."""

from __future__ import annotations

import importlib

import click

#: Modules under ``chipwatch.commands`` whose ``register_ingest(group)`` adds ingest verbs.
INGEST_MODULES: tuple[str, ...] = (
    "ingest_trade",
    "ingest_lists",
)


def register(group: click.Group) -> None:
    @group.group("ingest")
    def ingest_group() -> None:
        """Load files into the workspace (lists, companies, ownership, officers, shipments)."""

    for name in INGEST_MODULES:
        importlib.import_module(f"chipwatch.commands.{name}").register_ingest(ingest_group)
