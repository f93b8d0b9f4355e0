"""Scoring of candidate (query name, list name) pairs for screening — vectorised.

Screening has its own scorer, rapidfuzz-based: a score in [0, 1] and the reasons for it. It does
not call the resolution scorer (:mod:`graph.resolve.compare`, :mod:`graph.resolve.batch`), though it
shares resolution's list of generic words, so the two may judge one pair differently
(``benchmarks/screen_compare_divergence.py`` counts where). The resolution rules screening applies
on top of it are for names made only of line-of-business words (:mod:`graph.screening.generic_names`)
and for firm names that differ in a number (:mod:`graph.screening.number_names`); resolution's
readings it borrows are of numbers written otherwise (:mod:`graph.screening.number_words`: II = 2ND
= 2) and of legal forms written out in words (:mod:`graph.screening.written_forms`). Generic words
(legal forms, TRADING, TECHNOLOGY …) are removed before the fuzzy comparison so that they never
carry a match on their own, and the blocking similarity (rare-key overlap, see
:mod:`graph.resolve.candidates`) is blended in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import jellyfish
import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from graph.resolve.names import GENERIC_WORDS as RESOLVE_GENERIC_WORDS
from graph.resolve.names import STOP_WORDS
from graph.screening.name_rules import (
    common_word_name_extended,
    common_word_respelt,
    listed_word_missing,
    only_common_words_agree,
    prefixed,
    short_name_differs,
    short_name_spelt_otherwise,
    translit_form,
    two_edits,
)
from graph.screening.name_text import name_text
from graph.screening.number_words import numbers_by_value
from graph.screening.written_forms import form_written_otherwise, written_forms_cut

#: Legal forms and generic trade words: compared never as distinctive words (one string, split once).
_LEGAL_WORDS = """
AB AG AO AS BHD BV CO COMPANY CORP CORPORATION CV DOO EOOD FZCO FZE FZC GMBH INC
INCORPORATED JSC KG LLC LLP LP LTD LIMITED OAO OJSC OOO PAO PJSC PLC PTE PTY PVT SA SAS SARL
SDN SL SPA SRL TOO ZAO CJSC OOD OY AD EAD NV KFT SRO AND THE OF DE DI DU LA LE EL AL FOR
"""
_GENERIC_WORDS = (
    _LEGAL_WORDS
    + """
