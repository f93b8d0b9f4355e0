"""List files → canonical list tables + graph, all or nothing, with provenance, versions and diffs.

:func:`ingest_list_files` reads every file first (any error: nothing is written), builds the new
table rows and graph rows in memory, stages the tables beside the live ones, writes the graph,
and only then swaps the tables in. If the graph write fails, the graph is put back as it was
(:class:`graph.lists.undo.GraphUndo`) and the staged tables are dropped.

Re-ingesting a file already loaded (same SHA-256, read by the same reader version) changes nothing
and says so. The latest file of a feed loaded under an older :data:`READ_VERSION` is read again as
a new version of its feed, so its diff shows what the newer reading changed and its provenance row
says why. A feed whose newest version an older feed rule filed there (OFAC's consolidated list as
the SDN feed: :mod:`ingest.lists.refile`) is put right by the next ingest, whatever it loads.
A node id several feeds list (OFAC's consolidated list carries its SDN entities under the SDN
ids) shows one feed's copy and is removed only when no feed lists it (:mod:`ingest.lists.shared`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from chipwatch.errors import ChipwatchError, InputFileError
from chipwatch.settings import PROJECT_ROOT, Settings
from graph import audit
from graph.audit import AuditEvent
from graph.list_graph import edge_identities, list_graph_frames, write_list_graph
from graph.lists.copies import shown_copies, version_lists
from graph.lists.diff import diff_entries, summarise
from graph.lists.undo import GraphUndo
from graph.lists.versions import current_versions, latest_version
from graph.model import EdgeKind
from graph.store import GraphStore
from graph.tables.lists import ListTables, append_rows, conform, load_list_tables, stage_list_tables
from graph.trade_graph import GraphFrames
from ingest.lists.model import ReadResult
from ingest.lists.provenance import (
    READ_VERSION,
    entry_rows,
    feed_for,
    file_sha256,
    file_size,
    reader_versions,
    version_id,
)
from ingest.lists.refile import refilings, right_feed, rightly_filed
from ingest.lists.shared import COPY_EDGES, without_twins

BUNDLED_LISTS = PROJECT_ROOT / "data" / "lists"
Reader = Callable[[Path, str | None], ReadResult]


@dataclass
class FileOutcome:
    path: Path
    feed: str
    version_id: str
    seq: int
    status: str  # "new" or "unchanged"
    format: str = ""
    rows_read: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0
    previous_version_id: str | None = None
    changes: dict[str, int] = field(default_factory=dict)
    note: str | None = None  # why a known file was read again

    def line(self) -> str:
        if self.status == "unchanged":
            return (
                f"{self.path.name}: already loaded as {self.version_id} (version {self.seq}); nothing changed"
            )
        base = (
            f"{self.path.name}: feed {self.feed}, version {self.seq} ({self.version_id}, {self.format}); "
            f"{self.rows_read} read, {self.rows_accepted} accepted, {self.rows_rejected} rejected"
        )
        parts = self.rows_read - self.rows_accepted - self.rows_rejected
        if parts > 0:
            # EU and UK files give a row per alias, DoD 1260H one per annual report, FtM an entity
            # per address or relation: without this the counts read as if rows had gone missing.
            base += (
                f" ({parts} rows read as parts of entries: aliases, addresses, relations, repeat listings)"
            )
        if self.previous_version_id:
            c = self.changes
            base += (
                f"; vs {self.previous_version_id}: {c.get('added', 0)} added, "
                f"{c.get('removed', 0)} removed, {c.get('changed', 0)} changed"
            )
        return f"{base} ({self.note})" if self.note else base


@dataclass
class IngestReport:
    files: list[FileOutcome]
    diffs: pd.DataFrame  # new list_diffs rows
    rejected: pd.DataFrame  # new list_rejected rows
    graph_written: dict[str, int] = field(default_factory=dict)
    store_name: str = ""

    @property
    def changed(self) -> bool:
        return any(f.status == "new" for f in self.files)

    def summary(self) -> str:
        lines = [f.line() for f in self.files]
        if not self.changed:
            lines.append("nothing changed")
        elif self.graph_written:
            written = ", ".join(f"{n} {k}" for k, n in self.graph_written.items() if n)
            lines.append(f"graph ({self.store_name}): {written}")
        return "\n".join(lines)


def _default_reader(path: Path, fmt: str | None) -> ReadResult:
    from ingest.lists.read import read_list_file

    return read_list_file(path, fmt)


@dataclass
class _Pending:
    """What one ingest call will add, accumulated file by file."""

    tables: ListTables
    entries: list[pd.DataFrame] = field(default_factory=list)
    relations: list[pd.DataFrame] = field(default_factory=list)
    versions: list[dict[str, object]] = field(default_factory=list)
    rejected: list[pd.DataFrame] = field(default_factory=list)
    diffs: list[pd.DataFrame] = field(default_factory=list)
    graph: list[tuple[GraphFrames, dict[EdgeKind, set[tuple[str, str, str]]]]] = field(default_factory=list)

    def all_versions(self) -> pd.DataFrame:
        return append_rows("list_versions", self.tables.versions, pd.DataFrame(self.versions))

    def entries_of(self, version: str, table: str = "entries") -> pd.DataFrame:
        """The rows of ``version``, stored or added by this call, without the decoded twins: a
        fresh file's frame brings them (``_aliases`` …) and stored rows would get NaN there."""
        frames = [getattr(self.tables, table), *(self.entries if table == "entries" else self.relations)]
        return pd.concat([without_twins(f[f["version_id"] == version]) for f in frames], ignore_index=True)


