"""Two person names that agree only on common given names: two people who share a first name.

The word alignment of :mod:`graph.resolve.align` already weighs the most common name elements
on the lists (MUHAMMAD, AHMAD, ALI, HASAN, IBRAHIM …, ``COMMON_NAME_WORDS``) like an initial,
but a two-word name is still half such a word: "Ali ASWAD" / "Ali ATWA" or "Ahmad KHAZAI" /
"Ahmad HAMAWI" align ALI = ALI and the surnames at two letters in three, and read as a near
match. The surname is the word that tells the bearers apart, and a spelling two-thirds alike
(ASWAD / ATWA, SADU / SARUR, HAMO / HAMZI, KOSHLAF / KHALAF) is another family name, not a
transliteration of the same one. So the rule fires when:

* every pair of words the alignment paired in full is a pair of common name elements, and
* at least one other pair of words was paired only weakly (below :data:`WEAK`), and no
  reading of the two as one spelling holds: a glued article dropped (ELKADDAFI / GADDAFI) or
  one romanisation key with the H of a digraph left out (QADHAFI / GADDAFI, KHALEEM / KALIM,
  TALHA / TAHIL, USTA / ASTAH) — those *are* one surname written two ways.

A name that shares a rare word (a surname, an uncommon given name) is left alone, and so are
names whose only other words have no partner at all (a shortened name: "MOHAMED SAID" /
"MOHAMED SAID ATOM").

**One common name** (:func:`one_common_name`): a name that is one common name element alone
("Ahmed"), or that element written twice ("AHMED, Ahmed": a family name the same as the given
name, or a list's a.k.a.), found among the words of a longer name ("ATOON, Ahmed Muhamad
Ahmed"). The alignment gives it full credit — each of its words has a partner, and a repeated
word pairs with each copy the longer name writes — less only a small cost per word left over,
so a name that thousands of listed people bear reads as a near match of any one of them. The
longer name's other words (its surname ATOON) are what identify its bearer, and the shorter
name says nothing of them. A shortened name of a rarer word (YAKUTUMBA / William Amuri
YAKUTUMBA, IQBAL / Muhammad IQBAL) or of two words (MUJAHID ALI / Mujahid Ali MAHMOOD ALI,
MOHAMED SAID / Mohamed Sa'id ATOM) is left alone.
"""

from __future__ import annotations

from graph.resolve.align import COMMON_NAME_WORDS, romanisation_key, word_similarity

#: Below this word similarity a pair of aligned words is a weak pairing (two names alike in
#: a few letters), at or above it a spelling variant.
WEAK = 0.8
_GLUED_ARTICLES = ("AL", "EL")
#: Onsets romanisation writes for one sound (KHALID / HALID, GADDAFI / QADHAFI).
_ONSET = str.maketrans({"H": "K", "G": "K", "Q": "K"})


def _strip_article(word: str) -> str:
    if len(word) >= 5 and word.startswith(_GLUED_ARTICLES):
        return word[2:]
    return word


def loose_key(word: str) -> str:
    """The romanisation key of a name word with a glued article and every H after the first
    letter left out and a K-like first sound written K: the H of DH, KH, GH, TH and of a final
    -AH is written or not at will (QADHAFI / GADDAFI, KHALEEM / KALIM, ASTAH / USTA)."""
    key = romanisation_key(_strip_article(word))
    if not key:
        return key
    return key[0].translate(_ONSET) + key[1:].replace("H", "")


def one_spelling(a: str, b: str) -> bool:
    """``a`` and ``b`` are one name word written two ways (not two names a few letters apart)."""
    if word_similarity(_strip_article(a), _strip_article(b)) >= WEAK:
        return True
    return loose_key(a) == loose_key(b)


def only_common_shared(pairs: tuple[tuple[str, str, float], ...]) -> tuple[str, str] | None:
    """``(words of a, words of b)`` weakly paired when the alignment ``pairs`` (of
    :func:`graph.resolve.align.align_words`) agree in full only on common name elements
    (MUHAMMAD, ALI …) and pair some other word only weakly: two people of a common given name."""
    paired = [(x, y) for x, y, _ in pairs if x and y]
    common = [(x, y) for x, y in paired if x in COMMON_NAME_WORDS and y in COMMON_NAME_WORDS]
    if not common:
        return None
    others = [(x, y) for x, y in paired if (x, y) not in common]
    if not others or any(one_spelling(x, y) for x, y in others):
        return None
    return " ".join(x for x, _ in others), " ".join(y for _, y in others)


def one_common_name(words_a: list[str], words_b: list[str]) -> tuple[str, str] | None:
    """``(words of a, words of b)`` — the name that is one common name element (once or
    repeated: AHMED, AHMED AHMED) and the other name's words beside that element — when the other
    name has more distinct words than that one: a common given name does not identify one of the
    many people whose longer names hold it. ``words_*`` are person words in written order."""
    distinct_a, distinct_b = set(words_a), set(words_b)
    if min(len(distinct_a), len(distinct_b)) != 1 or max(len(distinct_a), len(distinct_b)) < 2:
        return None
    short, other = (words_a, words_b) if len(distinct_a) == 1 else (words_b, words_a)
    word = short[0]
    if word not in COMMON_NAME_WORDS:
        return None
    # The words the common name does not account for (a spelling of it, AHMAD for AHMED, is one).
    beside = " ".join(w for w in other if word_similarity(word, w) < WEAK)
    if not beside:
        return None  # AHMED / AHMED AHMAD: the one name written two ways, nothing more
    if short is words_a:
        return " ".join(short), beside
    return beside, " ".join(short)
