"""``chipwatch screen INPUT --out OUTPUT`` and ``chipwatch rescreen``: thin wrappers over graph.screening."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from chipwatch.settings import load_settings
from graph.risk.staleness import screening_warning
from graph.screening.rescreen import rescreen
from graph.screening.run import screen_file
from graph.screening.screen import Thresholds
from graph.sync_journal import behind_warning
from graph.tables.lists import load_list_tables, read_list_table
from ingest.lists.refile import misfiled_warnings


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        canonical, sep, column = pair.partition("=")
        if not sep or not canonical or not column:
            raise click.BadParameter(
                f"{pair!r}: expected CANONICAL=COLUMN, e.g. name=Company Name", param_hint="--map"
            )
        out[canonical.strip().lower()] = column
    return out


def _thresholds(review: float, block: float) -> Thresholds:
    return Thresholds(review=review, block=block, report=min(0.6, review))


def register(group: click.Group) -> None:
    @group.command("screen")
    @click.argument("input_path", type=click.Path(dir_okay=False, path_type=Path))
    @click.option(
        "--out",
        "output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=True,
        help="Result file: .csv (one row per input row), .xlsx or .json (all matches).",
    )
    @click.option(
        "--map",
        "maps",
        multiple=True,
        metavar="CANONICAL=COLUMN",
        help="Use COLUMN of the input as name/country/address/id/lei/tax_id/role (repeatable).",
    )
    @click.option("--review", type=click.FloatRange(0.0, 1.0), default=Thresholds.review, show_default=True)
    @click.option("--block", type=click.FloatRange(0.0, 1.0), default=Thresholds.block, show_default=True)
    @click.option(
        "--chunk-rows", type=click.IntRange(min=100), default=20_000, show_default=True, hidden=True
    )
    def screen_cmd(
        input_path: Path, output: Path, maps: tuple[str, ...], review: float, block: float, chunk_rows: int
    ) -> None:
        """Screen every row of INPUT (CSV or XLSX with a name column) against the current lists."""
        settings = load_settings()
        mapping = _mapping(maps)
        warnings = misfiled_warnings(read_list_table(settings, "list_versions"))
        behind = behind_warning(settings)
        if behind:  # the matched entries' risk is read from a graph behind the tables
            warnings.append(behind)
        stale = screening_warning(settings)
        if stale:  # the rows' risk_score, ownership_status and red_flags are a stale run's
            warnings.append(stale)
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        with tqdm(unit=" rows", desc="screening", disable=None) as bar:
            # screen_file checks both files before it builds the list index (and says so then).
            summary = screen_file(
                settings,
                input_path,
                output,
                mapping=mapping,
                thresholds=_thresholds(review, block),
                progress=bar.update,
                chunk_rows=chunk_rows,
                notice=lambda message: tqdm.write(message, file=sys.stderr),  # above the bar
                warnings=warnings,
            )
        disp = ", ".join(f"{k} {v}" for k, v in summary.dispositions.items()) or "none"
        click.echo(
            f"screened {summary.rows} rows against {summary.list_entries} list entries: {disp}"
            f" ({summary.duplicate_rows} duplicate rows, {summary.empty_names} without a name) → {output}"
        )
        for note in summary.notes[len(warnings) :]:  # (the warnings were given on stderr)
            click.echo(f"note: {note}")

    @group.command("rescreen")
    @click.option("--out", "output", type=click.Path(dir_okay=False, path_type=Path), required=True)
    @click.option("--review", type=click.FloatRange(0.0, 1.0), default=Thresholds.review, show_default=True)
    @click.option("--block", type=click.FloatRange(0.0, 1.0), default=Thresholds.block, show_default=True)
    def rescreen_cmd(output: Path, review: float, block: float) -> None:
        """Re-screen stored companies and shipment parties against what changed in the latest list versions.

        Writes only new or changed exposures (CSV/XLSX/JSON by suffix).
        """
        settings = load_settings()
        tables = load_list_tables(settings)  # read once: the warnings and the rescreen use them
        warnings = misfiled_warnings(tables.versions)
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        summary = rescreen(settings, output, _thresholds(review, block), warnings, tables=tables)
        click.echo(
            f"{summary.changed_entries} list entries added or changed; "
            f"{summary.counterparties} counterparties "
            f"re-screened; {summary.exposures} new or changed exposures → {output}"
        )
