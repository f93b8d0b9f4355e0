"""A stop-word that is one letter of a run of initials is an initial: A.C. INTERNATIONAL.

``names.STOP_WORDS`` holds the one-letter words A (English article) and Y (Spanish "and"), so
that "BANCO DE CREDITO Y COMERCIO" or "A NEW COMPANY" are not compared on them. But in
"A.C. INTERNATIONAL" or "Y.A.S. CO LTD." (real list entries) those letters are initials: dropped,
the name keeps one letter or none, has no distinctive word, and the listed name no longer
matched itself (a screening hit on the exact name was missed). A one-letter word standing next
to another one-letter word is read as a letter of a run of initials and kept. (Nor is a legal
form cut from such initials: :mod:`graph.resolve.dotted_initials`.)
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def _letter(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def joined_runs(
    tokens: Sequence[str], dropped: Collection[str] = (), groups: Sequence[tuple[str, ...]] = ()
) -> tuple[str, ...]:
    """``tokens`` without the words of ``dropped``, except letters of a run of initials (a
    one-letter word next to another one-letter word), each run of two or more one-letter words
    written as one word: S M G → SMG.

    Registries, trade documents and screening queries drop the dots of initials as often as they
    keep them, so "S.M.G." (read S M G) and "SMG" are one company; compared word by word they
    shared no word, the sorted words scrambled the letters ("G M S" / "SMG"), and the listed
    name was missed. As one word the letters keep their order, so other initials stay other
    names (QAS / QAT). A run is letters standing together as written: a dropped word between
    two letters (the DE of "J E D DE R L") ends it, a run that spells a dropped word (D.E.,
    O.F.) is kept, being initials, and the dotted groups of the name (``groups``,
    :func:`graph.resolve.dotted_initials.dotted_groups`) are words of their own: "T.G.A. D.O.O."
    is TGA DOO, "B.I., P.T.P." BI PTP, as the letters written together would be. Company words
    only: a person's initials are compared one by one (:mod:`graph.resolve.align`)."""
    out: list[str] = []
    run: list[str] = []
    for t in [*tokens, ""]:  # "" ends the last run
        if _letter(t):
            run.append(t)
            continue
        if len(run) > 1:
            out.extend(w for w in _run_words(run, groups) if len(w) > 1 or w not in dropped)
        else:
            out.extend(w for w in run if w not in dropped)
        run = []
        if t and t not in dropped:
            out.append(t)
    return tuple(out)


def _run_words(run: Sequence[str], groups: Sequence[tuple[str, ...]]) -> list[str]:
    """The words of a run of letters: each dotted group found in it (longest first) one word,
    the letters between them another (a lone one of which is no initial: the Y, "and", of
    "C.P.C.L. Y CIA.")."""
    words: list[str] = []
    loose: list[str] = []
    i = 0
    while i < len(run):
        fits = [g for g in groups if tuple(run[i : i + len(g)]) == g]
        if not fits:
            loose.append(run[i])
            i += 1
            continue
        if loose:
            words.append("".join(loose))
            loose = []
        group = max(fits, key=len)
        words.append("".join(group))
        i += len(group)
    if loose:
        words.append("".join(loose))
    return words
