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


def first_names_against_initials(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[str, str] | None:
    """The first given names of two person names (in written order) when neither pairs with a
    full word in the alignment ``pairs``, at least one pairs with an initial, the two are not
    alike, and some later full word pairs (the shared family part)."""
    if len(words_a) < 2 or len(words_b) < 2:
        return None
    first_a, first_b = words_a[0], words_b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return None
    paired = [(a, b) for a, b, _ in pairs if a and b]
    full = [(a, b) for a, b in paired if len(a) > 1 and len(b) > 1]
    if not full or any(first_a == a or first_b == b for a, b in full):
        return None
    if not any(first_a == a or first_b == b for a, b in paired):
        return None  # no partner at all: the first-name rule itself reads these
    if word_similarity(first_a, first_b) >= MIN_WORD_SIM:
        return None  # VIKTOR / VICTOR V.: one first name, the alignment took the initial
    return first_a, first_b
