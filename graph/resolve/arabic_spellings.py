"""One Arabic organisation name romanised two ways, where no word is spelt the same.

Transliterators of Arabic names differ in more than the vowels
(:mod:`graph.resolve.respelt_words`) — on every word at once: "LAJNAT AL DAAWA AL ISLAMIYYA" /
"LAJNA ALDAWA ALISALMIAH", "AL-ARD AL-JADIDAH" / "AL ARDH AL JADIDA", "AL RAHMAH WELFARE" /
"AR RAHMA WELFARE". The differences are those of the script, not of the name:

* the article written apart, hyphenated, joined to its word (ALDAWA) or assimilated to a sun
  letter (AR RAHMA: :mod:`graph.resolve.sun_articles`);
* the feminine ending tāʾ marbūṭa written -AH, -A, -AT (in a construct: LAJNAT AL …) or -EH
  (Persian): JADIDAH / JADIDA, LAJNAT / LAJNA;
* the emphatic ḍād written D or DH (ARD / ARDH), long vowels doubled or not (DAAWA / DAWA), Y
  for I (ISLAMIYYA / ISLAMIA), a keying slip in a long word (ISALMIA / ISLAMIA).

:func:`arabic_key` folds those, and two words are one Arabic word (:func:`same_word`) when their
keys are equal or, for words of :data:`MIN_SLIP_LETTERS` letters or more, one slip apart.

These folds are read only between two names that *both* write the Arabic article, one of them
apart or assimilated (:func:`article_writing`, :func:`both_write_article`; a word joined to AL or
EL counts only when it is neither an English nor an organisational word: ELECTRONICS is no
article): the article is what says the words are romanised Arabic. A joined AL or EL on both
sides alone says nothing — ALMATY, ALROSA, ELBRUS, ALTAIR are names of their own, and it is the
other name writing the article apart (LAJNA ALDAWA / LAJNAT AL DAAWA) that shows ALDAWA to be
one. Without the article a final H or T is as often another name, and so are names whose every
word is respelt (RUIVIEW / REVIEW in the 100k synthetic world:
:mod:`graph.resolve.respelt_words` asks for one word spelt alike). Between two such names that
rule's condition is waived (:func:`may_respell_all`), but not for a name of one common word
found in a longer one (AL-HARAMAIN / AL-HARAMAYN HUMANITARIAN FOUNDATION: HARAMAIN names dozens
of list entries; the common-word guard of :mod:`graph.resolve.common_stem` withholds that subset
spelt alike too), nor for one word read with other vowels.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from graph.resolve.arabic_particles import ARTICLES
from graph.resolve.common_stem import is_common
from graph.resolve.org_translate import translate
from graph.resolve.romanise import roman_key
from graph.resolve.sun_articles import is_sun_article
from graph.resolve.typo_words import slip
from graph.words import zipf

#: The article joined to its word (ALDAWA, ELZAWRA) leaves at least this many letters.
MIN_GLUED_REST = 4
#: Keys one keying slip apart are one word from this many letters (ISALMIA / ISLAMIA).
MIN_SLIP_LETTERS = 5
#: Arabic keys of fewer letters are never compared (ARD / ARDH: 3).
MIN_KEY_LETTERS = 3

_GLUED = re.compile(rf"(?:AL|EL)([A-Z]{{{MIN_GLUED_REST},}})")
#: The tāʾ marbūṭa: a final AH, AT or EH is the A of the word without it.
_TA_MARBUTA = re.compile(r"(?:AH|AT|EH)$")


#: :func:`article_writing` bits: the article written apart (AL, EL, UL) or assimilated to the
#: next word (AR RAHMA); joined to a word (ALDAWA, :func:`glued`).
APART = 1
JOINED = 2


def article_writing(tokens: tuple[str, ...]) -> int:
    """How the name (normalised tokens, in written order) writes the Arabic article: the
    :data:`APART` and :data:`JOINED` bits (0: it does not)."""
    bits = 0
    for i, t in enumerate(tokens):
        if t in ARTICLES or (i + 1 < len(tokens) and is_sun_article(t, tokens[i + 1])):
            bits |= APART
        elif glued(t):
            bits |= JOINED
    return bits


def both_write_article(bits_a: int, bits_b: int) -> bool:
    """Two names (their :func:`article_writing` bits) both write the Arabic article, and one of
    them writes it apart: only then are their words read as romanised Arabic."""
    return bool(bits_a and bits_b and (bits_a | bits_b) & APART)


@lru_cache(maxsize=100_000)
def glued(word: str) -> bool:
    """``word`` may be the article joined to a word (ALDAWA, ALISALMIAH): it starts with AL or EL
    and is neither an English word (ELECTRONICS, ALLIANCE) nor an organisational word of the
    translation table (ELEKTRONNYE, :mod:`graph.resolve.org_translate`)."""
    return _GLUED.fullmatch(word) is not None and not zipf(word) and not translate(word)


def sun_articles(words: list[str]) -> list[str]:
    """The words of a name (its distinctive words, any order) that are the article assimilated to
    another of its words (AR of AR RAHMA)."""
    return [w for w in words if any(is_sun_article(w, other) for other in words)]


@lru_cache(maxsize=100_000)
def arabic_key(word: str) -> str:
    """``word`` with the article joined to it cut, the tāʾ marbūṭa and DH folded, in the
    romanisation key of :func:`graph.resolve.romanise.roman_key` (doubled letters, Y / I)."""
    glued = _GLUED.fullmatch(word)
    if glued is not None:
        word = glued.group(1)
    if len(word) > MIN_KEY_LETTERS:
        word = _TA_MARBUTA.sub("A", word)
    return roman_key(word.replace("DH", "D"))


def same_word(x: str, y: str) -> bool:
    """``x`` and ``y`` (two different words) are one Arabic word romanised two ways."""
    if x == y or not (x.isalpha() and y.isalpha()):
        return False
    kx, ky = arabic_key(x), arabic_key(y)
    if min(len(kx), len(ky)) < MIN_KEY_LETTERS or kx[0] != ky[0]:
        return False
    return kx == ky or (min(len(kx), len(ky)) >= MIN_SLIP_LETTERS and slip(kx, ky))


def may_respell_all(words_a: Counter[str], words_b: Counter[str], vowels: bool) -> bool:
    """Two names that both write the Arabic article may be one name with no word spelt alike
    (their words as read in one spelling, ``words_a`` / ``words_b``; ``vowels``: a word was read
    with other vowels). A name of one word only as the shortened form of a longer name, its word
    not a common one (:func:`graph.resolve.common_stem.is_common`: HARAMAIN names dozens of
    list entries) and not read with other vowels: one word written with another vowel is as
    often another name (AL-SAMIRA / AL-SAMARA EXCHANGE), one letter dropped or
    doubled is not (AL-KHALIDI EXCHANGE / AL KHALDI)."""
    small, large = sorted((words_a, words_b), key=lambda c: c.total())
    if small.total() >= 2:
        return True
    return small.total() == 1 and large.total() > 1 and not vowels and not is_common(next(iter(small)))
