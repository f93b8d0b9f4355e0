"""Whether two distinctive words may be one word written two ways.

One test, shared by the rules that ask whether a word left over on one side has a counterpart
on the other: unpaired words (:func:`graph.resolve.features.lone_words`), sibling words
(:mod:`graph.resolve.siblings`) and common words (:mod:`graph.resolve.common_stem`).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from graph.resolve.romanise import roman_key

#: Two distinctive words are each other's counterpart (a typo or a spelling variant) at this
#: rapidfuzz ratio; below it, a word left on *each* side is a different name ("GAZPROM
#: TRANSGAZ SAMARA" / "… SARATOV").
WORD_PARTNER = 0.6


def partners(word: str, other: str) -> bool:
    """``other`` may be another writing of ``word``: a typo or transliteration (rapidfuzz
    ratio >= WORD_PARTNER, or one romanisation key: HSIN / XIN), a cut word (COMM /
    COMMUNICATION, AIR / AIRLINES) or, for a word of four letters or fewer, an initialism
    starting with the same letter (JSC / JOINT)."""
    if fuzz.ratio(word, other) >= WORD_PARTNER * 100 or roman_key(word) == roman_key(other):
        return True
    short, long_ = (word, other) if len(word) <= len(other) else (other, word)
    return long_.startswith(short) or (len(short) <= 4 and short[0] == long_[0])
