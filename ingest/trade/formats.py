"""Which reader a file needs: canonical CSV/XLSX/Parquet, GLEIF (JSON/CSV, Level 1 and 2) or
Companies House — chosen explicitly or detected from the file's first bytes / header."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import pandas as pd

from chipwatch.errors import InputFileError
from ingest.lists.safe import is_gzip, read_head
from ingest.trade import companies_house, gleif
from ingest.trade.reader import read_frame, read_header


class InputFormat(StrEnum):
    AUTO = "auto"
    CANONICAL = "canonical"
    GLEIF_JSON = "gleif-json"
    GLEIF_CSV = "gleif-csv"
    GLEIF_RR_JSON = "gleif-rr-json"
    GLEIF_RR_CSV = "gleif-rr-csv"
    COMPANIES_HOUSE = "companies-house"


def detect(path: Path) -> InputFormat:
    """Guess the format from the first kilobytes (JSON key) or the CSV header."""
    if not path.exists():
        raise InputFileError(path, "file not found")
    name = path.name.lower()
    if name.endswith((".json", ".json.gz")):
        head = read_head(path, 4096).decode("utf-8", errors="replace")
        if '"relations"' in head:
            return InputFormat.GLEIF_RR_JSON
        if '"records"' in head:
            return InputFormat.GLEIF_JSON
        if is_gzip(path):
            gleif.read_json_bytes(path)  # a damaged gzip file is refused as one
        raise InputFileError(path, "JSON file is neither a GLEIF Level 1 nor a Level 2 golden copy")
    if name.endswith((".csv", ".csv.gz", ".txt")):
        header = read_header(path)
        cols = {c.strip() for c in header}
        if "Relationship.StartNode.NodeID" in cols:
            return InputFormat.GLEIF_RR_CSV
        if "Entity.LegalName" in cols:
            return InputFormat.GLEIF_CSV
        if companies_house.is_basic_company_data(list(header)):
            return InputFormat.COMPANIES_HOUSE
    return InputFormat.CANONICAL


def to_canonical(path: Path, fmt: InputFormat) -> tuple[str, pd.DataFrame | None]:
    """(trade kind, canonical frame) for a registry format; frame None for canonical input."""
    if fmt is InputFormat.GLEIF_JSON:
        return "companies", gleif.level1_json(path)
    if fmt is InputFormat.GLEIF_RR_JSON:
        return "ownership", gleif.relationships_json(path)
    if fmt is InputFormat.GLEIF_CSV:
        return "companies", gleif.level1_csv(read_frame(path), path)
    if fmt is InputFormat.GLEIF_RR_CSV:
        return "ownership", gleif.relationships_csv(read_frame(path), path)
    if fmt is InputFormat.COMPANIES_HOUSE:
        return "companies", companies_house.basic_company_data(read_frame(path), path)
    return "", None
