"""Real list entries for the screening and resolution tests, as ListEntry node rows.

The CSL CSV is parsed here with pandas into the node shape ``graph.list_graph`` writes
(``id``, ``name``, ``aliases``, ``alias_kinds``, ``list``, legal columns), so these tests do not
depend on the list readers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from graph.screening.index import ListIndex, build_index

ROOT = Path(__file__).resolve().parents[3]
FULL_CSL = ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"
TINY_CSL = ROOT / "tests" / "fixtures" / "screening" / "consolidated_2025_tiny.csv"
COMPANIES_HOUSE = ROOT / "tests" / "fixtures" / "companies" / "uk_companies_house_basic_sample_2021-01.csv"

_SOURCES = {
    "Entity List (EL)": "US_EL",
    "Specially Designated Nationals (SDN)": "US_SDN",
    "Denied Persons List (DPL)": "US_DPL",
    "Unverified List (UVL)": "US_UVL",
    "Military End User (MEU)": "US_MEU",
    "Sectoral Sanctions Identifications (SSI)": "US_SSI",
    "Nonproliferation Sanctions (ISN)": "US_ISN",
    "ITAR Debarred (DTC)": "US_DTC",
}


def _list_code(source: str) -> str:
    for prefix, code in _SOURCES.items():
        if source.startswith(prefix):
            return code
    return "US_NONSDN"


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def csl_entries(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    codes = df["source"].map(_list_code)
    key = df["_id"] if "_id" in df.columns else df["entity_number"]
    aliases = df["alt_names"].map(_split)
    return pd.DataFrame(
        {
            "id": "list:" + codes + ":" + key,
            "name": df["name"].str.strip(),
            "list": codes,
            "aliases": aliases,
            "alias_kinds": aliases.map(lambda a: ["aka"] * len(a)),
            "entity_kind": df["type"].str.lower(),
            "countries": [[] for _ in range(len(df))],
            "license_requirement": df["license_requirement"],
            "license_policy": df["license_policy"],
            "legal_basis": df["federal_register_notice"],
            "start_date": df["start_date"],
            "source_url": df["source_list_url"],
            "list_version": "csl-" + path.name,
            "status": "active",
        }
    )


@pytest.fixture(scope="session")
def full_csl() -> pd.DataFrame:
    return csl_entries(FULL_CSL)


@pytest.fixture(scope="session")
def full_index(full_csl: pd.DataFrame) -> ListIndex:
    return build_index(full_csl)


@pytest.fixture(scope="session")
def companies_house_names() -> list[str]:
    df = pd.read_csv(COMPANIES_HOUSE, dtype=str, keep_default_na=False)
    return df["CompanyName"].str.strip().tolist()
