"""Is this list row a person? — read from the name when the list publishes no entity type.

The CSL gives no ``type`` for Entity List, Unverified List, MEU, ISN, DPL and DTC rows, yet
people are listed there ("Khalil Zadran", "Wong Yuh Lan", "Sergey Koynov"). Read as companies
they lose every person rule of resolution and screening (word order, initials, given names,
particles). :func:`read_kind` says whether a name reads as a person's, and why:

* **no organisation evidence**: no digit, no legal form (``LLC``, ``OOO``, ``Co., Ltd.``), no
  generic organisation word (``TRADING``, ``INSTITUTE``, ``AVIATION``), no linking word
  (``OF``, ``AND``, ``THE``, ``&``), no acronym (a capitalised word in a mixed-case name:
  "MCST Lebedev"), 2 to :data:`MAX_WORDS` words, no word that the typed rows of the bundled
  lists use more in company names than in person names, and no alias with a legal form or
  organisation word ("ZAO Elbrus-MCST");
* **person evidence**: at least :data:`MIN_PERSON_WORDS` words that the typed rows use mostly in
  person names (``SERGEY``, ``KHAN``, ``HAQQANI``) — table ``data/reference/name_kind_words.csv``,
  built by ``scripts/build_name_kind_words.py`` from rows whose kind the publisher states —, or
  one such word when the name's other words are in no typed company name, or with a date of
  birth.

Without both, the answer is "no call" and the list's own default stands: a company read as a
person would lose the company rules, so the reading errs towards no call (precision first).
Pure: the table is read once; nothing else is consulted.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from graph.resolve.names import GENERIC_WORDS, PERSON_HONORIFICS_BEFORE, PERSON_TITLES, fold, normalise_name
from ingest.lists.model import EntityKind

WORDS_TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "name_kind_words.csv"

#: A person's name has this many words at most ("Luis Fernando Arcila Giraldo").
MAX_WORDS = 4
#: A word is a person word when person names use it this many times more than company names ...
PERSON_RATIO = 4
#: ... and at least this many person entries do (one entry is a coincidence).
PERSON_MIN = 2
#: A word company names use at least this often, and more than person names, is a company word.
COMPANY_MIN = 2
#: Person words a name needs (one is enough with a date of birth).
MIN_PERSON_WORDS = 2
_TITLES = PERSON_TITLES | PERSON_HONORIFICS_BEFORE
#: A word of this many capitals, none a vowel, in a mixed-case name is an acronym ("MCST Lebedev").
ACRONYM_MIN, ACRONYM_MAX = 3, 6
VOWELS = frozenset("AEIOUY")
#: Words that join the names of an organisation, never a person's ("BANK OF CHINA", "A & B").
LINK_WORDS: frozenset[str] = frozenset({"THE", "AND", "OF", "FOR", "A", "AN", "ET", "UND"})


@dataclass(frozen=True)
class KindReading:
    """``person`` is True when the name reads as a person's; ``evidence`` says why (or why not)."""

    person: bool
    evidence: str


def name_words(name: str) -> tuple[str, ...]:
    """The words the table counts: folded (upper-case ASCII)."""
    return tuple(fold(name).split())


def read_word_table(path: Path) -> Mapping[str, tuple[int, int]]:
    """word → (person entries, company entries)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return MappingProxyType({r["word"]: (int(r["person"]), int(r["company"])) for r in rows})


@cache
def word_table() -> Mapping[str, tuple[int, int]]:
    return read_word_table(WORDS_TABLE)


def _is_person_word(counts: tuple[int, int]) -> bool:
    person, company = counts
    return person >= PERSON_MIN and person >= PERSON_RATIO * company


def _acronym(name: str) -> str:
    """A word of capitals without a vowel in a mixed-case name ("MCST Lebedev"), or ``""``.

    Only vowelless words: the OFAC writes surnames in capitals ("KHAN, Abdul"), and a surname
    has a vowel; ``NG`` and other two-letter words are too short to tell."""
    if not any(ch.islower() for ch in name):
        return ""
    for word in name.replace("-", " ").split():
        letters = "".join(ch for ch in word if ch.isalpha())
        if ACRONYM_MIN <= len(letters) <= ACRONYM_MAX and letters.isupper() and not VOWELS & set(letters):
            return letters
    return ""


def _without_titles(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words after the titles that open a person's name ("General Jalaluddin", "Mullah …")."""
    lead = 0
    while lead < len(words) and words[lead] in _TITLES:
        lead += 1
    return words[lead:]


