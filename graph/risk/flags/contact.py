"""Flags on contact data: free-mail and no website; a phone prefix of another country."""

from __future__ import annotations

import pandas as pd
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

from graph.risk.flags.base import FlagContext, evidence, per_cluster


def freemail_or_no_web(ctx: FlagContext) -> pd.DataFrame:
    """A company with a free-mail e-mail address and no website (little web presence)."""
    freemail = {str(d).lower() for d in ctx.params("FREEMAIL_OR_NO_WEB").get("freemail", [])}
    c = ctx.companies
    domain = c["email"].fillna("").astype(str).str.lower().str.rsplit("@", n=1).str[-1]
    no_web = c["website"].fillna("").astype(str).str.strip() == ""
    hit = c[domain.isin(freemail) & no_web & c["email"].notna()]
    return per_cluster(
        "FREEMAIL_OR_NO_WEB",
        hit,
        "cluster",
        lambda g: evidence([{"company": i, "email": e} for i, e in zip(g["id"], g["email"], strict=True)]),
    )


def _calling_code_regions(phone: str) -> tuple[int, tuple[str, ...]] | None:
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not phone.strip().startswith(("+", "00")):
        return None
    if phone.strip().startswith("00"):
        digits = digits[2:]
    for width in (1, 2, 3):
        code = int(digits[:width]) if digits[:width] else -1
        if code in COUNTRY_CODE_TO_REGION_CODE:
            return code, tuple(COUNTRY_CODE_TO_REGION_CODE[code])
    return None


def _prefix(found: tuple[int, tuple[str, ...]] | None) -> str | None:
    return f"+{found[0]}" if found else None


def phone_country_mismatch(ctx: FlagContext) -> pd.DataFrame:
    """The phone number's international prefix belongs to another country than the registration's."""
    c = ctx.companies.dropna(subset=["phone", "country"])
    codes = {p: _calling_code_regions(str(p)) for p in pd.unique(c["phone"])}
    regions = [codes[p] for p in c["phone"]]
    mismatch = [
        r is not None and country not in r[1] for r, country in zip(regions, c["country"], strict=True)
    ]
    hit = c[mismatch]
    return per_cluster(
        "PHONE_COUNTRY_MISMATCH",
        hit,
        "cluster",
        lambda g: evidence(
            [
                {"company": i, "phone": p, "country": k, "prefix": _prefix(codes[p])}
                for i, p, k in zip(g["id"], g["phone"], g["country"], strict=True)
            ]
        ),
    )
