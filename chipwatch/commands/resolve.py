"""``chipwatch resolve`` and ``chipwatch review``: thin wrappers over graph.resolve."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import cast

import click
from tqdm import tqdm

from chipwatch.errors import ChipwatchError
from chipwatch.settings import load_settings
from graph.list_fingerprint import COUNTERPARTY_PREFIX
from graph.resolve.link import link_score_text
from graph.resolve.review import confirmed_over_guard, decide, optional_store, pending_queue
from graph.resolve.run import STAGES, resolve
from graph.store import GraphStore


def _unknown_records(store: GraphStore, ids: tuple[str, ...]) -> list[str]:
    """The ids that name no record of the store (a mistyped id would be recorded and audited, then
    silently never applied)."""
    records = [i for i in ids if not i.startswith(COUNTERPARTY_PREFIX)]
    found = store.nodes_by_id(records)
    return [i for i in records if i not in found]


def _warn_overrides(overrides: Sequence[tuple[str, str, str]]) -> None:
    """Say which reviewer confirmations stand against the anti-chaining guard (they are kept:
    a human decision overrides the automatic checks; the officer should know what they join)."""
    if not overrides:
        return
    click.echo(
        f"warning: {len(overrides)} confirmed link(s) join records the anti-chaining guard keeps apart; "
        "the confirmation stands (withdraw it with `chipwatch review decide A B reject`):",
        err=True,
    )
    for a, b, reason in overrides:
        click.echo(f"  {a}  {b}\n        {reason}", err=True)


def register(group: click.Group) -> None:
    @group.command("resolve")
    def resolve_cmd() -> None:
        """Link list entries, companies and shipment parties (SAME_AS), queue the grey zone for review."""
        settings = load_settings()
        with tqdm(total=len(STAGES), desc="resolving", unit=" stages", disable=None) as bar:

            def step(stage: str) -> None:
                bar.set_postfix_str(stage)
                bar.update(1)

            summary = resolve(settings, progress=step)
        r = summary.records
        click.echo(
            f"records: {r['list_entries']} list entries, {r['companies']} companies, "
            f"{r['parties']} shipment parties\n"
            f"candidate pairs scored above the review threshold: {summary.candidate_pairs}\n"
            f"links made: {summary.links}; queued for review: {summary.queued} "
            f"({summary.refused_by_guard} refused by the anti-chaining guard)\n"
            f"clusters: {summary.clusters} ({summary.multi_member_clusters} with more than one record"
            + (
                f"; {summary.clusters_over_guard} joined by a reviewer's confirmation the anti-chaining"
                " guard would refuse, as the risk run joins them"
                if summary.clusters_over_guard
                else ""
            )
            + ")"
            + (
                ""
                if summary.store_written
                else "\nnote: the graph store was not written (no store available)"
            )
        )
        _warn_overrides(summary.confirmed_over_guard)

    @group.group("review", invoke_without_command=True)
    @click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
    @click.option("--json", "as_json", is_flag=True, help="Print the queue as JSON lines.")
    @click.pass_context
    def review_group(ctx: click.Context, limit: int, as_json: bool) -> None:
        """List the review queue (pairs in the grey zone not decided yet)."""
        if ctx.invoked_subcommand is not None:
            return
        settings = load_settings()
        queue = pending_queue(settings)
        overrides = confirmed_over_guard(settings)
        if not as_json:
            _warn_overrides(list(overrides.itertuples(index=False, name=None)))
        if queue.empty:
            click.echo("the review queue is empty (run `chipwatch resolve` first)")
            return
        for row in queue.head(limit).itertuples(index=False):
            reasons = json.loads(str(row.reasons_json or "[]"))
            if as_json:
                click.echo(
                    json.dumps({"a": row.source, "b": row.target, "score": row.score, "reasons": reasons})
                )
            else:
                click.echo(
                    f"{link_score_text(cast(float, row.score))}  {row.source}  {row.target}\n        "
                    + "\n        ".join(reasons)
                )
        click.echo(f"{min(limit, len(queue))} of {len(queue)} pending pairs shown", err=True)

    @review_group.command("decide")
    @click.argument("a")
    @click.argument("b")
    @click.argument("decision", type=click.Choice(["confirm", "reject"]))
    @click.option("--note", default="", help="Why (kept in the decisions file and the audit log).")
    def decide_cmd(a: str, b: str, decision: str, note: str) -> None:
        """Record that records A and B are the same (confirm) or not (reject).

        On a screening hit (a counterparty's cp:… id and a list entry) the entry as it is now is
        recorded with the decision: screening applies it until a list version changes the entry."""
        settings = load_settings()
        store = optional_store(settings)
        try:
            unknown = [] if store is None else _unknown_records(store, (a, b))
            if unknown:
                raise ChipwatchError(
                    f"no record with id {unknown[0]!r} in this workspace (use the ids `chipwatch review` "
                    "or `chipwatch entity NAME` print); nothing was recorded"
                )
            judgement = decide(settings, a, b, decision, note=note, store=store)
            if store is not None:
                # The decision is mirrored onto the pair's SAME_AS edge: on networkx that write
                # lives in memory until flushed (Neo4j commits it), and without it `entity`,
                # `risk` and `paths` kept the pair as before until the next `resolve`.
                store.flush()
        finally:
            if store is not None:
                store.close()
        click.echo(f"recorded: {judgement.a} {judgement.decision.value} {judgement.b}")
