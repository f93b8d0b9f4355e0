"""The prepared list index screening runs against: current list entries, loaded once.

An entry frame has one row per ListEntry node (``id``, ``name``, ``aliases``, ``list``,
``kind``, ``countries`` and the legal columns); every name and alias becomes one row of the
blocking index, owned by its entry. Removed entries (``removed`` true or ``status == "removed"``)
are left out; context entities (``status == "context"``: not themselves listed) are kept, marked in
``ListIndex.context``, so a hit on one is shown for what it is (``graph.list_status``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings
from graph.list_fingerprint import Fingerprint, fingerprint
from graph.list_graph import entry_records
from graph.list_status import current_mask, is_listing
from graph.resolve import letterless
from graph.resolve.candidates import BlockingConfig, CandidateIndex, Candidates
from graph.screening.addresses import AddressIndex
from graph.screening.generic_names import GenericNames
from graph.screening.scoring import JOINED_MIN_CHARS, folded, skeleton
from graph.tables.lists import as_str_list, latest_entries

#: Columns copied from the entry into every match (missing ones are left empty).
ENTRY_COLUMNS = (
    "list",
    "entity_kind",
    "license_requirement",
    "license_policy",
    "legal_basis",
    "start_date",
    "source_url",
    "end_date",
)
JOINED_SIMILARITY = 0.8  # key overlap credited to a pair found by its joined letters
ADDRESS_ONLY_KIND = "address"  # ingest.lists.model.EntityKind.ADDRESS_ONLY


def translit_form(name: str) -> str:
    """A name with every word folded to its transliteration skeleton (PANAKEA and PANACEA block alike)."""
    return " ".join(skeleton(t) for t in folded(name).split())


class TranslitBlocking:
    """The blocking index over transliteration skeletons: both sides are folded the same way.

    Names whose letters are the same once the spaces are gone (MEHRB ANK / MEHR BANK, SONGI
    TRADINGCOMPANY) are candidates too, whatever the key overlap: a space lost or moved by a typo
    breaks every word key and trigram at the seam, and a short name has few others.
    """

    def __init__(self, names: Sequence[str], owner: np.ndarray, config: BlockingConfig):
        forms = [translit_form(n) for n in names]
        self.index = CandidateIndex(forms, owner, config)
        self._weights: dict[str, float] = {}  # token → weight, filled as queries meet words
        self._joined: dict[str, list[int]] = {}
        for row, form in enumerate(forms):
            key = form.replace(" ", "")
            if len(key) >= JOINED_MIN_CHARS:
                self._joined.setdefault(key, []).append(row)

    def query(self, names: Sequence[str], top_k: int | None = None) -> Candidates:
        forms = [translit_form(n) for n in names]
        found = self.index.query(forms, top_k)
        extra = [(q, t) for q, f in enumerate(forms) for t in self._joined.get(f.replace(" ", ""), ())]
        if not extra:
            return found
        pairs = pd.DataFrame(
            {
                "query": np.concatenate([found.query, np.asarray([q for q, _ in extra], dtype=np.int64)]),
                "target": np.concatenate([found.target, np.asarray([t for _, t in extra], dtype=np.int64)]),
                "similarity": np.concatenate(
                    [found.similarity, np.full(len(extra), JOINED_SIMILARITY, dtype=np.float32)]
                ),
            }
        )
        pairs = pairs.sort_values(["query", "similarity"], ascending=[True, False], kind="stable")
        pairs = pairs.drop_duplicates(["query", "target"])
        return Candidates(
            query=pairs["query"].to_numpy(np.int64),
            target=pairs["target"].to_numpy(np.int64),
            similarity=pairs["similarity"].to_numpy(np.float32),
        )

    def pair_similarity(self, names: Sequence[str], rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """The similarity :meth:`query` would give ``names[i]`` and index name ``rows[i]`` (the key
        overlap, or the joined-letters credit), for pairs formed without it."""
        forms = [translit_form(n) for n in names]
        sims = self.index.pair_similarity(forms, rows)
        for i, (form, row) in enumerate(zip(forms, rows, strict=True)):
            if int(row) in self._joined.get(form.replace(" ", ""), ()):
                sims[i] = max(sims[i], JOINED_SIMILARITY)
        return sims

    def token_weight(self, token: str) -> float:
        """The rarity (IDF) of a word's skeleton among the list names."""
        weight = self._weights.get(token)
        if weight is None:
            weight = self._weights[token] = self.index.token_weight(skeleton(token))
        return weight


