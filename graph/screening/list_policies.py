"""What a screening hit on a list asks of the exporter, where the list is not a prohibition.

A hit on most lists at ``block`` strength is a block: the party is designated, denied or needs
a licence that is presumed denied. The Unverified List is not a prohibition (15 CFR 744.15):
before an export to a UVL party the exporter must obtain a UVL statement from it, and license
exceptions are suspended for it. A UVL hit therefore sends a row to ``review`` at most, with the
step to take; the same party on a list that blocks is still ``block`` through that hit.
"""

from __future__ import annotations

#: List code → why its hit is ``review`` at most and what to do (shown in the match's reasons).
REVIEW_ONLY: dict[str, str] = {
    "US_UVL": (
        "Unverified List: not a prohibition, review rather than block — before exporting, obtain a "
        "UVL statement from the party (15 CFR 744.15(b)); license exceptions are suspended for it"
    ),
}


def review_only(list_code: object) -> str | None:
    """Why a hit on ``list_code`` is ``review`` at most, or None when its hit may block."""
    return REVIEW_ONLY.get(list_code) if isinstance(list_code, str) else None
