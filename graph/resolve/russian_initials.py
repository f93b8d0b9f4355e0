"""Russian initialisms of English words: "FGAU VIT ERA" is "Federal State Autonomous Institution
Military Innovative Technopolis Era".

Russian organisations are listed in English with their words translated, and under the
acronym of the Russian words: VIT is Voennyi Innovatsionnyi Tekhnopolis, the MILITARY
INNOVATIVE TECHNOPOLIS; GSKB is Golovnoe Sistemnoe Konstruktorskoe Byuro, the MAIN SYSTEM
DESIGN BUREAU; ChRZ is the CHelyabinskii Radio Zavod, the CHELYABINSK RADIO PLANT. An
initialism of the English words (:mod:`graph.resolve.acronyms`) does not read them — a
translated word does not keep its initial (MILITARY is V, PLANT is Z, CENTER is TS) — and
the type table (:mod:`graph.resolve.org_abbrev`) holds types only, not the words around them.

The Russian initials of English words are a table (``data/reference/russian_initials.csv``,
each row with the Russian word it comes from; a row may be a phrase one Russian word
translates, DUAL USE = dvoinoi); a word not in it gives its English initial.
:func:`same_by_russian_initials` holds when a word of one name is spelled, in order, by the
initials of a run of ``MIN_UNITS`` words of the other name or more, one at least read in
Russian (else it is an English initialism, the other rule's), and — the acronym and its run
set aside — the two names are one name:

* the same organisational words after translation (or one name leaves out optional ones, as in
  :func:`graph.resolve.org_translate.left_out`), and names proper of ``MIN_REST_CHARS`` letters
  or more on both sides that agree (:func:`graph.resolve.org_translate.names_alike`): the pair
  is decided by the distinctive word the names share, so "NPO VIT SOYUZ" is never the "…
  MILITARY INNOVATIVE TECHNOPOLIS ERA";
* or, for an acronym of ``MIN_PART_LETTERS`` letters or more, the shorter name is part of the
  longer one — every word it keeps among the longer name's, which also writes its parent group
  ("ALMAZ ANTEY GSKB" / "ALMAZ ANTEY AIR DEFENSE CONCERN MAIN SYSTEM DESIGN BUREAU") — as
  :mod:`graph.resolve.acronym_parts` reads an English acronym, and on the same guard: none of
  the words left out is an organisation type (a design bureau and the association of its name
  are two bodies).

The scorer reads the rule only where one name's candidate word has all its letters among the
other's possible initials (bit masks, column-wise) and the two names share a distinctive word
as written (:func:`shared_word`): a name proper only respelt (SALYUT / SALUTE) beside a Russian
acronym is not read, so that random pairs seldom reach the Python rule.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.resolve import org_abbrev
from graph.resolve.either_way import either_way
from graph.resolve.letter_masks import letter_mask
from graph.resolve.names import GENERIC_WORDS
from graph.resolve.org_translate import SKIP_WORDS, OrgView, left_out, names_alike, org_view
from graph.resolve.spelled_runs import Speller, Step

TABLE = Path(__file__).resolve().parents[2] / "data" / "reference" / "russian_initials.csv"

#: An acronym spells this many words at least (two initials fit too many names by chance).
MIN_UNITS = 3
#: An acronym written in letters: this many at most (more is a word).
MAX_LETTERS = 6
#: The names proper left on each side have this many letters at least ("ERA" of VIT ERA).
MIN_REST_CHARS = 3
#: An acronym standing for part of a longer name has this many letters at least (as
#: :data:`graph.resolve.acronym_parts.MIN_PART`).
MIN_PART_LETTERS = 4


@dataclass(frozen=True)
class Initialism:
    """``acronym`` of one name spelled by the other name's words ``spelled`` (in order), with the
    Russian words read (``russian``), and how the rest agrees (``part``: a part of a longer name)."""

    acronym: str
    spelled: tuple[str, ...]
    russian: tuple[str, ...]
    part: str  # the longer name's words the shorter leaves out ("": the names agree in full)
    abbreviating: int  # 0: the first name passed wrote the acronym, 1: the second


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[tuple[str, ...], str]]:
    """English word (or phrase, space-joined) → (its Russian initials, the Russian word)."""
    with TABLE.open(newline="", encoding="utf-8") as fh:
        rows = csv.DictReader(fh)
        return {row["english"]: (tuple(row["initials"].split()), row["russian"]) for row in rows}


@lru_cache(maxsize=1)
def phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The table's phrases of several English words that one Russian word translates (DUAL USE is
    dvoinoi, D), by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for english in table():
        words = tuple(english.split())
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def _initials(word: str) -> list[tuple[str, bool]]:
    """The initials ``word`` may give: ``(letters, read in Russian)``."""
    out = [(word[0], False)]
    russian = table().get(word)
    if russian is not None:
        out.extend((i, True) for i in russian[0] if i != word[0])
    return out


@lru_cache(maxsize=200_000)
def _word_steps(word: str) -> tuple[Step, ...]:
    """The ways a word is read alone: skipped (a function word), by its initials."""
    steps = [Step("")] if word in SKIP_WORDS else []
    if len(word) >= 2:  # a single letter is an initial already
        steps.extend(Step(letters, russian=russian) for letters, russian in _initials(word))
    return tuple(steps)


def _steps(words: Sequence[str], j: int) -> Sequence[Step]:
    """The ways ``words[j]`` is read in a Russian initialism (:data:`graph.resolve.spelled_runs.Initials`):
    skipped (a function word), as a phrase one Russian word translates, by its initials."""
    word = words[j]
    alone = _word_steps(word)
    if word not in phrases() or len(word) < 2:
        return alone
    steps = [s for s in alone if not s.letters]
    for phrase in phrases()[word]:
        if tuple(words[j : j + len(phrase)]) == phrase:
            steps.extend(Step(letters, len(phrase), russian=True) for letters in table()[" ".join(phrase)][0])
    return steps + [s for s in alone if s.letters]


def _starts(acronym: str, words: Sequence[str]) -> list[int]:
    """A run starts at a word of two letters or more (no function word, not the acronym)."""
    return [
        i for i, word in enumerate(words) if word not in SKIP_WORDS and word != acronym and len(word) >= 2
    ]


SPELLER = Speller(_steps, _starts, min_units=MIN_UNITS, min_russian=1)


def spelled_run(acronym: str, words: Sequence[str]) -> tuple[int, int] | None:
    """``(start, end)`` of the first run of ``words`` whose initials spell ``acronym``: ``MIN_UNITS``
    words at least, one Russian initial at least; None when none does."""
    return SPELLER.spelled_run(acronym, words)


@lru_cache(maxsize=50_000)
def _view(tokens: tuple[str, ...]) -> OrgView:
    return org_view(tokens, GENERIC_WORDS)


def candidates(tokens: Sequence[str]) -> tuple[str, ...]:
    """The words of a name that may be a Russian acronym: names proper (not organisational words)
    of ``MIN_UNITS`` to ``MAX_LETTERS`` letters."""
    return _candidates_in(_view(tuple(tokens)).rest)


def _candidates_in(rest: str) -> tuple[str, ...]:
    """:func:`candidates` from the names proper of the name's organisational view."""
    return tuple(w for w in dict.fromkeys(rest.split()) if MIN_UNITS <= len(w) <= MAX_LETTERS and w.isalpha())


