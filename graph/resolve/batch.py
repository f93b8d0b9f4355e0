"""Vectorised scoring of many candidate pairs: the same numbers as :func:`compare`, fast.

``prepare`` normalises every name once (cached per distinct name) and stores the parts that
are compared as numpy object columns. ``score_pairs`` expands record pairs to name pairs,
runs rapidfuzz ``process.cpdist`` (C++, ``workers=-1`` uses every core) on the
pre-sorted distinctive tokens, the tokens written together and the metaphone keys, keeps
the best-aligned name pair per record pair with ``np.maximum.reduceat`` and combines the
features in numpy. Python loops remain only for the rare pairs where both sides carry
legal forms with generic words or identifiers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graph.resolve.compare import DEFAULT_THRESHOLDS, Decision, Match, Thresholds, compare
from graph.resolve.features import PreparedRecords, Record, combine, pair_features, prepare

__all__ = ["PreparedRecords", "ScoredPairs", "prepare", "score_pairs"]

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

    def __len__(self) -> int:
        return int(self.pairs.shape[0])

    def decision_of(self, i: int) -> Decision:
        return DECISION_CODES[int(self.decision[i])]

    def records(self, i: int) -> tuple[Record, Record]:
        return self.left.records[int(self.pairs[i, 0])], self.right.records[int(self.pairs[i, 1])]

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
    parts = [
        combine(pair_features(left, right, pairs[s : s + chunk_size]))
        for s in range(0, pairs.shape[0], chunk_size)
    ]
    score = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float64)
    return ScoredPairs(left, right, pairs, score, decisions(score, thresholds))
