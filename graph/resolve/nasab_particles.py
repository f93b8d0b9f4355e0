"""The particles of an Arabic name chain (nasab) in the languages that write them.

"Son of" is BIN / IBN in Arabic romanisation, BEN in the Maghreb, OULD (WALD, "child") in
Mauritania, AG in Tuareg names; "daughter of" is BINT / BENT, MINT in Mauritania. One person's
two list entries may write the chain in two of these ("Mohamed Ben Ahmed MAHRI" / "Mohamed Ould
Mahri Ahmed DAYA"), and the particles share too few letters (BEN / OULD, IBN / BIN) for the
alignment of :mod:`graph.resolve.align` to pair them: the chain reads as a word short on each
side. :func:`same_particle` reads two particles of one meaning as one word. A son's particle
against a daughter's is not (BIN / BINT: that is what tells two people apart).
"""

from __future__ import annotations

_SON = frozenset(["BIN", "IBN", "BEN", "BN", "OULD", "OULED", "WALD", "WULD", "AG"])
_DAUGHTER = frozenset(["BINT", "BENT", "BINTI", "MINT"])


def same_particle(a: str, b: str) -> bool:
    """``a`` and ``b`` are two writings of one nasab particle (BEN / OULD, IBN / BIN, BINT / MINT)."""
    return a != b and ((a in _SON and b in _SON) or (a in _DAUGHTER and b in _DAUGHTER))
