"""``chipwatch graph-sync [--status]``: complete (or inspect) the trade graph sync from the tables."""

from __future__ import annotations

import click

from chipwatch.settings import load_settings
from graph.sync_journal import describe, status
from ingest.trade.graph_sync import run_trade_sync

#: Exit code of ``--status`` when the last sync did not finish or is running.
INCOMPLETE_EXIT = 3


def register(group: click.Group) -> None:
    @group.command("graph-sync")
    @click.option("--status", "show", is_flag=True, help="Only say whether the last sync finished.")
    def graph_sync_cmd(show: bool) -> None:
        """Write the company/trade tables into the graph store again, completing a sync that was
        interrupted (a killed process or server, a refused row); idempotent."""
        settings = load_settings()
        record, state = status(settings)
        if show:
            if record is None:
                click.echo(f"no graph sync recorded for the {settings.store.value} store of this workspace")
            elif state == "complete":
                click.echo(
                    f"last graph sync: load {record.load_id} ({record.reason}) complete at "
                    f"{record.finished_at}: " + ", ".join(f"{n} {k}" for k, n in record.written.items() if n)
                )
            else:
                assert record is not None
                click.echo(describe(record, in_progress=state == "in_progress"))
                raise SystemExit(INCOMPLETE_EXIT)
            return
        outcome = run_trade_sync(settings, reason="chipwatch graph-sync")
        for note in outcome.notes():
            click.echo(f"note: {note}")
        click.echo(
            f"graph ({settings.store.value}) load {outcome.load_id} complete: "
            + ", ".join(f"{n} {k}" for k, n in outcome.written.items() if n)
        )
