"""An Arabic name and its diminutive are two names: HASAN / HUSAYN, HAMID / HUMAYD.

Arabic forms a diminutive (*tasghir*) of a three-consonant name by the pattern fu'ayl: U after
the first consonant, AY before the last — HASAN gives HUSAYN, HAMID HUMAYD, ABD UBAYD, SALIM
SULAYM, NASR NUSAYR. Each is a name of its own, borne by other people (Hasan and Husayn are
brothers), but both keep the consonants of the root, so the consonant skeleton that credits
MUHAMMAD / MOHAMMED as one name (:mod:`graph.resolve.align`) credits HASSAN / HUSAYN too
("Ali HASSAN KHALIL" / "Husayn KHALIL"). Romanisations of one name keep its vowel pattern
(HUSAYN, HUSSEIN, HOSSEIN, HUSAIN; HASAN, HASSAN), so an aligned pair where one word has the
diminutive shape and the other the plain CaCaC / CaCiC shape of the same consonants names two
people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.resolve.names import consonant_skeleton

_C = "[B-DF-HJ-NP-TV-Z]"
#: fu'ayl: an optional first consonant (ABD / UBAYD has none), U or O, a consonant (doubled
#: or not), the diphthong AY / EI / AI (Turkish HUSEYIN: EYI), the last consonant, an optional
#: feminine -A / -AH (UBAYDA).
_DIMINUTIVE = re.compile(rf"^({_C}{{1,2}}|)[UO]({_C})\2?(AY|EY|EI|AI|AYI|EYI)({_C})(A|AH)?$")
#: The plain name of three consonants: CaCaC, CaCiC, CaCCaC (HASAN, HASSAN, HAMID, SALIM).
_PLAIN = re.compile(rf"^({_C}{{1,2}}|)[AEI]({_C})\2?[AEI]{{1,2}}({_C})(A|AH)?$")


def _consonants(word: str) -> str:
    """The consonant skeleton without a leading vowel (ABID / UBAYD: BD)."""
    skeleton = consonant_skeleton(word)
    return skeleton[1:] if skeleton[:1] in ("A", "E", "I", "O", "U") else skeleton


@lru_cache(maxsize=20_000)
def diminutive_pair(a: str, b: str) -> bool:
    """One word is the diminutive of the other (HASSAN / HUSAYN): same consonants, the fu'ayl
    vowel pattern on one side only."""
    if a == b or _consonants(a) != _consonants(b):
        return False
    return bool((_DIMINUTIVE.match(a) and _PLAIN.match(b)) or (_DIMINUTIVE.match(b) and _PLAIN.match(a)))
