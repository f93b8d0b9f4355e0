"""Acronyms the lists write in a short form of their words: "ISIS-BANGLADESH" is "ISLAMIC STATE BANGLADESH".

An acronym stands for all its words (:mod:`graph.resolve.acronyms` needs every word initialled),
but some are written as a short form that keeps only the first of them: ISIS, the Islamic
State of Iraq and Syria, names its provinces "ISIS-EGYPT", "ISIL KHORASAN" and "ISLAMIC STATE
EGYPT". Those acronyms and the words written for them are a table
(``data/reference/acronym_short_forms.csv``): :func:`short_form` gives a name with the acronym
replaced by its short form, which the scorer compares as another reading of the name
(:mod:`graph.resolve.readings`).

Only an acronym written in capitals in a name with no legal form is read so: "Isis
Semiconductor Ltd" is a company named after a goddess, not a province of a group.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from graph.resolve.names import normalise_name

TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "acronym_short_forms.csv"


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Acronym → the short form the lists write for it."""
    with TABLE.open(newline="", encoding="utf-8") as fh:
        return {row["acronym"]: row["short_form"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, table()), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])({words})(?![A-Za-z])")


@lru_cache(maxsize=200_000)
def short_form(text: str) -> str | None:
    """``text`` with its table acronyms (in capitals) replaced by their short forms; None when it
    has none or a legal form."""
    if not text or _pattern().search(text) is None or normalise_name(text).legal_form:
        return None
    return " ".join(_pattern().sub(lambda m: f" {table()[m.group(1)]} ", text).split())


def describe(text: str) -> str:
    """Why the scorer read ``text`` with an acronym's short form, in words."""
    found = sorted({m.group(1) for m in _pattern().finditer(text)})
    done = ", ".join(f"{a} as {table()[a]}" for a in found)
    return (
        f"{done}: the lists write this acronym as a short form of its words "
        "(data/reference/acronym_short_forms.csv), so the name was also compared so written"
    )
