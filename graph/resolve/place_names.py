"""One city under two names: "Beijing SWT Science" is "PEKING SWT SCIENCE".

Lists and registries write a city in a name under a former romanisation (PEKING, TIENTSIN,
KIEV), its local name (BEOGRAD, QARAMAY) or an English exonym (CANTON). No edit ratio sees
PEKING and BEIJING as one word. The small reviewed table ``data/reference/place_names.csv``
(see ``data/reference/SOURCE.md``) maps each variant to one spelling, applied to every company
name word when names are normalised (:func:`graph.resolve.names.normalise_name`), so both
names are compared under the same spelling. Only whole words are mapped, and only the
variants listed: a table of other names of one place, not a gazetteer.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "place_names.csv"


def read_place_names(path: Path) -> Mapping[str, str]:
    """Read a ``variant,name,note`` table (after ``#`` comment lines) into variant → name."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        header = next(rows, None)
        if header != ["variant", "name", "note"]:
            raise ValueError(f"{path}: expected the header 'variant,name,note', got {header!r}")
        for row_no, row in enumerate(rows, start=1):
            if len(row) != 3 or not row[0].isalpha() or not row[1].isalpha() or not row[0].isupper():
                raise ValueError(f"{path}: data row {row_no}: expected 'VARIANT,NAME,note', got {row!r}")
            out[row[0]] = row[1]
    return MappingProxyType(out)


@cache
def place_names() -> Mapping[str, str]:
    """Variant → the spelling names are compared under (read once)."""
    return read_place_names(TABLE)


def place_name(word: str) -> str:
    """``word`` under the compared spelling when it is a listed variant of a city's name."""
    return place_names().get(word, word)


def renamed(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The ``(variant, name)`` pairs :func:`place_name` applies to ``words``."""
    table = place_names()
    return tuple((w, table[w]) for w in words if w in table)
