"""Which licence requirement of several listed owners is the strictest (BIS Affiliates rule).

15 CFR 744.11(a)(1): an entity owned 50 % or more by several listed parties takes the most
restrictive licence requirement among them. The requirements are the lists' own text ("For all
items subject to the EAR. (See §744.11 of the EAR)", "For any item subject to the EAR listed in
supplement no. 2 to part 744."), so only one ordering is safe to read from them: a requirement
for *all* items subject to the EAR, with no exception or condition, is at least as strict as any
other. Between two narrower requirements the text does not say which is stricter, and none is
picked: the explanation lists them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_ALL_ITEMS = re.compile(r"\ball items subject to the EAR\b", re.IGNORECASE)
#: Words that narrow an all-items requirement (an exception, an end use, a supplement's items).
_NARROWING = re.compile(r"\b(except|excluding|when used|listed in|supplement|only)\b", re.IGNORECASE)


def normalise_requirement(text: str) -> str:
    """One spacing for one requirement (list files differ in spaces and trailing full stops)."""
    return " ".join(text.split())


def _distinct(requirements: Iterable[str]) -> list[str]:
    """The requirements, sorted, one per text that differs only by a trailing full stop (the
    first published form is kept, so the text reads as the list gives it)."""
    kept: dict[str, str] = {}
    for text in sorted(set(requirements)):
        kept.setdefault(text.rstrip(". "), text)
    return sorted(kept.values())


def covers_all_items(text: str) -> bool:
    return bool(_ALL_ITEMS.search(text)) and not _NARROWING.search(text)


def strictest(requirements: Iterable[str]) -> str | None:
    """The strictest of these requirements, or ``None`` when the text cannot tell."""
    found = _distinct(requirements)
    if len(found) == 1:
        return found[0]
    broadest = [r for r in found if covers_all_items(r)]
    return broadest[0] if broadest else None


def licence_reason(requirements: Iterable[str]) -> dict[str, Any]:
    """The licence part of an ownership explanation: every requirement of the listed owners
    behind the entity and, where the text tells, the strictest (the one that applies)."""
    found = _distinct(requirements)
    if not found:
        return {}
    out: dict[str, Any] = {"licence_requirements": found}
    top = strictest(found)
    if top is not None:
        out["strictest_licence_requirement"] = top
    return out
