"""A bracketed acronym the name's words do not spell: "Scientific-Research Institute of Electronics
(NIIET)" is "AO Scientific Research Institute of Electronics".

A name translated into English often keeps the acronym of its own language in brackets:
NIIET is Nauchno-Issledovatelsky Institut Elektronnoi Tekhniki, FTsDT is Federalny Tsentr
Dvoinykh Tekhnologii, SWIET is SouthWest Institute of Electronic Technology with "southwest"
initialled twice. Unlike an acronym of the name's own words
(:func:`graph.resolve.acronyms.own_acronyms`), it cannot be checked against the words — but
it says nothing the words do not: a name that writes it and one that does not are not two
bodies, as a distinctive word on one side only would make them.

:func:`foreign_acronym` finds such a bracket and gives the name without it, which the scorer
compares as another writing of the name (``features.scored_names``) — only with names that
write no bracketed acronym of their own (two different acronyms beside the same words name
two bodies: "Institute of Electronics (NIIET)" / "Institute of Electronics (GNIIE)"). The
bracket qualifies only when its capitals mark it as an acronym: one word of ``MIN_LETTERS`` to
``MAX_LETTERS`` letters with at least two capitals, in a name otherwise written in mixed case
(in an all-capitals name a bracketed word may be a city or a country: "VTB BANK (KIEV)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.resolve.acronyms import own_acronyms

MIN_LETTERS = 3
MAX_LETTERS = 10
#: The name without the bracket keeps this many words at least.
MIN_WORDS = 2

_BRACKET = re.compile(r"\s*[(\[]\s*([A-Za-z]+)\s*[)\]]")


@dataclass(frozen=True)
class ForeignAcronym:
    acronym: str  # as written in the bracket
    kept: str  # the name without the bracket


def _is_acronym(word: str) -> bool:
    return MIN_LETTERS <= len(word) <= MAX_LETTERS and sum(ch.isupper() for ch in word) >= 2


@lru_cache(maxsize=200_000)
def bracketed_acronym(text: str) -> str | None:
    """The first bracketed word of ``text`` written as an acronym (see the module docstring),
    spelled by the name's words or not; None when there is none."""
    if "(" not in text and "[" not in text:
        return None
    for hit in _BRACKET.finditer(text):
        word = hit.group(1)
        outside = text[: hit.start()] + text[hit.end() :]
        if _is_acronym(word) and any(ch.islower() for ch in outside):
            return word
    return None


@lru_cache(maxsize=200_000)
def foreign_acronym(text: str) -> ForeignAcronym | None:
    """``text``'s one bracketed acronym that its own words do not spell, and ``text`` without
    it; None when it has none, more than one bracket, or its own words spell it."""
    word = bracketed_acronym(text)
    if word is None or len(_BRACKET.findall(text)) != 1 or own_acronyms(text)[0]:
        return None
    kept = " ".join(_BRACKET.sub(" ", text).split())
    if len(kept.split()) < MIN_WORDS:
        return None
    return ForeignAcronym(word, kept)


def describe(text: str) -> str:
    """Why the scorer read ``text`` without its bracketed acronym, in words."""
    found = foreign_acronym(text)
    if found is None:  # not reached: the scorer read the same text
        return "a bracketed acronym not spelled by the name's words"
    return (
        f"({found.acronym}) is an acronym the name's words do not spell (its initials in another "
        f"language): it adds nothing to them, so the name was also compared without it "
        f"({found.kept!r}), against names that write no bracketed acronym of their own"
    )
