"""GLEIF Level 2 RelationshipStatus and RELATIONSHIP_PERIOD → OWNS status, start_date, end_date;
the canonical ownership file's optional start_date, end_date and status columns."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.errors import InputFileError
from chipwatch.settings import Settings
from graph.model import EdgeKind
from graph.tables.trade import load_trade_tables, upsert_trade_tables
from graph.trade_graph import TRADE_OWNED, trade_graph_frames
from ingest.trade.formats import InputFormat, detect
from ingest.trade.gleif import gleif_date, relationship_period
from ingest.trade.load import ingest_trade_file
from tests.ingest.trade.conftest import FIXTURES, TODAY

GLEIF_JSON = FIXTURES / "gleif_lei2_excerpt_2024-05-05.json"
PERIODS_JSON = FIXTURES / "gleif_rr_periods_derived.json"
PERIODS_CSV = FIXTURES / "gleif_rr_periods_golden_copy_layout_derived.csv"
RR_JSON = FIXTURES / "gleif_rr_derived.json"
PARENT = "co:gleif:213800E5Z6QRDSMZMK84"
# child → (status, start_date, end_date) as the fixture's RELATIONSHIP_PERIOD and status give them
EXPECTED = {
    "co:gleif:213800NTX4UC9E3NXI92": ("active", "2019-04-01", None),  # its ACCOUNTING_PERIOD ended 2023
    "co:gleif:213800PU1F6YCJY44F47": ("inactive", "2015-03-01", "2020-06-30"),
    "co:gleif:213800S8N86XHC1VY396": ("active", "2016-01-01", "2021-12-31"),
    "co:gleif:213800SBT6J2K4OUGG12": ("inactive", None, None),
}


def _text(value: object) -> str | None:
    """A table cell as text, absent (None or NaN after the Parquet round trip) as None."""
    return value if isinstance(value, str) else None


def _ownership(settings: Settings, path: Path):
    ingest_trade_file(settings, "companies", GLEIF_JSON, today=TODAY)
    ingest_trade_file(settings, "ownership", path, today=TODAY)
    return load_trade_tables(settings).ownership


def test_the_golden_copy_csv_column_names_are_detected():
    assert detect(PERIODS_CSV) is InputFormat.GLEIF_RR_CSV


@pytest.mark.parametrize("path", [PERIODS_JSON, PERIODS_CSV])
def test_status_and_relationship_period_are_kept(settings, path):
    o = _ownership(settings, path)
    assert set(o["owner_node_id"]) == {PARENT}
    got = {r.owned_node_id: (_text(r.status), _text(r.start_date), _text(r.end_date)) for r in o.itertuples()}
    assert got == EXPECTED
    # as_of is the record's Registration.LastUpdateDate; one source label whatever the status
    assert set(o["as_of"]) == {"2024-05-04"} and set(o["source"]) == {"GLEIF RR"}
    assert set(o["share_pct"]) == {60.0}


def test_as_of_is_the_last_update_not_the_accounting_period(settings):
    o = _ownership(settings, RR_JSON)
    # the first period of these records is an ACCOUNTING_PERIOD starting 2019-01-01
    assert set(o["as_of"]) == {"2024-05-01"} and set(o["start_date"]) == {"2018-06-01"}


def test_an_inactive_republication_replaces_the_active_row(settings, tmp_path):
    data = json.loads(PERIODS_JSON.read_text(encoding="utf-8"))
    first = data["relations"][0]["RelationshipRecord"]
    first["Relationship"]["RelationshipStatus"] = {"$": "INACTIVE"}
    first["Registration"]["LastUpdateDate"] = {"$": "2024-09-01T10:00:00Z"}
    later = tmp_path / "rr_later.json"
    later.write_text(json.dumps({"relations": [data["relations"][0]]}), encoding="utf-8")
    _ownership(settings, PERIODS_JSON)
    ingest_trade_file(settings, "ownership", later, today=TODAY)
    o = load_trade_tables(settings).ownership
    rows = o[o["owned_node_id"] == "co:gleif:213800NTX4UC9E3NXI92"]
    assert rows[["status", "as_of"]].values.tolist() == [["inactive", "2024-09-01"]]


def test_a_row_of_the_old_status_label_is_replaced(settings):
    """Before the status had a column, a GLEIF row's source was "GLEIF RR ACTIVE": the next golden
    copy (here INACTIVE) replaces that row instead of leaving the old ACTIVE one beside it."""
    ingest_trade_file(settings, "companies", GLEIF_JSON, today=TODAY)
    old = {"owner_node_id": PARENT, "owned_node_id": "co:gleif:213800PU1F6YCJY44F47", "share_pct": 60.0}
    upsert_trade_tables(settings, {"ownership": pd.DataFrame([{**old, "source": "GLEIF RR ACTIVE"}])})
    ingest_trade_file(settings, "ownership", PERIODS_JSON, today=TODAY)
    o = load_trade_tables(settings).ownership
    rows = o[o["owned_node_id"] == old["owned_node_id"]]
    assert rows[["source", "status"]].values.tolist() == [["GLEIF RR", "inactive"]]


def test_owns_edges_carry_the_period(settings):
    _ownership(settings, PERIODS_JSON)
    assert {"start_date", "end_date", "status"} <= TRADE_OWNED[EdgeKind.OWNS]
    owns = trade_graph_frames(load_trade_tables(settings)).edges[EdgeKind.OWNS].set_index("target")
    ended = owns.loc["co:gleif:213800PU1F6YCJY44F47"]
    assert [ended[c] for c in ("status", "start_date", "end_date", "as_of", "provenance")] == [
        "inactive",
        "2015-03-01",
        "2020-06-30",
        "2024-05-04",
        "GLEIF RR",
    ]


def test_relationship_period_ignores_accounting_and_filing_periods():
    periods = [
        ("2023-01-01T00:00:00Z", "2023-12-31T00:00:00Z", "ACCOUNTING_PERIOD"),
        ("2021-01-01", "2021-12-31", "DOCUMENT_FILING_PERIOD"),
    ]
    assert relationship_period(periods) == ("", "")
    # of two relationship periods, the latest begun says whether it still holds
    periods += [
        ("2010-01-01", "2012-01-01", "RELATIONSHIP_PERIOD"),
        ("2014-05-01", "", "relationship_period"),
    ]
    assert relationship_period(periods) == ("2014-05-01", "")


def test_unix_millisecond_dates_of_older_golden_copies():
    assert gleif_date("1338940800000") == "2012-06-06"
    assert gleif_date("2019-06-18T14:32:00.000Z") == "2019-06-18" and gleif_date("") == ""


CANONICAL = (
    "owner_id,owned_id,share_pct,as_of,source,start_date,end_date,status\n"
    "C1,C2,60,2024-01-01,HK registry,2015-01-01,2020-06-30,\n"
    "C1,C3,55,2024-01-01,HK registry,,,Inactive\n"
    "C1,C4,51,2024-01-01,HK registry,2019-01-01,,active\n"
)


def test_canonical_ownership_period_columns(settings, write):
    ingest_trade_file(settings, "ownership", write("own.csv", CANONICAL), today=TODAY)
    o = load_trade_tables(settings).ownership.set_index("owned_node_id")
    c2 = o.loc["co:csv:C2"]
    assert [_text(c2[c]) for c in ("start_date", "end_date", "status")] == ["2015-01-01", "2020-06-30", None]
    assert o.loc["co:csv:C3", "status"] == "inactive" and o.loc["co:csv:C4", "status"] == "active"


def test_canonical_ownership_without_the_period_columns_still_loads(settings, write):
    ingest_trade_file(
        settings, "ownership", write("own.csv", "owner_id,owned_id,share_pct\nC1,C2,60\n"), today=TODAY
    )
    o = load_trade_tables(settings).ownership
    assert o[["start_date", "end_date", "status"]].isna().all().all()


def test_unknown_status_is_refused_naming_row_and_field(settings, write):
    bad = CANONICAL.replace("Inactive", "sold")
    with pytest.raises(InputFileError) as err:
        ingest_trade_file(settings, "ownership", write("own.csv", bad), today=TODAY)
    assert err.value.field == "status" and err.value.row == 2 and "sold" in str(err.value)


def test_end_before_start_loads_with_a_warning(settings, write):
    text = "owner_id,owned_id,share_pct,start_date,end_date\nC1,C2,60,2021-01-01,2020-01-01\n"
    report = ingest_trade_file(settings, "ownership", write("own.csv", text), today=TODAY)
    assert report.warnings["field"].tolist() == ["end_date"]
    assert load_trade_tables(settings).ownership["end_date"].tolist() == ["2020-01-01"]


def _starting_later(tmp_path: Path) -> Path:
    """The fixture with the current holding's RELATIONSHIP_PERIOD starting after TODAY."""
    data = json.loads(PERIODS_JSON.read_text(encoding="utf-8"))
    periods = data["relations"][0]["RelationshipRecord"]["Relationship"]["RelationshipPeriods"]
    for period in periods["RelationshipPeriod"]:
        if period["PeriodType"]["$"] == "RELATIONSHIP_PERIOD":
            period["StartDate"] = {"$": "2027-01-01T00:00:00Z"}
    later = tmp_path / "rr_starting_later.json"
    later.write_text(json.dumps(data), encoding="utf-8")
    return later


