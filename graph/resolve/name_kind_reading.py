"""Does a name read as a person's? — when its source publishes no entity kind.

The CSL gives no ``type`` for Entity List, Unverified List, MEU, ISN, DPL and DTC rows, yet
people are listed there ("Khalil Zadran", "Wong Yuh Lan", "Sergey Koynov"); shipment parties
publish no kind either. Read as companies they lose every person rule of resolution and
screening (word order, initials, given names, particles). :func:`read_kind` says whether a name
reads as a person's, and why:

* **no organisation evidence**: no digit, no legal form (``LLC``, ``OOO``, ``Co., Ltd.``), no
  generic organisation word (``TRADING``, ``INSTITUTE``, ``AVIATION``), no linking word
  (``OF``, ``AND``, ``THE``, ``&``), no acronym (a capitalised word in a mixed-case name:
  "MCST Lebedev"), 2 to :data:`MAX_WORDS` words (up to :data:`LONG_MAX_WORDS` when nearly all
  are person words), no word that the typed rows of the bundled lists use more in company
  names than in person names — unless it is a name particle (``DE``, ``DEL``, ``VAN``) or a
  rare company word outvoted by :data:`OUTVOTE_PERSON_WORDS` person words ("Manuel
  Valencia-Hermosillo") —, and no alias with a legal form or organisation word ("ZAO
  Elbrus-MCST");
* **person evidence**: at least :data:`MIN_PERSON_WORDS` words that the typed rows use mostly in
  person names (``SERGEY``, ``KHAN``, ``HAQQANI``) — the word table of
  :mod:`graph.resolve.name_kind_words` —, or one such word when the name's other words are in no
  typed company name, or with a date of birth. The shape of the name counts too
  (:mod:`graph.resolve.name_shapes`: a patronymic, a Slavic family-name ending, a middle initial,
  each one person word; a Korean or Chinese syllable name, enough alone), and so does a census
  given name in the given name's place (:mod:`graph.resolve.census_given_names`).

Without both, the answer is "no call" and the source's own default stands: a company read as a
person would lose the company rules, so the reading errs towards no call (precision first).
:func:`organisation_reading` is the first half alone (resolution reads records of unknown kind
with it: :mod:`graph.resolve.unknown_kinds`); the list readers map the reading to a kind
(:func:`ingest.lists.name_kind.untyped_kind`). Pure: the tables are read once; nothing else is
consulted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from graph.resolve.census_given_names import census_given_names
from graph.resolve.generational_suffixes import without_suffix_commas
from graph.resolve.name_kind_words import name_words, word_table
from graph.resolve.name_shapes import family_name_ending, middle_initials, patronymic, syllable_name
from graph.resolve.names import GENERIC_WORDS, PERSON_HONORIFICS_BEFORE, PERSON_TITLES, normalise_name

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
#: A longer name (Arabic, Spanish: "MUHAMMAD ISAM MUHAMMAD ANWAR NUR SHAMMOUT") has this many
#: words at most, at least LONG_PERSON_WORDS person words and at most LONG_OTHER_WORDS others.
LONG_MAX_WORDS, LONG_PERSON_WORDS, LONG_OTHER_WORDS = 8, 3, 3
#: Particles of family names ("Maximo de los Santos", "Shawn Hugo De Villiers"): company names
#: use DE more ("S.A. DE C.V.", "BANCO DE"), but those carry a legal form or organisation word.
NAME_PARTICLES: frozenset[str] = frozenset(
    {"DE", "DEL", "DA", "DO", "DOS", "DAS", "LA", "LOS", "LAS", "VAN", "VON", "DER", "DEN"}
)
#: A word fewer than this many typed company names use ("HERMOSILLO" 2/0: a firm named after
#: its owner) is no organisation evidence against this many person words of the name.
OUTVOTE_COMPANY_MAX, OUTVOTE_PERSON_WORDS = 5, 2
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


def _company_word(w: str, table: Mapping[str, tuple[int, int]], person_words: int, lenient: bool) -> str:
    """Why ``w`` is a company word, or ``""`` (see the module docstring for the exceptions,
    which only the ``lenient`` reading of :func:`read_kind` makes)."""
    person, company = table.get(w, (0, 0))
    if company < COMPANY_MIN or company <= person:
        return ""
    if lenient and (
        w in NAME_PARTICLES or (company < OUTVOTE_COMPANY_MAX and person_words >= OUTVOTE_PERSON_WORDS)
    ):
        return ""
    return f"{w} is a company word ({company} company / {person} person entries)"


def _organisation_evidence(
    name: str,
    words: tuple[str, ...],
    core: tuple[str, ...],
    table: Mapping[str, tuple[int, int]],
    syllabic: bool,
    lenient: bool,
) -> str:
    """Why ``name`` reads as an organisation's, or ``""``. ``core``: its words but the middle
    initials; ``syllabic``: a Korean or Chinese name, whose syllables are also brand words
    (SUN, LONG, FAN) — no typed company name reads as one. ``lenient``: the exceptions of
    :func:`read_kind` (longer names, particles, outvoted words), which weighs person words next."""
    if not 2 <= len(words) <= (LONG_MAX_WORDS if lenient else MAX_WORDS):
        return f"{len(words)} words"
    if any(ch.isdigit() for ch in name):
        return "a digit"
    linking = ["&"] if "&" in name else [w for w in core if w in LINK_WORDS]
    if linking:
        return f"linking word {linking[0]}"
    form_or_word = _form_or_word(name, words)
    if form_or_word:
        return form_or_word
    acronym = _acronym(name)
    if acronym:
        return f"acronym {acronym}"
    if syllabic:
        return ""
    person_words = sum(_is_person_word(table.get(w, (0, 0))) for w in core)
    return next((why for w in core if (why := _company_word(w, table, person_words, lenient))), "")


def _given_name_places(name: str, words: tuple[str, ...]) -> frozenset[str]:
    """The words where a given name stands: the first (titles aside), and the first after the
    comma of "SURNAME, Given" (the OFAC order)."""
    places = set(_without_titles(words)[:1])
    _, comma, tail = without_suffix_commas(name).partition(",")
    if comma:
        places.update(_without_titles(name_words(tail))[:1])
    return frozenset(places)


def _shape_evidence(
    name: str, words: tuple[str, ...], table: Mapping[str, tuple[int, int]]
) -> dict[str, str]:
    """word → why its shape or the census says person, for the words the table does not
    already call person words. A census given name counts when typed person names use it at
    least as often as company names (MICHAEL 6/2, ROMAN 14/4: firms named after a founder);
    a shape only when no typed company name uses the word."""
    given_places = _given_name_places(name, words)
    out: dict[str, str] = {}
    for w in words:
        person, company = table.get(w, (0, 0))
        if _is_person_word((person, company)) or company > person:
            continue
        if w in given_places and w in census_given_names():
            out[w] = f"census given name {w}"
        elif company > 0:
            continue
        elif patronymic([w]):
            out[w] = f"patronymic {w}"
        elif family_name_ending(w):
            out[w] = f"family-name ending {w}"
    return out


def _name_parts(name: str, words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """``(middle initials, the words but those initials, surname of a syllable name or "")``."""
    initials = middle_initials(name, words)
    # the initials stand between the first and the last word
    core = words[:1] + tuple(w for w in words[1:-1] if not (initials and len(w) == 1)) + words[-1:]
    return initials, core, syllable_name(words)


def organisation_reading(
    name: str,
    *,
    aliases: Sequence[str] = (),
    table: Mapping[str, tuple[int, int]] | None = None,
    lenient: bool = False,
) -> str:
    """Why ``name`` (or one of its ``aliases``) reads as an organisation's, or ``""``: the first
    half of :func:`read_kind` (``lenient``: with its exceptions for names that read as people's:
    longer names, particles, outvoted words, middle initials, syllable names). A name without
    such evidence may be a person's even when too few of its words are person words to call it
    one (resolution reads records of unknown kind so: :mod:`graph.resolve.unknown_kinds`)."""
    table = word_table() if table is None else table
    words = name_words(name)
    _, core, syllabic = _name_parts(name, words) if lenient else ((), words, "")
    against = _organisation_evidence(name, words, core, table, bool(syllabic), lenient)
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
    initials, core, syllabic = _name_parts(name, words)
    against = organisation_reading(name, aliases=aliases, table=table, lenient=True)
    if against:
        return KindReading(False, against)
    person_words = []
    for w in dict.fromkeys(core):
        person, company = table.get(w, (0, 0))
        if _is_person_word((person, company)):
            person_words.append(f"{w} {person}/{company}")
    shapes = _shape_evidence(name, tuple(dict.fromkeys(core)), table)
    shape_words = list(shapes.values())
    if initials:
        shape_words.append(f"middle initial {initials[0]}")
    if syllabic:
        shape_words.append(f"Korean or Chinese syllable name, surname {syllabic}")
    count = len(person_words) + len(shape_words) + (MIN_PERSON_WORDS - 1 if syllabic else 0)
    # One person word is enough when no other word is ever part of a company name ("Feroz KHAN"
    # with FEROZ in no typed row) or with a date of birth.
    others = [table.get(w, (0, 0)) for w in core if w not in shapes]
    unused = syllabic != "" or all(c[1] == 0 for c in others if not _is_person_word(c))
    needed = 1 if birth_dates or unused else MIN_PERSON_WORDS
    if len(words) > MAX_WORDS:
        needed = max(LONG_PERSON_WORDS, len(core) - LONG_OTHER_WORDS)
    if count < needed:
        return KindReading(False, f"{count} person words of {needed} needed")
    basis = "person words (person/company entries): " + ", ".join(person_words or ["none"])
    if shape_words:
        basis += "; name shape: " + ", ".join(shape_words)
    if birth_dates:
        basis += f"; date of birth {birth_dates[0]}"
    elif count < MIN_PERSON_WORDS:
        basis += "; its other words are in no company name"
    return KindReading(True, f"no legal form, organisation word or digit; {basis}")
