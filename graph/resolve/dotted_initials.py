"""Initials before a legal form are the name's: K.A.S. is no K of the form A/S, T.E.G. LIMITED no T.

The name is folded to words before its legal form is cut, so its initials become single
letters, and many legal forms are single letters too: the Danish A/S, the US P.C., the German
cooperative E.G., the European S.E. Cut from the end of the initials, such a form leaves one
letter of the name and no distinctive word, and the listed name no longer matched itself (real
list entries: "K.A.S.", "P.P.C.", "T.E.G. LIMITED", "Y.A.S. CO LTD."). The form cutter
(:func:`graph.resolve.names.forms_as_written`, :meth:`graph.resolve.legal_forms.LegalForms.split`)
reads such letters as the name's on either of two pieces of evidence:

* **a form already cut** (:func:`continues_initials`) — a name has one legal form. Once it is
  cut ("T E G LIMITED", "Y.A.S. CO LTD."), a further form made only of letters that follows
  another letter ("E G", "A S") is the end of the initials and stays, as letters, dotted or
  not. This is judged at each form the cutter would take.
* **dots** (:func:`join_split_groups`) — letters written together with dots are one acronym.
  When the forms cut take only some of them ("K.A.S." keeping K, "P.P.C." keeping P), the group
  is read as one word (KAS, PPC) and the form cut again. This is judged on everything cut: a form
  that takes a whole group is cut ("ZEBRA S.A.", "Q.B. S.A."), and so is one whose group the
  next form finishes.

Dots also say the opposite: letters written together with dots that spell a legal form are that
one form (:func:`join_dotted_forms`). "S.A.R.L." is the French SARL, not the form "A R L" of
another country after an S; "S.P.R.L." the Belgian SPRL, "O.O.O." the Russian OOO. Read letter by
letter, the cutter took the longest form it knew from the end (A R L, A C of "S.A.C."), and a
jurisdiction conflict with the same company written "SARL" sank a true pair.

A group may open with two letters ("AR.P.C.", the Kosovar "SH.A."): the dots join them to the
letters after them as they join single letters, and read letter by letter the cutter took the
form P.C. and left AR, which no longer matched the clerk's "ARPC".

With neither ("ALPHA E G", "JM S.A.", a clerk's "K A S"), letters at the end are the form. The
one-letter stop-words A and Y among initials are kept as letters too
(:mod:`graph.resolve.initial_runs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: Two or more single letters joined by dots ("K.A.S.", "A.C"), the first of them maybe two
#: letters ("AR.P.C."), not part of a longer word.
_DOTTED = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}(?:\.[^\W\d_])+(?![^\W\d_])")


def continues_initials(toks: Sequence[str], n: int) -> bool:
    """The last ``n`` words of ``toks`` are single letters, and so is the word before them: a
    run of initials ("T E G" of "T E G LIMITED", the company TEG), not a second legal form
    (the German cooperative "E G") after a letter of the name — a name has one form, and the
    one already cut was it."""
    return len(toks) > n and len(toks[-n - 1]) == 1 and all(len(w) == 1 for w in toks[-n:])


def dotted_groups(text: str, fold: Callable[[str], str]) -> list[tuple[str, ...]]:
    """The runs of dotted initials of ``text``, each as its folded letters (the first maybe two)."""
    groups = [tuple(fold(m.group()).split()) for m in _DOTTED.finditer(text)]
    return [g for g in groups if len(g) >= 2 and all(len(w) == 1 for w in g[1:])]


def occurrences(tokens: Sequence[str], group: tuple[str, ...]) -> list[int]:
    """Where ``group`` occurs in ``tokens``."""
    n = len(group)
    return [i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) == group]


def join_split_groups(
    tokens: Sequence[str], kept: Sequence[str], cut: str, groups: Sequence[tuple[str, ...]]
) -> list[str] | None:
    """``tokens`` with each dotted group split by the form cut written as one word. ``kept`` is
    the slice of ``tokens`` the cut keeps and ``cut`` the words it takes from the edges (joined by
    spaces), which place the slice; when they place it more than one way (P.P.C. keeping one P),
    every placement must split a group. ``None`` when the cut splits no group."""
    n = len(kept)
    if not n or not groups:
        return None
    placements = [
        (i, i + n)
        for i in occurrences(tokens, tuple(kept))
        if " ".join([*tokens[:i], *tokens[i + n :]]) == cut
    ]
    spans = {(g, g + len(group)) for group in groups for g in occurrences(tokens, group)}
    split_by = [{(g, end) for g, end in spans if g < lo < end or g < hi < end} for lo, hi in placements]
    if not split_by or not all(split_by):
        return None
    joined = list(tokens)
    # Right to left, so that joining a group leaves the positions of the groups before it.
    for g, end in sorted(set().union(*split_by), reverse=True):
        joined[g:end] = ["".join(tokens[g:end])]
    return joined


def _ending_groups(tokens: Sequence[str], groups: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The letters of the dotted groups that end ``tokens``, longest first: the last group, and
    with it the groups written just before it. One form is often dotted in pieces ("S.à r.l.",
    "F.Z.-L.L.C."), whose letters together spell it (SARL, FZLLC) when the last piece alone
    (R L, L L C) is no form or another one."""
    found: list[tuple[str, ...]] = []
    end = len(tokens)
    while True:
        here = [g for g in groups if len(g) <= end and tuple(tokens[end - len(g) : end]) == g]
        if not here:
            break
        group = max(here, key=len)
        end -= len(group)
        found.append(tuple(tokens[end:]))
    return found[::-1]


def join_dotted_forms(
    tokens: Sequence[str], groups: Sequence[tuple[str, ...]], is_form: Callable[[tuple[str, ...]], bool]
) -> list[str]:
    """``tokens`` with the letters that end them written as one word when they spell a legal
    form (S A R L → SARL), and their letters apart are not one (S.A. stays S A, read as
    written), and a word of the name comes before them. Letters written with dots are taken as
    their whole group (Q.S.A.R.L. is the acronym QSARL, no form); letters written apart, as the
    longest run of them that ends the name and spells a form (a clerk's "S A C"); a form dotted in
    pieces ("S.à r.l.", "F.Z.-L.L.C.") as the pieces that end the name together. Inside a name,
    dotted letters are initials even when they spell a form ("ACADEMICIAN A.A. RASPLETIN",
    "S.P.R. DE R.L."), and a name that is only a dotted group is its initials ("C.T.R.")."""
    ending = _ending_groups(tokens, groups)
    if ending:
        candidates = [letters for letters in ending if len(tokens) > len(letters)]
    else:
        run = 0
        while run < len(tokens) - 1 and len(tokens[len(tokens) - 1 - run]) == 1:
            run += 1
        candidates = [tuple(tokens[len(tokens) - n :]) for n in range(run, 1, -1)]
    for letters in candidates:
        if is_form(("".join(letters),)) and not is_form(letters):
            return [*tokens[: len(tokens) - len(letters)], "".join(letters)]
    return list(tokens)
