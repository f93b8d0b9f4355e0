"""A name of one word, or of single letters only, is never only its legal form.

"C.T.R." is a listed company, read as the initials CTR (:mod:`graph.resolve.dotted_initials`).
Written without its dots, "CTR" is also the code of an Irish legal form, and written with the
dots as spaces, "C T R" ended in the letters of another ("T R"): the form cutter took the whole
name, or all of it but one letter, the name had no distinctive word and the listed company was
missed on its own name. Other listed names are one word that is a form code too ("NPC", "SAM",
"PSC"), and "K A S", "P P C", "B O T H" are initials with the dots left out. A company is named by
more than its legal form, so a cut that takes a one-word name, or leaves a name of letters one
letter or none, is refused and the words are the name. Letters that leave initials keep their
form: "J M S A" is JM S.A. (:mod:`graph.resolve.dotted_initials`).
"""

from __future__ import annotations

from collections.abc import Sequence


def keeps_no_name(raw: Sequence[str], kept: Sequence[str]) -> bool:
    """The forms cut from ``raw`` leave ``kept``, which is no name: nothing of a one-word name,
    or at most one letter of a name made of single letters."""
    if len(raw) == 1:
        return not kept
    return len(kept) < 2 and all(len(t) == 1 and t.isalpha() for t in raw)