GROUP GRP TRADING TRADE TECH TECHNOLOGY TECHNOLOGIES INTERNATIONAL INTL INDUSTRIAL INDUSTRY INDUSTRIES
ELECTRONIC ELECTRONICS ELEC ENTERPRISE ENTERPRISES HOLDING HOLDINGS SERVICES SERVICE SVCS
IMPORT EXPORT IMP EXP MFG MANUFACTURING DEVELOPMENT SCIENCE SCIENTIFIC
CENTER CENTRE CENTR MICROSYSTEMS MICROELECTRONIC
"""
)
#: Shared with the resolver (RESEARCH, SYSTEMS, SEMICONDUCTOR, COMPONENTS …): business words, not identities.
GENERIC_TOKENS = frozenset(_GENERIC_WORDS.split()) | RESOLVE_GENERIC_WORDS | (STOP_WORDS - {"A", "Y"})
#: Legal forms and articles: they say nothing about what a company does (LLC and Co., Ltd. never conflict).
LEGAL_TOKENS = frozenset(_LEGAL_WORDS.split()) | STOP_WORDS
#: The words of legal forms (LIMITED, CORPORATION, PRIVATE …), articles aside.
_FORM_WORDS = (LEGAL_TOKENS - STOP_WORDS - {"AND", "THE", "OF", "FOR"}) | {
    "PRIVATE",
    "LIABILITY",
    "PUBLIC",
    "JOINT",
    "STOCK",
}
#: Known abbreviations of sector words that are not prefixes of them.
_SECTOR_ABBREVIATIONS = {"INTL": "INTERNATIONAL", "SVCS": "SERVICES", "MFG": "MANUFACTURING", "GRP": "GROUP"}
SECTOR_CONFLICT_SINGLE = 0.2  # one-word distinctive core: the sector words are half of what identifies it
SECTOR_CONFLICT = 0.05
SECTOR_CHECK_FROM = 0.6
EXTENSION_PENALTY = 0.1
JOINED_MIN_CHARS = 6
NAME_WEIGHT = 0.75  # share of the score from the fuzzy comparison of distinctive tokens
BLOCK_WEIGHT = 0.25  # share from the rare-key overlap
LIFT_GATE = 0.5
RARE_CHECK_FROM = 0.6
PHONETIC_DISCOUNT = 0.92
PHONETIC_MIN_CHARS = 8
TRANSLIT_DISCOUNT = 0.97  # spelling that differs only by transliteration convention (C/K, KH/H, W/V …)
TRANSLIT_GATE = 0.85
BLOCK_SLACK = 0.05
FULL_TIEBREAK = 0.02
RARE_SHARE = 0.7
WORD_MATCH_MIN = 0.8
QUERY_EXTRA_FLOOR = 0.3
RARE_LIFT = 0.95
MIN_WORD_WEIGHT = 1.0
UNPARTNERED_CAP = 0.6
RARE_LIFT_FROM = 0.85  # how much the rarity-weighted alignment decides near the thresholds
COUNTRY_AGREE = 0.03
COUNTRY_CONFLICT = -0.05
#: A screened name longer than this is cut in its reason (an address pasted into the name column).
MAX_SHOWN_CHARS = 200
#: Ceiling for a pair with two independent differences (an extra word and a near miss): below the
#: default ``review`` threshold (0.72), above ``report`` (0.6), so the match is still listed.
TWO_DIFFERENCES_CAP = 0.70
#: Reasons that cap a pair at TWO_DIFFERENCES_CAP (by their opening words).
CAPPING_RULES = (
    "two differences",
    "short name",
    "common word respelt",
    "common word name",
    "letters in front",
    "only common words agree",
    "approximate name and country differs",
    "listed word missing",
    "two edits",
)
NAME_RULES = (
    short_name_differs,
    common_word_respelt,
    common_word_name_extended,
    prefixed,
    only_common_words_agree,
)


_VOWELS = frozenset("AEIOUY")
_DOUBLES = tuple(c + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TRANSLIT_LETTERS = str.maketrans({"C": "K", "W": "V", "Y": "I", "J": "I", "X": "KS"})


@lru_cache(maxsize=500_000)
def skeleton(token: str) -> str:
    """A word with the usual transliteration ambiguities folded away.

    C/K, KH/H (and CH, which romanises back as KH), PH/F, W/V, Y/J/I, X/KS and doubled letters:
    CHITRON / KKHITRON, PANACEA / PANAKEA, YUSUF / IUSUF, MIKHAIL / MIHAIL all meet. Words without
    a vowel are acronyms (CJNG, CSSC): they keep their letters, only C and K meet (LLC / ЛЛК → LLK).
    """
    if not _VOWELS.intersection(token):
        # LLC / ЛЛК, JSC / JСК: the letters stay, C and K meet; H written Х comes back KH (HK / ХК).
        return token.replace("C", "K").replace("KH", "H")
    t = token.replace("PH", "F").translate(_TRANSLIT_LETTERS)
    for _ in range(2):
        for d in _DOUBLES:
            if d in t:
                t = t.replace(d, d[0])
        t = t.replace("KH", "H").replace("PH", "F")  # ПХ comes back PKH: P+KH → PH → F
    return t


_GENERIC_SKELETONS = frozenset(skeleton(t) for t in GENERIC_TOKENS)
_LONG_GENERIC = tuple(sorted(t for t in _GENERIC_SKELETONS if len(t) >= 6))
_SHORT_GENERIC_LETTERS = frozenset("".join(sorted(t)) for t in GENERIC_TOKENS if 2 <= len(t) <= 4)
_MID_GENERIC = tuple(sorted(t for t in _GENERIC_SKELETONS if len(t) in (5, 6)))


@lru_cache(maxsize=200_000)
def is_generic(token: str) -> bool:
    """A generic word or a misspelling or transliteration of one (TRDING, TEKHNOLOGY, LDT)."""
    if token in GENERIC_TOKENS:
        return True
    skel = skeleton(token)
    if skel in _GENERIC_SKELETONS and (skel == token or skel not in STOP_WORDS):
        # Folding may not make an article of a name: LEE (a surname) is no LE, though OOOO is OOO.
        return True
    if len(token) <= 4 and "".join(sorted(token)) in _SHORT_GENERIC_LETTERS:
        return True  # two letters of a legal form swapped (LDT, ICN, YO): no name is spelt like that
    if len(skel) < 4:
        return False
    if len(skel) < 6:  # GOUP, TRDE: one edit from a generic word of five letters or more
        return process.extractOne(skel, _MID_GENERIC, scorer=OSA.distance, score_cutoff=1) is not None
    allowed = 1 if len(skel) < 9 else 2
    hit = process.extractOne(skel, _LONG_GENERIC, scorer=OSA.distance, score_cutoff=allowed)
    return hit is not None


@lru_cache(maxsize=200_000)
def folded(name: str) -> str:
    """Upper-case ASCII words of a name, generic words included."""
    return name_text(name)


@lru_cache(maxsize=500_000)
def _metaphone(token: str) -> str:
    return jellyfish.metaphone(token) if token.isalpha() else token


@lru_cache(maxsize=200_000)
def phonetic(name: str) -> str:
    """Metaphone keys of the distinctive words, sorted: KHAN / HAN, YURI / IURI spell alike."""
    return " ".join(sorted(_metaphone(t) for t in distinctive(name).split()))


@lru_cache(maxsize=200_000)
def distinctive(name: str) -> str:
    """Upper-case ASCII tokens of a name without generic words. A name of generic words only keeps
    them all but the legal forms that end it: "A.B. (PVT.) LTD" and "A.B. (PVT.) LIMITED" are both
    AB, "S.A. TRADING LTD" and "SA TRADING LIMITED" both SA TRADING, however the form is written."""
    tokens = _collapse_initials(folded(name).split())
    kept = [t for t in tokens if not is_generic(t)]
    if kept:
        return " ".join(kept)
    end = len(tokens)
    while end > 1 and tokens[end - 1] in _FORM_WORDS:
        end -= 1
    return " ".join(tokens[:end])


@lru_cache(maxsize=200_000)
def translit_key(name: str) -> str:
    """The distinctive words as transliteration skeletons (see :func:`skeleton`)."""
    return " ".join(skeleton(t) for t in distinctive(name).split())


@lru_cache(maxsize=200_000)
def joined_keys(name: str) -> tuple[str, str]:
    """The skeletons of the distinctive words, and of all words, run together: a space lost or
    moved by a typo (MEHRB ANK, SONGI TRADINGCOMPANY) leaves one of them unchanged."""
    full = "".join(skeleton(t) for t in folded(name).split())
    return translit_key(name).replace(" ", ""), full


@lru_cache(maxsize=200_000)
def _letters(name: str) -> tuple[str, str]:
    """The letters of a name sorted, as spelt and as transliteration skeletons."""
    return "".join(sorted(folded(name).replace(" ", ""))), "".join(sorted(joined_keys(name)[1]))


def rearranged(a: str, b: str) -> bool:
    """The same letters, words reordered and a space moved (MSAS FZC MANAGED / MANAGED MSASF ZC):
    an extra word here is a fragment of a split word, not a name part of its own."""
    la, lb = _letters(a), _letters(b)
    return any(len(x) >= JOINED_MIN_CHARS and x == y for x, y in zip(la, lb, strict=True))


def _same_letters_pairs(query_names: Sequence[str], target_names: Sequence[str]) -> np.ndarray:
    """:func:`same_letters` for aligned pairs, computed once per distinct name and compared as arrays."""
    keys = {n: joined_keys(n) for n in {*query_names, *target_names}}
    out = np.zeros(len(query_names), dtype=bool)
    for part in (0, 1):
        qa = np.array([keys[n][part] for n in query_names], dtype=object)
        tb = np.array([keys[n][part] for n in target_names], dtype=object)
        long_enough = np.array([len(k) >= JOINED_MIN_CHARS for k in qa], dtype=bool)
        out |= long_enough & (qa == tb)
    return out


def space_moved(a: str, b: str) -> bool:
    """The same letters as spelt, only the spaces (and word order) differ: AIRF REIGHT / AIR FREIGHT,
    SIN OZIM / SINO ZIM. Stricter than :func:`same_letters`, which folds doubled letters and
    transliteration too (FUSION / FUSSION)."""
    da, db = distinctive(a).replace(" ", ""), distinctive(b).replace(" ", "")
    if len(da) >= JOINED_MIN_CHARS and da == db:
        return True
    spelt_a, spelt_b = _letters(a)[0], _letters(b)[0]
    return len(spelt_a) >= JOINED_MIN_CHARS and spelt_a == spelt_b


def same_letters(a: str, b: str) -> bool:
    """Two names that differ only in where their spaces are (see :func:`joined_keys`)."""
    (da, fa), (db, fb) = joined_keys(a), joined_keys(b)
    return (len(da) >= JOINED_MIN_CHARS and da == db) or (len(fa) >= JOINED_MIN_CHARS and fa == fb)


@lru_cache(maxsize=200_000)
def sector_words(name: str) -> frozenset[str]:
    """The generic words that say what a company does (TRADING, ELECTRONICS), legal forms left out."""
    tokens = folded(name).split()
    return frozenset(
        _SECTOR_ABBREVIATIONS.get(t, t)
        for t in tokens
        if t not in LEGAL_TOKENS and len(t) > 1 and is_generic(t)
    )


def _same_sector_word(x: str, y: str) -> bool:
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    if long_.startswith(short[: max(3, min(len(short), 5))]):  # IND / INDUSTRIAL, TRADE / TRADING
        return True
    return fuzz.ratio(x, y) >= 80  # a typo in a sector word (TECHNOLGY)


def sector_conflict(a: str, b: str) -> bool:
    """Both names say what they do, and no word of one agrees with a word of the other
    (FUSION DEVICES / FUSSION ELECTRONICS): evidence against the two being one party."""
    sa, sb = sector_words(a), sector_words(b)
    if not sa or not sb:
        return False
    return not any(_same_sector_word(x, y) for x in sa for y in sb)


def extends(a: str, b: str) -> bool:
    """One one-word name is the other with letters added at the end (GALAX / GALAXY, TIAN / TIANMA,
    ATLAS / ATLASSYS): a suffix makes another word or brand, where a typo slips inside a word."""
    if " " in a or " " in b or a == b:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3 or not long_.startswith(short):
        return False
    # One letter more at the end of a short word is as likely a slip (PALM / PAL) as another word.
    return len(long_) - len(short) >= 2 or len(short) >= 5


#: Articles and particles of names (AL, EL, DE, LA …): generic, but in people's names as much as in firms'.
_PARTICLES = frozenset(["AND", "THE", "OF", "DE", "DI", "DU", "LA", "LE", "EL", "AL", "FOR"]) | STOP_WORDS


@lru_cache(maxsize=200_000)
def firm_name(name: str) -> bool:
    """The name holds a legal form or a trade word (LTD, TECHNOLOGIES, TRADING): a firm's, not a person's."""
    return any(t not in _PARTICLES and is_generic(t) for t in folded(name).split())


def _collapse_initials(tokens: list[str]) -> list[str]:
    """Runs of single letters are one word: ``S A`` (S.A.) → ``SA``, ``A W A`` → ``AWA``."""
    out: list[str] = []
    run = ""
    for t in tokens:
        if len(t) == 1 and t.isalpha():
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        out.append(t)
    if run:
        out.append(run)
    return out


def aligned_tokens(a: str, b: str) -> float:
    """Word-by-word alignment: each word meets its best partner (Monge-Elkan, the weaker direction)."""
    ta, tb = a.split()[:12], b.split()[:12]
    if not ta or not tb:
        return 0.0
    sims = [[fuzz.ratio(x, y) for y in tb] for x in ta]
    forward = sum(max(row) * len(x) for row, x in zip(sims, ta, strict=True)) / sum(map(len, ta))
    columns = zip(*sims, strict=True)
    backward = sum(max(col) * len(y) for col, y in zip(columns, tb, strict=True)) / sum(map(len, tb))
    return min(forward, backward) / 100.0


def _word_match(x: str, y: str) -> float:
    sim = fuzz.ratio(x, y) / 100.0
    if sim < WORD_MATCH_MIN and len(x) == len(y) >= 4 and sorted(x) == sorted(y) and OSA.distance(x, y) == 1:
        return WORD_MATCH_MIN  # two letters swapped (CHLO / CHOL, ABNK / BANK): one slip of the fingers
    return sim if sim >= WORD_MATCH_MIN else 0.0


def _merged_words(ta: list[str], tb: list[str], best_a: list[float], best_b: list[float]) -> None:
    """Words run together by a lost space (KHANALI = KHAN + ALI): an unmatched word of ``ta`` may match
    two words of ``tb`` joined, in either order; both sides' best similarities are raised in place."""
    for i, x in enumerate(ta):
        if best_a[i] > 0 or len(x) < 5:
            continue
        for j, y in enumerate(tb):
            for k, z in enumerate(tb):
                if j == k or abs(len(y) + len(z) - len(x)) > 2:
                    continue
                sim = _word_match(x, y + z)
                if sim > best_a[i]:
                    best_a[i] = sim
                    best_b[j] = max(best_b[j], sim)
                    best_b[k] = max(best_b[k], sim)


