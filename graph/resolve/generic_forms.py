"""Other forms of a line-of-business word: one name writes ELECTRIC, MACHINE or TRANSPORTATION
where the other writes ELECTRONICS, MACHINERY or TRANSPORT.

Line-of-business words (``names.GENERIC_WORDS``) are weak context, never a match, so they are
kept apart from the distinctive words of a name. A word that is another form of one of them (an
adjective, a plural, a noun of action: :data:`FORMS`) is not in that set, and a name that writes
it keeps it as a distinctive word: "NPO ELECTRIC SYSTEMS" has the one distinctive word ELECTRIC
where "NPO ELECTRONIC SYSTEMS" has only line-of-business words, and "KALININ MACHINE PLANT" keeps
MACHINE as a word "KALININ MACHINERY PLANT" lacks, unpaired on one side (siblings, −).

Read as its line-of-business word *everywhere*, such a word would cost more than it gains (dev
split: KALAYE ELECTRIC / KOLA ELECTRIC, MAYAK MACHINE BUILDING PLANT / MZ MAYAK lose the word
that told them apart or paired them). So the form is a *reading* of the name
(``readings.GENERIC_FORM``), compared beside the name as written and only with a name that then
writes the same line-of-business words (``features._blocked_pairs``): one name wrote the word one
way and the other another way, and nothing else differs in their line of business.

The table is explicit: an ending rule over the generic words also reads GENERATION as GENERAL,
GLOBE as GLOBAL and NATION as NATIONAL.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType

from graph.resolve.names import fold

#: Word as written → the line-of-business word (of ``names.GENERIC_WORDS``, after the
#: abbreviations of ``names.ABBREVIATIONS``) it is another form of.
FORMS = MappingProxyType(
    {
        "ELECTRIC": "ELECTRONICS",  # ELECTRONIC is ELECTRONICS already (names.ABBREVIATIONS)
        "ELECTRICAL": "ELECTRONICS",
        "MACHINE": "MACHINERY",
        "MACHINES": "MACHINERY",
        "MACHINERIES": "MACHINERY",
        "TRANSPORTATION": "TRANSPORT",
        "TRANS": "TRANSPORT",  # cut as names cut it (WORLDWIDE SHIPPING & TRANS)
        "OPTIC": "OPTICAL",
        "OPTICS": "OPTICAL",
        "INSTRUMENTATION": "INSTRUMENTS",
        "AGENCIES": "AGENCY",
    }
)

_WORD = re.compile(r"[A-Z0-9]+")


@lru_cache(maxsize=200_000)
def generic_form(name: str) -> str | None:
    """``name`` folded with each word of :data:`FORMS` written as its line-of-business word
    ("NPO Electric Systems" → "NPO ELECTRONICS SYSTEMS"), None when it writes none."""
    folded = fold(name)
    if not any(w in FORMS for w in folded.split()):
        return None
    return _WORD.sub(lambda m: FORMS.get(m.group(0), m.group(0)), folded)


def describe(name: str) -> str:
    """The words read, for :func:`graph.resolve.compare.compare`."""
    read = [f"{w} as {FORMS[w]}" for w in dict.fromkeys(fold(name).split()) if w in FORMS]
    return (
        f"'{name}' read with {', '.join(read)} (another form of a line-of-business word), "
        "compared with a name of the same line-of-business words"
    )
