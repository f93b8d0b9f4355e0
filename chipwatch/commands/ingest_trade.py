"""``chipwatch ingest companies|ownership|officers|shipments PATH [--mapping FILE]``."""

from __future__ import annotations

from pathlib import Path

import click

from chipwatch.settings import Settings, load_settings
from ingest.trade.formats import InputFormat
from ingest.trade.graph_sync import run_trade_sync, store_opener
from ingest.trade.load import TradeKind, ingest_trade_file


def _graph_summary(settings: Settings, reason: str) -> str:
    if store_opener() is None:
        return "graph store not available yet; tables updated only"
    outcome = run_trade_sync(settings, reason=reason)
    lines = [f"note: {note}" for note in outcome.notes()]
    lines.append(
        f"graph ({settings.store.value}): " + ", ".join(f"{n} {k}" for k, n in outcome.written.items() if n)
    )
    return "\n".join(lines)


def _command(kind: TradeKind) -> click.Command:
    @click.command(kind.value)
    @click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "--mapping",
        "mapping_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="YAML/TOML file mapping canonical column names to the file's column names.",
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice([f.value for f in InputFormat]),
        default="auto",
        show_default=True,
        help="Input layout (auto-detected from the header by default).",
    )
    @click.option(
        "--source",
        default="csv",
        show_default=True,
        help="Namespace of company ids in this file (node id co:{source}:{id}).",
    )
    @click.option("--no-graph", is_flag=True, help="Update the tables only; do not write the graph store.")
    def run(path: Path, mapping_path: Path | None, fmt: str, source: str, no_graph: bool) -> None:
        settings = load_settings()
        report = ingest_trade_file(
            settings, kind, path, mapping_path=mapping_path, source=source, fmt=InputFormat(fmt)
        )
        click.echo(report.summary())
        for row in report.warnings.head(20).itertuples(index=False):
            click.echo(f"  warning: row {row.row}, field '{row.field}': {row.reason}")
        if len(report.warnings) > 20:
            click.echo(f"  … {len(report.warnings) - 20} more warnings in the trade_warnings table")
        if not no_graph:
            click.echo(_graph_summary(settings, f"ingest {kind.value} {path}"))

    run.help = f"Load {kind.value} from PATH (canonical CSV/XLSX/Parquet, or a registry format)."
    return run


def register_ingest(group: click.Group) -> None:
    for kind in TradeKind:
        group.add_command(_command(kind))