def rare_alignment(a: str, b: str, weight: Callable[[str], float]) -> float:
    """Rarity-weighted word alignment: a shared common word (SEMICONDUCTOR) says little, rare ones much."""
    return word_alignment(a, b, weight).score


@dataclass(frozen=True)
class Alignment:
    score: float
    extra: tuple[str, ...] = ()  # words of the query with no partner of their own in the list name
    approximate: tuple[tuple[str, str], ...] = ()  # (query word, list word) that only resemble each other

    def two_differences(self) -> str | None:
        """The reason a pair with two independent differences is capped below ``review``, or None."""
        if not self.extra or not self.approximate:
            return None
        x, y = self.approximate[0]
        return (
            f"two differences: '{' '.join(self.extra)}' has no counterpart in the listed name and "
            f"'{x}' only resembles '{y}' (a different person or firm is likelier than a typo; "
            f"score capped at {TWO_DIFFERENCES_CAP:.2f})"
        )


def _vowel_variant(x: str, y: str) -> bool:
    """Same consonants in the same places, vowels differ (MOHAMAD / MUHAMAD, HOSEIN / HUSEIN): a
    romanisation of unwritten vowels, not a second difference."""
    return len(x) == len(y) and all(
        p == q or (p in _VOWELS and q in _VOWELS) for p, q in zip(x, y, strict=True)
    )


