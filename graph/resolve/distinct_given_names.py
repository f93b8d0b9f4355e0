"""Given names a few letters apart that are two names, not two spellings of one.

The word alignment of :mod:`graph.resolve.align` credits two words by their spelling: the same
consonant skeleton (HASSAN / HUSAYN: H-S-N), or two letters in three (HAMED / HADI, MAHMOUD /
MAHDI, ZUBAYR / ZUHAYR, SALEH / SALIM). That is right for transliterations of one name and wrong
for these: each is a name of its own, borne by other people (Hasan and his brother Husayn,
Hamid and Hadi; ABDU and ABBUD, Arabic عبده and عبود, one skeleton A-B-D), and the onset rule
of :mod:`graph.resolve.person_rules` cannot see it — they begin with the same sound. Nearest
neighbours on the lists are exactly such pairs ("Hamed DEHGHAN" / "Hadi DEHGHAN", "Hassan
TABAJA" / "Adham Husayn TABAJA": relatives, not one person; "Hikmat 'ABDU" / "Hikmat 'ABBUD":
two OFAC entries). ABDU and ABOUD began as short forms of an ABD name and still pair with one
(:data:`graph.resolve.arabic_compounds.ABD_SHORT_FORMS`: Abdo for 'Abd al-Rahim); against each
other they are two names.

:func:`different_given_names` reads two words that are spellings of two different names of
:data:`_NAMES` (one line per name, its usual romanisations). A word not in the table is left to
the other rules. MUHAMMAD and MAHMUD are the exception: one consonant skeleton (M-H-M-D), and
the lists themselves write one for the other in aliases of one person ("Omar MAHMOUD UTHMAN" /
"Omar MOHAMMED OTHMAN"), so that pair is not read as two names.

**Census names.** The same holds for the given names of the 1990 US Census
(:mod:`graph.resolve.census_given_names`), which carry the Spanish, Portuguese and English names
of the lists: JAVIER / JAIME (0.73), OFELIA / ELVIRA and MARIA / MARILYN (0.67) are two names,
each borne by many people, and the nearest neighbours on the lists are relatives ("Francisco
Javier" / "Jaime GASTELUM SERRANO", "Ofelia MONZON ARAUJO" / "Elvira ARAUJO MONZON").
:func:`two_census_names` reads two such words as two names when the alignment pairs them below
:data:`CENSUS_SIM` and nothing says they are one name written two ways: neither is the other cut
short (ALEX / ALEXANDER), they sound alike (one metaphone key: SEAN / SHAWN, CATHERINE /
KATHRYN, JORGE / GEORGE, MIGUEL / MICHAEL), or they share a romanisation key
(:func:`graph.resolve.common_names.one_spelling`: REDA / RHODA). One letter in four
(ERIC / ERIK, MARK / MARC, and JOSE / JOEL, which the lists give as aliases of one person) is
left to the alignment.

**A table name against a census name.** A word of :data:`_NAMES` and a census given name
outside it, paired below :data:`CENSUS_SIM` and not alike by the same tests, are two names too
(HAMID / CHAD, three letters in common: "Mustafa HAMID" / "Mustapha CHAD"):
:func:`table_and_census_names`. Like :func:`different_given_names` it holds in any place of the
name: in an Arabic name the surname is a forebear's given name, so the table word is a given name
wherever it stands.
"""

from __future__ import annotations

from functools import lru_cache

import jellyfish

from graph.resolve.census_given_names import census_given_names
from graph.resolve.common_names import one_spelling

