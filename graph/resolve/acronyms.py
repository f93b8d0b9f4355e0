"""Initialisms: "PMC WAGNER" is "PRIVATE MILITARY COMPANY WAGNER" with its first words initialled.

Two explainable rules, both all-or-nothing (the reverted ``f1`` branch let an acronym lend weight
to names that agreed only in part, and the 100k precision gate failed):

* **own acronym** — a name that writes its acronym in brackets after the words it stands for
  ("CHINA AEROSPACE SCIENCE AND TECHNOLOGY CORPORATION (CASC) 1ST ACADEMY") says the same thing
  twice: :func:`own_acronyms` gives the name without the bracket, which the scorer compares as
  another writing of the name (``features.scored_names``).
* **initialism across names** — a word of one name that is the initials of a run of the other
  name's words, *every* word of the run giving its first letter in order (function words such
  as OF / AND / DE may be skipped or counted, and one line-of-business word skipped: CETC is
  China Electronics Technology [Group] Corporation). :func:`collapse` puts the acronym in place
  of the run and compares the rest: the other words of the two names must agree on their own
  (``REST_RATIO``), so "PMC WAGNER" / "PRIVATE MILITARY COMPANY WAGNER" agree but "PMC
  WAGNER" / "PRIVATE MILITARY COMPANY VEGA" do not. An acronym of three letters or fewer
  says little: it counts only beside other words that agree; a name that is an acronym alone
  needs ``MIN_ALONE`` letters ("FDLR" / "FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA").
  The other words are the distinctive words as the scorer reads them: a word of the run is
  left out of them under its written and its read spelling (INSTRUMENT, read INSTRUMENTS), and
  a word one name counts as distinctive that the other writes as a legal form (a form written
  inside the name: "MSP KALA NAFT CO." / "MANUFACTURING SUPPORT & PROCUREMENT CO.-KALA NAFT")
  is a word both write, not one they disagree on (:func:`_written_by_other`).

Russian organisation-type initialisms whose letters are not the English initials (TSNII, OKB,
MZ) are :mod:`graph.resolve.org_abbrev`'s table, not this rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve.acronym_brackets import bracket_parts, letters
from graph.resolve.names import ABBREVIATIONS, GENERIC_WORDS, STOP_WORDS, correct_generic, fold
from graph.resolve.ordinals import canonical_numbers
from graph.resolve.place_names import place_name
from graph.resolve.spelled_runs import Speller, Step

#: Acronyms have this many letters (more is a word; fewer is an initial).
MIN_ACRONYM = 2
MAX_ACRONYM = 8
#: A bracketed acronym of the name itself has at least this many letters ("(UK)" is a country).
MIN_OWN = 3
#: An acronym that is all of one name (the other's words all initialled) has this many letters.
MIN_ALONE = 4
#: The words outside the acronym and its run must be this alike (rapidfuzz ratio of the sorted
#: words), as the words of two spellings of one name are.
REST_RATIO = 0.9
#: Function words an acronym may skip ("BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS" =
#: BUAA) or count.
SKIP_WORDS: frozenset[str] = STOP_WORDS | frozenset({"IN", "ON", "AT", "TO", "BY", "WITH"})
#: Line-of-business words an acronym may leave out of a run, at most this many.
GENERIC_SKIPS = 1

_PARENS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")


@lru_cache(maxsize=200_000)
def _word_steps(word: str) -> tuple[Step, ...]:
    # A function word is skipped first (BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS: the
    # last A is ASTRONAUTICS, not AND), counted only when skipping it spells nothing.
    steps = [Step("")] if word in SKIP_WORDS else []
    if len(word) > 1:  # a single letter is an initial already (I.I. TOROPOV)
        steps.append(Step(word[0]))
    if ABBREVIATIONS.get(word, word) in GENERIC_WORDS:
        steps.append(Step("", generic=True))
    return tuple(steps)


def _initials(words: Sequence[str], j: int) -> tuple[Step, ...]:
    """The ways ``words[j]`` is read in an English initialism (its first letter; a function word
    or a line-of-business word left out): :data:`graph.resolve.spelled_runs.Initials`."""
    return _word_steps(words[j])


def _starts(acronym: str, words: Sequence[str]) -> list[int]:
    """A run starts at a word of the acronym's first letter (no function word, not the acronym)."""
    first = acronym[0]
    return [
        i
        for i, word in enumerate(words)
        if word[:1] == first and len(word) > 1 and word not in SKIP_WORDS and word != acronym
    ]


SPELLER = Speller(_initials, _starts, max_generic=GENERIC_SKIPS)


def spelled_run(acronym: str, words: Sequence[str]) -> tuple[int, int] | None:
    """``(start, end)`` of the first run of ``words`` whose initials spell ``acronym``, each word
    giving one letter in order (a function word may give none, and ``GENERIC_SKIPS`` generic
    words); None when no run does."""
    if not (MIN_ACRONYM <= len(acronym) <= MAX_ACRONYM and acronym.isalpha()):
        return None
    return _spelled_run(acronym, tuple(words))


