"""Canonical CSV/XLSX/Parquet ingest: validation, idempotence, mapping files, bad input."""

from __future__ import annotations

import datetime as dt
import gzip

import pandas as pd
import pytest

from chipwatch.errors import InputFileError
from graph.tables.trade import load_trade_tables, table_path
from ingest.trade.formats import InputFormat
from ingest.trade.load import ingest_trade_file

COMPANIES = """company_id,name,aliases,country,address,city,postal_code,incorporation_date
C1,Far East Trading Limited,FE Trading;Far East Trdg,Hong Kong,"Flat 5, 12 Nathan Road",Kowloon,,2023-01-05
C2,Golden Bridge Electronics Ltd,,HKG,"FLAT 5 12 NATHAN RD",KOWLOON,,2023-02-01
C3,Acme Semiconductor Inc.,,United States,1 Main Street,San Jose,95110,1990-04-01
"""


TODAY = dt.date(2026, 11, 1)


def ingest(settings, kind, path, **kw):
    return ingest_trade_file(settings, kind, path, today=TODAY, **kw)


def test_companies_normalised_and_share_one_address(settings, write):
    ingest(settings, "companies", write("companies.csv", COMPANIES))
    c = load_trade_tables(settings).companies.set_index("company_id")
    assert list(c["country"]) == ["HK", "HK", "US"]
    assert list(c.loc["C1", "aliases"]) == ["FE Trading", "Far East Trdg"]
    assert c.loc["C1", "node_id"] == "co:csv:C1"
    # "Flat 5, 12 Nathan Road, Kowloon" and "FLAT 5 12 NATHAN RD, KOWLOON" are one Address node.
    assert c.loc["C1", "address_id"] == c.loc["C2", "address_id"]
    assert c.loc["C1", "address_id"] != c.loc["C3", "address_id"]


def test_reingest_changes_nothing(settings, write):
    path = write("companies.csv", COMPANIES)
    first = ingest(settings, "companies", path)
    assert "companies" in first.tables_changed
    before = table_path(settings, "companies").stat().st_mtime_ns
    again = ingest(settings, "companies", path)
    assert again.tables_changed == ()
    assert table_path(settings, "companies").stat().st_mtime_ns == before


def test_xlsx_and_parquet_read_like_csv(settings, write, tmp_path):
    frame = pd.read_csv(write("companies.csv", COMPANIES), dtype=str, keep_default_na=False)
    frame.to_excel(tmp_path / "companies.xlsx", index=False)
    frame.to_parquet(tmp_path / "companies.parquet", index=False)
    ingest(settings, "companies", tmp_path / "companies.xlsx")
    ingest(settings, "companies", tmp_path / "companies.parquet")
    c = load_trade_tables(settings).companies
    assert sorted(c["node_id"]) == ["co:csv:C1", "co:csv:C2", "co:csv:C3"]


@pytest.mark.parametrize(
    "suffix,text",
    [
        ("yaml", "columns:\n  company_id: Firm No\n  name: Firm Name\n  country: Land\n"),
        ("toml", '[columns]\ncompany_id = "Firm No"\nname = "Firm Name"\ncountry = "Land"\n'),
    ],
)
def test_mapping_file_loads_vendor_columns(settings, write, suffix, text):
    data = write("vendor.csv", "Firm No,Firm Name,Land\nV1,Vendor Co Ltd,DE\n")
    mapping = write(f"map.{suffix}", text)
    ingest(settings, "companies", data, mapping_path=mapping)
    c = load_trade_tables(settings).companies
    assert list(c["node_id"]) == ["co:csv:V1"] and list(c["country"]) == ["DE"]


def test_mapping_naming_missing_column_is_clear_error(settings, write):
    data = write("vendor.csv", "Firm No,Firm Name,Land\nV1,Vendor Co Ltd,DE\n")
    mapping = write("map.yaml", "name: Company Title\ncountry: Land\n")
    with pytest.raises(InputFileError) as err:
        ingest(settings, "companies", data, mapping_path=mapping)
    assert err.value.field == "Company Title" and "vendor.csv" in str(err.value)
    assert not table_path(settings, "companies").exists()


@pytest.mark.parametrize("share,reason", [("-5", "0 to 100"), ("120", "0 to 100"), ("abc", "0 to 100")])
def test_bad_share_rejected_with_row_and_field(settings, write, share, reason):
    path = write(
        "own.csv",
        f"owner_name,owner_country,owned_name,share_pct\nA Ltd,HK,B Ltd,30\nC Ltd,HK,B Ltd,{share}\n",
    )
    with pytest.raises(InputFileError) as err:
        ingest(settings, "ownership", path)
    assert (err.value.row, err.value.field) == (2, "share_pct") and reason in str(err.value)
    assert not table_path(settings, "ownership").exists()


