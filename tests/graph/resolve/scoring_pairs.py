"""Helpers of the scoring-rule tests: one-name records, reasons by feature, and the check that
the batch scorer gives the score ``compare`` explains."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Match, Record, compare, prepare, score_pairs
from graph.resolve.batch import ScoredPairs


def person(name: str) -> Record:
    return one_name(name, "person")


def company(name: str) -> Record:
    return one_name(name, "company")


def reasons(m: Match) -> dict[str, str]:
    return {r.feature: r.detail for r in m.reasons}


def one_name(name: str, kind: str) -> Record:
    return Record(id=name[:20], kind=kind, names=(name,))


def batch_equals_compare(pairs: list[tuple[str, str]], kind: str = "person") -> ScoredPairs:
    """Score ``pairs`` of ``kind`` in one batch, assert each score equals ``compare``'s, return
    the batch."""
    left = prepare([one_name(a, kind) for a, _ in pairs])
    right = prepare([one_name(b, kind) for _, b in pairs])
    idx = np.arange(len(pairs), dtype=np.int64)
    scored = score_pairs(left, right, np.column_stack([idx, idx]))
    for i, (a, b) in enumerate(pairs):
        assert scored.score[i] == pytest.approx(compare(one_name(a, kind), one_name(b, kind)).score)
    return scored
