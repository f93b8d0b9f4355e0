"""Person evidence in the shape of a name, for names whose source publishes no kind.

:mod:`graph.resolve.name_kind_reading` counts a word as a person's when the typed rows of the
bundled lists use it mostly in person names. Many people of the Entity List, DPL and DTC carry words
no typed row uses ("Igor Samusev", "Wong Yuh Lan", "Ronald J. Hoffman"); their names still
read as people's by their shape:

* **patronymic** — an East Slavic or Turkic patronymic (``-OVICH``, ``-EVNA``, ``-OVYCH``,
  ``-AVICH``, ``OGLU``): a word no organisation name carries;
* **family-name ending** — a surname of the Slavic, Georgian or Armenian forms (``-OV``,
  ``-EVA``, ``-ENKO``, ``-SKIY``, ``-CHUK``, ``-SHVILI``, ``-YAN``). Places and design bureaux
  end so too ("Saratov", "Tupolev"), so an ending counts as one person word only, and never
  when the typed rows use the word in company names;
* **syllable name** — a Korean or Chinese name: two or three words, each one or two romanised
  syllables, opening or closing with one of their surnames (:mod:`graph.resolve.syllable_names`);
* **initial** — a single letter between two words ("Ronald J. Hoffman", "Andrey V Gromadskih"):
  the middle initial of a person; organisations put single letters in front ("A & B") or in
  legal forms ("S A", "L L C"), which the other checks see.

Each function returns the evidence as text (an officer reads it on the entry), or ``""``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.resolve.names import normalise_name
from graph.resolve.syllable_names import SURNAMES, word_readings

#: Patronymics: Russian (-OVICH / -EVNA), Ukrainian (-OVYCH / -IVNA), Belarusian (-AVICH /
#: -AUNA, written -AWNA too), Turkic (OGLU / OGLY, KYZY / QIZI).
PATRONYMIC = re.compile(
    r"^[A-Z]{3,}(OVICH|EVICH|OVYCH|EVYCH|AVICH|YICH|OVNA|EVNA|IVNA|ICHNA|AUNA|AWNA)$|^(OGLU|OGLY|KYZY|QIZI)$"
)
#: Family-name endings: East Slavic (-OV / -OVA, -EV / -EVA, -SKIY / -SKAYA, -ENKO, -UK /
#: -CHUK), Georgian (-SHVILI, -DZE), Armenian (-YAN / -IAN after a consonant).
SURNAME_ENDING = re.compile(
    r"^[A-Z]{2,}(OV|OVA|EV|EVA|YEV|YEVA|SKIY|SKII|SKY|SKAYA|ENKO|CHUK|YUK|SHVILI|DZE|[^AEIOU]YAN)$"
)
#: Letters that are a word "and" in some language: an initial only with a full stop.
CONJUNCTION_LETTERS = frozenset("AEIOUY")
#: A person's name has this many middle initials at most ("Mohd A.M. Anwahi").
MAX_INITIALS = 2
#: A syllable name has this many words at most (KIM JONG UN, WONG YUH LAN).
SYLLABLE_MAX_WORDS = 3


def patronymic(words: Sequence[str]) -> str:
    """A patronymic word of ``words``, or ``""``."""
    return next((w for w in words if PATRONYMIC.match(w)), "")


def family_name_ending(word: str) -> bool:
    """``word`` ends like a Slavic, Georgian or Armenian family name ("SAMUSEV", "KOBAKHIDZE")."""
    return SURNAME_ENDING.match(word) is not None


def syllable_name(words: Sequence[str]) -> str:
    """A Korean or Chinese name ("WONG YUH LAN", "CHEN QU"): its surname, or ``""``."""
    if not 2 <= len(words) <= SYLLABLE_MAX_WORDS or not all(word_readings(w) for w in words):
        return ""
    for surname in (words[0], words[-1]):
        if surname in SURNAMES:
            return surname
    return ""


def middle_initials(name: str, words: Sequence[str]) -> tuple[str, ...]:
    """The single letters between the first and the last word ("RONALD J HOFFMAN": ``J``).

    A vowel must be written with a full stop ("Daniel A. Malloy"): Y, E, I, A and U alone are
    the "and" of Spanish, Portuguese, Italian, Slavic languages ("TODOBOLSAS Y COLSOBRES")."""
    if len(words) < 3 or len(words[0]) < 2 or len(words[-1]) < 2:
        return ()
    letters = tuple(w for w in words[1:-1] if len(w) == 1)
    if not letters or len(letters) > MAX_INITIALS:
        return ()
    stopped = {m.upper() for m in re.findall(r"\b([A-Za-z])\.", name)}
    if any(w in CONJUNCTION_LETTERS and w not in stopped for w in letters):
        return ()
    # spelt-out legal forms in the middle of a name ("KARNER D.O.O. LJUBLJANA", "X S.A. Y")
    if (
        len(letters) > 1
        and normalise_name(f"{words[0]} {' '.join(letters)}", "company").legal_form is not None
    ):
        return ()
    return letters
