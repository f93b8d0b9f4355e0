"""Arabic letters that Persian, Urdu, Turkish and Malay romanisations write another way.

Arabic romanisations write the letters ḍād, ẓāʾ and dhāl as D, DH or Z, and thāʾ as TH; in
Persian, Urdu, Pashto and Turkish those letters are *pronounced* Z and S, and names borrowed
from Arabic are romanised as they are said there: ZIA / DIYA, REZA / RIDA, FAZL / FADL, QAZI /
QADI, KHIZR / KHIDR, RAMAZAN / RAMADAN, NAZIR / NADHIR, OSMAN / UTHMAN. Malay and Indonesian
spelling writes SH as SY (SYAWAL / SHAWAL, ROSYID), Turkish writes J as C (CEMAL / JAMAL). The
two words share few letters (ZIA / DIYA: 0.57), so the alignment of :mod:`graph.resolve.align`
leaves them unpaired and the first-name rule reads two people.

:func:`shifted_key` rewrites a word with those correspondences and then takes its romanisation
key; two words that differ as written but have one shifted key are one name. The test is kept
strict: the rewritten words must also agree letter for letter within :data:`MIN_RATIO` (a bare
consonant key of short words — PEREZ / ALBERTO — is not enough), and a shift must be what makes
them agree (a Z, DH, TH, SY or C on one side where the other writes the Arabic letter's other
form).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

#: The rewritten words agree at least this closely (rapidfuzz ratio, 0-100).
MIN_RATIO = 80
#: Words shorter than this are left alone: too few letters to tell a shift from another name.
MIN_LETTERS = 3

#: Longest first. DH / D / Z → Z (ḍād, ẓāʾ, dhāl); TH → S (thāʾ); SY → SH (Malay); C → J
#: (Turkish, not in CH / CK).
_SHIFTS = re.compile(r"DH|TH|SY|C(?![HK])|D")
_REPLACE = {"DH": "Z", "TH": "S", "SY": "SH", "C": "J", "D": "Z"}


def _shift(word: str) -> str:
    return _SHIFTS.sub(lambda m: _REPLACE[m.group(0)], word)


@lru_cache(maxsize=100_000)
def shifted_key(word: str) -> str:
    """``word`` with the correspondences above written one way, then its romanisation key."""
    from graph.resolve.align import romanisation_key  # align imports this module

    return romanisation_key(_shift(word))


@lru_cache(maxsize=100_000)
def same_shifted(a: str, b: str) -> bool:
    """``a`` and ``b`` are one name written with Persian / Urdu / Turkish / Malay letters for
    Arabic ones (ZIA / DIYA, FAZL / FADL, OSMAN / UTHMAN)."""
    if a == b or min(len(a), len(b)) < MIN_LETTERS:
        return False
    sa, sb = _shift(a), _shift(b)
    if sa == a and sb == b:
        return False  # nothing to rewrite: the other rules compare these words
    from graph.resolve.align import romanisation_key

    if romanisation_key(a) == romanisation_key(b):
        return False  # one name without a shift (VAHID / VAHIDI is the surname rule's)
    ratio = fuzz.ratio(sa, sb)
    return ratio >= MIN_RATIO and ratio > fuzz.ratio(a, b) and shifted_key(a) == shifted_key(b)
