"""A name's own acronym is its short form, not a distinctive word: "VALUE-ADDED SERVICES LABORATORY VASL"
is "VALUE-ADDED SERVICES LABORATORY".

A word of a name that is the initials of a run of the same name's words repeats them: it adds
no identity, so it must not stand as a word the other name lacks — a sibling's rare word, an
unpaired word ("MOBILE VALUE-ADDED SERVICES LABORATORY" / "… LABORATORY VASL" were kept apart by
MOBILE vs VASL). The scorer compares such a name once more without it (``OWN_ACRONYM``,
``features.scored_names``):

* in brackets — :func:`graph.resolve.acronyms.own_acronyms` (hyphenated, or several short forms
  in one bracket: :mod:`graph.resolve.acronym_brackets`);
* **written as a word** (:func:`unbracketed`) — a word of ``MIN_OWN`` to ``MAX_ACRONYM`` letters
  (in capitals, in a name written in mixed case) whose initials run ends right before it or starts
  right after it ("NBC Navegan Bar Co.", "Russian Quantum Center and RQC"; function and
  line-of-business words may stand between: "Good Luck Shipping Services: GLS"). A run elsewhere
  in the name is a coincidence of letters, not the name's short form.

The name without its own acronym is the name itself, so the name's other readings
(:func:`graph.resolve.readings.other_readings`: without its places, its parent group …) are
also read from it (:func:`reading_bases`): "JUND AL-KHILAFAH IN ALGERIA (JAK-A)" without its
place is "JUND AL-KHILAFAH", not "JUND AL-KHILAFAH (JAK-A)".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.resolve.acronyms import MAX_ACRONYM, MIN_OWN, SKIP_WORDS, describe_own, own_acronyms, spelled_run
from graph.resolve.names import ABBREVIATIONS, GENERIC_WORDS, fold, normalise_name

#: Punctuation a written acronym may carry ("Services: GLS", "UL-MUJAHIDIN / HUM").
_PUNCT = ":;,./"


@dataclass(frozen=True)
class WordAcronym:
    acronym: str  # folded
    spelled: str  # the words of the name it initials
    kept: str  # the name without it


def _acronym_word(raw: str, mixed: bool) -> str | None:
    word = raw.strip(_PUNCT)
    if mixed and not word.isupper():  # "Navegan" is a word, "NBC" an acronym
        return None
    folded = fold(word).split()
    if len(folded) != 1 or not (MIN_OWN <= len(folded[0]) <= MAX_ACRONYM) or not folded[0].isalpha():
        return None
    # A legal form or a line-of-business word is no name's short form ("Primeview Lumen Computing
    # PLC": PLC is the legal form, whatever its letters).
    return folded[0] if normalise_name(folded[0]).distinctive else None


def _between(word: str) -> bool:
    """A word that may stand between an acronym and the run it initials: a function word or a
    line-of-business word ("Good Luck Shipping Services: GLS")."""
    return word in SKIP_WORDS or ABBREVIATIONS.get(word, word) in GENERIC_WORDS


@lru_cache(maxsize=200_000)
def unbracketed(text: str) -> WordAcronym | None:
    """The first word of ``text`` that is the initials of the words right before or right after it
    (see the module docstring), and ``text`` without it; None when there is none."""
    raw = text.split()
    if len(raw) < 2:
        return None
    mixed = any(ch.islower() for ch in text)
    for i, token in enumerate(raw):
        word = _acronym_word(token, mixed)
        if word is None:
            continue
        before = fold(" ".join(raw[:i])).split()
        rest = before + fold(" ".join(raw[i + 1 :])).split()
        run = spelled_run(word, rest)
        if run is None or word in rest:
            continue
        start, end = run
        # The run touches the acronym: it ends right before it (function or line-of-business words
        # between) or starts right after it.
        if start == len(before) or (end <= len(before) and all(map(_between, before[end:]))):
            kept = " ".join([*raw[:i], *raw[i + 1 :]])
            return WordAcronym(word, " ".join(rest[start:end]), kept)
    return None


@lru_cache(maxsize=200_000)
def without_own(text: str) -> str | None:
    """``text`` without its own acronyms, bracketed or written as a word; None when it has none."""
    found, kept = own_acronyms(text)
    word = unbracketed(kept)
    if word is not None:
        return word.kept
    return " ".join(kept.split()) if found else None


def describe(text: str) -> str:
    """Why the scorer read ``text`` without its own acronyms, in words."""
    found, kept = own_acronyms(text)
    word = unbracketed(kept)
    parts = [describe_own(text)] if found else []
    if word is not None:
        parts.append(
            f"{word.acronym} is the initials of {word.spelled}, written beside them in the name: "
            f"its short form, not a distinctive word, so the name was also compared without it "
            f"({word.kept!r})"
        )
    return "; ".join(parts)


def reading_bases(name: str) -> tuple[str, ...]:
    """The texts the other readings of ``name`` are read from: the name, and the name without its
    own acronyms (:func:`without_own`) when it has any."""
    kept = without_own(name)
    return (name,) if not kept or kept == " ".join(name.split()) else (name, kept)
