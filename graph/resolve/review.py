"""Human review: confirm / reject decisions on a pair of records.

Decisions are appended as JSON lines to ``<workspace>/review/decisions.jsonl`` (the newest
line for a pair wins), so they survive re-runs and re-ingests: ids are stable, and linking
reads them back and lets them override any automatic score. Each decision is also written to
the audit log and, where both records are nodes of the store, mirrored as the ``decision`` of
their SAME_AS edge (so a Neo4j user sees it in the graph).
"""

from __future__ import annotations

import getpass
import importlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import pandas as pd

from chipwatch.errors import ChipwatchError, WorkspaceCorruptError
from chipwatch.settings import Settings
from graph import atomic, audit
from graph.ids import normalise_key_text, sha1_key
from graph.list_fingerprint import (
    COUNTERPARTY_PREFIX,
    changed_entries,
    current_fingerprints,
    decided_on,
    decision_context,
)
from graph.model import EdgeKind
from graph.store import GraphStore


class Decision(StrEnum):
    CONFIRM = "confirm"  # the two records are the same
    REJECT = "reject"  # they are not (a false positive)


@dataclass(frozen=True)
class Judgement:
    a: str
    b: str
    decision: Decision
    note: str = ""
    user: str = ""
    time: str = ""
    #: what it was decided on: the fingerprints of its list entries (graph.list_fingerprint)
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def pair(self) -> tuple[str, str]:
        return pair_key(self.a, self.b)


def optional_store(settings: Settings) -> GraphStore | None:
    """The workspace's graph store, or None where no store implementation is installed."""
    try:
        module = importlib.import_module("graph.stores")
    except ImportError:
        return None
    opener = getattr(module, "open_store", None)
    return None if opener is None else cast(GraphStore, opener(settings))


def pair_key(a: str, b: str) -> tuple[str, str]:
    """Decisions are symmetric: (a, b) and (b, a) are one pair."""
    return (a, b) if a <= b else (b, a)


def counterparty_id(name: str, country: str | None = None) -> str:
    """The id a screened counterparty (a row of a screening file) is remembered under."""
    return COUNTERPARTY_PREFIX + sha1_key(normalise_key_text(name), (country or "").upper())


def decisions_path(settings: Settings) -> Path:
    return settings.workspace / "review" / "decisions.jsonl"


def queue_path(settings: Settings) -> Path:
    return settings.workspace / "review" / "queue.parquet"


def overrides_path(settings: Settings) -> Path:
    """The confirmed links the anti-chaining guard would have refused, as the last resolve found."""
    return settings.workspace / "review" / "confirmed_over_guard.parquet"


def load_decisions(settings: Settings) -> dict[tuple[str, str], Judgement]:
    """The latest decision per pair."""
    path = decisions_path(settings)
    if not path.exists():
        return {}
    out: dict[tuple[str, str], Judgement] = {}
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                judgement = Judgement(
                    a=raw["a"],
                    b=raw["b"],
                    decision=Decision(raw["decision"]),
                    note=raw.get("note", ""),
                    user=raw.get("user", ""),
                    time=raw.get("time", ""),
                    context=raw.get("context") or {},
                )
            except (ValueError, KeyError, TypeError) as exc:
                if not line.endswith("\n"):
                    # the last line, torn by a crash while it was appended: that decision never
                    # returned (nor reached the audit log), so it was not made
                    continue
                raise WorkspaceCorruptError(
                    f"{path}, line {line_no}: unreadable review decision ({exc})"
                ) from exc
            out[judgement.pair] = judgement
    return out


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def decide(
    settings: Settings,
    a: str,
    b: str,
    decision: Decision | str,
    *,
    note: str = "",
    context: dict[str, Any] | None = None,
    store: GraphStore | None = None,
) -> Judgement:
    """Record a decision on (a, b): decisions file, audit log, and the store's SAME_AS edge.
    The fingerprint of each list entry of the pair is recorded with it (``context``, unless given):
    the decision stands until a list version changes the entry."""
    if not a or not b or a == b:
        raise ChipwatchError(f"a review decision needs two different record ids, got {a!r} and {b!r}")
    try:
        decision = Decision(decision)
    except ValueError:
        raise ChipwatchError(f"decision must be 'confirm' or 'reject', not {decision!r}") from None
    first, second = pair_key(a, b)
    judgement = Judgement(
        a=first,
        b=second,
        decision=decision,
        note=note,
        user=_user(),
        time=datetime.now(UTC).isoformat(timespec="seconds"),
        context={**decision_context(settings, first, second), **(context or {})},
    )
    line = json.dumps({**asdict(judgement), "decision": judgement.decision.value}, sort_keys=True)
    atomic.append_line(decisions_path(settings), line, private=True)
    _audit(settings, judgement)
    if store is not None:
        mirror(store, [judgement])
    return judgement


