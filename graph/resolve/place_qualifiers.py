"""A place qualifying a name, or a country designator: "PJSC VTB BANK (KIEV)" is "VTB BANK, PJSC".

Lists name a body with the place it sits in ("AL-HARAMAIN : PAKISTAN BRANCH", "JUND AL-KHILAFAH
IN ALGERIA", "MSP KALA NAFT CO. TEHRAN") or the country it belongs to, written several ways
("KOREAN COMMITTEE FOR SPACE TECHNOLOGY" / "DPRK COMMITTEE FOR SPACE TECHNOLOGY", "FOREIGN TRADE
BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA" / "NORTH KOREA'S FOREIGN TRADE BANK"). The
place is one more distinctive word on one side, which the scorer reads as a sibling entity
("GAZPROM TRANSGAZ SAMARA" / "… SURGUT"), or two spellings of one country it cannot pair.

:func:`place_split` finds the places of a name — whole phrases of the maintained gazetteer of
``rigour.territories`` (OpenSanctions: country and subdivision names, their English
demonyms, and the capitals and cities that identify a territory) and of the cities of a million
people of GeoNames (:mod:`graph.resolve.major_cities`: SHENZHEN, NINGBO, KARACHI), never a common
English word unless it is a country's own name, nor a city that is a given name (DALLAS) — with
the words that attach them ("IN THE ENVIRONS OF", "FI ARD AL", a trailing "BRANCH"; a bracket
naming a branch goes whole: "(LEBANON BRANCH)", "(BRANCH LOCATED IN ALBU KAMAL, SYRIAN ARAB
REPUBLIC)"). The scorer compares the name without them as another writing of the name
(``graph.resolve.readings.PLACE_FREE``), and only

* with a name that writes no place of its own, when what is left is still a name (a word no
  common English word: "NATIONAL IRANIAN OIL COMPANY" without IRANIAN is no one's name), or
* with the place-free writing of a name whose places are the same ones
  (:func:`compatible`: equal, or a city and its country — KIEV / UKRAINE, DPRK / NORTH KOREA).

A branch is listed as an alias of its body: its name without the place meets the body written
in full ("TAIBAH INTERNATIONAL : BOSNIA BRANCH" / "TAIBAH INTERNATIONAL AID AGENCY"; the scorer
gives it the subset credit, see ``features._branch_body``).

Two places that differ ("VTB BANK (KIEV)" / "VTB BANK (MOSCOW)", "HUAWEI CLOUD THAILAND" /
"… NETHERLANDS") are two bodies: :func:`place_conflict` is counter-evidence in the scorer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from rapidfuzz import fuzz
from rigour.territories import get_territories

# The one reader of rigour's territory names (strong, weak, places); it has no public one, and
# pyproject pins rigour < 3.
from rigour.territories.lookup import _load_territory_names

from graph.resolve.census_given_names import census_given_names
from graph.resolve.major_cities import major_cities
from graph.resolve.names import GENERIC_WORDS, STOP_WORDS, fold, normalise_name
from graph.words import zipf

#: A gazetteer word this common in English (Zipf) is a place only as a country's own name
#: (GEORGIA, CHINA): WAR, HERE and ONLINE are names of places in rigour too. Famous cities are
#: common words by frequency alone (MOSCOW, TEHRAN), so the rarer words that are also ordinary
#: words or people's names are listed (NOT_PLACES).
PLACE_ZIPF = 4.5
#: Gazetteer words that are ordinary words or people's names more often than places in names.
NOT_PLACES: frozenset[str] = frozenset(
    [
        "ISLAND",
        "GLOBAL",
        "ONLINE",
        "INTERNET",
        "VICTORIA",
        "DOUGLAS",
        "STANLEY",
        "HAMILTON",
        "CORN",
        "BEDS",
        "KENT",
        "BUCKS",
        "MAINE",
        "SAGA",
        "ACRE",
        "PARA",
        "REUNION",
        "FLINT",
        "MANN",
        "MAYO",
        "KERRY",
        "CLARE",
        "ANGUS",
        "RAMSEY",
        "DARWIN",
        "MONTGOMERY",
        "KINGSTON",
        "AVON",
        "HUNTS",
        "FIFE",
        "TRISTAN",
        "CARDIGAN",
        "STAFFS",
        "DERRY",
        "DURHAM",
        "CLEVELAND",
        "PERTH",
        "GEORGETOWN",
        "SUTHERLAND",
        "PEMBROKE",
        "WATERFORD",
        "LIMERICK",
        "MORAY",
        "MONMOUTH",
        "CUMBERLAND",
        "NORFOLK",
        "SOMERSET",
        "DORSET",
        "ESSEX",
        "SURREY",
        "JERSEY",
        "GUERNSEY",
        "LIMA",
        "SOFIA",
        "TYRONE",
        "ASCENSION",
        "MALE",
        "CARDS",
        "TONGA",
        "NIGER",
        "GUINEA",
        "JORDAN",
        "CHAD",
        "TURKEY",
        "PERM",
        "SAMAR",
        "DELTA",
        "CENTRAL",
        "NORTH",
        "SOUTH",
        "EAST",
        "WEST",
        "UNION",
        # GeoNames cities of a million (graph.resolve.major_cities) that are words first
        "PHOENIX",
        "QUEENS",
        "PEST",
        "KOTA",  # Malay and Indonesian for city (KOTA KINABALU)
    ]
)
#: Shortest place name kept (HK, UK and two-letter codes are too often something else).
MIN_PLACE_CHARS = 4
#: Words that attach a place to the name before it ("… IN ALGERIA", "… IN THE ENVIRONS OF
#: JERUSALEM", "… FI ARD AL-JAZA'IR") and are dropped with it.
LEAD_WORDS: frozenset[str] = frozenset({"IN", "OF", "THE", "FI", "ARD", "ENVIRONS", "AT", "FOR"})
#: Words that follow a place and make it a branch of the body named ("PAKISTAN BRANCH").
TRAIL_WORDS: frozenset[str] = frozenset({"BRANCH", "OFFICE"})
#: Demonyms a country shares with another: KOREAN is North or South.
SHARED: Mapping[str, frozenset[str]] = MappingProxyType(
    {"KOREAN": frozenset({"kp", "kr"}), "KOREA": frozenset({"kp", "kr"})}
)
#: Two place words this alike (rapidfuzz ratio) are one place misspelled (SAMARA / SAMAR).
ALIKE = 0.8
#: What is left of a name without its places is a name on its own with a word this rare in
#: English (Zipf): VTB, KALANAFT, HARAMAIN; not DIRECTORATE, CLOUD, POPULAR.
ALONE_ZIPF = 3.0

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BRACKET = re.compile(r"[(\[][^()\[\]]*[)\]]")


@dataclass(frozen=True)
class Place:
    """A place named in a name: its phrase as folded, its countries, and the finer territory or
    city it is (``""`` for a whole country)."""

    phrase: str
    countries: frozenset[str]
    within: str
    demonym: bool = False  # the country's adjective (SYRIAN, KOREAN), not its name


@dataclass(frozen=True)
class PlaceSplit:
    """A name read as its words without the places, and the places."""

    kept: str  # the name as written, less the place words and the words attaching them
    places: tuple[Place, ...]
    removed: tuple[str, ...]  # the words taken out, as written
    bracketed: bool = False  # a place is written in brackets ("PJSC VTB BANK (KIEV)")
    national: bool = False  # a country written bare after the name's first word ("VTB BANK GEORGIA")

    @property
    def branch(self) -> bool:
        """The place is attached by a trailing BRANCH / OFFICE: the name is the branch, there, of
        the body named by what is left ("AL-HARAMAIN : PAKISTAN BRANCH")."""
        return any(fold(word) in TRAIL_WORDS for word in self.removed)


def _weak_demonym(name: str, country: str) -> bool:
    """A weak rigour name that is the country's name or demonym in English (CHINESE, YEMENI),
    not one of its names in other languages (KINA, SINA are words of other names)."""
    return name.isascii() and fold(name)[:4] == fold(country)[:4]


def _is_demonym(phrase: str, country: str) -> bool:
    """One word, the country's name lengthened (SYRIA → SYRIAN, YEMEN → YEMENI, CHINA → CHINESE)."""
    return " " not in phrase and phrase[:4] == country[:4] and len(phrase) > len(country)


