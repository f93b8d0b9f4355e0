"""``chipwatch export risk-list``: a thin wrapper over :func:`graph.export.run.export_risk_list`."""

from __future__ import annotations

from pathlib import Path

import click

from chipwatch.settings import load_settings
from graph.export.risk_table import LEVELS, RiskFilter
from graph.export.run import ExportFormat, export_risk_list


def _values(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated options and comma-separated values alike: ``--list US_EL,US_SDN --list UN``."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def register(group: click.Group) -> None:
    @group.group("export")
    def export_group() -> None:
        """Export what the workspace knows (audited, Excel-safe)."""

    @export_group.command("risk-list")
    @click.option(
        "--min-score",
        type=click.FloatRange(0.0, 100.0),
        required=True,
        help="Keep entities scoring at least this (0-100; by default review starts at 40, block at 80).",
    )
    @click.option(
        "--list",
        "lists",
        multiple=True,
        metavar="CODE",
        help="Only entities on this list (US_EL, US_SDN, UN …); repeatable.",
    )
    @click.option(
        "--country",
        "countries",
        multiple=True,
        metavar="ISO2",
        help="Only entities in this country (CN, AE …); repeatable.",
    )
    @click.option(
        "--flag",
        "flags",
        multiple=True,
        metavar="FLAG",
        help="Only entities with this red flag (e.g. TRANSSHIPMENT_ROUTE); repeatable.",
    )
    @click.option(
        "--level",
        "levels",
        multiple=True,
        type=click.Choice(LEVELS),
        help="Only this risk level; repeatable.",
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice([f.value for f in ExportFormat]),
        default=None,
        help="csv (one row per entity), xlsx (entities, list hits, flags, list versions, metadata), "
        "json (full nested + metadata) or ftm (FollowTheMoney JSON lines). Default: from --out's suffix.",
    )
    @click.option("--out", "out", type=click.Path(path_type=Path), required=True, help="File to write.")
    def risk_list_cmd(
        min_score: float,
        lists: tuple[str, ...],
        countries: tuple[str, ...],
        flags: tuple[str, ...],
        levels: tuple[str, ...],
        fmt: str | None,
        out: Path,
    ) -> None:
        """Every risky entity with its score, breakdown, flags and evidence, reasons, list hits
        (list, entry, matched name, programmes, licence requirement, FR notice, source URL) and
        ownership status per regime, plus provenance (list versions with SHA-256 and publication
        date, risk as-of date, generation time).

        Run `chipwatch risk` first. Filters combine with AND; repeated values of one filter with OR.
        Text cells starting with = + - @ tab or CR are neutralised in CSV and XLSX. The file is
        written under a temporary name and renamed when complete; each export is recorded in the
        audit log with its filters, row count and SHA-256.

        \b
        Example:
          chipwatch export risk-list --min-score 40 --list US_EL --country CN \\
            --format xlsx --out risk.xlsx
        """
        flt = RiskFilter(
            min_score=min_score,
            lists=_values(lists),
            countries=_values(countries),
            flags=_values(flags),
            levels=levels,
        )
        summary = export_risk_list(load_settings(), flt, out, fmt)
        if summary.graph_behind_reason:
            click.echo(f"warning: {summary.graph_behind_reason} (each row says graph_behind)", err=True)
        if summary.risk_stale_reason:
            click.echo(f"warning: {summary.risk_stale_reason} (each row says risk_stale)", err=True)
        noun = "entity" if summary.rows == 1 else "entities"
        click.echo(
            f"exported {summary.rows} {noun} (risk as of {summary.risk_as_of}) as {summary.fmt} "
            f"→ {summary.path}\nSHA-256 {summary.sha256}; recorded in the audit log"
        )
