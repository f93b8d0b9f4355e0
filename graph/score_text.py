"""A score as text that never reads across a decision threshold.

Two decimals show 0.9973 as "1.00" (a possible pair read as a certain one) and 0.9196 as
"0.92" (read as the link threshold it is below). :func:`score_text` keeps two decimals (or
``digits``) where they are honest and adds digits until the text is on the same side of every
threshold as the score: a decision is taken "at or above" a threshold, so the text's value must
be at or above each one exactly when the score is. ``top`` (certainty: 1 for a pair score, 100
for a risk score) counts as a threshold too.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Beyond this many decimals a float's text is its shortest exact form (``repr``).
MAX_DIGITS = 17


def score_text(score: float, thresholds: Iterable[float] = (), digits: int = 2, top: float = 1.0) -> str:
    """``score`` with ``digits`` decimals, or as many more as it takes for the text not to read
    as at or above a threshold (or ``top``) the score is below, nor below one it reaches."""
    score = float(score)
    bounds = [float(t) for t in (*thresholds, top)]
    for places in range(digits, MAX_DIGITS + 1):
        text = f"{score:.{places}f}"
        shown = float(text)
        if all((shown >= t) == (score >= t) for t in bounds):
            return text
    return repr(score)