def _placeable(phrase: str) -> bool:
    """A gazetteer phrase that may name a place: letters only, long enough, and not only
    stop-words, line-of-business words and words more often something else (:data:`NOT_PLACES`)."""
    if len(phrase) < MIN_PLACE_CHARS or not phrase.replace(" ", "").isalpha():
        return False
    return not all(w in STOP_WORDS or w in GENERIC_WORDS or w in NOT_PLACES for w in phrase.split())


def _common(phrase: str) -> bool:
    """Every word of ``phrase`` is a common English word (:data:`PLACE_ZIPF`) or a stop-word:
    WAR, HERE, LONDON, NEW YORK CITY."""
    return all(zipf(w) >= PLACE_ZIPF or w in STOP_WORDS for w in phrase.split())


@cache
def gazetteer() -> Mapping[str, Place]:
    """Folded place phrase → :class:`Place`, from rigour's territories (read once)."""
    out: dict[str, Place] = {}
    names = {t.code: t.name for t in get_territories()}
    for territory, strong, weak, places in _load_territory_names():
        code = territory.code
        country, _, sub = code.partition("-")
        whole = territory.is_country or not sub
        own_name = fold(names.get(country, territory.name))
        candidates = [(n, True) for n in strong]
        candidates += [(n, True) for n in weak if _weak_demonym(n, own_name)]
        candidates += [(n, False) for n in places]
        for text, own in candidates:
            phrase = fold(text)
            if not _placeable(phrase) or (not (whole and own) and _common(phrase)):
                continue
            within = "" if whole and own else (code if own else f"{code}/{phrase}")
            countries = SHARED.get(phrase, frozenset({country}))
            out.setdefault(phrase, Place(phrase, countries, within, _is_demonym(phrase, own_name)))
    # The cities companies are named after (SHENZHEN, NINGBO, KARACHI), which rigour does not
    # hold: a city, not a territory, so never a country's own name and never a given name.
    for phrase, countries in major_cities().items():
        if phrase in out or not _placeable(phrase) or _common(phrase):
            continue
        if " " not in phrase and phrase in census_given_names():  # AUSTIN, DALLAS, MILAN
            continue
        out[phrase] = Place(phrase, countries, f"{'|'.join(sorted(countries))}/{phrase}")
    for phrase, countries in SHARED.items():
        out[phrase] = Place(phrase, countries, "", _is_demonym(phrase, "KOREA"))
    return MappingProxyType(out)


