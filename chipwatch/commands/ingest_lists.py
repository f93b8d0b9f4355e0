"""``chipwatch ingest lists PATH... [--format F] [--feed NAME]`` and ``ingest bundled-lists``."""

from __future__ import annotations

from pathlib import Path

import click

from chipwatch.settings import load_settings
from ingest.lists.pipeline import IngestReport, ingest_bundled_lists, ingest_list_files


def echo_report(report: IngestReport, *, limit: int = 10) -> None:
    click.echo(report.summary())
    for row in report.rejected.head(limit).to_dict("records"):
        number = row["line"]  # list files are numbered by line (docs/inputs.md)
        where = f"line {int(number)}" if isinstance(number, int | float) and number == number else "file"
        click.echo(f"  rejected ({row['version_id']}) {where}, field '{row['field']}': {row['reason']}")
    if len(report.rejected) > limit:
        click.echo(f"  … {len(report.rejected) - limit} more; see `chipwatch lists rejected VERSION`")


def register_ingest(group: click.Group) -> None:
    @group.command("lists")
    @click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
    @click.option("--format", "fmt", default=None, help="Reader to use (detected from the file by default).")
    @click.option("--feed", default=None, help="File the versions under this feed (default: from the file).")
    def lists(paths: tuple[Path, ...], fmt: str | None, feed: str | None) -> None:
        """Load entity-list files (CSL, OFAC, UN, EU, UK, DPL, FtM, simple CSV; a folder of OFAC CSVs).

        All files or none: a bad file leaves the workspace as it was. A file already loaded
        changes nothing; a new version of a feed prints what changed.
        """
        echo_report(ingest_list_files(load_settings(), list(paths), fmt, feed=feed))

    @group.command("bundled-lists")
    def bundled() -> None:
        """Load every list bundled in data/lists/ (CSL 2022, OFAC SDN 2021, UN, DPL, …)."""
        echo_report(ingest_bundled_lists(load_settings()))
