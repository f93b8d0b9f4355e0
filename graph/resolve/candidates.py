"""Candidate generation (blocking): which records are worth scoring against which.

Every name becomes a sparse vector of *blocking keys* — its tokens, a phonetic key per token
and the character trigrams of each token — weighted by how rare the key is in the index
(TF-IDF, L2-normalised). A key held by more than ``max_df`` index names (``LTD``, ``CO``,
``ING``…) is dropped from the index altogether: generic words can never make two names
candidates, only distinctive ones can. Queries are multiplied against the index in chunks
(one sparse matrix product per chunk) and each query keeps its ``top_k`` most similar index
names, so a record meets a bounded number of candidates and nothing is ever all-pairs.

The index is built once and queried in batches; both sides run in vectorised numpy/scipy,
with Python only extracting keys (cached per distinct token).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
import numpy as np
import scipy.sparse as sp

from graph.ids import normalise_key_text

# Relative weight of each key family (tokens say most, trigrams catch typos, phonetic keys
# catch transliteration variants such as MIKHAIL / MIHAIL).
TOKEN_WEIGHT = 1.0
PHONETIC_WEIGHT = 0.6
TRIGRAM_WEIGHT = 0.35


@dataclass(frozen=True)
class BlockingConfig:
    top_k: int = 20  # candidates kept per query name
    max_df_ratio: float = 0.01  # keys in more than this share of index names are too common to block on
    min_max_df: int = 50  # ... but a key may always be held by this many names (small indexes)
    min_similarity: float = 0.1  # candidate pairs below this key overlap are dropped
    chunk_size: int = 2000  # query names per sparse product (bounds memory)


@lru_cache(maxsize=500_000)
def _token_keys(token: str) -> tuple[str, ...]:
    keys = ["t:" + token]
    if len(token) >= 3 and token.isalpha():
        phon = jellyfish.metaphone(token)
        if phon:
            keys.append("p:" + phon)
    padded = f"<{token}>"
    keys.extend("g:" + padded[i : i + 3] for i in range(len(padded) - 2))
    return tuple(keys)


def _weight(key: str) -> float:
    head = key[0]
    if head == "t":
        return TOKEN_WEIGHT
    if head == "p":
        return PHONETIC_WEIGHT
    return TRIGRAM_WEIGHT


def blocking_keys(name: str) -> list[str]:
    """The blocking keys of one name: tokens, phonetic keys and per-token trigrams (with repeats)."""
    keys: list[str] = []
    for token in normalise_key_text(name[:1000]).split():
        keys.extend(_token_keys(token))
    return keys


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs: ``query[i]`` (query name row) meets ``target[i]`` (index name row)."""

    query: np.ndarray  # int64
    target: np.ndarray  # int64
    similarity: np.ndarray  # float32, cosine of the blocking vectors, in [0, 1]

    def __len__(self) -> int:
        return int(self.query.shape[0])


