"""Why the anti-chaining guard held a pair back, in one sentence that names the chain.

The guard refuses the link ``a``–``b`` when a member of a's cluster and one of b's must stay
apart (:class:`graph.resolve.guard.Refusal`). Those members are often neither ``a`` nor ``b``:
"list:US_SDN:11311 and list:US_SDN:11746 are two entries of the same list" under the pair
``list:UN:SOi.004``–``list:US_SDN:SDN:11746`` names records outside the pair. The sentence says
which side is already linked to which record, and by what links (method and score, or a
reviewer's confirmation), then why those two must stay apart:

    list:UN:SOi.004 is already linked to list:US_SDN:11311 (list-list 0.99) and
    list:US_SDN:SDN:11746 to list:US_SDN:11746 (same-entry 1.00): list:US_SDN:11311 and
    list:US_SDN:11746 are two entries of the same list
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from graph.resolve.guard import Pair, Refusal
from graph.resolve.review import pair_key
from graph.score_text import score_text

#: pair_key → how the link was made: method, score, decision ("auto" or "confirmed").
Links = Mapping[Pair, tuple[object, object, object]]


def link_text(links: Links, a: str, b: str) -> str:
    """One link of a chain: "confirmed by a reviewer", or its method and score."""
    method, score, decision = links.get(pair_key(a, b), (None, None, None))
    if decision == "confirmed":
        return "confirmed by a reviewer"
    # an automatic link's score is at or above the link threshold: only certainty (1) to keep clear of
    shown = f" {score_text(float(score))}" if isinstance(score, float | int) else ""
    return f"{method or 'link'}{shown}"


def chain_text(links: Links, chain: Sequence[str]) -> str:
    """``x (list-list 0.99)`` for a direct link, ``x through m (name 0.95, then same-entry 1.00)``."""
    steps = [link_text(links, p, q) for p, q in itertools.pairwise(chain)]
    through = f" through {', '.join(chain[1:-1])}" if len(chain) > 2 else ""
    return f"{chain[-1]}{through} ({', then '.join(steps)})"


def refusal_reason(
    refusal: Refusal, a: str, b: str, chain_a: Sequence[str], chain_b: Sequence[str], links: Links
) -> str:
    """The guard's refusal of ``a``–``b`` as one sentence: each side already linked to the member
    the refusal names (``chain_a``: from ``a`` to ``refusal.x``; ``chain_b``: from ``b`` to
    ``refusal.y``), then why those two stay apart. A side that *is* the member adds nothing."""
    clauses = []
    if len(chain_a) > 1:
        clauses.append(f"{a} is already linked to {chain_text(links, chain_a)}")
    if len(chain_b) > 1:
        verb = "" if clauses else " is already linked"
        clauses.append(f"{b}{verb} to {chain_text(links, chain_b)}")
    if not clauses:
        return str(refusal)
    return f"{' and '.join(clauses)}: {refusal}"
