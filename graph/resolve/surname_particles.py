"""European surname particles written apart or glued to the surname.

"VAN DER BERG" / "VANDERBERG", "DE LOS REYES" / "DELOS REYES", "DI LAURO" / "DILAURO",
"LE BLANC" / "LEBLANC", "VON DER LEYEN" / "VONDERLEYEN": Dutch, German, Spanish, Italian and
French family names begin with particles ("of", "of the") that registries, passports and
transliterators write as separate words, glued to each other, or glued to the surname. Written
apart, most particles are stop words (:data:`graph.resolve.names.STOP_WORDS`) and leave the
distinctive words; glued, they made a word that found no partner (BERG / VANDERBERG) or one
paired on a share of its letters (LAURO / DILAURO). So:

* a person-name word that is only particles written together (DELOS, DELA, VANDER, VONDER) or a
  Spanish or Portuguese article of a surname (LOS, LAS, DOS) is no distinctive word either
  (:data:`PERSON_PARTICLES`), as DE, LA, VAN, DER already are;
* a word that is a run of particles glued to the other name's word (VANDERBERG / BERG,
  DILAURO / LAURO) is that word: :func:`glued_to`, which the alignment of
  :mod:`graph.resolve.align` credits as one word.

MAC / MC (MAC DONALD / MACDONALD) are no particles here: written apart MAC is a distinctive
word, and :mod:`graph.resolve.person_compounds` joins the two halves.
"""

from __future__ import annotations

#: Particles of European surnames, alone or glued to each other, as they stand glued in front of
#: a surname (VANDERBERG, DELOSREYES, DILAURO). Spelled out, not generated: particles glued
#: at will would read given names and surnames as particles (DALE, DUDA, DIDI).
GLUED_PREFIXES = frozenset(
    [
        *("VAN", "VON", "VANDER", "VANDEN", "VONDER", "VONDEN", "TER", "TEN"),
        *("DE", "DEL", "DELA", "DELLA", "DELOS", "DELAS", "DI", "DA", "DOS", "DU", "DES"),
        *("LE", "LA"),
    ]
)
#: Person-name words that are only particles yet not stop words of every kind: particles glued
#: together (DELOS, VANDER) and the Spanish and Portuguese articles LOS, LAS, DOS of "DE LOS
#: REYES", "DOS SANTOS" (a company's "LAS VEGAS" keeps them, so they are left out of person
#: names only). DAS stays a word: it is a common Indian surname.
PERSON_PARTICLES = frozenset(
    ["LOS", "LAS", "DOS", "DELA", "DELLA", "DELOS", "DELAS", "VANDER", "VANDEN", "VONDER", "VONDEN"]
)
#: The surname after glued particles has at least this many letters: DIANA is no DI + ANA,
#: DELEO no DE + LEO (a short remainder is as often a name of its own).
MIN_SURNAME = 4


def glued_to(long_: str, short: str) -> bool:
    """``long_`` is ``short`` with particles glued in front (VANDERBERG / BERG, DILAURO /
    LAURO, DELOS / LOS), ``short`` a surname of MIN_SURNAME letters or more or a particle."""
    n = len(long_) - len(short)
    return (
        n >= 2
        and (len(short) >= MIN_SURNAME or short in PERSON_PARTICLES)
        and long_.endswith(short)
        and long_[:n] in GLUED_PREFIXES
    )
