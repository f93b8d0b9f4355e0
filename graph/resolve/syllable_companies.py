"""Korean and Chinese company names a whole syllable apart: two companies, not one name.

DPRK and Chinese companies are named by romanised syllables written as one word (JINSONG,
YONGJIN, HUAXIN), and the lists hold companies whose names differ by one syllable: JINSONG
JOINT BANK and JINMYONG JOINT BANK, YONGJIN and PYONGJIN SHIP MANAGEMENT are four OFAC
entries. A letter or two apart in a long name, they score as one name on letters; but a
syllable is a word of its own, and romanisation systems spell a syllable several ways (SONG /
SEONG / SUNG, KYONG / GYEONG) without ever writing another (:mod:`graph.resolve.syllable_names`
for person names, whose rule needs a surname).

Two company names differ by a **swapped syllable** when

* every distinctive word is the same but one on each side, and each of those two words is two
  syllables of the Korean or Chinese systems written together: a known initial (not a lone C:
  CO-, CAL-), a vowel, and an open end or one of the finals those systems write (N, NG, K, L, M,
  P: an R or T closing a syllable is English or Spanish, SOLMAR, HORTA);
* the two words share one syllable in the same place (JIN·SONG / JIN·MYONG, YONG·JIN /
  PYONG·JIN), read with the keys of :func:`graph.resolve.syllable_names.syllable_key`;
* the other two syllables start with sounds no romanisation writes for one another (S / M; none
  / P), which a vowel slip does not do: RYONHA / RYENHA, YIXIN / YUXIN, GUIZHOU / GUOZHOU stay one
  name. The Korean initial-sound law (RODONG / NODONG, RYONG / NYONG / YONG) and Wade-Giles J for
  pinyin R (JEN / REN) write one sound, so those are not different starts;
* one of them ends in NG, the mark of these romanisations: an English or Spanish word of two
  syllables-alike with a slip at a start (TODO / YODO, JAPAN / KAPAN) has none, and stays one
  name; or, for Chinese syllables with open ends (HUA·FEI / HUA·WEI), both names write the same
  Chinese place (BEIJING, DONGGUAN, HONG KONG, CHINA: the gazetteer of
  :mod:`graph.resolve.place_qualifiers`), a second sign, independent of the two words, that the
  name is Chinese;
* both words are words of list entries (``known``: the table of :mod:`graph.resolve.siblings`).
  A clerk's slip at a syllable's start also makes a swap: of the one-letter slips of the list
  words of two syllables with an NG, about one substitution or deletion in ten does; but a slip
  almost never writes another listed word (fewer than two in a thousand do), while two listed
  companies a syllable apart are what this rule is for. With the Chinese place, one listed word
  is enough when the other is no keying slip of it (a dropped, added or doubled letter, two
  neighbours swapped, a key next to the right one: :func:`graph.resolve.typo_words.neighbour_keys`):
  HUAFEI is no slip of listed HUAWEI (F and W are far apart), HUAQEI would be; and
* no reading of the two words pairs their syllables one to one (a romanisation of one name:
  JINSONG / JINSUNG), nor makes the difference a slip within one syllable (MIN·ING / MIN·ONG, an
  English word mistyped, read also as MI·NING / MI·NONG).

One letter struck at a word's start also makes such a pair (YONGJIN / PYONGJIN), so the name
alone cannot settle it: the rule holds the pair at review (``features.contributions``), for a
reader of the record, rather than sending it to no match.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA

from graph.resolve.place_qualifiers import gazetteer
from graph.resolve.syllable_names import initial_class, syllable_key, syllable_parts
from graph.resolve.typo_words import neighbour_keys

#: Finals of a syllable of the Korean or Chinese systems (open: "").
FINALS = frozenset({"", "N", "NG", "K", "L", "M", "P"})
#: Two written initials that are one sound in some romanisation: Wade-Giles J is pinyin R.
_ONE_SOUND = frozenset({frozenset({"J", "R"})})
#: Countries whose places mark a name as Chinese (the mainland, Hong Kong, Macau, Taiwan).
CHINESE = frozenset({"cn", "hk", "mo", "tw"})


@dataclass(frozen=True)
class Syllable:
    """One syllable of a word: as written, its key, the class of its initial sound, its final."""

    text: str
    key: str
    onsets: frozenset[str]  # the classes its initial sound may be read as (see _onsets)
    initial: str
    final: str


@dataclass(frozen=True)
class SyllableSwap:
    """Why two names are two companies: the differing words, the syllable they share, and the
    two that differ."""

    word_a: str
    word_b: str
    shared: str
    syllable_a: str
    syllable_b: str

    def describe(self) -> str:
        return (
            f"the names differ only in {self.word_a!r} / {self.word_b!r}, Korean or Chinese words of "
            f"two romanised syllables: {self.shared!r} is in both, but {self.syllable_a!r} and "
            f"{self.syllable_b!r} have no counterpart, and a romanisation spells a syllable other ways "
            "but never writes another: another syllable names another company (held for review, "
            "as a slip of one letter can do the same)"
        )


def _onsets(initial: str, glide: str, vowel: str) -> frozenset[str]:
    """The classes of a syllable's initial sound, with what Korean drops or swaps at a word's
    start read as one: L / N before Y or I as none as well (RYONG / NYONG / YONG, RI / NI / I),
    L as N (RODONG / NODONG)."""
    head = initial_class(initial)
    if head not in ("L", "N"):
        return frozenset({head})
    return frozenset({"N", ""}) if glide in ("Y", "I") or vowel == "I" else frozenset({"N"})


def _syllable(text: str) -> Syllable | None:
    parts = syllable_parts(text)
    if parts is None:
        return None
    initial, glide, vowel, final = parts
    if initial == "C" or final not in FINALS:
        return None
    return Syllable(text, syllable_key(*parts), _onsets(initial, glide, vowel), initial, final)


@lru_cache(maxsize=20_000)
def two_syllables(word: str) -> tuple[tuple[Syllable, Syllable], ...]:
    """Every reading of ``word`` as two syllables of the Korean or Chinese systems (see the
    module docstring), in order; empty when it has none."""
    out = []
    for cut in range(1, len(word)):
        first, second = _syllable(word[:cut]), _syllable(word[cut:])
        if first is not None and second is not None:
            out.append((first, second))
    return tuple(out)


def _one_sound(a: Syllable, b: Syllable) -> bool:
    return bool(a.onsets & b.onsets) or frozenset({a.initial, b.initial}) in _ONE_SOUND


@lru_cache(maxsize=20_000)
def swapped_syllable(word_a: str, word_b: str, chinese: bool = False) -> SyllableSwap | None:
    """The swap that tells ``word_a`` from ``word_b`` (see the module docstring), or None;
    ``chinese``: the names write a Chinese place, which stands for the NG."""
    pairs = [(x, y) for x in two_syllables(word_a) for y in two_syllables(word_b)]
    # One word in two romanisations (JINSONG / JINSUNG), or a reading that makes the difference a
    # slip in one syllable's vowel or final (MIN·ING / MIN·ONG, not MI·NING / MI·NONG): one name.
    if any(sorted(s.key for s in x) == sorted(s.key for s in y) for x, y in pairs):
        return None
    swaps = []
    for x, y in pairs:
        for same, other in ((0, 1), (1, 0)):
            if x[same].key != y[same].key:
                continue
            if _one_sound(x[other], y[other]):
                return None
            if chinese or "NG" in (x[other].final, y[other].final):
                swaps.append(SyllableSwap(word_a, word_b, x[same].text, x[other].text, y[other].text))
    return swaps[0] if swaps else None


@lru_cache(maxsize=20_000)
def chinese_place(words: tuple[str, ...]) -> bool:
    """``words`` (a name's, in order) write a place of China, Hong Kong, Macau or Taiwan: a word
    or two words together (HONG KONG) of the gazetteer."""
    table = gazetteer()
    phrases = list(words) + [f"{a} {b}" for a, b in pairwise(words)]
    return any(p in table and table[p].countries <= CHINESE for p in phrases)


def _keying_slip(x: str, y: str) -> bool:
    """``x`` and ``y`` differ by one keying slip anywhere, the first letter too: a letter dropped
    or added, two neighbours swapped, or a key struck next to the right one."""
    if OSA.distance(x, y) != 1:
        return False
    diff = [i for i in range(min(len(x), len(y))) if x[i] != y[i]]
    return len(x) != len(y) or len(diff) == 2 or neighbour_keys(x[diff[0]], y[diff[0]])


def syllable_swap(core_a: str, core_b: str, known: Container[str]) -> SyllableSwap | None:
    """The swapped syllable of two names' distinctive words (space-separated), or None: exactly
    one word of each is not in the other, both are ``known`` (words of list entries), and they
    differ by a syllable with an NG; or both names write a Chinese place, one word is ``known``
    and the other no keying slip of it."""
    words_a, words_b = set(core_a.split()), set(core_b.split())
    lone_a, lone_b = words_a - words_b, words_b - words_a
    if len(lone_a) != 1 or len(lone_b) != 1:
        return None
    word_a, word_b = next(iter(lone_a)), next(iter(lone_b))
    listed = (word_a in known) + (word_b in known)
    if listed == 2:
        swap = swapped_syllable(word_a, word_b)
        if swap is not None:
            return swap
    if listed == 0 or not (two_syllables(word_a) and two_syllables(word_b)):
        return None
    if listed == 1 and _keying_slip(word_a, word_b):
        return None
    # A Chinese place both names write (the shared words, in the order of ``core_a``).
    if not chinese_place(tuple(w for w in core_a.split() if w in words_b)):
        return None
    return swapped_syllable(word_a, word_b, chinese=True)
