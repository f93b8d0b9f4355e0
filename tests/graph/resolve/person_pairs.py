"""Helpers of the person-name rule tests: one-name person records, reasons by feature, and the
check that the batch scorer gives the explained score."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Match, Record, compare, prepare, score_pairs
from graph.resolve.batch import ScoredPairs


def person(name: str) -> Record:
    return Record(id=name[:20], kind="person", names=(name,))


def reasons(m: Match) -> dict[str, str]:
    return {r.feature: r.detail for r in m.reasons}


def batch_equals_compare(pairs: list[tuple[str, str]]) -> ScoredPairs:
    """Score ``pairs`` in one batch, assert each score equals ``compare``'s, return the batch."""
    left = prepare([person(a) for a, _ in pairs])
    right = prepare([person(b) for _, b in pairs])
    idx = np.arange(len(pairs), dtype=np.int64)
    scored = score_pairs(left, right, np.column_stack([idx, idx]))
    for i, (a, b) in enumerate(pairs):
        assert scored.score[i] == pytest.approx(compare(person(a), person(b)).score)
    return scored