def ingest_list_files(
    settings: Settings,
    paths: Iterable[Path],
    fmt: str | None = None,
    *,
    feed: str | None = None,
    store: GraphStore | None = None,
    reader: Reader | None = None,
    now: dt.datetime | None = None,
    origin: str | None = None,
    reader_version: int = READ_VERSION,
    publisher_current: bool = False,
    tables: ListTables | None = None,
) -> IngestReport:
    """Load list files into the workspace's list tables and graph store, all or nothing.

    ``fmt`` overrides format detection; ``feed`` overrides the feed a file is filed under.
    ``store``: write into this store (default: open the configured one, flush and close it).
    ``origin``: where the files were downloaded from (recorded in the version's provenance).
    ``reader_version``: the version of list reading ``reader`` implements (stored per version).
    ``publisher_current``: the files are what the publisher publishes now (``update-lists``): one
    already loaded as an older version of its feed becomes the newest again (the publisher went
    back to it); otherwise such a file changes nothing.
    ``tables``: the workspace's list tables as the caller has just read them (read here otherwise).
    """
    read = reader or _default_reader
    ingested_at = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    pending = _Pending(load_list_tables(settings) if tables is None else tables)
    # Feeds an older rule filed another feed's list under are put right first, whatever is loaded.
    outcomes = _refile(pending, ingested_at)
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            raise InputFileError(path, "no such file")
        sha = file_sha256(path)
        # a file known only as a misfiled version (or the one that emptied a feed) is read again,
        # into the feed it belongs in
        row, reread_from = _seen(rightly_filed(pending.all_versions()), sha, reader_version)
        back = publisher_current and row is not None and _went_back(pending.all_versions(), row, feed)
        if row is not None and reread_from is None and not back:
            outcomes.append(FileOutcome(path, str(row.feed), str(row.version_id), int(row.seq), "unchanged"))
            continue
        note = _misfiled_note(pending.all_versions(), sha)
        if row is not None and reread_from is not None:
            note = f"re-read: reader version {reread_from} → {reader_version}"
        elif row is not None:
            note = f"the publisher went back to the file loaded as {row.version_id} (version {int(row.seq)})"
        # a re-read stays in its feed, so its diff is against the older reading of the same bytes
        file_feed = feed or (None if row is None else str(row.feed))
        added = _add_file(
            pending, path, sha, read(path, fmt), file_feed, ingested_at, origin, reader_version, note
        )
        outcomes.append(added)
    report = IngestReport(
        outcomes,
        conform("list_diffs", pd.concat(pending.diffs))
        if pending.diffs
        else conform("list_diffs", pd.DataFrame()),
        pd.concat(pending.rejected) if pending.rejected else conform("list_rejected", pd.DataFrame()),
    )
    if not report.changed:
        return report
    t = pending.tables
    staged = stage_list_tables(
        settings,
        {
            "list_entries": append_rows("list_entries", t.entries, pd.concat(pending.entries)),
            "list_relations": append_rows("list_relations", t.relations, pd.concat(pending.relations)),
            "list_versions": pending.all_versions(),
            "list_rejected": append_rows("list_rejected", t.rejected, report.rejected),
            "list_diffs": append_rows("list_diffs", t.diffs, report.diffs),
        },
    )
    try:
        with _store(settings, store) as graph_store:
            report.store_name = graph_store.name
            report.graph_written = _write_graph(graph_store, pending.graph)
    except BaseException:
        staged.abandon()
        raise
    staged.commit()
    audit.append(settings, AuditEvent.LIST_INGEST, _audit_payload(report, pending))
    return report