@cache
def _heads() -> Mapping[str, int]:
    """First word of each place phrase → the most words of a phrase starting with it (a name
    with none of these words names no place, which is most names: they stop at one lookup)."""
    out: dict[str, int] = {}
    for phrase in gazetteer():
        words = phrase.split()
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return MappingProxyType(out)


@cache
def _telling() -> frozenset[str]:
    """One word of each place phrase, its rarest of four letters or more (IRAN of ISLAMIC
    REPUBLIC OF IRAN): a name with none of these words names no place, which is most names."""
    out = set()
    for phrase in gazetteer():
        words = [w for w in phrase.split() if w not in STOP_WORDS] or phrase.split()
        out.add(min(words, key=lambda w: (len(w) < MIN_PLACE_CHARS, zipf(w), w)))
    return frozenset(out)


def _words(text: str) -> list[tuple[int, int, str, str]]:
    """The words of ``text`` as ``(start, end, folded, folded without a possessive 'S)``:
    KOREA'S ends a place phrase as KOREA, PEOPLE'S is PEOPLES inside one."""
    out = []
    for hit in _WORD.finditer(text):
        word = hit.group(0)
        folded = fold(word).replace(" ", "")
        cut = fold(word[:-2]).replace(" ", "") if word[-2:].upper() in ("'S", "’S") else folded
        if folded:
            out.append((hit.start(), hit.end(), folded, cut or folded))
    return out


