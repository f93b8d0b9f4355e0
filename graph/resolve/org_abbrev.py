"""Organisation-type abbreviations and phrases: "OKB NOVATOR" is "EXPERIMENTAL DESIGN BUREAU NOVATOR".

Russian organisations are listed under an abbreviation of their type (NII, OKB, NPO, MZ, VO,
AKB …), under the type spelled out in transliteration ("NAUCHNO-PROIZVODSTVENNOE OBEDINENIE")
and under its English translation ("SCIENTIFIC PRODUCTION ASSOCIATION"). The table
``data/reference/org_abbreviations.csv`` maps each written phrase — after the word translation
of :mod:`graph.resolve.org_translate`, so a transliterated phrase matches through its English
words — to one *concept* (the abbreviation), so all three spellings become one organisational
word.

Some types are often left out altogether: "OAO VNESHNEEKONOMICHESKOE OBEDINENIE
TEKHNOPROMEKSPORT" is "TECHNOPROMEXPORT OJSC", "AKTSIONERNY KOMMERCHESKI BANK EVROFINANS
MOSNARBANK" is "EVROFINANCE MOSNARBANK". Rows marked ``omittable`` name such types — only the
foreign-trade association (VO), the joint-stock commercial bank (AKB) and the scientific
production association / enterprise / corporation (NPO, NPP, NPK); a design bureau, an
institute or a plant is a body of its own beside the firm of the same name (MZ MAYAK is not
the Mayak association), so those are never left out; a row with no concept keeps its words and only
marks them omittable (the Turkish company-type phrases "IC VE DIS TICARET", domestic and foreign
trade, and "SANAYI VE TICARET", industry and trade). Only a type *written* as an abbreviation
or in the local language may be left out on the other side: English words are never dropped
(the reverted ``f1`` branch let "Onyx Components Ltd" be "Onyx Construction Company"), except
the rows marked ``form``: a form of state ownership written before the name like a legal form
and dropped by the lists in any language ("STATE ENTERPRISE YALTA SEA TRADING PORT" / "YALTA
COMMERCIAL SEAPORT": the Ukrainian derzhavne pidpryiemstvo), never a line-of-business word.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "org_abbreviations.csv"


@dataclass(frozen=True)
class Phrase:
    """One written phrase of the table: ``words`` (English after translation, or as written),
    the ``concept`` it stands for (``""``: the words stay), and whether it may be left out."""

    words: tuple[str, ...]
    concept: str
    omittable: bool
    form: bool = False  # may be left out however written, English too (module docstring)


@dataclass(frozen=True)
class Match:
    """A phrase found at ``start`` (inclusive) to ``end`` (exclusive) of a word sequence."""

    start: int
    end: int
    phrase: Phrase


@lru_cache(maxsize=1)
def phrases() -> dict[str, tuple[Phrase, ...]]:
    """Phrases by first word, longest first."""
    by_first: dict[str, list[Phrase]] = {}
    with TABLE.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            words = tuple(row["written"].split())
            omit = row["omittable"]
            phrase = Phrase(
                words=words, concept=row["concept"], omittable=omit in {"yes", "form"}, form=omit == "form"
            )
            by_first.setdefault(words[0], []).append(phrase)
    return {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in by_first.items()}


@lru_cache(maxsize=1)
def concepts() -> frozenset[str]:
    """Every concept word of the table (the abbreviations: NII, OKB, VO …)."""
    return frozenset(p.concept for group in phrases().values() for p in group if p.concept)


def find(words: Sequence[tuple[str, str]]) -> list[Match]:
    """Phrases in ``words`` — pairs ``(English word, word as written)``, a word matching a
    phrase word either way — left to right, the longest phrase first at each position."""
    table = phrases()
    found: list[Match] = []
    i = 0
    while i < len(words):
        english, written = words[i]
        candidates = table.get(english, ()) + (table.get(written, ()) if written != english else ())
        hit = None
        for phrase in sorted(candidates, key=lambda p: -len(p.words)):
            n = len(phrase.words)
            if i + n <= len(words) and all(w in words[i + k] for k, w in enumerate(phrase.words)):
                hit = Match(i, i + n, phrase)
                break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return found