class CandidateIndex:
    """A blocking index over index names; ``owner[row]`` maps each name row to its record."""

    def __init__(
        self,
        names: Sequence[str],
        owner: Sequence[int] | np.ndarray | None = None,
        config: BlockingConfig | None = None,
    ):
        self.config = config or BlockingConfig()
        self.size = len(names)
        self.owner = np.asarray(owner if owner is not None else range(self.size), dtype=np.int64)
        rows, keys = _explode(names)
        uniq_keys: list[str] = sorted(set(keys))
        key_pos = {k: i for i, k in enumerate(uniq_keys)}
        inverse = [key_pos[k] for k in keys]
        n_keys = len(uniq_keys)
        ones = np.ones(len(keys), dtype=np.float32)
        counts = sp.csr_matrix(
            (ones, (np.asarray(rows, dtype=np.int64), np.asarray(inverse, dtype=np.int64))),
            shape=(self.size, n_keys),
        )
        counts.sum_duplicates()
        df = np.bincount(counts.indices, minlength=n_keys)
        max_df = max(self.config.min_max_df, int(self.config.max_df_ratio * self.size))
        keep = (df > 0) & (df <= max_df)
        idf = np.log((1.0 + self.size) / (1.0 + df)) + 1.0
        family = np.array([_weight(k) for k in uniq_keys], dtype=np.float32)
        self._weights = np.where(keep, idf * family, 0.0).astype(np.float32)
        self._vocab = key_pos
        self._max_idf = float(np.log(1.0 + self.size) + 1.0) * TOKEN_WEIGHT
        self.dropped_keys = int((~keep).sum())
        matrix = _weighted(counts, self._weights)
        self._matrix_t = matrix.T.tocsr()  # keys × names, for Q @ I.T

    def token_weight(self, token: str) -> float:
        """How much a word says: its IDF in the index; 0 for words too common to block on."""
        j = self._vocab.get("t:" + token)
        if j is None:
            return self._max_idf  # a word no index name has is as rare as can be
        return float(self._weights[j])

    def _vectorise(self, names: Sequence[str]) -> sp.csr_matrix:
        rows: list[int] = []
        cols: list[int] = []
        vocab = self._vocab
        for i, name in enumerate(names):
            for key in blocking_keys(name):
                j = vocab.get(key)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        counts = sp.csr_matrix(
            (
                np.ones(len(rows), dtype=np.float32),
                (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)),
            ),
            shape=(len(names), len(self._vocab)),
        )
        counts.sum_duplicates()
        return _weighted(counts, self._weights)

    def query(self, names: Sequence[str], top_k: int | None = None) -> Candidates:
        """The ``top_k`` most similar index names for each query name (ties broken by index row)."""
        k = top_k or self.config.top_k
        parts: list[Candidates] = []
        for start in range(0, len(names), self.config.chunk_size):
            chunk = names[start : start + self.config.chunk_size]
            sims = (self._vectorise(chunk) @ self._matrix_t).tocoo()
            parts.append(_top_k(sims, k, self.config.min_similarity, offset=start))
        if not parts:
            return _empty()
        return Candidates(
            query=np.concatenate([p.query for p in parts]),
            target=np.concatenate([p.target for p in parts]),
            similarity=np.concatenate([p.similarity for p in parts]),
        )


def _explode(names: Iterable[str]) -> tuple[list[int], list[str]]:
    rows: list[int] = []
    keys: list[str] = []
    for i, name in enumerate(names):
        name_keys = blocking_keys(name)
        keys.extend(name_keys)
        rows.extend([i] * len(name_keys))
    return rows, keys


def _weighted(counts: sp.csr_matrix, weights: np.ndarray) -> sp.csr_matrix:
    """TF (sub-linear) × key weight, rows L2-normalised; zero-weight keys removed."""
    matrix = counts.copy().astype(np.float32)
    matrix.data = (1.0 + np.log(matrix.data)) * weights[matrix.indices]
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms).dot(matrix), dtype=np.float32)


def _top_k(sims: sp.coo_matrix, k: int, min_similarity: float, offset: int) -> Candidates:
    mask = sims.data >= min_similarity
    row, col, data = sims.row[mask], sims.col[mask], sims.data[mask]
    if row.size == 0:
        return _empty()
    order = np.lexsort((col, -data, row))
    row, col, data = row[order], col[order], data[order]
    starts = np.r_[0, np.flatnonzero(np.diff(row)) + 1]
    lengths = np.diff(np.r_[starts, row.size])
    rank = np.arange(row.size) - np.repeat(starts, lengths)
    keep = rank < k
    return Candidates(
        query=row[keep].astype(np.int64) + offset,
        target=col[keep].astype(np.int64),
        similarity=np.minimum(data[keep], 1.0).astype(np.float32),
    )


def _empty() -> Candidates:
    return Candidates(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))


def exact_key_pairs(
    query_names: Sequence[str], index_names: Sequence[str], max_per_key: int = 20
) -> tuple[np.ndarray, np.ndarray]:
    """(query row, index row) for every pair of names with the same normalised key.

    The TF-IDF top-k can miss an identical name: when many index names share the same
    distinctive words ("SAKURA NETWORKS JSC" in VN, "Sakura Networks Co." in TW …) they tie and
    the tie is broken by row, so the one record that is the same name may fall outside the top
    k. An identical normalised name is always worth scoring; a key held by more than
    ``max_per_key`` index names is too common to say anything and is left to the top-k."""
    by_key: dict[str, list[int]] = {}
    for j, name in enumerate(index_names):
        key = normalise_key_text(name[:1000])
        if key:
            by_key.setdefault(key, []).append(j)
    q: list[int] = []
    t: list[int] = []
    for i, name in enumerate(query_names):
        rows = by_key.get(normalise_key_text(name[:1000]))
        if rows and len(rows) <= max_per_key:
            q.extend([i] * len(rows))
            t.extend(rows)
    return np.asarray(q, dtype=np.int64), np.asarray(t, dtype=np.int64)
