"""A Russian name proper written as the English word it is: "OKB SALYUT" is "SPECIAL DESIGN BUREAU SALUTE".

Many Soviet enterprise names are common nouns (САЛЮТ, salute; ЦИКЛОН, cyclone; ВЕКТОР, vector).
A list that translates the organisational words sometimes writes the name proper in its English
spelling rather than its romanisation. :func:`graph.resolve.romanise.roman_key` folds the
romanisation systems (TS / C, KH / H, Y / I); two more differences separate the English spelling
from the romanisation, and :func:`english_key` folds them too:

* Ю after a consonant is romanised YU (SALYUT), where English writes U (SALUTE);
* English writes a silent E at the end (SALUTE, CYCLONE) that Russian does not pronounce.

The key is compared only as a whole, and only where the names are already one name in two
languages but for it (:func:`graph.resolve.org_translate.names_alike`, called once the
organisational words are paired): it never lifts two names on its own.
"""

from __future__ import annotations

from functools import lru_cache

from graph.resolve.romanise import roman_key

#: The key needs this many letters (a short key is too many words).
MIN_KEY_CHARS = 5
_VOWELS = frozenset("AEIOU")


@lru_cache(maxsize=200_000)
def english_key(word: str) -> str:
    """The romanisation key of ``word`` with Ю read as U and a final silent E dropped."""
    key = roman_key(word).replace("IU", "U")
    if len(key) > MIN_KEY_CHARS and key.endswith("E") and key[-2] not in _VOWELS:
        key = key[:-1]
    return key


def same_in_english(a: str, b: str) -> bool:
    """``a`` and ``b`` (names proper written together) are one word, one of them spelt in English."""
    key_a, key_b = english_key(a), english_key(b)
    # Only where the romanisation keys differ: else it is one romanisation of another.
    return key_a == key_b and len(key_a) >= MIN_KEY_CHARS and roman_key(a) != roman_key(b)


def describe(a: str, b: str) -> str:
    """The reason for a name proper spelt in English, in words."""
    return (
        f"{a} / {b}: one Russian name proper, romanised and spelt as the English word it is "
        f"(Ю as YU or U, a silent final E; key {english_key(a)})"
    )
