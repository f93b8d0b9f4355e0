"""Arabic given names a few letters apart that are two names, not two spellings of one.

The word alignment of :mod:`graph.resolve.align` credits two words by their spelling: the same
consonant skeleton (HASSAN / HUSAYN: H-S-N), or two letters in three (HAMED / HADI, MAHMOUD /
MAHDI, ZUBAYR / ZUHAYR, SALEH / SALIM). That is right for transliterations of one name and wrong
for these: each is a name of its own, borne by other people (Hasan and his brother Husayn,
Hamid and Hadi), and the onset rule of :mod:`graph.resolve.person_rules` cannot see it — they
begin with the same sound. Nearest neighbours on the lists are exactly such pairs ("Hamed
DEHGHAN" / "Hadi DEHGHAN", "Hassan TABAJA" / "Adham Husayn TABAJA": relatives, not one person).

:func:`different_given_names` reads two words that are spellings of two different names of
:data:`_NAMES` (one line per name, its usual romanisations). A word not in the table is left to
the other rules. MUHAMMAD and MAHMUD are the exception: one consonant skeleton (M-H-M-D), and
the lists themselves write one for the other in aliases of one person ("Omar MAHMOUD UTHMAN" /
"Omar MOHAMMED OTHMAN"), so that pair is not read as two names.
"""

from __future__ import annotations

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
