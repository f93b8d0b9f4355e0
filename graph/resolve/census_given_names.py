"""Given names of the 1990 US Census, as person evidence for names whose source publishes no kind.

The word table of :mod:`graph.resolve.name_kind_words` knows the given names the typed rows of the
bundled lists carry: Arabic, Persian, Russian, Spanish names of the sanctions programmes. The
Denied Persons List and the debarred parties (DTC) are full of American and European people
("Brian Keith Bishop", "Chas Newport", "Graham Avery") whose given names no typed row uses.
The Census Bureau's list of first names (table ``data/reference/census_given_names.csv``,
built by ``scripts/build_census_given_names.py``) names them.

The list holds words too ("SUMMER", "PAGE", "LATINA", "CHINA", "STAR"), so
:mod:`graph.resolve.name_kind_reading` counts a census name only in the place of a given name (the
first word, or the first after the comma of "SURNAME, Given") and only when no typed company
name uses the word ("BULGARIAN SUMMER", "GALERIA PAGE" stay organisations).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

CENSUS_TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "census_given_names.csv"
#: Shorter census names are words of every language ("AL", "MA", "SO", "LE").
MIN_LENGTH = 3


@cache
def census_shares() -> dict[str, tuple[float, float]]:
    """Census first name (folded, at least :data:`MIN_LENGTH` letters) → (per cent of men, per
    cent of women) bearing it: which sex, in the United States, bears the name."""
    with CENSUS_TABLE.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {
            r["name"]: (float(r["male_pct"]), float(r["female_pct"]))
            for r in rows
            if len(r["name"]) >= MIN_LENGTH
        }


@cache
def census_given_names() -> frozenset[str]:
    """The census first names (folded: upper-case ASCII) of at least :data:`MIN_LENGTH` letters."""
    with CENSUS_TABLE.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return frozenset(r["name"] for r in rows if len(r["name"]) >= MIN_LENGTH)
