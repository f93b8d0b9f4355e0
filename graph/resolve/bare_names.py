"""A name of one word, or of single letters only, is never only a rare legal-form code.

"C.T.R." is a listed company, read as the initials CTR (:mod:`graph.resolve.dotted_initials`).
Written without its dots, "CTR" is also the code of an Irish legal form, and written with the
dots as spaces, "C T R" ended in the letters of another ("T R"): the form cutter took the whole
name, or all of it but one letter, the name had no distinctive word and the listed company was
missed on its own name. Other listed names are one word that is a form code too ("NPC", "SAM",
"PSC"), and "K A S", "P P C", "B O T H" are initials with the dots left out. Such a cut is
refused and the words are the name:

* a cut that leaves one letter of a name of letters (K of "K A S", C of "C T R"): one letter
  names no company, and the letters together are its initials;
* a cut that takes the whole of a one-word or letters-only name, when the form is a code of no
  family (:data:`graph.resolve.legal_forms.FAMILIES`) nor one used the world over
  (:data:`graph.resolve.legal_forms.INTERNATIONAL`): a registry's code (CTR, NPC) is as often a
  company's initials. A common form alone ("LLC", "L.L.C.", "GMBH", "CO.") stays a form, and a
  name that is only one still names no one ("CO." alone matched itself until CO, of no family,
  counted as common).

Letters that leave initials keep their form: "J M S A" is JM S.A. (:mod:`graph.resolve.dotted_initials`).
"""

from __future__ import annotations

from collections.abc import Sequence


def _letters(tokens: Sequence[str]) -> bool:
    return len(tokens) > 1 and all(len(t) == 1 and t.isalpha() for t in tokens)


def keeps_no_name(raw: Sequence[str], kept: Sequence[str], common_form: bool) -> bool:
    """The forms cut from ``raw`` leave ``kept``, which is no name (see the module docstring);
    ``common_form``: the form cut has a family (LLC, GMBH), no registry's code."""
    if not kept:
        return (len(raw) == 1 or _letters(raw)) and not common_form
    return len(kept) == 1 and _letters(raw)
