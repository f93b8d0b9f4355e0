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

from rapidfuzz import fuzz

from graph.resolve.names import STOP_WORDS, fold

#: An acronym has this many letters at least (two-letter brackets are country codes: "(UK)").
MIN_ACRONYM = 3
#: Longer words are words, not acronyms of another name's words.
MAX_ACRONYM = 6
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


def collapse(
    core_a: str, words_a: str, core_b: str, words_b: str, subset: float = 0.0
) -> tuple[str, str, float] | None:
    """Across two names: a distinctive word of one that is the initials of three or more
    consecutive words of the other ("CASIC SECOND ACADEMY" / "CHINA AEROSPACE SCIENCE AND INDUSTRY
    CORPORATION SECOND ACADEMY"). ``(acronym, the words it stands for, similarity of the
    distinctive words with the acronym in place of those words)``, the best one, or None.

    ``core_*`` are the sorted distinctive words, ``words_*`` the folded words in their order;
    ``subset`` is the credit of one side's words all found in the other's (0: none)."""
    best: tuple[str, str, float] | None = None
    for cx, cy, wy in ((core_a, core_b, words_b), (core_b, core_a, words_a)):
        words_y = wy.split()
        for token in sorted(set(cx.split())):
            if not (MIN_ACRONYM <= len(token) <= MAX_ACRONYM and token.isalpha()) or token in words_y:
                continue
            run = _run_for(token, words_y)
            if run is None:
                continue
            spelled = words_y[run[0] : run[1]]
            rest = [w for w in cy.split() if w not in spelled]
            collapsed = " ".join(sorted([*rest, token]))
            sim = max(fuzz.ratio(cx, collapsed), subset * fuzz.token_set_ratio(cx, collapsed)) / 100.0
            if best is None or sim > best[2]:
                best = (token, " ".join(spelled), sim)
    return best


def collapsed_similarity(key_a: str, key_b: str, subset: float = 0.0) -> float:
    """:func:`collapse` similarity for ``"core\\twords"`` keys (0.0 when no acronym spells out)."""
    (core_a, words_a), (core_b, words_b) = key_a.split("\t"), key_b.split("\t")
    hit = collapse(core_a, words_a, core_b, words_b, subset)
    return hit[2] if hit is not None else 0.0