def _match(words: list[tuple[int, int, str, str]], i: int) -> tuple[Place, int] | None:
    """The longest place phrase starting at word ``i``, and its length in words."""
    table = gazetteer()
    longest = max(_heads().get(words[i][2], 0), _heads().get(words[i][3], 0))
    for n in range(min(longest, len(words) - i), 0, -1):
        head = [w[2] for w in words[i : i + n - 1]]
        for last in dict.fromkeys((words[i + n - 1][2], words[i + n - 1][3])):
            place = table.get(" ".join([*head, last]))
            if place is not None:
                return place, n
    return None


@lru_cache(maxsize=200_000)
def place_split(text: str) -> PlaceSplit | None:
    """``text`` without its places (module docstring); None when it names none, or when nothing
    of a name would be left."""
    if not text:
        return None
    telling = _telling()
    # A possessive 'S is folded into the word (KOREA'S → KOREAS).
    if not any(w in telling or (w[-1:] == "S" and w[:-1] in telling) for w in fold(text).split()):
        return None
    words = _words(text)
    folded = [w[2] for w in words]
    drop = [False] * len(words)
    places: list[Place] = []
    national_at: list[tuple[int, bool]] = []  # (first word of a place, written as a nation's)
    i = 0
    while i < len(words):
        found = _match(words, i)
        if found is None:
            i += 1
            continue
        place, n = found
        places.append(place)
        for k in range(i, i + n):
            drop[k] = True
        lead = i - 1
        while lead >= 0 and folded[lead] in LEAD_WORDS and not drop[lead]:
            drop[lead] = True
            lead -= 1
        attached = lead < i - 1
        first = i
        i += n
        while i < len(words) and folded[i] in TRAIL_WORDS:
            drop[i] = True
            i += 1
            attached = True
        national_at.append((first, not place.within and not attached and first > 0))
    if not places:
        return None
    # A bracket that names a branch in a place ("(LEBANON BRANCH)", "(BRANCH LOCATED IN ALBU
    # KAMAL, SYRIAN ARAB REPUBLIC)") goes whole: the branch of the body named before it, not a
    # subsidiary told apart by its place, and a country in it designates no national subsidiary.
    groups = _branch_brackets(text, words, drop)
    found_at = [(place, start) for place, (start, _) in zip(places, national_at, strict=True)]
    for group in groups:
        unnamed = _unnamed_place(group, folded, drop, found_at)
        if unnamed is not None:
            places.append(unnamed)
    branch_words = {k for group in groups for k in group}
    for k in branch_words:
        drop[k] = True
    national = any(n and i not in branch_words for i, n in national_at)
    kept_parts, removed, pos, bracketed = [], [], 0, False
    for k, ((start, end, _, _), gone) in enumerate(zip(words, drop, strict=True)):
        if gone:
            kept_parts.append(text[pos:start])
            removed.append(text[start:end])
            pos = end
            before = text[:start]
            opened = before.count("(") + before.count("[") > before.count(")") + before.count("]")
            bracketed |= opened and k not in branch_words
    kept_parts.append(text[pos:])
    kept = _tidy("".join(kept_parts))
    if not normalise_name(kept).distinctive:
        return None
    return PlaceSplit(kept, tuple(places), tuple(removed), bracketed, national)