@lru_cache(maxsize=200_000)
def _spelled_run(acronym: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    # Cached: the scorer reads a name's words against the same acronym for both of its rules
    # (best_collapse, acronym_parts.best_part) and for every candidate pair of the two names.
    return SPELLER.spelled_run(acronym, words)


@dataclass(frozen=True)
class OwnAcronym:
    acronym: str  # as bracketed, folded ("CETC 14": the acronym and words the name has already)
    spelled: str  # the words of the name it stands for


@lru_cache(maxsize=200_000)
def own_acronyms(text: str) -> tuple[tuple[OwnAcronym, ...], str]:
    """The bracketed acronyms of ``text`` that spell a run of its own words, and ``text`` without
    them. A bracket qualifies when its first word is the acronym and any other word of it is
    already in the name ("(CETC 14)" after "… 14TH RESEARCH INSTITUTE")."""
    if "(" not in text and "[" not in text:
        return (), text
    found: list[OwnAcronym] = []
    kept = text
    for group in _PARENS.finditer(text):
        # A bracket may hold several short forms ("ISIL-SEA, ISIL-South East Asia") and write an
        # acronym hyphenated ("JAK-A"): graph.resolve.acronym_brackets.bracket_parts.
        parts = bracket_parts(group.group(1))
        rest = fold(text[: group.start()] + " " + text[group.end() :]).split()
        spelled = [_own_part(part, rest) for part in parts]
        if not parts or None in spelled or not any(spelled):
            continue
        found.extend(OwnAcronym(" ".join(p), s) for p, s in zip(parts, spelled, strict=True) if s)
        kept = kept.replace(group.group(0), " ", 1)
    return tuple(found), kept


def _own_part(part: Sequence[str], rest: Sequence[str]) -> str | None:
    """The words of ``rest`` (the name outside the bracket) that the first word of one part of a
    bracket initials, its other words being the name's own or acronyms of them; "" when the part
    only repeats the name's words; None when it is not a short form of the name."""
    known = set(canonical_numbers(tuple(rest)))

    def own(word: str) -> bool:
        return word in known or (len(word) >= MIN_OWN and spelled_run(word, rest) is not None)

    head, others = letters(part[0]), canonical_numbers(tuple(part[1:]))
    if not all(own(w) for w in others):
        return None
    run = spelled_run(head, rest) if MIN_OWN <= len(head) <= MAX_ACRONYM and head.isalpha() else None
    if run is not None:
        return " ".join(rest[run[0] : run[1]])
    return "" if head in known and others else None


@dataclass(frozen=True)
class Collapse:
    """One name's acronyms put in place of the other name's words they initial."""

    acronyms: tuple[str, ...]  # written in the name that abbreviates
    spelled: tuple[str, ...]  # the run of the other name each stands for
    rest: tuple[str, str]  # the other distinctive words of each, sorted (abbreviating name first)
    similarity: float  # ratio of the distinctive words, the acronyms in place of their runs
    abbreviating: int  # 0: the first name passed to best_collapse wrote the acronyms, 1: the second
    #: Words one name counts distinctive and the other writes as a legal form, set aside.
    written: tuple[str, ...] = ()


def initial_runs(
    x: Sequence[str], y_core: Sequence[str], words: Sequence[str], min_letters: int = MIN_ACRONYM
) -> tuple[list[str], list[str], set[str]]:
    """The words of ``x`` (of ``min_letters`` at least) that initial a run of ``words`` (name y
    in order; runs do not overlap, longest acronym first), the runs they spell, and the words
    of y in those runs."""
    taken = [False] * len(words)
    acronyms: list[str] = []
    spelled: list[str] = []
    for token in sorted(set(x), key=lambda w: (-len(w), w)):
        if len(token) < min_letters or token in y_core or token in words:
            continue
        run = spelled_run(token, words)
        if run is None or any(taken[run[0] : run[1]]):
            continue
        taken[run[0] : run[1]] = [True] * (run[1] - run[0])
        acronyms.append(token)
        spelled.append(" ".join(words[run[0] : run[1]]))
    in_runs = {w for w, t in zip(words, taken, strict=True) if t}
    # y's distinctive words spell a word as normalise_name reads it (INSTRUMENT as INSTRUMENTS,
    # PEKING as BEIJING), the run as written: both spellings are the run's.
    return acronyms, spelled, in_runs | {read_word(w) for w in in_runs}


@lru_cache(maxsize=200_000)
def read_word(word: str) -> str:
    """A word of :func:`run_words` as the distinctive words spell it (a line-of-business word
    spelled right, an abbreviation expanded, a city under its compared spelling), as
    :func:`graph.resolve.names.normalise_name` reads its tokens."""
    corrected = correct_generic(word)
    return place_name(ABBREVIATIONS.get(corrected, corrected))


def _written_by_other(rest: Sequence[str], seq: Sequence[str], core: Sequence[str]) -> list[str]:
    """The words of ``rest`` (one name's distinctive words outside the acronyms) that the other
    name writes (``seq``, its words in order) without counting them distinctive (``core``): a
    legal form written at another place of the name — at the end of one ("MSP KALA NAFT CO."),
    inside the other ("… PROCUREMENT CO.-KALA NAFT") — is written by both."""
    if not seq:
        return []
    others = set(seq).difference(core)
    return [w for w in rest if w in others]


def collapse(core_x: str, core_y: str, seq_y: str, seq_x: str = "") -> Collapse | None:
    """Name x's acronyms in place of the runs of name y's words (``seq_y``, in order) they
    initial, when the words left on both sides agree (see the module docstring); else None.

    ``core_*`` are the sorted distinctive words; ``seq_x`` x's words in order (without it, no
    word of y is read as a legal form of x's, :func:`_written_by_other`)."""
    x, y_core, words = core_x.split(), core_y.split(), seq_y.split()
    acronyms, spelled, in_runs = initial_runs(x, y_core, words)
    if not acronyms:
        return None
    rest_y = sorted(w for w in y_core if w not in in_runs)
    rest_x = sorted(w for w in x if w not in acronyms)
    both = [
        *_written_by_other(rest_x, [w for w in words if w not in in_runs], y_core),
        *_written_by_other(rest_y, seq_x.split(), x),
    ]
    if both:
        rest_x = [w for w in rest_x if w not in both]
        rest_y = [w for w in rest_y if w not in both]
    if not rest_x and not rest_y:
        if max(len(a) for a in acronyms) < MIN_ALONE:
            return None
    elif not rest_x or not rest_y or fuzz.ratio(" ".join(rest_x), " ".join(rest_y)) < REST_RATIO * 100:
        return None
    sim = fuzz.ratio(" ".join(sorted([*rest_x, *acronyms])), " ".join(sorted([*rest_y, *acronyms]))) / 100.0
    rest = (" ".join(rest_x), " ".join(rest_y))
    return Collapse(tuple(acronyms), tuple(spelled), rest, sim, 0, tuple(sorted(set(both))))


def best_collapse(core_a: str, seq_a: str, core_b: str, seq_b: str) -> Collapse | None:
    """:func:`collapse` both ways; the one of higher similarity (``abbreviating`` says whose)."""
    one = collapse(core_a, core_b, seq_b, seq_a)
    two = collapse(core_b, core_a, seq_a, seq_b)
    if two is not None:
        two = Collapse(two.acronyms, two.spelled, two.rest, two.similarity, 1, two.written)
    if one is None or (two is not None and two.similarity > one.similarity):
        return two
    return one


@lru_cache(maxsize=200_000)
def run_words(folded: str) -> tuple[str, ...]:
    """The words of a folded name in which :func:`collapse` finds runs: every word in order (legal
    forms too: KKBC is KOREA KWANGSON BANKING CORPORATION), abbreviations expanded and numbers
    written as digits, as in the distinctive words."""
    return canonical_numbers(tuple(ABBREVIATIONS.get(w, w) for w in folded.split()))


def describe_own(name: str) -> str:
    """Why :func:`own_acronyms` read ``name`` without its bracketed acronyms, in words."""
    found, kept = own_acronyms(name)
    parts = ", ".join(f"({o.acronym}) is the initials of {o.spelled}" for o in found)
    return (
        f"{parts}, written in the name itself: it repeats those words, so the name was also "
        f"compared without it ({' '.join(kept.split())!r})"
    )


def describe_collapse(core_a: str, folded_a: str, core_b: str, folded_b: str) -> str:
    """The reason for an acronym read across two names (:func:`best_collapse` on their forms)."""
    hit = best_collapse(core_a, " ".join(run_words(folded_a)), core_b, " ".join(run_words(folded_b)))
    if hit is None:  # not reached: the scorer found one on the same forms
        return "one name's acronym stands for words of the other"
    how = []
    for acronym, spelled in zip(hit.acronyms, hit.spelled, strict=True):
        how.append(f"{acronym} stands for {spelled} (their initials)")
    rest_x, rest_y = hit.rest
    rest = f"the other words agree: {rest_x!r} / {rest_y!r}" if rest_x else "no other word on either side"
    if hit.written:
        rest += f" ({' '.join(hit.written)} written by both, a legal form in one)"
    return (
        f"{'; '.join(how)}: compared with the acronym in place of those words, and {rest} "
        f"(similarity {hit.similarity:.2f} before the acronym discount)"
    )
