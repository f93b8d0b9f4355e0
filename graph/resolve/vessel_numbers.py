"""A ship's number written three ways is one number: "NAVE 2" = "NAVE II" = "NAVE TWO".

Ships of one owner are numbered (KUM SONG 3, IRAN HORMUZ 12, BICENTENARIO XIII), and a manifest,
a port record or another list writes the number as digits, as a Roman numeral or as an English
word. The numbers check already reads a Roman numeral by its value, but the name similarity saw
2 and II as two words, so "HAO FAN 2" / "HAO FAN II" stayed at review and "KUM SONG 3" / "KUM
SONG THREE" was refused as another number (``benchmarks/vessel_writings_scan.py``).

For vessels only, the number that closes the name is written as its digits. Only the last word:
a lone I, V or X elsewhere, or after a single letter, is an initial, and a number word that opens
the name ("SEVEN SEAS", "ONE WORLD") is the name itself. A numeral of two letters or more (II,
XIV) or a number word closes the name after initials too: "A.A. II" is the ship AA 2, as its
writing without dots "AA II" is (the two were refused as two ships, similarity 0.57). Companies
keep their words: "HOLDING II" is compared by the numbers check, and "ONE" closing a company name
is a brand.

A hull number written without its hyphen is the same number: "GP-21" is read GP 21, and a
manifest's "GP21" was one word with no number in it, refused as another ship ("numbers differ: 21
vs (none)"). A vessel word of letters then digits is read as the two (GP21 → GP 21).
"""

from __future__ import annotations

import re

from graph.resolve.ordinals import ROMAN_ONE_TO_TWENTY, number_value

#: English number words one to twenty, by their digits.
NUMBER_WORDS: dict[str, str] = {
    word: str(i)
    for i, word in enumerate(
        [
            "ONE",
            "TWO",
            "THREE",
            "FOUR",
            "FIVE",
            "SIX",
            "SEVEN",
            "EIGHT",
            "NINE",
            "TEN",
            "ELEVEN",
            "TWELVE",
            "THIRTEEN",
            "FOURTEEN",
            "FIFTEEN",
            "SIXTEEN",
            "SEVENTEEN",
            "EIGHTEEN",
            "NINETEEN",
            "TWENTY",
        ],
        start=1,
    )
}
#: Roman numerals one to twenty, by their digits.
ROMAN_NUMERALS: dict[str, str] = {numeral: number_value(numeral) for numeral in ROMAN_ONE_TO_TWENTY}
_DIGITS = NUMBER_WORDS | ROMAN_NUMERALS
#: A hull number glued to its letters: GP21, OT2077.
_GLUED = re.compile(r"([A-Z]+)(\d+)")


def _apart(token: str) -> tuple[str, ...]:
    """A hull number glued to its letters as the two words (GP21 → GP, 21); any other word alone."""
    glued = _GLUED.fullmatch(token)
    return (glued.group(1), glued.group(2)) if glued else (token,)


def hull_numbers_apart(tokens: list[str]) -> list[str]:
    """The words of a vessel name, folded, with each hull number apart from its letters (GP21 →
    GP 21), as the hyphen of GP-21 already parts them: before the words are read further."""
    if not any(_GLUED.fullmatch(t) for t in tokens):
        return tokens
    return [w for t in tokens for w in _apart(t)]


def ship_number(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` of a vessel name with its closing number word or numeral written as digits."""
    if len(tokens) < 2 or tokens[-1] not in _DIGITS:
        return tokens
    if len(tokens[-1]) == 1 and len(tokens[-2]) < 2:
        return tokens  # a lone I, V or X after a letter ends a run of initials (A B V)
    return (*tokens[:-1], _DIGITS[tokens[-1]])