def _audit(settings: Settings, judgement: Judgement) -> None:
    audit.append(
        settings,
        audit.AuditEvent.REVIEW_DECISION,
        {**asdict(judgement), "decision": judgement.decision.value},
    )


def mirror(store: GraphStore, judgements: Iterable[Judgement]) -> int:
    """Write decisions onto SAME_AS edges between records that are both nodes of the store."""
    rows = []
    for j in judgements:
        if store.node(j.a) is None or store.node(j.b) is None:
            continue
        rows.append(
            {
                "source": j.a,
                "target": j.b,
                "key": "",
                "decision": "confirmed" if j.decision is Decision.CONFIRM else "rejected",
                "method": "review",
                "score": 1.0 if j.decision is Decision.CONFIRM else 0.0,
                "reasons_json": json.dumps([f"reviewed by {j.user} at {j.time}: {j.note}".strip()]),
            }
        )
    return store.upsert_edges(EdgeKind.SAME_AS, rows) if rows else 0


def standing_decisions(
    settings: Settings, decisions: dict[tuple[str, str], Judgement]
) -> tuple[dict[tuple[str, str], Judgement], dict[tuple[str, str], str]]:
    """``decisions`` split into those that stand and those to ask again (pair → why): a decision
    about a list entry that a later list version changed was made on what the list no longer says."""
    entries = sorted({e for j in decisions.values() for e in decided_on(j.context)})
    current = current_fingerprints(settings, entries) if entries else {}
    standing: dict[tuple[str, str], Judgement] = {}
    asked: dict[tuple[str, str], str] = {}
    for pair, j in decisions.items():
        changed = changed_entries(j.context, current)
        if changed:
            asked[pair] = (
                f"asked again: {j.decision.value}ed by {j.user or 'a reviewer'} at {j.time}, but the list "
                f"entry {', '.join(changed)} has changed since"
            )
        else:
            standing[pair] = j
    return standing, asked


def pending_queue(settings: Settings) -> pd.DataFrame:
    """The review queue written by the last ``resolve`` run, without pairs decided since (a
    decision about an entry a list version changed since does not count: it is asked again)."""
    path = queue_path(settings)
    if not path.exists():
        return pd.DataFrame(columns=["source", "target", "score", "reasons_json"])
    queue = pd.read_parquet(path)
    decided, _ = standing_decisions(settings, load_decisions(settings))
    if not decided:
        return queue
    keep = [pair_key(s, t) not in decided for s, t in zip(queue["source"], queue["target"], strict=True)]
    return queue[pd.Series(keep, index=queue.index, dtype=bool)].reset_index(drop=True)  # [] keeps columns


def confirmed_over_guard(settings: Settings) -> pd.DataFrame:
    """The links a reviewer confirmed although they join records the anti-chaining guard keeps
    apart (two entries of one list, a rejected pair), as the last ``resolve`` found them, without
    pairs whose confirmation was withdrawn since: source, target, reason."""
    path = overrides_path(settings)
    if not path.exists():
        return pd.DataFrame(columns=["source", "target", "reason"])
    found = pd.read_parquet(path)
    decided = load_decisions(settings)
    keep = [
        (j := decided.get(pair_key(s, t))) is not None and j.decision is Decision.CONFIRM
        for s, t in zip(found["source"], found["target"], strict=True)
    ]
    return found[keep].reset_index(drop=True)
