"""What a risk run was computed from, and whether the stored risk results are stale.

``chipwatch risk`` writes its results onto the graph's nodes; they describe the workspace at the
moment it ran. When a list, the company/ownership/officer/shipment data, resolution or a review
decision changes afterwards, the stored scores, levels, flags and ownership statuses no longer
follow from what the workspace holds — yet the CLI, the exports and the app would show them as
current. So a run records its **basis** in ``<workspace>/risk/run-<store>.json`` (one per store
kind, as the graph-sync journal is), and readers compare it with the workspace now
(:func:`check`).

The basis, and what "changed" means for each part (every part is read from the workspace's own
files, so both stores are judged alike and a copied workspace keeps its state):

* ``lists`` — the newest version of every feed (``list_versions``): changed when a feed has a
  newer version than the run read (a list update or re-read), or a feed was added or dropped;
* ``trade`` — the SHA-256 of each company/ownership/officer/party/shipment table: changed when
  an ingest changed a table's content (an ingest that adds nothing rewrites no table);
* ``resolution`` — the SHA-256 of ``resolve/clusters.parquet``: changed when ``chipwatch
  resolve`` ran since and linked records differently;
* ``review`` — the number of decisions in ``review/decisions.jsonl`` and the file's SHA-256:
  changed when a decision was recorded (or the file was edited);
* ``reference`` — the SHA-256 of the reference tables the rules read (weights, country groups,
  regimes, red flags, CHPL, hubs): changed when the rules were updated;
* ``target`` — the graph the results were written to (Neo4j URI and database; for networkx the
  workspace's own graph folder): changed when the store now points at another Neo4j graph;
* ``chipwatch_version`` — the version of chipwatch that computed the run: changed when chipwatch
  was upgraded (or downgraded) since, as its rules may score differently. A record written before
  the version was recorded has none: the version it was computed by is unknown, which is not
  counted as a change (every other part is still compared).

The time a run was computed and its as-of date are recorded too, but a run is not stale because
time passed: a run as of a date answers for that date. A run whose record is missing (computed
before runs were recorded, or one that did not finish — the record is removed before results are
written and written again after the flush) is ``unrecorded``: its basis is unknown.

Changes made *during* a run are caught: the basis is read before the run reads the graph, so a
change in between shows as a change since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from chipwatch import __version__
from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings, StoreKind
from graph import atomic, json_record
from graph.lists.versions import current_versions, version_label
from graph.risk.reference import REFERENCE_DIR
from graph.sync_journal import journal_path, store_target
from graph.tables.hashes import TRADE_TABLES, trade_table_hashes
from graph.tables.hashes import file_sha256 as _sha256
from graph.tables.lists import list_table_path, read_list_table
from graph.tables.trade import table_path

RUN_DIR = "risk"
#: The reference tables :func:`graph.risk.reference.load_reference` reads.
REFERENCE_FILES = (
    "chpl.csv",
    "ear_country_groups.csv",
    "ownership_regimes.csv",
    "red_flags.csv",
    "risk_weights.toml",
    "transshipment_hubs.csv",
)
RERUN = "run `chipwatch risk` again"

State = Literal["current", "stale", "unrecorded"]


@dataclass(frozen=True)
class RunBasis:
    """What one risk run read: see the module doc."""

    computed_at: str  # UTC, when the run read its inputs
    as_of: str
    store: str
    target: str
    lists: dict[str, str] = field(default_factory=dict)  # feed → version id
    trade: dict[str, str] = field(default_factory=dict)  # table → SHA-256 ("" when absent)
    resolution: str = ""
    review_decisions: int = 0
    review_sha256: str = ""
    reference: str = ""
    chipwatch_version: str | None = None  # None: recorded before the version was (unknown)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RunBasis:
        """Fields a newer chipwatch added are ignored (:mod:`graph.json_record`)."""
        return json_record.from_json(cls, data)


@dataclass(frozen=True)
class Staleness:
    """Whether the stored risk results still follow from the workspace, and why not."""

    state: State
    run: RunBasis | None = None
    changes: tuple[str, ...] = ()  # what changed since the run, one sentence each
    problem: str = ""  # why the record could not be read, when it could not

    @property
    def stale(self) -> bool:
        """True unless the results are known to follow from the workspace as it is now."""
        return self.state != "current"

    def message(self) -> str:
        """The warning, naming the run and every change (empty when current)."""
        if self.state == "current":
            return ""
        if self.run is None:
            why = self.problem or (
                "they were computed before chipwatch recorded its runs, or the last `chipwatch risk` "
                "did not finish"
            )
            return (
                f"risk results may be stale: there is no record of what they were computed from ({why}); "
                f"{RERUN}"
            )
        return (
            f"risk results are stale: computed {self.run.computed_at} (as of {self.run.as_of}); since "
            f"then {'; '.join(self.changes)}. Scores, levels, flags and ownership statuses do not "
            f"reflect these changes; {RERUN}"
        )


def run_path(settings: Settings) -> Path:
    return settings.workspace / RUN_DIR / f"run-{settings.store.value}.json"


def _decisions(settings: Settings) -> tuple[int, str]:
    from graph.resolve.review import decisions_path

    path = decisions_path(settings)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return 0, ""
    return sum(1 for line in data.splitlines() if line.strip()), hashlib.sha256(data).hexdigest()


def _reference(directory: Path = REFERENCE_DIR) -> str:
    digest = hashlib.sha256()
    for name in REFERENCE_FILES:
        digest.update(f"{name}\0{_sha256(directory / name)}\0".encode())
    return digest.hexdigest()


def _lists(settings: Settings) -> dict[str, str]:
    current = current_versions(read_list_table(settings, "list_versions"))
    return dict(zip(current["feed"].astype(str), current["version_id"].astype(str), strict=True))


def _target(settings: Settings) -> str:
    """The graph written to: Neo4j's URI and database; for networkx the workspace's own graph
    folder, named relative to the workspace (a copied or moved workspace holds the same graph)."""
    return store_target(settings) if settings.store is StoreKind.NEO4J else "workspace graph/"


def current_basis(settings: Settings, as_of: dt.date | str, now: dt.datetime | None = None) -> RunBasis:
    """The basis a risk run starting now over ``settings``' workspace reads."""
    from graph.resolve.run import clusters_path

    count, review = _decisions(settings)
    return RunBasis(
        computed_at=(now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        as_of=as_of if isinstance(as_of, str) else as_of.isoformat(),
        store=settings.store.value,
        target=_target(settings),
        lists=_lists(settings),
        trade=trade_table_hashes(settings),
        resolution=_sha256(Path(str(clusters_path(settings)))),
        review_decisions=count,
        review_sha256=review,
        reference=_reference(),
        chipwatch_version=__version__,
    )


def forget_run(settings: Settings) -> None:
    """Remove the record before results are written: a run that stops half-way leaves none."""
    run_path(settings).unlink(missing_ok=True)


def record_run(settings: Settings, basis: RunBasis) -> None:
    """Write ``basis`` as the store's last risk run (one atomic write: a crash keeps the old record)."""
    path = run_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, json.dumps(asdict(basis), indent=1, sort_keys=True))


