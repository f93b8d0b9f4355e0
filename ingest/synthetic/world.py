"""Assemble a synthetic world and write it: canonical CSVs plus ``ground_truth.json``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from graph import atomic
from graph.addresses import normalise_address
from graph.ids import byname_company_id, party_id
from ingest.normalize.countries import countries_to_iso2, to_iso2
from ingest.normalize.parties import party_ids
from ingest.synthetic import vocab
from ingest.synthetic.builder import SchemeBuilder
from ingest.synthetic.companies import dedupe_names, make_companies, make_officers
from ingest.synthetic.listed import load_listed_pool
from ingest.synthetic.schemes import PLANTERS, Context
from ingest.synthetic.trade import legit_shipments
from ingest.synthetic.typologies import FLAG_DESCRIPTIONS, Typology

# The generator writes exactly the canonical inputs the ingest reads: one column list each.
from ingest.trade.registry import COMPANY_COLUMNS
from ingest.trade.shipments import SHIPMENT_COLUMNS

FORMAT = "chipwatch-ground-truth/1"
OWNERSHIP_COLUMNS = (
    "owner_id",
    "owner_name",
    "owner_country",
    "owned_id",
    "owned_name",
    "share_pct",
    "as_of",
    "source",
)
OFFICER_COLUMNS = (
    "person_name",
    "person_country",
    "company_id",
    "company_name",
    "role",
    "start_date",
    "end_date",
)
#: Share of the legitimate world per role.
ROLE_SHARES = {"maker": 0.03, "distributor": 0.14, "oem": 0.55, "trader": 0.2, "logistics": 0.08}
ROLE_COUNTRIES = {
    "maker": vocab.MAKER_COUNTRIES,
    "distributor": vocab.DISTRIBUTOR_COUNTRIES,
    "oem": vocab.OEM_COUNTRIES,
    "trader": vocab.TRADER_COUNTRIES,
    "logistics": vocab.LOGISTICS_COUNTRIES,
}


@dataclass(frozen=True)
class WorldSummary:
    out_dir: Path
    companies: int
    ownership: int
    officers: int
    shipments: int
    schemes: int


def _legit(rng: np.random.Generator, roles: list[str], total: int, start: int) -> pd.DataFrame:
    shares = np.array([ROLE_SHARES[r] for r in roles])
    counts = np.floor(shares / shares.sum() * total).astype(int)
    counts[-1] = total - counts[:-1].sum()
    frames, next_id = [], start
    for role, n in zip(roles, counts, strict=True):
        countries = np.asarray(ROLE_COUNTRIES[role], dtype=object)[
            rng.integers(0, len(ROLE_COUNTRIES[role]), n)
        ]
        frames.append(make_companies(rng, role, countries, next_id))
        next_id += int(n)
    return pd.concat(frames, ignore_index=True)


def _legit_ownership(rng: np.random.Generator, companies: pd.DataFrame) -> pd.DataFrame:
    """Some OEMs and distributors are subsidiaries (51–100 %) of other legitimate companies."""
    n = len(companies)
    owned = np.flatnonzero((rng.random(n) < 0.12) & companies["role"].isin(["oem", "distributor"]).to_numpy())
    owners = rng.integers(0, n, len(owned))
    keep = owners != owned
    owned, owners = owned[keep], owners[keep]
    c = companies
    return pd.DataFrame(
        {
            "owner_id": c["company_id"].to_numpy()[owners],
            "owner_name": c["name"].to_numpy()[owners],
            "owner_country": c["country"].to_numpy()[owners],
            "owned_id": c["company_id"].to_numpy()[owned],
            "owned_name": c["name"].to_numpy()[owned],
            "share_pct": rng.integers(51, 101, len(owned)).astype(float),
            "as_of": "2024-01-01",
            "source": "synthetic registry extract",
        }
    )


def build_world(companies: int, shipments: int, seed: int) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    """The world as DataFrames (companies, ownership, officers, shipments) and its ground truth."""
    if companies < 200 or shipments < 100:
        raise ValueError("a world needs at least 200 companies and 100 shipments")
    rng = np.random.default_rng(seed)
    suppliers = _legit(rng, ["maker", "distributor"], int(companies * 0.17), 0)
    builder = SchemeBuilder(rng=rng, next_company=0)
    ctx = Context(builder, suppliers, load_listed_pool())
    per_typology = max(2, min(companies // 400, 100))
    for _ in range(per_typology):
        for typology in Typology:
            PLANTERS[typology](ctx)
    scheme_companies = pd.DataFrame(builder.companies)
    rest = companies - len(suppliers) - len(scheme_companies)
    if rest < 50:
        raise ValueError(f"{companies} companies is too few for {per_typology} schemes per typology")
    others = _legit(rng, ["oem", "trader", "logistics"], rest, len(suppliers))
    legit = dedupe_names(pd.concat([suppliers, others], ignore_index=True))

    scheme_ships = pd.DataFrame(builder.shipments, columns=list(SHIPMENT_COLUMNS))
    n_legit = max(shipments - len(scheme_ships), 0)
    legit_ships = legit_shipments(rng, legit, n_legit)
    legit_ships.insert(0, "shipment_id", "SH" + pd.Series(np.arange(n_legit)).astype(str).str.zfill(8))
    ships = pd.concat([legit_ships, scheme_ships], ignore_index=True)
    ships = ships.sort_values(["date", "shipment_id"], kind="stable").reset_index(drop=True)

    all_companies = pd.concat([legit, scheme_companies], ignore_index=True)
    ownership = pd.concat([_legit_ownership(rng, legit), pd.DataFrame(builder.ownership)], ignore_index=True)
    officers = pd.concat([make_officers(rng, legit), pd.DataFrame(builder.officers)], ignore_index=True)

    tables = {
        "companies": all_companies[list(COMPANY_COLUMNS)],
        "ownership": ownership[list(OWNERSHIP_COLUMNS)],
        "officers": officers[list(OFFICER_COLUMNS)],
        "shipments": ships[list(SHIPMENT_COLUMNS)],
    }
    truth = _ground_truth(builder, legit, ships, seed=seed, companies=companies, shipments=len(ships))
    return tables, truth


def _ground_truth(
    builder: SchemeBuilder, legit: pd.DataFrame, ships: pd.DataFrame, **meta: Any
) -> dict[str, Any]:
    for scheme in builder.schemes:
        for ref in [*scheme["parties"], *scheme["path_parties"]]:
            ref["party_id"] = _party_id(ref)
            if ref["role"] == "listed_owner":  # known only by name in ownership.csv
                ref["node_id"] = byname_company_id(ref["name"], ref["country"])
        scheme["path"] = [ref["node_id"] or ref["party_id"] for ref in scheme.pop("path_parties")]
    roles = ("shipper", "consignee", "notify")
    all_parties = party_ids(
        pd.concat([ships[f"{c}_name"] for c in roles], ignore_index=True),
        pd.concat([ships[f"{c}_address"] for c in roles], ignore_index=True),
        countries_to_iso2(pd.concat([ships[f"{c}_country"] for c in roles], ignore_index=True))[0],
    )
    scheme_parties = {
        ref["party_id"] for s in builder.schemes for ref in s["parties"] if ref["role"] != "supplier"
    }
    legit_parties = sorted(set(all_parties.dropna()) - scheme_parties)
    return {
        "format": FORMAT,
        **meta,
        "source": "synthetic",
        "flags": {flag.value: text for flag, text in FLAG_DESCRIPTIONS.items()},
        "schemes": builder.schemes,
        "legitimate": {
            "company_ids": sorted(legit["company_id"]),
            "node_ids": sorted("co:synthetic:" + legit["company_id"]),
            "party_ids": legit_parties,
        },
    }


def _party_id(ref: dict[str, Any]) -> str | None:
    if not ref.get("name_as_written"):
        return None
    iso = to_iso2(ref["country"])
    return party_id(ref["name_as_written"], normalise_address(ref["address_as_written"], iso), iso)


def _atomic_write(path: Path, writer: Any) -> None:
    with atomic.atomic_path(path) as tmp:  # shareable data files: the usual mode, not 0600
        writer(tmp)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """The frame as UTF-8 CSV (strings quoted, ``\\n`` line ends), written by Arrow in C.

    pandas' ``to_csv`` formats a million shipments in Python (~25 s); Arrow takes ~1 s.
    """
    table = pa.Table.from_pandas(
        frame.astype({c: str for c in frame.columns if frame[c].dtype == object}), preserve_index=False
    )
    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="needed"))


def write_world(companies: int, shipments: int, seed: int, out_dir: Path) -> WorldSummary:
    """Build and write the world; same arguments → byte-identical files."""
    tables, truth = build_world(companies, shipments, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name, frame in tables.items():
        path = out_dir / f"{name}.csv"
        _atomic_write(path, lambda p, f=frame: write_csv(f, p))
        digests[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    truth["files"] = digests
    text = json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    _atomic_write(out_dir / "ground_truth.json", lambda p: p.write_text(text, encoding="utf-8"))
    return WorldSummary(
        out_dir,
        len(tables["companies"]),
        len(tables["ownership"]),
        len(tables["officers"]),
        len(tables["shipments"]),
        len(truth["schemes"]),
    )
