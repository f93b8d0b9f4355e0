"""Scoring of candidate (query name, list name) pairs for screening — vectorised.

Uses the resolution scorer (:mod:`graph.resolve.batch`) when it is present; otherwise a
rapidfuzz-based scorer with the same contract: a score in [0, 1] and the reasons for it.
Generic words (legal forms, TRADING, TECHNOLOGY …) are removed before the fuzzy comparison
so that they never carry a match on their own, and the blocking similarity (rare-key
overlap, see :mod:`graph.resolve.candidates`) is blended in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from graph.ids import normalise_key_text

#: Legal forms and generic trade words: compared never as distinctive words (one string, split once).
_GENERIC_WORDS = """
AB AG AO AS BHD BV CO COMPANY CORP CORPORATION CV DOO EOOD FZCO FZE GMBH GROUP GRP INC
INCORPORATED JSC KG LLC LLP LP LTD LIMITED OAO OJSC OOO PAO PJSC PLC PTE PTY PVT SA SAS SARL
SDN SL SPA SRL TOO ZAO CJSC AND THE OF DE DI DU LA LE EL AL FOR
TRADING TRADE TECH TECHNOLOGY TECHNOLOGIES INTERNATIONAL INTL INDUSTRIAL INDUSTRY INDUSTRIES
ELECTRONIC ELECTRONICS ELEC ENTERPRISE ENTERPRISES HOLDING HOLDINGS SERVICES SERVICE SVCS
IMPORT EXPORT IMP EXP MFG MANUFACTURING DEVELOPMENT SCIENCE SCIENTIFIC
"""
GENERIC_TOKENS = frozenset(_GENERIC_WORDS.split())
NAME_WEIGHT = 0.75  # share of the score from the fuzzy comparison of distinctive tokens
BLOCK_WEIGHT = 0.25  # share from the rare-key overlap
LIFT_GATE = 0.5
RARE_CHECK_FROM = 0.6
PHONETIC_DISCOUNT = 0.92
PHONETIC_MIN_CHARS = 8
COUNTRY_AGREE = 0.03
COUNTRY_CONFLICT = -0.05


_LONG_GENERIC = tuple(sorted(t for t in GENERIC_TOKENS if len(t) >= 6))


@lru_cache(maxsize=200_000)
def is_generic(token: str) -> bool:
    """A generic word, or a misspelling of a long one (TRDING, TECHOLOGY): it must not look distinctive."""
    if token in GENERIC_TOKENS:
        return True
    if len(token) < 6:
        return False
    allowed = 1 if len(token) < 9 else 2
    hit = process.extractOne(token, _LONG_GENERIC, scorer=Levenshtein.distance, score_cutoff=allowed)
    return hit is not None


@lru_cache(maxsize=200_000)
def folded(name: str) -> str:
    """Upper-case ASCII words of a name, generic words included."""
    return normalise_key_text(name[:1000])


@lru_cache(maxsize=500_000)
def _metaphone(token: str) -> str:
    return jellyfish.metaphone(token) if token.isalpha() else token


@lru_cache(maxsize=200_000)
def phonetic(name: str) -> str:
    """Metaphone keys of the distinctive words, sorted: KHAN / HAN, YURI / IURI spell alike."""
    return " ".join(sorted(_metaphone(t) for t in distinctive(name).split()))


@lru_cache(maxsize=200_000)
def distinctive(name: str) -> str:
    """Upper-case ASCII tokens of a name without generic words (empty if nothing else is left)."""
    return " ".join(
        t for t in _collapse_initials(normalise_key_text(name[:1000]).split()) if not is_generic(t)
    )


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


def rare_alignment(a: str, b: str, weight: Callable[[str], float]) -> float:
    """Rarity-weighted word alignment: a shared common word (SEMICONDUCTOR) says little, rare ones much."""
    ta, tb = a.split()[:12], b.split()[:12]
    if not ta or not tb:
        return 0.0
    sims = [[fuzz.ratio(x, y) / 100.0 for y in tb] for x in ta]
    wa = [weight(x) for x in ta]
    wb = [weight(y) for y in tb]
    if sum(wa) <= 0 or sum(wb) <= 0:
        return 0.0
    forward = sum(max(row) * w for row, w in zip(sims, wa, strict=True)) / sum(wa)
    backward = sum(max(col) * w for col, w in zip(zip(*sims, strict=True), wb, strict=True)) / sum(wb)
    joined = fuzz.ratio("".join(ta), "".join(tb)) / 100.0  # JAMALNEHME / JAMAL NEHME
    return max(min(forward, backward), joined if joined >= 0.9 else 0.0)


@dataclass(frozen=True)
class PairScores:
    score: np.ndarray  # float32 in [0, 1]
    name_similarity: np.ndarray  # float32 in [0, 1]
    country: np.ndarray  # int8: 1 agree, -1 conflict, 0 unknown


def score_pairs(
    query_names: Sequence[str],
    target_names: Sequence[str],
    blocking_similarity: np.ndarray,
    query_countries: Sequence[str],
    target_countries: Sequence[Sequence[str]],
    token_weight: Callable[[str], float] | None = None,
) -> PairScores:
    """Score aligned pairs ``(query_names[i], target_names[i])``; all inputs have one row per pair."""
    a = [distinctive(n) for n in query_names]
    b = [distinctive(n) for n in target_names]
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
                rare = rare_alignment(a[k], b[k], token_weight)
                name_sim[k] = min(name_sim[k], 0.5 * name_sim[k] + 0.5 * rare)
    else:
        name_sim = np.zeros(0, np.float32)
    empty = np.array([not x or not y for x, y in zip(a, b, strict=True)], dtype=bool)
    name_sim[empty] = 0.0
    country = np.zeros(len(a), dtype=np.int8)
    for i, (qc, tcs) in enumerate(zip(query_countries, target_countries, strict=True)):
        if qc and len(tcs):
            country[i] = 1 if qc in tcs else -1
    adjust = np.where(country == 1, COUNTRY_AGREE, np.where(country == -1, COUNTRY_CONFLICT, 0.0))
    score = NAME_WEIGHT * name_sim + BLOCK_WEIGHT * np.asarray(blocking_similarity, np.float32) + adjust
    return PairScores(np.clip(score, 0.0, 1.0).astype(np.float32), name_sim, country)


def explain(
    query_name: str, target_name: str, alias_kind: str, name_sim: float, block_sim: float, country: int
) -> list[str]:
    """The reasons a user sees for one scored pair."""
    shared = sorted(set(distinctive(query_name).split()) & set(distinctive(target_name).split()))
    reasons = [
        f"name '{query_name[:200]}' ~ {alias_kind} '{target_name}': "
        f"{name_sim:.0%} similar on distinctive words",
        f"rare words shared: {', '.join(shared) if shared else 'none exactly'} (key overlap {block_sim:.2f})",
    ]
    if country == 1:
        reasons.append("country agrees")
    elif country == -1:
        reasons.append("country differs")
    return reasons