def read_run(settings: Settings) -> RunBasis | None:
    """The store's last recorded risk run, or None."""
    path = run_path(settings)
    try:
        return RunBasis.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        raise ChipwatchError(f"{path}: the risk run record cannot be read ({exc})") from exc


def _version_text(versions: pd.DataFrame, feed: str, version_id: str | None) -> str:
    if version_id is None:
        return "none"
    row = versions[(versions["feed"] == feed) & (versions["version_id"].astype(str) == version_id)]
    return version_label(row.iloc[-1]) if len(row) else version_id


def _release(version: str) -> tuple[int, ...] | None:
    """``1.2.3`` → (1, 2, 3); None for a version not made of dotted numbers."""
    return tuple(int(part) for part in version.split(".")) if re.fullmatch(r"\d+(\.\d+)*", version) else None


def _version_change(before: str, after: str) -> str:
    old, new = _release(before), _release(after)
    how = "changed"
    if old is not None and new is not None and old != new:
        how = "upgraded" if new > old else "downgraded"
    return f"chipwatch was {how} from {before} to {after} (its rules may score differently)"


def changes(settings: Settings, run: RunBasis, now: RunBasis) -> list[str]:
    """What differs between the basis of ``run`` and ``now``, in words (see the module doc)."""
    out: list[str] = []
    if run.chipwatch_version is not None and run.chipwatch_version != now.chipwatch_version:
        out.append(_version_change(run.chipwatch_version, now.chipwatch_version or "an unknown version"))
    if run.target != now.target:
        out.append(f"the store points at another graph ({now.target}; the run wrote to {run.target})")
    feeds = [f for f in sorted(set(run.lists) | set(now.lists)) if run.lists.get(f) != now.lists.get(f)]
    versions = read_list_table(settings, "list_versions") if feeds else pd.DataFrame()
    for feed in feeds:
        before, after = run.lists.get(feed), now.lists.get(feed)
        out.append(
            f"list {feed} changed: the run read {_version_text(versions, feed, before)}, "
            f"the workspace now holds {_version_text(versions, feed, after)}"
        )
    trade = [name for name in TRADE_TABLES if run.trade.get(name, "") != now.trade.get(name, "")]
    if trade:
        out.append(f"the {', '.join(trade)} data changed (tables/<name>.parquet content differs)")
    if run.resolution != now.resolution:
        out.append("`chipwatch resolve` linked records differently (resolve/clusters.parquet differs)")
    if run.review_sha256 != now.review_sha256:
        added = now.review_decisions - run.review_decisions
        what = (
            f"{added} review decision{'s' if added != 1 else ''} recorded"
            if added > 0
            else "the review decisions file changed"
        )
        out.append(f"{what} ({run.review_decisions} when the run read them, {now.review_decisions} now)")
    if run.reference != now.reference:
        files = ", ".join(REFERENCE_FILES)
        out.append(f"the reference tables the rules read changed (data/reference: {files})")
    return out