def _branch_brackets(text: str, words: list[tuple[int, int, str, str]], drop: list[bool]) -> list[list[int]]:
    """The words (indexes) of each bracket of ``text`` that names a branch: it holds a place
    found (``drop``) and a word of :data:`TRAIL_WORDS` (BRANCH, OFFICE)."""
    out = []
    for hit in _BRACKET.finditer(text):
        inside = [k for k, (start, end, _, _) in enumerate(words) if hit.start() < start and end < hit.end()]
        if any(drop[k] for k in inside) and any(words[k][2] in TRAIL_WORDS for k in inside):
            out.append(inside)
    return out


def _unnamed_place(
    group: list[int], folded: list[str], drop: list[bool], found_at: list[tuple[Place, int]]
) -> Place | None:
    """The place a branch's bracket names beyond those found (``found_at``: each place with its
    first word): its words (indexes ``group``) that are no place found (``drop``), no attaching
    word and rare in English (ALBU of "(BRANCH LOCATED IN ALBU KAMAL, SYRIAN ARAB REPUBLIC)"), as
    a finer place of the bracket's countries; None when there are none. The bracket goes whole,
    so without it two branches of one body in two towns the table does not know would read as
    one place ("… (BRANCH LOCATED IN DAMASCUS, …)")."""
    inside = set(group)
    words = [
        folded[k]
        for k in group
        if not drop[k]
        and folded[k] not in LEAD_WORDS | TRAIL_WORDS | STOP_WORDS
        and zipf(folded[k]) < ALONE_ZIPF
    ]
    if not words:
        return None
    countries = frozenset(c for place, start in found_at if start in inside for c in place.countries)
    phrase = " ".join(words)
    return Place(phrase, countries, f"{'|'.join(sorted(countries))}/{phrase}")


def _tidy(text: str) -> str:
    """Brackets and separators left empty by the words taken out go too."""
    text = re.sub(r"[(\[]\s*[,;:/-]?\s*[)\]]", " ", text)
    text = re.sub(r"\s*[,;:/-]\s*(?=[,;:/)\]]|$)", "", text)
    text = re.sub(r"^\s*[,;:/-]\s*", "", text)
    return re.sub(r"\s+([,;:)\]])", r"\1", " ".join(text.split()))


def place_key(text: str) -> str:
    """The places of ``text`` for :func:`compatible` ("" when none): each place as
    ``countries@within``, sorted and joined by ``;``."""
    split = place_split(text)
    if split is None:
        return ""
    return ";".join(sorted({f"{'|'.join(sorted(p.countries))}@{p.within}" for p in split.places}))


def stands_alone(text: str) -> bool:
    """The name without its places is still a name: a distinctive word of three letters or more,
    rare in English (so "NATIONAL IRANIAN OIL COMPANY" without IRANIAN is not) — and the places
    are more than a country's adjective ("SYRIAN GENERAL INTELLIGENCE DIRECTORATE", "EGYPTIAN
    ISLAMIC JIHAD": the adjective names which body it is)."""
    split = place_split(text)
    if split is None or all(p.demonym for p in split.places):
        return False
    return any(len(w) >= 3 and zipf(w) < ALONE_ZIPF for w in normalise_name(split.kept).distinctive)


def reads_alone(text: str) -> bool:
    """The name without its places may be compared with a name that writes none: what is left
    is a name on its own (:func:`stands_alone`), no place is written in brackets and no country
    is written bare after the first word. A bracketed place tells one body from another of the
    same name ("Sun Semiconductor Inc. (Taichung)" and "Sun Semiconductor Inc." are two
    companies), and so does a country after the name (the national subsidiary: "VTB BANK
    GEORGIA", "BANK SADERAT IRAN"), unlike a place attached by a word ("… IN ALGERIA", "… :
    PAKISTAN BRANCH"), a city ("… CO. TEHRAN") or a country designating the body ("KOREA
    RUNGRADO GENERAL TRADING CORPORATION"). Such a name is read without its place only beside a
    name writing the same place another way ("PJSC VTB BANK (KIEV)" / "VTB BANK, PJSC (UKRAINE)")."""
    split = place_split(text)
    return split is not None and not split.bracketed and not split.national and stands_alone(text)