def test_stakes_over_100_warn_but_load_and_cycles_load(settings, write):
    ingest(settings, "companies", write("companies.csv", COMPANIES))
    path = write("own.csv", "owner_id,owned_id,share_pct\nC1,C2,60\nC3,C2,55\nC2,C1,40\n")
    report = ingest(settings, "ownership", path)
    o = load_trade_tables(settings).ownership
    assert len(o) == 3  # includes the cycle C1 → C2 → C1
    assert {("co:csv:C1", "co:csv:C2"), ("co:csv:C2", "co:csv:C1")} <= set(
        zip(o.owner_node_id, o.owned_node_id)
    )
    assert (report.warnings["field"] == "share_pct").sum() == 2
    assert "115" in report.warnings["reason"].iloc[0]
    assert len(load_trade_tables(settings).trade_warnings) == 2


def test_owner_by_name_only_becomes_byname_node(settings, write):
    path = write(
        "own.csv", "owner_name,owner_country,owned_name,share_pct\nSinno Electronics Co,CN,B Ltd,30%\n"
    )
    ingest(settings, "ownership", path)
    o = load_trade_tables(settings).ownership
    assert o["owner_node_id"].iloc[0].startswith("co:byname:") and o["share_pct"].iloc[0] == 30.0


def test_shipments_parties_hs_and_countries(settings, write, th):
    rows = [th.row("B1"), th.row("B2", hs="8542 31 00"), th.row("B3", hs="XX12")]
    report = ingest(settings, "shipments", write("s.csv", th.csv(*rows)))
    t = load_trade_tables(settings)
    s = t.shipments.set_index("shipment_id")
    assert s.loc["B1", "hs_code"] == "8542310000" and s.loc["B1", "hs6"] == "854231"
    assert s.loc["B1", "chpl_tier"] == "1" and s.loc["B2", "hs6"] == "854231"
    assert pd.isna(s.loc["B3", "hs_code"])  # loaded, flagged
    assert list(report.warnings["field"]) == ["hs_code"] and report.warnings["row"].iloc[0] == 3
    assert set(s["destination_country"]) == {"HK"}
    assert len(t.parties) == 2 and set(t.parties["country"]) == {"US", "HK"}
    assert s.loc["B1", "shipper_party_id"] == s.loc["B2", "shipper_party_id"]


@pytest.mark.parametrize(
    "date,reason", [("2027-01-01", "future"), ("2023-02-30", "valid date"), ("yesterday-ish", "valid date")]
)
def test_bad_shipment_dates_rejected(settings, write, th, date, reason):
    rows = [th.row("B1"), th.row("B2", date=date)]
    with pytest.raises(InputFileError) as err:
        ingest(settings, "shipments", write("s.csv", th.csv(*rows)))
    assert (err.value.row, err.value.field) == (2, "date") and reason in str(err.value)
    assert not table_path(settings, "shipments").exists()


def test_duplicate_shipment_ids_idempotent(settings, write, th):
    rows = [th.row("B1"), th.row("B1"), th.row("B2")]
    path = write("s.csv", th.csv(*rows))
    report = ingest(settings, "shipments", path)
    assert len(load_trade_tables(settings).shipments) == 2 and report.warnings.empty
    assert ingest(settings, "shipments", path).tables_changed == ()
    conflicting = write("s2.csv", th.csv(th.row("B2", value="5"), th.row("B2")))
    report = ingest(settings, "shipments", conflicting)
    assert list(report.warnings["field"]) == ["shipment_id"]
    assert len(load_trade_tables(settings).shipments) == 2


def test_failed_load_keeps_previous_state(settings, write, th):
    ingest(settings, "shipments", write("ok.csv", th.csv(th.row("B1"))))
    before = table_path(settings, "shipments").read_bytes()
    bad = write("bad.csv", th.csv(th.row("B9"), th.row("B10", value="-3")))
    with pytest.raises(InputFileError, match="negative"):
        ingest(settings, "shipments", bad)
    assert table_path(settings, "shipments").read_bytes() == before


def test_50mb_csv_with_one_malformed_row(settings, th, tmp_path):
    path = tmp_path / "big.csv"
    good = th.row("{}") + "\n"
    n_rows = 52 * 1024 * 1024 // len(good)
    bad_at = n_rows // 2
    with path.open("w", encoding="utf-8") as handle:
        handle.write(th.header + "\n")
        chunk = []
        for i in range(n_rows):
            line = good.format(f"S{i}")
            if i == bad_at - 1:
                line = line.rstrip("\n") + ",EXTRA,FIELDS\n"
            chunk.append(line)
            if len(chunk) == 50_000:
                handle.write("".join(chunk))
                chunk = []
        handle.write("".join(chunk))
    assert path.stat().st_size > 50 * 1024 * 1024
    with pytest.raises(InputFileError) as err:
        ingest(settings, "shipments", path)
    # the parser counts lines: data row bad_at is file line bad_at + 1 (the header is line 1)
    assert (err.value.row, err.value.line) == (None, bad_at + 1)
    assert f"big.csv, line {bad_at + 1}:" in str(err.value)
    assert "nothing was loaded" in str(err.value)
    assert not table_path(settings, "shipments").exists()


