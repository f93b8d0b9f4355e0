"""One screening run over a file: stream in, screen chunk by chunk, write, audit.

The audit record is appended only after the result file is in place, so the log never
claims a run that did not finish; on any failure the partial output is removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph import audit
from graph.csv_delimiters import describe
from graph.screening.files import ResultWriter, check_input, read_chunks
from graph.screening.index import ListIndex
from graph.screening.screen import Screener, Thresholds

Progress = Callable[[int], object]
Notice = Callable[[str], object]


@dataclass
class ScreenSummary:
    input: str
    output: str
    rows: int = 0
    empty_names: int = 0
    duplicate_rows: int = 0
    dispositions: dict[str, int] = field(default_factory=dict)
    list_entries: int = 0
    input_sha256: str = ""
    output_sha256: str = ""
    started: str = ""
    finished: str = ""
    thresholds: dict[str, float] = field(default_factory=dict)
    #: What the run's result rests on, for the user to check: the caller's warnings about the
    #: lists (a misfiled feed) and how the input was read (the CSV separator found).
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_versions(entries: pd.DataFrame) -> list[str]:
    for col in ("list_version", "source"):
        if col in entries.columns:
            return sorted({str(v) for v in entries[col].dropna().unique()})
    return []


def screen_file(
    settings: Settings,
    input_path: Path,
    output_path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    thresholds: Thresholds | None = None,
    screener: Screener | None = None,
    progress: Progress | None = None,
    chunk_rows: int = 20_000,
    notice: Notice | None = None,
    warnings: Sequence[str] = (),
    index: Callable[[], ListIndex] | None = None,
) -> ScreenSummary:
    """Screen ``input_path`` into ``output_path`` (CSV, XLSX or JSON by suffix).

    Both files are checked before the list index is built (``notice`` hears when that starts):
    a wrong, mis-encoded or nameless input and an output that cannot be written are refused at
    once, not after seconds of preparation. ``warnings`` (about the lists screened against) open
    the run's notes, in the result file and the audit record. ``index`` gives the list index
    when it is needed (a caller that keeps one built, as the app does, saves its seconds)."""
    thresholds = thresholds or Thresholds()
    if output_path.resolve() == input_path.resolve():
        raise InputFileError(output_path, "the result would overwrite the input file; give another --out")
    input_sha256 = check_input(input_path, mapping or {})  # one read checks and hashes the file
    summary = ScreenSummary(
        input=str(input_path),
        output=str(output_path),
        started=datetime.now(UTC).isoformat(timespec="seconds"),
        input_sha256=input_sha256,
        notes=list(warnings),
    )
    writer = ResultWriter(output_path, {"input_sha256": summary.input_sha256})
    counts: Counter[str] = Counter()
    seen = np.empty(0, dtype=np.uint64)  # sorted row hashes seen so far
    delimiter_noted = False
    try:
        if screener is None:
            if notice is not None:
                notice("preparing the list index …")
            screener = Screener.for_settings(settings, thresholds, index=index() if index else None)
        summary.list_entries = len(screener.index.entries)
        summary.thresholds = {k: float(v) for k, v in asdict(screener.thresholds).items()}
        versions = list_versions(screener.index.entries)
        writer.metadata["list_versions"] = versions
        for chunk in read_chunks(input_path, mapping or {}, chunk_rows):
            if not delimiter_noted and "delimiter" in chunk.attrs:
                summary.notes.append(delimiter_note(chunk.attrs["delimiter"]))
                delimiter_noted = True
            data_cols = [c for c in chunk.columns if c != "_row"]
            hashes = pd.util.hash_pandas_object(chunk[data_cols], index=False).to_numpy(np.uint64)
            fresh = np.unique(hashes)
            earlier = int(np.isin(fresh, seen, assume_unique=True).sum())
            summary.duplicate_rows += len(hashes) - len(fresh) + earlier
            seen = np.union1d(seen, fresh)  # 8 bytes per distinct row: a million rows take 8 MB
            result = screener.screen(chunk)
            counts.update(result["disposition"].astype(str))
            summary.empty_names += int((chunk["name"].astype(str).str.strip() == "").sum())
            summary.rows += len(chunk)
            writer.write(result)
            if progress is not None:
                progress(len(chunk))
        summary.dispositions = dict(sorted(counts.items()))
        summary.finished = datetime.now(UTC).isoformat(timespec="seconds")
        writer.commit({k: v for k, v in summary.as_dict().items() if k not in ("output_sha256",)})
    except BaseException:
        writer.abort()
        raise
    summary.output_sha256 = audit.file_sha256(output_path)
    _audit_event(settings, audit.AuditEvent.SCREENING_RUN, {**summary.as_dict(), "list_versions": versions})
    return summary


def delimiter_note(delimiter: str) -> str:
    """The run's note on how a CSV input was split into columns."""
    return (
        f"CSV columns separated by {describe(delimiter, plural=True)}, as found from the file's first lines"
    )


def _audit_event(settings: Settings, event: audit.AuditEvent, payload: dict[str, Any]) -> None:
    """Append to the audit log (only ever called after the run's output is in place)."""
    audit.append(settings, event, payload)
