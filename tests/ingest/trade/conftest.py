from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chipwatch.settings import Settings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "companies"
TODAY = dt.date(2026, 11, 1)

SHIPMENT_HEADER = (
    "shipment_id,date,shipper_name,shipper_address,shipper_country,consignee_name,consignee_address,"
    "consignee_country,notify_name,notify_address,notify_country,hs_code,description,manufacturer,origin_country,"
    "dispatch_country,destination_country,port_of_loading,port_of_discharge,value_usd,quantity,weight_kg,incoterms"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(workspace=tmp_path / "ws")


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def shipment_row(
    sid: str,
    date: str = "2024-03-01",
    hs: str = "8542.31.0000",
    shipper: str = "ACME SEMI INC",
    consignee: str = "FAR EAST TRADING LTD",
    value: str = "1000",
    qty: str = "10",
) -> str:
    return (
        f'{sid},{date},{shipper},"1 Main Street, San Jose 95110",USA,{consignee},'
        f'"Flat 5, 12 Nathan Road, Kowloon",HONG KONG,,,,{hs},INTEGRATED CIRCUITS,Acme,US,US,HK,'
        f"Los Angeles,Hong Kong,{value},{qty},1.5,FOB"
    )


class TradeHelpers:
    header = SHIPMENT_HEADER
    today = TODAY
    row = staticmethod(shipment_row)

    @staticmethod
    def csv(*rows: str) -> str:
        return "\n".join([SHIPMENT_HEADER, *rows]) + "\n"


@pytest.fixture
def th() -> TradeHelpers:
    return TradeHelpers()
