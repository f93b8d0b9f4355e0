"""An acronym spelled by the initials of a run of words: the one reader of the initialism rules.

:mod:`graph.resolve.acronyms` reads English initials (PMC is PRIVATE MILITARY COMPANY, a function
word or one line-of-business word may be left out) and :mod:`graph.resolve.russian_initials`
the Russian initials of English words (VIT is MILITARY INNOVATIVE TECHNOPOLIS: Voennyi …). Both
walk the words in order and try, word by word, the ways a word may give letters, backtracking
when the acronym is not spelled; they differ only in those ways (:data:`Initials`, passed in)
and in what a run needs: a :class:`Speller` holds both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple


class Step(NamedTuple):
    """One way the word at a position may be read: it gives ``letters`` ("" when left out) for
    ``width`` words (a phrase that one foreign word translates is several)."""

    letters: str
    width: int = 1
    russian: bool = False  # read by the initial of its Russian word
    generic: bool = False  # a line-of-business word left out (the English rule allows one)


#: The ways the word ``words[j]`` may be read, in the order they are tried (the first that spells
#: the rest of the acronym wins).
Initials = Callable[[Sequence[str], int], Sequence[Step]]
#: The positions of ``words`` where a run spelling ``acronym`` may start (a cheap test of the
#: rule's, before its readings are tried), in order: ``starts(acronym, words)``.
Starts = Callable[[str, Sequence[str]], Sequence[int]]


@dataclass(frozen=True)
class Speller:
    """A rule's reading of initials: how a word may be read (``initials``), where a run may
    start (``starts``), and what a run needs: ``min_units`` steps giving letters and ``min_russian`` read in
    Russian at least, ``max_generic`` line-of-business words left out at most."""

    initials: Initials
    starts: Starts
    min_units: int = 0
    min_russian: int = 0
    max_generic: int = 0

    def spelled_run(self, acronym: str, words: Sequence[str]) -> tuple[int, int] | None:
        """``(start, end)`` of the first run of ``words`` whose initials spell ``acronym``; None
        when no run does. A run starts where :attr:`starts` says, at a word giving letters."""
        initials = self.initials
        for start in self.starts(acronym, words):
            for step in initials(words, start):
                if not step.letters or not acronym.startswith(step.letters):
                    continue
                end = self._spell(acronym, words, len(step.letters), start + step.width, 1, step.russian, 0)
                if end is not None:
                    return start, end
        return None

    def _spell(
        self, acronym: str, words: Sequence[str], k: int, j: int, units: int, russian: int, generic: int
    ) -> int | None:
        """End (exclusive) of a run from ``words[j]`` whose initials spell ``acronym[k:]``, the run
        so far having read ``units`` steps giving letters, ``russian`` of them in Russian, and
        left out ``generic`` line-of-business words."""
        if k == len(acronym):
            return j if units >= self.min_units and russian >= self.min_russian else None
        if j >= len(words):
            return None
        for step in self.initials(words, j):
            letters = step.letters
            if not acronym.startswith(letters, k) or (step.generic and generic >= self.max_generic):
                continue
            end = self._spell(
                acronym,
                words,
                k + len(letters),
                j + step.width,
                units + (letters != ""),
                russian + step.russian,
                generic + step.generic,
            )
            if end is not None:
                return end
        return None
