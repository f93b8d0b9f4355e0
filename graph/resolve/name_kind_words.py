"""The person / company use of each word in the typed rows of the bundled lists.

Table ``data/reference/name_kind_words.csv`` (``word,person,company``: in how many person and in
how many company entries the word occurs), built by ``scripts/build_name_kind_words.py`` from
the rows whose kind the publisher states. :mod:`graph.resolve.name_kind_reading` reads it to
tell whether a name of unknown kind reads as a person's.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from graph.resolve.names import fold

WORDS_TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "name_kind_words.csv"


def name_words(name: str) -> tuple[str, ...]:
    """The words the table counts: folded (upper-case ASCII)."""
    return tuple(fold(name).split())


def read_word_table(path: Path) -> Mapping[str, tuple[int, int]]:
    """word → (person entries, company entries)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return MappingProxyType({r["word"]: (int(r["person"]), int(r["company"])) for r in rows})


@cache
def word_table() -> Mapping[str, tuple[int, int]]:
    return read_word_table(WORDS_TABLE)
