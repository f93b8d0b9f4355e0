"""Blocking on the real May 2022 CSL: bounded candidates, the right record among them, no generic blocking."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.resolve.candidates import BlockingConfig, CandidateIndex, _top_k, blocking_keys

FULL_CSL = Path(__file__).resolve().parents[3] / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"


@pytest.fixture(scope="module")
def csl_names() -> tuple[list[str], list[int]]:
    df = pd.read_csv(FULL_CSL, dtype=str, keep_default_na=False)
    names: list[str] = []
    owner: list[int] = []
    for i, (name, alts) in enumerate(zip(df["name"], df["alt_names"], strict=True)):
        for n in [name, *(a.strip() for a in alts.split(";"))]:
            if n.strip():
                names.append(n)
                owner.append(i)
    return names, owner


@pytest.fixture(scope="module")
def index(csl_names: tuple[list[str], list[int]]) -> CandidateIndex:
    names, owner = csl_names
    return CandidateIndex(names, owner, BlockingConfig(top_k=10))


def _noisy(name: str, rng: random.Random) -> str:
    tokens = name.replace(",", " ").replace(".", " ").split()
    if len(tokens) > 2:
        rng.shuffle(tokens)  # reordering
    out = " ".join(tokens).upper()
    if len(out) > 6:  # one typo
        i = rng.randrange(1, len(out) - 1)
        out = out[:i] + out[i + 1 :]
    return out.replace("COMPANY", "CO").replace("LIMITED", "LTD")


def test_noisy_real_names_find_their_record(
    index: CandidateIndex, csl_names: tuple[list[str], list[int]]
) -> None:
    names, owner = csl_names
    rng = random.Random(7)
    picks = [i for i in rng.sample(range(len(names)), 600) if len(names[i]) >= 8][:400]
    cand = index.query([_noisy(names[i], rng) for i in picks])
    found = 0
    for q, i in enumerate(picks):
        targets = index.owner[cand.target[cand.query == q]]
        found += int(owner[i] in set(targets.tolist()))
    assert found / len(picks) >= 0.97


def test_candidates_are_bounded_and_sorted(
    index: CandidateIndex, csl_names: tuple[list[str], list[int]]
) -> None:
    names, _ = csl_names
    cand = index.query(names[:3000], top_k=7)
    per_query = np.bincount(cand.query, minlength=3000)
    assert per_query.max() <= 7
    assert len(cand) < 3000 * 7
    for q in (0, 10, 100):
        sims = cand.similarity[cand.query == q]
        assert list(sims) == sorted(sims, reverse=True)
        assert sims[0] == pytest.approx(1.0, abs=1e-5)  # a name finds itself first


def test_generic_words_alone_never_make_candidates(index: CandidateIndex) -> None:
    cand = index.query(["LIMITED", "CO LTD", "TRADING COMPANY LLC", "INTERNATIONAL GROUP"], top_k=10)
    assert index.dropped_keys > 0
    # what few candidates remain overlap weakly: the shared keys are too common to weigh
    assert (cand.similarity < 0.5).all()


@pytest.mark.parametrize("name", ["", "x", "🙂🙂", "\u200f\u200e", "A" * 10_000, "ООО Ромашка 株式会社"])
def test_bad_names_do_not_crash(index: CandidateIndex, name: str) -> None:
    cand = index.query([name])
    assert len(cand) <= index.config.top_k
    assert ((cand.similarity >= 0) & (cand.similarity <= 1.0)).all()


def test_transliterated_cyrillic_meets_latin_entry() -> None:
    idx = CandidateIndex(["ROSOBORONEXPORT", "ALMAZ-ANTEY CONCERN", "SOVCOMFLOT"])
    cand = idx.query(["Рособоронэкспорт", "Алмаз-Антей"])
    assert set(zip(cand.query.tolist(), cand.target.tolist())) >= {(0, 0), (1, 1)}


def test_blocking_keys_include_tokens_phonetics_and_trigrams() -> None:
    keys = blocking_keys("Huawei Tech")
    assert "t:HUAWEI" in keys and "t:TECH" in keys
    assert any(k.startswith("p:") for k in keys)
    assert "g:<HU" in keys and "g:EI>" in keys


@settings(max_examples=60, deadline=None)
@given(
    n_rows=st.integers(1, 40),
    n_cols=st.sampled_from([1, 7, 300, 140_000]),
    levels=st.integers(1, 6),
    seed=st.integers(0, 2**31),
)
def test_top_k_keeps_the_rows_best_entries_as_lexsort_orders_them(
    n_rows: int, n_cols: int, levels: int, seed: int
) -> None:
    # Few distinct similarities: many ties, which must go to the lowest column as with lexsort.
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    cell = np.unique(rng.integers(0, n_rows * n_cols, n))  # one entry per cell, in row order
    data = (rng.integers(1, levels + 1, len(cell)) / levels).astype(np.float32)
    sims = sp.coo_matrix((data, (cell // n_cols, cell % n_cols)), shape=(n_rows, n_cols))
    got = _top_k(sims, 3, 0.3, offset=10)
    r, c, d = sims.row, sims.col, sims.data
    keep = d >= 0.3
    r, c, d = r[keep], c[keep], d[keep]
    order = np.lexsort((c, -d, r))
    ranked: dict[int, list[tuple[int, float]]] = {}
    for a, b, x in zip(r[order].tolist(), c[order].tolist(), d[order].tolist(), strict=True):
        if len(ranked.setdefault(a, [])) < 3:
            ranked[a].append((b, x))
    expected = [(a + 10, b, x) for a, rows in ranked.items() for b, x in rows]
    got_rows = zip(got.query.tolist(), got.target.tolist(), got.similarity.tolist(), strict=True)
    assert list(got_rows) == expected
