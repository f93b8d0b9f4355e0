"""Surnames read as a root and a suffix: one root with two suffixes, or two roots with one.

Many family names are a root and a suffix that derives a surname from it: Serbo-Croatian
PETR-IC and PETR-OVIC, Ukrainian ONYSHCH-ENKO, Persian ZAHED-I (the *nisba*). The spelling
similarity of two such surnames is carried by whichever part they share, so it says "alike"
where the surnames name two families:

* **one root, two derivations** — PETRIC / PETROVIC (0.86 letter for letter): -IC and
  -OVIC / -EVIC build two surnames from one root, as PETERS and PETERSON do; no
  transliteration inserts or drops the OV. The Persian and Arabic nisba -I on a root spelt
  another way is the same: ZAHID / ZAHEDI, RAZA / REZA'I, HASNAIN / HOSSEINI are a given name
  used as a surname (Urdu or Arabic spelling) and the Persian surname derived from it. With the
  root spelt alike (BEHZAD / BEHZADI, SEDAGHAT / SEDAGHATI) the lists do write one person's
  surname both ways, so that case stays silent.
* **one suffix, two roots** — IVANOVIC / MARIJANOVIC, ONYSHCHENKO / OMELCHENKO: a long
  shared Slavic surname suffix (-OVIC, -ENKO, -CHUK …) lifts the similarity of two unrelated
  roots (IVAN / MARIJAN, ONYSHCH / OMELCH) to 0.67-0.74; the root alone is the family's name.

Only the surnames are read (the last word of each name in
:func:`graph.resolve.person_rules.written_order`, aligned with each other), and only names of
two words or more: a one-word name may be a given name.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from graph.resolve.names import consonant_skeleton

#: Serbo-Croatian / Russian surname from a root: -IC (PETRIC) or -OVIC / -EVIC (PETROVIC),
#: with the Russian -ICH spelling.
_SLAVIC_DERIVED = re.compile(r"(.{3,}?)(OV|EV|)(ICH|IC)")
#: Long Slavic surname suffixes that carry no identity of their own (longest first).
_SLAVIC_SUFFIXES = ("OVICH", "EVICH", "OVYCH", "EVYCH", "OVIC", "EVIC", "ENKO", "CHUK", "YUK")
#: Below this letter similarity (rapidfuzz ratio) two roots are two names (IVAN / MARIJAN
#: 0.55, ONYSHCH / OMELCH 0.46; transliterations of one root stay above: DJORDJ / DORD 0.80).
ROOT_MIN_RATIO = 60
_MIN_ROOT = 3


def _slavic_derivations(a: str, b: str) -> bool:
    """PETRIC / PETROVIC: one root, -IC on one side and -OVIC / -EVIC on the other."""
    ma, mb = _SLAVIC_DERIVED.fullmatch(a), _SLAVIC_DERIVED.fullmatch(b)
    if ma is None or mb is None or ma.group(1) != mb.group(1):
        return False
    return (ma.group(2) == "") != (mb.group(2) == "")


def _respelt_nisba(a: str, b: str) -> bool:
    """ZAHID / ZAHEDI: ``b`` is ``a`` with the nisba -I (or the reverse), the root spelt another
    way (same consonants, a vowel changed); the root spelt alike (BEHZAD / BEHZADI) is not."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    # The nisba adds a letter: WEHBE / WAHBI, BUTHE / BATHI are one name, its last vowel respelt.
    if len(short) < 4 or len(long_) <= len(short) or long_[-1] not in "IY" or short[-1] in "EIY":
        return False
    stem = long_[:-1]
    if stem == short or abs(len(stem) - len(short)) > 1:
        return False
    return consonant_skeleton(stem) == consonant_skeleton(short)


def _slavic_root(word: str) -> tuple[str, str] | None:
    for suffix in _SLAVIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_ROOT:
            return word[: -len(suffix)], suffix
    return None


def _other_roots(a: str, b: str) -> bool:
    """IVANOVIC / MARIJANOVIC: one long Slavic suffix, two roots unlike each other."""
    ra, rb = _slavic_root(a), _slavic_root(b)
    if ra is None or rb is None or ra[1][-2:] != rb[1][-2:]:
        return False
    return fuzz.ratio(ra[0], rb[0]) < ROOT_MIN_RATIO


def surname_morphology(a: str, b: str) -> bool:
    """Two aligned surnames that are one root with two surname suffixes, or two roots with one
    suffix (see the module docstring): two family names, not two spellings of one."""
    if a == b:
        return False
    return _slavic_derivations(a, b) or _respelt_nisba(a, b) or _other_roots(a, b)


def surnames_differ(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[str, str] | None:
    """The surnames (last words) of two person names, in the word order of
    :func:`graph.resolve.person_rules.written_order`, when the alignment ``pairs`` pairs them
    with each other and :func:`surname_morphology` reads them as two family names."""
    if len(words_a) < 2 or len(words_b) < 2:
        return None
    last_a, last_b = words_a[-1], words_b[-1]
    if (last_a, last_b) not in {(x, y) for x, y, _ in pairs}:
        return None
    return (last_a, last_b) if surname_morphology(last_a, last_b) else None
