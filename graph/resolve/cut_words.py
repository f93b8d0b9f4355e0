"""Words written cut short with a dot: "HESCO ENG & CON. CO" is "HESCO ENGINEERING & CONSTRUCTION CO".

A clerk who shortens a word of a name marks it with a dot (CON., INS., DEPT.): the dot says the
word goes on, so "CON." may be read as any longer word that starts with CON. A word written
*without* a dot is never read so: coined company names share prefixes all the time
(GRANITEPOINT / GRANITE, OPTIMACHIP / OPTIMA are other companies; see
:mod:`graph.resolve.respelt_words`), and a prefix alone says nothing.

The distinctive words of a name (:func:`graph.resolve.names.normalise_name`) lose the dot, so
:func:`marked_core` writes the sorted distinctive words as the scorer compares them with the
dotted cuts marked (``"CON. HESCO"``); :mod:`graph.resolve.respelt_words` reads a marked word as
the other name's word it starts, and then compares the two sets of words as for any respelt word
(the rest must agree). The cut keeps :data:`MIN_CUT_LETTERS` letters and leaves out at least
:data:`MIN_LEFT_OUT` (a plural S or one letter more is a word form, not a cut).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from graph.resolve.names import fold

#: How a cut word is marked in :func:`marked_core` (as it was written).
MARK = "."
#: A cut keeps at least this many letters (CON., INS.): a dotted pair of letters is an initial
#: or a legal form (CO., SP.).
MIN_CUT_LETTERS = 3
#: … and leaves out at least this many (CONSTRUCTION / CON.).
MIN_LEFT_OUT = 2

# A run of letters ending in a dot that is not followed by a letter or digit (CON., not the
# dots inside WWW.SITE.COM or the initials of S.A.).
_DOTTED = re.compile(r"(?<![^\W_])([^\W\d_]{3,})\.(?![^\W_])")


@lru_cache(maxsize=200_000)
def marked_core(text: str, distinctive: Sequence[str]) -> str:
    """The sorted distinctive words of ``text`` space-joined, each one written in ``text`` with a
    trailing dot marked so (``"CON. HESCO"``)."""
    words = sorted(distinctive)
    if "." not in text:
        return " ".join(words)
    dotted = {fold(m) for m in _DOTTED.findall(text)}
    return " ".join(w + MARK if w in dotted and len(w) >= MIN_CUT_LETTERS else w for w in words)


def unmarked(word: str) -> str:
    """``word`` without its cut mark."""
    return word[:-1] if word.endswith(MARK) else word


def is_cut_of(x: str, y: str) -> bool:
    """``x`` or ``y`` is written cut short with a dot (marked) and the other word starts with it,
    leaving out at least MIN_LEFT_OUT letters."""
    for cut, whole in ((x, y), (y, x)):
        if cut.endswith(MARK) and not whole.endswith(MARK):
            stem = cut[: -len(MARK)]
            if len(whole) >= len(stem) + MIN_LEFT_OUT and whole.startswith(stem):
                return True
    return False
