"""A legal form is not cut from the middle of dotted initials: K.A.S. is no "K" of the form A/S.

The name is folded to words before its legal form is cut, so the dots that bind initials are
lost: "K.A.S." becomes K A S, whose last two letters are the Danish form A/S, and "P.P.C." P P C,
whose last two are the US form P.C. Cut that way, the name keeps one letter, has no distinctive
word, and the listed name no longer matched itself (real list entries). Letters written together
with dots are one acronym; when the form would take only some of them, the group is read as one
word (KAS, PPC) and the form cut again. A form that takes a whole group ("ZEBRA S.A.") is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: Two or more single letters joined by dots ("K.A.S.", "A.C"), not part of a longer word.
_DOTTED = re.compile(r"(?<![^\W\d_])[^\W\d_](?:\.[^\W\d_])+(?![^\W\d_])")


def dotted_groups(text: str, fold: Callable[[str], str]) -> list[tuple[str, ...]]:
    """The runs of dotted initials of ``text``, each as its folded letters."""
    groups = [tuple(fold(m.group()).split()) for m in _DOTTED.finditer(text)]
    return [g for g in groups if len(g) >= 2 and all(len(w) == 1 for w in g)]


def _occurrences(tokens: Sequence[str], group: tuple[str, ...]) -> list[int]:
    n = len(group)
    return [i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) == group]


def join_split_groups(
    tokens: Sequence[str], kept: Sequence[str], cut: str, groups: Sequence[tuple[str, ...]]
) -> list[str] | None:
    """``tokens`` with each dotted group split by the form cut written as one word. ``kept`` is
    the slice of ``tokens`` the cut kept and ``cut`` the words it took from the edges (joined by
    spaces), which place the slice; when they place it more than one way (P.P.C. keeping one P),
    every placement must split a group. ``None`` when the cut splits no group."""
    n = len(kept)
    if not n or not groups:
        return None
    placements = [
        (i, i + n)
        for i in _occurrences(tokens, tuple(kept))
        if " ".join([*tokens[:i], *tokens[i + n :]]) == cut
    ]
    spans = {(g, g + len(group)) for group in groups for g in _occurrences(tokens, group)}
    split_by = [{(g, end) for g, end in spans if g < lo < end or g < hi < end} for lo, hi in placements]
    if not split_by or not all(split_by):
        return None
    joined = list(tokens)
    # Right to left, so that joining a group leaves the positions of the groups before it.
    for g, end in sorted(set().union(*split_by), reverse=True):
        joined[g:end] = ["".join(tokens[g:end])]
    return joined
