"""One name in two languages: "NPO ELEKTRONNYE SISTEMY" is "NPO Electronic Systems".

The lists publish Russian (and Spanish, Persian, Turkish) organisations both transliterated and
translated: "RT - GLOBALNYE RESURSY OOO" / "RT GLOBAL RESOURCES", "90 EKSPERIMENTALNY ZAVOD"
/ "90 EXPERIMENTAL PLANT". The organisational and line-of-business words are translated
(``data/reference/org_words.csv``), the names proper are not.

A translation is all-or-nothing (the reverted ``f1`` branch let translated generic words
lend weight to partial matches, and "Onyx Components Ltd" became "Onyx Construction
Company"). :func:`same_by_translation` holds only when

* after translation the organisational words of the two names are the same words, every one
  paired (``org`` keys equal), and as written they differ (a word was translated on one side);
* the remaining words — the names proper, never translated — agree on their own: written
  together at least ``ANCHOR_RATIO`` alike (NOVOVYATSKI / NOVOVYATSK; a place adjective
  VORONEZHSKIY read as VORONEZH), and present; a name
  made only of organisational words needs ``MIN_ORG_ONLY_WORDS`` of them ("CENTRAL BANK OF
  THE RUSSIAN FEDERATION" / "TSENTRALNY BANK ROSSISKOI FEDERATSII").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from graph.resolve.romanise import roman_key

TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "org_words.csv"

#: The names proper written together must be this alike (the guard of :mod:`form_variants`).
ANCHOR_RATIO = 0.9
#: A name with no word outside the table is one only with this many organisational words.
MIN_ORG_ONLY_WORDS = 3
#: Russian adjective and noun endings after a ``stem`` row (ELEKTRONN-YE, SISTEM-Y, ZAVOD-A).
_ENDINGS = frozenset(
    {"A", "E", "I", "O", "U", "Y", "YE", "YI", "YY", "YJ", "IY", "II", "IJ", "IE", "OE", "OYE", "OI", "OY"}
    | {"OGO", "EGO", "AYA", "YA", "YKH", "IKH", "OM", "EM", "AM", "AKH", "OV", "EE", "EY", "EI", "YM", "IM"}
)
#: A Russian adjective made from a place name (VORONEZHSKIY, ULYANOVSKI) is the place name
#: (VORONEZH): the names proper are also compared with this ending cut.
_PLACE_ADJECTIVE = re.compile(r"(?<=[A-Z]{4})SK(?:IY|II|IJ|IE|I|Y|OE|OYE|AYA|OGO|OI|OY)$")
#: Russian and Turkish "and" (… TEKHNOLOGII I KOMPOZITSIONNYE MATERIALY, IC VE DIS TICARET): no
#: word, like English AND.
_SKIP = frozenset({"I", "AND", "OF", "THE", "DE", "DEL", "LA", "Y", "ET", "E", "VE"})


@dataclass(frozen=True)
class OrgView:
    """A name split for translation: ``org`` the sorted English organisational words, ``rest``
    the other words sorted, ``translated`` whether a word was rewritten."""

    org: str
    rest: str
    translated: bool
    org_words: int
    written: str  # the organisational words as written, sorted


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    words: dict[str, str] = {}
    stems: dict[str, str] = {}
    with TABLE.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            (stems if row["match"] == "stem" else words)[row["word"]] = row["english"]
    english = frozenset(words.values()) | frozenset(stems.values())
    return words, stems, english


@lru_cache(maxsize=200_000)
def translate(word: str) -> str:
    """The English organisational word ``word`` is, or ``""``."""
    words, stems, _ = _table()
    if word in words:
        return words[word]
    for cut in range(len(word), 3, -1):  # longest stem first: TSENTRALNY before TSENTR
        stem = word[:cut]
        if stem in stems and (cut == len(word) or word[cut:] in _ENDINGS):
            return stems[stem]
    return ""


def org_view(tokens: tuple[str, ...], generic: frozenset[str]) -> OrgView:
    """Split normalised name ``tokens`` (legal form already cut) into organisational words,
    translated to English, and the rest. English words of the table and ``generic`` words
    count as organisational words as they are."""
    english = _table()[2]
    org: list[str] = []
    written: list[str] = []
    rest: list[str] = []
    translated = False
    for t in tokens:
        if t in _SKIP:
            continue
        en = translate(t)
        if en:
            translated = translated or en != t
            org.append(en)
            written.append(t)
        elif t in english or t in generic:
            org.append(t)
            written.append(t)
        else:
            rest.append(t)
    return OrgView(
        org=" ".join(sorted(org)),
        rest=" ".join(sorted(rest)),
        translated=translated,
        org_words=len(org),
        written=" ".join(sorted(written)),
    )


def same_by_translation(a: OrgView, b: OrgView) -> bool:
    """The two names are one name in two languages (see the module docstring)."""
    if not (a.translated or b.translated) or not a.org or a.org != b.org or a.written == b.written:
        return False
    if not a.rest and not b.rest:
        return a.org_words >= MIN_ORG_ONLY_WORDS
    if not a.rest or not b.rest:
        return False
    return _alike(a.rest.replace(" ", ""), b.rest.replace(" ", "")) or _alike(_cut(a.rest), _cut(b.rest))


def _cut(rest: str) -> str:
    return "".join(sorted(_PLACE_ADJECTIVE.sub("", w) for w in rest.split()))


def _alike(a: str, b: str) -> bool:
    return a == b or roman_key(a) == roman_key(b) or fuzz.ratio(a, b) >= ANCHOR_RATIO * 100
