"""Bundled list vessel names against the ways a manifest, a port record or another list writes the ship.

    PYTHONPATH=. .venv/bin/python benchmarks/vessel_writings_scan.py           # counts, groups, examples
    PYTHONPATH=. .venv/bin/python benchmarks/vessel_writings_scan.py --counts  # counts per writing only
    PYTHONPATH=. .venv/bin/python benchmarks/vessel_writings_scan.py --all     # every failure, not examples

The vessel counterpart of ``self_match_scan.py --writings`` (companies) and
``person_writings_scan.py`` (persons). Every distinct primary name and alias of the vessel entries
of ``data/lists/`` (``EntityKind.VESSEL``: OFAC SDN's vessels with their IMO numbers, and the
lists that carry them) that matches itself is scored against each writing below (one batch per
writing); a pair below the match threshold is a listed ship missed because a clerk wrote it
another way. Failures are grouped by their most negative reason.

Writings (all should match: the same ship's name, only written otherwise):

* a ship prefix added (M/V, MV, M.V., MT, M/T, SS, VESSEL) or dropped;
* upper and lower case;
* hyphens as spaces, hyphens dropped, two words run together (SEA-STAR / SEA STAR / SEASTAR);
* a number written as digits, as an English number word or as a Roman numeral (NAVE 2 / NAVE TWO
  / NAVE II);
* a bracketed former name ("(EX-…)", "(f.k.a. …)") left out.

Of the 622 list vessel names that match themselves, a ship prefix, the case and a run-together
two-word name never failed. A closing number written otherwise did: all 70 as an English word
("KUM SONG 3" / "KUM SONG THREE", refused as another number) and 27 of 70 as a Roman numeral
("HAO FAN 2" / "HAO FAN II", review: the numbers check agreed but the name similarity saw two
words), and 4 of 6 hull numbers written without the hyphen ("GP-21" / "GP21", refused: GP21 was
one word with no number). :mod:`graph.resolve.vessel_numbers` reads both. What is left is by
design: "7-28" named by numbers alone, as "728", "SEVEN-28" or "VII-28", is another number. No
bundled vessel name is written with a prefix or a bracketed former name, so those writings change
nothing yet.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.self_match_scan import match_scores, print_failure_groups, score_writing, worst_reason  # noqa: E402
from graph.resolve.compare import DEFAULT_THRESHOLDS  # noqa: E402
from graph.resolve.features import Record  # noqa: E402
from graph.resolve.vessel_numbers import NUMBER_WORDS, ROMAN_NUMERALS  # noqa: E402
from ingest.lists.model import EntityKind  # noqa: E402
from ingest.lists.pipeline import bundled_list_paths  # noqa: E402
from ingest.lists.read import read_list_file  # noqa: E402

KIND = EntityKind.VESSEL.value


def list_vessel_names() -> list[str]:
    """Every distinct primary name and alias of the bundled lists' vessel entries."""
    names: set[str] = set()
    for path in bundled_list_paths():
        for entry in read_list_file(path).entries:
            if entry.kind == EntityKind.VESSEL:
                names.update(n for n in (entry.name, *(a.name for a in entry.aliases)) if n and n.strip())
    return sorted(names)


#: A ship prefix as written at the start of a name (M/V, M.V., MV, MT, M/T, SS, VESSEL …).
_PREFIX = re.compile(r"^\s*(?:M\s*[/.]?\s*[VT]\.?|SS|MS|VESSEL)\s+", re.IGNORECASE)


def drop_prefix(name: str) -> str:
    """The name without its ship prefix: "M/V OCEAN STAR" → "OCEAN STAR"."""
    rest = _PREFIX.sub("", name, count=1)
    return rest if rest.strip() else name


def add_prefix(prefix: str) -> Callable[[str], str]:
    """A writing that puts ``prefix`` in front of the name (in place of the one it has)."""
    return lambda name: f"{prefix} {drop_prefix(name)}"


