"""Russian compound words: "ROSOBORONEKSPORT" is "RUSSIAN DEFENSE EXPORT", "ROSELEKTRONIKA" is
"ROSSISKAYA ELEKTRONIKA".

Russian names organisations with a *compound abbreviation* (slozhnosokrashchennoe slovo): the
first syllables of each word run together in one word, ROS-OBORON-EKSPORT for ROSsiiskii
OBORONnyi EKSPORT, ROS-SELKHOZ-BANK for ROSsiiskii SELskoKHOZyaistvennyi BANK. The lists write the
compound, and beside it the words it contracts, translated ("RUSSIAN DEFENSE EXPORT
ROSOBORONEXPORT": a gloss in front of the compound) or in Russian ("ROSSISKAYA ELEKTRONIKA"). No
other rule reads it: the compound is one distinctive word, a run of whole words on the other side,
and not an initialism (ROS is three letters of one word).

The parts are a table (``data/reference/russian_compounds.csv``, each row with the Russian word
it contracts and the list names it was read from). :func:`compound_reading` holds when a word of
one name splits wholly into ``MIN_PARTS`` parts of the table or more (each part compared under
:func:`graph.resolve.romanise.roman_key`: EKSPORT / EXPORT), the other name writes those parts'
words in order, one after the other, and — the compound and its run set aside, and the compound
itself where the other name writes it too — nothing else is left on either side but the same
words (equal romanisation keys). And the run must say more than two English words could by
chance ("RUSSIAN MACHINES", "RUSSIAN ELECTRONICS" name other companies too): the other name also
writes the compound (a gloss), or one of the run's words is written in Russian (ROSSISKAYA), or
the compound has ``MIN_ENGLISH_PARTS`` parts.

The scorer reads the rule only where a name has a compound and every part of it is among the
words the other name may give (bit masks, column-wise: :func:`part_bits`, :func:`word_bits`).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.resolve.either_way import either_way
from graph.resolve.org_translate import SKIP_WORDS, translate
from graph.resolve.romanise import roman_key

TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "russian_compounds.csv"

#: A compound is this many parts at least (one part is a word).
MIN_PARTS = 2
#: A compound read only by English words, with no gloss and no Russian word: this many parts.
MIN_ENGLISH_PARTS = 3


@dataclass(frozen=True)
class Part:
    """A part of a compound: ``part`` as Russian writes it, the ``english`` words it translates
    to, and the ``russian`` word it contracts (for the reason)."""

    part: str
    english: tuple[str, ...]
    russian: str


@dataclass(frozen=True)
class Compound:
    """``word`` of one name read as ``parts``, which the other name writes as ``run``."""

    word: str
    parts: tuple[Part, ...]
    run: tuple[str, ...]
    glossed: bool  # the other name writes the compound too
    abbreviating: int  # 0: the first name passed wrote the compound, 1: the second


@lru_cache(maxsize=1)
def table() -> tuple[Part, ...]:
    """The parts of the table, in its order."""
    with TABLE.open(newline="", encoding="utf-8") as fh:
        return tuple(
            Part(row["part"], tuple(row["english"].split()), row["russian"]) for row in csv.DictReader(fh)
        )


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Part]:
    return {roman_key(p.part): p for p in table()}


#: Set in the part bits of every name with a compound and in the word bits of every name: two
#: compounds of one name may share no part (ROSOBORONEKSPORT EKSIMBANK), and their common parts,
#: 0, must still tell the scorer that the name has a compound to read (:func:`part_bits`).
HAS_COMPOUND = 1 << 62


@lru_cache(maxsize=1)
def _bit() -> dict[str, int]:
    """A bit per part (the table is short: one bit each, below :data:`HAS_COMPOUND`)."""
    parts = table()
    if (1 << len(parts)) > HAS_COMPOUND:
        raise ValueError(f"{TABLE.name}: {len(parts)} parts do not fit the scorer's bit masks")
    return {p.part: 1 << i for i, p in enumerate(parts)}


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(p.part) for p in table()) + 2  # a respelling may be longer (KS / X shorter)


@lru_cache(maxsize=1)
def _shape() -> tuple[frozenset[str], int]:
    """The first two letters of the parts' keys, and the fewest letters two parts are written in
    (a key is never longer than the word it folds): a cheap test before the split."""
    keys = sorted(_by_key(), key=len)
    return frozenset(k[:2] for k in keys), len(keys[0]) + len(keys[1])


@lru_cache(maxsize=200_000)
def split(word: str) -> tuple[Part, ...]:
    """The parts ``word`` is written of, ``MIN_PARTS`` or more, each part compared by its
    romanisation key; ``()`` when it is no compound of the table."""
    heads, fewest = _shape()
    if len(word) < fewest or roman_key(word)[:2] not in heads:
        return ()
    found = _split(word, 0)
    return found if len(found) >= MIN_PARTS else ()


def _split(word: str, start: int) -> tuple[Part, ...]:
    if start == len(word):
        return ()
    for end in range(min(len(word), start + _longest()), start + 1, -1):  # longest part first
        part = _by_key().get(roman_key(word[start:end]))
        if part is None:
            continue
        if end == len(word):
            return (part,)
        rest = _split(word, end)
        if rest:
            return (part, *rest)
    return ()


def _word_matches(word: str, part: Part) -> tuple[bool, bool]:
    """``(matches, written in Russian)``: a one-word ``part`` written as ``word`` — its English
    word, its Russian word (``org_words.csv``: ROSSISKAYA is RUSSIAN), or the part itself."""
    (english,) = part.english
    if word == english:
        return True, False
    if translate(word) == english or roman_key(word) == roman_key(part.part):
        return True, True
    return False, False


@lru_cache(maxsize=1)
def _bits_by_word() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Bits of the parts by their first English word, by their one English word (a word
    translated to it), and by their key (the part written as a word): :func:`_word_matches`."""
    first: dict[str, int] = {}
    single: dict[str, int] = {}
    keys: dict[str, int] = {}
    for part in table():
        bit = _bit()[part.part]
        first[part.english[0]] = first.get(part.english[0], 0) | bit
        if len(part.english) == 1:
            single[part.english[0]] = single.get(part.english[0], 0) | bit
            keys[roman_key(part.part)] = keys.get(roman_key(part.part), 0) | bit
    return first, single, keys


