"""One given name in its forms: languages (East Slavic, Arabic / European), familiar forms.

**East Slavic names and patronymics.** One person on the lists is often written in two or three
of these languages (Ukrainian and Belarusian sanctions programmes list the national form next
to the Russian one): MYKOLA /
NIKOLAI / MIKALAI, HRYHORIY / GRIGORY / RYHOR, SIARHEI / SERGEI, ULADZIMIR / VLADIMIR. These
are one name in three languages, not three spellings, and their letters can differ from the
first sound on (M / N, R / G), which the spelling similarity and the onset rule of
:mod:`graph.resolve.person_rules` read as two names. :func:`slavic_key` gives every form of
one name, and every patronymic made from it (NIKOLAYEVICH / MYKOLAIOVYCH / MIKALAEVICH,
GRIGORYEVNA / HRYHORIVNA), one key; words without a key are left to the other rules.

**Other forms of one given name**: the familiar forms lists give as aliases (VOLODYA for
VLADIMIR, LALO for EDUARDO, BILL for WILLIAM) and one name in Arabic and European forms
(YUSUF / JOSEPH, IBRAHIM / ABRAHAM). A familiar form shared by two names (BETO: ALBERTO,
ROBERTO) is a form of each.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: One line per name: its forms (Russian, Ukrainian, Belarusian, common romanisations); men's
#: names first, then women's (:data:`_WOMEN`), so :func:`slavic_male` can tell them apart.
_MEN = """
ALEKSANDR ALEXANDR ALEXANDER OLEKSANDR OLEXANDR ALIAKSANDR ALYAKSANDR ALIAKSANDAR
ALEKSEI ALEKSEY ALEXEI ALEXEY OLEKSIY OLEKSII ALIAKSEI ALYAKSEY
ANATOLY ANATOLIY ANATOLII ANATOL
ANDREI ANDREY ANDRIY ANDRII ANDREJ
BORIS BARYS
DMITRY DMITRIY DMITRII DMYTRO DZMITRY DZMITRYI ZMITSER
FEDOR FYODOR FEDIR FIODAR FYADOR
GENNADY GENNADIY GENNADII HENNADIY HENNADII HENADZ
GEORGY GEORGIY GEORGII HEORHIY HEORHII
GRIGORY GRIGORIY GRIGORII HRYHORIY HRYHORII RYHOR
IGOR IHOR IHAR
KONSTANTIN KOSTIANTYN KOSTYANTYN KANSTANTSIN
LEONID LEANID
MIKHAIL MYKHAILO MIKHAILA
NIKOLAI NIKOLAY MYKOLA MIKALAI MIKALAY
OLEG OLEH ALEH
PAVEL PAVLO PAULO
PETR PYOTR PETRO PIOTR PIATRO
SERGEI SERGEY SERGII SERHIY SERHII SIARHEI SIARHEY
STEPAN STSIAPAN
TIMOFEI TIMOFEY TYMOFIY TSIMAFEI
VASILY VASILIY VASYL VASIL
VIKTOR VIKTAR
VLADIMIR VOLODYMYR ULADZIMIR VALADZIMIR
YAKOV YAKIV YAKAU
YEVGENY YEVGENIY EVGENY EVGENIY YEVHEN YEVHENIY YAUHEN YAUGEN EUGENE
YURI YURIY YURY YURII IURII
"""
_WOMEN = """
ELENA YELENA OLENA ALENA
GALINA HALYNA HALINA
IRINA IRYNA
LYUDMILA LIUDMYLA LUDMILA
NATALIA NATALYA NATALIYA NATALLIA
OLGA OLHA VOLHA
SVETLANA SVITLANA SVIATLANA
TATYANA TATIANA TETIANA TETYANA TATSIANA
"""
_NAMES = _MEN + _WOMEN

#: One line per name: the name, then its familiar forms or its forms in other languages.
_FORMS = """
VLADIMIR VOLODYA VOVA
ALEKSANDR SASHA
DMITRY DIMA
MIKHAIL MISHA
NIKOLAI KOLYA
YEVGENY ZHENYA
ALEKSEI ALYOSHA LYOSHA
JOSE PEPE CHEPE
EDUARDO LALO EDWARD
FRANCISCO PACO PANCHO
JESUS CHUY CHUCHO
IGNACIO NACHO
GUILLERMO MEMO WILLIAM
ALBERTO BETO
ROBERTO BETO ROBERT
ANTONIO TONO ANTHONY TONY
GUADALUPE LUPE
ENRIQUE QUIQUE KIKE HENRY
ALFONSO PONCHO
ROSARIO CHARO
DOLORES LOLA
WILLIAM BILL BILLY WILL
ROBERT BOB BOBBY
RICHARD DICK RICK
JAMES JIM JIMMY
MICHAEL MIKE
THOMAS TOM TOMMY
CHARLES CHARLIE CHUCK
EDWARD EDDIE TED
ANTHONY TONY
JOSEPH JOE YUSUF YOUSSEF YOUSEF YOSEF
ABRAHAM IBRAHIM
MOSES MUSA MOUSSA
DAVID DAWUD DAOUD DAUD
SOLOMON SULAYMAN SULEIMAN SULAIMAN
JACOB YAQUB YAKUB
ISAAC ISHAQ
AARON HARUN HAROUN
ELIAS ILYAS
GABRIEL JIBRIL
"""

#: Patronymic endings (Russian -OVICH / -EVICH / -OVNA / -EVNA, Ukrainian -OVYCH / -IVNA,
#: Belarusian -AVICH / -AUNA), longest first, with the linking Y / I / J they may carry.
_PATRONYMIC = re.compile(
    r"(.{3,}?)(?:[YIJ]?(?:OVICH|EVICH|OVYCH|EVYCH|AVICH|OVNA|EVNA|IVNA|AUNA|AVNA|YICH|ICH))"
)
#: Letters a stem may end in or lose before the ending (NIKOLA-EVICH, NIKOLAY-EVICH, GRIGOR-YEVICH).
_STEM_TAIL = re.compile(r"(?:IY|II|IJ|YI|EI|EY|AI|AY|[AEIOUY])$")


def _stem(word: str) -> str:
    return _STEM_TAIL.sub("", word)


def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]:
    names: dict[str, str] = {}
    stems: dict[str, str] = {}
    for line in _NAMES.strip().splitlines():
        forms = line.split()
        for form in forms:
            names[form] = forms[0]
            stems[_stem(form)] = forms[0]
    # Other forms: every word may belong to several names (BETO, TONY).
    keys: dict[str, set[str]] = {}
    for line in _FORMS.strip().splitlines():
        forms = line.split()
        head = names.get(forms[0], forms[0])
        for form in forms:
            keys.setdefault(form, set()).add(head)
            if form in names:
                keys[form].add(names[form])
    return names, stems, {k: frozenset(v) for k, v in keys.items()}


_BY_FORM, _BY_STEM, _OTHER_FORMS = _tables()


@lru_cache(maxsize=50_000)
def slavic_key(word: str) -> str:
    """The name a given name or patronymic is a form of (``"NIKOLAI"``, ``"NIKOLAI+P"`` for a
    patronymic), or ``""`` when the word is neither in the table."""
    given = _BY_FORM.get(word)
    if given is not None:
        return given
    m = _PATRONYMIC.fullmatch(word)
    if m is None:
        return ""
    name = _BY_FORM.get(m.group(1)) or _BY_STEM.get(_stem(m.group(1)))
    return f"{name}+P" if name else ""


def _names_of(word: str) -> frozenset[str]:
    forms = _OTHER_FORMS.get(word, frozenset())
    key = slavic_key(word)
    return forms | {key} if key else forms


def same_given_name(a: str, b: str) -> bool:
    """``a`` and ``b`` are forms of one given name (East Slavic forms, familiar forms, Arabic
    and European forms), or East Slavic patronymics of one."""
    return a != b and bool(_names_of(a) & _names_of(b))


_MEN_HEADS = frozenset(line.split()[0] for line in _MEN.strip().splitlines())


def slavic_male(word: str) -> bool:
    """``word`` is a form of a man's East Slavic given name of the table (ALEKSANDR, YEVHEN)."""
    return _BY_FORM.get(word) in _MEN_HEADS
