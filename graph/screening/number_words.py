"""One number written as digits, as an ordinal or as a roman numeral is one number to screening.

Screening compares names by their letters, so "MAGUS HOLDING 2 CORP" scored 0.62 against the listed
"MAGUS HOLDING II, CORP." and was cleared: the 2 had no partner in II. Resolution reads the numbers
of a firm's name by value (:mod:`graph.resolve.ordinals`, :attr:`graph.resolve.names.NameForm.numbers`):
a digit ordinal is its digits (2ND → 2), an ordinal word before an organisational unit is its digits
(SECOND ACADEMY → 2 ACADEMY), a roman numeral is its value (II → 2). Screening writes a pair's
numbers that way, with resolution's own reading (imported, not copied), where that makes the two
names' numbers one: then both names are compared as rewritten ("MAGUS HOLDING 2 CORP" on both sides).

Only such pairs are rewritten. Elsewhere the letters of a number word are still letters to compare:
"DREAMI I" is "DREAM II" with a space moved, "15TKH" (a Cyrillic 15ТХ romanised) is "15TH" keyed
otherwise, and a rewrite to digits on one side would hide that. Two names whose numbers differ by
value are :mod:`graph.screening.number_names`' business.

Not read: the roman numerals resolution reads only at the end of a firm's name, because elsewhere
they are a syllable (XI of XI AN, a Chinese name) or an initial (I, V, X), and screening does not
know where a firm's name ends (its legal form is still there).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from graph.resolve.names import ABBREVIATIONS, ROMAN_NUMERALS, SYLLABLE_NUMERALS
from graph.resolve.ordinals import ORDINAL_WORDS, canonical_numbers, number_value
from graph.screening.name_text import name_text

#: Roman numerals resolution reads wherever they stand in a firm's name (II, III, IV, XIV …), but
#: for two letters opening it (VI LENIN: initials); a rewrite here is made only where it makes a
#: pair's numbers one, so that exception needs no copy here.
NUMERALS_ANYWHERE = ROMAN_NUMERALS - SYLLABLE_NUMERALS
_ORDINAL_WORDS = frozenset(ORDINAL_WORDS)


def numbers_as_digits(tokens: list[str]) -> list[str]:
    """``tokens`` (upper-case ASCII words) with every number resolution reads written as its digits:
    II → 2, 2ND → 2, FIRST ACADEMY → 1 ACADEMY; the other words as they are."""
    if (
        NUMERALS_ANYWHERE.isdisjoint(tokens)
        and _ORDINAL_WORDS.isdisjoint(tokens)
        and not any(ch.isdigit() for t in tokens for ch in t)
    ):
        return tokens  # most names: no number at all
    # Resolution reads an ordinal word before a unit word as it expands it (INST → INSTITUTE).
    expanded = tuple(ABBREVIATIONS.get(t, t) for t in tokens)
    canonical = canonical_numbers(expanded)
    return [
        number_value(t) if t in NUMERALS_ANYWHERE else (digits if digits != word else t)
        for t, word, digits in zip(tokens, expanded, canonical, strict=True)
    ]


@lru_cache(maxsize=200_000)
def _read(name: str) -> tuple[str, tuple[str, ...]] | None:
    """A name's words with its numbers as digits, and those numbers sorted; None if it writes no
    number otherwise than as plain digits (most names)."""
    tokens = name_text(name).split()
    read = numbers_as_digits(tokens)
    if read == tokens:
        return None
    return " ".join(read), tuple(sorted(t for t in read if t.isdigit()))


def _numbers(name: str) -> tuple[str, ...]:
    read = _read(name)
    if read is not None:
        return read[1]
    return tuple(sorted(t for t in name_text(name).split() if t.isdigit()))


def numbers_by_value(query_names: Sequence[str], target_names: Sequence[str]) -> tuple[list[str], list[str]]:
    """The aligned pairs of names, a pair rewritten with its numbers as digits where one of its names
    writes a number otherwise (II, 2ND) and the two then hold the same numbers (II / 2, 2ND / II)."""
    queries, targets = list(query_names), list(target_names)
    for k, (q, t) in enumerate(zip(query_names, target_names, strict=True)):
        read_q, read_t = _read(q), _read(t)
        if read_q is None and read_t is None:
            continue
        numbers = read_q[1] if read_q else _numbers(q)
        if numbers and numbers == (read_t[1] if read_t else _numbers(t)):
            queries[k] = read_q[0] if read_q else q
            targets[k] = read_t[0] if read_t else t
    return queries, targets
