"""What makes a person pair hard, read from the two names: the person sort of ``company_misses.py``.

:func:`phenomenon` names the first rule of the list below that holds (rules on the names, never
on the label): a rough sort, for deciding where a person rule can help, not a second label.
Words are compared as the person scorer reads them (:func:`graph.resolve.person_rules.written_tokens`:
titles and stop words out, "SURNAME, Given" read as "Given SURNAME") and paired as
:func:`graph.resolve.align.align_words` pairs them.

* other script — a side is written in a script other than Latin;
* notes or several names — a side holds more than one spelling, prose or a note
  (:func:`graph.resolve.person_parts.parts`);
* token order — the same words in another order (surname first, with or without a comma);
* particles — the names differ only in particles (AL, BIN, ABU, VAN, DE …), written apart,
  glued or left out;
* initials — a side writes a given name as its initial;
* patronymic on one side — the extra words of the longer name are patronymics (-OVICH, -OVNA …);
* compound or joined words — a name written as one word on one side and two on the other
  (ABDULRAHMAN / ABDUL RAHMAN, DELOS / DE LOS);
* missing middle name — every word of the shorter name has a partner, the longer has more;
* transliteration — as many words, each paired, some only as spelling variants;
* kunya — a side has an ABU / UMM name ("father of") the other lacks;
* unpaired spelling variant — some word shared, and two words left unpaired are alike in
  spelling (rapidfuzz ratio from :data:`ALIKE`: FOZ / FAWAZ): a variant the word rules miss;
* another given name / another surname — the names share their other words, the first / last
  word of each finds no partner (siblings, a married name, or another person);
* nickname or other name (shares a word) — some word shared, the rest unpaired;
* other name (no word shared).

The first seven, transliteration and unpaired spelling variant are ``reachable``: the names carry
what a name matcher needs. The rest are found from spelling only by luck, or are two people.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from graph.resolve.align import align_words
from graph.resolve.names import fold
from graph.resolve.person_parts import parts
from graph.resolve.person_rules import written_tokens

#: Words that join or introduce a name element rather than name anyone (Arabic article and
#: nasab, kunya, Romance and Germanic family-name particles).
_PARTICLES = """
AL EL ALA ABD ABDUL ABDEL ABU ABOU ABO BIN IBN BEN BINT BENT OULD UD UL UR ED AD AS AT AZ
VAN VON DER DEN DE DEL DELA DELOS LA LE LOS LAS DA DI DO DOS DU Y BI
"""
PARTICLES = frozenset(_PARTICLES.split())
#: Particles written glued to the word they introduce (ALSAYED, VANDERBERG, DELOSREYES), longest first.
GLUED = (
    "VANDER",
    "VANDEN",
    "DELOS",
    "DELAS",
    "DELA",
    "ABU",
    "AL",
    "EL",
    "BIN",
    "VAN",
    "VON",
    "DEL",
    "DI",
    "LE",
)
#: Endings of patronymics (East Slavic, Turkic, Persian).
_ENDINGS = "OVICH EVICH OVYCH EVYCH AVICH OVNA EVNA IVNA OGLU OGLY KYZY ZADE"
PATRONYMIC_ENDINGS = tuple(_ENDINGS.split())
#: Two unpaired words this alike (rapidfuzz ratio) may be one word spelt another way.
ALIKE = 50
KUNYA = frozenset({"ABU", "ABOU", "ABO", "UMM", "OUM"})

REACHABLE = frozenset(
    {
        "token order",
        "particles",
        "initials",
        "patronymic on one side",
        "compound or joined words",
        "missing middle name",
        "transliteration",
        "unpaired spelling variant",
    }
)


def _raw_words(name: str) -> list[str]:
    return re.sub(r"[^A-Z ]", " ", fold(name).replace("-", " ")).split()


def _without_particles(name: str) -> list[str]:
    out = []
    for w in _raw_words(", ".join(reversed(name.split(",", 1))) if "," in name else name):
        if w in PARTICLES:
            continue
        for glued in GLUED:
            if w.startswith(glued) and len(w) >= len(glued) + 3:
                w = w[len(glued) :]
                break
        out.append(w)
    return out


def phenomenon(name_a: str, name_b: str) -> str:
    if re.search(r"[^\x00-\u024f‘’“”–]", name_a + name_b):
        return "other script"
    if parts(name_a) != (name_a,) or parts(name_b) != (name_b,):
        return "notes or several names"
    ta, tb = written_tokens(name_a), written_tokens(name_b)
    if not ta or not tb:
        return "other name (no word shared)"
    if sorted(ta) == sorted(tb):
        return "token order"
    if sorted(_without_particles(name_a)) == sorted(_without_particles(name_b)):
        return "particles"
    pairs = align_words(" ".join(ta), " ".join(tb))
    paired = [(a, b, s) for a, b, s in pairs if a and b]
    lone_a = [a for a, b, _ in pairs if a and not b]
    lone_b = [b for a, b, _ in pairs if b and not a]
    if any((len(a) == 1) != (len(b) == 1) for a, b, _ in paired):
        return "initials"
    extra = lone_a if not lone_b else lone_b if not lone_a else []
    if extra and all(w.endswith(PATRONYMIC_ENDINGS) for w in extra):
        return "patronymic on one side"
    if "".join(sorted(ta)) == "".join(sorted(tb)) or "".join(ta) == "".join(tb):
        return "compound or joined words"
    if paired and (not lone_a or not lone_b):
        return "missing middle name" if extra else "transliteration"
    if KUNYA & (set(_raw_words(name_a)) ^ set(_raw_words(name_b))):
        return "kunya"
    if paired and any(fuzz.ratio(a, b) >= ALIKE for a in lone_a for b in lone_b):
        return "unpaired spelling variant"
    if paired and len(lone_a) == len(lone_b) == 1:
        if lone_a[0] == ta[0] and lone_b[0] == tb[0]:
            return "another given name"
        if lone_a[0] == ta[-1] and lone_b[0] == tb[-1]:
            return "another surname"
    if paired:
        return "nickname or other name (shares a word)"
    return "other name (no word shared)"
