"""The text of a name as screening reads it: upper-case ASCII words.

A name is read as resolution reads it (:func:`graph.resolve.names.drop_unread`): characters no name
is spelt with (emoji and other symbols, control and format characters) are dropped before
transliteration, so that "ROMASHKA TRADING LLC 😀" is not read as "ROMASHKA TRADING LLC GRINNING",
a name with a word the listed one lacks.
"""

from __future__ import annotations

from functools import lru_cache

from graph.ids import normalise_key_text
from graph.resolve.names import drop_unread

#: Characters of a name read; the rest is kept in the row but not compared.
MAX_READ_CHARS = 1000


@lru_cache(maxsize=200_000)
def name_text(name: str) -> str:
    """Upper-case ASCII words of ``name``'s first :data:`MAX_READ_CHARS` characters."""
    return normalise_key_text(drop_unread(name[:MAX_READ_CHARS]))
