"""One name written with other word breaks, line-of-business words included: DIVETECHNOSERVICES
/ DIVE TECHNO SERVICES, MAGTECH / M.A.G. TECH.

The name similarity compares the *distinctive* words (``features._name_similarity``; its joined
view writes them together: SHENZHENHUAXIN / SHENZHEN HUAXIN). A name that runs a line-of-business
word into a word of its own (DIVETECHNOSERVICES) keeps one distinctive word, where the name written
apart keeps DIVE and sets TECHNO SERVICES aside as line-of-business words; and dotted initials
lose a letter that is also a stop word (M.A.G. is M G). Both are one name: every letter the same,
in the same order, only the word breaks differ.

:func:`spelled` writes a name's words together as written — stop-words, initials and
line-of-business words kept, only the legal form cut — and two names spelled alike
(:data:`MIN_LETTERS` letters or more) have the similarity :data:`SPELLED_SIM`
(``features.pair_features``). Names that differ by a word (a line of business, THE, a number)
are spelled differently, so the rule adds no word to either name.
"""

from __future__ import annotations

#: Similarity of two names spelled alike (two writings of one name, like a romanisation).
SPELLED_SIM = 0.95
#: A spelling shorter than this is initials or a short word, as often another name.
MIN_LETTERS = 6


def spelled(folded: str, legal_run: str) -> str:
    """The words of the folded name written together, without the legal-form words cut from its
    edges (``legal_run``); "" when shorter than MIN_LETTERS."""
    if not legal_run:  # most names: no form cut, the words as they are
        text = "".join(folded.split())
        return text if len(text) >= MIN_LETTERS else ""
    words = folded.split()
    cut = legal_run.split()  # a few words: a list is cheaper than a Counter
    # The form words were cut from the edges (names.forms_as_written): take them off both ends.
    for end in (-1, 0):
        while words and words[end] in cut:
            cut.remove(words[end])
            words.pop(end)
    text = "".join(words)
    return text if len(text) >= MIN_LETTERS else ""


def describe(name_a: str, name_b: str, text: str) -> str:
    """For :func:`graph.resolve.compare.compare`."""
    return (
        f"{name_a!r} and {name_b!r} are the same letters with other word breaks ({text}, "
        "line-of-business words and initials included): one name, however split into words"
    )
