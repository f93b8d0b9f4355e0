"""One word in a sister language: INITSIATIVY / INITIATIVES, DEMOCRATIQUES / DEMOCRATIC.

The lists translate a name word by word, and a word of Latin stock then keeps its stem and
changes its ending and spelling: ISLAMIQUE / ISLAMIC, INTERNACIONAL / INTERNATIONAL, the Russian
romanisation INITSIATIVY of the English INITIATIVES. Two words are *cognates* when, once written
in one spelling (:func:`spelling`: PH / F, QU / K, C / K, KH / K, Y / I, TSI / TI, Z / S and
doubled letters, the usual pairs between the Romance languages, English and Russian
romanisations), the Snowball stemmers of English, French, Spanish, Italian, Portuguese and
Romanian (the ``PyStemmer`` library, not a table of our own) give both the same stem of
:data:`MIN_STEM` letters or more for some language. Snowball's Russian stemmer reads Cyrillic
only, so the few Russian noun and adjective endings of romanised words are cut first
(:data:`_RUSSIAN_ENDINGS`).

A stem on its own says little (coined company names share stems all the time: OPTIMA /
OPTIMACHIP), so :func:`same_words` holds only when *every* word of one name pairs with a word of
the other, as written or as a cognate, and the cognate stems are long
(:data:`MIN_LONE_STEM` letters for a single cognate: KHORASAN / KHOUZESTAN share no stem at all,
and "HELICOPTER" / "HELICOPTERS" is already one word to the name similarity).
It is read only for the names proper of :mod:`graph.resolve.org_translate`, whose organisational
words are translated already: "Oboronnye Initsiativy LLC" / "LLC Defense Initiatives".
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

#: Languages whose Snowball stemmers read a word (a word of Latin stock in the lists' languages).
LANGUAGES = ("english", "french", "spanish", "italian", "portuguese", "romanian")
#: A shared stem has at least this many letters (INITIATIV, ISLAMIK; not INIT).
MIN_STEM = 5
#: A name whose words pair by a single cognate needs that stem this long (INITIATIV, 9).
MIN_LONE_STEM = 7
#: Russian adjective and noun endings cut before stemming (the cut leaves MIN_STEM letters).
_RUSSIAN_ENDINGS = ("YE", "YY", "YI", "IY", "II", "IE", "AYA", "OE", "OYE", "Y", "I", "A")
#: One spelling for sounds the sister languages write differently, applied in this order.
_SPELLING = (
    ("PH", "F"),
    ("TH", "T"),
    ("QU", "K"),
    ("CK", "K"),
    ("KH", "K"),
    ("CH", "K"),
    ("TSI", "TI"),  # INITSIATIVA (romanised Russian) / INITIATIVE
    ("CI", "TI"),  # INTERNACIONAL / INTERNATIONAL, before C / K below
    ("C", "K"),
    ("Y", "I"),
    ("Z", "S"),
    ("W", "V"),
)
_DOUBLED = re.compile(r"(.)\1+")
_STEMMERS = tuple(Stemmer.Stemmer(language) for language in LANGUAGES)


@lru_cache(maxsize=100_000)
def spelling(word: str) -> str:
    """``word`` (upper-case ASCII) in one spelling, lower-case for the stemmers."""
    for old, new in _SPELLING:
        word = word.replace(old, new)
    return _DOUBLED.sub(r"\1", word).lower()


@lru_cache(maxsize=100_000)
def stems(word: str) -> frozenset[str]:
    """Every stem of ``word`` of MIN_STEM letters or more, one per language (module docstring)."""
    written = spelling(word)
    forms = {written}
    for ending in _RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            forms.add(spelling(word[: -len(ending)]))
    found = {stemmer.stemWord(form) for stemmer in _STEMMERS for form in forms} | forms
    return frozenset(s for s in found if len(s) >= MIN_STEM)


def cognate_stem(a: str, b: str) -> str:
    """The longest stem words ``a`` and ``b`` share, or ``""`` when they are not cognates."""
    if a == b:
        return ""
    shared = stems(a) & stems(b)
    return max(shared, key=len) if shared else ""


def pairing(words_a: list[str], words_b: list[str]) -> list[tuple[str, str, str]] | None:
    """Every word of each name paired with one of the other, the same or a cognate: the cognate
    pairs ``(a, b, stem)``; None when a word is left over or when no word is a cognate."""
    if len(words_a) != len(words_b):
        return None
    left = list(words_b)
    found: list[tuple[str, str, str]] = []
    for word in words_a:
        if word in left:
            left.remove(word)
            continue
        partner = next((other for other in left if cognate_stem(word, other)), None)
        if partner is None:
            return None
        left.remove(partner)
        found.append((word, partner, cognate_stem(word, partner)))
    return found or None


def same_words(words_a: list[str], words_b: list[str]) -> bool:
    """The two names are the same words, some written as cognates (module docstring): several
    cognates, or one of a stem MIN_LONE_STEM letters long."""
    found = pairing(words_a, words_b)
    if not found:
        return False
    return len(found) >= 2 or len(found[0][2]) >= MIN_LONE_STEM


def describe(words_a: list[str], words_b: list[str]) -> str:
    """The cognates of two names :func:`same_words` holds for, for the reasons."""
    found = pairing(words_a, words_b) or []
    return ", ".join(f"{a} / {b} (stem {stem.upper()})" for a, b, stem in found)
