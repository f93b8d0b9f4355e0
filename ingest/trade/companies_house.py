"""UK Companies House *BasicCompanyData* bulk CSV → canonical company rows.

The published header has stray spaces (``" CompanyNumber"``) and dates as ``DD/MM/YYYY``;
previous names become aliases. Node ids: ``co:gb_ch:{CompanyNumber}``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from chipwatch.errors import InputFileError
from ingest.normalize.countries import to_iso2
from ingest.normalize.values import parse_dates

SOURCE = "gb_ch"


def is_basic_company_data(columns: list[str]) -> bool:
    return {"CompanyName", "CompanyNumber"} <= {c.strip() for c in columns}


def basic_company_data(raw: pd.DataFrame, path: Path) -> pd.DataFrame:
    raw = raw.rename(columns=lambda c: c.strip())
    if not is_basic_company_data(list(raw.columns)):
        raise InputFileError(
            path, "not a Companies House BasicCompanyData CSV (no CompanyName/CompanyNumber)"
        )

    def col(name: str) -> pd.Series:
        return (
            raw[name].fillna("").astype(str).str.strip()
            if name in raw.columns
            else pd.Series([""] * len(raw))
        )

    lines = pd.concat(
        [
            col("RegAddress.CareOf"),
            col("RegAddress.POBox"),
            col("RegAddress.AddressLine1"),
            col("RegAddress.AddressLine2"),
        ],
        axis=1,
    )
    address = (
        lines.apply(lambda r: ", ".join(v for v in r if v), axis=1) if len(raw) else pd.Series([], dtype=str)
    )
    prev = [c for c in raw.columns if c.startswith("PreviousName_") and c.endswith("CompanyName")]
    aliases = (
        raw[prev].fillna("").apply(lambda r: ";".join(v.strip() for v in r if v.strip()), axis=1)
        if prev and len(raw)
        else ""
    )
    inc, _bad = parse_dates(
        col("IncorporationDate").where(col("IncorporationDate") != "", None), dayfirst=True
    )
    sic = col("SICCode.SicText_1")
    # The registered office country is often blank or "ENGLAND"; the register itself is the UK's.
    country = col("RegAddress.Country").map(lambda v: to_iso2(v) or "GB")
    return pd.DataFrame(
        {
            "company_id": col("CompanyNumber"),
            "name": col("CompanyName"),
            "aliases": aliases,
            "country": country,
            "address": address,
            "city": col("RegAddress.PostTown"),
            "postal_code": col("RegAddress.PostCode"),
            "incorporation_date": inc.fillna(""),
            "registration_id": col("CompanyNumber"),
            "business_type": sic.where(sic != "None Supplied", ""),
            "source": SOURCE,
        }
    )