def _one_way(x: tuple[str, ...], y: tuple[str, ...]) -> Initialism | None:
    for acronym in candidates(x):
        if acronym in y:
            continue
        run = spelled_run(acronym, y)
        if run is None:
            continue
        x_left = list(x)
        x_left.remove(acronym)
        y_left = y[: run[0]] + y[run[1] :]
        view_x, view_y = _view(tuple(x_left)), _view(y_left)
        spelled = y[run[0] : run[1]]
        if _same(view_x, view_y):
            return Initialism(acronym, spelled, _russian_words(acronym, spelled), "", 0)
        extra = _part_of(view_x, view_y) if len(acronym) >= MIN_PART_LETTERS else ""
        if extra:
            return Initialism(acronym, spelled, _russian_words(acronym, spelled), extra, 0)
    return None


def _russian_words(acronym: str, spelled: Sequence[str]) -> tuple[str, ...]:
    """The words of the run read by their Russian word (for the reason)."""
    out: list[str] = []
    joined = " ".join(spelled)
    for english, (initials, _russian) in table().items():
        if f" {english} " not in f" {joined} " or any(english != p and english in p for p in out):
            continue
        if " " in english or any(i != english[0] and i in acronym for i in initials):
            out.append(english)
    return tuple(f"{english} = {table()[english][1]}" for english in sorted(out, key=joined.find))


def _same(x: OrgView, y: OrgView) -> bool:
    """The two names are one name once the acronym and its run are set aside."""
    if x.org != y.org and not left_out(x, y):
        return False
    rest_x, rest_y = x.rest.replace(" ", ""), y.rest.replace(" ", "")
    if len(rest_x) < MIN_REST_CHARS or len(rest_y) < MIN_REST_CHARS:
        return False
    return names_alike(rest_x, rest_y)


