"""Two full East Slavic names with one given name and patronymic but two surnames: two people.

A Russian, Ukrainian or Belarusian name in full is given name, patronymic and surname
("Dmitry Anatolievich POLONSKY"). The given name and the patronymic are shared by many people —
there are only so many Aleksey Aleksandroviches — and the surname is what tells them apart.
The word alignment of :mod:`graph.resolve.align` credits the two shared words and charges the
two unpaired surnames little, so "Dmitry Anatolievich POLONSKY" against "Dmitry Anatolievich
BELIK" scored 0.84 and "Aleksey Aleksandrovich DIKIY" against "… POTEMKIN" 0.89: matches.

:func:`other_surname` reads only that shape, where the surname's place is known on both sides:

* each name (in :func:`graph.resolve.person_rules.written_order`) has three words or more, a
  patronymic between its first and last word (ABRAMOVICH last is a surname, not a patronymic);
* the first words (given names) are paired with each other by the alignment;
* the last words (surnames) are full words and neither found a partner.

A name without a patronymic (a Western alias, "Sergei KOZLOV") may leave the surname out or
write another one (a married name, an alias), so two-word names are left to the other rules.
"""

from __future__ import annotations

import re

#: A patronymic: Russian -OVICH / -EVICH / -OVNA / -EVNA (and -ICH: ILYICH), Ukrainian -OVYCH /
#: -IVNA, Belarusian -AVICH / -AUNA, with the linking Y / I / J they may carry.
_PATRONYMIC = re.compile(r".{3,}?[YIJ]?(?:OVICH|EVICH|OVYCH|EVYCH|AVICH|OVNA|EVNA|IVNA|AUNA|AVNA|YICH|ICH)")
#: Each name has at least this many words (given name, patronymic, surname).
MIN_WORDS = 3


def _has_patronymic(words: list[str]) -> bool:
    return any(_PATRONYMIC.fullmatch(w) for w in words[1:-1])


def other_surname(
    words_a: list[str], words_b: list[str], pairs: tuple[tuple[str, str, float], ...]
) -> tuple[str, str] | None:
    """``(surname of a, surname of b)`` when two full East Slavic names (given name, patronymic,
    surname, in written order) pair their given names in the alignment ``pairs`` and leave both
    surnames without a partner; else None."""
    if len(words_a) < MIN_WORDS or len(words_b) < MIN_WORDS:
        return None
    if not (_has_patronymic(words_a) and _has_patronymic(words_b)):
        return None
    last_a, last_b = words_a[-1], words_b[-1]
    if len(last_a) == 1 or len(last_b) == 1:
        return None
    partner_of_a = {a: b for a, b, _ in pairs if a and b}
    paired_b = set(partner_of_a.values())
    if partner_of_a.get(words_a[0]) != words_b[0]:
        return None
    if last_a in partner_of_a or last_b in paired_b:
        return None
    return last_a, last_b