def _one_to_one(ta: list[str], tb: list[str], sims: list[list[float]]) -> set[int]:
    """Query words that lose, in a greedy one-to-one pairing, the partner they share with a better
    match (LI and LEE both near LEI: only one of them is LEI)."""
    pairs = sorted(
        ((sims[i][j], i, j) for i in range(len(ta)) for j in range(len(tb)) if sims[i][j] > 0), reverse=True
    )
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for _, i, j in pairs:
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
    return {i for i in range(len(ta)) if max(sims[i]) > 0 and i not in taken_a}


def word_alignment(a: str, b: str, weight: Callable[[str], float]) -> Alignment:
    """:func:`rare_alignment` with the words behind it: the query's extra words and the near misses."""
    ta, tb = list(dict.fromkeys(a.split()))[:12], list(dict.fromkeys(b.split()))[:12]  # LI LI: one LI
    if not ta or not tb:
        return Alignment(0.0)
    # A word either matches (a typo at most) or it does not: FENG is no 67 % of SHENG.
    sims = [[_word_match(x, y) for y in tb] for x in ta]
    # A word too common to block on (BANK, YI) still names the party: it counts, if little.
    wa = [max(weight(x), MIN_WORD_WEIGHT) for x in ta]
    wb = [max(weight(y), MIN_WORD_WEIGHT) for y in tb]
    if sum(wa) <= 0 or sum(wb) <= 0:
        return Alignment(0.0)
    best_a = [max(row) for row in sims]
    best_b = [max(col) for col in zip(*sims, strict=True)]
    _merged_words(ta, tb, best_a, best_b)
    _merged_words(tb, ta, best_b, best_a)
    forward = sum(s * w for s, w in zip(best_a, wa, strict=True)) / sum(wa)
    backward = sum(s * w for s, w in zip(best_b, wb, strict=True)) / sum(wb)
    joined = fuzz.ratio("".join(ta), "".join(tb)) / 100.0  # JAMALNEHME / JAMAL NEHME
    # The list name's rare words must all be there; an extra word in the query (a typo, a branch,
    # a middle name) counts against the match less.
    forward = QUERY_EXTRA_FLOOR + (1.0 - QUERY_EXTRA_FLOOR) * forward
    if joined < 0.9 and min(best_b) <= 0.0:
        # A word of the list name has no partner. Left out (a patronymic, a second given name), the
        # rest may still carry the match — unless only one word agrees (TIAN TRADING / TIAN YI) or the
        # query has a word of its own in its place (OMAR LOPEZ HERNANDEZ / JUAN LOPEZ HERNANDEZ).
        matched = sum(1 for x in best_b if x > 0.0)
        replaced = min(best_a) <= 0.0
        backward = min(backward, UNPARTNERED_CAP if matched < 2 or replaced else RARE_LIFT_FROM - 0.01)
    score = max(min(forward, backward), joined if joined >= 0.9 else 0.0)
    if joined >= 0.9:
        return Alignment(score)  # the same letters, spaced otherwise: one difference at most
    shared = _one_to_one(ta, tb, sims)
    extra = tuple(x for i, x in enumerate(ta) if best_a[i] <= 0.0 or i in shared)
    approximate = tuple(
        (x, y)
        for i, x in enumerate(ta)
        if i not in shared
        for j, y in enumerate(tb)
        if 0.0 < sims[i][j] < 1.0 and sims[i][j] == best_a[i] and x != y and not _vowel_variant(x, y)
    )
    # A word of either side matched only through two words run together, and not exactly.
    merged = tuple(
        (x, "+".join(tb)) for i, x in enumerate(ta) if 0.0 < best_a[i] < 1.0 and max(sims[i]) <= 0.0
    )
    return Alignment(score, extra, approximate + merged)