def _audit_payload(report: IngestReport, pending: _Pending) -> dict[str, object]:
    """The audit record of an ingest that changed the lists: each new version, where its file came
    from and what it changed (a list update is what every later screening answer rests on)."""
    rows = {str(v["version_id"]): v for v in pending.versions}
    versions = []
    for f in report.files:
        if f.status != "new":
            continue
        row = rows[f.version_id]
        versions.append(
            {
                "feed": f.feed,
                "version_id": f.version_id,
                "seq": f.seq,
                "previous_version_id": f.previous_version_id,
                "path": _text_or_none(row.get("path")),
                "origin": _text_or_none(row.get("origin")),
                "sha256": _text_or_none(row.get("sha256")),
                "published": _text_or_none(row.get("published")),
                "format": f.format,
                "rows_read": f.rows_read,
                "rows_accepted": f.rows_accepted,
                "rows_rejected": f.rows_rejected,
                "changes": f.changes,
                "note": f.note,
            }
        )
    return {"versions": versions, "store": report.store_name, "graph_written": report.graph_written}


def _text_or_none(value: object) -> str | None:
    """A provenance value for the audit log: a copied version's row holds NaN for an absent one."""
    return None if value is None or (isinstance(value, float) and value != value) else str(value)


def _refile(pending: _Pending, ingested_at: str) -> list[FileOutcome]:
    """Put right every feed whose newest version an older rule filed there (:mod:`ingest.lists.refile`):
    its newest rightly filed version becomes its newest again (none: the feed is emptied), and the
    misfiled entries become the newest version of the feed they belong in."""
    outcomes = []
    for fix in refilings(pending.all_versions()):
        bad = fix.misfiled
        what = (
            f"{bad['version_id']} ({Path(str(bad['path'])).name}) is {fix.right_feed}'s list, "
            f"filed under {fix.feed} by an older chipwatch"
        )
        if fix.restore is not None:
            note = f"restored {fix.restore['version_id']}: {what}"
            outcomes.append(_copy_version(pending, fix.restore, fix.feed, ingested_at, note))
        else:
            note = f"emptied: {what}; load {fix.feed}'s own file to fill it"
            outcomes.append(_copy_version(pending, bad, fix.feed, ingested_at, note, empty=True))
        if fix.move:
            note = f"moved from {fix.feed}: {what}"
            outcomes.append(_copy_version(pending, bad, fix.right_feed, ingested_at, note))
    return outcomes


def _copy_version(
    pending: _Pending,
    version: pd.Series,
    feed: str,
    ingested_at: str,
    note: str,
    *,
    empty: bool = False,
) -> FileOutcome:
    """A stored version's entries, relations and rejected rows (none if ``empty``) as the newest
    version of ``feed``, with the stored file's provenance."""
    taken = set(pending.all_versions()["version_id"])
    base = f"{feed}@{'emptied' if empty else str(version['sha256'])[:12]}"
    vid = next(v for n in itertools.count(1) if (v := base if n == 1 else f"{base}.{n}") not in taken)
    old_id = str(version["version_id"])
    keep = slice(0, 0) if empty else slice(None)
    entries = pending.entries_of(old_id).iloc[keep]
    relations = pending.entries_of(old_id, "relations").iloc[keep]
    rejected = pending.tables.rejected
    rejected = rejected.loc[rejected["version_id"] == old_id, ["line", "field", "reason"]].iloc[keep]
    source = {k: version.get(k) for k in ("path", "origin", "sha256", "size", "published", "format")}
    read = version.get("rows_read")
    source["rows_read"] = 0 if empty or pd.isna(read) else int(read)
    source["reader_version"] = version.get("reader_version")
    return _add_version(
        pending,
        feed,
        vid,
        entries.assign(version_id=vid, feed=feed),
        relations.assign(version_id=vid, feed=feed),
        rejected,
        source,
        ingested_at,
        note,
    )


def _misfiled_note(versions: pd.DataFrame, sha: str) -> str | None:
    """Why a file already loaded is read again: it was known only as a misfiled version."""
    hit = versions[versions["sha256"] == sha]
    feeds = sorted({str(row["feed"]) for _, row in hit.iterrows() if right_feed(row) is not None})
    return f"read again: filed under {', '.join(feeds)} by an older chipwatch" if feeds else None


def _went_back(versions: pd.DataFrame, row: pd.Series, feed: str | None) -> bool:
    """True when ``row`` (a version a file was loaded as) is not the newest of its feed: the
    publisher's current file is an older version's."""
    latest = latest_version(versions, feed or str(row.feed))
    return latest is not None and str(latest["version_id"]) != str(row.version_id)