@dataclass
class ListIndex:
    entries: pd.DataFrame  # one row per current entry, positional
    names: list[str]  # one per indexed name
    alias_kinds: list[str]  # "primary" or the alias kind, per indexed name
    owner: np.ndarray  # entry row of each indexed name
    countries: list[list[str]]  # per entry
    fingerprints: list[Fingerprint]  # per entry: what a decision on it recorded, now and before
    blocking: TranslitBlocking
    addresses: AddressIndex | None = None  # street-level addresses of the entries (when the frame has them)
    context: list[bool] = field(default_factory=list)  # per entry: a context entity, not a listing
    #: Per indexed name: no letter in it, and its entry is no vessel (``graph.resolve.letterless``):
    #: a name that identifies nobody, never matched on its own.
    no_name: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    #: The listed names made only of line-of-business words (:mod:`graph.screening.generic_names`).
    generic: GenericNames | None = None

    @property
    def ids(self) -> list[str]:
        return self.entries["id"].astype(str).tolist()


def current_entries(frame: pd.DataFrame) -> pd.DataFrame:
    """Entries that are not removed (listings and context entities)."""
    keep = pd.Series(True, index=frame.index)
    if "removed" in frame.columns:
        keep &= ~frame["removed"].fillna(False).astype(bool)
    if "status" in frame.columns:
        keep &= current_mask(frame["status"])
    return frame[keep].reset_index(drop=True)


def build_index(entries: pd.DataFrame, config: BlockingConfig | None = None) -> ListIndex:
    """Prepare a screening index from an entry frame (see module docstring for the columns)."""
    entries = current_entries(entries)
    names: list[str] = []
    kinds: list[str] = []
    owner: list[int] = []
    records: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in entries.to_dict("records")]
    for i, row in enumerate(records):
        primary = str(row.get("name") or "")
        if primary:
            names.append(primary)
            kinds.append("primary")
            owner.append(i)
        aliases = as_str_list(row.get("aliases"))
        alias_kinds = as_str_list(row.get("alias_kinds"))
        for j, alias in enumerate(aliases):
            if alias and alias != primary:
                names.append(alias)
                kinds.append(alias_kinds[j] if j < len(alias_kinds) else "alias")
                owner.append(i)
    owner_arr = np.asarray(owner, dtype=np.int64)
    entry_kinds = [str(r.get("entity_kind") or "") for r in records]
    no_name = np.array(
        [letterless.is_no_name(n, entry_kinds[o]) for n, o in zip(names, owner, strict=True)], dtype=bool
    )
    lines: list[str] = []
    line_countries: list[str | None] = []
    line_owner: list[int] = []
    address_only: list[bool] = []
    for i, row in enumerate(records):
        line_list = as_str_list(row.get("addresses"))
        country_list = as_str_list(row.get("address_countries"))
        for j, line in enumerate(line_list):
            lines.append(line)
            line_countries.append(country_list[j] if j < len(country_list) else None)
            line_owner.append(i)
            address_only.append(str(row.get("entity_kind") or "") == ADDRESS_ONLY_KIND)
    return ListIndex(
        entries=entries,
        names=names,
        alias_kinds=kinds,
        owner=owner_arr,
        countries=[_entry_countries(r) for r in records],
        fingerprints=[fingerprint(r) for r in records],
        blocking=TranslitBlocking(names, owner_arr, config or BlockingConfig(top_k=12)),
        addresses=AddressIndex(lines, line_countries, line_owner, address_only) if lines else None,
        context=[not is_listing(r.get("status")) for r in records],
        no_name=no_name,
        generic=GenericNames(names, owner_arr, entry_kinds, TranslitBlocking),
    )


def _entry_countries(row: dict[str, Any]) -> list[str]:
    """An entry's countries: its own (nationality, registration) and its addresses' — the Entity List
    gives only addresses, and a party listed at a Moscow address is a Russian counterparty."""
    out = [str(c).upper() for c in as_str_list(row.get("countries")) if c]
    out += [str(c).upper() for c in as_str_list(row.get("address_countries")) if c]
    return list(dict.fromkeys(out))


def load_entries(settings: Settings) -> pd.DataFrame:
    """The current list entries as ListEntry node rows (``id``, ``name``, ``aliases``, ``alias_kinds``
    … and ``addresses``: :func:`graph.list_graph.entry_records`)."""
    current = latest_entries(settings)
    if current.empty:
        raise ChipwatchError(
            f"no list entries in the workspace {settings.workspace}: "
            "ingest a list first (chipwatch ingest lists …)"
        )
    return entry_records(current)


def aligned(values: Sequence[Any], positions: np.ndarray) -> list[Any]:
    return [values[int(p)] for p in positions]
