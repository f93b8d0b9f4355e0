"""The Arabic article assimilated to a "sun letter", written as it is pronounced.

Before the sun letters (T, TH, D, DH, R, Z, S, SH …) the L of the article AL is pronounced as
the next consonant, and many transliterations write it so: AS-SAYED, ES SAYED, AR-RASHID,
ASH-SHAMI, AZ-ZAWAHIRI, AD-DURI. A name written "Kader Es Sayed" is "Kader al-Sayed" — the
article, a stop-word as AL / EL, not a name of its own. :func:`is_sun_article` tells such an
article by the word after it, which must start with the article's consonant: ES SAYED is an
article, ES KADER would not be. AN (before N) is left out: it is also a Korean family name, and
an article first in a name is kept (it may be a given name: ED DAVIS).
"""

from __future__ import annotations

from graph.resolve.names import STOP_WORDS

#: The assimilated article, written with A, E or U and the consonant it took on.
SUN_ARTICLES = frozenset(
    ["AD", "ADH", "AR", "AS", "ASH", "AT", "ATH", "AZ", "ED", "EDH", "ER", "ES", "ESH", "ET", "ETH", "EZ"]
)


def is_sun_article(word: str, following: str) -> bool:
    """``word`` is the article assimilated to the first consonant of ``following`` (ES SAYED)."""
    return word in SUN_ARTICLES and len(following) > len(word) and following.startswith(word[1:])


def articles(tokens: tuple[str, ...]) -> list[str]:
    """The assimilated articles of a person name's tokens (in written order, given names first),
    each with its word (``ES SAYED``); one before the first name word is not read as one."""
    return [
        f"{word} {tokens[i + 1]}"
        for i, word in enumerate(tokens[:-1])
        if is_sun_article(word, tokens[i + 1]) and any(t not in STOP_WORDS for t in tokens[:i])
    ]
