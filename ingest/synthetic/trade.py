"""Vectorised legitimate shipments: makers → distributors → OEMs, and general trade."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pycountry

from ingest.synthetic import vocab
from ingest.synthetic.companies import random_dates

FIRST_DAY, LAST_DAY = "2019-01-01", "2026-09-30"
#: Kilograms per unit by HS-4 (rough, for plausible weights).
UNIT_WEIGHT = {
    "8542": 0.002,
    "8541": 0.001,
    "8532": 0.0005,
    "8536": 0.05,
    "8504": 0.8,
    "8534": 0.1,
    "8517": 3.0,
    "8548": 0.01,
    "8471": 12.0,
    "8486": 2500.0,
    "9030": 8.0,
    "9031": 900.0,
    "9403": 25.0,
    "6203": 0.5,
    "8708": 2.0,
    "3926": 0.2,
    "7326": 0.4,
    "8415": 40.0,
    "8516": 15.0,
    "4202": 0.6,
}
_ALPHA3 = {c: pycountry.countries.get(alpha_2=c).alpha_3 for c in vocab.COUNTRIES}  # type: ignore[union-attr]


_CODES = np.array(sorted(vocab.COUNTRIES), dtype=object)
#: Column 0 ISO-2, 1 the name clerks write, 2 ISO-3 — one row per country in ``_CODES``.
_WRITTEN = np.array([[c, vocab.COUNTRIES[c]["name"], _ALPHA3[c]] for c in _CODES], dtype=object)


def written_country(rng: np.random.Generator, iso2: np.ndarray) -> np.ndarray:
    """Countries as clerks write them: ISO-2, a name, or ISO-3 (ingest must normalise all)."""
    row = np.searchsorted(_CODES, np.asarray(iso2, dtype=object))
    draw = rng.random(len(row))
    col = np.where(draw < 0.5, 0, np.where(draw < 0.85, 1, 2))
    return _WRITTEN[row, col]


def bol_fields(companies: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Per company: name, one-line address and country as written on a bill of lading."""
    upper = rng.random(len(companies)) < 0.5
    name = companies["name"].where(~upper, companies["name"].str.upper())
    address = companies["address"] + ", " + companies["city"]
    address = address.where(companies["postal_code"] == "", address + " " + companies["postal_code"])
    return pd.DataFrame(
        {"name": name.to_numpy(), "address": address.to_numpy(), "country": companies["country"].to_numpy()}
    )


def description_for(hs: pd.Series) -> np.ndarray:
    return _per_code(hs, vocab.DESCRIPTIONS, "GOODS")  # type: ignore[arg-type]


def _per_code(hs: pd.Series, table: dict[str, object], default: object) -> np.ndarray:
    """Look a per-HS-4 table up once per distinct code (a million rows hold a few dozen codes)."""
    codes, uniques = pd.factorize(hs)
    values = np.array(
        [table.get(str(u).replace(".", "")[:4], default) for u in uniques] + [default], dtype=object
    )
    return values[codes]


