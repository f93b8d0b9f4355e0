"""Two given names in -ULLAH that differ in their first element are two names.

Theophoric compounds close with ALLAH written as one word: SAIFULLAH ("sword of God"),
SAIDULLAH, HABIBULLAH, FAZLULLAH, NASRULLAH. The shared tail makes any two of them alike in
spelling (SAIDULLAH / SAIFULLAH: 89 % of the letters), although the element that names the
person is the first one, SAID / SAIF — as ABD-RAHMAN / ABD-MANAN differ as RAHMAN / MANAN do
(:mod:`graph.resolve.arabic_compounds`). Two such words are read as one name only when their
first elements are one spelling (:func:`graph.resolve.common_names.one_spelling`: RAHMAT /
REHMAT, ATT / ATA) or start with one sound and keep the same consonants (FAIZ / PAZ).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.resolve.common_names import loose_key, one_spelling

_ULLAH = re.compile(r"^([A-Z]{2,}?)(ULLAH|ULLA|OLLAH|ALLAH|ULAH)$")
#: First letters one romanised sound may be written with (FAIZULLAH / PAZULLAH).
_SOUND = str.maketrans({"P": "F", "B": "F", "V": "F", "Q": "K", "G": "K", "C": "K", "Z": "S", "D": "T"})


@lru_cache(maxsize=20_000)
def ullah_elements(a: str, b: str) -> tuple[str, str] | None:
    """The first elements of two -ULLAH names when they are two names (SAID / SAIF)."""
    ma, mb = _ULLAH.match(a), _ULLAH.match(b)
    if not ma or not mb or a == b:
        return None
    head_a, head_b = ma.group(1), mb.group(1)
    if one_spelling(head_a, head_b):
        return None
    key_a, key_b = loose_key(head_a), loose_key(head_b)
    if key_a[:1].translate(_SOUND) == key_b[:1].translate(_SOUND) and key_a[1:] == key_b[1:]:
        return None
    return head_a, head_b