@dataclass(frozen=True)
class PairScores:
    score: np.ndarray  # float32 in [0, 1]
    name_similarity: np.ndarray  # float32 in [0, 1]
    country: np.ndarray  # int8: 1 agree, -1 conflict, 0 unknown
    rules: dict[int, list[str]] = field(default_factory=dict)  # pair → the reasons of rules that lowered it


def score_pairs(
    query_names: Sequence[str],
    target_names: Sequence[str],
    blocking_similarity: np.ndarray,
    query_countries: Sequence[str],
    target_countries: Sequence[Sequence[str]],
    token_weight: Callable[[str], float] | None = None,
) -> PairScores:
    """Score aligned pairs ``(query_names[i], target_names[i])``; all inputs have one row per pair."""
    # One number written two ways (II / 2, 2ND / II) is compared as its digits on both sides.
    # The names as written decide whether their letters are the party's own (written_in_latin).
    written, written_targets = query_names, target_names
    query_names, target_names = numbers_by_value(query_names, target_names)
    # A legal form written out in words (OBSHCHESTVO S OGRANICHENNOI …) is no part of the name.
    query_names, target_names = written_forms_cut(query_names, target_names, is_generic)
    a = [distinctive(n) for n in query_names]
    b = [distinctive(n) for n in target_names]
    rules: dict[int, list[str]] = {}
    if a:
        sort = process.cpdist(a, b, scorer=fuzz.token_sort_ratio, dtype=np.float32) / 100.0
        plain = process.cpdist(a, b, scorer=fuzz.ratio, dtype=np.float32) / 100.0
        name_sim = np.maximum(sort, plain).astype(np.float32)
        # The whole names (generic words included) may lift the score only where the distinctive
        # words already agree: ALFA TRADING / BETA TRADING gets nothing from the shared TRADING.
        full_a = [folded(n) for n in query_names]
        full_b = [folded(n) for n in target_names]
        full = process.cpdist(full_a, full_b, scorer=fuzz.token_sort_ratio, dtype=np.float32) / 100.0
        # Transliteration variants sound alike: the phonetic keys may stand in for the spelling,
        # discounted, and only for names long enough not to collide by chance.
        pa = [phonetic(n) for n in query_names]
        pb = [phonetic(n) for n in target_names]
        phon = process.cpdist(pa, pb, scorer=fuzz.token_sort_ratio, dtype=np.float32) / 100.0
        long_enough = np.array(
            [min(len(x), len(y)) >= PHONETIC_MIN_CHARS for x, y in zip(a, b, strict=True)], dtype=bool
        ) & (phon >= 0.9)
        name_sim = np.where(long_enough, np.maximum(name_sim, PHONETIC_DISCOUNT * phon), name_sim)
        ka = [translit_key(n) for n in query_names]
        kb = [translit_key(n) for n in target_names]
        skel = process.cpdist(ka, kb, scorer=fuzz.token_sort_ratio, dtype=np.float32) / 100.0
        skel = np.maximum(skel, process.cpdist(ka, kb, scorer=fuzz.ratio, dtype=np.float32) / 100.0)
        name_sim = np.where(skel >= TRANSLIT_GATE, np.maximum(name_sim, TRANSLIT_DISCOUNT * skel), name_sim)
        # The same letters with a space lost or moved (MEHRB ANK / MEHR BANK): a typo, not another name.
        joined = _same_letters_pairs(query_names, target_names)
        name_sim = np.where(joined, np.maximum(name_sim, TRANSLIT_DISCOUNT), name_sim)
        name_sim = name_sim.astype(np.float32)
        lifted = np.maximum(name_sim, 0.5 * name_sim + 0.5 * full)
        # Reordered words with typos defeat sorted-token comparison; align word by word where it matters.
        near = np.flatnonzero((name_sim >= LIFT_GATE) & (name_sim < 0.9) & (blocking_similarity >= 0.3))
        for k in near.tolist():
            name_sim[k] = max(name_sim[k], aligned_tokens(a[k], b[k]))
        lifted = np.maximum(lifted, name_sim)
        name_sim = np.where(name_sim >= LIFT_GATE, lifted, name_sim).astype(np.float32)
        if token_weight is not None:
            # Pairs near a threshold must agree on their *rare* words, not just on long common ones.
            for k in np.flatnonzero(name_sim >= RARE_CHECK_FROM).tolist():
                alignment = word_alignment(ka[k], kb[k], token_weight)
                rare = alignment.score
                reason = alignment.two_differences()
                if reason and not rearranged(query_names[k], target_names[k]):
                    rules.setdefault(k, []).append(reason)
                checked = min(name_sim[k], (1 - RARE_SHARE) * name_sim[k] + RARE_SHARE * rare)
                # ... and where every rare word of both names has its partner (merged words included),
                # the alignment may vouch for a pair the whole-string comparison scored low.
                name_sim[k] = max(checked, RARE_LIFT * rare) if rare >= RARE_LIFT_FROM else checked
    else:
        name_sim = np.zeros(0, np.float32)
    empty = np.array([not x or not y for x, y in zip(a, b, strict=True)], dtype=bool)
    name_sim[empty] = 0.0
    country = np.zeros(len(a), dtype=np.int8)
    for i, (qc, tcs) in enumerate(zip(query_countries, target_countries, strict=True)):
        if qc and len(tcs):
            country[i] = 1 if qc in tcs else -1
    adjust = np.where(country == 1, COUNTRY_AGREE, np.where(country == -1, COUNTRY_CONFLICT, 0.0))
    # The key overlap may confirm the name comparison but never outvote it (shared common words).
    # A legal form written another way (L.L.C. / LIMITED LIABILITY COMPANY) shares no key with its
    # other writing: read on the names without their forms, the overlap is whole (checked only where
    # the names are near enough for the overlap to matter).
    overlap = np.asarray(blocking_similarity, np.float32).copy()
    for k in np.flatnonzero((overlap < 1.0) & (name_sim >= RARE_CHECK_FROM)).tolist():
        if form_written_otherwise(written[k], written_targets[k]):
            overlap[k] = 1.0
            rules.setdefault(k, []).append(
                f"legal form written otherwise: the names agree without their forms (key overlap "
                f"{blocking_similarity[k]:.2f} read as 1.00)"
            )
    block = np.minimum(overlap, name_sim + BLOCK_SLACK)
    score = NAME_WEIGHT * name_sim + BLOCK_WEIGHT * block + adjust
    for k in np.flatnonzero(score >= SECTOR_CHECK_FROM).tolist():
        single = len(b[k].split()) == 1 or len(a[k].split()) == 1
        if sector_conflict(query_names[k], target_names[k]):
            score[k] -= SECTOR_CONFLICT_SINGLE if single else SECTOR_CONFLICT
        if single and (extends(a[k], b[k]) or extends(*map(translit_form, (a[k], b[k])))):
            score[k] -= EXTENSION_PENALTY
            rules.setdefault(k, []).append(
                f"letters added at the end: '{a[k]}' / '{b[k]}' (up to transliteration letters) is one word "
                f"with a suffix, which makes another word or brand (score lowered by {EXTENSION_PENALTY:.2f})"
            )
    if a:
        # Among names equal on their distinctive words, the one whose generic words agree too ranks first.
        score = score - FULL_TIEBREAK * (1.0 - full)
    for k in np.flatnonzero(score > TWO_DIFFERENCES_CAP).tolist():
        # Names that agree only as two different firms' names do (see graph.screening.name_rules).
        if space_moved(query_names[k], target_names[k]):
            continue  # a space lost or moved (AIRF REIGHT / AIR FREIGHT) splits words, not names
        # A name made of generic words only (SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORP) is the
        # scorer's business: legal forms and trade words never make a name rule fire.
        words_a = [w for w in a[k].split() if not is_generic(w)]
        words_b = [w for w in b[k].split() if not is_generic(w)]
        if not words_a or not words_b:
            continue
        head = folded(query_names[k]).split()[:1]
        # A person written without a middle name is how listed people often appear: firm names only.
        firm = firm_name(query_names[k])
        latin = written_in_latin(written[k])
        extra = (listed_word_missing,) * firm + (short_name_spelt_otherwise, two_edits) * latin
        for rule in (*NAME_RULES, *extra):
            reason = rule(words_a, words_b, head[0] if head else "")
            if reason:
                rules.setdefault(k, []).append(f"{reason} (score capped at {TWO_DIFFERENCES_CAP:.2f})")
    for k in np.flatnonzero((score > TWO_DIFFERENCES_CAP) & (country == -1)).tolist():
        # A name rewritten above is folded to Latin letters: whether it was written so is the original's.
        latin = written_in_latin(written[k])
        reason = approximate_abroad(query_names[k], target_names[k], int(country[k])) if latin else None
        if reason:
            rules.setdefault(k, []).append(reason)
    for k, reasons in rules.items():
        if any(r.startswith(CAPPING_RULES) for r in reasons):
            score[k] = min(score[k], TWO_DIFFERENCES_CAP)
    return PairScores(np.clip(score, 0.0, 1.0).astype(np.float32), name_sim, country, rules)