def _seen(known: pd.DataFrame, sha: str, reader_version: int) -> tuple[pd.Series | None, int | None]:
    """``(row, reread_from)``: the newest version row a file's SHA-256 was loaded as (``None``: never),
    and the older reader version to read it again from (``None``: it stays as loaded). A file is
    read again only when every reading of it is older than ``reader_version`` and it is still its
    feed's latest version (re-reading an older file would put it back over the newer one)."""
    hit = known[known["sha256"] == sha]
    if hit.empty:
        return None, None
    read_with = reader_versions(hit)
    if (read_with >= reader_version).any():
        return hit[read_with >= reader_version].iloc[-1], None  # its newest loading
    row = hit.sort_values("seq", kind="stable").iloc[-1]
    latest = latest_version(known, str(row.feed))
    if latest is None or latest["version_id"] != row["version_id"]:
        return row, None
    return row, int(read_with.max())


def _add_file(
    pending: _Pending,
    path: Path,
    sha: str,
    result: ReadResult,
    feed: str | None,
    ingested_at: str,
    origin: str | None,
    reader_version: int = READ_VERSION,
    note: str | None = None,
) -> FileOutcome:
    if not result.entries:
        raise InputFileError(path, f"no list entries found ({result.rows_read} rows read)")
    name = feed or feed_for(result)
    vid = version_id(name, sha, pending.all_versions()["version_id"], reader_version)
    entries = entry_rows(result.entries, version=vid, feed=name)
    rejected = [(r.line, r.field, r.reason) for r in result.rejected]
    dup = entries["node_id"].duplicated(keep="last")
    for ref, sid in zip(entries.loc[dup, "raw_ref"], entries.loc[dup, "source_id"], strict=True):
        rejected.append((None, "source_id", f"duplicate id {sid} ({ref}); the later record is kept"))
    entries = entries[~dup].reset_index(drop=True)
    relations = pd.DataFrame(
        {
            "version_id": vid,
            "feed": name,
            "source": [f"list:{r.list.value}:{r.source_id}" for r in result.relations],
            "target": [f"list:{r.list.value}:{r.target_id}" for r in result.relations],
            "relation": [r.relation for r in result.relations],
            "props_json": [json.dumps(dict(r.props), ensure_ascii=False) for r in result.relations],
        }
    )
    source = {
        "path": str(path),
        "origin": origin,
        "sha256": sha,
        "size": file_size(path),
        "published": result.published.isoformat() if result.published else None,
        "format": result.format,
        "rows_read": result.rows_read,
        "reader_version": reader_version,
    }
    rejected_rows = pd.DataFrame(rejected, columns=["line", "field", "reason"])
    return _add_version(pending, name, vid, entries, relations, rejected_rows, source, ingested_at, note)


def _add_version(
    pending: _Pending,
    name: str,
    vid: str,
    entries: pd.DataFrame,
    relations: pd.DataFrame,
    rejected: pd.DataFrame,
    source: Mapping[str, object],
    ingested_at: str,
    note: str | None,
) -> FileOutcome:
    """Make ``entries`` (``list_entries`` rows of version ``vid``) the newest version of feed
    ``name``: its diff against the feed's previous version, graph rows and provenance row.
    ``source``: where the entries were read from (path, sha256, format … of ``list_versions``)."""
    versions = pending.all_versions()
    prev = latest_version(versions, name)
    seq = 1 if prev is None else int(prev["seq"]) + 1
    prev_id = None if prev is None else str(prev["version_id"])
    old = pending.entries_of(prev_id) if prev_id else conform("list_entries", pd.DataFrame())
    diff = diff_entries(old, entries, feed=name, old_version_id=prev_id, new_version_id=vid)
    removed_ids = set(diff.loc[diff["change"] == "removed", "node_id"])
    removed = old[old["node_id"].isin(removed_ids)].assign(removed_in=vid)
    # ids another feed lists too: the node shows one copy and is removed only when no feed lists it
    others, held = _current_copies(pending, versions, name, set(entries["node_id"]) | removed_ids)
    contested = set(others["node_id"])
    deletions: dict[EdgeKind, set[tuple[str, str, str]]] = {}
    if contested:
        held[vid] = sorted(set(entries["list"]))
        mine = entries[entries["node_id"].isin(contested)]
        shown = shown_copies(pd.concat([without_twins(mine), others], ignore_index=True), held)
        # every copy's edges of those nodes (this feed's old and new, the other feeds') but the shown one's
        copies = [without_twins(mine), others, old[old["node_id"].isin(contested)]]
        every = edge_identities(list_graph_frames(pd.concat(copies, ignore_index=True)))
        kept_edges = edge_identities(list_graph_frames(shown))
        for kind in COPY_EDGES:
            gone = {i for i in every.get(kind, set()) - kept_edges.get(kind, set()) if i[0] in contested}
            if gone:
                deletions[kind] = gone
        uncontested = entries[~entries["node_id"].isin(contested)]
        graph_entries = pd.concat([without_twins(uncontested), shown], ignore_index=True)
        frames = list_graph_frames(graph_entries, relations, removed[~removed["node_id"].isin(contested)])
    else:
        frames = list_graph_frames(entries, relations, removed)
    if prev_id:
        kept = old[~old["node_id"].isin(removed_ids | contested)]
        before = edge_identities(list_graph_frames(kept, pending.entries_of(prev_id, "relations")))
        now = edge_identities(frames)
        for kind, idents in before.items():
            gone = {i for i in idents - now.get(kind, set()) if i[0].startswith("list:")}
            if gone:
                deletions[kind] = deletions.get(kind, set()) | gone
    pending.entries.append(entries)
    pending.relations.append(relations)
    pending.rejected.append(conform("list_rejected", rejected.assign(version_id=vid)))
    if prev_id:  # a first version's "diff" is the whole list: not stored, computed when asked
        pending.diffs.append(diff)
    pending.graph.append((frames, deletions))
    pending.versions.append(
        {
            **source,
            "version_id": vid,
            "feed": name,
            "seq": seq,
            "lists_json": json.dumps(sorted(set(entries["list"]))),
            "ingested_at": ingested_at,
            "rows_accepted": len(entries),
            "rows_rejected": len(rejected),
            "previous_version_id": prev_id,
            "note": note,
        }
    )
    return FileOutcome(
        Path(str(source["path"])),
        name,
        vid,
        seq,
        "new",
        str(source["format"]),
        int(str(source["rows_read"])),
        len(entries),
        len(rejected),
        prev_id,
        summarise(diff) if prev_id else {"added": len(entries)},
        note,
    )


