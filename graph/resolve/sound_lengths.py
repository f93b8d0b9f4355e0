"""Names compared by sound must be of comparable length.

The phonetic view of :func:`graph.resolve.features._name_similarity` compares the metaphone
keys of the distinctive words: transliterations of one name (KATRANGI / KATRANJI, HARAMAIN /
HARAMEIN) have one key. A metaphone key keeps only the consonant skeleton, so a short word —
an acronym-like name of four or five letters — shares its key with many longer words:
REDVIEW and RDIF are both RTF, GHAVAMIN BANK and KHAVARMIANEH BANK nearly so. A transliteration
changes a letter or two, not a third of the name: the view counts only when the names'
distinctive words written together differ by at most :data:`MAX_EXTRA_LETTERS` letters or the
shorter has at least :data:`MIN_LENGTH_RATIO` of the longer's letters. Otherwise the names are
compared as written (token-sorted and joined ratios, subset and the other readings).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The shorter name written together has at least this share of the longer's letters …
MIN_LENGTH_RATIO = 0.8
#: … or the two differ by at most this many letters (KAI / KI, VALOR / VALR, RUST / RUSTE).
MAX_EXTRA_LETTERS = 1


def lengths(joined: np.ndarray) -> np.ndarray:
    """Letters of each name's distinctive words written together (an object array of str)."""
    return np.fromiter(map(len, joined.tolist()), dtype=np.int64, count=len(joined))


def comparable(len_a: np.ndarray, len_b: np.ndarray) -> np.ndarray:
    """Per pair: names of these lengths may be one name transliterated (see the module docstring)."""
    short, long_ = np.minimum(len_a, len_b), np.maximum(len_a, len_b)
    return (long_ - short <= MAX_EXTRA_LETTERS) | (short >= MIN_LENGTH_RATIO * long_)


@dataclass(frozen=True)
class SoundLengths:
    """Why the phonetic view was not read: the names' letters written together, their keys, and
    how an officer reads each name: ``words_*`` its words with their spaces (the letters written
    together when not given), ``source_*`` the name as published when those words romanise it."""

    joined_a: str
    joined_b: str
    key_a: str
    key_b: str
    words_a: str = ""
    words_b: str = ""
    source_a: str = ""
    source_b: str = ""

    def describe(self) -> str:
        sides = sorted(
            (
                (self.joined_a, self.key_a, self.words_a or self.joined_a, self.source_a),
                (self.joined_b, self.key_b, self.words_b or self.joined_b, self.source_b),
            ),
            key=lambda side: len(side[0]),
        )
        shown = [
            f"{words!r} ({len(joined)} letters{f', {source}' if source else ''})"
            for joined, _, words, source in sides
        ]
        (_, key_s, _, _), (_, key_l, _, _) = sides
        keys = f"sound key {key_s!r}" if key_s == key_l else f"sound keys {key_s!r} / {key_l!r}"
        return (
            f"{shown[0]} and {shown[1]} sound alike ({keys}: the consonants as pronounced, metaphone), "
            "but a transliteration changes a letter or two, not the length of a name: a short name is "
            "not matched to a longer one by sound alone, compared as written"
        )
