"""The anti-chaining guard: speculative batched scoring decides exactly as checking merge by merge."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.resolve.guard import ConstrainedClusters
from graph.resolve.review import pair_key
from graph.score_text import score_text


def _score(pair: tuple[str, str]) -> float:
    """A fixed pseudo-random score per unordered pair (about one in four clearly different)."""
    a, b = pair_key(*pair)
    return hashlib.sha1(f"{a}|{b}".encode()).digest()[0] / 255


def _list_of(node_id: str) -> str | None:
    parts = node_id.split(":", 2)
    return parts[1] if parts[0] == "list" and len(parts) == 3 else None


def _reference(
    edges: Sequence[tuple[str, str]], cannot_link: set[tuple[str, str]], different: float, max_checks: int
) -> tuple[list[str | None], dict[str, list[str]]]:
    """The guard as first written: every merge checks its member pairs and scores them at once."""
    parent: dict[str, str] = {}
    members: dict[str, list[str]] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        members.setdefault(x, [x])
        while parent[x] != x:
            x = parent[x]
        return x

    def conflict(a: str, b: str) -> str | None:
        checks = []
        for x in members[find(a)]:
            for y in members[find(b)]:
                if pair_key(x, y) in cannot_link:
                    return f"{x} and {y} were rejected as different by a reviewer"
                if _list_of(x) is not None and _list_of(x) == _list_of(y):
                    return f"{x} and {y} are two entries of the same list"
                if len(checks) < max_checks and (x, y) != (a, b):
                    checks.append((x, y))
        for x, y in checks:
            if _score((x, y)) < different:
                return (
                    f"{x} and {y} compare as clearly different ({score_text(_score((x, y)), (different,))})"
                )
        return None

    reasons: list[str | None] = []
    for a, b in edges:
        ra, rb = find(a), find(b)
        reason = None if ra == rb else conflict(a, b)
        if ra != rb and reason is None:
            if len(members[ra]) < len(members[rb]):
                ra, rb = rb, ra
            parent[rb] = ra
            members[ra].extend(members.pop(rb))
        reasons.append(reason)
    return reasons, {r: m for r, m in members.items() if find(r) == r}


NODES = [f"{kind}:{i}" for kind in ("co", "party") for i in range(24)] + [
    f"list:{lst}:{i}" for lst in ("US_EL", "EU_FSF") for i in range(6)
]


@settings(max_examples=200, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    n_edges=st.integers(1, 160),
    n_rejected=st.integers(0, 6),
    batch=st.sampled_from([1, 3, 50, 10_000]),
    max_checks=st.sampled_from([2, 5, 400]),
)
def test_speculative_merges_decide_as_merge_by_merge(
    seed: int, n_edges: int, n_rejected: int, batch: int, max_checks: int
) -> None:
    rng = random.Random(seed)
    edges = [(rng.choice(NODES), rng.choice(NODES)) for _ in range(n_edges)]
    cannot_link = {pair_key(rng.choice(NODES), rng.choice(NODES)) for _ in range(n_rejected)}

    def similarity(pairs: Sequence[tuple[str, str]]) -> list[float]:
        return [_score(p) for p in pairs]

    guard = ConstrainedClusters(
        similarity, 0.25, cannot_link=cannot_link, max_checks=max_checks, speculation_batch=batch
    )
    want_reasons, want_members = _reference(edges, cannot_link, 0.25, max_checks)
    assert [None if r is None else str(r) for r in guard.merge_all(edges)] == want_reasons
    got = {r: guard.members[r] for r in list(guard.members) if guard.find(r) == r}
    clusters = {r: m for r, m in want_members.items() if len(m) > 1}
    assert {r: m for r, m in got.items() if len(m) > 1} == clusters  # same roots, same member order


def test_checks_of_a_chain_are_scored_in_one_call() -> None:
    # One component of 300 records merged one by one: merge by merge that is one scoring call per
    # merge; speculation scores all of them in one call (every check passes, nothing to redo).
    calls: list[int] = []

    def similarity(pairs: Sequence[tuple[str, str]]) -> list[float]:
        calls.append(len(pairs))
        return [0.9] * len(pairs)

    chain = [(f"co:{i}", f"co:{i + 1}") for i in range(300)]
    guard = ConstrainedClusters(similarity, 0.45)
    assert guard.merge_all(chain) == [None] * 300
    assert len(calls) == 1
    assert len(guard.members[guard.find("co:0")]) == 301


def test_join_merges_what_the_guard_refuses_and_says_when_already_one() -> None:
    # a reviewer's confirmation over the guard (graph.resolve.link): no checks, no refusal
    clusters = ConstrainedClusters(lambda pairs: [1.0] * len(pairs), 0.45)
    assert clusters.union("list:US_EL:1", "list:US_EL:2") is not None  # two entries of one list
    assert clusters.join("list:US_EL:1", "list:US_EL:2")
    assert clusters.find("list:US_EL:1") == clusters.find("list:US_EL:2")
    assert clusters.chain("list:US_EL:1", "list:US_EL:2") == ["list:US_EL:1", "list:US_EL:2"]
    assert not clusters.join("list:US_EL:2", "list:US_EL:1")


def test_a_refusal_never_shows_a_score_as_the_threshold_it_is_below() -> None:
    clusters = ConstrainedClusters(lambda pairs: [0.4496] * len(pairs), 0.45)
    clusters.union("co:a", "co:b")
    reason = clusters.union("co:b", "co:c")
    assert str(reason) == "co:a and co:c compare as clearly different (0.4496)"  # not "(0.45)"