def price_goods(rng: np.random.Generator, hs: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(quantity, value_usd, weight_kg) for HS codes, lognormal around a per-HS-4 unit value."""
    unit = _per_code(hs, vocab.UNIT_VALUE, 10.0).astype(float)  # type: ignore[arg-type]
    weight = _per_code(hs, UNIT_WEIGHT, 1.0).astype(float)  # type: ignore[arg-type]
    big = unit > 5000
    qty = np.where(big, rng.integers(1, 6, len(hs)), np.round(rng.lognormal(6.5, 1.2, len(hs))) + 1)
    value = np.round(qty * unit * rng.lognormal(0.0, 0.25, len(hs)), 2)
    kg = np.round(qty * weight * rng.lognormal(0.0, 0.1, len(hs)) + 0.5, 1)
    return qty.astype(np.int64), value, kg


def _pick(rng: np.random.Generator, options: tuple[str, ...], n: int) -> np.ndarray:
    return np.asarray(options, dtype=object)[rng.integers(0, len(options), n)]


def _pairs(rng: np.random.Generator, buyers: np.ndarray, sellers: np.ndarray, per: int) -> np.ndarray:
    if len(buyers) == 0 or len(sellers) == 0:
        return np.empty((0, 2), dtype=np.int64)
    chosen = sellers[rng.integers(0, len(sellers), (len(buyers), per))]
    out = np.column_stack([chosen.ravel(), np.repeat(buyers, per)])
    return out[out[:, 0] != out[:, 1]]


def legit_shipments(rng: np.random.Generator, companies: pd.DataFrame, count: int) -> pd.DataFrame:
    """``count`` shipments among legitimate companies (roles in ``companies["role"]``)."""
    role = companies["role"].to_numpy()
    idx = {r: np.flatnonzero(role == r) for r in ("maker", "distributor", "oem", "trader", "logistics")}
    kinds = [
        (_pairs(rng, idx["distributor"], idx["maker"], 2), 0),
        (_pairs(rng, idx["oem"], idx["distributor"], 2), 1),
        (_pairs(rng, idx["oem"][rng.random(len(idx["oem"])) < 0.2], idx["maker"], 1), 2),
        (_pairs(rng, idx["trader"], np.concatenate([idx["trader"], idx["oem"]]), 2), 3),
    ]
    pairs = np.concatenate([k[0] for k in kinds])
    kind = np.concatenate([np.full(len(k[0]), k[1]) for k in kinds])
    weights = rng.lognormal(0.0, 1.0, len(pairs))
    pick = rng.choice(len(pairs), size=count, p=weights / weights.sum())
    shipper, consignee, k = pairs[pick, 0], pairs[pick, 1], kind[pick]

    pools = {
        0: (vocab.CHIP_CODES, vocab.COMPONENT_CODES, vocab.EQUIPMENT_CODES),
        1: (vocab.CHIP_CODES, vocab.COMPONENT_CODES, vocab.COMPUTE_CODES),
        2: (vocab.CHIP_CODES, vocab.COMPONENT_CODES, vocab.COMPUTE_CODES),
        3: (vocab.OTHER_CODES, vocab.OTHER_CODES, vocab.COMPONENT_CODES),
    }
    hs = np.empty(count, dtype=object)
    draw = rng.random(count)
    for kind_code, (a, b, c) in pools.items():
        m = k == kind_code
        n = int(m.sum())
        hs[m] = np.where(
            draw[m] < 0.5, _pick(rng, a, n), np.where(draw[m] < 0.85, _pick(rng, b, n), _pick(rng, c, n))
        )
    hs_s = pd.Series(hs, dtype=object)
    qty, value, kg = price_goods(rng, hs_s)

    bol = bol_fields(companies, rng)
    # The distributor's first supplier is the brand on its goods; makers ship their own brand.
    first_maker = pd.Series(kinds[0][0][:, 0], index=kinds[0][0][:, 1])
    first_maker = first_maker[~first_maker.index.duplicated()]
    brand_idx = np.where(
        np.isin(k, [0, 2]),
        shipper,
        pd.Series(shipper).map(first_maker).fillna(-1).astype(np.int64).to_numpy(),
    )
    names = companies["name"].to_numpy()
    manufacturer = np.where((brand_idx >= 0) & (k != 3), names[np.clip(brand_idx, 0, None)], "")
    ctry = companies["country"].to_numpy()
    origin = np.where(brand_idx >= 0, ctry[np.clip(brand_idx, 0, None)], ctry[shipper])
    origin = np.where(k == 3, ctry[shipper], origin)

    notify = (
        idx["logistics"][rng.integers(0, max(len(idx["logistics"]), 1), count)]
        if len(idx["logistics"])
        else None
    )
    has_notify = (rng.random(count) < 0.3) & (notify is not None)
    frame = pd.DataFrame(
        {
            "date": random_dates(rng, FIRST_DAY, LAST_DAY, count),
            "shipper_name": bol["name"].to_numpy()[shipper],
            "shipper_address": bol["address"].to_numpy()[shipper],
            "shipper_country": written_country(rng, ctry[shipper]),
            "consignee_name": bol["name"].to_numpy()[consignee],
            "consignee_address": bol["address"].to_numpy()[consignee],
            "consignee_country": written_country(rng, ctry[consignee]),
        }
    )
    for col in ("name", "address"):
        values = bol[col].to_numpy()[notify] if notify is not None else np.full(count, "", dtype=object)
        frame[f"notify_{col}"] = np.where(has_notify, values, "")
    frame["notify_country"] = np.where(has_notify, ctry[notify] if notify is not None else "", "")
    frame["hs_code"] = hs
    frame["description"] = description_for(hs_s)
    frame["manufacturer"] = manufacturer
    frame["origin_country"] = origin
    frame["dispatch_country"] = ctry[shipper]
    frame["destination_country"] = ctry[consignee]
    frame["port_of_loading"] = _ports(rng, ctry[shipper])
    frame["port_of_discharge"] = _ports(rng, ctry[consignee])
    frame["value_usd"] = value
    frame["quantity"] = qty
    frame["weight_kg"] = kg
    frame["incoterms"] = _pick(rng, vocab.INCOTERMS, count)
    return frame


def _ports(rng: np.random.Generator, countries: np.ndarray) -> np.ndarray:
    out = np.empty(len(countries), dtype=object)
    series = pd.Series(countries)
    for code, positions in series.groupby(series).groups.items():
        options = vocab.PORTS[str(code)]
        out[np.asarray(positions)] = _pick(rng, options, len(positions))
    return out
