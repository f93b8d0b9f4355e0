"""``compute_risk``: ownership, flags and scores over the whole workspace, written back to the store.

Every Company, TradeParty and ListEntry node gets ``risk_score`` (0–100), ``risk_level``
(clear|review|block), ``flags_json`` (each fired flag with its legal source, parameters and
evidence), ``ownership_json`` (status per regime, ultimate parent, completeness), ``risk_as_of``
and ``risk_cluster``. Nodes of one SAME_AS cluster share one result: the cluster is the resolved
party. Everything is read in bulk (one frame per node/edge kind) and computed over tables.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings
from graph.lists.basis import list_notes
from graph.model import NodeKind
from graph.risk.asof import frames_as_of
from graph.risk.flags import compute_flags
from graph.risk.flags.base import FlagContext
from graph.risk.frames import RiskFrames, join_groups, load_frames
from graph.risk.ownership import OwnershipResult, ownership_status
from graph.risk.reference import Reference, earliest_date, load_reference
from graph.risk.score import score_frame
from graph.risk.staleness import current_basis, forget_run, record_run
from graph.store import GraphStore
from graph.trade_graph import records

Progress = Callable[[str, int, int], None]
STEPS = ("read", "ownership", "flags", "score", "write")


class AsOfError(ChipwatchError):
    """The ``--as-of`` date is before anything the reference tables or the workspace hold."""


@dataclass(frozen=True)
class RiskSummary:
    as_of: str
    clusters: int
    levels: dict[str, int]
    flags: dict[str, int]
    regimes_in_force: list[str]
    regimes_suspended: list[str]
    nodes_written: int
    seconds: float
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RiskResult:
    frames: RiskFrames
    ownership: OwnershipResult
    flags: pd.DataFrame
    scores: pd.DataFrame
    ref: Reference
    notes: list[str] = field(default_factory=list)


def check_as_of(as_of: dt.date, frames: RiskFrames | None = None) -> None:
    first = earliest_date()
    if as_of < first:
        raise AsOfError(
            f"--as-of {as_of.isoformat()} is before any reference data (the country-group and ownership "
            f"tables start on {first.isoformat()}); choose a date on or after it"
        )
    if frames is not None and not frames.shipments.empty:
        dates = frames.shipments["date"].dropna()
        if len(dates) and str(dates.min()) > as_of.isoformat():
            raise AsOfError(
                f"--as-of {as_of.isoformat()} is before any shipment in the workspace (the first is "
                f"{dates.min()}); choose a later date"
            )


def owner_countries(frames: RiskFrames) -> pd.Series:
    """Cluster → country, where a cluster that owns something takes the country of the node the
    ownership records name as owner (its registry country), not of whichever member sorts first:
    a cluster that resolution merged across countries must not move a parent out of D:5."""
    clusters = frames.clusters
    countries = pd.Series(clusters["country"].to_numpy(), index=clusters["cluster"].to_numpy())
    ent = pd.Series(frames.entities["country"].to_numpy(), index=frames.entities["id"].to_numpy())
    named = pd.DataFrame(
        {"cluster": frames.owns["owner"].to_numpy(), "country": frames.owns["source_id"].map(ent).to_numpy()}
    ).dropna()
    named = named.sort_values(["cluster", "country"], kind="stable").drop_duplicates("cluster")
    countries.update(pd.Series(named["country"].to_numpy(), index=named["cluster"].to_numpy()))
    return countries


def analyse(store: GraphStore, as_of: dt.date, progress: Progress | None = None) -> RiskResult:
    """Everything, computed but not written."""
    tick = progress or (lambda _s, _i, _n: None)
    check_as_of(as_of)
    tick("read", 0, len(STEPS))
    frames = load_frames(store)
    check_as_of(as_of, frames)
    frames, notes = frames_as_of(frames, as_of.isoformat())
    ref = load_reference(as_of)
    notes += [
        f"{f.name} not in force on {as_of.isoformat()} (from {f.params['effective_from']}: {f.legal_source})"
        for f in ref.flags.values()
        if not f.in_force(as_of)
    ]
    tick("ownership", 1, len(STEPS))
    countries = owner_countries(frames)
    control = float(ref.flag_params("ULTIMATE_PARENT_D5").get("control_pct", 50.0))
    own = ownership_status(frames.owns, frames.listings, ref.regimes, countries, control)
    tick("flags", 2, len(STEPS))
    suspended = tuple(r for r in ref.regimes_all if r.status != "in_force")
    held = ownership_status(frames.owns, frames.listings, suspended, countries, control).status
    ctx = FlagContext(frames, ref, own, suspended=held)
    flags = compute_flags(ctx)
    tick("score", 3, len(STEPS))
    listed = ctx.listed_clusters
    scores = score_frame(listed, flags, pd.Index(frames.clusters["cluster"]), ref.weights)
    return RiskResult(frames, own, flags, scores, ref, notes)


def _flags_json(flags: pd.DataFrame) -> pd.Series:
    """Cluster → ``json.dumps`` of its flags (name, legal source, parameters, evidence), written
    as text from the flags' own JSON: evidence is ``evidence()`` output, already what
    ``json.dumps(..., ensure_ascii=False)`` gives, and is not decoded and encoded again (seconds
    at 100,000 flags); parameters are re-encoded once per distinct text."""
    if flags.empty:
        return pd.Series(dtype=object)
    f = flags.sort_values(["cluster", "flag"])
    params = {
        p: json.dumps(json.loads(p), ensure_ascii=False, default=str) for p in pd.unique(f["parameters_json"])
    }
    text = {
        str(v): json.dumps(v, ensure_ascii=False)
        for v in pd.unique(pd.concat([f["flag"], f["legal_source"]]))
    }
    item = [
        f'{{"flag": {text[str(n)]}, "legal_source": {text[str(s)]}, '
        f'"parameters": {params[p]}, "evidence": {e}}}'
        for n, s, p, e in zip(
            f["flag"], f["legal_source"], f["parameters_json"], f["evidence_json"], strict=True
        )
    ]
    return "[" + join_groups(f["cluster"], pd.Series(item, dtype=object)) + "]"


def _ownership_json(res: RiskResult) -> pd.Series:
    own = res.ownership
    doc: dict[str, dict[str, Any]] = {}
    st = own.status
    for c, r, s, b in zip(st["cluster"], st["regime"], st["status"], st["blocked_pct"], strict=True):
        doc.setdefault(str(c), {}).setdefault("regimes", {})[str(r)] = {"status": s, "blocked_pct": float(b)}
    for row in own.parents.itertuples(index=False):
        d = doc.setdefault(str(row.cluster), {})
        d["parent"] = row.parent
        d["ultimate_parent"] = row.ultimate_parent
        d["ultimate_parent_country"] = row.parent_country if isinstance(row.parent_country, str) else None
        d["ownership_cycle"] = bool(row.cycle)
    for row in own.completeness.itertuples(index=False):
        d = doc.setdefault(str(row.cluster), {})
        d["known_stakes_pct"] = float(str(row.total_pct))
        d["owners"] = int(str(row.owners))
        d["completeness"] = row.state
        if row.self_owned:
            d["self_owned"] = True
    suspended = [r.name for r in res.ref.regimes_all if r.status != "in_force"]
    if suspended:
        for d in doc.values():
            d["suspended_regimes"] = suspended
    return pd.Series({c: json.dumps(v, default=str) for c, v in doc.items()}, dtype=object)


def write_results(store: GraphStore, res: RiskResult) -> int:
    """Risk properties on every entity node (clean ones too, so stale results are overwritten)."""
    scores = res.scores.set_index("cluster")
    flags = _flags_json(res.flags)
    owner = _ownership_json(res)
    ent = res.frames.entities[["id", "kind", "cluster"]]
    cl = ent["cluster"]
    table = pd.DataFrame(
        {
            "id": ent["id"].to_numpy(),
            "risk_score": cl.map(scores["risk_score"]).fillna(0.0).to_numpy(),
            "risk_level": cl.map(scores["risk_level"]).fillna("clear").to_numpy(),
            # object first: with no flag or ownership at all the mapped column is float
            "flags_json": cl.map(flags).astype(object).fillna("[]").to_numpy(),
            "ownership_json": cl.map(owner).astype(object).fillna("{}").to_numpy(),
            "risk_breakdown_json": cl.map(scores["breakdown_json"]).fillna("[]").to_numpy(),
            "risk_cluster": cl.to_numpy(),
            "risk_as_of": res.ref.as_of.isoformat(),
        }
    )
    written = 0
    for kind in sorted(set(ent["kind"])):
        part = table[(ent["kind"] == kind).to_numpy()]
        written += store.upsert_nodes(NodeKind(str(kind)), records(part))
    return written


def compute_risk_on(
    store: GraphStore, as_of: dt.date, progress: Progress | None = None
) -> tuple[RiskSummary, RiskResult]:
    started = time.perf_counter()
    res = analyse(store, as_of, progress)
    if progress:
        progress("write", 4, len(STEPS))
    written = write_results(store, res)
    store.flush()
    if progress:
        progress("done", len(STEPS), len(STEPS))
    levels = res.scores["risk_level"].value_counts().to_dict()
    notes = list(res.notes)
    incomplete = int((res.ownership.completeness["state"] == "incomplete").sum())
    over = int((res.ownership.completeness["state"] == "over_100").sum())
    if incomplete:
        notes.append(f"{incomplete} owned entities have known stakes below 100 % (ownership incomplete)")
    if over:
        notes.append(f"{over} owned entities have stakes summing above 100 % (check the ownership data)")
    cycles = int(res.ownership.parents["cycle"].sum()) if not res.ownership.parents.empty else 0
    if cycles:
        notes.append(f"{cycles} entities sit in ownership cycles (no ultimate parent)")
    summary = RiskSummary(
        as_of=as_of.isoformat(),
        clusters=len(res.scores),
        levels={str(k): int(v) for k, v in levels.items()},
        flags={str(k): int(v) for k, v in res.flags["flag"].value_counts().sort_index().items()},
        regimes_in_force=[r.name for r in res.ref.regimes],
        regimes_suspended=[r.name for r in res.ref.regimes_all if r.status != "in_force"],
        nodes_written=written,
        seconds=round(time.perf_counter() - started, 2),
        notes=notes,
    )
    return summary, res


def compute_risk(
    settings: Settings, as_of: dt.date | None = None, progress: Progress | None = None
) -> RiskSummary:
    """Compute risk over the workspace's store and write it back; returns the summary. What the
    run read is recorded (:mod:`graph.risk.staleness`), so readers can tell when it is stale."""
    from graph.stores import open_store
    from graph.sync_journal import require_graph_current, require_synced

    require_synced(settings)  # scores over a half-written graph would clear parties wrongly
    # nor over a graph the tables are ahead of: the record would name tables the graph lacks
    require_graph_current(
        settings,
        "risk results computed now would miss those changes yet be recorded as computed from them",
    )
    day = as_of or dt.date.today()
    # what the run reads, read before the graph is: a change made meanwhile shows as one since
    basis = current_basis(settings, day)
    forget_run(settings)  # results are about to change: a run that stops half-way leaves no record
    store = open_store(settings)
    try:
        summary, _ = compute_risk_on(store, day, progress)
    finally:
        store.close()
    record_run(settings, basis)
    summary.notes.extend(list_notes(settings, day))
    return summary
