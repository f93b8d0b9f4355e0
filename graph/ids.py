"""Stable node ids built from normalised text (see the conventions in :mod:`graph.model`).

Every writer that needs a ``person:``, ``party:``, ``addr:`` or name-only ``co:byname:`` id
calls these functions, so that the same name written twice lands on the same node. The
normalisation here is deliberately shallow (case, accents, punctuation, spacing): it decides
identity of *records as written*; fuzzy equivalence is resolution's job, not the id's.
"""

from __future__ import annotations

import hashlib
import re

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^0-9A-Z]+")


def normalise_key_text(value: object) -> str:
    """Upper-case ASCII, punctuation to spaces, single spaces: ``"Acme, Co.Ltd"`` → ``"ACME CO LTD"``."""
    if value is None:
        return ""
    text = str(value)
    if not text or text.lower() == "nan":
        return ""
    return _NON_ALNUM.sub(" ", anyascii(text).upper()).strip()


def sha1_key(*parts: str) -> str:
    """Hex SHA-1 of ``|``-joined parts (ids must not depend on Python's salted ``hash``)."""
    return hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def person_id(name: object, country: str | None) -> str:
    return "person:" + sha1_key(normalise_key_text(name), country or "")


def byname_company_id(name: object, country: str | None) -> str:
    """A company known only by name (an owner in an ownership file, for example)."""
    return "co:byname:" + sha1_key(normalise_key_text(name), country or "")


def company_id(source: str, company_id: object) -> str:
    return f"co:{source}:{company_id}"


def party_id(name: object, address_norm: str, country: str | None) -> str:
    """A trade party as written on a bill of lading; ``address_norm`` from ``normalise_address``."""
    return "party:" + sha1_key(normalise_key_text(name), address_norm, country or "")


def country_id(iso2: str) -> str:
    return f"country:{iso2}"
