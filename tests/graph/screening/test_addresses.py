"""Address screening against real address-only Entity List entries (Hong Kong, June 2024)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph.screening.addresses import address_key, numbers, similarity
from graph.screening.screen import Screener
from ingest.lists.pipeline import ingest_list_files

ROOT = Path(__file__).resolve().parents[3]
WITH_ADDRESSES = ROOT / "tests" / "fixtures" / "screening" / "consolidated_2025_tiny_with_addresses.csv"


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    settings = Settings(workspace=tmp_path_factory.mktemp("addr-ws"))
    ingest_list_files(settings, [WITH_ADDRESSES])
    return Screener.for_settings(settings)


def test_address_only_entries_carry_their_address_into_the_index(screener: Screener) -> None:
    entries = screener.index.entries
    only = entries[entries["entity_kind"] == "address"]
    assert len(only) == 4  # no name: the address stands in for it
    assert all(
        any(line.startswith(name[:8]) for line in lines)
        for name, lines in zip(only["name"], only["addresses"])
    )
    assert screener.index.addresses is not None and len(screener.index.addresses) >= 4


def test_address_keys_agree_on_spelling_variants() -> None:
    a = address_key("Room 1318-19, 13F, Hollywood Plaza, 610 Nathan Road, Mong Kok, Kowloon, Hong Kong")
    b = address_key("RM 1318-19 13/F HOLLYWOOD PLAZA 610 NATHAN RD MONGKOK KOWLOON")
    assert numbers(a) == numbers(b) == {"1318", "19", "13", "610"}
    assert numbers(address_key("Unit D, 16/F One Capital Place, 18 Luard Rd")) == {"D", "16", "18"}
    assert similarity(a, b) >= 0.88


def test_counterparty_at_a_listed_address_is_a_review_with_the_reason(screener: Screener) -> None:
    frame = pd.DataFrame(
        {
            "name": ["Hongkong Sunrise Electronics Trading Ltd", "Acme Widgets Ltd", ""],
            "country": ["HK", "HK", "HK"],
            "address": [
                "RM 1318-19, 13/F, HOLLYWOOD PLAZA, 610 NATHAN RD, MONGKOK, KOWLOON, HONG KONG",
                "Unit 5, 16/F One Capital Place, 18 Luard Road, Wan Chai",  # same tower, another unit
                "Flat 2309 23/F Ho King Commercial Centre 2-16 Fa Yuen St Mong Kok Kowloon",
            ],
        }
    )
    out = screener.screen(frame)
    first, other, nameless = (out.iloc[i] for i in range(3))
    assert first["disposition"] == "review"
    assert first["top_match_alias_type"] == "address"
    assert "address match" in first["top_match_reasons"]
    assert "Room 1318-19" in first["top_match_name"]  # the neighbouring unit 1318-20 is not this address
    assert [m["name"] for m in first["matches"] if m["alias_type"] == "address"] == [first["top_match_name"]]
    assert first["top_match_source"] == "US_EL" and "51644" in first["top_match_legal_basis"]
    assert other["disposition"] == "clear"  # unit D is listed, unit 5 is not
    assert nameless["disposition"] == "review" and "Ho King" in nameless["top_match_name"]
    assert "screened by address only" in nameless["screen_notes"]


def test_address_match_needs_the_address_column(screener: Screener) -> None:
    out = screener.screen(pd.DataFrame({"name": ["Hongkong Sunrise Electronics Trading Ltd"]}))
    assert out.iloc[0]["disposition"] == "clear"


def test_city_only_list_addresses_do_not_flag_everyone_there(screener: Screener) -> None:
    # SME BANK (tiny CSL) is listed at "79 ul. Sadovnicheskaya, Moscow"; RIM Ryong Nam at "Pyongyang"
    lines = [line for lines in screener.index.entries["addresses"] for line in lines]
    assert "Pyongyang" in " ".join(lines)
    out = screener.screen(
        pd.DataFrame({"name": ["Acme Ltd", "Beta Ltd"], "address": ["Pyongyang", "12 Tverskaya St, Moscow"]})
    )
    assert (out["disposition"] == "clear").all()
    hit = screener.screen(
        pd.DataFrame({"name": ["Gamma Ltd"], "address": ["79 Sadovnicheskaya ul., Moscow 115035"]})
    ).iloc[0]
    assert hit["disposition"] == "review" and hit["top_match_name"] == "SME BANK"


def test_a_letterless_name_is_screened_by_its_address_only(screener: Screener) -> None:
    frame = pd.DataFrame(
        {
            "name": ["=1+2"],
            "country": ["HK"],
            "address": ["Flat 2309 23/F Ho King Commercial Centre 2-16 Fa Yuen St"],
        }
    )
    row = screener.screen(frame).iloc[0]
    assert row["disposition"] == "review" and row["top_match_alias_type"] == "address"
    assert "'=1+2' has no letter" in row["screen_notes"] and "screened by address only" in row["screen_notes"]
