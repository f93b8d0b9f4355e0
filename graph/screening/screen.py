"""Batch screening of counterparties against the current list entries.

:func:`screen` is the library entry point: a DataFrame of counterparties in (a ``name``
column, optional ``country``, ``address``, ``id``, ``lei``, ``tax_id``, ``role``), the same
rows out with the best list matches, the reasons, the graph context and a disposition hint.
A match on a context entity (its publisher says it is not itself listed) is shown with that
reason and ``entry_status == "context"``, and on its own makes a row ``review`` at most; so does a
hit on the Unverified List, whose reasons say to obtain a UVL statement
(:mod:`graph.screening.list_policies`). A name without a letter (``40``, ``=1+2``) identifies
nobody, as in resolution (:mod:`graph.resolve.letterless`): such an input name is not matched by
name, and such a listed name of an entry that is no vessel is matched by nobody; ``screen_notes`` say so.
:class:`Screener` holds the prepared index so that a file is screened chunk by chunk against
one index built once.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings
from graph.list_fingerprint import COUNTERPARTY_PREFIX, SCREENING_KEY
from graph.list_status import ACTIVE, CONTEXT, CONTEXT_NOTE, ended_before
from graph.resolve import letterless
from graph.resolve.candidates import Candidates
from graph.resolve.review import Decision, counterparty_id, load_decisions, optional_store
from graph.score_text import score_text
from graph.screening.generic_names import placed
from graph.screening.index import ENTRY_COLUMNS, ListIndex, build_index, load_entries
from graph.screening.list_policies import review_only
from graph.screening.number_names import numbers_differ
from graph.screening.scoring import TWO_DIFFERENCES_CAP, PairScores, explain, score_pairs, translit_key

MAX_NAME_CHARS = 1000  # longer names are cut for matching (the cell itself is kept)

#: Columns added to every row (the CSV keeps the input columns and adds these).
#: The screened counterparty's review id (:func:`graph.resolve.review.counterparty_id`).
COUNTERPARTY_COLUMN = "counterparty_id"
RESULT_COLUMNS = (
    "disposition",
    "risk_score",
    "top_match_source",
    "top_match_id",
    "top_match_name",
    "top_match_alias_type",
    "top_match_score",
    "top_match_reasons",
    "top_match_license_requirement",
    "top_match_license_policy",
    "top_match_legal_basis",
    "top_match_start_date",
    "top_match_source_url",
    "match_count",
    "ownership_status",
    "red_flags",
    "screen_notes",
)


@dataclass(frozen=True)
class Thresholds:
    """Disposition thresholds on the top match score: ``block`` ≥ block > ``review`` ≥ review."""

    review: float = 0.72
    block: float = 0.92
    report: float = 0.6  # matches below this are not listed at all
    max_matches: int = 5

    def __post_init__(self) -> None:
        if not 0.0 < self.report <= self.review <= self.block <= 1.0:
            raise ChipwatchError(
                f"thresholds must satisfy 0 < report ≤ review ≤ block ≤ 1, got "
                f"report={self.report}, review={self.review}, block={self.block}"
            )

    def disposition(self, score: float) -> str:
        if score >= self.block:
            return "block"
        if score >= self.review:
            return "review"
        return "clear"


@dataclass
class Screener:
    index: ListIndex
    thresholds: Thresholds = field(default_factory=Thresholds)
    decisions: dict[str, dict[str, tuple[Decision, str]]] = field(default_factory=dict)
    risk_hook: Any = None  # callable(matched_ids) -> {entry id: {ownership_status, red_flags, risk_score}}
    #: the day screened for (a listing that ended before it is review at most); None: today
    on: dt.date | None = None
    _columns_cache: dict[str, list[str | None]] | None = field(default=None, repr=False)

    @classmethod
    def for_settings(
        cls,
        settings: Settings,
        thresholds: Thresholds | None = None,
        entries: pd.DataFrame | None = None,
        index: ListIndex | None = None,
    ) -> Screener:
        """A screener over ``index`` (built from ``entries``, or the workspace's current entries,
        when not given), with the workspace's review decisions and risk read now."""
        if index is None:
            index = build_index(load_entries(settings) if entries is None else entries)
        return cls(
            index=index,
            thresholds=thresholds or Thresholds(),
            decisions=counterparty_decisions(settings),
            risk_hook=_risk_hook(settings),
        )

    def matches(
        self, names: list[str], countries: list[str], notes: dict[int, list[str]] | None = None
    ) -> list[list[dict[str, Any]]]:
        """The reported matches of each (name, country), best first, remembered false positives removed.
        ``notes`` (name position → notes), when given, hears of listed names left unmatched for want
        of a letter that would have been reported."""
        idx = self.index
        cut = [n[:MAX_NAME_CHARS] for n in names]
        cand = _with_generic_candidates(idx, cut, idx.blocking.query(cut))
        out: list[list[dict[str, Any]]] = [[] for _ in names]
        if len(cand) == 0:
            return out
        entry_rows = idx.owner[cand.target]
        scores = self.score_candidates(names, countries, cand)
        unmatched = _drop_letterless_names(idx, cand.query, cand.target, scores, self.thresholds.report)
        pairs = pd.DataFrame(
            {
                "q": cand.query,
                "t": cand.target,
                "e": entry_rows,
                "score": scores.score,
                "name_sim": scores.name_similarity,
                "block_sim": cand.similarity,
                "country": scores.country,
                "pair": np.arange(len(cand.query)),
            }
        )
        pairs = pairs[pairs["score"] >= self.thresholds.report]
        pairs = pairs.sort_values(["q", "score", "e"], ascending=[True, False, True], kind="stable")
        pairs = pairs.drop_duplicates(["q", "e"])
        ids = idx.entries["id"].astype(str).to_numpy()
        columns = [
            pairs[c].to_numpy() for c in ("q", "t", "e", "score", "name_sim", "block_sim", "country", "pair")
        ]
        for q, t, entry_row, pair_score, name_sim, block_sim, country, pair in zip(*columns, strict=True):
            if len(out[q]) >= self.thresholds.max_matches:
                continue
            entry_id = str(ids[entry_row])
            remembered = self.decisions.get(counterparty_id(names[q], countries[q]), {}).get(entry_id)
            score = float(pair_score)
            name = idx.names[t]
            alias_kind = idx.alias_kinds[t]
            reasons = explain(
                names[q],
                name,
                alias_kind,
                float(name_sim),
                float(block_sim),
                int(country),
                scores.rules.get(int(pair), ()),
            )
            if remembered is not None and idx.fingerprints[entry_row].matches(remembered[1]):
                if remembered[0] is Decision.REJECT:
                    continue  # an officer marked this hit a false positive; the entry has not changed since
                score = 1.0
                reasons.insert(0, "confirmed as the same party by a reviewer")
            elif remembered is not None and remembered[0] is Decision.REJECT:
                reasons.insert(0, "marked a false positive earlier, but the list entry has changed since")
            if alias_kind == "weak":
                score = min(score, self.thresholds.block - 0.01)  # a weak alias never blocks on its own
                reasons.append("weak alias: never a block on its own")
            if self._is_context(entry_row):  # even confirmed as this party: it is not itself listed
                score = min(score, self.thresholds.block - 0.01)
                reasons.append(CONTEXT_NOTE)
            match = {"id": entry_id, "name": name, "alias_type": alias_kind, "score": round(score, 4)}
            match["reasons"] = reasons
            match["entry_status"] = CONTEXT if self._is_context(entry_row) else ACTIVE
            for col, values in self._entry_columns().items():
                match[col] = values[entry_row]
            _add_policy_reason(match)
            self._note_ended_listing(match)
            out[q].append(match)
        for lst in out:
            lst.sort(key=lambda m: (-m["score"], m["id"]))
        for q, entry_id, note in unmatched:
            if notes is not None and all(m["id"] != entry_id for m in out[q]):  # else found by another name
                notes.setdefault(q, []).append(note)
        return out

    def score_candidates(self, names: list[str], countries: list[str], cand: Candidates) -> PairScores:
        """The scores of candidate pairs (screened name ``names[cand.query[i]]``, indexed name
        ``cand.target[i]``) with every rule on a pair applied: the scorer's, a weak alias's ceiling
        and the generic-name placement; not yet a reviewer's decision, a context entity's or a weak
        alias's block ceiling, nor the letterless names (those act on matches)."""
        idx = self.index
        scores = score_pairs(
            [names[int(q)] for q in cand.query],
            [idx.names[int(t)] for t in cand.target],
            cand.similarity,
            [countries[int(q)] for q in cand.query],
            [idx.countries[int(e)] for e in idx.owner[cand.target]],
            idx.blocking.token_weight,
        )
        _cap_approximate_weak_aliases(names, idx, cand.query, cand.target, scores)
        self._place_generic_names(names, cand.query, cand.target, scores)
        self._cap_number_conflicts(names, cand.query, cand.target, scores)
        return scores

    def _cap_number_conflicts(
        self, names: list[str], query: np.ndarray, target: np.ndarray, scores: PairScores
    ) -> None:
        """Pairs above the cap whose firm names differ in a number (703RD / 723RD, FKY / FKY 2) are held
        below ``review``, still listed (:mod:`graph.screening.number_names`: resolution's reading)."""
        idx = self.index
        kinds = self._entry_columns()["entity_kind"]
        for k in np.flatnonzero(scores.score > TWO_DIFFERENCES_CAP).tolist():
            t = int(target[k])
            reason = numbers_differ(names[int(query[k])], idx.names[t], kinds[int(idx.owner[t])] or "")
            if reason:
                scores.score[k] = TWO_DIFFERENCES_CAP
                scores.rules.setdefault(k, []).append(f"{reason} (score capped at {TWO_DIFFERENCES_CAP:.2f})")

    def _place_generic_names(
        self, names: list[str], query: np.ndarray, target: np.ndarray, scores: PairScores
    ) -> None:
        """Pairs of two names made only of the same line-of-business words go to ``review``, or
        below it where their legal forms conflict or the country differs, never to a block
        (:mod:`graph.screening.generic_names`: resolution's rule)."""
        generic = self.index.generic
        if generic is None or not len(generic):
            return
        kinds = self.index.alias_kinds
        pairs = np.flatnonzero(np.isin(target, generic.rows))
        verdicts = generic.verdicts(
            [names[int(query[k])] for k in pairs.tolist()],
            [int(target[k]) for k in pairs.tolist()],
            [int(scores.country[k]) for k in pairs.tolist()],
        )
        for k, verdict in zip(pairs.tolist(), verdicts, strict=True):
            if verdict is None:
                continue
            scores.score[k] = placed(
                float(scores.score[k]),
                verdict,
                kinds[int(target[k])] == "weak",
                self.thresholds.review,
                self.thresholds.block,
            )
            scores.rules.setdefault(k, []).append(verdict.reason)

    def _note_ended_listing(self, match: dict[str, Any]) -> None:
        """A listing that ended before the day screened for (a Denied Persons List order that
        expired) lists nobody now: its hit says so and is ``review`` at most, for the officer to
        check the party's history rather than be blocked on it."""
        ended = ended_before(match.get("end_date"), (self.on or dt.date.today()).isoformat())
        if ended is not None:
            match["listing_ended"] = ended
            match["reasons"] = [*match["reasons"], f"listing ended on {ended}: review rather than block"]

    def _is_context(self, entry_row: int) -> bool:
        return bool(self.index.context) and self.index.context[int(entry_row)]

    def _score_text(self, score: float) -> str:
        """A match score in a note: never read across the review or block threshold, nor as 1."""
        return score_text(score, (self.thresholds.review, self.thresholds.block))

    def _disposition(self, matches: list[dict[str, Any]]) -> str:
        """The highest hint of the row's matches; a context entity's, or a hit on a list that is
        no prohibition (:mod:`graph.screening.list_policies`), is ``review`` at most."""
        levels = ("clear", "review", "block")
        best = 0
        for m in matches:
            level = levels.index(self.thresholds.disposition(m["score"]))
            capped = (
                m.get("entry_status") == CONTEXT
                or review_only(m.get("list")) is not None
                or m.get("listing_ended") is not None
            )
            best = max(best, min(level, 1) if capped else level)
        return levels[best]

    def _entry_columns(self) -> dict[str, list[str | None]]:
        if self._columns_cache is None:
            entries = self.index.entries
            self._columns_cache = {
                col: [_text(v) for v in entries[col]] if col in entries.columns else [None] * len(entries)
                for col in ENTRY_COLUMNS
            }
        return self._columns_cache

    def screen(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Screen one chunk; returns the input columns (with ``counterparty_id`` after ``name``) +
        RESULT_COLUMNS + ``matches`` (list of dicts)."""
        if "name" not in frame.columns:
            raise ChipwatchError(
                f"no 'name' column to screen; columns are: {', '.join(map(str, frame.columns))}"
            )
        names = _clean(frame, "name")
        countries = _clean(frame, "country").str.upper()
        keys = list(zip(names.tolist(), countries.tolist(), strict=True))
        # A name without a letter is screened as no name (by its address only, if it has one).
        unique = list(dict.fromkeys(k for k in keys if k[0] and not letterless.has_no_letter(k[0])))
        position = {k: i for i, k in enumerate(unique)}
        name_notes: dict[int, list[str]] = {}
        found = self.matches([k[0] for k in unique], [k[1] for k in unique], name_notes)
        by_address = self.address_matches(_clean(frame, "address").tolist(), countries.tolist())
        per_row: list[list[dict[str, Any]] | None] = []
        for i, key in enumerate(keys):
            matches = found[position[key]] if key in position else None
            if i in by_address:
                matches = _merge(matches or [], by_address[i], self.thresholds.max_matches)
            per_row.append(matches)
        risk = self._risk({m["id"] for lst in per_row if lst for m in lst})
        rows = [
            self._row(key, matches, risk, name_notes.get(position.get(key, -1), []))
            for key, matches in zip(keys, per_row, strict=True)
        ]
        result = pd.DataFrame(rows, index=frame.index)
        out = frame.copy()
        # next to the name, so an officer can run `chipwatch review decide cp:… list:…` on a hit
        # without computing the id (the one the decisions are looked up by, above)
        ids = [counterparty_id(n, c) if n else None for n, c in keys]
        out.insert(list(out.columns).index("name") + 1, COUNTERPARTY_COLUMN, ids)
        for col in result.columns:
            out[col] = result[col]
        out.attrs = dict(frame.attrs)
        return out

    def address_matches(self, addresses: list[str], countries: list[str]) -> dict[int, list[dict[str, Any]]]:
        """Matches by address (row position → matches), each at least at ``review``; never a block alone."""
        index = self.index.addresses
        if index is None or not any(addresses):
            return {}
        keys = list(dict.fromkeys((a, c) for a, c in zip(addresses, countries, strict=True) if a))
        hits = index.match([k[0] for k in keys], [k[1] for k in keys])
        by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
        ids = self.index.ids
        names = self.index.entries["name"].astype(str).tolist()
        # Ceiling below block: an office address is shared by innocent tenants too, so a person decides.
        ceiling = max(self.thresholds.review, self.thresholds.block - 0.01)
        for hit in hits:
            key = keys[hit.query]
            score = min(max(self.thresholds.review, hit.similarity), ceiling)
            context = self._is_context(hit.entry)
            match = {
                "id": ids[hit.entry],
                "name": names[hit.entry],
                "alias_type": "address",
                "score": round(score, 4),
                "reasons": [
                    f"address match: '{key[0][:200]}' ~ listed address '{hit.line}' "
                    f"({hit.similarity:.0%} similar, every number of the listed address present)",
                    *([CONTEXT_NOTE] if context else []),
                ],
                "entry_status": CONTEXT if context else ACTIVE,
            }
            for col, values in self._entry_columns().items():
                match[col] = values[hit.entry]
            _add_policy_reason(match)
            self._note_ended_listing(match)
            by_key.setdefault(key, []).append(match)
        return {
            i: by_key[(a, c)]
            for i, (a, c) in enumerate(zip(addresses, countries, strict=True))
            if (a, c) in by_key
        }

    def _risk(self, matched: set[str]) -> dict[str, dict[str, Any]]:
        if self.risk_hook is None or not matched:
            return {}
        return dict(self.risk_hook(sorted(matched)))

    def _row(
        self,
        key: tuple[str, str],
        matches: list[dict[str, Any]] | None,
        risk: dict[str, Any],
        name_notes: list[str],
    ) -> dict[str, Any]:
        row: dict[str, Any] = dict.fromkeys(RESULT_COLUMNS)
        notes: list[str] = []
        no_letter = letterless.has_no_letter(key[0])
        if matches is None:
            row.update(disposition="review", match_count=0, matches=[])
            row["screen_notes"] = (
                f"{letterless.describe(key[0][:200])}; the row cannot be screened by name"
                if no_letter
                else "row has no name: it cannot be screened"
            )
            return row
        if not key[0]:
            notes.append("row has no name: screened by address only")
        elif no_letter:
            notes.append(f"{letterless.describe(key[0][:200])}; screened by address only")
        notes.extend(name_notes)
        if len(key[0]) > MAX_NAME_CHARS:
            notes.append(f"name is {len(key[0])} characters; the first {MAX_NAME_CHARS} were screened")
        if key[0][:1] in ("=", "+", "-", "@"):
            notes.append("name looks like a spreadsheet formula; screened as text")
        top = matches[0] if matches else None
        row["disposition"] = self._disposition(matches)
        row["match_count"] = len(matches)
        row["matches"] = matches
        if top:
            row.update(
                top_match_source=top.get("list"),
                top_match_id=top["id"],
                top_match_name=top["name"],
                top_match_alias_type=top["alias_type"],
                top_match_score=top["score"],
                top_match_reasons="; ".join(top["reasons"]),
                top_match_license_requirement=top.get("license_requirement"),
                top_match_license_policy=top.get("license_policy"),
                top_match_legal_basis=top.get("legal_basis"),
                top_match_start_date=top.get("start_date"),
                top_match_source_url=top.get("source_url"),
            )
            context = risk.get(top["id"])
            if context and row["disposition"] == "clear":
                # The row's risk columns read as the counterparty's: a candidate below review is
                # not taken for it, so its risk stays with the candidate (in ``matches``).
                notes.append(
                    f"clear: risk_score, ownership_status and red_flags are left empty; they are "
                    f"the top candidate's ({top['id']}, score {self._score_text(top['score'])}, "
                    "below review), not this counterparty's"
                )
            elif context:
                row["ownership_status"] = context.get("ownership_status")
                flags = context.get("red_flags")
                row["red_flags"] = json.dumps(flags) if isinstance(flags, list | dict) else flags
                row["risk_score"] = context.get("risk_score")
        row["screen_notes"] = "; ".join(notes) or None
        return row


def _add_policy_reason(match: dict[str, Any]) -> None:
    """A hit on a list that is no prohibition says so, and what to do, among its reasons."""
    note = review_only(match.get("list"))
    if note is not None:
        match["reasons"] = [*match["reasons"], note]


def _cap_approximate_weak_aliases(
    names: list[str], idx: ListIndex, query: np.ndarray, target: np.ndarray, scores: PairScores
) -> None:
    """A weak alias (OFAC's broad or generic a.k.a., e.g. a short or common word) reaches ``review``
    only when the screened name's distinctive words are the alias's (up to transliteration): matched
    approximately, it is what OFAC means by weak — likely to hit innocent names."""
    kinds = idx.alias_kinds
    for k in np.flatnonzero(scores.score > TWO_DIFFERENCES_CAP).tolist():
        alias = idx.names[int(target[k])]
        if kinds[int(target[k])] != "weak" or translit_key(names[int(query[k])]) == translit_key(alias):
            continue
        scores.score[k] = TWO_DIFFERENCES_CAP
        scores.rules.setdefault(k, []).append(
            f"weak alias matched approximately: '{alias}' is a weak (broad or generic) alias and the "
            f"screened name is not it word for word (score capped at {TWO_DIFFERENCES_CAP:.2f})"
        )


def _with_generic_candidates(idx: ListIndex, names: list[str], found: Candidates) -> Candidates:
    """The blocking's candidates and, where not among them, each name's nearest listed names made
    only of line-of-business words (:mod:`graph.screening.generic_names`): the main index drops
    their common keys, so it seldom pairs two of them."""
    if idx.generic is None or not len(idx.generic):
        return found
    extra = idx.generic.candidates(names)
    if not len(extra):
        return found
    pairs = pd.DataFrame(
        {
            "query": np.concatenate([found.query, extra.query]),
            "target": np.concatenate([found.target, extra.target]),
            "similarity": np.concatenate([found.similarity, extra.similarity]),
        }
    )
    pairs = pairs.drop_duplicates(["query", "target"], keep="first")  # the main blocking's first
    return Candidates(
        query=pairs["query"].to_numpy(np.int64),
        target=pairs["target"].to_numpy(np.int64),
        similarity=pairs["similarity"].to_numpy(np.float32),
    )


def _drop_letterless_names(
    idx: ListIndex, query: np.ndarray, target: np.ndarray, scores: PairScores, report: float
) -> list[tuple[int, str, str]]:
    """Unscore pairs whose listed name has no letter and belongs to no vessel (OFAC's person alias
    ``40`` beside the full name): it matches nobody on its own, whatever the screened name. Returns
    (query position, entry id, note) for each pair that would have been reported."""
    if not idx.no_name.any():
        return []
    dropped = np.flatnonzero(idx.no_name[target])
    notes: list[tuple[int, str, str]] = []
    ids = idx.entries["id"].astype(str).to_numpy()
    for k in dropped.tolist():
        t = int(target[k])
        if scores.score[k] >= report:
            entry_id = str(ids[idx.owner[t]])
            why = letterless.describe(idx.names[t])
            notes.append(
                (int(query[k]), entry_id, f"not matched to {entry_id}: its {idx.alias_kinds[t]} name {why}")
            )
        scores.score[k] = 0.0
    return notes


def _clean(frame: pd.DataFrame, column: str) -> pd.Series:
    """A text column stripped, empty where missing (or where the input has no such column)."""
    if column not in frame.columns:
        return pd.Series("", index=frame.index)
    return frame[column].fillna("").astype(str).str.strip()


def _merge(
    matches: list[dict[str, Any]], by_address: list[dict[str, Any]], limit: int
) -> list[dict[str, Any]]:
    """Name and address matches of one row: an entry matched both ways keeps one match with both reasons."""
    out = [dict(m, reasons=list(m["reasons"])) for m in matches]
    seen = {m["id"]: m for m in out}
    for hit in by_address:
        same = seen.get(hit["id"])
        if same is None:
            out.append(hit)
            seen[hit["id"]] = hit
            continue
        same["reasons"].extend(hit["reasons"])
        same["score"] = max(same["score"], hit["score"])
    out.sort(key=lambda m: (-m["score"], m["id"]))
    # An address hit is never cut by the limit: it is the only way to find an address-only entry.
    kept = out[:limit] + [m for m in out[limit:] if m["alias_type"] == "address"]
    return kept


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    return str(value) or None


def counterparty_decisions(settings: Settings) -> dict[str, dict[str, tuple[Decision, str]]]:
    """Review decisions on (counterparty, list entry) pairs, with the entry fingerprint decided on."""
    out: dict[str, dict[str, tuple[Decision, str]]] = {}
    for (a, b), judgement in load_decisions(settings).items():
        cp, entry = (a, b) if a.startswith(COUNTERPARTY_PREFIX) else (b, a)
        if cp.startswith(COUNTERPARTY_PREFIX):
            out.setdefault(cp, {})[entry] = (
                judgement.decision,
                str(judgement.context.get(SCREENING_KEY, "")),
            )
    return out


def _risk_hook(settings: Settings) -> Any:
    """``graph.risk.context.risk_context`` bound to the store, when the risk engine is installed."""
    if (
        importlib.util.find_spec("graph.risk") is None
        or importlib.util.find_spec("graph.risk.context") is None
    ):
        return None
    risk_module = importlib.import_module("graph.risk.context")

    def hook(matched_ids: list[str]) -> dict[str, dict[str, Any]]:
        store = optional_store(settings)
        if store is None:
            return {}
        try:
            return dict(risk_module.risk_context(store, matched_ids))
        finally:
            store.close()

    return hook


def screen(
    frame: pd.DataFrame,
    settings: Settings,
    thresholds: Thresholds | None = None,
    *,
    entries: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Screen counterparties against the current list entries of the workspace (or ``entries``)."""
    return Screener.for_settings(settings, thresholds, entries).screen(frame)
