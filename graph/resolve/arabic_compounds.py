"""Arabic compound name elements, written as one word however they are split or spelt.

Many Arabic (and Persian, Urdu, Malay) given names are two words joined by the article:
'ABD AL-BASET (servant of the Everlasting), NAJM AL-DIN (star of the faith), SAIF ALLAH (sword
of God). Transliterators write the article in every way (AL, EL, UL, UR, US, UD, ED) and join
or split the parts at will: 'Abd al-Baset / Abdelbassed / Abdul Baset; Najm Eddine / Najmuddin /
Najm ud Din; Zaher el Dine / Zahreddine; Seif Allah / Saifullah. Word by word these spellings
share little (ABD, BASET / ABDELBASSED), so :func:`compound_words` rewrites a person name's
words with each such element as one word in one form, the article taken out:

* ``ABD`` (ABD, ABDUL, ABDEL, ABDAL, ABDOL, ABDOUL, ABDUR, ABDUS, glued or not, or glued with
  no article: ABDRAZZAK) and the next word → ``ABD-`` + that word (ABD-BASET; ABDURRAHMAN →
  ABD-RAHMAN, the article's assimilated letter written once); a family name of the element
  with its own article glued in front too (ALABDULMOHSEN, AL'ABD: AL-ABDULMOHSEN without the
  hyphens) is read the same, and an ABD that closes the name ("RAHIM Abdul", "SURNAME, Given"
  written without the comma) with the name's first word (ABD-RAHIM);
* a word and ``DIN`` / ``DEEN`` / ``DINE`` behind an article (UD DIN, EL DINE, EDDINE, UDDIN,
  glued or not) → that word + ``DIN`` (NAJMDIN, ZAHERDIN);
* a word and ``ALLAH`` / ``ULLAH`` (glued or not) → that word + ``LAH`` (SAIFLAH, KHAIRLAH);
* the linking articles UR, UL, UD, US, UZ left between two words (ZIA UR RAHMAN) are dropped
  like AL and EL, and so is the article assimilated to the next word's first consonant (ES
  SAYED, AR RASHID: :mod:`graph.resolve.sun_articles`).

The alignment compares two ABD elements by their parts (:func:`element_part`: ABD-MALIK /
ABD-KHALIQ are as different as MALIK / KHALIQ, the shared ABD proves nothing), and an ABD element
with a name that lacks the ABD (ABD-RAHIM / RAHIM, a short form) at a discount.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.resolve.names import STOP_WORDS
from graph.resolve.sun_articles import is_sun_article
from graph.resolve.surname_particles import PERSON_PARTICLES

#: ABD written apart, with its article (ABDUL RAHMAN) or without (ABD RAHMAN, the AL dropped),
#: and with an article glued in front as a clerk writes AL-'ABD without the hyphen (AL'ABD).
_ABD_APART = ("ABD", "ABDUL", "ABDEL", "ABDAL", "ABDOL", "ABDOUL", "ABDUR", "ABDUS", "ABDUZ")
_ABD_WORDS = frozenset([*_ABD_APART, *(article + word for article in ("AL", "EL") for word in _ABD_APART)])
#: ABD glued to its article and the next part (ABDULBASET, ABDURRAHMAN, ABDELLAH, ABDUSALAM),
#: and a family name of the element with its own article glued in front as well, as a clerk
#: writes AL-ABDULMOHSEN or AL-'ABD-AL-MUHSIN without the hyphens (ALABDULMOHSEN): the article
#: is dropped as AL- written apart is, so the element is ABD-MOHSEN either way. The part has two
#: letters or more ('ABD-AL-'IZ written ABDALIZ).
_ABD_GLUED = re.compile(r"(?:AL|EL)?ABD(?:OU|U|E|A|O)(L|R|S|Z|N|T|D|SH)(.{2,})")
#: ABD glued to its part with no article at all (ABDRAZZAK, ABDKARIM).
_ABD_BARE = re.compile(r"ABD([BCDFGJKLMNPQRSTVWXZ][A-Z]{3,})")
#: The article in front of DIN, written apart (UD DIN, ED DINE; AL / EL are stop-words already).
_DIN_ARTICLES = frozenset(["UD", "UDD", "ED", "ID", "AD", "UL", "AL", "EL", "E", "U"])
_DIN_WORDS = frozenset(["DIN", "DEEN", "DINE", "DDIN", "DDINE"])
#: DIN with its article glued, as a word of its own (EDDINE, UDDIN) or to the first part (NAJMUDDIN).
_DIN_GLUED_WORD = re.compile(r"(?:U|E|A|I|O|UD|ED|AD|UL|AL|EL)D(?:I|EE)NE?")
_DIN_GLUED = re.compile(r"(.{3,}?)(?:U|E|A|I|O)DD(?:I|EE)NE?")
_ALLAH_WORDS = frozenset(["ALLAH", "ULLAH", "ALLA", "OLLAH", "ULLA"])
_ALLAH_GLUED = re.compile(r"(.{3,}?)(?:(?:U|A|O|E)LLAH|ULLA)")
#: Linking articles of South Asian spellings (ZIA UR RAHMAN, INAM UL HAQ).
LINK_ARTICLES = frozenset(["UR", "UL", "UD", "US", "UZ"])
DIN, LAH = "DIN", "ULLAH"
#: 'ABD ALLAH is one common name with its own spellings (ABDULLAH, ABDALLAH, ABDELLAH, ABDULLAHI):
#: it stays one plain word as written (written apart: ABDALLAH), its part being no name of its own.
ABDULLAH = "ABDALLAH"
_ALLAH_PART = re.compile(r"L?LAH?I?")
#: Short forms of any ABD element (Abdo for 'Abd al-Rahim): they match an ABD element at a discount.
ABD_SHORT_FORMS = frozenset(["ABDU", "ABDO", "ABDOU", "ABDUH", "ABOUD"])
#: An ABD element is written ABD-PART: the hyphen keeps its part readable and comparable.
ABD = "ABD-"


def _glued_abd(word: str) -> str | None:
    m = _ABD_GLUED.fullmatch(word)
    if m is None:
        bare = _ABD_BARE.fullmatch(word)  # ABDRAZZAK: the article left out
        return _abd(bare.group(1)) if bare else None
    letter, rest = m.groups()
    if _ALLAH_PART.fullmatch(letter + rest) or _ALLAH_PART.fullmatch(rest):
        return None  # ABDULLAH, ABDULAHI, ABDALLA: one plain word as written
    # ABDURRAHMAN: the article's L assimilated to R and written twice; ABDURAHMAN once.
    if letter != "L" and not rest.startswith(letter):
        rest = letter + rest
    return _abd(rest)


def _abd(part: str) -> str:
    if part in _ALLAH_WORDS or _ALLAH_PART.fullmatch(part):
        return ABDULLAH
    return ABD + part


def _glued_tail(word: str) -> str | None:
    for pattern, tail in ((_DIN_GLUED, DIN), (_ALLAH_GLUED, LAH)):
        m = pattern.fullmatch(word)
        if m is not None:
            return m.group(1) + tail
    return None


def _skip_articles(tokens: tuple[str, ...], j: int) -> int:
    while j < len(tokens) and (tokens[j] in STOP_WORDS or tokens[j] in LINK_ARTICLES):
        j += 1
    return j


def _trailing_abd(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with an ABD word that closes the name moved in front of the name's first word.

    An ABD element is written ABD and its part; ABD with nothing after it is a name written
    surname first without the comma ("RAHIM Abdul", "AL RAHMAN Shaykh Umar Abd") — as registers
    and clerks write "RAHIM, Abdul" — whose part is the family word that opens it. Moved in front
    of that word the two are read as the one element ABD-RAHIM, as the comma's order reads them.
    A family name ABD written last ("Ahmad AL-'ABD") is read so too — and so are its other
    writings ("AL-'ABD, Ahmad", "Ahmad AL'ABD"), which all read ABD before AHMAD.
    """
    if len(tokens) < 2 or tokens[-1] not in _ABD_WORDS:
        return tokens
    first = _skip_articles(tokens, 0)
    if first >= len(tokens) - 1 or tokens[first] in _ABD_WORDS:
        return tokens
    return (*tokens[:first], tokens[-1], *tokens[first:-1])


