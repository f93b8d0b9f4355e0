"""Vectorised synthetic company registry records (names, addresses, contacts, officers)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ingest.synthetic import vocab

SOURCE = "synthetic"
_LEI_ALPHABET = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _pick(rng: np.random.Generator, options: tuple[str, ...] | list[str], n: int) -> np.ndarray:
    return np.asarray(options, dtype=object)[rng.integers(0, len(options), n)]


def random_dates(rng: np.random.Generator, start: str, end: str, n: int) -> np.ndarray:
    """ISO date strings uniformly in [start, end]."""
    lo = np.datetime64(start, "D").astype(np.int64)
    hi = np.datetime64(end, "D").astype(np.int64)
    days = rng.integers(lo, hi + 1, n).astype("datetime64[D]")
    return days.astype(str).astype(object)


def digits(rng: np.random.Generator, width: int, n: int) -> pd.Series:
    if width <= 0:
        return pd.Series([""] * n, dtype=object)
    return pd.Series(rng.integers(0, 10**width, n)).astype(str).str.zfill(width)


def postal_codes(rng: np.random.Generator, pattern: str, n: int) -> pd.Series:
    """Fill a pattern like ``"#### AA"`` ("#" digit, "A" letter) n times.

    Joined in plain Python: the batches are small (one country's share of a pool), where a
    pandas string operation per pattern character costs more than the strings themselves.
    """
    parts: list[list[str]] = []
    for ch in pattern:
        if ch == "#":
            parts.append([str(d) for d in rng.integers(0, 10, n).tolist()])
        elif ch == "A":
            parts.append(_pick(rng, list("ABCDEFGHJKLMNPRSTUVWXYZ"), n).tolist())
        else:
            parts.append([ch] * n)
    return pd.Series(["".join(p) for p in zip(*parts, strict=True)] if parts else [""] * n, dtype=object)


def lei_codes(rng: np.random.Generator, n: int) -> list[str]:
    """ISO 17442 LEIs with valid MOD 97-10 check digits (a synthetic LOU prefix)."""
    body = _LEI_ALPHABET[rng.integers(0, 36, (n, 14))]
    out = []
    for row in body:
        base = "9845" + "".join(row)
        numeric = "".join(str(int(c, 36)) for c in base + "00")
        out.append(base + f"{98 - int(numeric) % 97:02d}")
    return out


def _stems(rng: np.random.Generator, n: int) -> pd.Series:
    heads = _pick(rng, vocab.NAME_HEADS, n)
    tails = _pick(rng, vocab.NAME_TAILS, n)
    second = _pick(rng, vocab.NAME_HEADS, n)
    use_second = rng.random(n) < 0.35
    stem = pd.Series(heads) + pd.Series(tails)
    return stem.where(~use_second, stem + " " + pd.Series(second))


def make_companies(
    rng: np.random.Generator,
    role: str,
    countries: np.ndarray,
    id_start: int,
    *,
    inc_range: tuple[str, str] = ("1975-01-01", "2019-12-31"),
    business_type: str | None = None,
    prefix: str = "SYN",
) -> pd.DataFrame:
    """``len(countries)`` companies of one role; names may repeat across calls (see ``dedupe_names``)."""
    n = len(countries)
    frame = pd.DataFrame({"country": countries.astype(object)})
    frame["company_id"] = prefix + pd.Series(np.arange(id_start, id_start + n)).astype(str).str.zfill(7)
    stem = _stems(rng, n)
    sector = pd.Series(_pick(rng, vocab.SECTOR_WORDS[role], n))
    # numpy arrays, filled per country: a masked numpy assignment costs microseconds, a pandas one
    # a fraction of a millisecond, and the pools call this for every country.
    cities, streets, forms, postal, phone, tld = (np.full(n, "", dtype=object) for _ in range(6))
    country_codes = frame["country"].to_numpy()
    for code in pd.unique(frame["country"]):
        mask = country_codes == code
        k = int(mask.sum())
        prof = vocab.COUNTRIES[code]
        cities[mask] = _pick(rng, prof["cities"], k)  # type: ignore[arg-type]
        streets[mask] = _pick(rng, prof["streets"], k)  # type: ignore[arg-type]
        forms[mask] = _pick(rng, prof["forms"], k)  # type: ignore[arg-type]
        postal[mask] = postal_codes(rng, str(prof["postal"]), k).to_numpy()
        phone[mask] = str(prof["phone"])
        tld[mask] = str(prof["tld"])
    frame["name"] = stem + " " + sector + " " + pd.Series(forms)
    number = pd.Series(rng.integers(1, 400, n)).astype(str)
    floor = pd.Series(rng.integers(1, 30, n)).astype(str)
    with_floor = rng.random(n) < 0.4
    street_line = number + " " + streets
    frame["address"] = street_line.where(~with_floor, "Floor " + floor + ", " + street_line)
    frame["city"] = cities
    frame["postal_code"] = postal
    frame["incorporation_date"] = random_dates(rng, inc_range[0], inc_range[1], n)
    frame["registration_id"] = digits(rng, 8, n)
    has_lei = rng.random(n) < 0.4
    frame["lei"] = pd.Series(np.where(has_lei, "", ""), dtype=object)
    if has_lei.any():
        frame.loc[has_lei, "lei"] = lei_codes(rng, int(has_lei.sum()))
    frame["tax_id"] = pd.Series(np.where(rng.random(n) < 0.5, digits(rng, 10, n), ""), dtype=object)
    frame["business_type"] = business_type or vocab.BUSINESS_TYPES[role]
    slug = stem.str.lower().str.replace(r"[^a-z0-9]+", "", regex=True)
    frame["website"] = "www." + slug + "." + pd.Series(tld)
    frame["email"] = "info@" + slug + "." + pd.Series(tld)
    frame["phone"] = pd.Series(phone) + " " + digits(rng, 9, n)
    frame["aliases"] = ""
    frame["source"] = SOURCE
    frame["role"] = role
    return frame


def dedupe_names(frame: pd.DataFrame) -> pd.DataFrame:
    """Make names unique per country: add the city, then a branch number (vectorised)."""
    dup = frame.duplicated(["name", "country"], keep="first")
    frame.loc[dup, "name"] = frame.loc[dup, "name"] + " (" + frame.loc[dup, "city"] + ")"
    rank = frame.groupby(["name", "country"]).cumcount()
    again = rank > 0
    frame.loc[again, "name"] = frame.loc[again, "name"] + " No. " + (rank[again] + 1).astype(str)
    return frame


def person_names(rng: np.random.Generator, n: int) -> pd.Series:
    return pd.Series(_pick(rng, vocab.FIRST_NAMES, n)) + " " + pd.Series(_pick(rng, vocab.LAST_NAMES, n))


def make_officers(rng: np.random.Generator, companies: pd.DataFrame) -> pd.DataFrame:
    """One or two officers per company, from the company's country."""
    n = len(companies)
    count = 1 + (rng.random(n) < 0.5).astype(int)
    idx = np.repeat(np.arange(n), count)
    sub = companies.iloc[idx].reset_index(drop=True)
    m = len(sub)
    inc = pd.Series(sub["incorporation_date"].to_numpy(), dtype=object)
    start = inc.where(rng.random(m) < 0.6, pd.Series(random_dates(rng, "2010-01-01", "2024-12-31", m)))
    start = start.where(start > inc, inc)
    return pd.DataFrame(
        {
            "person_name": person_names(rng, m),
            "person_country": sub["country"].to_numpy(),
            "company_id": sub["company_id"].to_numpy(),
            "company_name": sub["name"].to_numpy(),
            "role": _pick(rng, vocab.ROLES, m),
            "start_date": start.to_numpy(),
            "end_date": "",
        }
    )
