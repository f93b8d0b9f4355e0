"""Slips at the start of a person-name word that are not another name.

The onset rule of :mod:`graph.resolve.person_rules` reads two aligned words that begin with
sounds no romanisation confuses (RADIC / TADIC) as two names. Three ways of writing *one* word
also change its first letter, and the rule must not read them as two names:

* **swapped first letters** — the first two letters keyed in the wrong order, the rest equal
  (RUBINA / URBINA): a keying slip, not a name that begins with another sound;
* **I for l** — a capital I and a lower-case l are one glyph in most sans-serif fonts, so a
  name copied from such text may open with the wrong one, the rest equal (Lasha / Iasha);
* **a prothetic vowel** — an I or E written in front of a word that opens with two consonants,
  as Arabic and Spanish speech and their transliterations do (IRHAYYIM / RHAYYIM, IBRAHIM /
  BRAHIM, ESTEBAN / STEBAN): the word without it begins as the other. The consonant after the
  vowel must not be H (EHSAN / HASAN are two names, not one with a vowel in front), nor may the
  two letters be one sound written with two (ISHAM / SHADI: SH is one consonant).

Each test is on the letters alone, word pair by word pair; the alignment still has to pair the
words by their spelling similarity.
"""

from __future__ import annotations

from functools import lru_cache

SWAPPED = "swapped"
GLYPH = "glyph"
PROTHETIC = "prothetic"

#: Words shorter than this are left to the onset rule: a slip is only recognisable in a word
#: long enough that the unchanged rest identifies it.
MIN_LETTERS = 4
_VOWELS = frozenset("AEIOUY")
_PROTHETIC_VOWELS = frozenset("IE")
_GLYPHS = frozenset("IL")
#: Two letters that write one consonant: no cluster a prothetic vowel goes before.
_DIGRAPHS = frozenset(["SH", "CH", "TH", "KH", "GH", "PH", "DH", "ZH", "TS", "DJ", "DZ"])


def _prothetic(short: str, long_: str) -> bool:
    if len(long_) < 3 or long_[0] not in _PROTHETIC_VOWELS:
        return False
    second, third = long_[1], long_[2]
    if second in _VOWELS or second == "H" or third in _VOWELS or second + third in _DIGRAPHS:
        return False
    return short[0] == second


@lru_cache(maxsize=100_000)
def onset_slip(a: str, b: str) -> str | None:
    """How ``a`` and ``b`` are one word written with another first letter (:data:`SWAPPED`,
    :data:`GLYPH`, :data:`PROTHETIC`), or ``None`` when they are not."""
    if a == b or min(len(a), len(b)) < MIN_LETTERS or a[0] == b[0]:
        return None
    if len(a) == len(b):
        if a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:]:
            return SWAPPED
        if {a[0], b[0]} == _GLYPHS and a[1:] == b[1:]:
            return GLYPH
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if _prothetic(short, long_):
        return PROTHETIC
    return None


_WORDS = {
    SWAPPED: "the first two letters keyed in the wrong order",
    GLYPH: "a capital I and a lower-case l, one glyph in most fonts",
    PROTHETIC: "a vowel written in front of the opening consonants",
}


def describe(pairs: list[tuple[str, str, str]]) -> str:
    """The slips ``(word, word, kind)`` in words, for the reasons of ``compare``."""
    found = ", ".join(f"{a} / {b} ({_WORDS[kind]})" for a, b, kind in pairs)
    return (
        f"{found}: one word written with another first letter, not two names that begin with "
        "different sounds (in the name similarity above)"
    )
