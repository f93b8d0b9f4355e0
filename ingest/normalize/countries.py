"""Countries to ISO 3166 alpha-2: names, alpha-3, numeric codes and the variants clerks write.

pycountry knows the official names; the variants table adds what appears on bills of lading
and registries ("UAE", "S. KOREA", "P.R. CHINA", "HONGKONG", "RUSSIA", "TURKIYE" …).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pycountry

from graph.ids import normalise_key_text

#: Variants not resolved by pycountry's own lookup (keys in ``normalise_key_text`` form).
VARIANTS: dict[str, str] = {
    "UAE": "AE",
    "U A E": "AE",
    "EMIRATES": "AE",
    "DUBAI": "AE",
    "USA": "US",
    "U S A": "US",
    "U S": "US",
    "UNITED STATES OF AMERICA": "US",
    "AMERICA": "US",
    "UK": "GB",
    "U K": "GB",
    "GREAT BRITAIN": "GB",
    "ENGLAND": "GB",
    "SCOTLAND": "GB",
    "WALES": "GB",
    "NORTHERN IRELAND": "GB",
    "ENGLAND AND WALES": "GB",
    "SOUTH KOREA": "KR",
    "S KOREA": "KR",
    "KOREA": "KR",
    "KOREA SOUTH": "KR",
    "REPUBLIC OF KOREA": "KR",
    "KOREA REPUBLIC OF": "KR",
    "NORTH KOREA": "KP",
    "DPRK": "KP",
    "KOREA NORTH": "KP",
    "CHINA": "CN",
    "PRC": "CN",
    "P R CHINA": "CN",
    "P R C": "CN",
    "PR CHINA": "CN",
    "PEOPLES REPUBLIC OF CHINA": "CN",
    "MAINLAND CHINA": "CN",
    "HONGKONG": "HK",
    "HONG KONG SAR": "HK",
    "HONG KONG CHINA": "HK",
    "HK SAR": "HK",
    "MACAU": "MO",
    "MACAO SAR": "MO",
    "MACAU SAR": "MO",
    "TAIWAN": "TW",
    "TAIWAN ROC": "TW",
    "REPUBLIC OF CHINA": "TW",
    "CHINESE TAIPEI": "TW",
    "RUSSIA": "RU",
    "RUSSIAN FEDERATION": "RU",
    "RF": "RU",
    "BELARUS": "BY",
    "BYELORUSSIA": "BY",
    "IRAN": "IR",
    "IRAN ISLAMIC REPUBLIC OF": "IR",
    "TURKEY": "TR",
    "TURKIYE": "TR",
    "VIETNAM": "VN",
    "VIET NAM": "VN",
    "HOLLAND": "NL",
    "THE NETHERLANDS": "NL",
    "CZECH REPUBLIC": "CZ",
    "SYRIA": "SY",
    "LAOS": "LA",
    "MOLDOVA": "MD",
    "BURMA": "MM",
    "KYRGYZ REPUBLIC": "KG",
    "IVORY COAST": "CI",
    "VENEZUELA": "VE",
    "BOLIVIA": "BO",
    "TANZANIA": "TZ",
}


@lru_cache(maxsize=8192)
def to_iso2(value: object) -> str | None:
    """ISO alpha-2 for a country written any usual way; ``None`` when empty or unknown."""
    key = normalise_key_text(value)
    if not key:
        return None
    if key in VARIANTS:
        return VARIANTS[key]
    if len(key) == 2 and pycountry.countries.get(alpha_2=key):
        return key
    if len(key) == 3 and key.isalpha():
        hit = pycountry.countries.get(alpha_3=key)
        if hit:
            return str(hit.alpha_2)
    if key.isdigit():
        hit = pycountry.countries.get(numeric=key.zfill(3))
        return str(hit.alpha_2) if hit else None
    try:
        return str(pycountry.countries.lookup(str(value).strip()).alpha_2)
    except LookupError:
        pass
    for record in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if normalise_key_text(getattr(record, attr, "")) == key:
                return str(record.alpha_2)
    return None


def countries_to_iso2(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(iso2 column with None where unknown, boolean mask of non-empty values that were unknown).

    Looked up once per distinct value and spread to the rows by factorised codes.
    """
    codes, uniques = pd.factorize(values.astype(object).where(values.notna(), None))
    iso_list: list[str | None] = []
    unknown_list: list[bool] = []
    for value in uniques.tolist():
        iso = to_iso2(value)
        iso_list.append(iso)
        unknown_list.append(iso is None and str(value).strip() != "")
    rows = np.where(codes < 0, len(iso_list), codes)
    iso_col = np.array([*iso_list, None], dtype=object)[rows]
    unknown = np.array([*unknown_list, False], dtype=bool)[rows]
    return pd.Series(iso_col, index=values.index, dtype="object"), pd.Series(unknown, index=values.index)
