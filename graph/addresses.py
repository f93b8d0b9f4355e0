"""The one address normaliser: everything located at "the same" address shares one node.

``normalise_address("Flat 5, 12 Nathan Road, Kowloon", "HK")`` and
``normalise_address("FLAT 5 12 NATHAN RD KOWLOON HONG KONG", "HK")`` give the same key, so two
companies registered there share ``addr:{sha1(key|country)}``. Rules are conservative —
spelling variants of street words and the country name at the end — because a wrong merge
would invent a mass-registration address.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from graph.ids import normalise_key_text, sha1_key

#: Street-word variants written on registries and bills of lading → one spelling.
ABBREVIATIONS: dict[str, str] = {
    "STREET": "ST",
    "STR": "ST",
    "ROAD": "RD",
    "AVENUE": "AVE",
    "AV": "AVE",
    "BOULEVARD": "BLVD",
    "BUILDING": "BLDG",
    "BLD": "BLDG",
    "FLOOR": "FL",
    "FLR": "FL",
    "ROOM": "RM",
    "SUITE": "STE",
    "UNIT": "UNIT",
    "DISTRICT": "DIST",
    "NUMBER": "NO",
    "NUM": "NO",
    "LANE": "LN",
    "DRIVE": "DR",
    "PLACE": "PL",
    "SQUARE": "SQ",
    "HIGHWAY": "HWY",
    "INDUSTRIAL": "IND",
    "PARK": "PK",
    "TOWER": "TWR",
    "CENTRE": "CTR",
    "CENTER": "CTR",
    "PROSPEKT": "PR",
    "PROSPECT": "PR",
    "ULITSA": "UL",
    "SAINT": "ST",
}

#: Country names that often end an address line; dropped because the country is a field.
_COUNTRY_TAILS: tuple[tuple[str, ...], ...] = tuple(
    tuple(name.split())
    for name in (
        "HONG KONG",
        "HONG KONG SAR",
        "HONG KONG CHINA",
        "CHINA",
        "PRC",
        "P R CHINA",
        "PEOPLES REPUBLIC OF CHINA",
        "RUSSIA",
        "RUSSIAN FEDERATION",
        "UNITED ARAB EMIRATES",
        "UAE",
        "TURKEY",
        "TURKIYE",
        "SINGAPORE",
        "MALAYSIA",
        "UNITED STATES",
        "USA",
        "US",
        "UNITED KINGDOM",
        "UK",
        "GERMANY",
        "TAIWAN",
        "JAPAN",
        "KOREA",
        "SOUTH KOREA",
        "REPUBLIC OF KOREA",
        "NETHERLANDS",
        "KAZAKHSTAN",
        "ARMENIA",
        "GEORGIA",
        "KYRGYZSTAN",
        "UZBEKISTAN",
        "BELARUS",
        "IRAN",
        "INDIA",
        "THAILAND",
        "VIETNAM",
        "MACAU",
        "MACAO",
        "RU",
        "CN",
        "HK",
        "AE",
        "TR",
        "SG",
        "MY",
        "DE",
        "TW",
        "JP",
        "KR",
        "NL",
        "KZ",
        "AM",
        "BY",
        "IR",
        "GB",
        "IN",
        "TH",
        "MO",
    )
)
_COUNTRY_TAILS = tuple(sorted(_COUNTRY_TAILS, key=len, reverse=True))
#: The tails by their last word (longest first within each), so a line is compared only with
#: tails that can match it rather than all of them.
_TAILS_BY_LAST: dict[str, tuple[tuple[str, ...], ...]] = {
    last: tuple(t for t in _COUNTRY_TAILS if t[-1] == last) for last in {t[-1] for t in _COUNTRY_TAILS}
}


@lru_cache(maxsize=262_144)
def normalise_address(raw: str | None, country: str | None = None) -> str:
    """Canonical key of an address line (country kept separately; see :func:`address_id`)."""
    tokens = normalise_key_text(raw).split()
    tokens = [ABBREVIATIONS.get(t, t) for t in tokens]
    # Drop a trailing country name (repeat: "KOWLOON HONG KONG CHINA").
    changed = True
    while changed and tokens:
        changed = False
        for tail in _TAILS_BY_LAST.get(tokens[-1], ()):
            if len(tokens) > len(tail) and tuple(tokens[-len(tail) :]) == tail:
                tokens = tokens[: -len(tail)]
                changed = True
                break
    return " ".join(tokens)


def address_id(raw: str | None, country: str | None = None) -> str | None:
    """``addr:{sha1(normalised|country)}``, or ``None`` when there is no address text."""
    key = normalise_address(raw, country)
    if not key:
        return None
    return "addr:" + sha1_key(key, country or "")


def address_ids(raw: Iterable[object], country: Iterable[object]) -> pd.Series:
    """Vectorised :func:`address_id`: computed once per distinct (address, country) pair."""
    frame = pd.DataFrame({"raw": list(raw), "country": list(country)}).astype(object)
    frame = frame.where(frame.notna(), None)
    keys = list(zip(frame["raw"], frame["country"], strict=True))
    cache = {k: address_id(k[0], k[1]) for k in dict.fromkeys(keys)}
    return pd.Series([cache[k] for k in keys], index=frame.index, dtype=object)


def address_nodes(ids: pd.Series, lines: pd.Series, country: pd.Series) -> pd.DataFrame:
    """Address node rows (``id``, ``name``, ``country``), one per id, the same whoever writes them.

    Lists, registries and bills of lading all write the node of an address they share, each in
    one call that replaces the properties: a line as one source wrote it would be whichever
    source was ingested last. So ``name`` is the normalised key the id is made of (every writer
    computes the same one) and each source's own line goes on its LOCATED_AT edge (``line``,
    with ``provenance`` where the writer knows the file). Where one call holds several keys for
    an id (an id not made from these lines), the smallest wins: no choice follows row order.
    """
    frame = pd.DataFrame(
        {
            "id": ids.to_numpy(),
            "name": lines.map(normalise_address).to_numpy(),
            "country": country.to_numpy(),
        },
        dtype=object,
    )
    frame = frame.dropna(subset=["id"])
    return frame.sort_values(["id", "name"], kind="stable").drop_duplicates("id").reset_index(drop=True)


def full_address(address: pd.Series, city: pd.Series, postal: pd.Series) -> pd.Series:
    """One address line "street, city postcode" — the way bills of lading write it, so a
    company and a trade party at the same place share one Address node."""
    line = address.where(city == "", address + ", " + city).where(address != "", city)
    return line.where(postal == "", line + " " + postal).str.strip(" ,")
