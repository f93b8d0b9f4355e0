"""Canonical shipments (bills of lading) → ``parties`` and ``shipments`` tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from graph.addresses import address_ids
from graph.tables.trade import TRADE_SPELLINGS
from ingest.normalize.hs import normalise_hs
from ingest.normalize.parties import party_ids
from ingest.normalize.values import parse_numbers
from ingest.trade.common import Canonical, lenient_country, required_text, strict_dates
from ingest.trade.reader import fail_on

#: A party row's key then the columns one party may spell several ways (``TRADE_SPELLINGS``).
SPELLING = ["party_id", *TRADE_SPELLINGS["parties"]]

SHIPMENT_COLUMNS = (
    "shipment_id",
    "date",
    "shipper_name",
    "shipper_address",
    "shipper_country",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "notify_name",
    "notify_address",
    "notify_country",
    "hs_code",
    "description",
    "manufacturer",
    "origin_country",
    "dispatch_country",
    "destination_country",
    "port_of_loading",
    "port_of_discharge",
    "value_usd",
    "quantity",
    "weight_kg",
    "incoterms",
)
SHIPMENT_REQUIRED = ("shipment_id", "date", "shipper_name", "consignee_name")
ROLES = ("shipper", "consignee", "notify")


def shipments(path: Path, frame: pd.DataFrame, today: dt.date) -> Canonical:
    for col in SHIPMENT_REQUIRED:
        required_text(path, frame, col)
    date = strict_dates(path, frame["date"], "date", today)
    numbers = {}
    for col in ("value_usd", "quantity", "weight_kg"):
        values, bad = parse_numbers(frame[col].where(frame[col] != "", None))
        fail_on(path, bad, col, "not a number", frame[col])
        fail_on(path, values < 0, col, "must not be negative", frame[col])
        numbers[col] = values
    out = Canonical("shipments", path, len(frame), {})

    # Duplicate ids: identical rows are one shipment; differing rows keep the last, with a warning.
    dup_any = frame["shipment_id"].duplicated(keep="last")
    if dup_any.any():  # whole-row comparison only among rows whose id repeats
        repeated = frame["shipment_id"].duplicated(keep=False)
        identical = pd.Series(False, index=frame.index)
        identical[repeated] = frame[repeated].duplicated(keep="last")
        out.warn(
            dup_any & ~identical, "shipment_id", "duplicate shipment id with different content; last row kept"
        )

    hs = normalise_hs(frame["hs_code"].where(frame["hs_code"] != "", None))
    out.warn(
        hs.unknown,
        "hs_code",
        lambda rows: "unknown HS code " + frame["hs_code"][rows].astype(str) + "; loaded without HS",
    )
    countries = {
        c: lenient_country(out, frame[c], c)
        for c in (
            "shipper_country",
            "consignee_country",
            "notify_country",
            "origin_country",
            "dispatch_country",
            "destination_country",
        )
    }

    # One id computation for all three roles: a party that ships and receives is hashed once.
    names = pd.concat([frame[f"{r}_name"] for r in ROLES], ignore_index=True)
    addrs = pd.concat([frame[f"{r}_address"] for r in ROLES], ignore_index=True)
    where = pd.concat([countries[f"{r}_country"] for r in ROLES], ignore_index=True)
    every_id = party_ids(names.where(names != "", None), addrs, where).to_numpy()
    parties = []
    ids = {}
    for k, role in enumerate(ROLES):
        name = frame[f"{role}_name"]
        addr = frame[f"{role}_address"]
        country = countries[f"{role}_country"]
        ids[role] = pd.Series(
            every_id[k * len(frame) : (k + 1) * len(frame)], index=frame.index, dtype="object"
        )
        part = pd.DataFrame({"party_id": ids[role], "name": name, "address": addr, "country": country})
        parties.append(part[part["party_id"].notna()].drop_duplicates(SPELLING))
    # One row per party: its spellings differ only in case and punctuation (they share the id);
    # the first in order is kept, not the first row of the file, so row order does not choose it
    party_table = (
        pd.concat(parties, ignore_index=True)
        .drop_duplicates(SPELLING)
        .sort_values(SPELLING, kind="stable")
        .drop_duplicates("party_id")
    )
    party_table["address_id"] = address_ids(
        party_table["address"].where(party_table["address"] != "", None), party_table["country"]
    ).to_numpy()

    keep = ~dup_any
    table = pd.DataFrame(
        {
            "shipment_id": frame["shipment_id"],
            "node_id": "ship:" + frame["shipment_id"],
            "date": date,
            "shipper_party_id": ids["shipper"],
            "consignee_party_id": ids["consignee"],
            "notify_party_id": ids["notify"],
            "hs_code": hs.hs_code,
            "hs6": hs.hs6,
            "chpl_tier": hs.chpl_tier,
            "description": frame["description"],
            "manufacturer": frame["manufacturer"],
            "origin_country": countries["origin_country"],
            "dispatch_country": countries["dispatch_country"],
            "destination_country": countries["destination_country"],
            "port_of_loading": frame["port_of_loading"],
            "port_of_discharge": frame["port_of_discharge"],
            **numbers,
            "incoterms": frame["incoterms"].str.upper(),
            "source": path.name,
        }
    )
    out.tables["shipments"] = table[keep.to_numpy()]
    out.tables["parties"] = party_table
    return out
