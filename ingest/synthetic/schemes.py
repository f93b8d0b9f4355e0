"""Planted diversion schemes, one function per typology in DOMAIN.md.

Each returns nothing and appends companies/ownership/officers/shipments to the builder plus
one ground-truth scheme record: id, typology, parties, path (supplier → end), shipments, flags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd

from ingest.synthetic import vocab
from ingest.synthetic.builder import SchemeBuilder, as_party, party_ref
from ingest.synthetic.listed import clerk_address, clerk_variant, load_han_aliases, to_cyrillic
from ingest.synthetic.typologies import PlantedFlag as F
from ingest.synthetic.typologies import Typology as T

TIER1 = ("8542.31.0000", "8542.32.0071", "854231", "8542.39.0090")
ADVANCED = ("8542.31.0000", "8471.50.0150", "8471.80.1000")


class Context:
    """What every scheme draws on: the builder, legitimate suppliers and the listed pool."""

    def __init__(self, builder: SchemeBuilder, legit: pd.DataFrame, listed: pd.DataFrame):
        self.b = builder
        self.suppliers = legit[legit["role"].isin(["maker", "distributor"])].reset_index(drop=True)
        self.listed = listed
        self._listed_cursor = 0
        self._pools: dict[tuple[tuple[str, ...] | None, tuple[str, ...] | None], pd.DataFrame] = {}
        self._street: pd.DataFrame | None = None
        self.count = 0

    def supplier(self) -> dict[str, Any]:
        row = self.suppliers.iloc[int(self.b.rng.integers(0, len(self.suppliers)))]
        return as_party(dict(row), upper=bool(self.b.rng.random() < 0.5))

    def listed_party(
        self, countries: tuple[str, ...] | None = None, sources: tuple[str, ...] | None = None
    ) -> dict[str, Any]:
        key = (countries, sources)
        pool = self._pools.get(key)
        if pool is None:  # filtered once per (countries, sources), not once per scheme
            pool = self.listed
            if countries:
                pool = pool[pool["country"].isin(countries)]
            if sources:
                pool = pool[pool["list_source"].isin(sources)]
            self._pools[key] = pool
        row = pool.iloc[self._listed_cursor % len(pool)]
        self._listed_cursor += 1 + int(self.b.rng.integers(0, 7))
        return dict(row)

    def planted(self, typology: T) -> int:
        """How many schemes of ``typology`` are already planted (to rotate variants evenly)."""
        return sum(1 for s in self.b.schemes if s["typology"] == typology.value)

    def street_addresses(self) -> pd.DataFrame:
        """Listed parties with a street address (a number in it) in a country the world knows."""
        if self._street is None:
            listed = self.listed
            self._street = listed[
                listed["address"].str.contains(r"\d", na=False)
                & listed["country"].isin(list(vocab.COUNTRIES))
            ]
        return self._street

    def end_user(self, country: str | None = None) -> dict[str, Any]:
        country = country or self.b.pick(vocab.RESTRICTED)
        return as_party(self.b.company("enduser", country))

    def record(
        self,
        typology: T,
        parties: list[dict[str, Any]],
        path: list[dict[str, Any]],
        shipments: list[str],
        flags: list[F],
        **extra: Any,
    ) -> None:
        self.count += 1
        self.b.schemes.append(
            {
                "scheme_id": f"S{self.count:05d}",
                "typology": typology.value,
                "parties": parties,
                "path": [p.get("node_id") or p.get("party_key") for p in path],
                "path_parties": path,
                "shipment_ids": shipments,
                "flags": sorted(f.value for f in flags),
                **extra,
            }
        )


def _hub_company(ctx: Context, role: str, hub: str, *, new: bool, **overrides: Any) -> dict[str, Any]:
    inc = ("2022-03-01", "2024-12-31") if new else ("2008-01-01", "2019-12-31")
    return as_party(ctx.b.company(role, hub, inc_range=inc, **overrides))


def shell_cluster(ctx: Context) -> None:
    b = ctx.b
    hub = b.pick(("HK", "HK", "AE", "TR", "KZ", "AM"))
    prof = vocab.COUNTRIES[hub]
    address = (
        f"Room {b.rng.integers(1, 30)}0{b.rng.integers(1, 9)}, {b.rng.integers(1, 30)}/F, "
        f"{b.rng.integers(1, 300)} {b.pick(prof['streets'])}"
    )
    city = b.pick(prof["cities"])
    nominee = b.person()
    foreign_prefix = "+7" if hub != "KZ" else "+86"
    members = []
    for _ in range(int(b.rng.integers(6, 13))):
        member = _hub_company(
            ctx,
            "trader",
            hub,
            new=True,
            address=address,
            city=city,
            postal_code="",
            website="",
            email=f"{b.pick(('sales', 'trade', 'office'))}{b.rng.integers(10, 999)}@{b.pick(vocab.FREEMAIL)}",
            phone=f"{foreign_prefix} {b.rng.integers(10**9, 10**10)}",
            business_type="trading",
        )
        b.officer(nominee, hub, member)
        members.append(member)
    supplier, end = ctx.supplier(), ctx.end_user(b.pick(("RU", "RU", "BY")))
    ships, routed = [], members[:2]
    for member in routed:
        for _ in range(int(b.rng.integers(2, 5))):
            d = b.date_between("2023-01-01", "2026-06-30")
            hs = b.pick(TIER1)
            qty = int(b.rng.integers(500, 20000))
            ships.append(b.ship(supplier, member, d, hs, qty, manufacturer=supplier["name"]))
            ships.append(
                b.ship(
                    member,
                    end,
                    b.date_between(d, min("2026-09-30", _plus(d, 60))),
                    hs,
                    qty,
                    origin=supplier["country"],
                )
            )
    parties = (
        [party_ref(supplier, "supplier")]
        + [party_ref(m, "shell") for m in members]
        + [party_ref(end, "end_user")]
    )
    ctx.record(
        T.SHELL_CLUSTER,
        parties,
        [party_ref(supplier, "supplier"), party_ref(routed[0], "shell"), party_ref(end, "end_user")],
        ships,
        [
            F.MASS_REGISTRATION_ADDRESS,
            F.SHARED_OFFICER,
            F.NEW_COMPANY_CHPL,
            F.FREEMAIL_OR_NO_WEB,
            F.PHONE_COUNTRY_MISMATCH,
            F.TRANSSHIPMENT_ROUTE,
        ],
        shared_address={"address": address, "city": city, "country": hub},
        shared_officer=nominee,
    )


def _plus(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def new_company_chpl(ctx: Context) -> None:
    b = ctx.b
    buyer = _hub_company(ctx, "distributor", b.pick(vocab.HUBS), new=True)
    supplier = ctx.supplier()
    ships = [
        b.ship(
            supplier,
            buyer,
            b.date_between(max(buyer["incorporation_date"], "2022-10-08"), "2026-09-30"),
            # the first purchase is always CHPL tier 1 (integrated circuits); later ones any advanced item
            b.pick(TIER1) if i == 0 else b.pick(ADVANCED),
            int(b.rng.integers(200, 5000)),
            manufacturer=supplier["name"],
        )
        for i in range(int(b.rng.integers(2, 6)))
    ]
    ctx.record(
        T.NEW_COMPANY_CHPL,
        [party_ref(supplier, "supplier"), party_ref(buyer, "buyer")],
        [party_ref(supplier, "supplier"), party_ref(buyer, "buyer")],
        ships,
        [F.NEW_COMPANY_CHPL, F.POST_CONTROL_BUYER],
    )


def forwarder_consignee(ctx: Context) -> None:
    b = ctx.b
    fwd = _hub_company(
        ctx,
        "logistics",
        b.pick(vocab.HUBS),
        new=bool(b.rng.random() < 0.5),
        business_type="freight forwarder",
    )
    supplier = ctx.supplier()
    ships = []
    path = [party_ref(supplier, "supplier"), party_ref(fwd, "forwarder")]
    flags = [F.FORWARDER_CONSIGNEE]
    for _ in range(int(b.rng.integers(2, 5))):
        ships.append(
            b.ship(
                supplier,
                fwd,
                b.date_between("2022-11-01", "2026-06-30"),
                b.pick(TIER1),
                int(b.rng.integers(100, 8000)),
                manufacturer=supplier["name"],
            )
        )
    if b.rng.random() < 0.5:
        end = ctx.end_user()
        ships.append(
            b.ship(
                fwd,
                end,
                b.date_between("2023-01-01", "2026-09-30"),
                b.pick(TIER1),
                int(b.rng.integers(100, 8000)),
                origin=supplier["country"],
            )
        )
        path.append(party_ref(end, "end_user"))
        flags.append(F.TRANSSHIPMENT_ROUTE)
    if fwd["incorporation_date"] > "2022-02-24":
        flags.append(F.NEW_COMPANY_CHPL)
    ctx.record(T.FORWARDER_CONSIGNEE, path, path, ships, flags)


def pass_through(ctx: Context) -> None:
    b = ctx.b
    hub = _hub_company(ctx, "distributor", b.pick(vocab.HUBS), new=False)
    # Destinations rotate, so any world with five or more of these schemes reaches all of them.
    destination = vocab.RESTRICTED[ctx.planted(T.PASS_THROUGH) % len(vocab.RESTRICTED)]
    supplier, end = ctx.supplier(), ctx.end_user(destination)
    ships, legs = [], []
    for _ in range(int(b.rng.integers(2, 5))):
        d_in = b.date_between("2022-06-01", "2026-05-31")
        hs = b.pick((*TIER1, "8471.50.0150"))
        qty = int(b.rng.integers(500, 50000))
        lag = int(b.rng.integers(7, 90))
        qty_out = int(qty * float(b.rng.uniform(0.9, 1.0)))
        ship_in = b.ship(supplier, hub, d_in, hs, qty, manufacturer=supplier["name"])
        ship_out = b.ship(hub, end, _plus(d_in, lag), hs, qty_out, origin=supplier["country"])
        ships += [ship_in, ship_out]
        legs.append(
            {
                "import": ship_in,
                "export": ship_out,
                "days": lag,
                "hs_code": hs,
                "quantity_in": qty,
                "quantity_out": qty_out,
            }
        )
    path = [party_ref(supplier, "supplier"), party_ref(hub, "hub"), party_ref(end, "end_user")]
    ctx.record(T.PASS_THROUGH, path, path, ships, [F.PASS_THROUGH_REEXPORT, F.TRANSSHIPMENT_ROUTE], legs=legs)


def listed_ownership(ctx: Context) -> None:
    b = ctx.b
    sources = ("US_SDN",) if b.rng.random() < 0.5 else ("US_EL",)
    regimes = ["OFAC"] if sources == ("US_SDN",) else ["BIS_AFFILIATES"]
    l1 = ctx.listed_party(("RU", "CN", "IR", "BY", "HK", "AE"), sources)
    target = _hub_company(ctx, "distributor", b.pick(vocab.HUBS), new=False)
    supplier = ctx.supplier()
    owners = [
        party_ref(
            {"name": l1["name"], "country": l1["country"]},
            "listed_owner",
            list_entry_id=l1["entry_id"],
            list_name=l1["name"],
        )
    ]
    if b.rng.random() < 0.5:  # two listed owners, each below 50 %, together at or above it
        l2 = ctx.listed_party(("RU", "CN", "IR", "BY", "HK", "AE"), sources)
        a = float(b.rng.integers(20, 35))
        b.owns((l1["name"], l1["country"]), target, a)
        b.owns((l2["name"], l2["country"]), target, 50.0 - a + float(b.rng.integers(0, 10)))
        owners.append(
            party_ref(
                {"name": l2["name"], "country": l2["country"]},
                "listed_owner",
                list_entry_id=l2["entry_id"],
                list_name=l2["name"],
            )
        )
        variant, intermediates = "two_listed_owners", []
    else:  # OFAC FAQ 401: X owns 50 % of A and 10 % of B; A owns 40 % of B → B is blocked
        mid = _hub_company(ctx, "trader", target["country"], new=False)
        b.owns((l1["name"], l1["country"]), mid, 50.0)
        b.owns((l1["name"], l1["country"]), target, 10.0)
        b.owns(mid, target, 40.0)
        variant, intermediates = "indirect_faq401", [party_ref(mid, "blocked_intermediate")]
    ships = [
        b.ship(
            supplier,
            target,
            b.date_between("2022-01-01", "2026-09-30"),
            b.pick(TIER1),
            int(b.rng.integers(100, 9000)),
            manufacturer=supplier["name"],
        )
        for _ in range(int(b.rng.integers(1, 4)))
    ]
    ctx.record(
        T.LISTED_OWNERSHIP,
        [*owners, *intermediates, party_ref(target, "owned"), party_ref(supplier, "supplier")],
        [party_ref(supplier, "supplier"), party_ref(target, "owned")],
        ships,
        [F.OWNED_BY_LISTED],
        variant=variant,
        regimes=regimes,
    )


def d5_parent(ctx: Context) -> None:
    b = ctx.b
    parent = as_party(b.company("oem", b.pick(("CN", "CN", "RU", "MO"))))
    mid = as_party(b.company("trader", b.pick(("HK", "NL", "SG"))))
    sub = as_party(b.company("oem", b.pick(("SG", "MY", "DE", "VN", "TH", "MX"))))
    b.owns(parent, mid, float(b.rng.integers(70, 101)))
    b.owns(mid, sub, 100.0)
    supplier = ctx.supplier()
    ships = [
        b.ship(
            supplier,
            sub,
            b.date_between("2023-01-01", "2026-09-30"),
            b.pick(ADVANCED),
            int(b.rng.integers(50, 3000)),
            manufacturer=supplier["name"],
        )
        for _ in range(int(b.rng.integers(1, 4)))
    ]
    ctx.record(
        T.D5_PARENT,
        [
            party_ref(parent, "ultimate_parent"),
            party_ref(mid, "intermediate"),
            party_ref(sub, "subsidiary"),
            party_ref(supplier, "supplier"),
        ],
        [party_ref(supplier, "supplier"), party_ref(sub, "subsidiary")],
        ships,
        [F.ULTIMATE_PARENT_D5],
        ownership_chain=[f"co:synthetic:{c['company_id']}" for c in (parent, mid, sub)],
    )


#: Every fourth listed-name scheme writes the name in Cyrillic, and another fourth in Chinese
#: script (a UN list alias), so resolution has to transliterate.
SCRIPT_ROTATION = ("latin", "cyrillic", "latin", "han")


def _listed_as_written(ctx: Context, script: str) -> tuple[dict[str, Any], str, list[str], dict[str, Any]]:
    """(listed party, name as written, clerk operations, extra ground-truth fields)."""
    b = ctx.b
    han = [a for a in load_han_aliases() if a.country in vocab.COUNTRIES]
    if script == "han" and han:
        alias = han[ctx.planted(T.LISTED_NAME_VARIANT) // len(SCRIPT_ROTATION) % len(han)]
        listed: dict[str, Any] = {
            "entry_id": alias.entry_id,
            "list_source": "UN",
            "name": alias.name,
            "country": alias.country,
            "address": alias.address,
        }
        return listed, alias.alias, ["chinese_script"], {"script": "Hani", "list_alias": alias.alias}
    if script == "cyrillic":
        listed = ctx.listed_party(("RU", "BY"), ("US_EL", "US_SDN", "US_MEU"))
        return listed, to_cyrillic(listed["name"]), ["uppercase", "cyrillic_script"], {"script": "Cyrl"}
    listed = ctx.listed_party(("RU", "CN", "IR", "BY", "HK", "AE", "TR"), ("US_EL", "US_SDN", "US_MEU"))
    written, ops = clerk_variant(listed["name"], listed["country"], b.rng)
    return listed, written, ops, {}


def listed_name_variant(ctx: Context) -> None:
    b = ctx.b
    script = SCRIPT_ROTATION[ctx.planted(T.LISTED_NAME_VARIANT) % len(SCRIPT_ROTATION)]
    listed, written, ops, extra = _listed_as_written(ctx, script)
    address = (
        clerk_address(listed["address"], b.rng)
        if b.rng.random() < 0.5
        else f"{b.pick(vocab.COUNTRIES[listed['country']]['cities'])}"
        if listed["country"] in vocab.COUNTRIES
        else listed["address"]
    )
    party = {
        "company_id": None,
        "name": listed["name"],
        "bol_name": written,
        "bol_address": address,
        "bol_country": listed["country"],
        "country": listed["country"],
    }
    supplier = ctx.supplier()
    ships = [
        b.ship(
            supplier,
            party,
            b.date_between("2019-06-01", "2026-09-30"),
            b.pick(TIER1 + ADVANCED),
            int(b.rng.integers(50, 5000)),
            manufacturer=supplier["name"],
        )
        for _ in range(int(b.rng.integers(1, 4)))
    ]
    ref = party_ref(
        party,
        "listed_consignee",
        list_entry_id=listed["entry_id"],
        list_name=listed["name"],
        variant_ops=ops,
        **extra,
    )
    ctx.record(
        T.LISTED_NAME_VARIANT,
        [party_ref(supplier, "supplier"), ref],
        [party_ref(supplier, "supplier"), ref],
        ships,
        [F.LISTED_NAME_MATCH],
    )


def address_only(ctx: Context) -> None:
    b = ctx.b
    pool = ctx.street_addresses()
    listed = dict(pool.iloc[int(b.rng.integers(0, len(pool)))])
    written = clerk_address(listed["address"], b.rng)
    front = as_party(
        b.company(
            "trader",
            listed["country"],
            address=listed["address"],
            city="",
            postal_code="",
            inc_range=("2021-01-01", "2024-12-31"),
        )
    )
    front["bol_address"] = written
    supplier = ctx.supplier()
    ships = [
        b.ship(
            supplier,
            front,
            b.date_between("2022-01-01", "2026-09-30"),
            b.pick(TIER1),
            int(b.rng.integers(50, 5000)),
            manufacturer=supplier["name"],
        )
        for _ in range(int(b.rng.integers(1, 3)))
    ]
    ref = party_ref(
        front,
        "front",
        list_entry_id=listed["entry_id"],
        list_name=listed["name"],
        list_address=listed["address"],
    )
    ctx.record(
        T.ADDRESS_ONLY,
        [party_ref(supplier, "supplier"), ref],
        [party_ref(supplier, "supplier"), ref],
        ships,
        [F.LISTED_ADDRESS_MATCH],
    )


PLANTERS: dict[T, Callable[[Context], None]] = {
    T.SHELL_CLUSTER: shell_cluster,
    T.NEW_COMPANY_CHPL: new_company_chpl,
    T.FORWARDER_CONSIGNEE: forwarder_consignee,
    T.PASS_THROUGH: pass_through,
    T.LISTED_OWNERSHIP: listed_ownership,
    T.D5_PARENT: d5_parent,
    T.LISTED_NAME_VARIANT: listed_name_variant,
    T.ADDRESS_ONLY: address_only,
}
