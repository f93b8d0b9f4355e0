"""A legal form keyed with one typo ("PTR LTD", "S A FE C V", "DP Z O O") read as that form.

A clerk's typo in a multi-letter legal form otherwise leaves debris words in the name and, worse,
reads as a *different* form: "GRANITE DEVICES S S DE C V" lost its S.A. de C.V. and kept a
"C V" (an Indonesian form), a jurisdiction conflict with "Granite Devices S.A. de C.V." that
sank a true pair. Only the run of short words (three letters or fewer) that ends a name is
looked at, and only a run that is not already a known form; it is corrected when it, or one of
its tails of two words or more, is one edit (or one swap of neighbours) away from a known form of at least
``MIN_FORM_CHARS`` letters (written without spaces). Short forms ("AB", "AS", "SA") are never
targets: one edit turns any two-letter word into one of them.

A correction keeps a form of two letters or more that the run ends with as written: the slip is
in the letters before it
("S S DE C V", its C V kept, is S.A. de C.V.). "CIA S.A." (Compañía, Sociedad Anónima) ends with
the form S.A. and was read as the Colombian partnership "Cía. S.C.A." one letter away, which
rewrites that S.A.

Two more misreadings are corrected the same way:

* **compound forms** — Latin-American names end in two forms written together ("y Cía.
  S.C.S."), which the table holds only as parts; a typo in the inner part ("ICA S C S") is one
  edit from the compound only (:data:`COMPOUND_FORMS`). The Mexican ones ("S. de R.L. de C.V.",
  mistyped "S DE R L ED C V") are in the table whole (:mod:`graph.resolve.legal_forms`);
* **romanised forms** — a clerk's romanisation rewrites the letters of a form too ("SP TS O O"
  for "Sp. z o.o.", Z written TS): a run whose romanisation key
  (:func:`graph.resolve.romanise.roman_key`) equals a form's is that form;
* **a form of two letters written apart** — "D2 IMAGINEERING V A" for "D2 Imagineering, C.A.":
  a name ending in exactly two one-letter words that are no form is read as the one form of two
  one-letter words (C A, S A, N V …) it is a neighbouring key away from (one letter struck for
  the key beside it on its QWERTY row, :func:`graph.resolve.typo_words.neighbour_keys`). Any edit
  would do for a two-letter *word* (the rule above refuses those), but the letters written apart
  are a form's, and a neighbouring key with only one form in reach is the narrow typo; left as
  written, the V read as a Roman numeral and the A as a form of another jurisdiction.

A word the name writes short for a line-of-business word (IND, ENG, SVC: the scorer's
abbreviations, ``names.ABBREVIATIONS``) ends the run as a number does: it is the name's word, not a
letter of a form mistyped. "ELECTRONIC COMPONENTS IND CO" written on a bill of lading lost its IND to
"INC CO" (one edit), then kept no distinctive word and could not match its own listed name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from graph.resolve.dotted_initials import occurrences
from graph.resolve.legal_forms import LegalForms
from graph.resolve.romanise import roman_key
from graph.resolve.typo_words import neighbour_keys

#: A typo is corrected only towards forms at least this long (letters, spaces removed).
MIN_FORM_CHARS = 5
#: Words of at most this many letters can belong to a written legal form's run.
SHORT_WORD = 3
#: Two forms written together that the legal-form table holds only as parts (each part is
#: in the table): Colombian "y Cía. S.C.S." / "y Cía. S. en C.".
COMPOUND_FORMS: tuple[str, ...] = ("CIA S C S", "CIA S EN C")


def _form_letters(word: str) -> bool:
    """A word that may belong to a written legal form's run: short, and not a number."""
    return len(word) <= SHORT_WORD and not word.isdigit()


