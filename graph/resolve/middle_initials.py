"""A middle initial written on one side only: a middle name the other writing leaves out.

The alignment of :mod:`graph.resolve.align` scores the share of the shorter name's words that
find a partner, and a word of the longer name left over costs little (a middle name written on
one side only). Two names of as many words, each with a word the other lacks, are scored on the
share of one of them — so "Manuel J TORRES" / "Manuel TORRES FELIX" (a middle initial on one
side, the mother's surname on the other, as Spanish names are written) reads as two names that
share two words in three (0.68), although nothing in one contradicts the other.

:func:`middle_initials` reads that shape from the names in written order (given names first):
the initials one name leaves unpaired are all its unpaired words, each stands *between* two
words paired with the other name's (a middle initial, not the first given name: "J SMITH" /
"Adam SMITH" are two people), at least :data:`MIN_PAIRED` words are paired as spellings of one
another, and the other name writes nothing between the partners of those two words — "John A
SMITH" / "John Robert SMITH" give the middle name two initials, A and R: two people — nor
leaves an initial of its own unpaired ("John A SMITH" / "John B SMITH").
:func:`middle_initial_similarity` then scores the pair without the initials, each costing what an
extra word costs.
"""

from __future__ import annotations

from functools import lru_cache

from graph.resolve.align import EXTRA_WORD_COST, align_person, align_words

#: Words paired besides the initials, each at :data:`SPELLING_SIM` or more.
MIN_PAIRED = 2
#: A pair at this word similarity or more is one word spelt two ways, not a guess on a few letters.
SPELLING_SIM = 0.8


def _partner_positions(words: list[str], partners: list[str]) -> list[int]:
    """Where each word of ``partners`` stands in ``words`` (a repeated word: its next place)."""
    left = list(enumerate(words))
    out = []
    for word in partners:
        at = next(i for i, (_, w) in enumerate(left) if w == word)
        out.append(left.pop(at)[0])
    return out


def middle_initials(words_a: list[str], words_b: list[str]) -> tuple[int, tuple[str, ...]] | None:
    """``(side, initials)``: the middle initials of name ``side`` (0: ``words_a``, 1: ``words_b``,
    both in written order) that the other name has no word for and does not contradict (see the
    module docstring), or ``None``."""
    if not any(len(w) == 1 for w in (*words_a, *words_b)):
        return None
    pairs = align_words(" ".join(words_a), " ".join(words_b))
    flipped = [(b, a, sim) for a, b, sim in pairs]
    for side, (own, other, oriented) in enumerate(((words_a, words_b, pairs), (words_b, words_a, flipped))):
        # oriented: (word of this name, word of the other, similarity)
        lone = [w for w, t, _ in oriented if w and not t]
        lone_other = [t for w, t, _ in oriented if t and not w]
        if not lone or any(len(w) > 1 for w in lone) or any(len(t) == 1 for t in lone_other):
            continue
        strong = [(w, t) for w, t, sim in oriented if w and t and sim >= SPELLING_SIM]
        if sum(len(w) > 1 for w, _ in strong) < MIN_PAIRED:
            continue
        own_at = _partner_positions(own, [w for w, _ in strong])
        partner_at = dict(zip(own_at, _partner_positions(other, [t for _, t in strong]), strict=True))
        lone_other_at = set(_partner_positions(other, lone_other))
        if all(_between(i, partner_at, lone_other_at) for i in _partner_positions(own, lone)):
            return side, tuple(lone)
    return None


def _between(i: int, partner_at: dict[int, int], lone_other_at: set[int]) -> bool:
    """The initial at place ``i`` stands between two paired words, and the other name writes no
    unpaired word between their partners."""
    before = [j for j in partner_at if j < i]
    after = [j for j in partner_at if j > i]
    if not before or not after:
        return False  # the first given name (or the last word), not a middle initial
    lo, hi = sorted((partner_at[max(before)], partner_at[min(after)]))
    return not any(lo < k < hi for k in lone_other_at)


@lru_cache(maxsize=100_000)
def middle_initial_similarity(ordered_a: str, ordered_b: str) -> float:
    """The alignment score of two person names (distinctive words in written order, space-joined)
    read without the middle initials of :func:`middle_initials`, each costing an extra word's
    :data:`graph.resolve.align.EXTRA_WORD_COST`; 0 when there are none."""
    words_a, words_b = ordered_a.split(), ordered_b.split()
    found = middle_initials(words_a, words_b)
    if found is None:
        return 0.0
    side, initials = found
    rest = list(words_a if side == 0 else words_b)
    for letter in initials:
        rest.remove(letter)
    other = words_b if side == 0 else words_a
    score = align_person(" ".join(sorted(rest)), " ".join(sorted(other)))
    return max(0.0, score - EXTRA_WORD_COST * len(initials))