# The format is detected from the CSV header: a file that cannot be read is one message naming
# the file (and the row, line and field where there is one), never a parser traceback.
UNREADABLE = [
    ("empty.csv", b"", None, None, None, "file is empty"),
    # data row 2 starts on line 4: the blank line 3 is not a row
    (
        "latin1.csv",
        b"company_id,name,country\nC1,Ok Co,DE\n\nC2,M\xfcller GmbH,DE\n",
        2,
        4,
        "name",
        "not UTF-8",
    ),
    ("quote.csv", b'company_id,name,country\nC1,"Unclosed Co,CN\nC2,Ok,CN\n', None, 2, None, "malformed CSV"),
    ("binary.csv", b"\x00" * 70_000, None, None, None, "binary content"),
    # an unquoted comma in every name: pandas would take the ids for an index and shift every value
    # one column left ("Acme" as the id, " Inc." as the name); refused at the first data row
    (
        "shifted.csv",
        b"company_id,name,country\n\nC1,Acme, Inc.,CN\nC2,Beta, Ltd,US\n",
        1,
        3,
        None,
        "the row has 4 fields but the header names 3 columns",
    ),
]


@pytest.mark.parametrize("name,content,row,line,field,reason", UNREADABLE, ids=[u[0] for u in UNREADABLE])
@pytest.mark.parametrize("fmt", [InputFormat.AUTO, InputFormat.CANONICAL])
def test_unreadable_csv_is_one_message_with_file_row_and_field(
    settings, tmp_path, fmt, name, content, row, line, field, reason
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError) as err:
        ingest(settings, "companies", path, fmt=fmt)
    assert (err.value.row, err.value.line, err.value.field) == (row, line, field)
    assert reason in str(err.value) and name in str(err.value) and "nothing was loaded" in str(err.value)
    assert not table_path(settings, "companies").exists()


def test_missing_columns_message_shows_a_bounded_column_list(settings, write):
    many = ",".join(f"col{i}" for i in range(30)) + "," + "x" * 5000
    with pytest.raises(InputFileError) as err:
        ingest(settings, "companies", write("wide.csv", many + "\n" + "," * 30 + "\n"))
    assert "col19" in str(err.value) and "col20" not in str(err.value) and "and 11 more" in str(err.value)
    assert len(str(err.value)) < 600


def test_damaged_workbook_and_cut_off_gzip_are_one_message(settings, tmp_path):
    good = COMPANIES.encode() * 200
    cases = {
        "cut.csv.gz": gzip.compress(good)[:300],
        "cut.xlsx": b"PK\x03\x04" + b"\x00" * 100,
        "text.xlsx": b"company_id,name,country\n",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(InputFileError) as err:
            ingest(settings, "companies", path)
        assert name in str(err.value) and "nothing was loaded" in str(err.value), name
    assert not table_path(settings, "companies").exists()


def test_a_bad_value_names_its_data_row_and_the_line_it_starts_on(settings, tmp_path):
    # A blank line and a quoted line break come first: data row 3 starts on file line 6, which is
    # what a text editor shows (and Excel, opened, shows row 4: the header is its row 1).
    path = tmp_path / "companies.csv"
    path.write_text(
        'company_id,name,country\nC1,Acme,GB\n\nC2,"Two\nLines Co",DE\nC3,Third Co,XX\n', encoding="utf-8"
    )
    with pytest.raises(InputFileError) as err:
        ingest(settings, "companies", path)
    assert (err.value.row, err.value.line, err.value.field) == (3, 6, "country")
    assert "companies.csv, row 3 (line 6), field 'country': unknown country" in str(err.value)


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_semicolon_or_tab_separated_csv_is_refused_naming_the_separator(settings, write, separator):
    # A row holding a comma would otherwise fail as malformed, far from the cause.
    text = COMPANIES.replace(",", separator).replace('"Flat 5' + separator + " 12", '"Flat 5, 12')
    with pytest.raises(InputFileError) as err:
        ingest(settings, "companies", write("companies.csv", text))
    message = str(err.value)
    assert "the header reads as one column 'company_id" in message and err.value.line == 1
    assert ("semicolons (;)" if separator == ";" else "tabs") in message
    assert "save the sheet as .xlsx" in message and "nothing was loaded" in message
    assert not table_path(settings, "companies").exists()
