"""Arabic names as Persian, Urdu, Turkish, French (Maghrebi) and Malay spelling writes them.

Arabic romanisations write the letters ḍād, ẓāʾ and dhāl as D, DH or Z, thāʾ as TH and qāf as
Q. In Persian, Urdu, Pashto and Turkish those letters are *pronounced* Z, S and GH (Persian),
and names borrowed from Arabic are romanised as they are said there: ZIA / DIYA, REZA / RIDA,
FAZL / FADL, QAZI / QADI, OSMAN / UTHMAN, GHASEM / QASIM, SADEGH / SADIQ, with the final
tāʾ marbūṭa as -EH (FATEMEH / FATIMA). Turkish writes J as C (CEMAL / JAMAL). French spelling
of Maghrebi names writes W as OU, SH as CH and S as C before E or I (OUALID / WALID, CHERIF /
SHARIF, KACEM / QASIM); Malay and Indonesian spelling writes SH as SY (ROSYID / RASHID); Russian
writes H as G and J as DZH (GUSEYN / HUSEYN, GADZHI / HAJI, IBRAGIM / IBRAHIM). The
two words share few letters (ZIA / DIYA: 0.57), so the alignment of :mod:`graph.resolve.align`
leaves them unpaired and the first-name and onset rules read two people.

:func:`same_shifted` rewrites both words in the spelling of one system at a time and compares
their romanisation keys. The test is kept strict: the rewritten words must also agree letter for
letter within :data:`MIN_RATIO` (a bare consonant key of short words — PEREZ / ALBERTO — is not
enough) and more closely than as written, and words one by their romanisation key already
(VAHID / VAHIDI, which the surname rule reads) are left to the other rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve.syllable_names import word_readings

#: The rewritten words agree at least this closely (rapidfuzz ratio, 0-100).
MIN_RATIO = 80
#: Words shorter than this are left alone: too few letters to tell a shift from another name.
MIN_LETTERS = 3

#: Each system: its letters (longest first), rewritten to the Arabic romanisation's letter or to
#: one letter both write. Persian / Urdu / Turkish: DH, D, Z → Z (ḍād, ẓāʾ, dhāl); TH → S
#: (thāʾ); GH → Q (qāf); a final EH → A (tāʾ marbūṭa); Turkish C → J (not in CH, CK).
#: French: OU before a vowel → W, CH → SH, C before E / I → S, DJ → J. Malay: SY → SH.
#: Russian: G → H (Cyrillic Г for h: GUSEYN / HUSEYN, also Ukrainian HRYHORY), ZH / DZH → J.
_SYSTEMS: tuple[tuple[re.Pattern[str], dict[str, str]], ...] = (
    (
        re.compile(r"DH|TH|GH|EH$|C(?![HK])|D"),
        {"DH": "Z", "TH": "S", "GH": "Q", "EH": "A", "C": "J", "D": "Z"},
    ),
    (
        re.compile(r"^OU(?=[AEI])|CH|C(?=[EI])|DJ"),
        {"OU": "W", "CH": "SH", "C": "S", "DJ": "J"},
    ),
    (re.compile(r"SY"), {"SY": "SH"}),
    (re.compile(r"DZH|ZH|G(?!H)"), {"DZH": "J", "ZH": "J", "G": "H"}),
)


_FRENCH = 1


def _one_syllable(word: str) -> bool:
    return any(len(reading) == 1 for reading in word_readings(word))


def _shifted(word: str, system: int) -> str:
    pattern, table = _SYSTEMS[system]
    return pattern.sub(lambda m: table[m.group(0)], word)


# Cached per word, so that a pair costs one set test: most pairs of a batch share no shifted
# key, and only those that do are compared letter by letter.
@lru_cache(maxsize=100_000)
def _keys(word: str) -> frozenset[tuple[int, str]]:
    """Per system: the romanisation key of ``word`` rewritten in its spelling."""
    from graph.resolve.align import romanisation_key  # align imports this module

    return frozenset((system, romanisation_key(_shifted(word, system))) for system in range(len(_SYSTEMS)))


def same_shifted(a: str, b: str) -> bool:
    """``a`` and ``b`` are one Arabic name in the spelling of two languages (ZIA / DIYA, FAZL /
    FADL, OSMAN / UTHMAN, GHASEM / QASIM, CHERIF / SHARIF, ROSYID / RASHID)."""
    if a == b or _keys(a).isdisjoint(_keys(b)) or min(len(a), len(b)) < MIN_LETTERS:
        return False
    from graph.resolve.align import romanisation_key

    if romanisation_key(a) == romanisation_key(b):
        return False  # one name without a shift (VAHID / VAHIDI is the surname rule's)
    written = fuzz.ratio(a, b)
    # CHEN / SHEN, CHANG / SHANG: two Chinese syllables, not a French CH
    syllable = ("CH" in a or "CH" in b) and (_one_syllable(a) or _one_syllable(b))
    for system, _ in sorted(_keys(a) & _keys(b)):
        if system == _FRENCH and syllable:
            continue
        sa, sb = _shifted(a, system), _shifted(b, system)
        ratio = fuzz.ratio(sa.replace("Q", "K"), sb.replace("Q", "K"))  # KACEM / QASIM
        if ratio >= MIN_RATIO and ratio > written:
            return True
    return False
