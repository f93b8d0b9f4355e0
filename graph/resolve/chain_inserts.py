"""A child's Arabic name chain with a word inserted: still the child, not the parent.

:func:`graph.resolve.name_chain.child_of` reads a longer name that is given names followed by
the whole shorter chain, word for word, as the child of the person the shorter chain names.
Lists also write one more element inside a chain (a great-grandfather's name, a clan name
before the nisba), and the child's name then no longer ends in the parent's word for word:
"Muhannad Mushtaq Talib Zghayir KARHOUT AL-RAWI" is Muhannad, son of "Mushtaq Talib Zughayr
AL-RAWI" with KARHOUT inserted. This reads the same shape with inserted words: every word of
the shorter chain paired, in order, with a word of the longer name after its first, and the
words in front meeting the same conditions as ``child_of``'s.
"""

from __future__ import annotations

from graph.resolve.name_chain import KUNYA, MIN_CHAIN, PREFIX_NAMES, is_arabic_chain


def child_with_inserts(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[str, str] | None:
    """``(the given names in front, the shorter chain)`` when the longer of two person names
    (in written order) is given names followed by the shorter chain, an Arabic chain of three
    words or more, with other words inserted between its words, each word paired in ``pairs``
    with a word of the longer name in order."""
    if len(words_a) == len(words_b):
        return None
    a_shorter = len(words_a) < len(words_b)
    short, long_ = (words_a, words_b) if a_shorter else (words_b, words_a)
    if len(short) < MIN_CHAIN or not is_arabic_chain(short) or short[0] in KUNYA:
        return None
    partner = {(x if a_shorter else y): (y if a_shorter else x) for x, y, _ in pairs if x and y}
    if any(w not in partner for w in short):
        return None
    places = [long_.index(partner[w]) for w in short]
    if places != sorted(places) or len(set(places)) != len(places) or places[0] == 0:
        return None
    front = long_[: places[0]]
    if any(len(w) < 2 or w in PREFIX_NAMES or w in short for w in front):
        return None
    return " ".join(front), " ".join(short)
