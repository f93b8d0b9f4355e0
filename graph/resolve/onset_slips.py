"""Writings of one person-name word that change its first letter, and are not another name.

The onset rule of :mod:`graph.resolve.person_rules` reads two aligned words that begin with
sounds no romanisation confuses (RADIC / TADIC) as two names. Two ways of writing *one* word
also change its first letter, and the rule must not read them as two names:

* **I for l** — a capital I and a lower-case l are one glyph in most sans-serif fonts, so a
  name copied from such text may open with the wrong one, the rest equal (Lasha / Iasha);
* **a prothetic vowel** — an I or E written in front of a word that opens with a consonant
  cluster, as Maghrebi and other transliterations do (IBRAHIM / BRAHIM, IDRISSI / DRISSI): the
  other word must open with the same two consonants and have the same consonants throughout.
  The cluster must be two consonants, not one written with two letters (ISHAM / SHADI: SH) nor
  a consonant and H (EHSAN / HASAN are two names).

Both tests are strict on purpose. Over the 8,000 person-name words of the evaluation pairs,
looser ones — the first two letters swapped (RUBINA / URBINA, but also ASAD / SAAD, ANWAR /
NAWAR, ORLANDO / ROLANDO), or a vowel in front of just the other word's first consonant (IRHAYYIM
/ RAHIM, but also IBRAHIM / BASHIR, ISMAIL / SAMUEL, IDRIS / DORIS) — lifted the onset rule
between hundreds of pairs of different names.
"""

from __future__ import annotations

from functools import lru_cache

from graph.resolve.names import consonant_skeleton

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
    if len(long_) != len(short) + 1 or long_[0] not in _PROTHETIC_VOWELS:
        return False
    cluster = long_[1:3]
    if cluster[0] in _VOWELS or "H" in cluster or cluster[1] in _VOWELS or cluster in _DIGRAPHS:
        return False
    return short.startswith(cluster) and consonant_skeleton(long_[1:]) == consonant_skeleton(short)


@lru_cache(maxsize=100_000)
def onset_slip(a: str, b: str) -> str | None:
    """How ``a`` and ``b`` are one word written with another first letter (:data:`GLYPH`,
    :data:`PROTHETIC`), or ``None`` when they are not."""
    if a == b or min(len(a), len(b)) < MIN_LETTERS or a[0] == b[0]:
        return None
    if len(a) == len(b) and {a[0], b[0]} == _GLYPHS and a[1:] == b[1:]:
        return GLYPH
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if _prothetic(short, long_):
        return PROTHETIC
    return None


_WORDS = {
    GLYPH: "a capital I and a lower-case l, one glyph in most fonts",
    PROTHETIC: "a vowel written in front of the opening consonant cluster",
}


def describe(pairs: list[tuple[str, str, str]]) -> str:
    """The slips ``(word, word, kind)`` in words, for the reasons of ``compare``."""
    found = ", ".join(f"{a} / {b} ({_WORDS[kind]})" for a, b, kind in pairs)
    return (
        f"{found}: one word written with another first letter, not two names that begin with "
        "different sounds (in the name similarity above)"
    )
