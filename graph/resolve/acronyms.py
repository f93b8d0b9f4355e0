"""Acronyms a name spells out itself: "FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)".

Lists write an organisation's acronym in brackets after its full name, and other aliases use
either alone ("FDLR"; "CASIC 3rd Academy"). When the bracketed word is the initials of a run of
the name's own words, the name is also compared in two derived writings: without the acronym
(it repeats the words) and with the acronym in place of the words it stands for. The derived
writings count as names of the same record (:func:`graph.resolve.features.scored_names`), and a
reason names the writing that was aligned.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.resolve.names import STOP_WORDS, fold

#: An acronym has this many letters at least (two-letter brackets are country codes: "(UK)").
MIN_ACRONYM = 3
_PARENS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")


def _run_for(acronym: str, words: list[str]) -> tuple[int, int] | None:
    """``(first, last + 1)`` word indexes whose initials spell ``acronym`` (function words such
    as OF / AND / DE may be skipped or counted), or None."""
    for skip in (True, False):
        index = [i for i, w in enumerate(words) if not (skip and w in STOP_WORDS)]
        initials = "".join(words[i][0] for i in index)
        at = initials.find(acronym)
        if at >= 0:
            return index[at], index[at + len(acronym) - 1] + 1
    return None


@lru_cache(maxsize=200_000)
def acronym_writings(text: str, kind: str = "company") -> tuple[tuple[str, str], ...]:
    """Derived writings of a name that spells out its bracketed acronym, as ``(writing, note)``:
    ``("FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA", …), ("FDLR", …)``; ``()`` for the rest."""
    if kind == "person" or ("(" not in text and "[" not in text):
        return ()
    out: list[tuple[str, str]] = []
    for group in _PARENS.finditer(text):
        acronym = fold(group.group(1))
        if " " in acronym or len(acronym) < MIN_ACRONYM or not acronym.isalpha():
            continue
        rest = fold(text[: group.start()] + " " + text[group.end() :]).split()
        run = _run_for(acronym, rest)
        if run is None:
            continue
        spelled = " ".join(rest[run[0] : run[1]])
        out.append((" ".join(rest), f"without its acronym {acronym} (it repeats {spelled})"))
        short = [*rest[: run[0]], acronym, *rest[run[1] :]]
        out.append((" ".join(short), f"with its acronym {acronym} in place of {spelled}"))
    return tuple(out)
