"""A surname paired with the other name's given name on a few shared letters: two people.

The word alignment of :mod:`graph.resolve.align` pairs words wherever they stand (KIM JONG UN
/ JONG UN KIM is one name) and credits any pair from an edit ratio of 0.6. Between two
different people that lets a surname find a "partner" among the other's given names on a few
shared letters: "Ljubo MARICIC" / "Marco DI LAURO" pairs LJUBO with LAURO (0.60) and scored
0.86, "AQSA MAHMOOD" / "AHMAD MAHMOOD HASSAN" AQSA with HASSAN (0.60), "Mohsen
FAKHRIZADEH-MAHABADI" / "Mohammad FAKHRZADEH" MAHABADI with MOHAMMAD (0.62), "Muhammad Sayyah
NASR" / "Muhammad Nasir SABBAGH" SAYYAH with SABBAGH (0.62): matches all.

A name written in another order pairs its words as written, or as spelling variants that the
word rules recognise (skeletons, romanisation keys, given-name forms: 0.9 and more), not on a
few letters. So :func:`crossed_pair` reads a pair as evidence of two people when

* one word is the last of its name (the surname, in
  :func:`graph.resolve.person_rules.written_order`) and the other is not the last of its name;
* the two are full words (no initial) alike below :data:`CROSSED_SIM`, and neither starts with
  the other (NOORZAI / NOOR, CHANUONG / CHAN are a name and its short form).
"""

from __future__ import annotations

#: Below this similarity, a pair of a surname and a given name is a guess, not a spelling.
CROSSED_SIM = 0.7


def crossed_pair(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[str, str] | None:
    """The first pair of ``pairs`` (from :func:`graph.resolve.align.align_words`) that pairs the
    last word of one name with a word before the last of the other on a similarity below
    :data:`CROSSED_SIM`; else None. Names of one word have no given name to cross."""
    if len(words_a) < 2 or len(words_b) < 2:
        return None
    last_a, last_b = words_a[-1], words_b[-1]
    for a, b, sim in pairs:
        if not a or not b or sim >= CROSSED_SIM or len(a) == 1 or len(b) == 1:
            continue
        if (a == last_a) == (b == last_b):
            continue  # both surnames, or both given names
        if a.startswith(b) or b.startswith(a):
            continue
        return a, b
    return None