def test_a_relationship_starting_after_today_loads_with_a_warning(settings, tmp_path):
    o = _ownership(settings, _starting_later(tmp_path))
    got = {r.owned_node_id: (_text(r.status), _text(r.start_date), _text(r.end_date)) for r in o.itertuples()}
    assert got == EXPECTED | {"co:gleif:213800NTX4UC9E3NXI92": ("active", "2027-01-01", None)}
    warned = load_trade_tables(settings).trade_warnings
    assert warned[["field", "reason"]].values.tolist() == [
        ["start_date", f"start_date is after today ({TODAY}): kept, counted only from that day"]
    ]
    # an impossible date still refuses the file
    bad = tmp_path / "rr_bad.json"
    bad.write_text(_starting_later(tmp_path).read_text(encoding="utf-8").replace("2027-01-01", "2027-02-30"))
    with pytest.raises(InputFileError, match="not a valid date"):
        ingest_trade_file(settings, "ownership", bad, today=TODAY)


def test_an_officer_starting_after_today_is_still_refused(settings, write):
    # officer links have no period rule (graph.holdings reads OWNS only): loaded, a future
    # appointment would count from today, so only ownership rows take a future start
    text = "person_name,company_id,role,start_date\nJane Roe,C1,director,2999-01-01\n"
    with pytest.raises(InputFileError) as err:
        ingest_trade_file(settings, "officers", write("officers.csv", text), today=TODAY)
    assert err.value.field == "start_date" and "date is in the future" in str(err.value)