@lru_cache(maxsize=200_000)
def _token_bits(word: str) -> int:
    first, single, keys = _bits_by_word()
    return first.get(word, 0) | single.get(translate(word), 0) | keys.get(roman_key(word), 0)


def word_bits(tokens: Sequence[str]) -> int:
    """The parts the name's words may write (a bit each, and :data:`HAS_COMPOUND`): a necessary
    condition of the rule."""
    bits = HAS_COMPOUND
    for t in tokens:
        bits |= _token_bits(t)
    return bits


def part_bits(tokens: Sequence[str]) -> int:
    """The parts every compound of the name is written of (the bits they share: one compound read
    must find all its parts), with :data:`HAS_COMPOUND`; 0 when the name has no compound."""
    bits = -1
    for t in dict.fromkeys(tokens):
        parts = split(t)
        if parts:
            mine = 0
            for p in parts:
                mine |= _bit()[p.part]
            bits &= mine
    return 0 if bits == -1 else bits | HAS_COMPOUND


def _run_at(parts: Sequence[Part], words: Sequence[str], start: int) -> tuple[int, bool] | None:
    """``(end, a word in Russian)`` when ``words[start:]`` write ``parts`` in order; else None."""
    j, russian = start, False
    for part in parts:
        if len(part.english) > 1:
            if tuple(words[j : j + len(part.english)]) != part.english:
                return None
            j += len(part.english)
            continue
        if j >= len(words):
            return None
        matches, in_russian = _word_matches(words[j], part)
        if not matches:
            return None
        j, russian = j + 1, russian or in_russian
    return j, russian


def _keys(words: Sequence[str]) -> list[str]:
    return sorted(roman_key(w) for w in words if w not in SKIP_WORDS)


def _one_way(x: tuple[str, ...], y: tuple[str, ...]) -> Compound | None:
    for word in dict.fromkeys(x):
        parts = split(word)
        if not parts:
            continue
        key = roman_key(word)
        for start in range(len(y)):
            found = _run_at(parts, y, start)
            if found is None:
                continue
            end, russian = found
            rest_y = [w for w in y[:start] + y[end:] if roman_key(w) != key]
            glossed = len(rest_y) < len(y) - (end - start)
            rest_x = list(x)
            rest_x.remove(word)
            if _keys(rest_x) != _keys(rest_y):
                continue
            if glossed or russian or len(parts) >= MIN_ENGLISH_PARTS:
                return Compound(word, parts, y[start:end], glossed, 0)
    return None


@lru_cache(maxsize=50_000)
def compound_reading(tokens_a: tuple[str, ...], tokens_b: tuple[str, ...]) -> Compound | None:
    """A word of one name that is a compound of the other name's words, the names one name once
    it is read (module docstring); None when there is none."""
    return either_way(lambda: _one_way(tokens_a, tokens_b), lambda: _one_way(tokens_b, tokens_a))


def same_by_compound(text_a: str, text_b: str) -> float:
    """1.0 when :func:`compound_reading` holds for two names' normalised tokens (space-joined),
    else 0.0 (for the scorer's per-distinct-pair reader)."""
    return float(compound_reading(tuple(text_a.split()), tuple(text_b.split())) is not None)


def describe(hit: Compound) -> str:
    """The reason for a compound read, in words."""
    parts = " + ".join(f"{p.part} ({p.russian}: {' '.join(p.english)})" for p in hit.parts)
    gloss = "; the other name writes the compound too, after its translation" if hit.glossed else ""
    return (
        f"{hit.word} is a Russian compound word, {parts}, which the other name writes as "
        f"{' '.join(hit.run)} (data/reference/russian_compounds.csv){gloss}; set aside, the other "
        "words agree"
    )
