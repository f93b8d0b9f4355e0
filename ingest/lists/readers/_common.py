"""Small helpers the US/UN readers share: dates, multi-values, address parts, identifier schemes."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from graph.name_clauses import enumerated
from ingest.lists.model import EntityKind, Identifier, ListAddress
from ingest.normalize.countries import to_iso2

_POSTCODE = re.compile(r"^(?=.*\d)[A-Z0-9][A-Z0-9 \-]{1,9}$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%d %b %Y", "%d %B %Y", "%Y/%m/%d", "%d.%m.%Y", "%b %d, %Y")

#: OFAC / CSL identifier labels → canonical scheme (others keep the list's own label).
ID_SCHEMES: dict[str, str] = {
    "passport": "PASSPORT",
    "diplomatic passport": "PASSPORT",
    "tax id no.": "TAX",
    "national id no.": "NATIONAL_ID",
    "identification number": "NATIONAL_ID",
    "cedula no.": "NATIONAL_ID",
    "registration number": "REGISTRATION",
    "registration id": "REGISTRATION",
    "company number": "REGISTRATION",
    "business registration number": "REGISTRATION",
    "business registration document #": "REGISTRATION",
    "commercial registry number": "REGISTRATION",
    "certificate of incorporation number": "REGISTRATION",
    "government gazette number": "REGISTRATION",
    "legal entity number": "LEI",
    "swift/bic": "SWIFT",
    "vessel registration identification": "IMO",
    "aircraft serial identification": "AIRCRAFT_SERIAL",
    "aircraft tail number": "AIRCRAFT_TAIL",
    "website": "WEBSITE",
    "email address": "EMAIL",
    "d-u-n-s number": "DUNS",
    "nit #": "TAX",
    "rfc": "TAX",
    "ruc #": "TAX",
    "ssn": "SSN",
    "driver's license no.": "DRIVERS_LICENSE",
    "call sign": "CALL_SIGN",
    "mmsi": "MMSI",
}

#: Labels in OFAC id lists that are sanctions notes, not identifiers.
NOT_IDENTIFIERS = ("gender", "sanctions information", "secondary sanctions risk", "transactions prohibited")


#: Country names lists use that the shared normaliser does not know (keys upper-case, single-spaced).
LIST_COUNTRY_VARIANTS: dict[str, str] = {
    "DEMOCRATIC REPUBLIC OF THE CONGO": "CD",
    "STATE OF PALESTINE": "PS",
    "PALESTINIAN": "PS",
    "WEST BANK": "PS",
    "GAZA": "PS",
    "CHINA, HONG KONG SPECIAL ADMINISTRATIVE REGION": "HK",
}


@lru_cache(maxsize=16384)
def country_iso2(value: str | None) -> str | None:
    """ISO alpha-2 for a country as lists write it; None when empty or unknown."""
    if not value:
        return None
    return to_iso2(value) or LIST_COUNTRY_VARIANTS.get(" ".join(value.upper().split()))


def split_multi(value: str | None, sep: str = ";") -> list[str]:
    """Split a ``;``-joined multi-value; drops blanks and the enumerating conjunction the Entity
    List copies from prose (``'…; M. Aziz; and Aziz Bahari'``, ``'…; and; …'``: see
    :func:`graph.name_clauses.enumerated`)."""
    if not value:
        return []
    out = []
    for part in value.split(sep):
        part = enumerated(part.strip())
        if part:
            out.append(part)
    return out


@lru_cache(maxsize=65536)
def parse_date(value: str | None) -> date | None:
    """A date in any of the formats lists use; None when empty or unparseable."""
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def comma_address(raw: str) -> ListAddress:
    """Parse ``street, city, [state,] [postcode,] COUNTRY`` (country last, as CSL and OFAC write it)."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    country = country_iso2(parts[-1]) if parts else None
    if country:
        parts = parts[:-1]
    postal = None
    if parts and _POSTCODE.match(parts[-1]) and len(parts) > 1:
        postal = parts.pop()
    state = None
    if postal and len(parts) > 2 and len(parts[-1]) == 2 and parts[-1].isalpha() and parts[-1].isupper():
        state = parts.pop()
    city = parts.pop() if len(parts) > 1 else None
    street = ", ".join(parts) or None
    return ListAddress(raw=raw, street=street, city=city, state=state, postal_code=postal, country=country)


def identifier(label: str, value: str, country: str | None = None) -> Identifier | None:
    """An :class:`Identifier` for an OFAC-style ``label``/``value``; None for sanctions notes."""
    label = label.strip()
    value = value.strip()
    low = label.lower()
    if not value or not label or any(note in low for note in NOT_IDENTIFIERS) or low.endswith((":", "-")):
        return None
    scheme = ID_SCHEMES.get(low, label)
    if scheme == "IMO":
        if not value.upper().startswith("IMO"):
            scheme = "VESSEL_REGISTRATION"
        value = value.upper().removeprefix("IMO").strip()
    return Identifier(scheme=scheme, value=value, country=country_iso2(country) if country else None)


def kind_from_type(value: str | None, default: EntityKind = EntityKind.COMPANY) -> EntityKind:
    """OFAC/CSL entity types (``Individual``, ``Entity``, ``Vessel``, ``Aircraft``, ``-0-``)."""
    low = (value or "").strip().lower()
    if low in ("individual", "person"):
        return EntityKind.PERSON
    if low == "vessel":
        return EntityKind.VESSEL
    if low == "aircraft":
        return EntityKind.AIRCRAFT
    if low in ("entity", "-0-", "organization", "company"):
        return EntityKind.COMPANY
    return default


def iso_countries(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        iso = country_iso2(value)
        if iso and iso not in out:
            out.append(iso)
    return tuple(out)
