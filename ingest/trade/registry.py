"""Canonical companies, ownership and officers → trade tables (validated before anything is written)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from graph.addresses import address_ids, full_address
from graph.ids import byname_company_id, person_id
from ingest.normalize.values import parse_shares
from ingest.trade.common import (
    Canonical,
    lenient_country,
    required_text,
    resolve_company_ids,
    strict_country,
    strict_dates,
)
from ingest.trade.reader import fail_on

COMPANY_COLUMNS = (
    "company_id",
    "name",
    "aliases",
    "country",
    "address",
    "city",
    "postal_code",
    "incorporation_date",
    "registration_id",
    "lei",
    "tax_id",
    "business_type",
    "website",
    "email",
    "phone",
    "source",
)
COMPANY_REQUIRED = ("name", "country")
OWNERSHIP_COLUMNS = (
    "owner_id",
    "owner_name",
    "owner_country",
    "owned_id",
    "owned_name",
    "share_pct",
    "as_of",
    "source",
    "relationship",
    "start_date",
    "end_date",
    "status",
)
#: An ownership row's ``status``: ``inactive`` is a stake or consolidation that no longer holds
#: (GLEIF ``RelationshipStatus`` INACTIVE); empty means not stated (current unless ``end_date``
#: has passed).
OWNERSHIP_STATUSES = ("active", "inactive")
OWNERSHIP_REQUIRED: tuple[str, ...] = ()  # share_pct may be unknown (GLEIF consolidation)
OFFICER_COLUMNS = (
    "person_name",
    "person_country",
    "company_id",
    "company_name",
    "role",
    "start_date",
    "end_date",
)
OFFICER_REQUIRED = ("person_name",)


def companies(path: Path, frame: pd.DataFrame, source: str, today: dt.date) -> Canonical:
    for col in COMPANY_REQUIRED:
        required_text(path, frame, col)
    country = strict_country(path, frame["country"], "country")
    inc = strict_dates(path, frame["incorporation_date"], "incorporation_date", today)
    src = frame["source"].where(frame["source"] != "", source)
    has_id = frame["company_id"] != ""
    out = Canonical("companies", path, len(frame), {})
    node = ("co:" + src + ":" + frame["company_id"]).where(has_id, None)
    if (~has_id).any():
        node[~has_id] = [
            byname_company_id(n, c) for n, c in zip(frame["name"][~has_id], country[~has_id], strict=True)
        ]
    dup = node.duplicated(keep="last")
    out.warn(dup, "company_id", "duplicate company id in file; the last row is kept")
    line = full_address(frame["address"], frame["city"], frame["postal_code"])
    table = frame.drop(columns=["source"]).assign(
        node_id=node,
        source=src,
        country=country,
        incorporation_date=inc,
        aliases=frame["aliases"].map(lambda v: sorted({a.strip() for a in v.split(";") if a.strip()})),
        address_id=address_ids(line.where(line != "", None), country),
    )
    out.tables["companies"] = table[~dup]
    return out


def ownership(path: Path, frame: pd.DataFrame, source: str, known: pd.DataFrame, today: dt.date) -> Canonical:
    for side in ("owner", "owned"):
        fail_on(
            path,
            (frame[f"{side}_id"] == "") & (frame[f"{side}_name"] == ""),
            f"{side}_id",
            f"each row names the {side} by {side}_id or {side}_name",
        )
    pct, bad = parse_shares(frame["share_pct"].where(frame["share_pct"] != "", None))
    fail_on(path, bad, "share_pct", "share must be a number from 0 to 100", frame["share_pct"])
    out = Canonical("ownership", path, len(frame), {})
    as_of = strict_dates(path, frame["as_of"], "as_of", today)
    # a start in the future is an announced stake (GLEIF publishes relationship periods that begin
    # later): it loads, stays out of every ownership rule until it begins (graph.holdings: "not
    # begun"), and the file's warnings name it; only an impossible date refuses the file
    start = strict_dates(path, frame["start_date"], "start_date", dt.date.max)
    end = strict_dates(path, frame["end_date"], "end_date", dt.date.max)
    out.warn(
        start.notna() & (start.astype(str) > today.isoformat()),
        "start_date",
        f"start_date is after today ({today}): kept, counted only from that day",
    )
    # a registry record with its end before its start is loaded as published, with a warning
    out.warn(
        start.notna() & end.notna() & (end.astype(str) < start.astype(str)),
        "end_date",
        "end_date is before start_date",
    )
    status = frame["status"].str.strip().str.lower()
    fail_on(
        path,
        (status != "") & ~status.isin(OWNERSHIP_STATUSES),
        "status",
        "status must be empty, active or inactive",
        frame["status"],
    )
    owner_c = lenient_country(out, frame["owner_country"], "owner_country")
    owner = resolve_company_ids(frame["owner_id"], frame["owner_name"], owner_c, known, source)
    owned = resolve_company_ids(
        frame["owned_id"], frame["owned_name"], pd.Series([None] * len(frame)), known, source
    )
    fail_on(path, owner == owned, "owned_id", "a company cannot own itself")
    table = pd.DataFrame(
        {
            "owner_node_id": owner,
            "owner_name": frame["owner_name"],
            "owner_country": owner_c,
            "owned_node_id": owned,
            "owned_name": frame["owned_name"],
            "share_pct": pct,
            "as_of": as_of,
            "source": frame["source"].where(frame["source"] != "", path.name),
            "relationship": frame["relationship"].where(frame["relationship"] != "", "shareholder"),
            "start_date": start,
            "end_date": end,
            "status": status.where(status != "", None),
        }
    )
    # Stakes held in one company beyond 100 % are loaded (registries lag) but reported.
    total = table.groupby("owned_node_id")["share_pct"].transform("sum")
    over = total > 100.0 + 1e-6
    out.warn(
        over,
        "share_pct",
        "stakes in "
        + table["owned_node_id"].astype(str)
        + " sum to "
        + total.round(2).astype(str)
        + " % (> 100 %)",
    )
    out.tables["ownership"] = table
    return out


def officers(path: Path, frame: pd.DataFrame, source: str, known: pd.DataFrame, today: dt.date) -> Canonical:
    for col in OFFICER_REQUIRED:
        required_text(path, frame, col)
    fail_on(
        path,
        (frame["company_id"] == "") & (frame["company_name"] == ""),
        "company_id",
        "each row names the company by company_id or company_name",
    )
    out = Canonical("officers", path, len(frame), {})
    country = lenient_country(out, frame["person_country"], "person_country")
    # an officer's start stays refused in the future: officer links carry no period rule of their
    # own (graph.holdings reads OWNS only), so a future appointment would count from today
    start = strict_dates(path, frame["start_date"], "start_date", today)
    end = strict_dates(path, frame["end_date"], "end_date", dt.date.max)
    fail_on(
        path,
        start.notna() & end.notna() & (end.astype(str) < start.astype(str)),
        "end_date",
        "end_date is before start_date",
    )
    company = resolve_company_ids(
        frame["company_id"], frame["company_name"], pd.Series([None] * len(frame)), known, source
    )
    people = list(zip(frame["person_name"].tolist(), country.tolist(), strict=True))
    distinct = {k: person_id(*k) for k in dict.fromkeys(people)}
    out.tables["officers"] = pd.DataFrame(
        {
            "person_node_id": [distinct[k] for k in people],
            "person_name": frame["person_name"],
            "person_country": country,
            "company_node_id": company,
            "role": frame["role"].where(frame["role"] != "", "officer"),
            "start_date": start,
            "end_date": end,
            "source": path.name,
        }
    )
    return out
