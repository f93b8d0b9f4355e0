"""Vectorised scoring of many candidate pairs: the same numbers as :func:`compare`, fast.

``prepare`` normalises every name once (cached per distinct name) and stores the parts that
are compared as numpy object columns. ``score_pairs`` expands record pairs to name pairs,
runs rapidfuzz ``process.cpdist`` (C++, every core for big batches, see ``cpdist_workers``) on the
pre-sorted distinctive tokens, the tokens written together and the metaphone keys, keeps
the best-aligned name pair per record pair with ``np.maximum.reduceat`` and combines the
features in numpy. Python loops remain only for the rare pairs where both sides carry
legal forms with generic words or identifiers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graph.resolve import unknown_kinds
from graph.resolve.compare import (
    DEFAULT_THRESHOLDS,
    LEGAL_WORDS,
    Decision,
    Match,
    Thresholds,
    compare,
    weak_alias_detail,
)
from graph.resolve.features import (
    Contributions,
    PairFeatures,
    PreparedRecords,
    Record,
    contributions,
    pair_features,
    prepare,
)
from graph.resolve.siblings import SHORT_CODE_SIBLING

__all__ = ["PreparedRecords", "ScoredPairs", "brief_reasons", "prepare", "score_pairs"]

#: Decision codes in :attr:`ScoredPairs.decision`.
DECISION_CODES: tuple[Decision, ...] = (Decision.NO, Decision.POSSIBLE, Decision.MATCH)


@dataclass(frozen=True)
class ScoredPairs:
    """Scores for ``pairs`` (row i: left record ``pairs[i, 0]``, right record ``pairs[i, 1]``)."""

    left: PreparedRecords
    right: PreparedRecords
    pairs: np.ndarray  # int64 (n, 2)
    score: np.ndarray  # float64 in [0, 1]
    decision: np.ndarray  # int8: 0 no, 1 possible, 2 match (see DECISION_CODES)
    #: Per chunk: (first pair, its feature columns, their log-odds contributions).
    chunks: tuple[tuple[int, PairFeatures, Contributions], ...] = ()

    def __len__(self) -> int:
        return int(self.pairs.shape[0])

    def decision_of(self, i: int) -> Decision:
        return DECISION_CODES[int(self.decision[i])]

    def records(self, i: int) -> tuple[Record, Record]:
        return self.left.records[int(self.pairs[i, 0])], self.right.records[int(self.pairs[i, 1])]

    def brief(self, i: int) -> list[str]:
        """The reasons of pair ``i`` in words, from the batch's own feature columns (cheap)."""
        for first, f, c in reversed(self.chunks):
            if i >= first:
                return brief_reasons(self, f, c, i - first, i)
        return [reason.detail for reason in self.explain(i).reasons]

    def explain(self, i: int) -> Match:
        """The full :class:`Match` (with reasons) of pair ``i``, computed on demand by ``compare``."""
        a, b = self.records(i)
        return compare(a, b)


