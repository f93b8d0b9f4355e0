"""A first given name that pairs only with the other name's middle initial is no partner.

:func:`graph.resolve.person_rules.different_first_names` reads two names that share their
family part but not the first given name as two people (siblings, spouses). The alignment
gives an initial near-full credit against any word it starts ("J" ~ "JOHN"), so a middle
initial of one name can take the other's first given name as partner: "Abeni O. OGUNGBUYI" /
"Oluwole OGUNGBUYI" pairs OLUWOLE with O, "Leila N.S. AL-DAJANI" / "Sa'ad AL-DAJANI" SAAD with
S, and the first-name rule stays silent. An initial stands for a word of the same place, not
for a first given name written in full on one side and left out on the other: when the first
given names pair with no full word and are not alike themselves, they still differ.
"""

from __future__ import annotations

from graph.resolve.align import MIN_WORD_SIM, word_similarity


def pairs_without_initials(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[tuple[str, str, float], ...] | None:
    """The alignment ``pairs`` with every pair of an initial dropped, when an initial took the
    other name's first given name as partner and the two first given names are not alike (for
    :func:`graph.resolve.person_rules.different_first_names` to read again); else None."""
    if len(words_a) < 2 or len(words_b) < 2:
        return None
    first_a, first_b = words_a[0], words_b[0]
    took_first = any(
        (a == first_a and len(b) == 1) or (b == first_b and len(a) == 1) for a, b, _ in pairs if a and b
    )
    if not took_first or word_similarity(first_a, first_b) >= MIN_WORD_SIM:
        return None  # VIKTOR / VICTOR V.: one first name, the alignment took the initial
    return tuple(p for p in pairs if not (p[0] and p[1] and (len(p[0]) == 1 or len(p[1]) == 1)))
