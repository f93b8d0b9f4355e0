"""Korean and Chinese person names compared syllable by syllable.

A Korean or Chinese name is a surname and a given name of one or two syllables, each syllable
a name element of its own: KIM KYONG HAK and KIM KYONG HYOK are two people, however close
their letters. Romanisation systems write one syllable in several ways (McCune-Reischauer
CH'OL, Revised CHEOL, informal CHUL; Wade-Giles HSIEN, pinyin XIAN; KYONG / GYEONG / KYUNG)
and join or split the syllables at will (TONG-CHOL, TONG CHOL, TONGCHOL; LINNA / LIN NA), but
they never write another syllable. So the word-by-word alignment, which credits HAK / HYOK
and MIN / MUN as spellings (same consonants), is wrong for these names, and:

* **syllable conflict** — both names are written entirely in romanised syllables and carry a
  Korean or Chinese surname, and their syllables, each reduced to a romanisation-free key
  (:func:`syllable_key`: initial sound class, glide, vowel class, final), do not pair one to
  one: a syllable of one name has no counterpart in the other (KYONG HAK / KYONG HYOK, MIN CHOL
  / CHOL, MINGGUO / MINGFU);
* **same syllables** — and when they do pair one to one, the two names are one name in two
  romanisations (pinyin ZHOU JIANGUO / Wade-Giles CHOU CHIEN-KUO), however differently the
  words are split: the name similarity is lifted to ``SYLLABLE_SIM`` of :mod:`graph.resolve.features`.

The keys fold only what romanisation systems vary: K / G, T / D, P / B, CH / J / TS / Z / Q,
S / SH / X / HS, R / L (and R, L or Y dropped before I: RI / LI / YI / I), O / EO / U / OO /
OU / EU (SONG / SEONG / SUNG, CHOL / CHUL), A / AE (PAK / PAEK), E / EI, I / EE, OE / OI,
N / NG, and a written glide (YO / YEO / YU, KWANG / GWANG). Names with a word that is no
romanised syllable (ERIC, NEIL) or with no known surname are left to the other rules.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

#: Surnames that mark a name as Korean or Chinese (romanised in the usual systems).
_SURNAMES = """
KIM RI LI LEE YI PAK PARK PAEK PAIK BAEK CHOE CHOI JONG JEONG CHONG CHUNG JANG CHANG KANG HAN HO
HONG JO CHO KWON YUN YOON SIN SHIN SONG OH RYU YU JU CHU MUN MOON SON HWANG JON JEON CHON
KO GO NAM RIM LIM IM JI CHI SO SEO SUH CHA KIL PYON YANG HYON HYUN KYE SOK SEOK KU KOO WON RYANG
RA PAE PANG CHEN CHAN WANG WONG ZHANG CHEUNG LIU LAU HUANG ZHAO CHIU WU NG ZHOU CHOW CHOU XU HSU
SUN MA ZHU HU GUO KWOK HE LIN LAM GAO LUO LAW ZHENG CHENG LIANG LEUNG XIE TSE TANG TONG FENG
FUNG DENG CAO TSAO PENG ZENG TSANG XIAO SIU TIAN DONG PAN YUAN YUEN CAI TSOI JIANG DU YE YIP
WEI SU LU DING REN SHEN YAO JIN KAM TAN TUAN QIAN CHIEN FANG SHI XIA HOU JIA MENG QIN YAN GU
KONG DAI FAN ZOU XIONG QIU WAN DUAN LEI HAO KUO CHIANG TSAI HSIEH LAI PAO KOI
"""
SURNAMES: frozenset[str] = frozenset(_SURNAMES.split())

_INITIAL = "TCH|KK|TT|PP|SS|JJ|CH|SH|ZH|TS|TZ|HS|K|G|N|D|T|R|L|M|B|P|S|J|H|F|Q|X|Z|C"
_NUCLEUS = "AE|AI|AO|AU|EO|EU|EI|OE|OI|OO|OU|UI|EE|A|E|I|O|U"
#: One romanised syllable: initial, glide (written Y or W, or a leading I / U / O of a vowel
#: group: XIAN, GUO, KOAN), vowel, final.
_SYLLABLE = re.compile(
    f"({_INITIAL})?([YW]|I(?=[AEOU])|U(?=[AEIO])|O(?=A))?({_NUCLEUS})(NG|N|M|K|T|L|P|R|H)?"
)

_INITIAL_CLASS = {
    "K": "K", "G": "K", "KK": "K",
    "T": "T", "D": "T", "TT": "T",
    "P": "P", "B": "P", "PP": "P",
    "CH": "C", "J": "C", "JJ": "C", "TCH": "C", "TS": "C", "TZ": "C", "Z": "C", "ZH": "C", "Q": "C",
    "C": "C",
    "S": "S", "SS": "S", "SH": "S", "X": "S", "HS": "S",
    "R": "L", "L": "L",
}  # fmt: skip
_VOWEL_CLASS = {
    "O": "O", "EO": "O", "U": "O", "OO": "O", "OU": "O", "EU": "O",
    "A": "A", "AE": "A", "E": "E", "AI": "A", "EI": "E",
    "I": "I", "EE": "I", "UI": "I",
    "OE": "WE", "OI": "WE",
    "AO": "AO", "AU": "AO",
}  # fmt: skip
#: (Wade-Giles writes a silent final H: CHIH, HSUEH.)
_FINAL_CLASS = {"NG": "N", "N": "N", "M": "M", "K": "K", "T": "L", "L": "L", "R": "L", "P": "P", "H": ""}
#: A joined word of at most this many syllables is split (TONGCHOL, MINGGUO, LINNA).
_MAX_SYLLABLES = 2


#: The stricter vowel classes of :func:`same_syllables`: a match must not join two names that
#: differ by a vowel or a final (CHEN / CHANG, SUN / SONG, ZHANG / ZHENG are other surnames).
_STRICT_VOWEL = {
    "O": "O", "EO": "O", "OU": "O", "U": "U", "OO": "U", "EU": "U",
    "A": "A", "AI": "AI", "AE": "E", "E": "E", "EI": "EI",
    "I": "I", "EE": "I", "UI": "UI", "OE": "WE", "OI": "WE", "AO": "AO", "AU": "AO",
}  # fmt: skip


def syllable_key(initial: str, glide: str, vowel: str, final: str, strict: bool = False) -> str:
    """Romanisation-free key of one syllable (see the module docstring); ``strict`` keeps the
    vowels and finals that name other syllables (A / E, N / NG) apart."""
    head = _INITIAL_CLASS.get(initial, initial)
    glide = {"I": "Y", "U": "W", "O": "W"}.get(glide, glide)
    klass = (_STRICT_VOWEL if strict else _VOWEL_CLASS).get(vowel, vowel)
    if klass == "WE":
        glide, klass = "", "WE"  # CHOE / CHOI / CHWE
    if head in ("L", "") and (glide == "Y" or klass == "I"):
        head = ""  # RI / LI / YI / I, RYU / YU
        if klass == "I":
            glide = ""
    if not strict:
        return f"{head}{glide}{klass}{_FINAL_CLASS.get(final, '')}"
    if final == "NG" and klass == "U":
        klass = "O"  # pinyin ZHONG / Wade-Giles CHUNG, Korean SONG / SUNG
    if final == "N" and glide == "Y" and klass == "A":
        klass = "E"  # pinyin JIAN / Wade-Giles CHIEN
    return f"{head}{glide}{klass}{'' if final == 'H' else final}"


def syllable_parts(text: str) -> tuple[str, str, str, str] | None:
    """``(initial, glide, vowel, final)`` of ``text`` read as one romanised syllable (parts
    not written are ""), or None when it is no syllable."""
    m = _SYLLABLE.fullmatch(text)
    if m is None:
        return None
    initial, glide, vowel, final = (g or "" for g in m.groups())
    return initial, glide, vowel, final


def initial_class(initial: str) -> str:
    """The sound class of a written initial that :func:`syllable_key` reads (G / K, J / CH / Z)."""
    return _INITIAL_CLASS.get(initial, initial)


def _as_syllable(text: str, strict: bool) -> str | None:
    parts = syllable_parts(text)
    return None if parts is None else syllable_key(*parts, strict=strict)


@lru_cache(maxsize=50_000)
def word_readings(word: str, strict: bool = False) -> tuple[tuple[str, ...], ...]:
    """Every reading of ``word`` as one or two romanised syllables, as keys (empty: not syllabic)."""
    out: list[tuple[str, ...]] = []
    one = _as_syllable(word, strict)
    if one is not None:
        out.append((one,))
    if _MAX_SYLLABLES >= 2:
        for cut in range(1, len(word)):
            first, second = _as_syllable(word[:cut], strict), _as_syllable(word[cut:], strict)
            if first is not None and second is not None:
                out.append((first, second))
    return tuple(dict.fromkeys(out))


def _readings(words: list[str], strict: bool = False) -> list[Counter[str]] | None:
    per_word = [word_readings(w, strict) for w in words]
    if not all(per_word):
        return None
    return [Counter(itertools.chain.from_iterable(combo)) for combo in itertools.product(*per_word)]


def is_syllabic_name(ordered: str) -> bool:
    """A name of at least two words, each one or two romanised syllables, with a Korean or
    Chinese surname among them."""
    words = ordered.split()
    return len(words) >= 2 and bool(SURNAMES.intersection(words)) and all(word_readings(w) for w in words)


@lru_cache(maxsize=100_000)
def _same_syllables(ordered_a: str, ordered_b: str, strict: bool) -> bool:
    readings_a, readings_b = _readings(ordered_a.split(), strict), _readings(ordered_b.split(), strict)
    if readings_a is None or readings_b is None:
        return False
    return any(ra == rb for ra in readings_a for rb in readings_b)


def syllable_conflict(ordered_a: str, ordered_b: str) -> bool:
    """Two Korean or Chinese names whose syllables do not pair one to one under every way of
    splitting their joined words (see the module docstring)."""
    if not (is_syllabic_name(ordered_a) and is_syllabic_name(ordered_b)):
        return False
    return not _same_syllables(ordered_a, ordered_b, False)


def same_syllables(ordered_a: str, ordered_b: str) -> bool:
    """Two Korean or Chinese names made of the same syllables, up to romanisation, joins and
    order: ZHOU JIANGUO / CHOU CHIEN KUO (pinyin / Wade-Giles), KIM JONG UN / KIM CHONG-UN. The
    syllables are read with the stricter keys (``strict``): CHEN WEI / CHANG WEI are not one."""
    both = is_syllabic_name(ordered_a) and is_syllabic_name(ordered_b)
    return both and _same_syllables(ordered_a, ordered_b, True)


def unpaired_syllables(ordered_a: str, ordered_b: str) -> tuple[str, str]:
    """The words of each name that hold a syllable without a counterpart (for the reasons)."""
    words_a, words_b = ordered_a.split(), ordered_b.split()
    keys_b = Counter(k for w in words_b for k in (word_readings(w) or ((),))[0])
    keys_a = Counter(k for w in words_a for k in (word_readings(w) or ((),))[0])

    def lone(words: list[str], other: Counter[str]) -> str:
        return " ".join(w for w in words if not any(set(r) <= set(other) for r in word_readings(w)))

    return lone(words_a, keys_b), lone(words_b, keys_a)
