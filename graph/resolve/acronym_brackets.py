"""The parts of a bracket that may hold a name's own acronym: "(JAK-A)", "(ISIL-SEA, ISIL-South East Asia)".

Lists write a name's own acronym (:func:`graph.resolve.acronyms.own_acronyms`)

* **hyphenated**, its last letters for a place or a branch (JAK-A: JUND AL-KHILAFAH IN
  ALGERIA) — the letters of a first word whose hyphenated pieces are all in capitals are joined
  (in a mixed-case name "ISIL-South" is an acronym and a word, not one acronym);
* **beside other short forms** in one bracket, comma- or semicolon-separated ("ISIL-SEA,
  ISIL-South East Asia") — each part is read on its own.
"""

from __future__ import annotations

import re

from graph.resolve.names import fold

_PARTS = re.compile(r"[,;]")
_HYPHENS = re.compile(r"[-‐‑‒–—]")


def _head(word: str) -> list[str]:
    """The folded words of a bracket part's first word: hyphenated capitals kept as one acronym
    ("JAK-A" → ["JAK-A"], its letters JAKA: :func:`letters`), anything else as :func:`fold`
    splits it ("ISIL-South" → ISIL SOUTH)."""
    pieces = [p for p in _HYPHENS.split(word) if p]
    if len(pieces) > 1 and all(p.isalpha() and p.isupper() for p in pieces):
        return ["-".join(fold(p) for p in pieces)]
    return fold(word).split()


def letters(acronym: str) -> str:
    """The letters of an acronym as :func:`bracket_parts` gives it ("JAK-A" → "JAKA")."""
    return acronym.replace("-", "")


def bracket_parts(inner: str) -> list[list[str]]:
    """The parts of a bracket's text (split at commas and semicolons), each as folded words, the
    first a possible acronym (see :func:`_head`); empty parts are dropped."""
    out: list[list[str]] = []
    for part in _PARTS.split(inner):
        raw = part.split()
        if not raw:
            continue
        words = [*_head(raw[0]), *fold(" ".join(raw[1:])).split()]
        if words:
            out.append(words)
    return out