def _form_or_word(name: str, words: tuple[str, ...]) -> str:
    """A legal form or generic organisation word of ``name`` ("ZAO Elbrus-MCST"), or ``""``."""
    form = normalise_name(name, "company")
    if form.legal_form is not None:
        return f"legal form {form.legal_form_text or form.legal_form}"
    generic = [w for w in words if w in GENERIC_WORDS]
    return f"organisation word {generic[0]}" if generic else ""


def _organisation_evidence(name: str, words: tuple[str, ...], table: Mapping[str, tuple[int, int]]) -> str:
    """Why ``name`` reads as an organisation's, or ``""``."""
    if not 2 <= len(words) <= MAX_WORDS:
        return f"{len(words)} words"
    if any(ch.isdigit() for ch in name):
        return "a digit"
    linking = ["&"] if "&" in name else [w for w in words if w in LINK_WORDS]
    if linking:
        return f"linking word {linking[0]}"
    form_or_word = _form_or_word(name, words)
    if form_or_word:
        return form_or_word
    acronym = _acronym(name)
    if acronym:
        return f"acronym {acronym}"
    for w in words:
        person, company = table.get(w, (0, 0))
        if company >= COMPANY_MIN and company > person:
            return f"{w} is a company word ({company} company / {person} person entries)"
    return ""


def organisation_reading(
    name: str, *, aliases: Sequence[str] = (), table: Mapping[str, tuple[int, int]] | None = None
) -> str:
    """Why ``name`` (or one of its ``aliases``) reads as an organisation's, or ``""``: the first
    half of :func:`read_kind`. A name without such evidence may be a person's even when too few
    of its words are person words to call it one (resolution reads records of unknown kind so:
    :mod:`graph.resolve.unknown_kinds`)."""
    table = word_table() if table is None else table
    against = _organisation_evidence(name, name_words(name), table)
    if against:
        return against
    for alias in aliases:
        # "MCST Lebedev" a.k.a. "ZAO Elbrus-MCST": one name of the entry is an organisation's
        alias_against = _form_or_word(alias, _without_titles(name_words(alias)))
        if alias_against:
            return f"alias {alias!r}: {alias_against}"
    return ""


def read_kind(
    name: str,
    *,
    birth_dates: Sequence[str] = (),
    aliases: Sequence[str] = (),
    table: Mapping[str, tuple[int, int]] | None = None,
) -> KindReading:
    """Whether ``name`` (a row of a list that publishes no type) reads as a person's name."""
    table = word_table() if table is None else table
    words = name_words(name)
    against = organisation_reading(name, aliases=aliases, table=table)
    if against:
        return KindReading(False, against)
    person_words = []
    for w in dict.fromkeys(words):
        person, company = table.get(w, (0, 0))
        if _is_person_word((person, company)):
            person_words.append(f"{w} {person}/{company}")
    # One person word is enough when no other word is ever part of a company name ("Feroz KHAN"
    # with FEROZ in no typed row) or with a date of birth.
    others = [table.get(w, (0, 0)) for w in words]
    unused = all(c[1] == 0 for c in others if not _is_person_word(c))
    needed = 1 if birth_dates or unused else MIN_PERSON_WORDS
    if len(person_words) < needed:
        return KindReading(False, f"{len(person_words)} person words of {needed} needed")
    basis = "person words (person/company entries): " + ", ".join(person_words)
    if birth_dates:
        basis += f"; date of birth {birth_dates[0]}"
    elif len(person_words) < MIN_PERSON_WORDS:
        basis += "; its other words are in no company name"
    return KindReading(True, f"no legal form, organisation word or digit; {basis}")


def untyped_kind(
    name: str, default: EntityKind, birth_dates: Sequence[str] = (), aliases: Sequence[str] = ()
) -> tuple[EntityKind, str, str]:
    """``(kind, kind_source, kind_evidence)`` of a row its list publishes no type for: a person
    when the name reads as one (source ``name``), else the list's ``default`` (source ``default``)."""
    reading = read_kind(name, birth_dates=birth_dates, aliases=aliases)
    if reading.person:
        return EntityKind.PERSON, "name", reading.evidence
    return default, "default", ""
