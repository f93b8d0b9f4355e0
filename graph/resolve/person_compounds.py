"""Compound given names written as one word on one side and as two on the other.

MOHAMMADREZA / MOHAMMAD REZA, SEIFALLAH / SEIF ALLAH, ABDULMALIK / ABDUL MALIK,
KOSARAYANIFARD / KOSARYANI-FARD: Persian, Arabic and Malay name elements are joined or split
at will by transliterators. Word by word, the joined form matches only one half of the split
one; :func:`merge_compounds` rewrites the split side so that the two halves become one word
again, which the alignment then compares with the joined word. A word that is the other name's
word with the Arabic article glued (ALHASAN / HASAN: :mod:`graph.resolve.glued_articles`) is
that word, not two others joined (ALI + HASAN).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from graph.resolve.glued_articles import glued_article

#: A joined word and two words of the other name written together agree this closely.
COMPOUND_MIN = 88
#: Joined words shorter than this are not looked at (a short word is one name element).
COMPOUND_MIN_CHARS = 6


def _best_split(word: str, others: list[str]) -> tuple[int, int] | None:
    best: tuple[float, int, int] | None = None
    for i, x in enumerate(others):
        # The first half starts the joined word (transliterators vary vowels, not first letters).
        if len(x) < 2 or x[0] != word[0]:
            continue
        for j, y in enumerate(others):
            if i == j or len(y) < 2 or abs(len(x) + len(y) - len(word)) > 3:
                continue
            r = fuzz.ratio(word, x + y, score_cutoff=COMPOUND_MIN)
            if r and (best is None or r > best[0]):
                best = (r, i, j)
    return None if best is None else (best[1], best[2])


def merge_compounds(ta: list[str], tb: list[str]) -> tuple[list[str], list[tuple[str, str, str]]]:
    """``tb`` with every pair of its words that spells a long word of ``ta`` joined into one,
    and the merges made as ``(word of ta, first half, second half)``."""
    out = list(tb)
    merges: list[tuple[str, str, str]] = []
    for word in ta:
        if len(word) < COMPOUND_MIN_CHARS or word in out or any(glued_article(word, t) for t in out):
            continue  # ALHASAN / HASAN is one word with its article glued, no ALI + HASAN
        split = _best_split(word, out)
        if split is not None:
            i, j = split
            merges.append((word, out[i], out[j]))
            # The joined word takes the place of its first half: word order stays meaningful.
            joined = out[i] + out[j]
            out = [joined if k == min(i, j) else t for k, t in enumerate(out) if k != max(i, j)]
    return out, merges


def compound_forms(
    core_a: str, core_b: str, keep_order: bool = False
) -> tuple[str, str, list[tuple[str, str, str]]]:
    """Both names (space-joined; sorted unless ``keep_order``) with compounds merged on either
    side, and the merges."""
    ta, tb = core_a.split(), core_b.split()
    tb, merges_b = merge_compounds(ta, tb)
    ta, merges_a = merge_compounds(tb, ta)
    if not keep_order:
        ta, tb = sorted(ta), sorted(tb)
    return " ".join(ta), " ".join(tb), merges_b + merges_a
