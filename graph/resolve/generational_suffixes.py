"""Generational suffixes (JR, SR, II, III, IV) and the comma written before them.

"John SMITH, Jr.", "SMITH, John, Jr.", "Feliciano Semborio, Jr. DELOS REYES": English and
Philippine names set the generational suffix off with a comma. That comma is not the comma of
"SURNAME, Given" (the OFAC order), which :func:`graph.resolve.person_rules.written_tokens`
reads by moving the part after it to the front: read so, the last name came out "DELOS REYES
FELICIANO SEMBORIO", the surname first, and the person rules that look at word places (first
given name, surname) compared the wrong words. :func:`without_suffix_commas` drops the commas
that only set off a suffix, so that the comma left, if any, is the surname-first one.
"""

from __future__ import annotations

import re

#: A comma followed by a generational suffix alone (then the end, a comma or another word).
_SUFFIX_COMMA = re.compile(r",(?=\s*(?:JR|SR|II|III|IV|JNR|SNR)\b\.?(?:\s|,|$))", re.IGNORECASE)


def without_suffix_commas(name: str) -> str:
    """``name`` without the commas that set off a generational suffix ("SMITH, John, Jr." →
    "SMITH, John Jr."; "Feliciano Semborio, Jr. DELOS REYES" → "… Semborio Jr. DELOS REYES")."""
    return _SUFFIX_COMMA.sub(" ", name) if "," in name else name
