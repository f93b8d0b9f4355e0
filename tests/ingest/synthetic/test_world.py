"""The synthetic world: deterministic, every typology planted, ground truth consistent with ingest."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.tables.trade import load_trade_tables
from ingest.synthetic import write_world
from ingest.synthetic.typologies import Typology
from ingest.trade.load import ingest_trade_file

ROOT = Path(__file__).resolve().parents[3]
FILES = ("companies.csv", "ownership.csv", "officers.csv", "shipments.csv", "ground_truth.json")


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("world")
    write_world(800, 3000, 11, out)
    return out


@pytest.fixture(scope="module")
def truth(world) -> dict:
    return json.loads((world / "ground_truth.json").read_text())


@pytest.fixture(scope="module")
def ingested(world, tmp_path_factory) -> Settings:
    settings = Settings(workspace=tmp_path_factory.mktemp("ws"))
    for kind in ("companies", "ownership", "officers", "shipments"):
        ingest_trade_file(settings, kind, world / f"{kind}.csv", today=dt.date(2026, 11, 1))
    return settings


def test_same_seed_byte_identical_across_processes(world, tmp_path):
    # A fresh interpreter with another hash seed: nothing may depend on set/dict hash order.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    code = (
        "import sys; from pathlib import Path; from ingest.synthetic import write_world; "
        "write_world(800, 3000, 11, Path(sys.argv[1]))"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, env=env, cwd=ROOT)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (world / name).read_bytes(), name


def test_other_seed_differs(world, tmp_path):
    write_world(800, 3000, 12, tmp_path)
    assert (tmp_path / "shipments.csv").read_bytes() != (world / "shipments.csv").read_bytes()


def test_counts_and_every_typology(world, truth):
    assert len(pd.read_csv(world / "companies.csv")) == 800
    assert len(pd.read_csv(world / "shipments.csv")) == 3000
    assert {s["typology"] for s in truth["schemes"]} == {t.value for t in Typology}
    assert all(s["flags"] and s["path"] and s["shipment_ids"] for s in truth["schemes"])


def test_listed_names_are_real_csl_entries(truth):
    with gzip.open(ROOT / "data/lists/csl/consolidated_2022-05.csv.gz", "rt", encoding="utf-8") as handle:
        csl = pd.read_csv(handle, dtype=str, keep_default_na=False)
    ids = set(csl["_id"])
    names = set(csl["name"])
    listed = [p for s in truth["schemes"] for p in s["parties"] if p.get("list_entry_id")]
    assert listed
    for party in listed:
        assert party["list_entry_id"].rsplit(":", 1)[1] in ids and party["list_name"] in names
    variants = [p for p in listed if p["role"] == "listed_consignee"]
    assert all(p["name_as_written"] != p["list_name"] for p in variants)


def test_pass_through_legs_within_90_days_similar_quantity(world, truth):
    ships = pd.read_csv(world / "shipments.csv", dtype=str).set_index("shipment_id")
    for scheme in (s for s in truth["schemes"] if s["typology"] == "pass_through"):
        for leg in scheme["legs"]:
            d_in = dt.date.fromisoformat(ships.loc[leg["import"], "date"])
            d_out = dt.date.fromisoformat(ships.loc[leg["export"], "date"])
            assert 0 < (d_out - d_in).days <= 90
            assert 0.9 <= leg["quantity_out"] / leg["quantity_in"] <= 1.0
            assert ships.loc[leg["export"], "destination_country"] in {"RU", "BY", "CN", "IR", "MO"}


def test_shell_cluster_shares_address_after_ingest(truth, ingested):
    companies = load_trade_tables(ingested).companies.set_index("node_id")
    for scheme in (s for s in truth["schemes"] if s["typology"] == "shell_cluster"):
        shells = [p["node_id"] for p in scheme["parties"] if p["role"] == "shell"]
        assert len(shells) >= 6 and companies.loc[shells, "address_id"].nunique() == 1


def test_ground_truth_ids_match_ingested_graph_ids(truth, ingested):
    t = load_trade_tables(ingested)
    party_ids = set(t.parties["party_id"])
    node_ids = set(t.companies["node_id"]) | set(t.ownership["owner_node_id"])
    shipments = set(t.shipments["shipment_id"])
    for scheme in truth["schemes"]:
        for party in scheme["parties"]:
            if party["node_id"]:
                assert party["node_id"] in node_ids
        for step in scheme["path"]:
            assert step in node_ids or step in party_ids
        assert set(scheme["shipment_ids"]) <= shipments
    assert set(truth["legitimate"]["party_ids"]) <= party_ids


def test_listed_ownership_aggregates_to_50(truth, ingested):
    o = load_trade_tables(ingested).ownership
    for scheme in (s for s in truth["schemes"] if s["typology"] == "listed_ownership"):
        owned = next(p["node_id"] for p in scheme["parties"] if p["role"] == "owned")
        listed = {p["node_id"] for p in scheme["parties"] if p["role"] == "listed_owner"}
        stakes = o[o["owned_node_id"] == owned]
        direct = stakes[stakes["owner_node_id"].isin(listed)]["share_pct"].sum()
        if scheme["variant"] == "two_listed_owners":
            assert direct >= 50 and (stakes["share_pct"] < 50).all()
        else:
            assert direct == 10 and stakes["share_pct"].sum() == 50
