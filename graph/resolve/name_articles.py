"""DES that starts a company name before English words is its name: DES INTERNATIONAL.

``names.STOP_WORDS`` holds the French article DES ("BANQUE DES MINES", "INSTITUT DES SCIENCES
APPLIQUEES"), which says nothing about who the company is. But "DES INTERNATIONAL CO., LTD." is
a listed company whose name is DES, written "D.E.S. INTERNATIONAL" too: dropped as the article,
the name kept only the line-of-business word INTERNATIONAL, had no distinctive word, and the
listed name matched neither itself nor its dotted writing. A French name does not start with the
article and follow it with English words, so DES is read as the name's when it is the first word
of the name and every word after it is an English line-of-business word (or the form follows it
at once: "DES INTERNATIONAL COMPANY"). Between or before French words it stays the article.

Only DES: the other stop-words that start names ("THE TRADING COMPANY", "LA …") are articles
there too, and kept would make a name of generic words distinctive.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

#: Stop-words that are also a name of letters when they start a name of English words.
NAME_ARTICLES: frozenset[str] = frozenset({"DES"})


def stop_words_of(
    tokens: Sequence[str], stop_words: frozenset[str], generic: Collection[str]
) -> frozenset[str]:
    """``stop_words`` less the word that starts ``tokens`` when it is the name there (see the
    module docstring): a name article followed only by ``generic`` words."""
    if tokens and tokens[0] in NAME_ARTICLES and all(t in generic for t in tokens[1:]):
        return stop_words - {tokens[0]}
    return stop_words
