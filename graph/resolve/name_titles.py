"""Which words of a person name are titles: the words of PERSON_TITLES that are not names.

Some title words are name elements too: GEN is the second syllable of the Chinese "Wang-gen",
IMAM the given name of "BAZINJO, Imam". A title word is therefore kept

* as part of a hyphenated or joined word: "Wang-gen" folds to two words, WANG GEN, and is one
  name ("HUANG Wanggen"), neither half a title;
* after "SURNAME,", past the titles that open the given names: GEN of "HUANG, Wang gen";
* when it is all that is left of the name, or of its given names after "SURNAME,", and is a
  given name too: IMAM of "BAZINJO, Imam" is the given name, not a title before one; SHEIKH of
  "AWEYS, Sheikh" and DR of "AHMED, Dr." stay titles.

Elsewhere (a name without a comma, the surname before one) a title word is dropped wherever
it stands, not only at the start: dev pairs such as
"Eissa Jan HAJI ABDUL QAYOUM" and "Khalid Shaikh MOHAMMED" / "Muhammad AL-SHAYKH" (two people)
rely on it, and keeping mid-name titles cost a false match there. Generational suffixes (JR, SR,
II …) are never kept."""

from __future__ import annotations

from collections.abc import Callable

#: Title words that are given names too, kept when they are all the given names: IMAM ("BAZINJO,
#: Imam") and the Chinese syllable GEN. The others are titles even alone after "SURNAME,": the
#: dev pair "AWEYS, Sheikh" / "HASSAN DAHIR AWEYS" is one person, so are "TAYSIR, Hajji" /
#: "Hajji TAYSIR" and "AHMED, Dr." / "Dr. AHMED".
GIVEN_NAME_TITLES = frozenset(["IMAM", "GEN"])

#: Generational suffixes: no name element wherever they stand (graph.resolve.generational_suffixes).
_SUFFIXES = frozenset(["JR", "SR", "II", "III", "IV"])


def titles_dropped(
    text: str, tokens: list[str], fold: Callable[[str], str], titles: frozenset[str], openers: frozenset[str]
) -> list[list[str]]:
    """``tokens`` (``fold(text).split()``) without their ``titles`` that are no name, one list per
    comma part of ``text`` ("SURNAME", "Given", …) so that a caller may put the given names first.
    ``openers`` are the honorifics that may stand among the titles opening the given names
    ("HAQQANI, Maulawi Haji Jalaluddin").

    When the words of ``text`` folded one by one are not ``tokens`` (a fold that reads across
    words), every word is read alone, in one part, as if unhyphenated and without a comma."""
    folded = [[fold(word).split() for word in part.split()] for part in text.split(",")]
    # a word that folds to nothing (a dash, an emoji) is no word of the name
    parts = [[word for word in part if word] for part in folded]
    if [t for part in parts for word in part for t in word] != tokens:
        parts = [[[t] for t in tokens]]
    # the part after "SURNAME," holds the given names, titles only at its start
    return [_part_kept(part, titles, openers if i == 1 else None, i >= 2) for i, part in enumerate(parts)]


def _part_kept(
    words: list[list[str]], titles: frozenset[str], openers: frozenset[str] | None, may_empty: bool
) -> list[str]:
    """The tokens of one comma part (its words, each folded) without its titles: only those of
    the run of titles (and ``openers``) that opens the part when it holds the given names
    (``openers`` given), any elsewhere. A part after the given names ("KHAN, Abdul, Dr.") may
    be all titles."""
    # a word is a title only when it folds to one title word: "Wang-gen" is two, a name.
    title = [len(w) == 1 and w[0] in titles for w in words]
    if openers is not None:
        # "HUANG, Wang gen": after "SURNAME," a title word past the first given name is a name.
        run = 0
        while run < len(words) and len(words[run]) == 1 and words[run][0] in titles | openers:
            run += 1
        # … but a generational suffix is none ("SMITH, John Jr.").
        title = [t and (i < run or words[i][0] in _SUFFIXES) for i, t in enumerate(title)]
    kept = [t for w, is_title in zip(words, title, strict=True) if not is_title for t in w]
    if kept or may_empty or not words:
        return kept
    # "BAZINJO, Imam": the last title word that is a given name too is the name itself.
    names = [w[0] for w in words if w[0] in GIVEN_NAME_TITLES]
    return names[-1:]
