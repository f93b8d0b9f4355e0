"""A name's own acronym in the other shapes the lists write it: "JUND AL-KHILAFAH IN ALGERIA (JAK-A)",
"ANSAR AL-SHARI'A IN TUNISIA (AAS-T)", "… IN SOUTH-EAST ASIA (ISIL-SEA, ISIL-South East Asia)".

:func:`graph.resolve.acronyms.own_acronyms` reads a bracket whose first word is the initials of
a run of the name's own words as the name's short form: it repeats those words, adds no
identity, and the name is compared once more without it. Lists also write that acronym

* **hyphenated**, its last letters for a place or a branch (JAK-A: JUND AL-KHILAFAH IN
  ALGERIA) — :func:`bracket_parts` joins the letters of a first word whose hyphenated pieces are
  all in capitals (in a mixed-case name "ISIL-South" is an acronym and a word, not one acronym);
* **beside other short forms** in one bracket, comma- or semicolon-separated ("ISIL-SEA,
  ISIL-South East Asia") — each part is read on its own, and every part must be a short form
  of the name (its first word an acronym of the name's words, its other words the name's own or
  acronyms of them) for the bracket to go.

A name read without its own acronym is the name itself, so the other readings of a name
(:func:`graph.resolve.readings.other_readings`: without its places, its parent group …) are
also read from it (:func:`reading_bases`): "JUND AL-KHILAFAH IN ALGERIA (JAK-A)" without its
place is "JUND AL-KHILAFAH", not "JUND AL-KHILAFAH (JAK-A)", whose acronym would stand as a
distinctive word the other name lacks.
"""

from __future__ import annotations

import re

from graph.resolve.names import fold

_PARTS = re.compile(r"[,;]")
_HYPHENS = re.compile(r"[-‐‑‒–—]")


def _head(word: str) -> list[str]:
    """The folded words of a bracket part's first word: hyphenated capitals joined as one acronym
    ("JAK-A" → ["JAKA"]), anything else as :func:`fold` splits it ("ISIL-South" → ISIL SOUTH)."""
    pieces = [p for p in _HYPHENS.split(word) if p]
    if len(pieces) > 1 and all(p.isalpha() and p.isupper() for p in pieces):
        return [fold("".join(pieces))]
    return fold(word).split()


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


def reading_bases(name: str, kept: str) -> tuple[str, ...]:
    """The texts the other readings of ``name`` are read from: the name, and ``kept`` (the name
    without its own acronyms, :func:`graph.resolve.acronyms.own_acronyms`) when it differs."""
    kept = " ".join(kept.split())
    return (name,) if not kept or kept == " ".join(name.split()) else (name, kept)