def _current_copies(
    pending: _Pending, versions: pd.DataFrame, feed: str, ids: set[str]
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """The ``list_entries`` rows with one of ``ids`` in the current version of every feed but
    ``feed`` (``versions``: every version so far), and the lists each of those versions holds
    (:mod:`ingest.lists.shared`)."""
    others = versions[versions["feed"].notna() & (versions["feed"] != feed)]
    lists = version_lists(current_versions(others))
    frames = [pending.tables.entries, *pending.entries]
    hits = [f[f["version_id"].isin(lists) & f["node_id"].isin(ids)] for f in frames]
    found = [without_twins(h) for h in hits if len(h)]
    if not found:
        return without_twins(pending.tables.entries.iloc[0:0]), lists
    return pd.concat(found, ignore_index=True), lists


def _write_graph(
    store: GraphStore, batches: list[tuple[GraphFrames, dict[EdgeKind, set[tuple[str, str, str]]]]]
) -> dict[str, int]:
    undo = GraphUndo(store)
    for frames, deletions in batches:
        undo.snapshot(frames, deletions)
    written: dict[str, int] = {}
    try:
        for frames, deletions in batches:
            for kind, idents in deletions.items():
                store.delete_edges(kind, sorted(idents))
            for k, n in write_list_graph(store, frames).items():
                written[k] = written.get(k, 0) + n
    except BaseException as exc:
        undo.restore()
        if isinstance(exc, ChipwatchError):
            raise
        raise ChipwatchError(
            f"writing the list graph failed; graph and tables left as they were: {exc}"
        ) from exc
    store.flush()
    return written


@contextmanager
def _store(settings: Settings, store: GraphStore | None) -> Iterator[GraphStore]:
    if store is not None:
        yield store
        return
    from graph.stores import open_store

    opened = open_store(settings)
    try:
        yield opened
    finally:
        opened.close()


def bundled_list_paths(root: Path = BUNDLED_LISTS) -> list[Path]:
    """Every bundled list file under ``data/lists/`` (an OFAC legacy CSV folder counts as one file)."""
    paths: list[Path] = []
    for folder in [*sorted(p for p in root.rglob("*") if p.is_dir()), root]:
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() != ".md")
        names = {p.name.lower() for p in files}
        if "sdn.csv" in names or "cons_prim.csv" in names:
            paths.append(folder)
            continue
        paths.extend(p for p in files if not p.name.startswith("."))
    return sorted(set(paths))


def ingest_bundled_lists(settings: Settings, *, store: GraphStore | None = None) -> IngestReport:
    """Ingest every list bundled in ``data/lists/`` (the README's demo command calls this)."""
    return ingest_list_files(settings, bundled_list_paths(), store=store)