#: English number words and Roman numerals of 1 to 20, by value.
_WORDS = list(NUMBER_WORDS)
_ROMAN = list(ROMAN_NUMERALS)
_NUMBER = re.compile(r"(?<![\w.])([1-9]|1\d|20)(?![\w.])")
_ROMAN_WORD = re.compile(r"(?<![\w.'-])(" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r")(?![\w.'-])")


def digits_as(table: list[str]) -> Callable[[str], str]:
    """A writing that writes each number 1-20 of the name with ``table`` (words or numerals)."""
    return lambda name: _NUMBER.sub(lambda m: table[int(m.group(1)) - 1], name)


def roman_as_digits(name: str) -> str:
    """A Roman numeral after the first word written as digits: "NAVE II" → "NAVE 2"."""
    head, _, rest = name.partition(" ")
    if not rest:
        return name
    return f"{head} {_ROMAN_WORD.sub(lambda m: str(_ROMAN.index(m.group(1)) + 1), rest)}"


#: A bracketed former or other name: "(EX-OCEAN STAR)", "(ex OCEAN STAR)", "(f.k.a. …)".
_FORMER = re.compile(r"\s*[(\[]\s*(?:EX\b[-\s.]*|F\.?K\.?A\.?\b|FORMERLY\b)[^)\]]*[)\]]", re.IGNORECASE)


def run_together(name: str) -> str:
    """A two-word name written as one word: "SEA STAR" → "SEASTAR" (the prefix kept apart)."""
    words = drop_prefix(name).split()
    # A number is no word to run in: "ANA I" is never written "ANAI".
    if len(words) != 2 or not all(w.isalpha() and w.upper() not in _ROMAN for w in words):
        return name
    return name[: len(name) - len(drop_prefix(name))] + "".join(words)


#: How clerks and other records rewrite a ship's name: each writing is a function of the listed name.
WRITINGS: dict[str, Callable[[str], str]] = {
    "prefix dropped": drop_prefix,
    "M/V added": add_prefix("M/V"),
    "MV added": add_prefix("MV"),
    "M.V. added": add_prefix("M.V."),
    "MT added": add_prefix("MT"),
    "M/T added": add_prefix("M/T"),
    "SS added": add_prefix("SS"),
    "VESSEL added": add_prefix("VESSEL"),
    "upper case": str.upper,
    "lower case": str.lower,
    "hyphens as spaces": lambda s: " ".join(s.replace("-", " ").split()),
    "hyphens dropped": lambda s: s.replace("-", ""),
    "two words run together": run_together,
    "digits as words": digits_as(_WORDS),
    "digits as Roman": digits_as(_ROMAN),
    "Roman as digits": roman_as_digits,
    "former name dropped": lambda s: " ".join(_FORMER.sub("", s).split()) or s,
}


def _cause(name: str, other: str) -> str:
    return worst_reason(name, other, KIND)


#: The failures of each writing: (listed name, its writing, score).
Failures = dict[str, list[tuple[str, str, float]]]


def writings_report(names: list[str], counts_only: bool, examples: int) -> Failures:
    """Print the names that match themselves but not a writing of themselves (see the module
    doc); return the failures by writing."""
    threshold = DEFAULT_THRESHOLDS.match
    records = [Record(str(i), KIND, (n,)) for i, n in enumerate(names)]
    itself = match_scores(records, records) >= threshold
    print(f"{len(names)} list vessel names, {int(itself.sum())} match themselves")
    out: Failures = {}
    for label, rewrite in WRITINGS.items():
        pairs, scores = score_writing(names, records, itself, rewrite, KIND)
        if not pairs:
            print(f"{label:24s} no name changes")
            continue
        failed = [(a, b, float(x)) for (a, b), x in zip(pairs, scores, strict=True) if x < threshold]
        out[label] = failed
        print(f"{label:24s} {len(pairs):6d} names written otherwise, {len(failed):4d} no longer match")
        if counts_only or not failed:
            continue
        print_failure_groups(failed, _cause, examples)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", action="store_true", help="print the counts per writing only")
    parser.add_argument("--all", action="store_true", help="list every failure, not three per group")
    args = parser.parse_args()
    writings_report(list_vessel_names(), counts_only=args.counts, examples=10**9 if args.all else 3)


if __name__ == "__main__":
    main()