class FormTypos:
    """Corrects a one-edit typo in the legal form that ends a folded token sequence."""

    def __init__(self, forms: LegalForms, name_words: frozenset[str] = frozenset()):
        """``name_words``: words that are the name's written short, never a form's letters."""
        self._name_words = name_words
        compounds = [tuple(form.split()) for form in COMPOUND_FORMS]
        self._known = {"".join(key) for key in [*forms.table, *compounds]}
        by_squeeze: dict[str, tuple[str, ...]] = {}
        for key in [*forms.table, *compounds]:
            squeezed = "".join(key)
            if len(squeezed) >= MIN_FORM_CHARS and len(key) >= 2:
                by_squeeze.setdefault(squeezed, key)
        self._targets = by_squeeze
        self._choices = tuple(sorted(by_squeeze))
        by_roman: dict[str, tuple[str, ...]] = {}
        for squeezed, key in sorted(by_squeeze.items()):
            by_roman.setdefault(roman_key(squeezed), key)
        self._by_roman = by_roman
        # Forms of two one-letter words ("C A", "N V"), for the neighbouring-key reading.
        self._letter_pairs = tuple(
            sorted(k for k in forms.table if len(k) == 2 and all(len(w) == 1 for w in k))
        )

    @lru_cache(maxsize=100_000)  # noqa: B019 - one instance per process (names.form_typos)
    def _correct(self, run: tuple[str, ...], all_short: bool = False) -> tuple[int, tuple[str, ...]] | None:
        """(number of trailing words replaced, the form's words), or None. ``all_short``: the
        run is the whole name, corrected for a substitution or a swap only (see :meth:`repair`)."""
        if len(run) == 2 and all(len(w) == 1 for w in run) and "".join(run) not in self._known:
            return self._neighbour_form(run)
        # The run's tails that are forms as written: a correction keeps them (module docstring). A
        # one-letter form (S, the last letter of "S EN C S") is as likely the slip itself.
        written = [s for i in range(len(run)) if len(s := "".join(run[i:])) >= 2 and s in self._known]
        for start in range(len(run) - 1):
            tail = run[start:]
            squeezed = "".join(tail)
            if squeezed in self._known:
                return None  # already a form: LegalForms reads it as written
            if len(squeezed) < MIN_FORM_CHARS:
                continue
            hit = process.extractOne(squeezed, self._choices, scorer=OSA.distance, score_cutoff=1)
            if hit is not None and not (all_short and len(hit[0]) != len(squeezed)):
                return (len(tail), self._targets[hit[0]]) if _keeps(hit[0], written) else None
            romanised = self._by_roman.get(roman_key(squeezed))
            if romanised is not None:
                return (len(tail), romanised) if _keeps("".join(romanised), written) else None
        return None

    def _neighbour_form(self, run: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
        """The one two-letter form a neighbouring key away from ``run`` (see the module docstring)."""
        hits = [
            key
            for key in self._letter_pairs
            if sum(a != b for a, b in zip(key, run, strict=True)) == 1
            and all(a == b or neighbour_keys(a, b) for a, b in zip(key, run, strict=True))
        ]
        return (2, hits[0]) if len(hits) == 1 else None

    def repair(self, tokens: Sequence[str], groups: Sequence[tuple[str, ...]] = ()) -> list[str]:
        """``tokens`` with a mistyped trailing legal form replaced by the form it was meant as.

        ``groups``: the name's dotted initials (:mod:`graph.resolve.dotted_initials`). A correction
        that would take only some letters of one is refused: "ARCHI CENTRE I.C.E. LTD" is the
        initials ICE and the form LTD, not an I and "C E LTD" mistyped for CO LTD."""
        n = 0
        # A number ends the run: it is the name's ("ONE VISION INVESTMENTS 5 PTY LTD"), not a
        # letter of a form mistyped (5PTYLTD is one edit from PTYLTD).
        # A word written short for a line-of-business word ends it too (module docstring).
        while (
            n < len(tokens)
            and _form_letters(word := tokens[len(tokens) - 1 - n])
            and word not in self._name_words
        ):
            n += 1
        if n < 2:
            return list(tokens)
        # A name made only of short words is corrected only for a letter keyed for another (or two
        # swapped): "J & E D DE R L DE C V" is J AND E, S. de R.L. de C.V. with the S keyed D. A
        # letter more or less may be the name's: "VTB DC LTD" is no "LDC LTD", "M A T S A S A DE C
        # V" no S.A.S. de C.V., "J & E S DE R L DE C V" no "E S" mistyped for S.
        all_short = n == len(tokens)
        fixed = self._correct(tuple(tokens[len(tokens) - n :]), all_short)
        if fixed is None:
            return list(tokens)
        size, form = fixed
        cut = len(tokens) - size
        if cut == 0:  # a form must leave the name a word
            return list(tokens)
        if any(g < cut < g + len(group) for group in groups for g in occurrences(tokens, group)):
            return list(tokens)
        return [*tokens[:cut], *form]


def _keeps(target: str, written: Sequence[str]) -> bool:
    """The form ``target`` (letters without spaces) ends with each of ``written``, the forms the
    run ends with as written: the slip is in the letters before them."""
    return all(target.endswith(form) for form in written)


def keyed_as_written(legal_run: str, folded: str) -> bool:
    """Each word of ``legal_run`` (the form words cut from a name, ``NameForm.legal_run``) is
    written in the name ``folded``, as a word of its own or as a run of words written together
    ("S A C" of "S.A.C." is the form SAC), no word of the name serving twice. A form cut from
    both edges ("AO … JSC"), around the name's words or out of a bracket is written as it is
    read; a form this module corrected ("PTR LTD"; "S DE R L ED C V", its DE written once), or a
    word the speller read as another, is not."""
    words = folded.split()
    free = [True] * len(words)
    for word in legal_run.split():
        span = _writing(word, words, free)
        if span is None:
            return False
        for k in span:
            free[k] = False
    return True


def _writing(word: str, words: Sequence[str], free: Sequence[bool]) -> range | None:
    """The positions of the first writing of ``word`` among the ``free`` ``words``: one word, or
    consecutive words written together; None when there is none."""
    for first in range(len(words)):
        joined = ""
        for last in range(first, len(words)):
            if not free[last]:
                break
            joined += words[last]
            if joined == word:
                return range(first, last + 1)
            if not word.startswith(joined):
                break
    return None