def _countries(key: str) -> list[set[str]]:
    return [set(p.partition("@")[0].split("|")) for p in key.split(";")]


def _finer(key: str) -> set[str]:
    return {p.partition("@")[2] for p in key.split(";")} - {""}


def compatible(key_a: str, key_b: str) -> bool:
    """Two names' places (:func:`place_key`) are one set of places: every country of either
    name is among the other's (KOREAN is North or South), and the finer places (cities,
    provinces) are the same — or one name writes none (KIEV / UKRAINE)."""
    if not key_a or not key_b:
        return False
    ca, cb = _countries(key_a), _countries(key_b)
    if not all(any(x & y for y in cb) for x in ca) or not all(any(y & x for x in ca) for y in cb):
        return False
    fa, fb = _finer(key_a), _finer(key_b)
    return not fa or not fb or fa == fb


def same_places(text_a: str, text_b: str) -> bool:
    """Two names that write places may be compared without them: the same places
    (:func:`compatible`), and where only one writes a city or province, what is left of each
    is a name on its own (:func:`stands_alone`: "NANJING UNIVERSITY OF SCIENCE AND TECHNOLOGY"
    is not "UNIVERSITY OF … TECHNOLOGY OF CHINA")."""
    key_a, key_b = place_key(text_a), place_key(text_b)
    if not compatible(key_a, key_b):
        return False
    if _finer(key_a) == _finer(key_b):
        return True
    return stands_alone(text_a) and stands_alone(text_b)


def place_conflict(text_a: str, text_b: str) -> bool:
    """Both names write a place and no place of one fits the other's: two bodies in two places
    ("VTB BANK (KIEV)" / "VTB BANK (MOSCOW)"). Places whose words are alike (SAMARA / SAMAR) or
    written within the other name ("REPUBLIC OF KOREA" in "… DEMOCRATIC PEOPLE S REPUBLIC OF
    KOREA") are one place misspelled, not two."""
    split_a, split_b = place_split(text_a), place_split(text_b)
    if split_a is None or split_b is None:
        return False
    if compatible(place_key(text_a), place_key(text_b)):
        return False
    folded_a, folded_b = f" {fold(text_a)} ", f" {fold(text_b)} "
    for p in split_a.places:
        for q in split_b.places:
            if fuzz.ratio(p.phrase, q.phrase) >= ALIKE * 100:
                return False
            if f" {p.phrase} " in folded_b or f" {q.phrase} " in folded_a:
                return False
    return True


def describe(text: str) -> str:
    """Why the scorer compared ``text`` without its places, in words."""
    split = place_split(text)
    if split is None:  # not reached: the scorer read the same text
        return "the name writes a place"
    places = ", ".join(p.phrase for p in split.places)
    branch = (
        f" — the branch there of {split.kept!r}, a body the list may also write in full (more words, "
        "more line-of-business words)"
        if split.branch
        else ""
    )
    return (
        f"{text!r} names a place ({places}): it qualifies the body rather than naming it, so the "
        f"name was also compared without {' '.join(split.removed)!r} ({split.kept!r}), against "
        f"names that write no place or the same place{branch}"
    )


def describe_conflict(text_a: str, text_b: str) -> str:
    """Why two names that write different places are two bodies, in words."""
    split_a, split_b = place_split(text_a), place_split(text_b)
    place_a = ", ".join(p.phrase for p in split_a.places) if split_a else "?"
    place_b = ", ".join(p.phrase for p in split_b.places) if split_b else "?"
    return (
        f"each name writes a place, and they differ ({place_a} vs {place_b}): one body's branches "
        "or subsidiaries in two places are two entities"
    )
