"""An acronym of part of a long name, the rest of it shortened: "Almaz-Antey MSDB" is "Almaz-Antey
Air Defense Concern Main System Design Bureau".

:func:`graph.resolve.acronyms.collapse` puts one name's acronym in place of the other's words
it initials and asks the other words of the two names to agree. Lists also shorten the long
name's other words the way a shortened name does — the parent group's words are left out
("ALMAZ ANTEY [AIR DEFENSE CONCERN] MSDB"), or a type written as a legal-form abbreviation on
the short side ("FSUE SRPE BAZALT": FEDERAL STATE UNITARY ENTERPRISE STATE RESEARCH AND
PRODUCTION ENTERPRISE BAZALT). :func:`part_collapse` accepts that shape when

* the acronym has ``MIN_PART`` letters at least (four letters spelled in order by a run of
  the other name's words are no coincidence; two or three letters are);
* every other distinctive word of the short name is among the long name's other words, and
  the short name has at least one: the acronym alone never stands for a part;
* none of the long name's words left out is an organisation type of
  :mod:`graph.resolve.org_abbrev` (NPO, OKB, NII): a design bureau and the association of its
  name are two bodies.

The name that writes the acronym may also be the one that keeps more words: "IRGC AIR FORCE
AL-GHADIR MISSILE COMMAND" is "ISLAMIC REVOLUTIONARY GUARD CORPS AL-GHADIR MISSILE COMMAND"
with the parent unit written beside the acronym, as the spelled-out "ISLAMIC REVOLUTIONARY GUARD
CORPS AIR FORCE AL-GHADIR MISSILE COMMAND" is that name lengthened (the subset view). The same
conditions hold with the roles of the names' other words swapped: the name that spells the
acronym out keeps at least one other word, all of them among the abbreviating name's, and none
of the abbreviating name's extra words is an organisation type.

It is credited as a shortened name is (``SUBSET_DISCOUNT``, the subset view of
:mod:`graph.resolve.features`), before the acronym discount.
"""

from __future__ import annotations

from graph.resolve.acronyms import MIN_ALONE, Collapse, initial_runs
from graph.resolve.either_way import either_way
from graph.resolve.org_abbrev import concepts

#: Letters an acronym of part of the other name needs.
MIN_PART = MIN_ALONE
#: The similarity of a part acronym, as a shortened name's (features.SUBSET_DISCOUNT).
PART_SIM = 0.94


def part_collapse(core_x: str, core_y: str, seq_y: str) -> Collapse | None:
    """Name x's acronyms (``MIN_PART`` letters) in place of the runs of name y's words they
    initial, when the other distinctive words of one name are all among the other's (either
    keeps more: module docstring); else None. ``core_*`` are the sorted distinctive words,
    ``seq_y`` y's words in order."""
    x, y_core, words = core_x.split(), core_y.split(), seq_y.split()
    acronyms, spelled, in_runs = initial_runs(x, y_core, words, MIN_PART)
    if not acronyms:
        return None
    rest_x = sorted(w for w in x if w not in acronyms)
    rest_y = sorted(w for w in y_core if w not in in_runs)
    if rest_x and set(rest_x) < set(rest_y):  # the abbreviating name is the shorter
        left_out = set(words) - in_runs - set(rest_x)
    elif rest_y and set(rest_y) < set(rest_x):  # it writes more words beside its acronym
        left_out = set(rest_x) - set(rest_y)
    else:
        return None
    if not concepts().isdisjoint(left_out):
        return None  # the long name also writes an organisation type (NPO, OKB): another body
    return Collapse(tuple(acronyms), tuple(spelled), (" ".join(rest_x), " ".join(rest_y)), PART_SIM, 0)


def best_part(core_a: str, seq_a: str, core_b: str, seq_b: str) -> Collapse | None:
    """:func:`part_collapse` both ways (``abbreviating`` says whose acronym it is)."""
    return either_way(
        lambda: part_collapse(core_a, core_b, seq_b), lambda: part_collapse(core_b, core_a, seq_a)
    )


def describe(hit: Collapse) -> str:
    """The reason for an acronym of part of the other name, in words."""
    how = "; ".join(
        f"{a} stands for {s} (their initials)" for a, s in zip(hit.acronyms, hit.spelled, strict=True)
    )
    short, long_ = sorted(hit.rest, key=lambda rest: len(rest.split()))
    left_out = " ".join(w for w in long_.split() if w not in short.split())
    return (
        f"{how}: the other words of the shorter name ({short!r}) are all in the longer one, which "
        f"also writes {left_out!r}; credited as a shortened name (similarity {hit.similarity:.2f} "
        "before the acronym discount)"
    )
