"""GLEIF Level 1 (JSON + golden-copy CSV), GLEIF Level 2 relationships, Companies House."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chipwatch.errors import InputFileError
from graph.tables.trade import load_trade_tables
from ingest.trade.formats import InputFormat, detect
from ingest.trade.load import ingest_trade_file

TODAY = dt.date(2026, 11, 1)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "companies"
GLEIF_JSON = FIXTURES / "gleif_lei2_excerpt_2024-05-05.json"
GLEIF_CSV = FIXTURES / "gleif_lei2_golden_copy_layout_derived.csv"
RR_JSON = FIXTURES / "gleif_rr_derived.json"
RR_CSV = FIXTURES / "gleif_rr_golden_copy_layout_derived.csv"
CH_CSV = FIXTURES / "uk_companies_house_basic_sample_2021-01.csv"


@pytest.mark.parametrize(
    "path,fmt",
    [
        (GLEIF_JSON, InputFormat.GLEIF_JSON),
        (GLEIF_CSV, InputFormat.GLEIF_CSV),
        (RR_JSON, InputFormat.GLEIF_RR_JSON),
        (RR_CSV, InputFormat.GLEIF_RR_CSV),
        (CH_CSV, InputFormat.COMPANIES_HOUSE),
    ],
)
def test_detects_format(path, fmt):
    assert detect(path) is fmt


def test_gleif_json_records(settings):
    ingest_trade_file(settings, "companies", GLEIF_JSON, today=TODAY)
    c = load_trade_tables(settings).companies.set_index("node_id")
    assert len(c) == 40
    first = c.loc["co:gleif:097900BID10000147476"]
    assert (
        first["name"] == "ALFA REY s.r.o."
        and first["country"] == "SK"
        and first["city"] == "Nové Mesto nad Váhom"
    )
    assert list(first["aliases"]) == ["ALFA REY SRO"] and first["lei"] == "097900BID10000147476"
    assert first["incorporation_date"] == "2017-09-20"


def test_gleif_csv_layout_matches_json(settings, tmp_path):
    from chipwatch.settings import Settings

    other = Settings(workspace=tmp_path / "other")
    ingest_trade_file(settings, "companies", GLEIF_JSON, today=TODAY)
    ingest_trade_file(other, "companies", GLEIF_CSV, today=TODAY)
    a = load_trade_tables(settings).companies.set_index("node_id")
    b = load_trade_tables(other).companies.set_index("node_id")
    assert list(a.index) == list(b.index)
    for col in ("name", "country", "city", "postal_code", "incorporation_date", "lei"):
        assert a[col].fillna("").tolist() == b[col].fillna("").tolist(), col


@pytest.mark.parametrize("path", [RR_JSON, RR_CSV])
def test_gleif_relationships_become_owns_parent_to_child(settings, path):
    ingest_trade_file(settings, "companies", GLEIF_JSON, today=TODAY)
    ingest_trade_file(settings, "ownership", path, today=TODAY)
    o = load_trade_tables(settings).ownership
    rel = {(r.owner_node_id, r.owned_node_id): (r.relationship, r.share_pct) for r in o.itertuples()}
    assert len(rel) == 3  # the international-branch record is not ownership
    assert rel[("co:gleif:097900BID10000147476", "co:gleif:097900CAKA0000136842")][0] == "direct_parent"
    assert rel[("co:gleif:1595GQQYX4A30EIG0U59", "co:gleif:097900CAKA0000136842")][0] == "ultimate_parent"
    assert rel[("co:gleif:097900BID10000147476", "co:gleif:2138002Z2N3GIS5ZUN17")][1] == 60.0


def test_gleif_json_without_records_is_clear_error(settings, tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"records": [{"LEI": {"$": "X"}}]}))
    with pytest.raises(InputFileError) as err:
        ingest_trade_file(settings, "companies", path, today=TODAY)
    assert err.value.row == 1


def test_ownership_file_given_as_companies_is_refused(settings):
    with pytest.raises(InputFileError, match="holds ownership"):
        ingest_trade_file(settings, "companies", RR_JSON, today=TODAY)


def test_companies_house_basic_company_data(settings):
    ingest_trade_file(settings, "companies", CH_CSV, today=TODAY)
    c = load_trade_tables(settings).companies.set_index("company_id")
    assert len(c) == 31
    # Overseas companies (FC…) keep their registered office's country; blank/ENGLAND/SCOTLAND → GB.
    assert c.loc["FC031362", "country"] == "GG" and c.loc["FC027187", "country"] == "MN"
    assert set(c.drop(index=["FC031362", "FC027187"])["country"]) == {"GB"}
    row = c.loc["12778855"]
    assert row["name"] == "! LIMITED" and row["node_id"] == "co:gb_ch:12778855"
    assert row["incorporation_date"] == "2020-07-29" and row["postal_code"] == "S35 2PH"
