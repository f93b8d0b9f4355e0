"""Load one company/trade file into the workspace tables: read → validate → merge → write.

Everything is validated before any table is replaced, so a bad file leaves the workspace as
it was; re-loading the same file changes nothing (rows merge on their keys).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import pandas as pd

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph import audit
from graph.audit import AuditEvent, file_sha256
from graph.tables.trade import read_trade_table, upsert_trade_tables
from ingest.trade import registry
from ingest.trade.common import Canonical
from ingest.trade.formats import InputFormat, detect, to_canonical
from ingest.trade.reader import load_mapping, read_table
from ingest.trade.shipments import SHIPMENT_COLUMNS, SHIPMENT_REQUIRED, shipments


class TradeKind(StrEnum):
    COMPANIES = "companies"
    OWNERSHIP = "ownership"
    OFFICERS = "officers"
    SHIPMENTS = "shipments"


COLUMNS: dict[TradeKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    TradeKind.COMPANIES: (registry.COMPANY_COLUMNS, registry.COMPANY_REQUIRED),
    TradeKind.OWNERSHIP: (registry.OWNERSHIP_COLUMNS, registry.OWNERSHIP_REQUIRED),
    TradeKind.OFFICERS: (registry.OFFICER_COLUMNS, registry.OFFICER_REQUIRED),
    TradeKind.SHIPMENTS: (SHIPMENT_COLUMNS, SHIPMENT_REQUIRED),
}


@dataclass(frozen=True)
class IngestReport:
    kind: str
    path: Path
    sha256: str
    rows_read: int
    rows_accepted: dict[str, int]
    warnings: pd.DataFrame
    tables_changed: tuple[str, ...]

    def summary(self) -> str:
        accepted = ", ".join(f"{n} {t}" for t, n in self.rows_accepted.items())
        changed = ", ".join(self.tables_changed) or "nothing (already loaded)"
        return (
            f"{self.path.name}: {self.rows_read} rows read; {accepted}; {len(self.warnings)} warning(s); "
            f"updated: {changed}"
        )


def canonicalise(
    settings: Settings, kind: TradeKind, path: Path, frame: pd.DataFrame, source: str, today: dt.date
) -> Canonical:
    """Validate and convert a frame in canonical columns into table rows (writes nothing)."""
    if kind is TradeKind.COMPANIES:
        return registry.companies(path, frame, source, today)
    if kind is TradeKind.SHIPMENTS:
        return shipments(path, frame, today)
    known = read_trade_table(settings, "companies")
    build: Callable[..., Canonical] = registry.ownership if kind is TradeKind.OWNERSHIP else registry.officers
    return build(path, frame, source, known, today)


def ingest_trade_file(
    settings: Settings,
    kind: TradeKind | str,
    path: Path,
    *,
    mapping_path: Path | None = None,
    source: str = "csv",
    today: dt.date | None = None,
    frame: pd.DataFrame | None = None,
    fmt: InputFormat = InputFormat.AUTO,
) -> IngestReport:
    """Load ``path`` (or an already-converted canonical ``frame`` read from it) into the workspace."""
    kind = TradeKind(kind)
    today = today or dt.date.today()
    if frame is None and fmt is not InputFormat.CANONICAL:
        detected = detect(path) if fmt is InputFormat.AUTO else fmt
        wanted, frame = to_canonical(path, detected)
        if frame is not None and wanted != kind.value:
            raise InputFileError(
                path, f"this is a {detected.value} file, which holds {wanted}, not {kind.value}"
            )
    columns, required = COLUMNS[kind]
    mapping = load_mapping(mapping_path) if mapping_path else None
    if frame is not None:
        mapping = None  # registry readers already produce canonical columns
    table = read_table(path, columns, required, mapping, mapping_path, frame=frame)
    result = canonicalise(settings, kind, path, table, source, today)
    sha = file_sha256(path)
    file_id = f"{kind.value}:{sha}"
    warnings = result.warnings_frame()
    accepted = {name: len(rows) for name, rows in result.tables.items()}
    provenance = pd.DataFrame(
        [
            {
                "file_id": file_id,
                "kind": kind.value,
                "path": str(path),
                "sha256": sha,
                "size": path.stat().st_size,
                "ingested_at": _first_seen(settings, file_id),
                "rows_read": result.rows_read,
                "rows_accepted": accepted.get(kind.value, sum(accepted.values())),
                "rows_warned": len(warnings),
            }
        ]
    )
    updates = dict(result.tables)
    updates["trade_files"] = provenance
    updates["trade_warnings"] = warnings.assign(file_id=file_id)
    changed = upsert_trade_tables(settings, updates)
    audit.append(
        settings,
        AuditEvent.TRADE_INGEST,
        {
            "kind": kind.value,
            "path": str(path),
            "sha256": sha,
            "rows_read": result.rows_read,
            "rows_accepted": accepted,
            "warnings": len(warnings),
            "tables_changed": sorted(changed),
        },
    )
    return IngestReport(kind.value, path, sha, result.rows_read, accepted, warnings, tuple(sorted(changed)))


def _first_seen(settings: Settings, file_id: str) -> str:
    """Keep the first ingestion time of a file, so re-loading it changes nothing."""
    files = read_trade_table(settings, "trade_files")
    hit = files.loc[files["file_id"] == file_id, "ingested_at"]
    if len(hit):
        return str(hit.iloc[0])
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
