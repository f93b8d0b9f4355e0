"""The anti-chaining guard: a union-find whose merges must not join records known to be different.

A merge of the clusters of ``a`` and ``b`` is refused when, over the member pairs (x of a's
cluster, y of b's, in member order), it finds first a pair a reviewer rejected or two entries
of the same list (two feeds' copies of one entry are one: :mod:`graph.resolve.shared_entries`);
otherwise when one of the first ``max_checks`` member pairs (other than ``(a, b)`` itself)
compares below ``different``. The reason (:class:`Refusal`) names the first such pair; when a
member is not ``a`` or ``b`` itself, :meth:`ConstrainedClusters.chain` gives the links that put
it in their cluster, so the reason can say why the pair was held back
(:mod:`graph.resolve.refusals`). Merges are decided in the order of the edges given, so which of
two conflicting links wins is that order's: :func:`graph.resolve.link.link` gives them in an
order of the data (score, then ids), never the order the records were stored in.

Speed without changing a decision: which member pairs a merge checks depends on the merges
before it, so the checks cannot all be listed up front. :meth:`ConstrainedClusters.merge_all`
*speculates* instead: it replays the coming merges on a copy-on-write view of the clusters,
taking every not yet scored check as passing, and scores all the checks it met in one batch.
The real merges then run on known scores, taking each merge's checks from the replay while they
follow it; when a refusal makes them leave the speculated path (a check is not scored yet), the
rest of that connected component is speculated again from there. Scores only ever come from the
one ``similarity``, so the decisions and reasons are exactly those of checking merge by merge
(``tests/graph/resolve/test_guard.py`` holds the two to each other); the batching only changes
how many scoring calls are made (5,000-company benchmark world: 55 calls scoring 9,300 pairs,
where scoring merge by merge took 1,221 calls and scoring whole components up front 23,800 pairs).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from graph.resolve.review import pair_key
from graph.resolve.shared_entries import entry_of
from graph.score_text import score_text

#: Pair similarity used by the guard: a batch of (id_a, id_b) -> one score in [0, 1] each.
Similarity = Callable[[Sequence[tuple[str, str]]], Sequence[float]]
Pair = tuple[str, str]

#: Checks scored per speculation batch (bounds the memory of the known scores).
SPECULATION_BATCH = 200_000
_EMPTY: frozenset[str] = frozenset()


class _Missing:
    """A check the verdict needs is not scored yet."""


MISSING = _Missing()
#: Speculated merges of one component: edge position -> (merged, its checks or hard reason).
Plan = dict[int, tuple[bool, "Refusal | list[Pair]"]]
#: A component waiting for its batch to be scored: edge positions, edges, speculated merges.
Batched = tuple[list[int], list[Pair], Plan]


@dataclass(frozen=True)
class Refusal:
    """Why a merge of the clusters of ``a`` and ``b`` is refused: ``x`` (of a's cluster) and ``y``
    (of b's) must stay apart, because they ``why`` ("are two entries of the same list")."""

    x: str
    y: str
    why: str

    def __str__(self) -> str:
        return f"{self.x} and {self.y} {self.why}"


def list_of(node_id: str) -> str | None:
    """``US_EL`` for ``list:US_EL:123``; None for anything that is not a list entry."""
    parts = node_id.split(":", 2)
    return parts[1] if parts[0] == "list" and len(parts) == 3 else None


class _State:
    """Union-find state: parent links, members per root (in merge order) and, per root, the
    lists of its list entries and its members named in a rejected pair (kept only when
    non-empty: they make the all-pairs hard checks necessary)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.lists: dict[str, frozenset[str]] = {}
        self.rejected: dict[str, frozenset[str]] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        if x not in parent:
            parent[x] = x
            self.members[x] = [x]
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def members_of(self, root: str) -> list[str]:
        return self.members[root]

    def lists_of(self, root: str) -> frozenset[str]:
        return self.lists.get(root, _EMPTY)

    def rejected_of(self, root: str) -> frozenset[str]:
        return self.rejected.get(root, _EMPTY)

    def merge(self, ra: str, rb: str) -> None:
        """Join root ``rb`` into root ``ra`` (the larger cluster keeps its root and member order)."""
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        for extra in (self.lists, self.rejected):
            got = extra.pop(rb, None)
            if got:
                extra[ra] = extra.get(ra, _EMPTY) | got


class _Overlay:
    """A copy-on-write view of a :class:`_State` for speculation: merges are written to the
    view's own dicts (member lists copied on first change), the real state is only read."""

    def __init__(self, base: _State) -> None:
        self.base = base
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}  # only lists the view owns
        self.lists: dict[str, frozenset[str]] = {}
        self.rejected: dict[str, frozenset[str]] = {}

    def find(self, x: str) -> str:
        """Root of ``x``, which must be known to the real state."""
        own, base = self.parent, self.base.parent
        root = x
        while True:
            up = own.get(root) or base[root]
            if up == root:
                return root
            root = up

    def members_of(self, root: str) -> list[str]:
        got = self.members.get(root)
        return got if got is not None else self.base.members[root]

    def lists_of(self, root: str) -> frozenset[str]:
        got = self.lists.get(root)
        return got if got is not None else self.base.lists_of(root)

    def rejected_of(self, root: str) -> frozenset[str]:
        got = self.rejected.get(root)
        return got if got is not None else self.base.rejected_of(root)

    def merge(self, ra: str, rb: str) -> None:
        left, right = self.members_of(ra), self.members_of(rb)
        if len(left) < len(right):
            ra, rb, left, right = rb, ra, right, left
        self.parent[rb] = ra
        if ra in self.members:
            left.extend(right)
        else:
            self.members[ra] = left + right
        for extra, of in ((self.lists, self.lists_of), (self.rejected, self.rejected_of)):
            got = of(rb)
            if got:
                extra[ra] = of(ra) | got


_View = _State | _Overlay


@dataclass
class ConstrainedClusters:
    """Union-find whose merges must not join records that are known or found to be different."""

    similarity: Similarity
    different: float
    cannot_link: set[tuple[str, str]] = field(default_factory=set)
    max_checks: int = 400  # member pairs compared per merge (clusters of real data are small)
    known: dict[Pair, float] = field(default_factory=dict)  # guard scores so far, by pair_key
    speculation_batch: int = SPECULATION_BATCH

    def __post_init__(self) -> None:
        self._state = _State()
        self._rejected_nodes = {x for pair in self.cannot_link for x in pair}
        self._joined: dict[str, list[str]] = {}  # the links merged so far, as an adjacency

    def _merge(self, ra: str, rb: str, a: str, b: str) -> None:
        """Merge roots ``ra`` and ``rb`` by the link ``(a, b)``, and remember the link."""
        self._state.merge(ra, rb)
        self._joined.setdefault(a, []).append(b)
        self._joined.setdefault(b, []).append(a)

    def chain(self, a: str, x: str) -> list[str]:
        """The records from ``a`` to ``x`` (both ends included) along the links merged so far, for
        two records of one cluster. Each merge joins two clusters by one link, so the links form a
        tree: the chain is the only one, and stays so as clusters grow."""
        back = {a: a}
        frontier = [a]
        while frontier and x not in back:
            nxt = []
            for n in frontier:
                for m in self._joined.get(n, ()):
                    if m not in back:
                        back[m] = n
                        nxt.append(m)
            frontier = nxt
        if x not in back:
            return []
        out = [x]
        while out[-1] != a:
            out.append(back[out[-1]])
        return out[::-1]

    @property
    def parent(self) -> Mapping[str, str]:
        return self._state.parent

    @property
    def members(self) -> Mapping[str, list[str]]:
        return self._state.members

    def find(self, x: str) -> str:
        state = self._state
        if x not in state.parent:
            code = list_of(x)
            if code is not None:
                state.lists[x] = frozenset((code,))
            if x in self._rejected_nodes:
                state.rejected[x] = frozenset((x,))
        return state.find(x)

    def _checks(self, view: _View, ra: str, rb: str, a: str, b: str) -> Refusal | list[Pair]:
        """The hard reason the clusters ``ra`` and ``rb`` of ``a`` and ``b`` (in ``view``) must
        stay apart, or the member pairs (x of a's cluster, y of b's, in member order) whose
        scores decide it."""
        left, right = view.members_of(ra), view.members_of(rb)
        rejected = bool(view.rejected_of(ra)) and bool(view.rejected_of(rb))
        if rejected or view.lists_of(ra) & view.lists_of(rb):
            return self._checks_pairwise(left, right, a, b, rejected)
        # No hard conflict is possible: the checks are the first member pairs, in order.
        pairs = filter((a, b).__ne__, itertools.product(left, right))
        return list(itertools.islice(pairs, self.max_checks))

    def _checks_pairwise(
        self, left: list[str], right: list[str], a: str, b: str, rejected: bool
    ) -> Refusal | list[Pair]:
        """``_checks`` pair by pair, for clusters that may hold a hard conflict (``rejected``:
        both hold members named in a rejected pair)."""
        checks: list[Pair] = []
        # Two copies of one source-list entry (graph.resolve.shared_entries) are one identity.
        right_lists = [(list_of(y), entry_of(y)) for y in right]
        for x in left:
            lx, ex = list_of(x), entry_of(x)
            for y, (ly, ey) in zip(right, right_lists, strict=True):
                if rejected and pair_key(x, y) in self.cannot_link:
                    return Refusal(x, y, "were rejected as different by a reviewer")
                if lx is not None and lx == ly and ex != ey:
                    return Refusal(x, y, "are two entries of the same list")
                if len(checks) < self.max_checks and (x, y) != (a, b):
                    checks.append((x, y))
        return checks

    def _score(self, keys: Iterable[Pair]) -> None:
        todo = [k for k in dict.fromkeys(keys) if k not in self.known]
        if todo:
            self.known.update(zip(todo, map(float, self.similarity(todo)), strict=True))

    def _verdict(self, checks: list[Pair]) -> Refusal | _Missing | None:
        """The reason naming the first check below ``different``; None when all pass; MISSING
        when a check before the first failing one is not scored yet."""
        known, different = self.known, self.different
        for x, y in checks:
            sim = known.get((x, y) if x <= y else (y, x))
            if sim is None:
                return MISSING
            if sim < different:
                return Refusal(x, y, f"compare as clearly different ({score_text(sim, (different,))})")
        return None

    def conflict(self, a: str, b: str) -> Refusal | None:
        """Why the clusters of ``a`` and ``b`` must stay apart, or None (scores missing checks now)."""
        checks = self._checks(self._state, self.find(a), self.find(b), a, b)
        if isinstance(checks, Refusal):
            return checks
        self._score(pair_key(x, y) for x, y in checks)
        reason = self._verdict(checks)
        assert not isinstance(reason, _Missing)  # every check was scored just above
        return reason

    def union(self, a: str, b: str) -> Refusal | None:
        """Merge; returns the reason when the merge is refused."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        reason = self.conflict(a, b)
        if reason is None:
            self._merge(ra, rb, a, b)
        return reason

    def join(self, a: str, b: str) -> bool:
        """Merge the clusters of ``a`` and ``b`` without the guard's checks: a reviewer's
        confirmation stands even where the guard refused it. False when they are one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self._merge(ra, rb, a, b)
        return True

    def merge_all(self, edges: Sequence[Pair]) -> list[Refusal | None]:
        """``union`` of every edge in order (the reason of each refused one), with the guard's
        checks scored in speculative batches (see the module docstring). Connected components
        of the edges never share a check, so each is replayed on its own and its scores are
        dropped once it is merged."""
        reasons: list[Refusal | None] = [None] * len(edges)
        batch: list[Batched] = []
        wanted: dict[Pair, None] = {}
        for component in _components(edges):
            path = [edges[i] for i in component]
            more, plan = self._speculate(path, 0)
            wanted.update(more)
            batch.append((component, path, plan))
            if len(wanted) >= self.speculation_batch:
                self._merge_batch(batch, wanted, reasons)
                batch, wanted = [], {}
        self._merge_batch(batch, wanted, reasons)
        return reasons

    def _merge_batch(
        self,
        batch: list[tuple[list[int], list[Pair], Plan]],
        wanted: dict[Pair, None],
        reasons: list[Refusal | None],
    ) -> None:
        self._score(wanted)
        for component, path, plan in batch:
            for i, reason in zip(component, self._merge_path(path, plan), strict=True):
                reasons[i] = reason
        self.known.clear()

    def _merge_path(self, path: list[Pair], plan: Plan | None) -> list[Refusal | None]:
        """The real merges of one component's edges. While they follow the speculated ``plan``
        the states agree, so each edge's checks are taken from it rather than listed again."""
        reasons: list[Refusal | None] = []
        for k, (a, b) in enumerate(path):
            ra, rb = self.find(a), self.find(b)
            if ra == rb:
                reasons.append(None)
                continue
            planned = plan.get(k) if plan is not None else None
            checks = planned[1] if planned is not None else self._checks(self._state, ra, rb, a, b)
            if isinstance(checks, Refusal):
                reasons.append(checks)
                continue
            reason = self._verdict(checks)
            if isinstance(reason, _Missing):  # off the speculated path: look ahead again from here
                wanted, plan = self._speculate(path, k)
                self._score(wanted)
                planned = plan.get(k)
                reason = self._verdict(checks)
                assert not isinstance(reason, _Missing)  # this edge's checks were all scored
            if reason is None:
                self._merge(ra, rb, a, b)
            elif planned is not None and planned[0]:
                plan = None  # speculation merged here (unscored checks taken as passing): paths part
            reasons.append(reason)
        return reasons

    def _speculate(self, path: Sequence[Pair], start: int) -> tuple[dict[Pair, None], Plan]:
        """Replay ``path[start:]`` on a view of the clusters, taking unscored checks as passing:
        the unscored checks met (until about ``speculation_batch`` of them) and, per edge
        replayed, whether it merged and its checks (or hard reason)."""
        view = _Overlay(self._state)
        known, different = self.known, self.different
        wanted: dict[Pair, None] = {}
        plan: Plan = {}
        for k in range(start, len(path)):
            a, b = path[k]
            ra, rb = view.find(self.find(a)), view.find(self.find(b))
            if ra == rb:
                continue
            checks = self._checks(view, ra, rb, a, b)
            if isinstance(checks, Refusal):
                plan[k] = (False, checks)
                continue
            refused = False
            for x, y in checks:
                key = (x, y) if x <= y else (y, x)
                sim = known.get(key)
                if sim is None:
                    wanted[key] = None
                elif sim < different:
                    refused = True
            plan[k] = (not refused, checks)
            if not refused:
                view.merge(ra, rb)
            if len(wanted) >= self.speculation_batch:
                break
        return wanted, plan


def _components(edges: Sequence[Pair]) -> list[list[int]]:
    """Edge positions grouped by connected component (each group in edge order)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, list[int]] = {}
    for i, (a, _) in enumerate(edges):
        groups.setdefault(find(a), []).append(i)
    return list(groups.values())
