"""Numbers written three ways are one number: "1ST ACADEMY" = "FIRST ACADEMY" = "1 ACADEMY".

Lists number the subordinate units of state groups ("CASC 1st Academy 12 Research Institute" /
"… First Academy 12th Research Institute", "46th TSNII" / "46 TsNII"). The name normalisation
(:func:`graph.resolve.names.normalise_name`) writes every such number as its digits, so that the
name similarity sees one word and the numbers check (:attr:`NameForm.numbers`) one number:

* a digit ordinal loses its suffix: ``12TH`` → ``12``, ``1ST`` → ``1``;
* an ordinal word is a number only in front of an organisational *unit* word ("FIRST ACADEMY",
  "SECOND BRANCH", "SECOND RESEARCH ACADEMY"): elsewhere it is a name ("First Components Ltd" is
  a brand, not the first of anything), which must keep its letters (a name reduced to one
  digit would have no distinctive word left).

Cardinal words (ONE, TWO) are never rewritten: "ONE MACHINE" or "ONE WORLD" are names.

Roman numerals stay as written in the name (II is a word of "HOLDING II"), but the numbers check
compares their values (:func:`number_value`): "WIDGETWORKS HOLDING II" and "WIDGETWORKS HOLDING 2"
are one company, "… II" and "… III" two.
"""

from __future__ import annotations

import re
from functools import lru_cache

ORDINAL_WORDS: dict[str, str] = {
    "FIRST": "1",
    "SECOND": "2",
    "THIRD": "3",
    "FOURTH": "4",
    "FIFTH": "5",
    "SIXTH": "6",
    "SEVENTH": "7",
    "EIGHTH": "8",
    "NINTH": "9",
    "TENTH": "10",
    "ELEVENTH": "11",
    "TWELFTH": "12",
    "THIRTEENTH": "13",
    "FOURTEENTH": "14",
    "FIFTEENTH": "15",
    "SIXTEENTH": "16",
    "SEVENTEENTH": "17",
    "EIGHTEENTH": "18",
    "NINETEENTH": "19",
    "TWENTIETH": "20",
}

#: Units of an organisation that lists number (after abbreviation expansion: INST → INSTITUTE).
UNIT_WORDS: frozenset[str] = frozenset(
    {
        "ACADEMY",
        "INSTITUTE",
        "BRANCH",
        "FACTORY",
        "PLANT",
        "DEPARTMENT",
        "DIVISION",
        "DIRECTORATE",
        "BUREAU",
        "LABORATORY",
        "REGIMENT",
        "BRIGADE",
        "BATTALION",
        "ARMY",
        "FLEET",
        "CORPS",
        "SHIPYARD",
        "WORKSHOP",
    }
)
#: Words that may stand between the ordinal and its unit ("SECOND RESEARCH ACADEMY").
QUALIFIERS: frozenset[str] = frozenset({"RESEARCH", "SCIENCE", "DESIGN", "CENTRAL", "MAIN", "SPECIAL"})

#: English ordinal suffixes, and the same keyed with their two letters swapped ("52DN").
ORDINAL_SUFFIXES = "ST|ND|RD|TH|TS|DN|DR|HT"
_DIGIT_ORDINAL = re.compile(rf"0*(\d+)(?:{ORDINAL_SUFFIXES})")
_DIGIT = re.compile(r"\d")
_ORDINAL_WORDS = frozenset(ORDINAL_WORDS)


@lru_cache(maxsize=200_000)
def _digit_ordinal(token: str) -> str | None:
    hit = _DIGIT_ORDINAL.fullmatch(token)
    return hit.group(1) if hit else None


def canonical_numbers(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with digit ordinals and unit-numbering ordinal words written as digits."""
    if _ORDINAL_WORDS.isdisjoint(tokens) and _DIGIT.search(" ".join(tokens)) is None:
        return tokens  # most names: no number at all
    out = list(tokens)
    for i, t in enumerate(tokens):
        digits = _digit_ordinal(t)
        if digits is not None:
            out[i] = digits
        elif t in ORDINAL_WORDS and _before_unit(tokens, i + 1):
            out[i] = ORDINAL_WORDS[t]
    return tuple(out)


def _before_unit(tokens: tuple[str, ...], j: int) -> bool:
    """A unit word at ``tokens[j]``, or after one qualifier there."""
    if j < len(tokens) and tokens[j] in QUALIFIERS:
        j += 1
    return j < len(tokens) and tokens[j] in UNIT_WORDS


def rewrites(tokens: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The ``(as written, digits)`` pairs :func:`canonical_numbers` makes on ``tokens``, for the
    reason :func:`graph.resolve.compare.compare` gives."""
    return tuple((t, c) for t, c in zip(tokens, canonical_numbers(tokens), strict=True) if t != c)


def describe(pairs: tuple[tuple[str, str], ...]) -> str:
    """The reason for the numbers :func:`canonical_numbers` rewrote, in words."""
    done = ", ".join(f"{written} = {digits}" for written, digits in dict.fromkeys(pairs))
    return f"ordinals compared as numbers: {done} (an ordinal word only before a unit such as ACADEMY)"


#: Values of the letters of the roman numerals that :attr:`NameForm.numbers` reads (I to XX).
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}

#: Roman numerals one to twenty, in order: what a name's closing number is written as (NAVE II,
#: SEA STAR XIV). Higher numbers are not written in names this project reads.
ROMAN_ONE_TO_TWENTY: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
)  # fmt: skip


def number_value(number: str) -> str:
    """A number of :attr:`graph.resolve.names.NameForm.numbers` as digits: a roman numeral as its
    value (``II`` → ``2``, ``XIV`` → ``14``), digits as they are."""
    if not number or any(ch not in _ROMAN_VALUES for ch in number):
        return number
    values = [_ROMAN_VALUES[ch] for ch in number]
    # a letter before a larger one is subtracted (IV, IX, XIV)
    return str(sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True)))
