"""Screening an uploaded file: saved into the workspace, screened by ``screen_file`` (audited)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph import atomic
from graph.risk.staleness import screening_warning
from graph.screening.files import NoNameColumnError, no_name_reason
from graph.screening.index import ListIndex
from graph.screening.run import ScreenSummary, screen_file
from graph.sync_journal import behind_warning
from graph.tables.lists import read_list_table
from ingest.lists.refile import misfiled_warnings

ALLOWED_SUFFIXES = (".csv", ".xlsx")
#: The page has no ``--map``: a file without a ``name`` column is fixed in the file itself.
UPLOAD_REMEDY = "rename the column that holds the counterparty names to 'name' and upload the file again"


@dataclass(frozen=True)
class UploadRun:
    summary: ScreenSummary
    output: Path
    results: pd.DataFrame
    name: str  # the file as uploaded: the results stay on the page while another file is chosen
    #: What the run screened against is not what it should be (a misfiled feed, risk columns from
    #: a graph behind the tables or a stale risk run): the first of the summary's notes, shown as
    #: warnings, as `chipwatch screen` gives them on stderr.
    warnings: tuple[str, ...] = ()


def uploads_dir(settings: Settings) -> Path:
    return settings.workspace / "screening" / "uploads"


def safe_name(name: str) -> str:
    """A file name without directories or odd characters (the user chose it)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._") or "upload"
    return stem[:80]


def screen_upload(
    settings: Settings, name: str, data: bytes, index: Callable[[], ListIndex] | None = None
) -> UploadRun:
    """Save ``data`` as ``name`` under the workspace, screen it into a CSV beside it, read it back.

    ``index`` gives the list index once the file is found readable (the app keeps one built);
    without it the run builds its own from the list tables."""
    clean = safe_name(name)
    if Path(clean).suffix.lower() not in ALLOWED_SUFFIXES:
        raise InputFileError(Path(name), "unsupported file type: upload a .csv or .xlsx file")
    run_dir = uploads_dir(settings) / uuid.uuid4().hex[:12]
    run_dir.mkdir(parents=True, exist_ok=True)
    source = run_dir / clean
    atomic.write_bytes(source, data)
    output = run_dir / (Path(clean).stem + "_screened.csv")
    # a feed an older chipwatch misfiled is said in the run's notes, as `chipwatch screen` does
    warnings = misfiled_warnings(read_list_table(settings, "list_versions"))
    behind = behind_warning(settings)
    if behind:  # the matched entries' risk is read from a graph behind the tables
        warnings.append(behind)
    stale = screening_warning(settings)
    if stale:  # the rows' risk columns are a stale run's, as `chipwatch screen` warns
        warnings.append(stale)
    try:
        summary = screen_file(settings, source, output, warnings=warnings, index=index)
    except InputFileError as exc:
        if exc.path != str(source):
            raise
        reason = (
            no_name_reason(exc.columns, UPLOAD_REMEDY) if isinstance(exc, NoNameColumnError) else exc.reason
        )
        # Named as the officer uploaded it: the copy's path in the workspace means nothing to them.
        raise InputFileError(name, reason, row=exc.row, line=exc.line, field=exc.field) from exc
    results = pd.read_csv(output, dtype=str, keep_default_na=False, comment=None)
    return UploadRun(summary, output, results, name, tuple(warnings))
