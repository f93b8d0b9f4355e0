"""Names made only of the same line-of-business words: ``review`` for an officer, never a block.

Screening's own scorer (:mod:`graph.screening.scoring`) compares a name without a distinctive word
whole, so such a name was scored like any other: the counterparty "ENGINEERING SOLUTIONS PVT LTD"
came out a *block* (1.0) against the listed "Engineering Solutions Pvt. Ltd." in any country, and
"HIGH TECHNOLOGIES LTD" in Germany was ``review`` against Pakistan's "High Technology, Ltd". Resolution
has a rule for exactly these pairs (:mod:`graph.resolve.generic_names`): the words name many
companies, so the same words are a pair to look at, never one entity on the name alone. This module
applies that rule, not a copy of it, to screening's candidate pairs whose listed name is a
company's (any entity kind but a person's, a craft's or an address) and whose screened name, read
as a company's, is such a name of the same words (:func:`graph.resolve.generic_names.same_generic_name`):

* legal forms that do not conflict and a country that does not differ: the pair is put in the
  review band (at least ``review``, below ``block``), its reason saying it is a generic name and to
  check the address, the country and the identifiers;
* legal forms that conflict as the resolution scorer reads them (its ``generic_name`` feature is
  off: HIGH TECHNOLOGY FZE / HIGH TECHNOLOGY LTD, two legal persons; LTD / LLC is one form written
  two ways and does not conflict) or a country that differs: held below ``review``, still listed
  with the reason.

One line-of-business word with a legal form ("TRADING LIMITED", "UNITED COMPANY OJSC": COMPANY is
the form's) names nobody to resolution, not even for review. Screening's scorer blocked such a
listed name screened word for word, but with its form written otherwise ("TRADING LTD", "UNITED
COMPANY OPEN JOINT STOCK COMPANY") found no candidate (the main blocking drops the word's common
key) or left the pair clear, the form's words counting as the name's. Screening holds these names
too (:func:`is_trade_word_name`) and reads a pair of them, both with a legal form and of the same
word, as it reads the names of two such words: legal forms that do not conflict (resolution's
``legal`` of 0 or more) and a country that does not differ make it a pair for review, never a
block, the name as listed included; a conflict (UNITED LLC against an OJSC) or another country holds
it below ``review``. A screened word without a form ("UNITED") is left to the scorer, as before.
The bundled lists hold five such names ("UNITED COMPANY OJSC", "TRANSPORTES LC", "INT LTD EOOD" …).

Candidates: the blocking index drops keys many names hold (RESEARCH, ENGINEERING), and it keys the
words as written, so a pair such as SCIENCE RESEARCH / "AO Scientific Research" or TECHNOLOGY
LABORATORY / "TECHNO LAB" is often never formed. A second blocking index over the listed generic
names alone (a few dozen) adds each screened name's :data:`TOP_K` nearest of them: bounded, and
cheap next to the main index. Reading a name (:func:`graph.resolve.names.normalise_name`) costs a
tenth of a millisecond, so a name is read only when resolution's word-by-word test
(:func:`graph.resolve.generic_names.may_be_generic_name`) says it may be such a name: about 2 in 100
of the benchmark's names. A legal form mistyped short of what that test knows (PV LTD) is not read,
and such a name is scored by screening's scorer alone, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from graph.resolve.candidates import BlockingConfig, Candidates
from graph.resolve.features import Record, pair_features, prepare
from graph.resolve.generic_names import (
    describe,
    describe_conflict,
    is_generic_name,
    may_be_generic_name,
    same_generic_name,
)
from graph.resolve.names import GENERIC_WORDS, STOP_WORDS, NameForm, normalise_name

#: Entry kinds whose names are not a company's (resolution's rule is for companies only); any other
#: kind (``company``, ``unknown``, the CSL's ``entity``) is read as one.
NOT_COMPANY_KINDS = frozenset({"person", "individual", "vessel", "aircraft", "address"})
#: Listed generic names added per screened name (there are a few dozen in all the bundled lists).
TOP_K = 3
#: Key overlap a screened name needs with a listed generic name to be read: low, since only names
#: that may be generic ones are looked up, and an abbreviation shares few keys with its word
#: (TECHNOLOGY LABORATORY meets TECHNO LAB at 0.19).
MIN_SIMILARITY = 0.1


def _read(name: str) -> NameForm:
    """A name read as a company's, bypassing ``normalise_name``'s cache: most screened names (and
    the listed names at build) are read once here and then dropped, and a file of a million names
    would otherwise fill that cache (500,000 forms, hundreds of MB) for nothing."""
    return normalise_name.__wrapped__(name, "company")


def is_trade_word_name(form: NameForm) -> bool:
    """Whether ``form`` (a company's) is one line-of-business word and a legal form, and nothing else
    but stop-words ("TRADING LIMITED", "UNITED COMPANY OJSC": COMPANY is the form's)."""
    if form.kind == "person" or form.distinctive or not form.legal_form:
        return False
    words = {t for t in form.tokens if t not in STOP_WORDS}
    return len(words) == 1 and words <= GENERIC_WORDS


def same_trade_word_name(form_a: NameForm, form_b: NameForm) -> bool:
    """Whether two names are both one line-of-business word and a legal form, of the same word."""
    return is_trade_word_name(form_a) and is_trade_word_name(form_b) and form_a.generic == form_b.generic


class Blocking(Protocol):
    def query(self, names: Sequence[str], top_k: int | None = None) -> Candidates: ...


@dataclass(frozen=True)
class GenericVerdict:
    """What the rule says of one candidate pair: ``review`` or not, and the reason shown."""

    review: bool
    reason: str


class GenericNames:
    """The listed names that are generic names (index rows), and a blocking index over them."""

    def __init__(
        self,
        names: Sequence[str],
        owner: np.ndarray,
        entry_kinds: Sequence[str],
        blocking: Callable[[list[str], np.ndarray, BlockingConfig], Blocking],
    ):
        """``blocking`` builds the index the main one is (``index.TranslitBlocking``), over these names."""
        self.forms: dict[int, NameForm] = {}
        for row, name in enumerate(names):
            if entry_kinds[int(owner[row])].lower() in NOT_COMPANY_KINDS or not may_be_generic_name(name):
                continue
            form = _read(name)
            if is_generic_name(form) or is_trade_word_name(form):
                self.forms[row] = form
        self.rows = np.asarray(sorted(self.forms), dtype=np.int64)
        self._blocking = (
            blocking(
                [names[int(r)] for r in self.rows],
                owner[self.rows],
                BlockingConfig(top_k=TOP_K, min_similarity=MIN_SIMILARITY),
            )
            if len(self.rows)
            else None
        )

    def __len__(self) -> int:
        return len(self.rows)

    def candidates(self, names: Sequence[str]) -> Candidates:
        """Each screened name's nearest listed generic names, as rows of the main index."""
        if self._blocking is None or not names:
            empty = np.zeros(0, dtype=np.int64)
            return Candidates(empty, empty, np.zeros(0, dtype=np.float32))
        # Only a name that may be such a name is looked up (a few in a hundred of a customer file).
        which = np.asarray([i for i, name in enumerate(names) if may_be_generic_name(name)], dtype=np.int64)
        found = self._blocking.query([names[int(i)] for i in which])
        return Candidates(which[found.query], self.rows[found.target], found.similarity)

    def verdicts(
        self, names: Sequence[str], rows: Sequence[int], countries: Sequence[int]
    ) -> list[GenericVerdict | None]:
        """The rule's verdict on each screened name against the listed name of index row ``rows[i]``
        (``countries[i]``: 1 agrees, -1 differs, 0 unknown), None where it does not apply.

        Whether the legal forms let the pair go to review is the resolution scorer's own feature
        (``PairFeatures.generic_name``: the same words and legal forms that do not conflict, one
        form written two ways included; for names of one such word, which it reads as no name,
        its ``legal``), computed for these few pairs only."""
        out: list[GenericVerdict | None] = [None] * len(names)
        # A screened name meets up to TOP_K listed generic names (and the main blocking's): read once.
        read = {
            name: _read(name)
            for name, row in zip(names, rows, strict=True)
            if row in self.forms and may_be_generic_name(name)
        }
        todo = [
            i
            for i, (name, row) in enumerate(zip(names, rows, strict=True))
            if name in read
            and (
                same_generic_name(read[name], self.forms[row])
                or same_trade_word_name(read[name], self.forms[row])
            )
        ]
        if not todo:
            return out
        screened = prepare([Record(id=f"q{i}", names=(names[i],)) for i in todo])
        listed = prepare([Record(id=f"t{i}", names=(self.forms[rows[i]].original,)) for i in todo])
        both = np.arange(len(todo), dtype=np.int64)
        features = pair_features(screened, listed, np.column_stack([both, both]))
        for j, i in enumerate(todo):
            name, form = names[i], self.forms[rows[i]]
            one_word = is_trade_word_name(form)
            if not (features.legal[j] >= 0 if one_word else features.generic_name[j]):
                conflict = describe_conflict(name, form.original, form.generic)
                out[i] = GenericVerdict(False, f"generic name, legal forms conflict: {conflict}")
                continue
            reason = "generic name: " + describe(name, form.original, form.generic)
            if countries[i] == -1:
                reason += "; the counterparty's country is none of the entry's: below review"
            out[i] = GenericVerdict(countries[i] != -1, reason)
        return out


def placed(score: float, verdict: GenericVerdict, weak: bool, review: float, block: float) -> float:
    """A pair's score once the rule has spoken: in the review band (``review`` to just below
    ``block``), or just below ``review``. A weak alias is never lifted to review by it: it counts no
    more than it would otherwise, as in resolution."""
    if not verdict.review:
        return max(0.0, min(score, review - 0.01))
    ceiling = max(review, block - 0.01)
    return min(score, ceiling) if weak else min(max(score, review), ceiling)
