"""Abbreviations written with a slash: "KOREA RYENHA MACHINERY J/V CORPORATION" is a joint venture.

Folding turns every punctuation mark into a space, so "J/V" became the two letters "J V" —
initials on that side — while the same company written "JOINT VENTURE" or "JV" keeps those
as words. The slash is what says the letters are one abbreviation, so it is read before
folding: "J/V" is written "JV", the way :mod:`graph.resolve.acronyms` already pairs with
"JOINT VENTURE". Letters spaced without a slash ("J V SMITH") stay initials.
"""

from __future__ import annotations

import re

#: Slashed abbreviation (case-insensitive, optional spaces around the slash) → its one word.
SLASHED: dict[str, str] = {"J/V": "JV"}

_PATTERN = re.compile(
    r"(?<![0-9A-Za-z])(" + "|".join(re.escape(k).replace("/", r"\s*/\s*") for k in SLASHED) + r")(?![0-9A-Za-z])",
    re.IGNORECASE,
)


def join_slashed(text: str) -> str:
    """``text`` with each slashed abbreviation written as its one word ("J/V" → "JV")."""
    if "/" not in text:  # nearly every name: no regex work
        return text
    return _PATTERN.sub(lambda m: SLASHED[re.sub(r"\s+", "", m.group(1)).upper()], text)
