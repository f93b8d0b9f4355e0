"""One name in two languages: "NPO ELEKTRONNYE SISTEMY" is "NPO Electronic Systems".

The lists publish Russian (and Chinese, Turkish, Persian, Arabic, Spanish) organisations both
transliterated and translated: "RT - GLOBALNYE RESURSY OOO" / "RT GLOBAL RESOURCES",
"90 EKSPERIMENTALNY ZAVOD" / "90 EXPERIMENTAL PLANT". The organisational and line-of-business
words are translated (``data/reference/org_words.csv``), the names proper are not. The table
also makes one word of two English words a translator would render alike ("RELIEF COMMITTEE" /
"AID COMMITTEE", "MONEY EXCHANGE" / "CURRENCY EXCHANGE"), whichever the alias wrote.

A translation is all-or-nothing (the reverted ``f1`` branch let translated generic words
lend weight to partial matches, and "Onyx Components Ltd" became "Onyx Construction
Company"). :func:`same_by_translation` holds only when

* after translation the organisational words of the two names are the same words, every one
  paired (``org`` keys equal), and as written they differ (a word was translated on one side);
* the remaining words — the names proper, never translated — agree on their own (as written,
  or without Arabic articles and connectives, :mod:`arabic_particles`): written
  together at least ``ANCHOR_RATIO`` alike (NOVOVYATSKI / NOVOVYATSK; a place adjective
  VORONEZHSKIY read as VORONEZH), or word by word as cognates of the other language
  (:mod:`cognates`: INITSIATIVY / INITIATIVES), and present; a name
  made only of organisational words needs ``MIN_ORG_ONLY_WORDS`` of them ("CENTRAL BANK OF
  THE RUSSIAN FEDERATION" / "TSENTRALNY BANK ROSSISKOI FEDERATSII").

Organisation types are one word whichever way they are written (:mod:`org_abbrev`: OKB =
OPYTNOE KONSTRUKTORSKOE BYURO = EXPERIMENTAL DESIGN BUREAU). The one exception to "every word
paired": a type written as an abbreviation or in the local language that the table marks
omittable may be missing from the other name (:func:`left_out`: "JSC VO TEKHNOPROMEXPORT" /
"TECHNOPROMEXPORT OJSC"), and so may a form of state ownership however written (``form`` rows:
"STATE ENTERPRISE YALTA SEA TRADING PORT" / "YALTA COMMERCIAL SEAPORT"), the names proper then
needing ``MIN_OMIT_REST_CHARS`` letters.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from graph.resolve import arabic_particles, cognates, english_spellings, org_abbrev
from graph.resolve.romanise import roman_key

TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "org_words.csv"

#: The names proper written together must be this alike (the guard of :mod:`form_variants`).
ANCHOR_RATIO = 0.9
#: A name with no word outside the table is one only with this many organisational words.
MIN_ORG_ONLY_WORDS = 3
#: Names that differ by organisational words left out (:func:`left_out`) must keep names proper
#: of this many letters: "NPO AB" is not "AB".
MIN_OMIT_REST_CHARS = 4
#: Russian adjective and noun endings after a ``stem`` row (ELEKTRONN-YE, SISTEM-Y, ZAVOD-A).
_ENDINGS = frozenset(
    {"A", "E", "I", "O", "U", "Y", "YE", "YI", "YY", "YJ", "IY", "II", "IJ", "IE", "OE", "OYE", "OI", "OY"}
    | {"OGO", "EGO", "AYA", "YA", "YKH", "IKH", "OM", "EM", "AM", "AKH", "OV", "EE", "EY", "EI", "YM", "IM"}
)
#: A Russian adjective made from a place name (VORONEZHSKIY, ULYANOVSKI) is the place name
#: (VORONEZH): the names proper are also compared with this ending cut.
_PLACE_ADJECTIVE = re.compile(r"(?<=[A-Z]{4})SK(?:IY|II|IJ|IE|I|Y|OE|OYE|AYA|OGO|OI|OY)$")
#: Russian, Turkish and Persian "and" (… TEKHNOLOGII I KOMPOZITSIONNYE MATERIALY, IC VE DIS
#: TICARET, NAFT VA GAS): no word, like English AND.
SKIP_WORDS = frozenset(
    {"I", "AND", "OF", "THE", "DE", "DEL", "LA", "Y", "ET", "E", "VE", "VA"}
    # French and Italian "of the", English "for" (ASSOCIATION DE SECOURS … / ASSOCIATION FOR … AID)
    | {"DES", "DU", "DEI", "PER", "FOR"}
)


@dataclass(frozen=True)
class OrgView:
    """A name split for translation: ``org`` the sorted English organisational words (type
    phrases contracted to their abbreviation, :mod:`org_abbrev`), ``rest`` the other words
    sorted, ``translated`` whether a word was rewritten, ``optional`` the organisational words
    the other name may leave out (a type written as an abbreviation or in the local language)."""

    org: str
    rest: str
    translated: bool
    org_words: int
    written: str  # the organisational words as written, sorted
    optional: str = ""
    abbreviated: tuple[str, ...] = ()  # "OKB = EXPERIMENTAL DESIGN BUREAU", for the reasons
    bare: str = ""  # ``rest`` without Arabic articles and connectives (:mod:`arabic_particles`)

    @property
    def core(self) -> str:
        """``org`` without the ``optional`` words: two names one of which leaves optional words
        out have the same core."""
        if not self.optional:
            return self.org
        return " ".join(sorted((Counter(self.org.split()) - Counter(self.optional.split())).elements()))


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


@lru_cache(maxsize=50_000)  # per distinct tokens: noisy copies of one name often normalise alike
def org_view(tokens: tuple[str, ...], generic: frozenset[str]) -> OrgView:
    """Split normalised name ``tokens`` (legal form already cut) into organisational words,
    translated to English, and the rest. English words of the table and ``generic`` words
    count as organisational words as they are; a type phrase of :mod:`org_abbrev` counts as
    its abbreviation."""
    english = _table()[2] | org_abbrev.concepts()
    # (English word, token as written, token index): a token may translate to two words.
    words: list[tuple[str, str, int]] = []
    for i, t in enumerate(tokens):
        if t in SKIP_WORDS:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if following and arabic_particles.is_article_of(t, following, bool(translate(following))):
            continue  # AL-KHILAFAH: the article is the THE of THE CALIPHATE
        en = translate(t)
        words.extend((w, t, i) for w in (en.split() if en else [t]))
    org: list[str] = []
    optional: list[str] = []
    written: dict[int, str] = {}
    rest: list[str] = []
    abbreviated: list[str] = []
    translated = False
    spans = {m.start: m for m in org_abbrev.find([(w, t) for w, t, _ in words])}
    k = 0
    while k < len(words):
        match = spans.get(k)
        if match is not None:
            phrase, span = match.phrase, words[match.start : match.end]
            as_written = " ".join(dict.fromkeys(t for _, t, _ in span))
            # Written in the local language, or as an abbreviation of three letters or more: two
            # Latin letters (KB, VO, MZ) start too many names ("KB HOME") to be left out.
            local = any(w != t or (t in org_abbrev.concepts() and len(t) >= 3) for w, t, _ in span)
            if phrase.concept:
                found = [phrase.concept]
                if as_written != phrase.concept:
                    translated = True
                    abbreviated.append(f"{as_written} = {phrase.concept}")
            else:
                found = [w for w, _, _ in span]
                translated = translated or any(w != t for w, t, _ in span)
            if phrase.concept not in org:  # "46TH TSNII CENTRAL SCIENTIFIC RESEARCH INSTITUTE": once
                org.extend(found)
                if phrase.omittable and (local or phrase.form):
                    optional.extend(found)
            written.update((i, t) for _, t, i in span)
            k = match.end
            continue
        w, t, i = words[k]
        if w != t or w in english or w in generic:
            translated = translated or w != t
            org.append(w)
            written[i] = t
        else:
            rest.append(t)
        k += 1
    return OrgView(
        org=" ".join(sorted(org)),
        rest=" ".join(sorted(rest)),
        translated=translated,
        org_words=len(org),
        written=" ".join(sorted(written.values())),
        optional=" ".join(sorted(optional)),
        abbreviated=tuple(abbreviated),
        bare=arabic_particles.bare(" ".join(sorted(rest))),
    )


def same_by_translation(a: OrgView, b: OrgView) -> bool:
    """The two names are one name in two languages (see the module docstring)."""
    if a.org != b.org:
        return bool(left_out(a, b)) and _names_agree(a, b, MIN_OMIT_REST_CHARS)
    if not (a.translated or b.translated) or not a.org or a.written == b.written:
        return False
    if (not a.rest and not b.rest) or (not a.bare and not b.bare):
        return a.org_words >= MIN_ORG_ONLY_WORDS
    return _names_agree(a, b, 1)


def left_out(a: OrgView, b: OrgView) -> str:
    """The organisational words one name has and the other leaves out, when they are all
    optional there (:mod:`org_abbrev`: "VO" of "JSC VO TEKHNOPROMEXPORT" against
    "TECHNOPROMEXPORT OJSC") and the other name adds none of its own; else ``""``."""
    extra_a = Counter(a.org.split()) - Counter(b.org.split())
    extra_b = Counter(b.org.split()) - Counter(a.org.split())
    if extra_a and extra_b:
        return ""
    extra, view = (extra_a, a) if extra_a else (extra_b, b)
    if not extra or extra - Counter(view.optional.split()):
        return ""
    return " ".join(sorted(extra.elements()))


def _names_agree(a: OrgView, b: OrgView, min_chars: int) -> bool:
    """The names proper, present on both sides with ``min_chars`` letters or more, agree: as
    written, or without Arabic articles and connectives (:func:`arabic_particles.bare`)."""
    pairs = ((a.rest, b.rest), (a.bare, b.bare))
    return any(_rests_agree(rest_a, rest_b, min_chars) for rest_a, rest_b in pairs)


def _rests_agree(rest_a: str, rest_b: str, min_chars: int) -> bool:
    joined_a, joined_b = rest_a.replace(" ", ""), rest_b.replace(" ", "")
    if len(joined_a) < min_chars or len(joined_b) < min_chars:
        return False
    # Translated word by word, a word of Latin stock keeps its stem (:mod:`cognates`).
    return _spelt_alike(rest_a, rest_b) or cognates.same_words(rest_a.split(), rest_b.split())


def _spelt_alike(rest_a: str, rest_b: str) -> bool:
    joined_a, joined_b = rest_a.replace(" ", ""), rest_b.replace(" ", "")
    return names_alike(joined_a, joined_b) or names_alike(_cut(rest_a), _cut(rest_b))


def _cut(rest: str) -> str:
    return "".join(sorted(_PLACE_ADJECTIVE.sub("", w) for w in rest.split()))


def names_alike(a: str, b: str) -> bool:
    """Two names proper (the words left when the organisational words are set aside) agree."""
    return (
        a == b
        or roman_key(a) == roman_key(b)
        or fuzz.ratio(a, b) >= ANCHOR_RATIO * 100
        # English spells the Greek CH of Russian words as written (TECHNOPROMEXPORT), the
        # Russian romanisation as KH (TEKHNOPROMEKSPORT): names proper only, never org words.
        or ("CH" in a + b and roman_key(a.replace("CH", "KH")) == roman_key(b.replace("CH", "KH")))
        # A Russian name proper spelt as the English word it is (SALYUT / SALUTE).
        or english_spellings.same_in_english(a, b)
    )


def _words(words: str) -> str:
    """Words quoted for a reason; "none" for a name that writes none (never an empty quote)."""
    return repr(words) if words else "none"


def explain(a: OrgView, b: OrgView) -> list[tuple[str, str]]:
    """``(feature, detail)`` reasons for two names :func:`same_by_translation` holds for: the
    translation itself, each type abbreviation read, and the type words one name leaves out."""
    rests = f"{a.rest!r} / {b.rest!r}"
    if (a.rest, b.rest) != (a.bare, b.bare) and not _rests_agree(a.rest, b.rest, 1):
        rests += f" (read {a.bare!r} / {b.bare!r}: {arabic_particles.DESCRIPTION})"
    if a.rest or b.rest:
        names_proper = f"the names proper {rests} agree on their own"
    else:  # names made only of organisational words (MIN_ORG_ONLY_WORDS of them)
        names_proper = (
            f"neither name has a word beyond its organisational words ({MIN_ORG_ONLY_WORDS} or more)"
        )
    out = [
        (
            "translation",
            f"one name in two languages: organisational words {_words(a.written)} vs {_words(b.written)} "
            f"are {_words(a.org)} / {_words(b.org)} in English, and {names_proper} "
            "(in the name similarity above)",
        )
    ]
    words_a, words_b = a.rest.split(), b.rest.split()
    if not _spelt_alike(a.rest, b.rest) and cognates.same_words(words_a, words_b):
        detail = f"names proper of one stem in two languages: {cognates.describe(words_a, words_b)}"
        out.append(("cognates", detail))
    joined_a, joined_b = a.rest.replace(" ", ""), b.rest.replace(" ", "")
    if english_spellings.same_in_english(joined_a, joined_b):
        out.append(("english_spelling", english_spellings.describe(joined_a, joined_b)))
    for seen in dict.fromkeys(a.abbreviated + b.abbreviated):
        out.append(("org_abbreviation", f"organisation type {seen}: one type written two ways"))
    missing = left_out(a, b)
    if missing:
        out.append(
            (
                "org_words_left_out",
                f"organisation type {missing} is written by one name only, in the local language or "
                "abbreviated; the other leaves it out (no English word is ever dropped)",
            )
        )
    return out
