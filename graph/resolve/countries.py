"""Country canonical form: "CN", "CHN", "China" and "People's Republic of China" agree.

Uses pycountry's ISO 3166 table (exact lookup of codes, names and official names) plus the
few names in common use it does not know; anything unknown stays as folded text, so two
equal unknown spellings still agree and no guess is made (no fuzzy search: "XX" is no country).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import pycountry

from graph.resolve.names import fold

#: Names in common use that pycountry's exact lookup does not know (folded → alpha-2).
_COUNTRY_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "RUSSIA": "RU",
        "IRAN": "IR",
        "SYRIA": "SY",
        "UAE": "AE",
        "UK": "GB",
        "GREAT BRITAIN": "GB",
        "ENGLAND": "GB",
        "USA": "US",
        "AMERICA": "US",
        "BURMA": "MM",
        "TURKEY": "TR",
        "SOUTH KOREA": "KR",
        "KOREA SOUTH": "KR",
        "NORTH KOREA": "KP",
        "KOREA NORTH": "KP",
        "DPRK": "KP",
        "PRC": "CN",
        "TAIWAN": "TW",
        "VIETNAM": "VN",
        "LAOS": "LA",
        "MOLDOVA": "MD",
        "VENEZUELA": "VE",
        "BOLIVIA": "BO",
        "TANZANIA": "TZ",
        "CONGO DRC": "CD",
        "DR CONGO": "CD",
        "IVORY COAST": "CI",
        "CZECH REPUBLIC": "CZ",
        "MACAU": "MO",
    }
)


@lru_cache(maxsize=4096)
def country_code(value: str | None) -> str:
    """ISO 3166 alpha-2 code of a country given as code or name ("CN", "CHN", "China",
    "People's Republic of China" → "CN"); the folded text when pycountry does not know it."""
    if not value:
        return ""
    folded = fold(value)
    if not folded:
        return ""
    if folded in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[folded]
    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        return folded
