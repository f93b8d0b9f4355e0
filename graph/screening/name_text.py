"""The text of a name as screening reads it: upper-case ASCII words.

A name is read as resolution reads it (:func:`graph.resolve.names.drop_unread`): characters no name
is spelt with (emoji and other symbols, control and format characters) are dropped before
transliteration, so that "ROMASHKA TRADING LLC 😀" is not read as "ROMASHKA TRADING LLC GRINNING",
a name with a word the listed one lacks. Initials are read as one word per group, dotted or not
(:mod:`graph.screening.initials`).
"""

from __future__ import annotations

from functools import lru_cache

from graph.ids import normalise_key_text
from graph.resolve.names import drop_unread
from graph.screening.initials import read_initials

#: Characters of a name read; the rest is kept in the row but not compared.
MAX_READ_CHARS = 1000


def _words(text: str) -> str:
    return normalise_key_text(drop_unread(text))


@lru_cache(maxsize=200_000)
def name_text(name: str) -> str:
    """Upper-case ASCII words of ``name``'s first :data:`MAX_READ_CHARS` characters, each group of
    initials one word (:mod:`graph.screening.initials`: "C.A.D. S.A." and a clerk's "CAD SA" are
    both CAD SA)."""
    text = name[:MAX_READ_CHARS]
    return " ".join(read_initials(text, _words(text).split(), _words))
