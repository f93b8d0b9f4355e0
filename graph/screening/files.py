"""Screening input and output files: checked, streamed in chunks, written atomically.

Input is CSV or XLSX (never XLSM, never a workbook with external links). A CSV may be separated
by commas, semicolons (Excel's "CSV" in most of continental Europe) or tabs: the separator is
found from the first lines (:mod:`graph.csv_delimiters`) and the run's notes say which it was.
Column names are mapped to the canonical ones (``name``, ``country``, ``address``, ``id``, ``lei``,
``tax_id``, ``role``). Output goes to ``OUTPUT.partial`` first and is renamed only when the run
finished: a partial result is never left under the name of a complete one.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import json
import zipfile
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from chipwatch.errors import InputFileError
from graph import atomic
from graph.audit import file_sha256, hash_file
from graph.csv_delimiters import file_sample, one_column_header, sniff_delimiter
from graph.csv_fields import refuse_cut_last_row, refuse_shifted_columns
from graph.csv_lines import line_of_row, parser_line
from graph.excel_safe import neutralise
from graph.screening.screen import COUNTERPARTY_COLUMN, RESULT_COLUMNS
from graph.text_cells import looks_binary, refuse_bad_cells
from graph.utf8_cells import undecodable_cell

CANONICAL_COLUMNS = ("name", "country", "address", "id", "lei", "tax_id", "role")
INPUT_FORMATS = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx"}
OUTPUT_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json"}
EXCEL_CELL_LIMIT = 32_767


def input_format(path: Path) -> str:
    """``csv`` or ``xlsx``, after checking that the file is what its name says."""
    if not path.is_file():
        raise InputFileError(path, "file not found")
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xlsb", ".xls"):
        raise InputFileError(
            path, f"{suffix} workbooks are not accepted (macros / legacy format); save as .xlsx or .csv"
        )
    fmt = INPUT_FORMATS.get(suffix)
    if fmt is None:
        raise InputFileError(path, f"unsupported file type {suffix or '(none)'}: give a .csv or .xlsx file")
    head = path.open("rb").read(8192)
    if fmt == "xlsx":
        if not head.startswith(b"PK\x03\x04"):
            raise InputFileError(path, "not an XLSX workbook (it is not a zip file)")
        _check_workbook(path)
    elif looks_binary(head) or head.startswith(b"PK\x03\x04"):
        raise InputFileError(path, "not a text CSV file (binary content); save the sheet as CSV UTF-8")
    return fmt


def _check_workbook(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except zipfile.BadZipFile as exc:
        raise InputFileError(path, f"damaged XLSX workbook ({exc})") from exc
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise InputFileError(path, "the workbook contains macros (vbaProject.bin); save it as a plain .xlsx")
    if any("externallink" in n.lower() for n in names):
        raise InputFileError(
            path, "the workbook has external links to other files; remove them or export CSV"
        )


def column_map(columns: list[str], mapping: Mapping[str, str], path: Path) -> dict[str, str]:
    """Input column → canonical column. ``mapping`` is canonical → input (from ``--map name=Company``)."""
    lower = {str(c).strip().lower(): str(c) for c in columns}
    renames: dict[str, str] = {}
    for canonical, source in mapping.items():
        if canonical not in CANONICAL_COLUMNS:
            raise InputFileError(
                path, f"--map {canonical}=…: unknown column; expected one of {CANONICAL_COLUMNS}"
            )
        found = lower.get(source.strip().lower())
        if found is None:
            raise InputFileError(path, f"--map {canonical}={source}: no such column", field=source)
        renames[found] = canonical
    for canonical in CANONICAL_COLUMNS:
        if canonical not in renames.values() and canonical in lower and lower[canonical] not in renames:
            renames[lower[canonical]] = canonical
    if "name" not in renames.values():
        raise NoNameColumnError(path, [str(c) for c in columns])
    return renames


#: What to do about a missing name column on the command line; the app, which has no ``--map``,
#: words its own (:func:`no_name_reason`).
MAP_REMEDY = "map one with --map name=COLUMN"


def no_name_reason(columns: list[str], remedy: str) -> str:
    """Why a file has nothing to screen, and ``remedy``: what to do where the user is."""
    shown = ", ".join(columns[:20]).replace("\t", "\\t") or "(none)"
    reason = f"no 'name' column (columns are: {shown})"
    if one_column_header(columns) is not None:
        reason += "; the header reads as one column: its separator could not be told from the first lines"
    return f"{reason}; {remedy}"


class NoNameColumnError(InputFileError):
    """The input has no column to screen as the name; ``columns`` are the ones it has."""

    def __init__(self, path: object, columns: list[str], remedy: str = MAP_REMEDY):
        self.columns = columns
        super().__init__(path, no_name_reason(columns, remedy))


def kept_input_columns(columns: list[str], renames: Mapping[str, str]) -> dict[str, str]:
    """Input column → ``COLUMN (input)`` for the columns named like a result column: a re-screened
    result file or a customer master with its own ``disposition`` would otherwise have its values
    overwritten by the new result (or written twice under one name)."""
    reserved = {"_row", "input_row", "matches", COUNTERPARTY_COLUMN, *RESULT_COLUMNS}
    return {str(c): f"{c} (input)" for c in columns if c not in renames and str(c) in reserved}


def read_chunks(
    path: Path, mapping: Mapping[str, str], chunk_rows: int = 20_000
) -> Generator[pd.DataFrame, None, None]:
    """Input rows in chunks of text columns (canonical names), each with ``_row`` = 1-based data row
    (and, from a CSV, ``attrs["delimiter"]``: the separator its columns were read with)."""
    fmt = input_format(path)
    delimiter = csv_delimiter(path) if fmt == "csv" else None
    chunks = (
        _csv_chunks(path, chunk_rows, delimiter or ",") if fmt == "csv" else _xlsx_chunks(path, chunk_rows)
    )
    renames: dict[str, str] | None = None
    kept: dict[str, str] = {}
    start = 0
    for chunk in chunks:
        if renames is None:
            renames = column_map(list(chunk.columns), mapping, path)
            kept = kept_input_columns(list(chunk.columns), renames)
        if chunk.empty:
            continue  # the header of a file without rows
        chunk = chunk.rename(columns={**renames, **kept})
        # The screened columns only: the others go to the result as they are, Excel-safe. A long
        # cell is no error here: it is kept whole in the result and its head is screened.
        refuse_bad_cells(
            path,
            chunk,
            {canonical: column for column, canonical in renames.items()},
            first_row=start + 1,
            line_of=lambda row: line_of_row(path, row),
            then="; nothing was screened",
            max_chars=None,
        )
        chunk.insert(0, "_row", range(start + 1, start + len(chunk) + 1))
        chunk.attrs["column_map"] = renames
        if delimiter is not None:
            chunk.attrs["delimiter"] = delimiter
        start += len(chunk)
        yield chunk
    if renames is None:
        raise InputFileError(path, "the file is empty (no header row)")
    if start == 0:
        raise InputFileError(path, "header only: no data rows to screen")


def check_input(path: Path, mapping: Mapping[str, str]) -> str:
    """Refuse a bad input before anything is prepared (the list index takes seconds to build):
    its type, its encoding (a CSV is decoded whole, so a bad byte in the last row is found now),
    its header and name column, and at least one data row. Returns the file's SHA-256 (for the
    run's record), taken in the same pass over the file as the encoding check."""
    digest = _utf8_sha256(path) if input_format(path) == "csv" else file_sha256(path)
    # The first chunk raises for an empty file, a header without rows or a missing name column;
    # closing the reader closes its file (or workbook) without reading on.
    with contextlib.closing(read_chunks(path, mapping, chunk_rows=CHECK_ROWS)) as chunks:
        next(chunks)
    return digest


