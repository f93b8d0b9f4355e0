"""Abbreviations written with a slash: "KOREA RYENHA MACHINERY J/V CORPORATION" is a JOINT VENTURE.

Folding turns every punctuation mark into a space, so "J/V" became the two letters "J V" —
initials on that side — while the same company written "JOINT VENTURE" keeps those as words.
The slash is what says the letters are one abbreviation, so it is read before folding: "J/V"
is written out as "JOINT VENTURE", the words the other side holds (not "JV", which the ELF
table reads as a legal form: a role the written-out words never get). Letters spaced without
a slash ("J V SMITH") stay initials.
"""

from __future__ import annotations

import re

#: Slashed abbreviation (case-insensitive, optional spaces around the slash) → the words it stands for.
SLASHED: dict[str, str] = {"J/V": "JOINT VENTURE"}

_WRITTEN = "|".join(re.escape(k).replace("/", r"\s*/\s*") for k in SLASHED)
_PATTERN = re.compile(rf"(?<![0-9A-Za-z])({_WRITTEN})(?![0-9A-Za-z])", re.IGNORECASE)


def join_slashed(text: str) -> str:
    """``text`` with each slashed abbreviation written out ("J/V" → "JOINT VENTURE")."""
    if "/" not in text:  # nearly every name: no regex work
        return text
    return _PATTERN.sub(lambda m: SLASHED[re.sub(r"\s+", "", m.group(1)).upper()], text)
