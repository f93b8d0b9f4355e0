"""Sibling companies told apart by a short code: "AQ WIDGETWORKS" / "BQ WIDGETWORKS".

Whole-name similarity hides a code of two or three letters (or a run of initials, "A.Q.")
inside a longer name: one letter of AQ / BQ changes a few percent of the name, yet half of
the code, and the code is what tells two group companies apart ("ABC LOGISTICS" / "XBC
LOGISTICS", "K.A. HOLDINGS" / "K.B. HOLDINGS"). A keying slip changes a letter of a long
word; a code is too short for one changed letter to be a slip.

A pair differs by a **short code** when each name keeps exactly one code — a distinctive word of
:data:`MIN_CODE_LETTERS` to :data:`MAX_CODE_LETTERS` letters, or a run of single-letter words
(initials, read in the order written) — the two codes have as many letters and differ, and every
other distinctive word is the same on both sides. One changed letter is enough ("ABC" / "XBC"):
a group names its companies by such codes, and a letter of three is a third of the name that
matters. What a clerk's hand or a romanisation does to a code is not a code: the same letters
reordered (QA / AQ), one key struck for its neighbour on the keyboard (IS / ID, OMZ / OMX, KAI /
KAO), one letter romanised two ways (RFC / RFK, DAY / DEY, AY / AI: aliases of one entry in the
bundled lists) and one letter changed in a three-letter legal-form abbreviation written inside
the name (LLC / ZLC: a mistyped form, not a company's code) are slips, and the pair stays one
name. A code on one side only is not this rule (an added word: :mod:`graph.resolve.siblings`),
nor are codes of two lengths (AB / ABC): a letter dropped from a code (SME / SM BANK, AID / AI)
is the commonest slip in the lists, and names alone cannot tell it from a longer code. Legal
forms at the edges and generic words are not distinctive, so never codes; numbers are compared
by their own feature.

Group companies share a country and often a building, so for a pair told apart by a short code
an agreeing country or address counts for nothing (``features.contributions``); a country that
differs still counts against.

It reads the packed names of :func:`graph.resolve.siblings.pack` (sorted distinctive words,
then every word as written), so the batch scorer and ``compare`` see the same evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from graph.resolve.names import legal_forms
from graph.resolve.romanise import roman_key
from graph.resolve.typo_words import neighbour_keys

#: A distinctive word of at most this many letters is a code (AQ, ABC), not a word a slip hits.
MAX_CODE_LETTERS = 3
#: A code has at least this many letters: a lone letter is as often a particle (LASHKAR I / E
#: JHANGVI) as an initial.
MIN_CODE_LETTERS = 2
#: Vowels and the semivowels written for them (Arabic و as U or W, ي as I or Y): one changed for
#: another is a romanisation of one name, not another code.
VOWELS = frozenset("AEIOUYW")
#: Field separator of the packed name strings (``siblings.SEP``; not imported: siblings imports us).
SEP = "\t"


@dataclass(frozen=True)
class ShortCode:
    """Why a pair is a sibling: the two codes and the words the names share."""

    code_a: str
    code_b: str
    shared: str

    def describe(self) -> str:
        return (
            f"the names differ only in the short code {self.code_a!r} vs {self.code_b!r} (the other "
            f"distinctive words, {self.shared!r}, are the same): a code of a few letters or initials "
            "that differs by more than a keying slip names a sibling company, not a mistyped name"
        )


@lru_cache(maxsize=200_000)  # read twice per pair; a name meets several candidates
def codes(packed: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(codes, other distinctive words) of one packed name. Initials are read in the order the
    name writes them ("Q.A." is QA, not AQ), from every word as written: a run of single letters
    is the distinctive words it was read as (one word, QA, or one per dotted group, TGA DOO:
    :func:`graph.resolve.initial_runs.joined_runs`)."""
    core, _, written = packed.partition(SEP)
    left = Counter(core.split())
    found: list[str] = []
    run: list[str] = []
    for word in [*written.split(), ""]:  # "" closes a last run of initials
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        found += _run_codes(run, left)
        run = []
        if 1 < len(word) <= MAX_CODE_LETTERS and word.isalpha() and left[word] > 0:
            left[word] -= 1
            found.append(word)
    return tuple(found), tuple(sorted(left.elements()))


def _run_codes(run: list[str], left: Counter[str]) -> list[str]:
    """The distinctive words (still in ``left``, which loses them) a run of single letters was
    read as, longest first from each letter on; a letter read as none (a stop-word) is skipped."""
    found: list[str] = []
    i = 0
    while i < len(run):
        j = next((j for j in range(len(run), i, -1) if left["".join(run[i:j])] > 0), i)
        if j == i:
            i += 1
            continue
        word = "".join(run[i:j])
        left[word] -= 1
        found.append(word)
        i = j
    return found


def _differing(a: str, b: str) -> int:
    """Letters of two codes of one length that differ, place by place."""
    return sum(x != y for x, y in zip(a, b, strict=True))


def short_code(packed_a: str, packed_b: str) -> ShortCode | None:
    """The short-code evidence of two packed names (see the module docstring), or None."""
    codes_a, rest_a = codes(packed_a)
    codes_b, rest_b = codes(packed_b)
    if len(codes_a) != 1 or len(codes_b) != 1 or not rest_a or rest_a != rest_b:
        return None
    a, b = codes_a[0], codes_b[0]
    if len(a) != len(b) or len(a) < MIN_CODE_LETTERS or sorted(a) == sorted(b):
        return None  # two lengths, too short, or the same letters reordered (QA / AQ): a slip
    if _differing(a, b) == 1 and _one_letter_slip(a, b):
        return None
    return ShortCode(a, b, " ".join(rest_a))


def _one_letter_slip(a: str, b: str) -> bool:
    """Codes ``a`` / ``b`` (one length, one letter apart) are one code keyed or romanised two
    ways: the letter struck for its neighbour key (IS / ID, OMZ / OMX), one sound romanised two ways
    (RFC / RFK BANK, AY / AI-PETRI: equal romanisation keys), a vowel romanised two ways (DAY /
    DEY BANK, AR / UR-RAHMAN, RAU / RAW PHARM: aliases of one entry in the lists), or a
    three-letter legal form mistyped (LLC / ZLC)."""
    x, y = next((x, y) for x, y in zip(a, b, strict=True) if x != y)
    if neighbour_keys(x, y) or roman_key(a) == roman_key(b) or (x in VOWELS and y in VOWELS):
        return True
    forms = legal_forms().table
    return len(a) == MAX_CODE_LETTERS and ((a,) in forms or (b,) in forms)
