"""A legal form keyed with one typo ("PTR LTD", "S A FE C V", "DP Z O O") read as that form.

A clerk's typo in a multi-letter legal form otherwise leaves debris words in the name and, worse,
reads as a *different* form: "GRANITE DEVICES S S DE C V" lost its S.A. de C.V. and kept a
"C V" (an Indonesian form), a jurisdiction conflict with "Granite Devices S.A. de C.V." that
sank a true pair. Only the run of short words (three letters or fewer) that ends a name is
looked at, and only a run that is not already a known form; it is corrected when it, or one of
its tails of two words or more, is one edit (or one swap of neighbours) away from a known form of at least
``MIN_FORM_CHARS`` letters (written without spaces). Short forms ("AB", "AS", "SA") are never
targets: one edit turns any two-letter word into one of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from graph.resolve.legal_forms import LegalForms

#: A typo is corrected only towards forms at least this long (letters, spaces removed).
MIN_FORM_CHARS = 5
#: Words of at most this many letters can belong to a written legal form's run.
SHORT_WORD = 3


class FormTypos:
    """Corrects a one-edit typo in the legal form that ends a folded token sequence."""

    def __init__(self, forms: LegalForms):
        self._known = {"".join(key) for key in forms.table}
        by_squeeze: dict[str, tuple[str, ...]] = {}
        for key in forms.table:
            squeezed = "".join(key)
            if len(squeezed) >= MIN_FORM_CHARS and len(key) >= 2:
                by_squeeze.setdefault(squeezed, key)
        self._targets = by_squeeze
        self._choices = tuple(sorted(by_squeeze))

    @lru_cache(maxsize=100_000)  # noqa: B019 - one instance per process (names.form_typos)
    def _correct(self, run: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
        """(number of trailing words replaced, the form's words), or None."""
        for start in range(len(run) - 1):
            tail = run[start:]
            squeezed = "".join(tail)
            if squeezed in self._known:
                return None  # already a form: LegalForms reads it as written
            if len(squeezed) < MIN_FORM_CHARS:
                continue
            hit = process.extractOne(squeezed, self._choices, scorer=OSA.distance, score_cutoff=1)
            if hit is not None:
                return len(tail), self._targets[hit[0]]
        return None

    def repair(self, tokens: Sequence[str]) -> list[str]:
        """``tokens`` with a mistyped trailing legal form replaced by the form it was meant as."""
        n = 0
        while n < len(tokens) and len(tokens[len(tokens) - 1 - n]) <= SHORT_WORD:
            n += 1
        if n < 2 or n == len(tokens):  # a name made only of short words is left alone
            return list(tokens)
        fixed = self._correct(tuple(tokens[len(tokens) - n :]))
        if fixed is None:
            return list(tokens)
        size, form = fixed
        return [*tokens[: len(tokens) - size], *form]
