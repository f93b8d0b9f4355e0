from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.addresses import address_id, normalise_address
from ingest.normalize.countries import to_iso2
from ingest.normalize.hs import normalise_hs
from ingest.normalize.values import parse_dates, parse_numbers, parse_shares


@pytest.mark.parametrize(
    "raw,iso",
    [
        ("Hong Kong", "HK"),
        ("HKG", "HK"),
        ("HONG KONG SAR", "HK"),
        ("U.A.E.", "AE"),
        ("Russian Federation", "RU"),
        ("Korea, Republic of", "KR"),
        ("S. Korea", "KR"),
        ("Türkiye", "TR"),
        ("P.R. China", "CN"),
        ("156", "CN"),
        ("Taiwan, Province of China", "TW"),
        ("USA", "US"),
        ("England", "GB"),
        ("MACAO", "MO"),
        ("Kowloon", None),
        ("", None),
    ],
)
def test_countries(raw, iso):
    assert to_iso2(raw) == iso


def test_hs_codes():
    cols = normalise_hs(pd.Series(["8542.31.0000", "847150", "9403.60.8081", "12", "0000000", None]))
    assert cols.hs6.tolist()[:3] == ["854231", "847150", "940360"]
    assert cols.chpl_tier.tolist()[:3] == ["1", "3A", None]
    assert cols.unknown.tolist() == [False, False, False, True, True, False]


def test_dates_numbers_shares():
    iso, bad = parse_dates(
        pd.Series(["2024-02-29", "2023-02-29", "20240105", "29/07/2020", None]), dayfirst=True
    )
    assert iso.tolist() == ["2024-02-29", None, "2024-01-05", "2020-07-29", None]
    assert bad.tolist() == [False, True, False, False, False]
    nums, bad = parse_numbers(pd.Series(["$1,234.50", "USD 12", "1 000", "n/a", None]))
    assert nums.tolist()[:3] == [1234.5, 12.0, 1000.0] and bad.tolist() == [False, False, False, True, False]
    shares, bad = parse_shares(pd.Series(["25%", "100", "100.5", "-1", "0"]))
    assert bad.tolist() == [False, False, True, True, False] and shares.iloc[0] == 25.0


def test_same_address_written_differently_is_one_node():
    a = address_id("Room 1203, 12/F, Nathan Road 88, Kowloon, Hong Kong", "HK")
    b = address_id("ROOM 1203 12/F NATHAN RD 88 KOWLOON", "HK")
    assert a == b and a != address_id("ROOM 1203 12/F NATHAN RD 88 KOWLOON", "MO")


@given(st.text(max_size=60), st.sampled_from(["HK", "US", None]))
def test_address_normalisation_is_idempotent(text, country):
    once = normalise_address(text, country)
    assert normalise_address(once, country) == once
