"""Initials as screening reads them: one word per group of initials, however a clerk writes it.

Lists write initials with dots ("C.A.D. S.A.", "K.A.S.", "AGRICOLA TAVO S.P.R. DE R.L."); folded to
words, every letter became a word of its own ("C A D S A"), and a clerk's "CAD SA", "KAS" or
"AGRICOLA TAVO SPR DE RL" shared no word with the listed name: no blocking key met it, and these
real SDN entries were *clear* against the obvious writing of their own name. Screening now reads
the letters as a clerk writes them without dots, on both sides, before blocking and scoring:

* letters written together with dots are one word, one per group as written: "C.A.D. S.A." is
  CAD SA, "A.A. & A.B." is AA AB (:func:`graph.resolve.dotted_initials.dotted_groups`, resolution's
  reading of the same dots);
* letters written apart without dots ("C A D S A", "K A S") are one word too, except a legal form
  they end the name with (SA, SARL, CV by the ISO 20275 table), when two letters or more of the
  name come before it: "C A D S A" is CAD SA as the listing is; "K A S" stays KAS (one letter is
  no name, and K.A.S. is one group), and so does "L L C" after a word (no L of the form LC).

Single letters alone ("JOHN F KENNEDY") are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from graph.resolve.dotted_initials import dotted_groups
from graph.resolve.names import legal_forms

#: Fewest letters of the name a run of initials keeps in front of the legal form it ends with.
MIN_NAME_LETTERS = 2


def _is_form(letters: str) -> bool:
    return (letters,) in legal_forms().table


def _run_words(run: Sequence[str], ends_name: bool) -> list[str]:
    """A run of single letters written apart (maybe none), as words: one, or two where it ends the name with a
    legal form after :data:`MIN_NAME_LETTERS` letters or more. The shortest such form: "E C A S A"
    is ECA SA (the listed E.C.A. S.A.), not EC of the Norwegian ASA."""
    if ends_name:
        for size in range(2, len(run) - MIN_NAME_LETTERS + 1):
            form = "".join(run[-size:])
            if _is_form(form):
                return ["".join(run[:-size]), form]
    return ["".join(run)] if run else []


def read_initials(text: str, tokens: Sequence[str], fold: Callable[[str], str]) -> list[str]:
    """``tokens`` (the folded words of ``text``) with each group of initials as one word."""
    if not any(len(t) == 1 for t in tokens):
        return list(tokens)  # most names: no single letter
    groups = dotted_groups(text, fold) if "." in text else []
    out: list[str] = []
    run: list[str] = []
    i, g = 0, 0
    while i < len(tokens):
        group = groups[g] if g < len(groups) else None
        if group is not None and tuple(tokens[i : i + len(group)]) == group:
            out += [*_run_words(run, False), "".join(group)]
            run = []
            i += len(group)
            g += 1
            continue
        token = tokens[i]
        if len(token) == 1 and token.isalpha():
            run.append(token)
        else:
            out += [*_run_words(run, False), token]
            run = []
        i += 1
    return out + _run_words(run, True)