#: One line per given name: its usual romanisations (Arabic, Persian, Turkish, French spelling).
_NAMES = """
HASAN HASSAN HASAAN HASSEN HACEN HASSANE HASANE
HUSAYN HUSSEIN HUSAIN HUSSAIN HOSSEIN HOSEIN HOSEYN HUSEIN HUSEYN HOUSSEIN HUSSAYN HOSAYN HUSEYIN HUSSEN
HAMID HAMED HAMEED
HADI HADY HADHI
HAMAD HAMMAD
MAHMUD MAHMOUD MAHMOOD MEHMUD MAHMOD MEHMOOD MAHAMOUD
MAHDI MEHDI MAHDY MEHDY
MUHAMMAD MOHAMMAD MOHAMMED MUHAMMED MOHAMED MOHAMAD MUHAMAD MOHAMMET MEHMET
AHMAD AHMED AHMET
ZUBAYR ZUBAIR ZUBAYIR ZOUBEIR ZUBEIR ZUBER ZOUBAIR
ZUHAYR ZUHAIR ZOUHEIR ZUHEIR ZOUHAIR ZOHEIR ZOHAIR
SALIH SALEH
SALIM SALEEM SELIM SALEM
ISA ISSA ESSA EISA EISSA AISSA IESA
RAHIM RAHEEM
RABI RABIE RABEE
ABDU ABDUH ABDOU ABDOUH
ABBUD ABBOUD ABBOOD ABOUD
"""
#: Pairs of names the lists themselves write for one another (see the module docstring).
_CONFUSED = frozenset([frozenset(["MUHAMMAD", "MAHMUD"])])


def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _NAMES.strip().splitlines():
        forms = line.split()
        for form in forms:
            out[form] = forms[0]
    return out


_NAME_OF = _table()


def different_given_names(a: str, b: str) -> bool:
    """``a`` and ``b`` are spellings of two different given names of :data:`_NAMES` (HASSAN /
    HUSAYN, HAMED / HADI), not one name written two ways."""
    name_a, name_b = _NAME_OF.get(a), _NAME_OF.get(b)
    if name_a is None or name_b is None or name_a == name_b:
        return False
    return frozenset([name_a, name_b]) not in _CONFUSED


#: Two census names the alignment pairs below this similarity (more than one letter in four
#: apart) are two names unless they sound alike.
CENSUS_SIM = 0.75
#: Metaphone writes SH and CH X (SEAN / SHAWN, MIGUEL / MICHAEL) and TH 0 (MATEO / MATTHEW):
#: each is written S, K or T in other spellings of the name.
_SOUND_FOLDS = (str.maketrans("X0", "ST"), str.maketrans("X0", "KT"))


def _sound_alike(a: str, b: str) -> bool:
    key_a, key_b = jellyfish.metaphone(a), jellyfish.metaphone(b)
    return any(key_a.translate(fold) == key_b.translate(fold) for fold in _SOUND_FOLDS)


def _names_apart(a: str, b: str, sim: float) -> bool:
    """Two given names paired at ``sim`` are two names unless paired closely, one is the other
    cut short, they sound alike or share a romanisation key."""
    if sim >= CENSUS_SIM or a.startswith(b) or b.startswith(a):
        return False
    return not (_sound_alike(a, b) or one_spelling(a, b))


@lru_cache(maxsize=20_000)
def two_census_names(a: str, b: str, sim: float) -> bool:
    """``a`` and ``b``, paired by the alignment at similarity ``sim``, are two different given
    names of the US Census list (JAVIER / JAIME, OFELIA / ELVIRA), not one name written two ways.
    The caller asks only of words in the place of a given name (a census surname is a word of its
    own: MARTIN, JAMES)."""
    names = census_given_names()
    if a not in names or b not in names:
        return False
    return _names_apart(a, b, sim)


@lru_cache(maxsize=20_000)
def table_and_census_names(a: str, b: str, sim: float) -> bool:
    """One of ``a`` and ``b`` is a given name of :data:`_NAMES`, the other a census given name
    outside the table (HAMID / CHAD), paired by the alignment at ``sim``: two different names, in
    any place of the name (see the module docstring)."""
    if (a in _NAME_OF) == (b in _NAME_OF):
        return False  # both in the table (different_given_names) or neither
    other = b if a in _NAME_OF else a
    if other not in census_given_names():
        return False
    return _names_apart(a, b, sim)
