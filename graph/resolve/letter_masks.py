"""Letters as bits: the column-wise necessary conditions of the acronym rules (an acronym's letters
all among the other name's initials) compare two ints instead of two strings."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def letter_mask(letters: str) -> int:
    """Bit mask of the letters A-Z in ``letters``."""
    mask = 0
    for ch in letters:
        if "A" <= ch <= "Z":
            mask |= 1 << (ord(ch) - 65)
    return mask
