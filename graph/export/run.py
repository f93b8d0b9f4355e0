"""``export_risk_list``: filter, build, write atomically, then record the export in the audit log.

The file is written under a temporary name beside ``out`` and renamed only when complete, so a
failed export never leaves a file that looks finished; the audit record (filters, rows, format,
output SHA-256, list versions, risk as-of date, whether the risk results were stale and whether
the graph was behind the tables) is appended
only after the rename.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings
from graph import audit
from graph.atomic import atomic_path
from graph.export.formats import write_csv, write_json, write_xlsx
from graph.export.ftm import write_ftm
from graph.export.risk_list import RiskList, build_risk_list
from graph.export.risk_table import RiskFilter
from graph.risk.staleness import check
from graph.store import GraphStore
from graph.sync_journal import behind_warning, require_synced
from graph.tables.lists import load_list_tables


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    FTM = "ftm"


SUFFIXES = {".csv": ExportFormat.CSV, ".xlsx": ExportFormat.XLSX, ".json": ExportFormat.JSON}
SUFFIXES |= {".jsonl": ExportFormat.FTM, ".ftm": ExportFormat.FTM}
WRITERS: dict[ExportFormat, Callable[[RiskList, Path], int]] = {
    ExportFormat.CSV: write_csv,
    ExportFormat.XLSX: write_xlsx,
    ExportFormat.JSON: write_json,
    ExportFormat.FTM: write_ftm,
}


class ExportError(ChipwatchError):
    """The export cannot be written (format unknown, output path not writable)."""


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    fmt: str
    rows: int
    lines: int  # rows for CSV/XLSX/JSON; entities + Sanction entities for FtM
    sha256: str
    generated_at: str
    risk_as_of: Any
    filters: dict[str, Any]
    risk_stale: bool | None = None
    risk_stale_reason: str | None = None
    graph_behind: bool | None = None
    graph_behind_reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "path": str(self.path)}


def export_format(out: Path, fmt: str | None) -> ExportFormat:
    """``fmt`` if given, else from the file suffix (``.csv``, ``.xlsx``, ``.json``, ``.jsonl``/``.ftm``)."""
    if fmt:
        try:
            return ExportFormat(fmt.lower())
        except ValueError:
            raise ExportError(f"unknown export format {fmt!r}; use csv, xlsx, json or ftm") from None
    found = SUFFIXES.get(out.suffix.lower())
    if found is None:
        raise ExportError(f"{out}: cannot tell the format from the suffix; give --format csv|xlsx|json|ftm")
    return found


def check_writable(out: Path) -> None:
    """Fail before any work when ``out`` cannot be written (a folder, no permission, no such drive)."""
    if out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file name")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".probe")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write there ({exc.strerror or exc})") from exc
    if out.exists() and not os.access(out, os.W_OK):
        raise ExportError(f"{out}: file is read-only")


def write_risk_list(rl: RiskList, out: Path, fmt: ExportFormat) -> tuple[int, str]:
    """Write ``rl`` to ``out`` atomically; returns (lines written, SHA-256 of the file)."""
    try:
        with atomic_path(out) as tmp:
            lines = WRITERS[fmt](rl, tmp)
            digest = audit.file_sha256(tmp)
    except OSError as exc:
        raise ExportError(
            f"{out}: writing the export failed ({exc.strerror or exc}); nothing was written"
        ) from exc
    return lines, digest


def export_risk_list(
    settings: Settings,
    flt: RiskFilter,
    out: Path,
    fmt: str | None = None,
    *,
    store: GraphStore | None = None,
    table: pd.DataFrame | None = None,
    origin: str = "cli",
) -> ExportSummary:
    """Export the risk list of ``settings``' workspace to ``out`` and append one audit record.

    ``store``/``table``: an open store and a cached risk table (the app passes its own);
    ``origin``: who asked (``cli`` or ``app``), recorded in the audit log.
    """
    out = Path(out)
    kind = export_format(out, fmt)
    check_writable(out)
    require_synced(settings)  # an export of a half-written graph would look complete
    own_store = store is None
    if store is None:
        from graph.stores import open_store

        store = open_store(settings)
    try:
        versions = load_list_tables(settings).versions
        rl = build_risk_list(
            store,
            flt,
            versions=versions,
            table=table,
            store_kind=settings.store.value,
            staleness=check(settings),
            graph_behind=behind_warning(settings) or "",
        )
    finally:
        if own_store:
            store.close()
    lines, digest = write_risk_list(rl, out, kind)
    meta = rl.metadata
    summary = ExportSummary(
        path=out,
        fmt=kind.value,
        rows=len(rl.entities),
        lines=lines,
        sha256=digest,
        generated_at=meta["generated_at"],
        risk_as_of=meta["risk_as_of"],
        filters=meta["filters"],
        risk_stale=meta["risk_stale"],
        risk_stale_reason=meta["risk_stale_reason"],
        graph_behind=meta["graph_behind"],
        graph_behind_reason=meta["graph_behind_reason"],
    )
    audit.append(
        settings,
        audit.AuditEvent.EXPORT,
        {
            "export": "risk_list",
            "origin": origin,
            "output": str(out.resolve()),
            "format": kind.value,
            "rows": summary.rows,
            "lines": lines,
            "output_sha256": digest,
            "filters": meta["filters"],
            "generated_at": meta["generated_at"],
            "risk_as_of": meta["risk_as_of"],
            "risk_stale": meta["risk_stale"],
            "risk_stale_reason": meta["risk_stale_reason"],
            "graph_behind": meta["graph_behind"],
            "graph_behind_reason": meta["graph_behind_reason"],
            "store": meta["store"],
            "list_versions": [
                {k: v.get(k) for k in ("feed", "version_id", "sha256", "published")}
                for v in meta["list_versions"]
            ],
        },
    )
    return summary


def risk_list_bytes(
    settings: Settings,
    flt: RiskFilter,
    fmt: str,
    *,
    store: GraphStore | None = None,
    table: pd.DataFrame | None = None,
) -> bytes:
    """The export as bytes for a download button (written, hashed and audited like any export)."""
    with tempfile.TemporaryDirectory(prefix="chipwatch-export-") as tmp:
        out = Path(tmp) / f"risk_list.{'jsonl' if fmt == 'ftm' else fmt}"
        export_risk_list(settings, flt, out, fmt, store=store, table=table, origin="app")
        return out.read_bytes()
