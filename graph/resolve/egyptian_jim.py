"""The Arabic letter jīm as Egyptian spelling writes it: G, and GU before E or I.

Egyptians say the jīm as a hard G, and names romanised as they are said in Egypt write it so —
in French spelling, which lists often use for Egyptian names, as GU before E or I to keep the G
hard: ABDEL MEGUID / ABD AL-MAJID, ABDEL GAWAD / ABD AL-JAWAD, ABDEL GALIL / ABD AL-JALIL, ABDEL
GABBAR / ABD AL-JABBAR. Letter by letter the two spellings share little (MEGUID / MAJID: 0.55), so
the alignment of :mod:`graph.resolve.align` leaves the two names unpaired.

The rule is read only between the parts of two ABD elements (:mod:`graph.resolve.arabic_compounds`:
ABD AL-X, "servant of" one of the names of God), where the word is Arabic for sure. Elsewhere J
and G are two letters of many languages: Spanish NAJERA / NOGUERA, AGUILA / AGUILAR / AJILY, ROJO /
ROGO are other names, and a first G read for J (GAMAL / JAMAL) is the onset rule's already.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve.names import consonant_skeleton

#: The rewritten words agree at least this closely (rapidfuzz ratio, 0-100), as sound shifts do.
MIN_RATIO = 80
#: J, and the GU that French spelling writes for a hard G before E or I.
_JIM = re.compile(r"GU(?=[EI])|J")


def egyptian_form(word: str) -> str:
    """``word`` with the jīm written G as Egyptian spelling writes it (MAJID → MAGID, MEGUID → MEGID)."""
    return _JIM.sub("G", word)


@lru_cache(maxsize=100_000)
def same_jim(a: str, b: str) -> bool:
    """``a`` and ``b`` (the parts of two ABD elements) are one name once the jīm is written G on
    both sides: MEGUID / MAJID, GAWAD / JAWAD. The rewritten words must share their consonant
    skeleton, agree letter for letter within :data:`MIN_RATIO` and more closely than as written."""
    if a == b:
        return False
    form_a, form_b = egyptian_form(a), egyptian_form(b)
    if form_a == a and form_b == b:
        return False  # no jīm written on either side
    if consonant_skeleton(form_a) != consonant_skeleton(form_b):
        return False
    ratio = fuzz.ratio(form_a, form_b)
    return ratio >= MIN_RATIO and ratio > fuzz.ratio(a, b)
