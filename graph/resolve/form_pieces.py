"""A legal form dotted in pieces and written with the dots left out: the pieces spell the form.

"S.A.DE C.V." without its dots is "SADE CV"; "S.P.R. DE R. L. DE C.V." is "SPR DE R L DE CV".
The table knows these forms written one way ("S A DE C V", and its letters run together, "SA DE
CV": :func:`graph.resolve.legal_forms.letters_run_together`), and the clerk's pieces are another:
the cutter took the last form it knew ("CV", "DE CV", of other jurisdictions) and left the rest
("SADE", "SPR DE R L") as words of the name. Against the same company written with its dots the
form conflict sank a true pair.

:func:`form_pieces` reads the words before the forms cut as pieces of one form with them when
their letters together spell a form of the table (SADECV, SPRDERLDECV; "SH.A.", the Kosovar
SHA). Only short words are pieces: a form is written in abbreviations of a few letters, and a
word of the name is kept (a name word and a form never spell one form between them but by
chance, which a long word makes rarer still). Single letters alone are no pieces: letters before
a form are the name's initials ("E.C.A. S.A." is the company ECA, not E C and the form A S A:
:mod:`graph.resolve.dotted_initials`). A name keeps at least one word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: A piece of a form written short has at most this many letters (SADE, SPR, DE, RL).
MAX_PIECE = 4


def form_pieces(toks: Sequence[str], ending: Sequence[str], spelled: Mapping[str, str]) -> int:
    """How many words that end ``toks`` (the name left) spell a form of ``spelled`` (form letters
    without spaces → class) with ``ending`` (the forms cut after them); the most that do, 0 for none."""
    tail = "".join(ending)
    for n in range(len(toks) - 1, 0, -1):
        pieces = toks[-n:]
        if (
            all(len(w) <= MAX_PIECE for w in pieces)
            and any(len(w) > 1 for w in pieces)
            and "".join(pieces) + tail in spelled
        ):
            return n
    return 0
