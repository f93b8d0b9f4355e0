"""One set of words written two ways: respelt vowels and words joined or split.

The lists copy one company name from several sources, and each writes some of its words its
own way, although every word is still there:

* **respelt** — a word romanised with other vowels or a Y glide: KRASNOE / KRASNOYE,
  HARAMAIN / HARAMEIN / HARAMAYN, GURGEN / GOURGEN, MASJED / MASJID. Both words have
  :data:`MIN_RESPELT_LETTERS` letters or more, start with the same letter, have the same
  consonants in the same order (after the romanisation folds of
  :func:`graph.resolve.romanise.roman_key`: KH / H, Y / I, doubled letters) and stay
  :data:`MIN_RESPELT_RATIO` alike as written. Two different names rarely differ in their vowels
  alone *and* that little (RASON / RUSSIAN, KORYO / KOREA are further apart);
* **romanised** — one word, an Arabic or Persian one above all, written with other vowel
  letters where the ratio above is too strict: JASMINE / AL-YASMEEEN, ELLA / IYLA, EMAM / IMAM,
  AL-OMGY / AL-'UMQI, QODS / QUDS, TSIKLON / CYCLONE. The two words have one
  :func:`graph.resolve.romanise.vowel_key` (E / I and O / U one vowel, EI the diphthong AI, a
  final H or a long word's silent E cut, a medial G read as Q, J / Y opening a word), both have
  :data:`MIN_ROMANISED_LETTERS` letters or more, and they are not both English words (CURE /
  CORE). The key keeps the consonants and the three vowel qualities A / I / U, so two names
  (NOURI / BORZOUYEH, SAMARA / SARATOV, MARIN / MORAN) keep two keys. Without it the unpaired-words
  rule of :mod:`graph.resolve.features` read the two writings as two distinctive words of
  sibling entities;
* **joined or split** — two words of one name written as one word of the other: KALA NAFT /
  KALANAFT, SEA PORT / SEAPORT, KER CH / KERCH (the concatenation must be exactly the word),
  and the Arabic article written onto a word: ALHARAMAIN / HARAMAIN (AL-HARAMAIN folds so);
* **a keying slip** — a word mistyped by one slip (:func:`graph.resolve.typo_words.slip`: a
  letter dropped or doubled, neighbours swapped, a neighbouring key): KASHANE / KASHANEH,
  RASTAFANN / RASSTAFANN, AKHMAT / AKHMATA (a plural S is a word form, not a slip: KAZAN
  HELICOPTERS is not KAZAN HELICOPTER PLANT). The keying-slip rule of the name similarity reads a
  slip only when it is the one difference; here it counts beside words on one side only
  ("BEHSAZ KASHANE TEHRAN CONSTRUCTION" / "BEHSAZ KASHANEH") or other respelt words;
* **one organisational word** — in two languages or two English words, by the table of
  :mod:`graph.resolve.org_translate` (FACTORY / PLANT / ZAVOD): "DJSC FACTORY KRASNOE ZNAMYA" /
  "KRASNOYE ZNAMYA PLANT", where that module's all-or-nothing translation does not apply
  because the names proper are respelt and a word is on one side only.

At least one distinctive word must agree as written (the batch skips the other pairs by
their word bits before any Python work): names whose
words *all* differ in their vowels are as often two names (RUIVIEW / REVIEW, HUALINE / HAILIN
LIN in the 100k synthetic world), and so are words with a vowel more or less (GALAXY / GALAX):
both are refused. Not so between two names that both write the Arabic article, whose
romanisations may spell every word another way (:mod:`graph.resolve.arabic_spellings`: LAJNAT AL
DAAWA / LAJNA ALDAWA, read with its folds; the article assimilated, AR RAHMA, is then the other
name's AL).

The whole-name views of :func:`graph.resolve.features._name_similarity` already see such a
difference when it is the only one (the words written together compare equal); this rule
finds it when the names also differ by words present on one side only ("MSP KALA NAFT CO
TEHRAN" / "MSP KALANAFT", "REDIN EXCHANGE" / "RADIN MONEY EXCHANGE"), where the subset view
compares words exactly. :func:`respelt_similarity` rewrites the other name's words in this
name's spelling and compares the two sets of words again, as the subset view does.

A word *cut* short (TRANS / TRANSPORTATION) is deliberately not a rule unless the name marks it
cut with a dot (CON. / CONSTRUCTION: :mod:`graph.resolve.cut_words`, whose marked words the cores
compared here may hold): coined company names share prefixes all the time (GRANITE /
GRANITELINK, OPTIMA / OPTIMACHIP, LUMEN / LUMENWORKS are other companies), so a prefix on its
own says nothing (on the dev split, reading a word of 3+ letters as any longer word it starts
made the words of 126 of the 3,384 company negatives the same or a subset, against 24 of the 557
missed variants; even with every other word agreeing, an undotted cut of 3+ letters leaving 2+
out found one true pair, CROWN AUTO TRADE / CROWN AUTOMOBILES, and one false, LUMENWORKS
COMPUTING / LUMEN COMPUTING). Nor is a word cut and written onto the next (AERONAUTICA CONDOR /
AEROCONDOR): coined names are built so (MICROSOFT POWER / MICROPOWER, NOVASTAR LINK / NOVALINK
would match). The cut line-of-business words are corrected in
:func:`graph.resolve.names.correct_generic` instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve import arabic_spellings
from graph.resolve.cut_words import is_cut_of, unmarked
from graph.resolve.org_translate import translate
from graph.resolve.romanise import roman_key, vowel_key
from graph.resolve.typo_words import slip
from graph.words import zipf

#: Each respelt word has at least this many letters (REDIN / RIDIN, not ALI / ALY).
MIN_RESPELT_LETTERS = 5
#: Words read as one by their vowel key have at least this many letters (IMAM / EMAM).
MIN_ROMANISED_LETTERS = 4
#: Respelt words stay this alike as written (rapidfuzz ratio / 100).
MIN_RESPELT_RATIO = 0.75
#: Similarity of two names whose words are the same once respelt or joined.
RESPELT_SIM = 0.95
#: Similarity when, once respelt or joined, one name's words are all among the other's (the
#: subset credit of features.SUBSET_DISCOUNT).
RESPELT_SUBSET_SIM = 0.94
#: The name of fewer words keeps at least this many letters in a subset ("HARAMAIN" ⊂
#: "HARAMEIN PAKISTAN"): a short word found in a longer name is as often another entity.
MIN_SUBSET_LETTERS = 6

#: The Arabic article written onto a word (AL-HARAMAIN folds to ALHARAMAIN); the word after it
#: keeps at least MIN_ARTICLE_REST letters.
ARTICLES = frozenset({"AL", "EL"})
MIN_ARTICLE_REST = 4

_VOWELS = str.maketrans({c: None for c in "AEIOU"})
_VOWEL_RUN = re.compile(r"[AEIOU]+")


@lru_cache(maxsize=200_000)
def _consonants(word: str) -> str:
    """The consonants after the first letter, of the romanisation key (Y is I there, a vowel)."""
    key = roman_key(word)
    return key[0] + key[1:].translate(_VOWELS)


def respelt(x: str, y: str) -> bool:
    """``x`` and ``y`` are one word with other vowels (see the module docstring)."""
    if x == y or not (x.isalpha() and y.isalpha()) or min(len(x), len(y)) < MIN_RESPELT_LETTERS:
        return False
    if x[0] != y[0] or _consonants(x) != _consonants(y):
        return False
    # As many vowel runs: a vowel dropped or added is another word (GALAXY / GALAX, HUALINE /
    # HAILIN), a vowel written another way is not (KRASNOE / KRASNOYE).
    if len(_VOWEL_RUN.findall(roman_key(x))) != len(_VOWEL_RUN.findall(roman_key(y))):
        return False
    return fuzz.ratio(x, y) >= MIN_RESPELT_RATIO * 100


def romanised(x: str, y: str) -> bool:
    """``x`` and ``y`` are one word romanised with other vowel letters, an Arabic or Persian one
    above all (:func:`graph.resolve.romanise.vowel_key`: YASMEEEN / JASMINE, EMAM / IMAM,
    UMQI / OMGY), both of :data:`MIN_ROMANISED_LETTERS` letters or more and not both English
    words: two words of the English table are two words (CURE / CORE, FUND / FOND), one
    romanisation is at most one of them."""
    if x == y or not (x.isalpha() and y.isalpha()) or min(len(x), len(y)) < MIN_ROMANISED_LETTERS:
        return False
    return vowel_key(x) == vowel_key(y) and not (zipf(x) and zipf(y))


def one_org_word(x: str, y: str) -> bool:
    """``x`` and ``y`` are one organisational word in two languages or two English words
    (ZAVOD / FACTORY / PLANT, TSENTR / CENTRE / CENTER, SECOURS / RELIEF / AID, CURRENCY /
    MONEY: the table of :mod:`graph.resolve.org_translate`)."""
    return x != y and (translate(x) or x) == (translate(y) or y)


def _read_as(x: str, y: str, arabic: bool) -> str:
    """How ``y`` may be read as ``x``, word for word ("" when it may not); ``arabic``: both names
    write the Arabic article (:mod:`graph.resolve.arabic_spellings`)."""
    if is_cut_of(x, y):
        return "cut"
    if respelt(x, y):
        return "respelt"
    # A plural is a word form, not a slip: KAZAN HELICOPTERS is not KAZAN HELICOPTER PLANT.
    if slip(x, y) and max(x, y, key=len) != min(x, y, key=len) + "S":
        return "slip"
    if one_org_word(x, y):
        return "translated"
    if arabic and arabic_spellings.same_word(x, y):
        return "arabic"
    return "romanised" if romanised(x, y) else ""


@dataclass(frozen=True)
class Rewrite:
    """A word (or two words) of one name read as a word of the other."""

    written: str  # as the name writes it ("KALANAFT", "KRASNOYE", "KER CH")
    read: str  # as the other name writes it ("KALA NAFT", "KRASNOE", "KERCH")
    # "respelt" | "romanised" | "slip" | "joined" | "article" | "translated" | "sun article" |
    # "arabic" | "cut"
    how: str


def _joins(words: list[str], other: set[str]) -> list[Rewrite]:
    """Two words of ``words`` (either order: the caller's words are sorted) that are one word
    of ``other`` written apart, and words that are one of ``other`` with the Arabic article
    written on (ALHARAMAIN / HARAMAIN)."""
    found: list[Rewrite] = []
    used: set[int] = set()
    for i, x in enumerate(words):
        if x in other or i in used:
            continue
        if x[:2] in ARTICLES and len(x) - 2 >= MIN_ARTICLE_REST and x[2:] in other:
            found.append(Rewrite(x, x[2:], "article"))
            used.add(i)
            continue
        for j, y in enumerate(words):
            if i == j or j in used or y in other:
                continue
            if x + y in other:
                found.append(Rewrite(f"{x} {y}", x + y, "joined"))
                used.update((i, j))
                break
    return found


@lru_cache(maxsize=65_536)
def rewrites(
    core_a: str, core_b: str, arabic: bool = False
) -> tuple[tuple[Rewrite, ...], tuple[str, ...], tuple[str, ...]]:
    """The rewrites that pair words of ``core_a`` and ``core_b`` (space-joined distinctive words)
    and the two word lists after them (a's words joined as b writes them, b's words respelt as a
    writes them). ``arabic``: both names write the Arabic article, and its spellings are read too
    (:mod:`graph.resolve.arabic_spellings`: AR RAHMA / AL RAHMAH, ALDAWA / DAAWA)."""
    words_a, words_b = _cuts(core_a.split(), core_b.split()), _cuts(core_b.split(), core_a.split())
    done: list[Rewrite] = []
    for words, other in ((words_a, words_b), (words_b, words_a)):
        # The article assimilated to its word (AR RAHMA) is the other name's article, left out.
        for x in arabic_spellings.sun_articles(words) if arabic else ():
            if x not in other:
                words.remove(x)
                done.append(Rewrite(x, "", "sun article"))
        for rw in _joins(words, set(other)):
            for x in rw.written.split():
                words.remove(x)
            words.append(rw.read)
            done.append(rw)
    rest_a = Counter(words_a) - Counter(words_b)
    rest_b = Counter(words_b) - Counter(words_a)
    for y in sorted(rest_b):
        for x in sorted(rest_a):
            how = _read_as(x, y, arabic)
            if rest_a[x] and how:
                rest_a[x] -= 1
                words_b[words_b.index(y)] = x
                done.append(Rewrite(y, x, how))
                break
    return tuple(done), tuple(map(unmarked, words_a)), tuple(map(unmarked, words_b))


def _cuts(words: list[str], other: list[str]) -> list[str]:
    """``words`` with the cut mark (:mod:`graph.resolve.cut_words`) kept only on the words the
    other name does not write in full: a marked word is then read as a longer word of the other
    name (:func:`_read_as`), and one written alike is that word."""
    written = {unmarked(w) for w in other}
    return [unmarked(w) if unmarked(w) in written else w for w in words]


@lru_cache(maxsize=65_536)
def respelt_similarity(core_a: str, core_b: str, arabic: bool = False) -> float:
    """RESPELT_SIM when the two names' words are the same once respelt or joined,
    RESPELT_SUBSET_SIM when one name's words are then all among the other's, else 0.
    ``arabic``: both names write the Arabic article (:mod:`graph.resolve.arabic_spellings`)."""
    done, words_a, words_b = rewrites(core_a, core_b, arabic)
    if not done:
        return 0.0
    count_a, count_b = Counter(words_a), Counter(words_b)
    if not (Counter(map(unmarked, core_a.split())) & Counter(map(unmarked, core_b.split()))) and not (
        arabic
        and arabic_spellings.may_respell_all(
            count_a, count_b, any(rw.how in ("respelt", "romanised") for rw in done)
        )
    ):
        # Every shared word respelt: no word of the two names agrees as written, and a name whose
        # words all differ in their vowels is as often another name (RUIVIEW / REVIEW).
        return 0.0
    if count_a == count_b:
        return RESPELT_SIM
    small, large = (
        (count_a, count_b) if sum(count_a.values()) <= sum(count_b.values()) else (count_b, count_a)
    )
    if not small or small - large:
        return 0.0
    if sum(len(w) for w in small.elements()) < MIN_SUBSET_LETTERS:
        return 0.0
    return RESPELT_SUBSET_SIM


def describe(core_a: str, core_b: str, arabic: bool = False) -> str:
    """The rewrites in words, for :func:`graph.resolve.compare.compare`."""
    done, _, _ = rewrites(core_a, core_b, arabic)
    words = {
        "arabic": "one Arabic word romanised two ways: article, final -AH / -AT / -EH, DH / D",
        "sun article": "the Arabic article assimilated to the next word, the other name's AL",
        "article": "the Arabic article written on",
        "joined": "one word written apart",
        "respelt": "other vowels",
        "romanised": "other vowel letters of one romanised word",
        "slip": "one keying slip",
        "translated": "one organisational word",
        "cut": "the word cut short, written with a dot",
    }
    parts = [f"{rw.written} / {rw.read or '-'} ({words[rw.how]})" for rw in done]
    return ", ".join(parts)
