"""Words that say what kind of body an organisation is, not which one.

Unpaired words (``features.lone_words``) tell sibling entities apart: "GAZPROM TRANSGAZ SAMARA"
/ "… SURGUT" keep a name each. But the lists also write one body as a ministry and as a
department, a resort and a sanatorium, an army and a battalion: "MAIN INTELLIGENCE
DIRECTORATE" / "MAIN INTELLIGENCE DEPARTMENT" (Russia's GRU), "MINISTRY OF STATE SECURITY
PRISONS BUREAU" / "STATE SECURITY DEPARTMENT PRISONS BUREAU", "RESORT NIZHNYAYA OREANDA" /
"SANATORIUM NIZHNYAYA OREANDA", "THE ARMY OF EMIGRANTS AND SUPPORTERS" / "BATTALION OF
EMIGRANTS AND SUPPORTERS". There the words left unpaired only name the kind of body, each one
of the same family (:data:`KINDS`), and nothing tells two bodies apart: :func:`same_kind` holds
and the pair is not read as siblings (the name similarity still counts the different word).

A family holds only kinds a list writes for one body in translation or re-organisation; a
kind of a different family on the other side ("X BANK" / "X PLANT", "… HOUSING ESTABLISHMENT" /
"… CONSTRUCTION ESTABLISHMENT": a line of business, not a kind) is still two bodies, and so is
any unpaired word that names no kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

_FAMILIES: dict[str, tuple[str, ...]] = {
    # A state body: the same office is a ministry, department or directorate by translation.
    "state body": (
        "MINISTRY",
        "DEPARTMENT",
        "DEPT",
        "DIRECTORATE",
        "DIRECTION",
        "ADMINISTRATION",
        "BUREAU",
        "COMMITTEE",
        "COMMISSION",
        "AUTHORITY",
        "SERVICE",
        "AGENCY",
        "OFFICE",
    ),
    # An armed group: the lists call one group an army, a battalion, a brigade or a regiment.
    "armed unit": ("ARMY", "BATTALION", "BRIGADE", "REGIMENT"),
    # A health resort: the Soviet sanatorium is a resort in translation.
    "health resort": ("SANATORIUM", "RESORT"),
}

#: Word → the family of kinds of body it names.
KINDS: Mapping[str, str] = MappingProxyType(
    {word: family for family, words in _FAMILIES.items() for word in words}
)


def kind_family(words: Iterable[str]) -> str | None:
    """The one family of kinds every word of ``words`` names, or None (a word naming no kind,
    two families, or no word)."""
    families = {KINDS.get(w) for w in words}
    if len(families) != 1:
        return None
    return next(iter(families))


def same_kind(lone_a: Iterable[str], lone_b: Iterable[str]) -> str | None:
    """The family when both names' unpaired words only name kinds of body of one family."""
    fam_a, fam_b = kind_family(lone_a), kind_family(lone_b)
    return fam_a if fam_a is not None and fam_a == fam_b else None


def describe(lone_a: Iterable[str], lone_b: Iterable[str]) -> str:
    """Why the unpaired words were not read as sibling names, in words."""
    family = same_kind(lone_a, lone_b)
    return (
        f"the words only one name keeps ({' '.join(lone_a)} vs {' '.join(lone_b)}) both say what "
        f"kind of body it is (a {family}), not which one: not sibling entities, the different word "
        "counted in the name similarity above"
    )