def check(settings: Settings) -> Staleness:
    """Whether the store's risk results follow from the workspace as it is now."""
    try:
        run = read_run(settings)
    except ChipwatchError as exc:  # a damaged record: the basis is unknown, as with none
        return Staleness("unrecorded", problem=str(exc))
    if run is None:
        return Staleness("unrecorded")
    found = changes(settings, run, current_basis(settings, run.as_of))
    return Staleness("stale" if found else "current", run, tuple(found))


def _files_read(settings: Settings) -> list[Path]:
    """Every file :func:`check` and :func:`graph.sync_journal.behind_warning` read: the run record,
    what the basis is computed from and the graph-sync journal (with the trade tables, what tells
    whether the graph is behind them)."""
    from graph.resolve.review import decisions_path
    from graph.resolve.run import clusters_path

    return [
        run_path(settings),
        journal_path(settings),
        list_table_path(settings, "list_versions"),
        decisions_path(settings),
        Path(str(clusters_path(settings))),
        *(table_path(settings, name) for name in TRADE_TABLES),
        *(REFERENCE_DIR / name for name in REFERENCE_FILES),
    ]


def state_stamp(settings: Settings) -> str:
    """A stamp that changes whenever the answer of :func:`check` or of
    :func:`graph.sync_journal.behind_warning` can (each file they read: inode, size, mtime; the
    graph target): a reader checking on every render (the app) recomputes only then.
    Time passing changes nothing, so it is not part of the stamp."""
    parts = [_target(settings)]
    for path in _files_read(settings):
        try:
            st = path.stat()
        except FileNotFoundError:
            parts.append(f"{path.name}:-")
            continue
        parts.append(f"{path.name}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def warning(settings: Settings, *, has_results: bool = True) -> str | None:
    """The warning a reader of risk results shows, or None when they are current. ``has_results``:
    whether the reader found any (a workspace never scored has no record and nothing to warn of)."""
    found = check(settings)
    if found.state == "current" or (found.state == "unrecorded" and not has_results):
        return None
    return found.message()


def screening_warning(settings: Settings) -> str | None:
    """For ``chipwatch screen`` and the Screening page: the warning when the rows' risk_score,
    ownership_status and red_flags (the matched entries' risk, read from the graph) come from a
    stale run, or None. Not for an unrecorded run: screening often runs where risk never has."""
    found = check(settings)
    if found.state != "stale":
        return None
    return f"risk_score, ownership_status and red_flags: {found.message()}"


def as_of_note(settings: Settings, day: dt.date) -> str | None:
    """For ``paths --as-of``: the note when the stored risk run was computed as of another date —
    its flagged, ownership-blocked and resolved targets and flag scores are for that date."""
    try:
        run = read_run(settings)
    except ChipwatchError:
        return None  # the staleness warning says the record is damaged
    if run is None or run.as_of == day.isoformat():
        return None
    return (
        f"flagged, ownership-blocked and resolved-to-a-listing targets and the flags component come "
        f"from the risk run as of {run.as_of}, not {day.isoformat()}; run `chipwatch risk --as-of "
        f"{day.isoformat()}` first for them as of that date"
    )
