"""``chipwatch risk``, ``chipwatch paths`` and ``chipwatch entity``: thin wrappers over graph.risk."""

from __future__ import annotations

import datetime as dt
import json
from typing import cast

import click
from tqdm import tqdm

from chipwatch.settings import load_settings
from graph.risk.entity import entity_report, find_entity, format_report
from graph.risk.paths import TARGETS, PathIndex, Target, diversion_paths, owns_step_text
from graph.risk.reference import load_reference
from graph.risk.run import STEPS, check_as_of, compute_risk
from graph.risk.staleness import as_of_note, warning
from graph.sync_journal import behind_warning, require_synced


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--as-of") from None


def register(group: click.Group) -> None:
    @group.command("risk")
    @click.option(
        "--as-of",
        "as_of",
        help="Evaluate the rules in force on this date (YYYY-MM-DD; default today). Shipments and "
        "listings (start_date) dated after it and listings that ended before it (end_date) are left "
        "out; ownership records dated after it (as_of: when observed) still count.",
    )
    def risk_cmd(as_of: str | None) -> None:
        """Compute ownership status per regime, red flags and risk scores; write them to the store."""
        day = _date(as_of)
        with tqdm(total=len(STEPS), desc="risk", unit=" steps", disable=None) as bar:

            def step(name: str, i: int, n: int) -> None:
                bar.set_postfix_str(name)
                bar.n = i
                bar.refresh()

            summary = compute_risk(load_settings(), day, step)
        click.echo(f"as of {summary.as_of}: {summary.clusters} parties scored in {summary.seconds} s")
        click.echo("levels: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.levels.items())))
        click.echo("regimes in force: " + ", ".join(summary.regimes_in_force))
        if summary.regimes_suspended:
            click.echo("suspended on this date: " + ", ".join(summary.regimes_suspended))
        click.echo("flags: " + (", ".join(f"{k} {v}" for k, v in summary.flags.items()) or "none"))
        for note in summary.notes:
            click.echo(f"note: {note}")

    @group.command("paths")
    @click.option("--from", "source", help="Entity id or name to start from.")
    @click.option("--from-country", "country", help="Start from every party in this ISO-2 country.")
    @click.option("--hs", help="Only trade hops whose HS-6 code starts with these digits (e.g. 8542).")
    @click.option(
        "--to",
        "to",
        type=click.Choice(list(TARGETS)),
        default="restricted",
        show_default=True,
        help="listed parties (incl. resolved and ownership-blocked), restricted destinations (incl. "
        "a D:5/Macau ultimate parent), flagged parties (review or block), or any of them.",
    )
    @click.option("--max-hops", type=click.IntRange(1, 8), default=5, show_default=True)
    @click.option("--top", type=click.IntRange(1, 1000), default=20, show_default=True)
    @click.option(
        "--as-of",
        "as_of",
        help="Date for recency and the reference tables (default today). List entries listed after it "
        "(start_date) or whose listing ended before it (end_date) are no listed target; an ownership "
        "stake not current on it (ended, not yet begun, inactive) is not walked.",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print the paths as JSON.")
    def paths_cmd(
        source: str | None,
        country: str | None,
        hs: str | None,
        to: str,
        max_hops: int,
        top: int,
        as_of: str | None,
        as_json: bool,
    ) -> None:
        """Ranked diversion paths to listed parties or restricted destinations."""
        from graph.stores import open_store

        day = _date(as_of)
        check_as_of(day)  # as ``risk`` does: a date before the reference tables is no "no path found"
        settings = load_settings()
        require_synced(settings)
        store = open_store(settings)
        try:
            node_id = find_entity(store, source)[0] if source else None
            index = PathIndex.build(store, load_reference(day))
            found = diversion_paths(
                index,
                source=node_id,
                country=country,
                hs=hs,
                to=cast(Target, to),
                max_hops=max_hops,
                top=top,
                as_of=day,
            )
        finally:
            store.close()
        scored = any(h.get("risk_score") is not None for p in found for h in p.hops)
        # a date asked for that is not the risk run's: the targets and flags taken from it are not for it
        note = as_of_note(settings, day) if as_of is not None else None
        for message in (behind_warning(settings), warning(settings, has_results=scored), note):
            if message:
                click.echo(f"warning: {message}", err=True)
        if as_json:
            click.echo(json.dumps([p.as_dict() for p in found], ensure_ascii=False, indent=1, default=str))
            return
        if not found:
            click.echo("no path found")
        for rank, p in enumerate(found, 1):
            chain = " -> ".join(f"{h.get('name', h['node_id'])} ({h.get('country') or '-'})" for h in p.hops)
            click.echo(f"{rank:>3}. risk {p.score:5.1f}  {chain}")
            if p.hops[-1].get("target"):
                click.echo("       ends at: " + "; ".join(p.hops[-1]["target"]))
            for h in p.hops[1:]:
                via = h["via"]
                if via["edge"] == "TRADES_WITH":
                    click.echo(
                        f"       {via['hs6']} tier {via['chpl_tier'] or '-'}: {via['shipments']} shipments, "
                        f"{via['value_usd']} USD, {via['first']}..{via['last']}"
                    )
                elif via["edge"] == "OWNS":
                    click.echo(f"       {owns_step_text(via)}")
                else:
                    click.echo(f"       {via['edge']}")
        if found and found[0].truncated:
            click.echo(
                "note: the search stopped early (search_limit reached); deeper paths were not explored"
            )

    @group.command("entity")
    @click.argument("query")
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
    def entity_cmd(query: str, as_json: bool) -> None:
        """One entity's list hits, cluster, ownership statuses, flags and score."""
        from graph.stores import open_store

        settings = load_settings()
        require_synced(settings)
        store = open_store(settings)
        try:
            report = entity_report(store, query)
        finally:
            store.close()
        for message in (
            behind_warning(settings),
            warning(settings, has_results=bool(report.risk.get("computed"))),
        ):
            if message:
                click.echo(f"warning: {message}", err=True)
        if as_json:
            click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1, default=str))
        else:
            click.echo(format_report(report))
