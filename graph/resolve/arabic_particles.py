"""The small words of an Arabic, Urdu or Indonesian organisation name read as English reads them.

The lists write an organisation in its own language and in English: "JUND AL-KHILAFAH FI …" /
"SOLDIERS OF THE CALIPHATE IN …", "JAMA'AT NUSRAT AL-ISLAM WAL-MUSLIMIN" / "GROUP TO SUPPORT
ISLAM AND MUSLIMS". The organisational words are translated by ``data/reference/org_words.csv``
(:mod:`graph.resolve.org_translate`); this module reads the words between them:

* the article of a translated word is the English "THE" of its translation, no word
  (:func:`is_article_of`): the Arabic construct "JUND AL-KHILAFAH" is "SOLDIERS OF THE
  CALIPHATE", the article AL / EL / UL, or assimilated to the next consonant (AS-SAYED,
  :mod:`graph.resolve.sun_articles`), belonging to KHILAFAH;
* the article before a name proper, and the connectives FI "in", LIL / LI "for", WA / WAL "and"
  (Arabic), DAN "and" (Indonesian), IN and TO (English) are left out of the names proper in a
  second comparison (:func:`bare`): "ANSAR AL-ISLAM" / "SUPPORTERS OF ISLAM" compare ISLAM with
  ISLAM. The names proper as written are still compared first, so a pair that agreed before
  agrees still (the article is a share of the letters: KHALID IBN AL WALEED / … AL WALID).
"""

from __future__ import annotations

from graph.resolve.sun_articles import is_sun_article

#: The Arabic article as transliterators write it apart (AL-ISLAM, EL-ZAWRA, JAMAAT UL DAWA).
ARTICLES = frozenset({"AL", "EL", "UL"})
#: Connectives of the names proper that English writes as other small words or leaves out.
CONNECTIVES = frozenset({"FI", "LIL", "LI", "WA", "WAL", "DAN", "IN", "TO"})
#: What :func:`bare` leaves out, in the words of a reason.
DESCRIPTION = "without the Arabic article and the connectives FI / LIL / WA / DAN / IN / TO"


def is_article_of(word: str, following: str, translated: bool) -> bool:
    """``word`` is the article of ``following``, a word the table translates (``translated``)."""
    return translated and (word in ARTICLES or is_sun_article(word, following))


def bare(rest: str) -> str:
    """The names proper ``rest`` (space-separated) without articles and connectives."""
    return " ".join(w for w in rest.split() if w not in ARTICLES and w not in CONNECTIVES)
