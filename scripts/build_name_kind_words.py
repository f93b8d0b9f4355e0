"""Build ``data/reference/name_kind_words.csv``: in how many person and company entries each word occurs.

    PYTHONPATH=. .venv/bin/python scripts/build_name_kind_words.py

Only entries whose kind the publisher states (``kind_source == "type"``: OFAC SDN, UN, the typed
rows of the CSL) are counted, so the table never learns from a kind :mod:`graph.resolve.name_kind_reading`
itself guessed. Words are the folded words of the primary name and aliases, each counted once
per entry. Words seen in fewer than ``MIN_ENTRIES`` entries are left out (a misspelling or a
one-off brand says nothing about a kind). Re-run when the bundled lists change; commit the result.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolve.name_kind_words import WORDS_TABLE, name_words  # noqa: E402
from ingest.lists.model import EntityKind, ListEntry  # noqa: E402
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402

MIN_ENTRIES = 2
KINDS = (EntityKind.PERSON, EntityKind.COMPANY)


def typed_entries(paths: Iterable[Path]) -> list[ListEntry]:
    """The person and company entries of ``paths`` whose kind the publisher states."""
    return [
        e
        for path in paths
        for e in read_list_file(path).entries
        if e.kind_source == "type" and e.kind in KINDS and not e.context
    ]


def count_words(entries: Iterable[ListEntry]) -> dict[EntityKind, Counter[str]]:
    """Entries per word, per kind (each word once per entry)."""
    counts: dict[EntityKind, Counter[str]] = {k: Counter() for k in KINDS}
    for e in entries:
        words: set[str] = set()
        for name in (e.name, *(a.name for a in e.aliases)):
            words.update(name_words(name))
        counts[e.kind].update(words)
    return counts


def word_table_of(entries: Iterable[ListEntry]) -> dict[str, tuple[int, int]]:
    """word → (person entries, company entries), for words of at least ``MIN_ENTRIES`` entries."""
    counts = count_words(entries)
    person, company = counts[EntityKind.PERSON], counts[EntityKind.COMPANY]
    return {
        w: (person[w], company[w])
        for w in set(person) | set(company)
        if person[w] + company[w] >= MIN_ENTRIES
    }


def main() -> None:
    if not WORDS_TABLE.exists():  # first build: the reader needs a table, typed rows never read it
        WORDS_TABLE.write_text("word,person,company\n", encoding="utf-8")
    entries = typed_entries(bundled_list_paths())
    table = word_table_of(entries)
    with WORDS_TABLE.open("w", newline="", encoding="utf-8") as fh:
        n_person = sum(e.kind is EntityKind.PERSON for e in entries)
        fh.write(f"# {n_person} person and {len(entries) - n_person} company entries with a published type\n")
        writer = csv.writer(fh)
        writer.writerow(["word", "person", "company"])
        for w in sorted(table):
            writer.writerow([w, *table[w]])
    print(f"{WORDS_TABLE}: {len(table)} words from {len(entries)} entries")


if __name__ == "__main__":
    main()
