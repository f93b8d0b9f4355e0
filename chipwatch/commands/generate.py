"""``chipwatch generate``: write a deterministic synthetic world with planted diversion schemes."""

from __future__ import annotations

from pathlib import Path

import click

from ingest.synthetic import write_world


def register(group: click.Group) -> None:
    @group.command("generate")
    @click.option("--companies", "n_companies", type=click.IntRange(min=200), default=3000, show_default=True)
    @click.option(
        "--shipments", "n_shipments", type=click.IntRange(min=100), default=20000, show_default=True
    )
    @click.option("--seed", type=int, default=1, show_default=True)
    @click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
    def generate(n_companies: int, n_shipments: int, seed: int, out_dir: Path) -> None:
        """Write companies/ownership/officers/shipments CSVs and ground_truth.json to OUT.

        The same arguments always give byte-identical files.
        """
        summary = write_world(n_companies, n_shipments, seed, out_dir)
        click.echo(
            f"wrote {summary.companies} companies, {summary.ownership} ownership links, {summary.officers} "
            f"officers, {summary.shipments} shipments and {summary.schemes} planted schemes to {out_dir}"
        )
