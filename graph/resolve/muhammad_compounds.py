"""A compound given name in MUHAMMAD with more given names in front: the bearer's child.

Afghan and Pakistani given names are often compounds closed by MUHAMMAD: Dost Mohammad,
Faqir Muhammad, Gul Mohammad, Nik Mohammad, Sher Mohammad. A list entry "Faqir MUHAMMAD" is
such a given name alone (the lists write the second half as a surname), and a longer name that
ends in the whole of it with other given names in front — "Rahman Zeb Faqir MUHAMMAD", "Nik
Mohammad Dost MOHAMMAD" — is someone's own name followed by the father's: the son, not the
father. The shorter name has no family name that the two could share.

The rule reads only this shape: the shorter name is two words, the second a writing of
MUHAMMAD; the longer is other words followed by both, in order; at least one word in front is
a full name that is no title or prefix name (Haji, Maulavi, Seyed, Muhammad …: those are written
before a person's own name, "Haji Faqir Muhammad" is Faqir Muhammad). Arabic name chains of
three words or more are :mod:`graph.resolve.name_chain`'s.
"""

from __future__ import annotations

from graph.resolve.name_chain import PREFIX_NAMES
from graph.resolve.names import PERSON_HONORIFICS_BEFORE, PERSON_TITLES

_MUHAMMAD = "MUHAMMAD MOHAMMAD MOHAMMED MUHAMMED MOHAMED MOHAMAD MUHAMAD MOHD MAHOMED"
MUHAMMAD_FORMS = frozenset(_MUHAMMAD.split())
#: Titles written before a name that normalisation keeps (they can be name words elsewhere).
_KEPT_TITLES = "MAULAVI MOLVI MOULVI MAWLAVI DOCTOR ENGINEER ENG COMMANDER AMIR MULLA"
_TITLES = frozenset(_KEPT_TITLES.split())
_NOT_A_NAME = PREFIX_NAMES | PERSON_HONORIFICS_BEFORE | PERSON_TITLES | _TITLES


def child_of_compound(words_a: list[str], words_b: list[str]) -> tuple[str, str] | None:
    """``(the given names in front, the compound given name)`` when one person name (in written
    order) is given names followed by the whole of the other, a two-word given name closed by
    MUHAMMAD (FAQIR MUHAMMAD / RAHMAN ZEB FAQIR MUHAMMAD)."""
    short, long_ = (words_a, words_b) if len(words_a) < len(words_b) else (words_b, words_a)
    if len(short) != 2 or short[1] not in MUHAMMAD_FORMS or long_[-2:] != short:
        return None
    front = long_[:-2]
    if not any(len(w) > 1 and w not in _NOT_A_NAME for w in front):
        return None
    return " ".join(front), " ".join(short)