def decisions(score: np.ndarray, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> np.ndarray:
    """Decision codes (0 no, 1 possible, 2 match) for an array of scores."""
    return np.where(score >= thresholds.match, 2, np.where(score >= thresholds.possible, 1, 0)).astype(
        np.int8
    )


def score_pairs(
    left: PreparedRecords,
    right: PreparedRecords,
    pairs: np.ndarray,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    chunk_size: int = 500_000,
) -> ScoredPairs:
    """Score record pairs in chunks (bounded memory); identical to ``compare`` pair by pair."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    chunks = []
    parts = []
    for s in range(0, pairs.shape[0], chunk_size):
        f = pair_features(left, right, pairs[s : s + chunk_size])
        c = contributions(f)
        chunks.append((s, f, c))
        parts.append(1.0 / (1.0 + np.exp(-c.total())))
    score = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float64)
    return ScoredPairs(left, right, pairs, score, decisions(score, thresholds), tuple(chunks))


def brief_reasons(scored: ScoredPairs, f: PairFeatures, c: Contributions, k: int, i: int) -> list[str]:
    """Short reasons (one line per feature that contributed) for row ``k`` of a chunk = pair ``i``."""
    a, b = scored.records(i)
    name_a = (a.names or ("",))[int(f.best_a[k])]
    name_b = (b.names or ("",))[int(f.best_b[k])]
    if bool(f.generic_name[k]):
        why = (
            "both names are the same line-of-business words alone (a generic name): review, never a "
            "match; check the address, the country and the identifiers"
        )
        out = [f"{name_a!r} / {name_b!r}: {why} ({float(c.name[k]):+.1f})"]
    elif bool(f.empty[k]):
        why = "a name without a distinctive word (or without a letter) cannot identify anyone"
        out = [f"{name_a!r} / {name_b!r}: {why}"]
    else:
        sim = float(f.name_sim[k])
        out = [f"name {name_a!r} ~ {name_b!r}: similarity {sim:.2f} ({float(c.name[k]):+.1f})"]
    if bool(f.weak[k]):
        out.append(weak_alias_detail(a, b, int(f.best_a[k]), int(f.best_b[k])))
    if c.legal[k]:
        out.append(f"{LEGAL_WORDS.get(int(f.legal[k]), 'legal forms')} ({float(c.legal[k]):+.1f})")
    if c.numbers[k]:
        out.append(f"numbers in the names differ ({float(c.numbers[k]):+.1f})")
    if c.unpaired[k]:
        out.append(f"each name keeps a distinctive word the other lacks ({float(c.unpaired[k]):+.1f})")
    if c.person[k]:
        out.append(f"person-name words name different people ({float(c.person[k]):+.1f})")
    if f.sibling[k] == SHORT_CODE_SIBLING:
        why = "the names differ only in a short code or initials: sibling companies"
        out.append(f"{why} ({float(c.sibling[k]):+.1f})")
    elif c.sibling[k]:
        out.append(f"words rare in the lists tell sibling entities apart ({float(c.sibling[k]):+.1f})")
    if f.common_stem[k]:
        out.append("one common word is not a shortened name: compared whole, without subset credit")
    if f.sound_lengths[k]:
        out.append("the names sound alike but differ in length: a short name is not matched by sound")
    if c.business[k]:
        out.append(f"one common word each, no line of business shared ({float(c.business[k]):+.1f})")
    if c.place[k]:
        out.append(f"the names write two different places ({float(c.place[k]):+.1f})")
    if c.marked[k]:
        out.append(f"a parent and its affiliate, or two affiliates, by marker ({float(c.marked[k]):+.1f})")
    if c.generic[k]:
        out.append(f"line-of-business words differ ({float(c.generic[k]):+.1f})")
    if c.short[k]:
        out.append(f"short distinctive part: weak evidence ({float(c.short[k]):+.1f})")
    if f.country[k]:
        word = "agrees" if int(f.country[k]) > 0 else "differs"
        if int(f.country[k]) > 0 and f.sibling[k] == SHORT_CODE_SIBLING:
            word += ", not counted for companies of one group told apart by a short code"
        out.append(f"country {word}: {a.country} vs {b.country} ({float(c.country[k]):+.1f})")
    if f.identifiers[k]:
        word = "an identifier is equal" if int(f.identifiers[k]) > 0 else "identifiers of one scheme differ"
        out.append(f"{word} ({float(c.identifiers[k]):+.1f})")
    if c.address[k]:
        out.append(f"addresses agree: similarity {float(f.address_sim[k]):.2f} ({float(c.address[k]):+.1f})")
    if c.kind[k]:
        out.append(f"different kinds: {a.kind} vs {b.kind} ({float(c.kind[k]):+.1f})")
    for rec, other in ((a, b), (b, a)):
        # against a person the unknown kind decided how the pair was read (against anything
        # else it is read as a company, as it always was: said by compare(), not on every link)
        if rec.kind == unknown_kinds.UNKNOWN and other.kind == unknown_kinds.PERSON:
            out.append(unknown_kinds.describe(rec, other))
    return out
