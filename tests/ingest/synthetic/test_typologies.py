"""Each planted typology in the bundled demo world has the shape the issue asks for.

Runs on ``data/demo_world`` (the world the demo loads) and also checks that the bundled files
are exactly what ``chipwatch generate`` writes for the arguments in its README.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from rapidfuzz import fuzz

from graph.ids import normalise_key_text
from ingest.normalize.countries import to_iso2
from ingest.normalize.hs import chpl_tiers, normalise_hs
from ingest.synthetic import write_world
from ingest.synthetic.listed import clerk_variant, load_han_aliases, load_listed_pool, to_cyrillic
from ingest.synthetic.vocab import HUBS, RESTRICTED

DEMO = Path(__file__).resolve().parents[3] / "data" / "demo_world"
D5_OR_MACAU = {"CN", "RU", "BY", "IR", "KP", "MO", "VE", "MM", "SY", "CU", "AF", "KH", "LA", "IQ"}


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((DEMO / "ground_truth.json").read_text())


@pytest.fixture(scope="module")
def companies() -> pd.DataFrame:
    return pd.read_csv(DEMO / "companies.csv", dtype=str, keep_default_na=False).set_index("company_id")


@pytest.fixture(scope="module")
def ships() -> pd.DataFrame:
    frame = pd.read_csv(DEMO / "shipments.csv", dtype=str, keep_default_na=False)
    hs = normalise_hs(frame["hs_code"])
    return frame.assign(tier=hs.chpl_tier).set_index("shipment_id")


def schemes(truth: dict, typology: str) -> list[dict]:
    found = [s for s in truth["schemes"] if s["typology"] == typology]
    assert len(found) >= 5, typology
    return found


def role(scheme: dict, name: str) -> list[dict]:
    return [p for p in scheme["parties"] if p["role"] == name]


def test_bundled_demo_world_is_what_generate_writes(tmp_path):
    write_world(2500, 16000, 2024, tmp_path)
    for name in ("companies.csv", "ownership.csv", "officers.csv", "shipments.csv", "ground_truth.json"):
        assert (tmp_path / name).read_bytes() == (DEMO / name).read_bytes(), name


def test_shell_clusters_at_one_hub_address(truth, companies):
    for scheme in schemes(truth, "shell_cluster"):
        shells = companies.loc[[p["company_id"] for p in role(scheme, "shell")]]
        assert len(shells) >= 6 and shells["address"].nunique() == 1
        assert set(shells["country"]) <= set(HUBS)
        assert {"MASS_REGISTRATION_ADDRESS", "SHARED_OFFICER"} <= set(scheme["flags"])


def test_new_companies_trade_chpl_tier1(truth, companies, ships):
    for scheme in schemes(truth, "new_company_chpl"):
        (buyer,) = role(scheme, "buyer")
        assert companies.loc[buyer["company_id"], "incorporation_date"] > "2022-02-24"
        tiers = ships.loc[scheme["shipment_ids"], "tier"]
        assert "1" in set(tiers) and tiers.notna().all()
        assert "NEW_COMPANY_CHPL" in scheme["flags"]


def test_forwarders_are_consignees_of_chpl_goods(truth, companies, ships):
    for scheme in schemes(truth, "forwarder_consignee"):
        (fwd,) = role(scheme, "forwarder")
        kind = companies.loc[fwd["company_id"], "business_type"].lower()
        assert "forward" in kind or "logistic" in kind, kind
        received = ships.loc[scheme["shipment_ids"]]
        assert fwd["name_as_written"] in set(received["consignee_name"])
        assert received["tier"].notna().all()


def test_pass_through_reaches_every_restricted_destination(truth, ships):
    destinations = set()
    for scheme in schemes(truth, "pass_through"):
        (hub,) = role(scheme, "hub")
        assert hub["country"] in HUBS
        for leg in scheme["legs"]:
            destinations.add(to_iso2(ships.loc[leg["export"], "destination_country"]))
            assert ships.loc[leg["import"], "hs_code"][:4] == ships.loc[leg["export"], "hs_code"][:4]
    assert destinations == set(RESTRICTED)


def test_ultimate_parent_in_d5(truth, companies):
    for scheme in schemes(truth, "d5_parent"):
        (parent,) = role(scheme, "ultimate_parent")
        assert parent["country"] in D5_OR_MACAU
        assert scheme["ownership_chain"][0] == parent["node_id"] and len(scheme["ownership_chain"]) == 3


def test_listed_name_variants_are_real_names_written_differently(truth):
    for scheme in schemes(truth, "listed_name_variant"):
        (party,) = role(scheme, "listed_consignee")
        assert party["name_as_written"] != party["list_name"]
        # A Chinese-script name is the published alias as written; every other variant is re-keyed.
        assert len(party["variant_ops"]) >= 2 or party["variant_ops"] == ["chinese_script"]
        assert party["list_entry_id"].startswith("list:")


def test_some_listed_names_are_written_in_cyrillic_and_chinese_script(truth, ships):
    parties = [role(s, "listed_consignee")[0] for s in schemes(truth, "listed_name_variant")]
    cyrillic = [p for p in parties if p.get("script") == "Cyrl"]
    han = [p for p in parties if p.get("script") == "Hani"]
    assert cyrillic and han
    for party in cyrillic:
        written = party["name_as_written"]
        assert re.search("[А-Я]", written) and not re.search("[A-Z]", written), written
        # transliterated back it is a close spelling of the listed (romanised) name
        back = normalise_key_text(written)
        assert fuzz.ratio(back, normalise_key_text(party["list_name"])) >= 80, (written, back)
    aliases = {a.entry_id: a.alias for a in load_han_aliases()}
    for party in han:
        assert party["list_entry_id"].startswith("list:UN:")
        assert party["name_as_written"] == party["list_alias"] == aliases[party["list_entry_id"]]
    written = set(ships["consignee_name"])
    assert all(p["name_as_written"] in written for p in cyrillic + han)


def test_cyrillic_transliteration_round_trips_through_anyascii():
    assert to_cyrillic("Limited Liability Company Elkomtekh") == "ООО ЭЛКОМТЕХ"
    assert to_cyrillic("JSC Rossiyskiy Novyy Zavod") == "АО РОССИЙСКИЙ НОВЫЙ ЗАВОД"
    for name in ("OOO KHIMPROM", "AO SHCHUKA", "ZHUKOVSKIY TSENTR"):
        assert normalise_key_text(to_cyrillic(name)) == name


def test_address_only_fronts_sit_at_a_listed_address(truth, companies):
    for scheme in schemes(truth, "address_only"):
        (front,) = role(scheme, "front")
        assert companies.loc[front["company_id"], "address"] == front["list_address"]
        assert front["name"] != front["list_name"]


@pytest.mark.parametrize("country", ["RU", "CN"])
def test_clerk_variants_cover_every_noise_kind(country):
    pool = load_listed_pool()
    names = pool[pool["country"] == country]["name"].head(300).tolist()
    rng = np.random.default_rng(5)
    seen: set[str] = set()
    for name in names:
        written, ops = clerk_variant(name, country, rng)
        assert written != name.upper() or "typo" in ops
        seen.update(ops)
    assert {"abbreviate", "drop_legal_form", "reorder", "typo", "romanise"} <= seen


def test_romanisation_rewrites_russian_and_chinese_spellings():
    rng = np.random.default_rng(0)
    for name, country, expect in (
        ("OOO ZHUKOVSKIY KHIMPROM", "RU", {"J", "H"}),
        ("SHENZHEN XINQIAO TECHNOLOGY CO LTD", "CN", {"HS", "CH"}),
    ):
        variants = {clerk_variant(name, country, rng)[0] for _ in range(200)}
        assert any(any(piece in v for piece in expect) and v != name for v in variants)


def test_chpl_tier1_codes_exist():
    tiers = chpl_tiers()
    assert {"854231", "854232", "854239"} <= {k for k, v in tiers.items() if v == "1"}
