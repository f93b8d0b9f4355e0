"""Candidate generation (blocking): which records are worth scoring against which.

Every name becomes a sparse vector of *blocking keys* — its tokens, a phonetic key per token
and the character trigrams of each token — weighted by how rare the key is in the index
(TF-IDF, L2-normalised). A key held by more than ``max_df`` index names (``LTD``, ``CO``,
``ING``…) is dropped from the index altogether: generic words can never make two names
candidates, only distinctive ones can. Queries are multiplied against the index in chunks
(one sparse matrix product per chunk) and each query keeps its ``top_k`` most similar index
names, so a record meets a bounded number of candidates and nothing is ever all-pairs. Ties
are broken by index row: resolution builds its records in id order
(:func:`graph.resolve.run.in_id_order`), so the kept candidates do not depend on ingest order.

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
#: Tokens whose index columns an index keeps (see ``CandidateIndex._columns``).
TOKEN_CACHE_SIZE = 1_000_000


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


def key_text(name: str) -> str:
    """What blocking reads of a name: its first 1,000 characters, normalised (:func:`normalise_key_text`)."""
    return normalise_key_text(name[:1000])


def key_texts(names: Sequence[str]) -> list[str]:
    """:func:`key_text` of each name (computed once per record set, read by every blocking task)."""
    return [key_text(name) for name in names]


def blocking_keys(name: str) -> list[str]:
    """The blocking keys of one name: tokens, phonetic keys and per-token trigrams (with repeats)."""
    keys: list[str] = []
    for token in key_text(name).split():
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
        *,
        texts: Sequence[str] | None = None,
    ):
        """``texts``: the names' :func:`key_texts` when the caller has them already."""
        self.config = config or BlockingConfig()
        self.size = len(names)
        self.owner = np.asarray(owner if owner is not None else range(self.size), dtype=np.int64)
        rows, keys = _explode(key_texts(names) if texts is None else texts)
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
        self._token_columns: dict[str, list[int]] = {}  # token -> its keys' columns (cache)
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

    def _columns(self, token: str) -> list[int]:
        """The index columns of a token's keys (with repeats), cached per token."""
        got = self._token_columns.get(token)
        if got is None:
            if len(self._token_columns) >= TOKEN_CACHE_SIZE:  # a long-lived index meets endless tokens
                self._token_columns.clear()
            vocab = self._vocab
            got = self._token_columns[token] = [vocab[k] for k in _token_keys(token) if k in vocab]
        return got

    def _vectorise(self, texts: Sequence[str]) -> sp.csr_matrix:
        cols: list[int] = []
        lengths = np.zeros(len(texts), dtype=np.int64)
        for i, text in enumerate(texts):
            before = len(cols)
            for token in text.split():
                cols.extend(self._columns(token))
            lengths[i] = len(cols) - before
        counts = sp.csr_matrix(
            (
                np.ones(len(cols), dtype=np.float32),
                (np.repeat(np.arange(len(texts), dtype=np.int64), lengths), np.asarray(cols, dtype=np.int64)),
            ),
            shape=(len(texts), len(self._vocab)),
        )
        counts.sum_duplicates()
        return _weighted(counts, self._weights)

    def query(
        self, names: Sequence[str], top_k: int | None = None, *, texts: Sequence[str] | None = None
    ) -> Candidates:
        """The ``top_k`` most similar index names for each query name (ties broken by index row);
        ``texts``: the names' :func:`key_texts` when the caller has them already."""
        k = top_k or self.config.top_k
        texts = key_texts(names) if texts is None else texts
        parts: list[Candidates] = []
        for start in range(0, len(texts), self.config.chunk_size):
            chunk = texts[start : start + self.config.chunk_size]
            sims = (self._vectorise(chunk) @ self._matrix_t).tocoo()
            parts.append(_top_k(sims, k, self.config.min_similarity, offset=start))
        if not parts:
            return _empty()
        return Candidates(
            query=np.concatenate([p.query for p in parts]),
            target=np.concatenate([p.target for p in parts]),
            similarity=np.concatenate([p.similarity for p in parts]),
        )

    def pair_similarity(self, names: Sequence[str], rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """The key overlap :meth:`query` would give ``names[i]`` and index name ``rows[i]``, whether or
        not that name is among the query's ``top_k`` (float32; 0 where they share no kept key)."""
        if not len(names):
            return np.zeros(0, dtype=np.float32)
        query = self._vectorise(key_texts(names))
        targets = self._matrix_t[:, np.asarray(rows, dtype=np.int64)].T.tocsr()
        sims = np.asarray(query.multiply(targets).sum(axis=1)).ravel()
        return np.minimum(sims, 1.0).astype(np.float32)


def _explode(texts: Iterable[str]) -> tuple[list[int], list[str]]:
    rows: list[int] = []
    keys: list[str] = []
    for i, text in enumerate(texts):
        before = len(keys)
        for token in text.split():
            keys.extend(_token_keys(token))
        rows.extend([i] * (len(keys) - before))
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
    """Per row, the ``k`` entries of highest similarity (ties: lowest column), of at least
    ``min_similarity``."""
    mask = sims.data >= min_similarity
    row, col = sims.row[mask].astype(np.int64), sims.col[mask].astype(np.int64)
    data = sims.data[mask].astype(np.float32)
    if row.size == 0:
        return _empty()
    row, col, data = _sorted_entries(row, col, data, sims.shape)
    starts = np.r_[0, np.flatnonzero(np.diff(row)) + 1]
    lengths = np.diff(np.r_[starts, row.size])
    rank = np.arange(row.size) - np.repeat(starts, lengths)
    keep = rank < k
    return Candidates(
        query=row[keep] + offset,
        target=col[keep],
        similarity=np.minimum(data[keep], 1.0).astype(np.float32),
    )


def _sorted_entries(
    row: np.ndarray, col: np.ndarray, data: np.ndarray, shape: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entries ordered by row, similarity descending, then column (``lexsort((col, -data, row))``).

    Fast path: one int64 key per entry — row, then the bits of the (positive) float32 similarity
    inverted, then column — has that order and is unique, so a plain SIMD sort of the keys gives
    the same order as the three-key stable lexsort (an order of magnitude faster) and the entries
    are read back from the keys exactly."""
    col_bits = max(int(shape[1] - 1).bit_length(), 1)
    shift = 31 + col_bits
    if int(shape[0] - 1).bit_length() + shift > 63 or data.min() < 0:  # (never, for cosines)
        order = np.lexsort((col, -data, row))
        return row[order], col[order], data[order]
    top = np.int64(0x7FFFFFFF)
    key = (row << shift) | ((top - data.view(np.int32).astype(np.int64)) << col_bits) | col
    key.sort()
    bits = (top - ((key >> col_bits) & top)).astype(np.int32)
    return key >> shift, key & ((1 << col_bits) - 1), bits.view(np.float32)


def _empty() -> Candidates:
    return Candidates(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))


def exact_key_pairs(
    query_names: Sequence[str],
    index_names: Sequence[str],
    max_per_key: int = 20,
    *,
    query_texts: Sequence[str] | None = None,
    index_texts: Sequence[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(query row, index row) for every pair of names with the same normalised key.

    The TF-IDF top-k can miss an identical name: when many index names share the same
    distinctive words ("SAKURA NETWORKS JSC" in VN, "Sakura Networks Co." in TW …) they tie and
    the tie is broken by row, so the one record that is the same name may fall outside the top
    k. An identical normalised name is always worth scoring; a key held by more than
    ``max_per_key`` index names is too common to say anything and is left to the top-k.
    ``query_texts`` / ``index_texts``: the names' :func:`key_texts` when the caller has them."""
    by_key: dict[str, list[int]] = {}
    for j, key in enumerate(key_texts(index_names) if index_texts is None else index_texts):
        if key:
            by_key.setdefault(key, []).append(j)
    q: list[int] = []
    t: list[int] = []
    for i, key in enumerate(key_texts(query_names) if query_texts is None else query_texts):
        rows = by_key.get(key)
        if rows and len(rows) <= max_per_key:
            q.extend([i] * len(rows))
            t.extend(rows)
    return np.asarray(q, dtype=np.int64), np.asarray(t, dtype=np.int64)