def same_words(a: str, b: str) -> bool:
    """Two names with the same distinctive words, spelt alike, in any order, or with only a space
    lost or moved: the names are equal after normalisation (generic words and legal forms aside)."""
    return sorted(distinctive(a).split()) == sorted(distinctive(b).split()) or space_moved(a, b)


@lru_cache(maxsize=200_000)
def written_in_latin(name: str) -> bool:
    """Every letter of the name is a Latin one (accents allowed): its spelling is the party's own
    choice, not a romanisation this tool made of Cyrillic, Arabic or Chinese."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name[:1000])


def _vowel_frame(word: str) -> str:
    """A transliteration skeleton with its vowels masked (ALAMAR / ALAMIR, SERONIKS / SIRONIKS): the
    vowels a list's romanisation of Arabic, Persian or Cyrillic writes by convention (see
    :func:`_vowel_variant`)."""
    return "".join("*" if c in _VOWELS else c for c in word)


def approximate_abroad(query_name: str, target_name: str, country: int) -> str | None:
    """The reason a pair whose names differ only by transliteration letters (MICRON / MIKRON,
    NOVATEC / NOVATEK, JASCO / IASCO) and whose countries are known and differ is capped below
    ``review``, or None.

    A firm that writes its own name in Latin letters chose C or K; a list romanises a foreign name by
    a convention. Two such spellings in two countries are likelier two firms than one party abroad.
    Not capped: equal names (a listed party abroad under its own name is the diversion case), a query
    written in another script (the letter difference is then this tool's own romanisation), and names
    that differ otherwise (a typo, an edit: the other rules and the score decide those)."""
    if country != -1 or same_words(query_name, target_name) or not written_in_latin(query_name):
        return None
    if sorted(map(_vowel_frame, translit_key(query_name).split())) != sorted(
        map(_vowel_frame, translit_key(target_name).split())
    ):
        return None
    return (
        f"approximate name and country differs: '{distinctive(query_name)}' is '{distinctive(target_name)}' "
        f"only up to transliteration letters or vowels and the counterparty's country is none of the entry's "
        f"(score capped at {TWO_DIFFERENCES_CAP:.2f})"
    )


def explain(
    query_name: str,
    target_name: str,
    alias_kind: str,
    name_sim: float,
    block_sim: float,
    country: int,
    rules: Sequence[str] = (),
) -> list[str]:
    """The reasons a user sees for one scored pair: each part of the score with its share or the
    amount it moved the score, so that the number can be followed (see :func:`score_pairs`)."""
    shared = sorted(set(distinctive(query_name).split()) & set(distinctive(target_name).split()))
    shown = query_name if len(query_name) <= MAX_SHOWN_CHARS else query_name[:MAX_SHOWN_CHARS] + "…"
    reasons = [
        f"name '{shown}' ~ {alias_kind} '{target_name}': "
        f"{name_sim:.0%} similar on distinctive words ({NAME_WEIGHT:.0%} of the score)",
        f"distinctive words shared: {', '.join(shared) if shared else 'none exactly'}; overlap of the "
        f"names' words, sounds and letter groups, weighted by their rarity in the lists, {block_sim:.2f} "
        f"({BLOCK_WEIGHT:.0%} of the score)",
    ]
    if country == 1:
        reasons.append(f"country agrees (score raised by {COUNTRY_AGREE:.2f})")
    elif country == -1:
        reasons.append(f"country differs (score lowered by {-COUNTRY_CONFLICT:.2f})")
    reasons.extend(rules)
    return reasons
