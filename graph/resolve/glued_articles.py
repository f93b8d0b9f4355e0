"""The Arabic article glued to the word it belongs to: ULHAQ / UL-HAQ, ALID / AL-ID.

Lists write the article of an Arabic name with a hyphen (AL-HASAN, UL-HAQ, AS-SAYED) and clerks
and other lists leave the hyphen out. Written apart the article is a stop-word (AL, EL) or a
linking article (UR, UL, UD: :mod:`graph.resolve.arabic_compounds`) and the word after it is
compared; glued, the article made a word that found no partner (HAQ / ULHAQ) or paired on a share
of its letters (ID / ALID), and the name read as a word short on each side.

:func:`glued_article` reads the glued word as the other name's word with its article in front,
as :func:`graph.resolve.surname_particles.glued_to` reads VANDERBERG as BERG. The article is one
that transliterations write (AL, EL, the South Asian UL, UR, UD, US, UZ) or the article
assimilated to the word's first consonant (ASSAYED: :mod:`graph.resolve.sun_articles`). Western
given names that begin with the same letters (ALFRED, ALBERT, ELTON: the US census names of
:mod:`graph.resolve.census_given_names`) are names of their own, not FRED with an article.

The article is glued behind a word too: ABU AL-QASSIM is written ABUAL QASSIM. Only behind ABU
(ABOU), "father of", which an article always follows in such a name: behind any word it would
read names that end in the same letters (KAMAL, FAISAL, BILAL) as KAM, FAIS, BIL.
"""

from __future__ import annotations

from graph.resolve.arabic_particles import ARTICLES as ARABIC_ARTICLES
from graph.resolve.census_given_names import census_given_names
from graph.resolve.sun_articles import is_sun_article

#: The article as transliterations write it glued: the Arabic articles (AL, EL, UL) and the
#: South Asian UR, UD, US, UZ (ZAKI-UR-REHMAN, NIZAM-UD-DIN).
ARTICLES = ARABIC_ARTICLES | {"UR", "UD", "US", "UZ"}
#: The word after the article has at least this many letters (AL-ID, UL-HAQ).
MIN_WORD = 2
#: The kunya particle "father of", which the article of the name it opens is glued behind.
ABU = frozenset(["ABU", "ABOU", "ABOO"])


def glued_article(long_: str, short: str) -> bool:
    """``long_`` is ``short`` with the Arabic article glued in front (ULHAQ / HAQ, ALID / ID,
    ASSAYED / SAYED), and no census given name (ALFRED / FRED); or ``short`` is ABU and ``long_``
    ABU with the article glued behind (ABUAL / ABU)."""
    if short in ABU:
        return long_[len(short) :] in ("AL", "EL") and long_.startswith(short)
    if len(short) < MIN_WORD or len(long_) != len(short) + 2 or not long_.endswith(short):
        return False
    article = long_[:2]
    return (article in ARTICLES or is_sun_article(article, short)) and long_ not in census_given_names()
