"""Helpers of the scoring-rule tests: one-name records, reasons by feature, and the check that
the batch scorer gives the score ``compare`` explains."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Decision, Match, Record, compare, prepare, score_pairs
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


def rule_parts(a: str, b: str, rule: str, words: str, decision: Decision | None = None) -> Match:
    """``compare`` of two one-name persons that ``rule`` tells apart: its reason names ``words``
    and it counts against; no match (or exactly ``decision``)."""
    m = compare(person(a), person(b))
    assert m.decision == decision if decision else m.decision != Decision.MATCH
    assert words in reasons(m)[rule]
    assert next(r.contribution for r in m.reasons if r.feature == rule) < 0
    return m


def rule_leaves_alone(a: str, b: str, rule: str) -> None:
    """``a`` / ``b`` are one person written two ways: a match, and ``rule`` says nothing."""
    m = compare(person(a), person(b))
    assert m.decision == Decision.MATCH
    assert rule not in reasons(m)


def batch_separates(
    apart: list[tuple[str, str, str]], alike: list[tuple[str, str]], floor: float = 0.0
) -> None:
    """The batch scores ``apart`` (two people: ``(a, b, words)``) below a match and from ``floor``
    on, ``alike`` (one person) as a match, each score the one ``compare`` explains."""
    scored = batch_equals_compare([(a, b) for a, b, _ in apart] + alike)
    n = len(apart)
    assert ((scored.score[:n] >= floor) & (scored.score[:n] < 0.8)).all()
    assert (scored.score[n:] >= 0.8).all()
