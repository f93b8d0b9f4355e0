"""``chipwatch lists`` (versions and provenance), ``lists diff``, ``lists rejected``, ``update-lists``."""

from __future__ import annotations

import json
from typing import Any

import click
import pandas as pd

from chipwatch.commands.ingest_lists import echo_report
from chipwatch.settings import load_settings
from graph.lists.diff import version_diff
from graph.lists.versions import resolve_feed, resolve_version, version_label
from graph.tables.lists import load_list_tables, read_list_table

_SIGN = {"added": "+", "removed": "-", "changed": "~"}


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


class _Row:
    """A table row with attribute access and loosely typed values (for printing)."""

    def __init__(self, values: dict[str, Any]):
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(name)


def _rows(frame: pd.DataFrame) -> list[Any]:
    return [_Row({str(k): v for k, v in rec.items()}) for rec in frame.to_dict("records")]


def register(group: click.Group) -> None:
    @group.group("lists", invoke_without_command=True)
    @click.pass_context
    def lists_group(ctx: click.Context) -> None:
        """Show every ingested list version: feed, file, SHA-256, publication date, row counts."""
        if ctx.invoked_subcommand is not None:
            return
        versions = read_list_table(load_settings(), "list_versions")
        if versions.empty:
            click.echo("no lists ingested yet (chipwatch ingest lists PATH, or chipwatch update-lists)")
            return
        for row in _rows(versions.sort_values(["feed", "seq"])):
            lists = ", ".join(json.loads(row.lists_json or "[]"))
            click.echo(
                f"{row.feed} v{int(row.seq)}  {row.version_id}  {row.format}  "
                f"published {_text(row.published) or '?'}  ingested {row.ingested_at}"
            )
            click.echo(
                f"    {int(row.rows_read)} read, {int(row.rows_accepted)} accepted, "
                f"{int(row.rows_rejected)} rejected; {int(row.size)} bytes; sha256 {row.sha256}"
            )
            click.echo(f"    file {row.path}" + (f"  from {row.origin}" if _text(row.origin) else ""))
            click.echo(f"    lists: {lists}")
            if _text(row.note):  # why a file already loaded was read again
                click.echo(f"    {row.note}")

    @lists_group.command("diff")
    @click.argument("list_name", metavar="LIST")
    @click.argument("versions", nargs=-1, metavar="[OLD NEW]")
    @click.option("--limit", default=50, show_default=True, help="Entries to print per kind of change.")
    def diff(list_name: str, versions: tuple[str, ...], limit: int) -> None:
        """What changed in LIST (a feed such as csl, or a list code such as US_EL) between two
        versions (sequence number, version id or SHA-256 prefix; default: the two newest)."""
        if len(versions) not in (0, 2):
            raise click.UsageError("give OLD and NEW, or neither")
        old, new = (versions[0], versions[1]) if versions else (None, None)
        d = version_diff(load_list_tables(load_settings()), list_name, old, new)
        scope = f"{d.feed} ({d.list_filter})" if d.list_filter else d.feed
        old_label = "nothing" if d.old is None else version_label(d.old)
        click.echo(f"{scope}: {old_label}\n  → {version_label(d.new)}")
        counts = d.counts()
        click.echo(", ".join(f"{n} {c}" for c, n in counts.items()))
        for change in ("added", "removed", "changed"):
            rows = d.rows[d.rows["change"] == change]
            for row in _rows(rows.head(limit)):
                fields = f"  [{', '.join(json.loads(row.fields_json))}]" if _text(row.fields_json) else ""
                was = f"  (was '{row.previous_name}')" if _text(row.previous_name) else ""
                click.echo(f"  {_SIGN[change]} {row.node_id}  {row.name}{was}{fields}")
            if len(rows) > limit:
                click.echo(f"  … {len(rows) - limit} more {change}")

    @lists_group.command("rejected")
    @click.argument("list_name", metavar="LIST")
    @click.argument("version", required=False)
    def rejected(list_name: str, version: str | None) -> None:
        """Rows the reader refused in a version of LIST (default: the newest), with the reason."""
        tables = load_list_tables(load_settings())
        feed, _ = resolve_feed(tables.versions, list_name)
        versions = tables.versions[tables.versions["feed"] == feed].sort_values("seq")
        row = resolve_version(tables.versions, feed, version) if version else versions.iloc[-1]
        rej: pd.DataFrame = tables.rejected[tables.rejected["version_id"] == row["version_id"]]
        click.echo(f"{row['version_id']}: {len(rej)} rejected row(s)")
        for r in _rows(rej):
            where = f"line {int(r.line)}" if _text(r.line) else "file"  # list files: by line
            click.echo(f"  {where}, field '{_text(r.field)}': {r.reason}")

    @group.command("update-lists")
    @click.option(
        "--feed", "feeds", multiple=True, help="Feed to update (repeatable; default: all configured)."
    )
    def update(feeds: tuple[str, ...]) -> None:
        """Download the lists from their official URLs (data/reference/list_sources.toml, or the file
        CHIPWATCH_LIST_UPDATE_URLS names), verify, ingest and show what changed."""
        from ingest.lists.update import update_lists

        report = update_lists(load_settings(), list(feeds) or None)
        for feed in report.feeds:
            if feed.ok and feed.not_modified:
                click.echo(f"[{feed.feed}] not modified (HTTP 304): {feed.feed} stays at {feed.current}")
            elif feed.ok and feed.report is not None:
                click.echo(f"[{feed.feed}] ok")
                echo_report(feed.report)
            else:
                click.echo(f"[{feed.feed}] FAILED, nothing changed: {feed.failure()}", err=True)
        if not report.ok:
            raise click.exceptions.Exit(1)
