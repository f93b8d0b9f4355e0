"""Small record builders shared by the planted schemes (per-scheme Python is fine: schemes
are hundreds, the bulk of the world is built vectorised elsewhere)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ingest.synthetic import vocab
from ingest.synthetic.companies import make_companies, person_names


@dataclass
class SchemeBuilder:
    rng: np.random.Generator
    next_company: int
    companies: list[dict[str, Any]] = field(default_factory=list)
    ownership: list[dict[str, Any]] = field(default_factory=list)
    officers: list[dict[str, Any]] = field(default_factory=list)
    shipments: list[dict[str, Any]] = field(default_factory=list)
    schemes: list[dict[str, Any]] = field(default_factory=list)
    _pool: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    _refills: dict[str, int] = field(default_factory=dict)

    # -- companies -------------------------------------------------------------------------
    def company(self, role: str, country: str, **overrides: Any) -> dict[str, Any]:
        inc = overrides.pop("inc_range", ("1990-01-01", "2018-12-31"))
        key = (role, country)
        if not self._pool.get((role, country)):
            # One vectorised call fills the pool of a role for every country at once: per-call
            # pandas overhead, not row count, is what costs here.
            # The pool doubles on each refill of a role (32, 64, … per country), so a big world
            # with hundreds of schemes refills a few times, not thousands.
            refills = self._refills.get(role, 0)
            self._refills[role] = refills + 1
            per_country = 32 * 2 ** min(refills, 6)
            codes = sorted(vocab.COUNTRIES)
            batch = make_companies(self.rng, role, np.repeat(np.array(codes, dtype=object), per_country), 0)
            for code, rows in batch.groupby("country", sort=True):
                records = [{str(k): v for k, v in r.items()} for r in rows.to_dict("records")]
                self._pool[(role, str(code))] = records[::-1]
        record = self._pool[key].pop()
        record["incorporation_date"] = self.date_between(*inc)
        record.update(overrides)
        record["company_id"] = f"SYS{self.next_company:07d}"
        record["role"] = "scheme"
        self.next_company += 1
        self.companies.append(record)
        return dict(record)

    def officer(self, person: str, country: str, company: dict[str, Any], role: str = "director") -> None:
        self.officers.append(
            {
                "person_name": person,
                "person_country": country,
                "company_id": company["company_id"],
                "company_name": company["name"],
                "role": role,
                "start_date": company["incorporation_date"],
                "end_date": "",
            }
        )

    def person(self) -> str:
        return str(person_names(self.rng, 1).iloc[0])

    def owns(
        self,
        owner: dict[str, Any] | tuple[str, str],
        owned: dict[str, Any],
        pct: float,
        as_of: str = "2024-01-01",
    ) -> None:
        """``owner`` is a company record, or (name, country) for a party known only by name."""
        if isinstance(owner, tuple):
            owner_id, owner_name, owner_country = "", owner[0], owner[1]
        else:
            owner_id, owner_name, owner_country = owner["company_id"], owner["name"], owner["country"]
        self.ownership.append(
            {
                "owner_id": owner_id,
                "owner_name": owner_name,
                "owner_country": owner_country,
                "owned_id": owned["company_id"],
                "owned_name": owned["name"],
                "share_pct": round(pct, 2),
                "as_of": as_of,
                "source": "synthetic registry extract",
            }
        )

    # -- shipments -------------------------------------------------------------------------
    def ship(
        self,
        shipper: dict[str, Any],
        consignee: dict[str, Any],
        date: str,
        hs: str,
        qty: int,
        *,
        notify: dict[str, Any] | None = None,
        manufacturer: str = "",
        origin: str | None = None,
    ) -> str:
        shipment_id = f"SX{len(self.shipments):07d}"
        hs4 = hs.replace(".", "")[:4]
        value = round(qty * vocab.UNIT_VALUE.get(hs4, 10.0) * float(self.rng.lognormal(0.0, 0.2)), 2)
        row: dict[str, Any] = {"shipment_id": shipment_id, "date": date}
        for role, party in (("shipper", shipper), ("consignee", consignee), ("notify", notify)):
            row[f"{role}_name"] = party["bol_name"] if party else ""
            row[f"{role}_address"] = party["bol_address"] if party else ""
            row[f"{role}_country"] = party["bol_country"] if party else ""
        row.update(
            {
                "hs_code": hs,
                "description": vocab.DESCRIPTIONS.get(hs4, "GOODS"),
                "manufacturer": manufacturer,
                "origin_country": origin or shipper["country"],
                "dispatch_country": shipper["country"],
                "destination_country": consignee["country"],
                "port_of_loading": self._port(shipper["country"]),
                "port_of_discharge": self._port(consignee["country"]),
                "value_usd": value,
                "quantity": qty,
                "weight_kg": round(qty * 0.002 + 1.0, 1),
                "incoterms": str(self.rng.choice(vocab.INCOTERMS)),
            }
        )
        self.shipments.append(row)
        return shipment_id

    def _port(self, country: str) -> str:
        return str(self.rng.choice(vocab.PORTS.get(country, ("UNKNOWN",))))

    def date_between(self, start: str, end: str) -> str:
        lo, hi = dt.date.fromisoformat(start).toordinal(), dt.date.fromisoformat(end).toordinal()
        return dt.date.fromordinal(int(self.rng.integers(lo, hi + 1))).isoformat()

    def pick(self, options: Any) -> Any:
        return options[int(self.rng.integers(0, len(options)))]


def as_party(company: dict[str, Any], *, upper: bool = True) -> dict[str, Any]:
    """A company as written on a bill of lading (name, one-line address, country)."""
    address = ", ".join(part for part in (company["address"], company.get("city")) if part)
    if company.get("postal_code"):
        address += f" {company['postal_code']}"
    return {
        **company,
        "bol_name": company["name"].upper() if upper else company["name"],
        "bol_address": address,
        "bol_country": company["country"],
    }


def party_ref(party: dict[str, Any], role: str, **extra: Any) -> dict[str, Any]:
    """A ground-truth party entry (``party_id`` is filled in once the world is assembled)."""
    ref = {
        "role": role,
        "company_id": party.get("company_id") or None,
        "node_id": f"co:synthetic:{party['company_id']}" if party.get("company_id") else None,
        "name": party.get("name"),
        "name_as_written": party.get("bol_name"),
        "address_as_written": party.get("bol_address"),
        "country": party.get("country"),
    }
    ref.update(extra)
    return ref