#: Rows read to check the header and that a data row follows it.
CHECK_ROWS = 100


def _utf8_sha256(path: Path) -> str:
    """The file's SHA-256, after decoding it whole as strict UTF-8 (as the reader is; a BOM
    decodes): one read of the file does both."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    digest = hashlib.sha256()
    try:
        hash_file(digest, path, each=decoder.decode)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise undecodable_cell(path, then="; nothing was screened") from exc
    return digest.hexdigest()


def csv_delimiter(path: Path) -> str:
    """The separator of a CSV input: comma, semicolon or tab, from its first lines."""
    return sniff_delimiter(file_sample(path))


def _csv_chunks(path: Path, chunk_rows: int, delimiter: str) -> Iterator[pd.DataFrame]:
    csv.field_size_limit(64 * 1024 * 1024)  # a cell of megabytes is screened (its head), not refused
    try:
        reader = pd.read_csv(
            path,
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            chunksize=chunk_rows,
            encoding="utf-8-sig",  # strict: a name with a replaced byte would be screened wrong
            skip_blank_lines=True,
        )
        for number, chunk in enumerate(reader):
            if number == 0:
                refuse_shifted_columns(path, chunk, then="; nothing was screened")
                refuse_cut_last_row(path, delimiter=delimiter, then="; nothing was screened")
            yield chunk
    except pd.errors.EmptyDataError:
        return
    except pd.errors.ParserError as exc:
        raise InputFileError(path, f"unreadable CSV ({exc})", line=parser_line(str(exc))) from exc
    except UnicodeDecodeError as exc:
        raise undecodable_cell(path, then="; nothing was screened") from exc


def _xlsx_chunks(path: Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        raise InputFileError(path, f"unreadable XLSX workbook ({type(exc).__name__}: {exc})") from exc
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        columns = [str(h).strip() if h is not None else f"column_{i + 1}" for i, h in enumerate(header)]
        batch: list[list[str]] = []
        produced = False
        for values in rows:
            cells = ["" if v is None else str(v) for v in values][: len(columns)]
            if not any(c.strip() for c in cells):
                continue  # an empty row
            batch.append(cells + [""] * (len(columns) - len(cells)))
            if len(batch) >= chunk_rows:
                yield pd.DataFrame(batch, columns=columns)
                produced, batch = True, []
        if batch or not produced:  # a header without rows still names the columns
            yield pd.DataFrame(batch, columns=columns)
    finally:
        wb.close()


excel_safe = neutralise  # a text cell that cannot run as a formula when opened in a spreadsheet


class ResultWriter:
    """Writes results chunk by chunk to ``OUTPUT.partial``; :meth:`commit` renames it into place."""

    def __init__(self, path: Path, metadata: dict[str, Any]):
        self.path = path
        self.fmt = OUTPUT_FORMATS.get(path.suffix.lower())
        if self.fmt is None:
            raise InputFileError(path, "output must end in .csv, .xlsx or .json")
        self.partial = path.with_name(path.name + ".partial")
        self.metadata = metadata
        self._first = True
        self._fh: Any = None
        self._wb: Any = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # as the risk-list export does
            # A workbook is saved only at the end: the empty file shows now that it can be.
            self._fh = self.partial.open("w", encoding="utf-8", newline="")
            if self.fmt == "xlsx":
                self._fh.close()
                self._fh = None
        except OSError as exc:  # before any row is screened, not a traceback after
            raise InputFileError(path, f"cannot write: {exc.strerror or exc}") from exc
        if self.fmt == "xlsx":
            import openpyxl

            self._wb = openpyxl.Workbook(write_only=True)
            self._results = self._wb.create_sheet("results")
            self._matches = self._wb.create_sheet("matches")
            self._matches.append(
                ["input_row", "rank", "list", "entry_id", "matched_name", "alias_type", "score", "reasons"]
            )
        if self.fmt == "json":
            self._fh.write('{"results": [\n')

    def write(self, frame: pd.DataFrame) -> None:
        """Write one screened chunk; mapped input columns get their original names back."""
        original = {v: k for k, v in frame.attrs.get("column_map", {}).items()}
        frame = frame.rename(columns={**original, "_row": "input_row"})
        flat = frame.drop(columns=["matches"])
        if self.fmt == "csv":
            # CRLF, as graph.excel_safe writes: Python's csv quotes a cell holding a line break only
            # when the break is part of the line terminator, and a bare CR left unquoted in a name
            # splits the row in two for Excel and for the app that reads the result back.
            flat.map(excel_safe).to_csv(self._fh, header=self._first, index=False, lineterminator="\r\n")
        elif self.fmt == "json":
            for record in frame.to_dict("records"):
                if not self._first:
                    self._fh.write(",\n")
                self._fh.write(json.dumps(_jsonable(record), ensure_ascii=False))
                self._first = False
        else:
            if self._first:
                self._results.append(list(flat.columns))
            for values in flat.itertuples(index=False):
                self._results.append([_cell(v) for v in values])
            for row_no, matches in zip(frame["input_row"], frame["matches"], strict=True):
                for rank, m in enumerate(matches or [], start=1):
                    self._matches.append(
                        [
                            int(row_no),
                            rank,
                            _cell(m.get("list")),
                            _cell(m["id"]),
                            _cell(m["name"]),
                            m["alias_type"],
                            m["score"],
                            _cell("; ".join(m["reasons"])),
                        ]
                    )
        self._first = False

    def commit(self, summary: dict[str, Any]) -> None:
        meta = {**self.metadata, **summary}
        if self.fmt == "json":
            self._fh.write('\n], "run": ' + json.dumps(_jsonable(meta), ensure_ascii=False) + "}\n")
        if self._fh is not None:
            self._fh.close()
        if self._wb is not None:
            run = self._wb.create_sheet("run")
            run.append(["key", "value"])
            for key, value in meta.items():
                run.append([key, _cell(json.dumps(value) if isinstance(value, dict | list) else value)])
            self._wb.save(self.partial)
        atomic.publish(self.partial, self.path)

    def abort(self) -> None:
        if self._fh is not None:
            self._fh.close()
        if self._wb is not None:
            # A write-only workbook streams its sheets to temporary files that only saving closes;
            # a failure here would hide the error that aborted the run, so it is suppressed.
            with contextlib.suppress(Exception):
                self._wb.save(self.partial)
        self.partial.unlink(missing_ok=True)


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        value = excel_safe(value)
        if len(value) > EXCEL_CELL_LIMIT:
            return value[: EXCEL_CELL_LIMIT - 40] + " …[cut: cell over Excel's limit]"
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value
