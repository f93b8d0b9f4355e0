"""Sibling entities told apart by how common their words are in the bundled sanctions lists.

A pure two-name comparison cannot know that HUAWEI starts 141 list entries: "HUAWEI CLOUD
CHILE" and "HUAWEI CHILE" share every word of the shorter name, so the name similarity is high,
yet the extra word is what tells the Huawei subsidiaries apart. The table
``data/reference/list_token_df.csv`` (built by ``scripts/build_list_token_df.py`` from
``data/lists/``; see ``data/reference/SOURCE.md``) holds, per distinctive word, the number of
company entries of the bundled lists that use it. It is loaded once and never changes at run
time, so the scorer stays a pure function of the two records.

A pair is a **sibling by a rare extra word** when the names share a distinctive word, only one
name keeps distinctive words without a counterpart in the other name (a counterpart is a typo,
a cut word or an initial, see ``word_partners.partners``, searched among all the other name's
words, generic ones and its legal form included, so that "SYSTESM" finds SYSTEMS), and one of
those extra words

* is rare in the lists (in at most :data:`RARE_EXTRA` entries) while every shared word is
  common (in at least :data:`COMMON_STEM` entries): a family stem plus what identifies the
  member ("GAZPROM GAZNADZOR" / "GAZPROM", "GHADIR ETEZAD INVESTMENT" / "GHADIR INVESTMENT"); or
* is a word of :data:`UNKNOWN_MIN_LETTERS` letters or more that no list entry uses, a coined
  brand word ("EMBERPATH MERIDIAN INDUSTRIAL CONTROLS" / "MERIDIAN INDUSTRIAL CONTROLS").

When both names keep such words, ``features.lone_words`` (unpaired words) applies instead.

A pair is also a sibling by a **coined variant** when each name keeps a word no list entry uses
and the two are one coined part with another swapped or added: LEADPORT / JADEPORT, SHENGPOINT /
ORIONPOINT, LUMEN / LUMENWORKS (see :func:`coined_variant`). A typo changes a letter or two.

A pair is a sibling by a **swapped syllable** when the names differ only in one Korean or
Chinese word of two romanised syllables each, and those words share one syllable but not the
other: JINSONG / JINMYONG (:mod:`graph.resolve.syllable_companies`).

A pair is a sibling by a **short code** when the names differ only in a code of a few letters or
initials that differs by more than a keying slip: AQ / BQ, ABC / XBC WIDGETWORKS
(:mod:`graph.resolve.short_codes`).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from rapidfuzz import fuzz

from graph.resolve.acronyms import MIN_OWN, spelled_run
from graph.resolve.names import NameForm
from graph.resolve.short_codes import ShortCode, short_code
from graph.resolve.syllable_companies import SyllableSwap, syllable_swap
from graph.resolve.word_partners import WORD_PARTNER, partners

TOKEN_DF_TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "list_token_df.csv"

#: Every shared word in at least this many list entries: the shared part is a family stem.
COMMON_STEM = 20
#: An extra word in at most this many list entries identifies a member of the family.
RARE_EXTRA = 9
#: An extra word no list entry uses counts when it has at least this many letters (shorter
#: ones are mostly mangled legal forms in trade names: "TSLC" for LLC, "STI").
UNKNOWN_MIN_LETTERS = 5
#: Words of one or two letters (initials, particles) never count as extra words.
MIN_EXTRA_LETTERS = 3
#: Coined words (in no list entry) that share a prefix or suffix of this many letters ...
COINED_AFFIX = 4
#: ... and differ by a swapped part of this many letters on each side, or ...
COINED_SWAP = 3
#: ... by a part of this many letters added on one side, are two brand names.
COINED_ADDED = 4
#: Field separator of the packed name strings (see :func:`pack`).
SEP = "\t"


def read_token_df(path: Path) -> Mapping[str, int]:
    """Read a word-count table (``word,entries`` rows after ``#`` comment lines)."""
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        header = next(rows, None)
        if header != ["word", "entries"]:
            raise ValueError(f"{path}: expected the header 'word,entries', got {header!r}")
        for row_no, row in enumerate(rows, start=1):
            if len(row) != 2 or not row[1].isdigit():
                raise ValueError(f"{path}: data row {row_no}: expected 'word,entries', got {row!r}")
            counts[row[0]] = int(row[1])
    return MappingProxyType(counts)


@cache
def token_df() -> Mapping[str, int]:
    """Word → number of company entries of the bundled lists using it (read once)."""
    return read_token_df(TOKEN_DF_TABLE)


@dataclass(frozen=True)
class RareExtra:
    """Why a pair is a sibling: the extra word, its side, and the list counts compared."""

    word: str
    side: str  # "a" or "b": the name that keeps the word
    word_entries: int
    stem: str  # the least common shared word
    stem_entries: int

    def describe(self) -> str:
        if self.word_entries == 0:
            why = "a word no entry of the bundled lists uses"
        else:
            why = (
                f"in {self.word_entries} entries of the bundled lists, while the shared "
                f"{self.stem!r} is in {self.stem_entries}: a family stem"
            )
        return (
            f"only one name keeps the distinctive word {self.word!r} ({why}): a sibling entity "
            "that shares the stem, not another spelling of the same name"
        )


def other_words(form: NameForm) -> str:
    """The words of a name that may be the counterpart of the other name's extra word: every
    word as written, generic words and legal form included ("TARDE" finds TRADE, "SERVCIES"
    finds SERVICES). The folded name as is: no new string per name, so preparing stays cheap."""
    return form.folded


def pack(core: str, others: str) -> str:
    """One name as the rule reads it: its sorted distinctive words, then :func:`other_words`,
    separated by :data:`SEP`."""
    return f"{core}{SEP}{others}"


def _typo_of(word: str, other: str) -> bool:
    """``word`` may be a misspelling or a cut of ``other``, a word that is not distinctive
    (generic, legal form): "SERVCIES" / SERVICES, "TARDE" / TRADE. Initials do not count here:
    every L-word would otherwise find LTD."""
    if fuzz.ratio(word, other) >= WORD_PARTNER * 100:
        return True
    short, long_ = (word, other) if len(word) <= len(other) else (other, word)
    return len(short) >= MIN_EXTRA_LETTERS and long_.startswith(short)


def _extra(words: set[str], shared: set[str], other_core: set[str], other_rest: set[str]) -> list[str]:
    """The words of ``words`` beyond ``shared`` with no counterpart on the other side."""
    return sorted(
        w
        for w in words - shared
        if len(w) >= MIN_EXTRA_LETTERS
        and not any(partners(w, o) for o in other_core - shared)
        and not any(_typo_of(w, o) for o in other_rest - other_core - {w})
    )


def _own_acronym(word: str, own: list[str]) -> bool:
    """``word`` is the initials of a run of its own name's other words (IIB of "ISLAMIC
    INTERNATIONAL BRIGADE (IIB)"): it repeats words the name already has, so it names no member
    of a family — the words it initials are compared themselves."""
    return len(word) >= MIN_OWN and spelled_run(word, [w for w in own if w != word]) is not None


def rare_extra(packed_a: str, packed_b: str) -> RareExtra | None:
    """The sibling evidence of two packed names (see the module docstring), or None."""
    core_a, _, rest_a = packed_a.partition(SEP)
    core_b, _, rest_b = packed_b.partition(SEP)
    words_a, words_b = set(core_a.split()), set(core_b.split())
    shared = words_a & words_b
    if not shared or words_a == words_b:
        return None
    own_a, own_b = rest_a.split(), rest_b.split()
    extra_a = [w for w in _extra(words_a, shared, words_b, set(own_b)) if not _own_acronym(w, own_a)]
    extra_b = [w for w in _extra(words_b, shared, words_a, set(own_a)) if not _own_acronym(w, own_b)]
    if bool(extra_a) == bool(extra_b):
        return None
    side, extra = ("a", extra_a) if extra_a else ("b", extra_b)
    df = token_df()
    word = min(extra, key=lambda w: (df.get(w, 0), -len(w), w))
    stem = min(shared, key=lambda w: (df.get(w, 0), w))
    word_n, stem_n = df.get(word, 0), df.get(stem, 0)
    unknown = word_n == 0 and len(word) >= UNKNOWN_MIN_LETTERS
    family = stem_n >= COMMON_STEM and word_n <= RARE_EXTRA
    if not (unknown or family):
        return None
    return RareExtra(word, side, word_n, stem, stem_n)


@dataclass(frozen=True)
class CoinedVariant:
    """Two coined words (in no list entry) built on one part with the other part swapped."""

    word_a: str
    word_b: str
    common: str  # the shared prefix or suffix

    def describe(self) -> str:
        return (
            f"{self.word_a!r} and {self.word_b!r} are words no entry of the bundled lists uses, built "
            f"on {self.common!r} with another part: two coined brand names, not a typo of one"
        )


def _common_start(a: str, b: str) -> int:
    """Number of leading characters ``a`` and ``b`` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _coined_pair(a: str, b: str) -> str | None:
    """The common affix when ``a`` and ``b`` share a prefix or suffix of :data:`COINED_AFFIX`
    letters or more and differ by a swapped part (:data:`COINED_SWAP` letters or more on each
    side: LEADPORT / JADEPORT) or by an added part (:data:`COINED_ADDED` letters or more on one
    side: LUMEN / LUMENWORKS). Typos change a letter or two; transliterations keep the shape."""
    prefix = _common_start(a, b)
    suffix = min(_common_start(a[::-1], b[::-1]), min(len(a), len(b)) - prefix)
    if max(prefix, suffix) < COINED_AFFIX:
        return None
    rest_a, rest_b = len(a) - prefix - suffix, len(b) - prefix - suffix
    swapped = min(rest_a, rest_b) >= COINED_SWAP
    added = min(rest_a, rest_b) == 0 and max(rest_a, rest_b) >= COINED_ADDED
    if not (swapped or added):
        return None
    return a[:prefix] if prefix >= suffix else a[len(a) - suffix :]


def coined_variant(core_a: str, core_b: str) -> CoinedVariant | None:
    """Sibling evidence from two distinctive words unknown to the lists (see :func:`_coined_pair`)."""
    df = token_df()
    words_a, words_b = set(core_a.split()), set(core_b.split())
    rest_a = sorted(w for w in words_a - words_b if w not in df)
    rest_b = sorted(w for w in words_b - words_a if w not in df)
    for wa in rest_a:
        for wb in rest_b:
            common = _coined_pair(wa, wb)
            if common:
                return CoinedVariant(wa, wb, common)
    return None


Evidence = RareExtra | SyllableSwap | CoinedVariant | ShortCode


def sibling_evidence(packed_a: str, packed_b: str) -> Evidence | None:
    """The first sibling evidence found between two packed names (see the module docstring), a
    swapped syllable (:mod:`graph.resolve.syllable_companies`) and a short code that differs
    (:mod:`graph.resolve.short_codes`) included."""
    found = rare_extra(packed_a, packed_b)
    if found is not None:
        return found
    core_a, core_b = packed_a.partition(SEP)[0], packed_b.partition(SEP)[0]
    swap = syllable_swap(core_a, core_b, token_df())
    if swap is not None:
        return swap
    coined = coined_variant(core_a, core_b)
    if coined is not None:
        return coined
    return short_code(packed_a, packed_b)


#: The batch column's values: which sibling evidence :func:`sibling_evidence` found.
NO_SIBLING, RARE_SIBLING, SHORT_CODE_SIBLING, SYLLABLE_SIBLING = 0.0, 1.0, 2.0, 3.0


def is_sibling(packed_a: str, packed_b: str) -> float:
    """The batch column: :data:`RARE_SIBLING` for a rare extra word or a coined word swapped,
    :data:`SHORT_CODE_SIBLING` for a short code that differs (weighed on its own: the shared
    words are all the same, so the name similarity is near 1 and outweighs the rare-word weight),
    :data:`SYLLABLE_SIBLING` for a swapped syllable (held at review: a cap, not a weight),
    :data:`NO_SIBLING` for none."""
    found = sibling_evidence(packed_a, packed_b)
    if found is None:
        return NO_SIBLING
    if isinstance(found, SyllableSwap):
        return SYLLABLE_SIBLING
    return SHORT_CODE_SIBLING if isinstance(found, ShortCode) else RARE_SIBLING