@lru_cache(maxsize=200_000)
def _elements(tokens: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(word, the tokens it was written as)`` per distinctive word of a person name."""
    out: list[tuple[str, str]] = []
    tokens = _trailing_abd(tokens)

    def grow(tail: str, written: str) -> None:
        word, was = out[-1]
        out[-1] = (word + tail, f"{was} {written}")

    i, n = 0, len(tokens)
    while i < n:
        word = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else ""
        if out and word in _DIN_ARTICLES and nxt in _DIN_WORDS:
            grow(DIN, f"{word} {nxt}")  # "ZAHER EL DINE", "BASHIR UD DIN"
            i += 2
        elif word in STOP_WORDS or word in LINK_ARTICLES or (out and is_sun_article(word, nxt)):
            i += 1  # ES SAYED: an article, as AL SAYED (graph.resolve.sun_articles)
        elif word in PERSON_PARTICLES:
            i += 1  # DELOS, VANDER: glued surname particles (graph.resolve.surname_particles)
        elif out and (_DIN_GLUED_WORD.fullmatch(word) or word in _ALLAH_WORDS):
            grow(DIN if word not in _ALLAH_WORDS else LAH, word)  # "NAJM EDDINE", "SEIF ALLAH"
            i += 1
        elif word in _ABD_WORDS and (j := _skip_articles(tokens, i + 1)) < n:
            # ABD and its part, the article skipped: "ABD AL BASET", "ABDUL BASET".
            out.append((_abd(_glued_tail(tokens[j]) or tokens[j]), " ".join(tokens[i : j + 1])))
            i = j + 1
        else:
            out.append((_glued_abd(word) or _glued_tail(word) or word, word))
            i += 1
    return tuple(out)


def compound_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The distinctive words of a person name (``NameForm.tokens``, in written order) with each
    Arabic compound element as one word (see the module docstring)."""
    return tuple(word for word, _ in _elements(tokens))


def rewritten(tokens: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(as written, as compared)`` for each compound element :func:`compound_words` rewrote."""
    return [(was, word) for word, was in _elements(tokens) if word != was]


def element_part(word: str) -> str:
    """The part of an ABD element (ABD-RAHMAN → RAHMAN); any other word as it is."""
    return word[len(ABD) :] if word.startswith(ABD) else word


def is_abd_short_form(word: str) -> bool:
    """ABDU, ABDO, ABOUD …: the short form of an ABD element."""
    return word in ABD_SHORT_FORMS


#: The ending of a name made with ALLAH, as written (ABDULLAH, Somali CABDULLAAH).
_ALLAH_ENDINGS = ("LAH", "LAAH")


def allah_form(a: str, b: str) -> bool:
    """``a`` and ``b`` are one ALLAH name, one of them in the form with a final I that West African
    and Somali spelling give it (ABDULLAH / ABDULLAHI, CABDULLAAH / CABDULLAAHI, HABIBULLAH /
    HABIBULLAHI): the I is part of the name, not the suffix that makes a surname of it."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return short.endswith(_ALLAH_ENDINGS) and long_ == short + "I"
