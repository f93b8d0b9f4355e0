"""One spelling for the romanisations of one name: ``roman_key("TSENTRALNY") == roman_key("CENTRALNY")``.

Russian, Persian, Arabic and Chinese names reach the lists through different romanisation
systems and English spelling habits: Х as KH or H, Ц as TS or C, Щ as SHCH or SCH, Й / Ы as Y
or I, КС as KS or X (EKSPORT / EXPORT), Wade-Giles HS / TS for Pinyin X / Z (HSIN / XIN),
C or K or Q for one sound (FACTORING / FAKTORING), PH for F, doubled letters (ASSALUYEH /
ASALUYEH). The key folds each of these pairs to one letter so that two romanisations of one
word compare as equal, where a plain edit ratio sees several edits (HSENONVISION /
XENONVISION is two edits in twelve letters, and a first letter that differs).

The key is only ever compared as a whole: equal keys give the name similarity
``features.ROMAN_DISCOUNT`` (a ratio of keys would lift unrelated short names), and
``word_partners.partners`` reads equal keys as one word. It is not a word to show to anyone.

Person names have their own, looser key (:func:`graph.resolve.align.romanisation_key`: it also
folds G/K, B/P, D/T for Korean and Thai romanisations, and drops vowels); on company words those
folds would make different brands one word, so the two keys stay apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Ordered rewrites (longest first where they overlap); applied to upper-case ASCII.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("SHCH", "SH"),
    ("SCH", "SH"),
    ("CH", "\x01"),  # protected: CH is its own sound in every system
    ("KH", "H"),
    ("TS", "Z"),
    ("TZ", "Z"),
    ("HS", "X"),
    ("KS", "X"),
    ("CK", "K"),
    ("PH", "F"),
    ("\x01", "CH"),
)
#: C before E / I / Y is Ц (TSENTR / CENTR), anywhere else K; Q is K; W is V; Y is I.
_SOFT_C = re.compile(r"C(?=[EIY])")
_LETTERS = str.maketrans({"Q": "K", "W": "V", "Y": "I"})
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=500_000)
def roman_key(text: str) -> str:
    """The romanisation-folded spelling of an upper-case ASCII word or words written together."""
    out = text
    for old, new in _REWRITES[:3]:
        out = out.replace(old, new)
    out = _SOFT_C.sub("Z", out)
    for old, new in _REWRITES[3:]:
        out = out.replace(old, new)
    out = out.replace("CH", "\x01").replace("C", "K").replace("\x01", "CH")
    return _DOUBLED.sub(r"\1", out.translate(_LETTERS))
