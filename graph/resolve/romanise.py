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

:func:`vowel_key` folds further, for one word written with other vowel letters (E / I, O / U,
YASMEEEN / JASMINE): it is read word by word only, by :mod:`graph.resolve.respelt_words`, never
as the key of a whole name.

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


#: Vowel letters of the romanisation key (Y is I there).
_VOWEL_LETTERS = frozenset("AEIOU")
#: Vowel qualities Arabic and Persian romanisations write each their own way: E for I (EMAM /
#: IMAM), O for U (OMGY / UMGY, HOSSEIN / HUSSEIN); EI is the diphthong AI (HARAMEIN /
#: HARAMAIN, HOSEYN / HUSAYN).
_VOWEL_CLASS = str.maketrans({"E": "I", "O": "U"})
#: ق written G in the Gulf and Yemen (AL-OMGY / AL-UMQI): never at the start of a word (where
#: G is as often J in Egypt: GAMAL / KAMAL are two names), nor in NG (BANG / BANK, LING / LINK)
#: or GH (غ).
_MEDIAL_G = re.compile(r"(?<=[^N])G(?!H)")
#: A final H after a vowel (tāʾ marbūṭa, HANIFAH / HANIFA).
_FINAL_H = re.compile(r"(?<=[AEIOU])H$")
#: The silent final E of an English word after a consonant (JASMINE / YASMIN, CYCLONE /
#: TSIKLON), cut in words of this many letters or more: a short word's final E is as often
#: its vowel (CURE / CORE, HOME / KHUM).
_FINAL_E = re.compile(r"(?<=[^AEIOU])E$")
MIN_FINAL_E_LETTERS = 6


@lru_cache(maxsize=200_000)
def vowel_key(word: str) -> str:
    """One spelling for a word romanised with other vowel letters (Arabic and Persian words
    above all): :func:`roman_key`, then E / I and O / U one vowel each and a vowel run of one
    quality one letter (YASMEEEN / YASMIN, BORZOUYEH / BORZUYEH, EMAM / IMAM), EI the diphthong
    AI, a final H after a vowel and the silent final E of a long word cut, a medial G read as Q,
    and J or Y opening a word before a vowel one letter (JASMINE / YASMIN).

    Compared as a whole, like :func:`roman_key`; a consonant or a vowel of another quality
    (A / I / U) more or less is another key (MARIN / MORAN, SAMARA / SARATOV)."""
    if len(word) >= MIN_FINAL_E_LETTERS:
        word = _FINAL_E.sub("", word)
    word = _FINAL_H.sub("", word)
    onset = len(word) > 1 and word[0] in "JY" and word[1] in _VOWEL_LETTERS
    key = "J" + roman_key(word[1:]) if onset else roman_key(word)
    key = _MEDIAL_G.sub("K", key).replace("EI", "AI").translate(_VOWEL_CLASS)
    return _DOUBLED.sub(r"\1", key)
