"""Address screening: a counterparty's address against the street-level addresses of list entries.

Since June 2024 the Entity List names some parties by address only (shell companies in Hong Kong
that change names but not offices), so a name screen alone cannot find them. Input and list
addresses are normalised the same way as the graph's address nodes (:mod:`graph.addresses`:
street-word spellings, a trailing country name), then split where digits meet letters (``13F`` /
``13/F``). A listed address is a hit when

* every number and unit letter in it (house, unit, floor, block) appears in the input address —
  they tell two offices in one tower apart (Room 1318-19 is not Room 1318-20, Unit D not Unit 5), and
* its words agree with the input's (≥ ``MIN_SIMILARITY``, word order and spacing free: MONGKOK /
  MONG KOK), and the countries do not conflict.

Only street-level addresses take part (a number and at least ``MIN_TOKENS`` words): a city or a
country alone (``Tehran``, ``Moscow``) would flag every counterparty there. Address-only entries
always take part. Candidates come from the same TF-IDF blocking as names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from graph.addresses import normalise_address
from graph.resolve.candidates import BlockingConfig, CandidateIndex

MIN_SIMILARITY = 0.88
MIN_TOKENS = 4
MAX_ADDRESS_CHARS = 500
_DIGIT_ALPHA = re.compile(r"(?<=\d)(?=[A-Z])|(?<=[A-Z])(?=\d)")
#: Floor markers as Hong Kong and mainland addresses write them (13/F, 13F, 13 FLOOR → 13 FL).
_TOKEN_MAP = {"F": "FL", "FLAT": "RM", "OFFICE": "RM", "OFF": "RM"}


@lru_cache(maxsize=200_000)
def address_key(raw: str) -> str:
    """Normalised address words, digits split from letters (``13F`` → ``13 FL``)."""
    text = normalise_address(raw[:MAX_ADDRESS_CHARS])
    tokens = _DIGIT_ALPHA.sub(" ", text).split()
    return " ".join(_TOKEN_MAP.get(t, t) for t in tokens)


def numbers(key: str) -> frozenset[str]:
    """The designators of an address key: numbers (leading zeros dropped, ``07`` = ``7``) and the
    single letters that name a unit or block (``Unit D``, ``Block B``)."""
    return frozenset(
        t.lstrip("0") or "0" if t.isdigit() else t for t in key.split() if t.isdigit() or len(t) == 1
    )


def street_level(key: str) -> bool:
    tokens = key.split()
    return len(tokens) >= MIN_TOKENS and any(t.isdigit() for t in tokens)


def similarity(query_key: str, listed_key: str) -> float:
    """Word agreement of two address keys in [0, 1], word order and spaces free."""
    sort = fuzz.token_sort_ratio(query_key, listed_key)
    joined = fuzz.ratio(query_key.replace(" ", ""), listed_key.replace(" ", ""))
    # A longer input (postcode, district, country) may hold the whole listed address.
    subset = fuzz.token_set_ratio(query_key, listed_key) if len(listed_key.split()) >= MIN_TOKENS + 1 else 0
    return max(sort, joined, subset) / 100.0


@dataclass(frozen=True)
class AddressHit:
    query: int  # position of the query address
    entry: int  # entry row of the index
    line: str  # the listed address as published
    similarity: float


class AddressIndex:
    """Street-level addresses of the list entries, each owned by its entry row."""

    def __init__(
        self,
        lines: Sequence[str],
        countries: Sequence[str | None],
        owner: Sequence[int],
        always: Sequence[bool],
    ):
        keep = [
            i
            for i, (line, a) in enumerate(zip(lines, always, strict=True))
            if a or street_level(address_key(line))
        ]
        self.lines = [lines[i] for i in keep]
        self.keys = [address_key(lines[i]) for i in keep]
        self.countries = [countries[i] or "" for i in keep]
        self.owner = np.asarray([owner[i] for i in keep], dtype=np.int64)
        self._numbers = [numbers(k) for k in self.keys]
        self._blocking = (
            CandidateIndex(self.keys, None, BlockingConfig(top_k=8, min_similarity=0.3))
            if self.keys
            else None
        )

    def __len__(self) -> int:
        return len(self.keys)

    def match(self, addresses: Sequence[str], countries: Sequence[str]) -> list[AddressHit]:
        """Listed addresses that the given input addresses are at (see module docstring)."""
        if self._blocking is None or not addresses:
            return []
        keys = [address_key(a) for a in addresses]
        cand = self._blocking.query(keys)
        hits: list[AddressHit] = []
        for q, t in zip(cand.query.tolist(), cand.target.tolist(), strict=True):
            listed_numbers = self._numbers[t]
            if not listed_numbers or not listed_numbers <= numbers(keys[q]):
                continue
            if countries[q] and self.countries[t] and countries[q] != self.countries[t]:
                continue
            sim = similarity(keys[q], self.keys[t])
            if sim >= MIN_SIMILARITY:
                hits.append(AddressHit(q, int(self.owner[t]), self.lines[t], sim))
        return hits
