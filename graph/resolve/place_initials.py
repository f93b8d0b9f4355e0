"""Soviet compound abbreviations opening with a place's initials: "OmPO Irtysh" is "Omsk Production
Union Irtysh".

Russian organisations abbreviate the place they are named for together with their type, in one
word: OmPO is the Omsk PO (proizvodstvennoe obedinenie, production association), VNII Vega the
Voronezh NII (scientific research institute), UPKB Detal the Ural PKB (design bureau). Neither
:mod:`graph.resolve.org_abbrev` (the type alone: PO, NII, PKB) nor an initialism
(:mod:`graph.resolve.acronyms`: every word initialled, in English) reads the word: the place gives
its first one or two letters, the type its own abbreviation.

:func:`same_by_initials` reads a word of one name as ``PREFIX + TYPE`` — ``TYPE`` a one-word
abbreviation of the table, ``PREFIX`` one or two letters — only against a name that writes that
type (in any of its spellings) and a word of ``MIN_PLACE_CHARS`` letters or more that the prefix
begins; with the prefix and its word set aside, the two names must be one name by
:func:`graph.resolve.org_translate.same_by_translation` (every organisational word paired, the
names proper agreeing on their own, ``MIN_REST_CHARS`` letters of them on each side). So "OmPO
Irtysh" is not "Omsk Production Union Ural", nor "VNII Vega" the "Voronezh Design Bureau Vega".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from graph.resolve import org_abbrev
from graph.resolve.org_translate import OrgView, same_by_translation

#: The place gives this many letters at most (Om-sk, Ch-elyabinsk, V-oronezh, U-ral).
MAX_PREFIX = 2
#: The word the prefix stands for has this many letters at least (a place name, not an initial).
MIN_PLACE_CHARS = 4
#: The names proper left on each side have this many letters at least ("OmPO AB" says too little).
MIN_REST_CHARS = 4


@dataclass(frozen=True)
class Initialled:
    """``word`` of one name read as ``prefix`` (a place's first letters) + the type ``concept``."""

    word: str
    prefix: str
    concept: str
    written: str  # the type as the word writes it (PKB of UPKB, concept KB)


@lru_cache(maxsize=1)
def _one_word_types() -> dict[str, str]:
    """One-word abbreviations of the type table → their concept (PKB → KB, NII → NII)."""
    return {
        p.words[0]: p.concept
        for group in org_abbrev.phrases().values()
        for p in group
        if len(p.words) == 1 and p.concept
    }


@lru_cache(maxsize=50_000)
def candidates(view: OrgView) -> tuple[Initialled, ...]:
    """The words of a name that may be a place's initials + a type abbreviation: a name proper
    (OMPO), or a type word written as itself that also reads so (VNII, all-Russian NII, is the
    Voronezh NII too)."""
    types = _one_word_types()
    as_type = set(view.org.split()) & set(view.written.split())
    out: list[Initialled] = []
    for word in dict.fromkeys(view.rest.split() + sorted(as_type)):
        for cut in range(1, MAX_PREFIX + 1):
            concept = types.get(word[cut:])
            if concept and len(word) - cut >= 2 and word[:cut].isalpha():
                out.append(Initialled(word, word[:cut], concept, word[cut:]))
    return tuple(out)


@lru_cache(maxsize=1)
def _bits() -> dict[str, int]:
    """A bit per type concept (63 of them at most share bits: a bit is a necessary condition)."""
    return {c: 1 << (i % 63) for i, c in enumerate(sorted(org_abbrev.concepts()))}


def candidate_bits(view: OrgView) -> int:
    """The bits of the types the name's words may be read as (:func:`candidates`), for the
    scorer's column-wise filter: a pair reaches :func:`same_by_initials` only when the other
    name writes one of them (:func:`type_bits`)."""
    bits = _bits()
    out = 0
    for hit in candidates(view):
        out |= bits[hit.concept]
    return out


def type_bits(view: OrgView) -> int:
    """The bits of the types the name writes (its organisational words that are type concepts)."""
    bits = _bits()
    out = 0
    for word in view.org.split():
        out |= bits.get(word, 0)
    return out


def _read(view: OrgView, hit: Initialled) -> OrgView:
    """``view`` with ``hit.word`` read as its type (the prefix set aside)."""
    org = Counter(view.org.split())
    rest = Counter(view.rest.split())
    if rest[hit.word]:
        rest[hit.word] -= 1
    else:
        org[hit.word] -= 1
    org[hit.concept] += 1
    return replace(
        view,
        org=" ".join(sorted(org.elements())),
        rest=" ".join(sorted(rest.elements())),
        translated=True,
        org_words=sum(org.values()),
        # The compound as written differs from any spelling of the type alone.
        written=" ".join(sorted([*view.written.split(), hit.word])),
    )


def _without(view: OrgView, word: str) -> OrgView:
    rest = Counter(view.rest.split())
    rest[word] -= 1
    return replace(view, rest=" ".join(sorted(rest.elements())))


def _one_way(x: OrgView, y: OrgView) -> tuple[Initialled, str] | None:
    for hit in candidates(x):
        if hit.concept not in y.org.split():
            continue
        for place in dict.fromkeys(y.rest.split()):
            if len(place) < MIN_PLACE_CHARS or not place.startswith(hit.prefix) or place in x.rest.split():
                continue
            read_x, read_y = _read(x, hit), _without(y, place)
            short = min(len(read_x.rest.replace(" ", "")), len(read_y.rest.replace(" ", "")))
            if short >= MIN_REST_CHARS and same_by_translation(read_x, read_y):
                return hit, place
    return None


def initialled_place(a: OrgView, b: OrgView) -> tuple[Initialled, str] | None:
    """The compound word of one name and the place word of the other it initials, when the two
    names are one name so read (module docstring); else None."""
    return _one_way(a, b) or _one_way(b, a)


def same_by_initials(a: OrgView, b: OrgView) -> bool:
    """The two names are one name once a compound abbreviation is read (module docstring)."""
    return initialled_place(a, b) is not None


def explain(a: OrgView, b: OrgView) -> list[tuple[str, str]]:
    """``(feature, detail)`` for two names :func:`same_by_initials` holds for."""
    found = initialled_place(a, b)
    if found is None:
        return []
    hit, place = found
    return [
        (
            "place_initials",
            f"{hit.word} is {hit.prefix} + {hit.written}: a compound abbreviation of the place "
            f"{place} ({hit.prefix}…) and the organisation type {hit.written} ({hit.concept}), which "
            "the other name writes; set aside, the other words agree",
        )
    ]
