"""A dedication ("named after N.E. Zhukovsky", "imeni Akademika A.A. Raspletina") is one word.

Russian state institutes and plants carry their namesake: the Entity List writes "The Central
Aerohydrodynamic Institute named after N.E. Zhukovsky" and "Zhukovskiy Central Aerohydrodynamics
Institute" for one institute. The marker words (NAMED AFTER, the Russian IMENI), the namesake's
initials and title (ACADEMICIAN …) are not part of what identifies it; the namesake's surname
is. After ``IMENI`` the surname stands in the genitive (RASPLETINA, TIKHOMIROVA, ZHUKOVSKOGO):
it is cut back to the nominative (RASPLETIN, TIKHOMIROV, ZHUKOVSKY), the spelling of the
English names. Only the words after a marker are touched.
"""

from __future__ import annotations

import re

#: Word sequences that introduce the namesake.
MARKERS: tuple[tuple[str, ...], ...] = (("NAMED", "AFTER"), ("IMENI",))
#: Markers that introduce the namesake only before his initials: IMENI abbreviated ("ZAVOD IM.
#: A.A. KULAKOVA"), and the translations "named for", "by name" ("VYMPEL BY NAME I.I. TOROPOV").
#: Without initials after them they are words of a name ("ISF-IM", the German "HAUS IM PARK").
INITIALS_MARKERS: tuple[tuple[str, ...], ...] = (("IM",), ("NAMED", "FOR"), ("BY", "NAME"))
#: Initials of the namesake are words of at most this many letters before his surname: one letter,
#: a romanised one (the YA of "A.YA. BEREZNYAKA"), or two written together without their dots
#: ("II TOROPOV" for "I.I. TOROPOV"), which read alone were the Roman numeral II.
INITIAL_LETTERS = 2
#: Titles of the namesake (dropped after a marker).
TITLES: frozenset[str] = frozenset(
    {"ACADEMICIAN", "ACADEMIC", "AKADEMIK", "AKADEMIKA", "GENERAL", "GENERALA", "PROFESSOR", "PROFESSORA"}
)
#: Russian genitive endings of surnames → the nominative (RASPLETINA → RASPLETIN).
_GENITIVE = (
    (re.compile(r"(?<=[A-Z]{3})(OV|EV|IN|YN)A$"), r"\1"),
    (re.compile(r"(?<=[A-Z]{3})SKOGO$"), "SKY"),
)


#: The last word of every marker: a name without one has no dedication (a quick test).
_MARKER_WORDS = frozenset(m[-1] for m in (*MARKERS, *INITIALS_MARKERS))


def _nominative(word: str) -> str:
    for pattern, repl in _GENITIVE:
        out = pattern.sub(repl, word)
        if out != word:
            return out
    return word


def _marker_at(tokens: tuple[str, ...], i: int) -> int:
    """Length of the marker starting at ``tokens[i]`` (0: none)."""
    for marker in MARKERS:
        if tokens[i : i + len(marker)] == marker:
            return len(marker)
    for marker in INITIALS_MARKERS:
        n = len(marker)
        if tokens[i : i + n] == marker and _initial(tokens, i + n):
            return n
    return 0


def _initial(tokens: tuple[str, ...], i: int) -> bool:
    """``tokens[i]`` is an initial of the namesake: a short word with a word (his surname) after it."""
    return i + 1 < len(tokens) and len(tokens[i]) <= INITIAL_LETTERS and tokens[i].isalpha()


def dedication(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a dedication not compared (marker, initials, titles), in order; ``()``."""
    return tuple(t for t, kept in zip(tokens, _keep(tokens), strict=True) if not kept)


def _keep(tokens: tuple[str, ...]) -> list[bool]:
    keep = [True] * len(tokens)
    i = 0
    while i < len(tokens):
        n = _marker_at(tokens, i)
        if not n or i == 0:  # a name that starts with the marker has nothing dedicated
            i += 1
            continue
        for k in range(i, i + n):
            keep[k] = False
        i += n
        while i < len(tokens) and (len(tokens[i]) == 1 or _initial(tokens, i) or tokens[i] in TITLES):
            keep[i] = False
            i += 1
    return keep


def drop_dedication(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with a dedication's marker, initials and titles dropped and the namesake's
    surname in the nominative ("… INSTITUTE NAMED AFTER N E ZHUKOVSKY" → "… INSTITUTE ZHUKOVSKY")."""
    if not _MARKER_WORDS.intersection(tokens):
        return tokens
    keep = _keep(tokens)
    if all(keep):
        return tokens
    first = keep.index(False)
    return tuple(_nominative(t) if i > first else t for i, t in enumerate(tokens) if keep[i])
