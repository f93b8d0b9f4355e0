"""Generational suffixes (JR, SR, II, III, IV) and the comma written before them.

"John SMITH, Jr.", "SMITH, John, Jr.", "Feliciano Semborio, Jr. DELOS REYES": English and
Philippine names set the generational suffix off with a comma. That comma is not the comma of
"SURNAME, Given" (the OFAC order), which :func:`graph.resolve.person_rules.written_tokens`
reads by moving the part after it to the front: read so, the last name came out "DELOS REYES
FELICIANO SEMBORIO", the surname first, and the person rules that look at word places (first
given name, surname) compared the wrong words. :func:`without_suffix_commas` drops the commas
that only set off a suffix, so that the comma left, if any, is the surname-first one.

The suffix itself is left out of the compared words (a list may leave it out: "John SMITH Jr." and
"John SMITH" are one person), but two suffixes of two generations tell a father from his son:
:func:`generation`, read per name in :func:`graph.resolve.features.prepare` and compared by the
person rule ``generation_differs`` only when both names carry one (lists often leave it out).
"""

from __future__ import annotations

import re

#: A comma followed by a generational suffix alone (then the end, a comma or another word).
_SUFFIX_COMMA = re.compile(r",(?=\s*(?:JR|SR|II|III|IV|JNR|SNR)\b\.?(?:\s|,|$))", re.IGNORECASE)


def without_suffix_commas(name: str) -> str:
    """``name`` without the commas that set off a generational suffix ("SMITH, John, Jr." →
    "SMITH, John Jr."; "Feliciano Semborio, Jr. DELOS REYES" → "… Semborio Jr. DELOS REYES")."""
    return _SUFFIX_COMMA.sub(" ", name) if "," in name else name


#: The generation each suffix names: a father (SR) and his son (JR) or a II, III, IV of one name.
#: JR and II are one generation (the second bearer of the name), counted alike.
_GENERATIONS = {"SR": 1, "SNR": 1, "JR": 2, "JNR": 2, "II": 2, "III": 3, "IV": 4}
_WORDS = re.compile(r"[A-Za-z]+")


def generation(name: str) -> int:
    """The generation the suffix of ``name`` names (SR 1, JR and II 2, III 3, IV 4), 0 without
    one. The first word is never a suffix (a name does not start with one)."""
    words = _WORDS.findall(name)[1:]
    return next((_GENERATIONS[w] for w in reversed([w.upper() for w in words]) if w in _GENERATIONS), 0)


def suffix_word(name: str) -> str:
    """The suffix :func:`generation` read in ``name``, as written (for the reasons)."""
    words = _WORDS.findall(name)[1:]
    return next((w for w in reversed(words) if w.upper() in _GENERATIONS), "")
