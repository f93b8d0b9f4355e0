"""Whether a list entry is a listing: the one test everything downstream of the lists uses.

A ListEntry node's ``status`` is one of

* ``active`` — the publisher lists the party (designated, on the Entity List, debarred …);
* ``context`` — the publisher gives the record only as context of listed parties and says it is
  not itself listed: an OpenSanctions FollowTheMoney entity with ``target: false`` (an owner, a
  relative, a subsidiary, a registry record). It stays in the graph — in clusters, paths, the app
  and screening results — but it is never a listing: no list status or score, no ownership seed,
  no list hit in exports, and a screening hit on it alone is ``review`` at most;
* ``removed`` — dropped by a later version of its feed (kept for history, never screened).

A node without a status (written before statuses existed) is active.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

ACTIVE = "active"
CONTEXT = "context"
REMOVED = "removed"
#: Why a context entity is shown but does not count (screening reasons, entity reports, paths).
CONTEXT_NOTE = "context entity, not itself listed (FtM target=false)"


def entry_status(context: object) -> str:
    """The status of a current entry: ``context`` when its row says so, else ``active``."""
    return CONTEXT if isinstance(context, bool | np.bool_) and context else ACTIVE


def _norm(status: object) -> str:
    return status.strip().lower() if isinstance(status, str) and status.strip() else ACTIVE


def is_listing(status: object) -> bool:
    """True for an entry that is a listing (active, or without a status)."""
    return _norm(status) not in (CONTEXT, REMOVED)


def is_current(status: object) -> bool:
    """True for an entry of the current list versions (a listing or a context entity)."""
    return _norm(status) != REMOVED


def listing_mask(statuses: pd.Series) -> np.ndarray:
    """:func:`is_listing` over a status column, as a boolean array."""
    return np.fromiter((is_listing(s) for s in statuses.to_numpy(dtype=object)), bool, len(statuses))


def current_mask(statuses: pd.Series) -> np.ndarray:
    """:func:`is_current` over a status column, as a boolean array."""
    return np.fromiter((is_current(s) for s in statuses.to_numpy(dtype=object)), bool, len(statuses))


def listed_after(start_date: object, day: str) -> str | None:
    """The date a listing began (``start_date``, the date the list gives for it) when it is after
    ``day`` (ISO date), else None: on that day the entry did not list anyone yet."""
    start = ""
    if isinstance(start_date, str):
        start = start_date.strip()[:10]
    elif isinstance(start_date, dt.date) and not pd.isna(start_date):
        start = start_date.isoformat()[:10]
    return start if start and start > day else None


def ended_before(end_date: object, day: str) -> str | None:
    """The date a listing ended (``end_date``, e.g. the expiry of a Denied Persons List order) when
    it is before ``day`` (ISO date), else None: on that day the entry no longer lists anyone."""
    end = str(end_date)[:10] if isinstance(end_date, str) and end_date else ""
    return end if end and end < day else None
