"""``chipwatch audit verify|show|head``: check and read the hash-chained audit log."""

from __future__ import annotations

import json

import click

from chipwatch.settings import load_settings
from graph import audit


def register(group: click.Group) -> None:
    @group.group("audit")
    def audit_group() -> None:
        """The append-only audit log of screening runs, review decisions, exports and list ingests."""

    @audit_group.command("verify")
    @click.option("--anchor", default=None, help="COUNT:HASH from an earlier `audit head` kept elsewhere.")
    def verify(anchor: str | None) -> None:
        """Check every record's hash, link and position, and the chain head (exit 1 on any problem)."""
        settings = load_settings()
        parsed = None
        if anchor:
            count, _, digest = anchor.partition(":")
            if not count.isdigit() or len(digest) != 64:
                raise click.BadParameter("expected COUNT:HASH (64 hex digits)", param_hint="--anchor")
            parsed = (int(count), digest)
        report = audit.verify(settings, anchor=parsed)
        for problem in report.problems:
            click.echo(f"  {problem}", err=True)
        click.echo(report.summary())
        if not report.ok:
            raise click.exceptions.Exit(1)

    @audit_group.command("show")
    @click.option("--last", "last", type=click.IntRange(min=1), default=None, help="Only the newest N.")
    @click.option("--json", "as_json", is_flag=True, help="One JSON record per line, as stored.")
    def show(last: int | None, as_json: bool) -> None:
        """List audit records, oldest first."""
        for record in audit.read(load_settings(), last=last):
            if as_json:
                click.echo(record.to_line(), nl=False)
            else:
                payload = json.dumps(record.payload, ensure_ascii=False, sort_keys=True)
                click.echo(f"{record.seq:>6}  {record.time}  {record.user:<12} {record.event:<16} {payload}")

    @audit_group.command("head")
    def head() -> None:
        """Print the chain head (count and newest hash) — copy it somewhere this machine can't rewrite."""
        report = audit.verify(load_settings())
        click.echo(json.dumps({"count": report.head_count or 0, "hash": report.head_hash or audit.GENESIS}))
        if not report.ok:
            click.echo(report.summary(), err=True)
            raise click.exceptions.Exit(1)
