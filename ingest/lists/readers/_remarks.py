"""What can be computed from OFAC free-text remarks (``a.k.a.``, ``Linked To:``, IMO, DOB, ids …)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lists.model import Alias, AliasKind, Identifier
from ingest.lists.readers._common import country_iso2, identifier, parse_date

# A name may hold apostrophes ('AL-QA'QA', 'KUWAITI, Abu Shaima''): the closing quote is the one
# that ends the remark item (before ";", ",", ")" or the final "."), not the first one. OFAC quotes
# with apostrophes; an a.k.a. in double quotes ("…" or “…”) is read the same way, without them.
_ALIAS = re.compile(
    r"\b(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*,?\s*(?:'(.+?)'|[\"“](.+?)[\"”])(?=\s*(?:[;,)]|\.?\s*$))",
    re.IGNORECASE,
)
#: quoted a.k.a.s in OFAC remarks are its "weak" aliases (low quality, never a match on their own)
_ALIAS_KIND = {"a.k.a.": AliasKind.WEAK, "f.k.a.": AliasKind.FKA, "n.k.a.": AliasKind.NKA}
_ID_LABELS = (
    "Passport",
    "Diplomatic Passport",
    "Tax ID No.",
    "National ID No.",
    "Identification Number",
    "Registration Number",
    "Registration ID",
    "Company Number",
    "Cedula No.",
    "NIT #",
    "RUC #",
    "SWIFT/BIC",
    "Website",
    "Email Address",
    "MMSI",
    "D-U-N-S Number",
    "Legal Entity Number",
    "Business Registration Number",
    "Commercial Registry Number",
    "Vessel Registration Identification",
)
_ID = re.compile(
    r"^(" + "|".join(re.escape(label) for label in _ID_LABELS) + r")\s+([^\s(;]+)(?:\s+\(([^)]+)\))?",
)
_IMO = re.compile(r"\bIMO\s*(\d{7})\b")
_NATIONALITY = re.compile(r"^(?:nationality|citizen)\s+(.+?)\.?$", re.IGNORECASE)
_DOB = re.compile(r"^DOB\s+(.+?)\.?$")
_LINKED = re.compile(r"^Linked To:\s*(.+?)\.?$")


@dataclass
class Remarks:
    aliases: list[Alias] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    linked_to: list[str] = field(default_factory=list)


def _birth_date(text: str) -> str:
    day = parse_date(text)
    if day:
        return day.isoformat()
    year = re.fullmatch(r"(?:circa\s+)?(\d{4})", text.strip())
    return year.group(1) if year else text.strip()


def parse_remarks(text: str | None) -> Remarks:
    """Split an OFAC remarks string on ``;`` and pick out what is machine-readable."""
    out = Remarks()
    if not text:
        return out
    for kind, single, double in _ALIAS.findall(text):
        name = (single or double).strip()
        out.aliases.append(Alias(name=name, kind=_ALIAS_KIND[kind.lower()]))
    for imo in _IMO.findall(text):
        out.identifiers.append(Identifier("IMO", imo))
    for raw in text.split(";"):
        part = raw.strip()
        if part.startswith("alt. "):
            part = part[5:]
        if not part:
            continue
        if m := _ID.match(part):
            country = m.group(3)
            ident = identifier(
                m.group(1), m.group(2).rstrip(".;,"), country if country_iso2(country) else None
            )
            if ident and ident.scheme != "IMO":
                out.identifiers.append(ident)
        elif m := _NATIONALITY.match(part):
            iso = country_iso2(m.group(1))
            if iso and iso not in out.countries:
                out.countries.append(iso)
        elif m := _DOB.match(part):
            out.birth_dates.append(_birth_date(m.group(1)))
        elif m := _LINKED.match(part):
            out.linked_to.append(m.group(1).strip())
    return out