def _part_of(x: OrgView, y: OrgView) -> str:
    """The words of the longer name (``y``) the shorter (``x``) leaves out, when x is part of y: its
    words all among y's, y keeping more words, none of them an organisation type; else ``""``."""
    if len(x.rest.replace(" ", "")) < MIN_REST_CHARS + 1:
        return ""
    words_x = Counter(x.org.split()) + Counter(x.rest.split())
    words_y = Counter(y.org.split()) + Counter(y.rest.split())
    extra = words_y - words_x
    if words_x - words_y or not extra or not org_abbrev.concepts().isdisjoint(extra):
        return ""
    return " ".join(sorted(extra.elements()))


@lru_cache(maxsize=50_000)
def russian_initialism(tokens_a: tuple[str, ...], tokens_b: tuple[str, ...]) -> Initialism | None:
    """A word of one name that is the Russian initials of a run of the other's words, the names
    one name once it is read (module docstring); None when there is none."""
    return either_way(lambda: _one_way(tokens_a, tokens_b), lambda: _one_way(tokens_b, tokens_a))


def same_by_russian_initials(text_a: str, text_b: str) -> float:
    """1.0 when :func:`russian_initialism` holds for two names' normalised tokens (space-joined),
    else 0.0 (for the scorer's per-distinct-pair reader). Names sharing no word as written
    (:func:`shared_word`) are not read: the rule decides by the word they share."""
    tokens_a, tokens_b = tuple(text_a.split()), tuple(text_b.split())
    if not shared_word(tokens_a, tokens_b):
        return 0.0
    return float(russian_initialism(tokens_a, tokens_b) is not None)


def shared_word(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> bool:
    """The two names write a distinctive word of ``MIN_REST_CHARS`` letters alike (no word of the
    table, no line-of-business word): the names proper the rule needs agree as written, in all
    but a respelling; a cheap test before the rule's own."""
    table_words = table()
    common = set(tokens_a) & set(tokens_b)
    return any(
        len(w) >= MIN_REST_CHARS and w not in table_words and w not in SKIP_WORDS and w not in GENERIC_WORDS
        for w in common
    )


@lru_cache(maxsize=200_000)
def _candidate_masks(rest: str, slots: int) -> tuple[int, ...]:
    if not rest:
        return (0,) * slots
    found = [letter_mask(w) for w in _candidates_in(rest)]
    if len(found) > slots:  # the letters all the others share: still a necessary condition
        last = found[slots - 1]
        for m in found[slots:]:
            last &= m
        found[slots - 1] = last  # 0 when they share none: those candidates are not read
    return tuple((found + [0] * slots)[:slots])


def candidate_masks(view: OrgView, slots: int) -> tuple[int, ...]:
    """The letters of each of the name's candidate acronyms (:func:`candidates`), ``slots`` bit
    masks (0 fills; more candidates share the last slot, their common letters). A pair reaches
    the rule only when one candidate's letters are all among the letters the other name's words
    may give (:func:`initial_mask`): a necessary condition, tested column-wise.

    ``view`` is the name's ``org_view(tokens, GENERIC_WORDS)``, which the scorer has already
    (``features.prepare``): read from its names proper, the name is not read twice."""
    return _candidate_masks(view.rest, slots)


@lru_cache(maxsize=200_000)
def _word_initials(word: str) -> str:
    """The letters one word may give as an initial (English and Russian), joined."""
    return "".join(letters for letters, _ in _initials(word)) if len(word) >= 2 else ""


def initial_mask(tokens: Sequence[str]) -> int:
    """The letters the name's words may give as initials (English and Russian), as a bit mask; 0
    when no word has a Russian initial (the rule needs one)."""
    if table().keys().isdisjoint(tokens):
        return 0
    return letter_mask("".join(_word_initials(t) for t in tokens))


def describe(hit: Initialism) -> str:
    """The reason for a Russian initialism, in words."""
    run = " ".join(hit.spelled)
    how = "; ".join(hit.russian)
    rest = (
        f"the shorter name is part of the longer one, which also writes {hit.part} (a parent group or "
        "another writing of the name, no organisation type)"
        if hit.part
        else "set aside, the other words agree"
    )
    return (
        f"{hit.acronym} is the Russian initials of {run} ({how}: a translated word does not keep "
        f"its initial, data/reference/russian_initials.csv); {rest}"
    )
