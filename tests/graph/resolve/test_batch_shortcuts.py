"""The batch scorer's shortcuts skip work only where it cannot change a number.

``pair_features`` leaves out pairs that a rule provably cannot change: the subset view (token-set
ratio) for names that share no word, the common-stem rule where neither name is one word (as a
set), and the acronym rule where no acronym slot's letter is among the other name's initials. Each
shortcut reads a column of ``prepare`` (``word_bits``, ``plain_words``, ``nset``,
``acro_heads``); set to values that disable it, the features must be the same, column by column.
The properties the shortcuts rest on are pinned on their own below, so that a change of rapidfuzz
or of a rule that breaks one fails here rather than shifting scores. (The whole batch is compared
with the base revision by ``benchmarks/score_equality.py``.)
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from graph.resolve import Record, interning, prepare
from graph.resolve import features as F
from graph.resolve.common_stem import is_common_stem
from graph.resolve.siblings import pack
from graph.resolve.sound_lengths import lengths

PAIRS_CSV = Path(__file__).resolve().parents[3] / "benchmarks" / "eval_pairs" / "pairs.csv"

#: Names for the rules the shortcuts guard: subsets, one common word, repeated words, acronyms,
#: translations, siblings, keying slips.
COMPANIES = [
    "MICROPOWER",
    "MICROPOWER TECHNOLOGY",
    "MICROPOWER DAEHAN MANUFACTURING",
    "CAPITAL LTD",
    "PROGLAN CAPITAL LTD",
    "BLUE AIRWAYS",
    "BLUE LLC",
    "RUSHYDRO",
    "PUBLIC JOINT STOCK COMPANY RUSHYDRO",
    "GAZPROM PROMGAZ AO GAZPROM PROMGAZ",
    "GAZPROM PROMGAZ",
    "GAZPROM TRANSGAZ SAMARA",
    "GAZPROM TRANSGAZ SURGUT",
    "HUAWEI TECHNOLOGIES CO LTD HUAWEI AFFILIATED ENTITY HUAWEI TECHNOLOGY CO LTD",
    "HUAWEI CLOUD PERU",
    "HUAWEI CLOUD RUSSIA",
    "HUAWEI",
    "KOREA KWANGSON BANKING CORPORATION",
    "KKBC",
    "BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS",
    "BUAA",
    "FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA",
    "FDLR",
    "ISLAMIC REVOLUTIONARY GUARD CORPS QODS FORCE",
    "IRGC QF",
    "OOO GLOBALNYE RESURSY",
    "GLOBAL RESOURCES LLC",
    "JSC VO TEKHNOPROMEXPORT",
    "TECHNOPROMEXPORT OJSC",
    "SHENZHEN HUAXIN ELECTRONICS",
    "SHENZHENHUAXIN ELECTRONICS LTD",
    "OLEG USACHEV TRADING",
    "OLEG LEONIDOVICH USACHEV TRADING",
    "IFDK LOGISTICS",
    "IGDK LOGISTICS",
    "ONYX COMPONENTS LTD",
    "ONYX CONSTRUCTION COMPANY",
    "ZETA ZETA ZETA",
    "ZETA",
    # One common word written twice (a set of one word) against a longer name: credit withheld.
    "Huawei Technologies Co., Ltd. (Huawei)",
    "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Shanghai Huawei Technologies Co., Ltd.",
]


def _names() -> list[str]:
    df = pd.read_csv(PAIRS_CSV, dtype=str, keep_default_na=False)
    df = df[df.kind == "company"].iloc[::120]
    return COMPANIES + df.name_a.tolist() + df.name_b.tolist()


def _without_shortcuts(prep: F.PreparedRecords) -> F.PreparedRecords:
    """Columns that make every shortcut pass every pair: each name may share a word with any
    other, has repeated words, is one word, and has every letter as an acronym's."""
    n = len(prep.core)
    return dataclasses.replace(
        prep,
        word_bits=np.full(n, np.iinfo(np.uint64).max, dtype=np.uint64),
        plain_words=np.zeros(n, dtype=bool),
        nset=np.ones(n, dtype=np.int64),
        acro_heads=np.full(n, -1, dtype=np.int32),
    )


def _all_pairs(n: int) -> np.ndarray:
    a, b = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    return np.column_stack([a.ravel(), b.ravel()])


def test_shortcuts_change_no_feature() -> None:
    names = _names()
    prep = prepare([Record(f"r{i}", "company", (name,)) for i, name in enumerate(names)])
    pairs = _all_pairs(len(names))
    fast = F.pair_features(prep, prep, pairs)
    slow = F.pair_features(_without_shortcuts(prep), _without_shortcuts(prep), pairs)
    for field in dataclasses.fields(fast):
        assert np.array_equal(getattr(fast, field.name), getattr(slow, field.name)), field.name
    # The shortcuts do apply to these pairs (else this test would compare nothing).
    a, b = pairs[:, 0], pairs[:, 1]
    assert ((prep.word_bits[a] & prep.word_bits[b]) == 0).sum() > len(pairs) // 2
    assert (np.minimum(prep.nset[a], prep.nset[b]) > 1).sum() > len(pairs) // 4
    assert ((prep.acro_heads[a] & prep.init_mask[b]) == 0).sum() > len(pairs) // 10
    # And the subset credit, the common-stem rule and acronyms all fire somewhere.
    assert fast.common_stem.any() and fast.acronym.any() and fast.translation.any()
    # Even for a name that repeats its one word (two tokens, a set of one: see PreparedRecords.nset).
    twice = COMPANIES.index("Huawei Technologies Co., Ltd. (Huawei)")
    k = prep.start[twice]  # its writing (names before it may have other readings too)
    assert prep.ntok[k] == 2 and prep.nset[k] == 1
    assert fast.common_stem[twice * len(names) + twice + 1]


def test_token_set_ratio_of_names_without_a_shared_word_never_lifts() -> None:
    """The subset view's shortcut: for names of distinct ASCII words sharing none, rapidfuzz's
    token_set_ratio compares only the two (sorted) word sets, i.e. the sorted names, so its 0.94
    discount is never above the token-sorted ratio already in the similarity."""
    prep = prepare([Record(f"r{i}", "company", (name,)) for i, name in enumerate(_names())])
    cores = [c for c, plain in zip(prep.core.tolist(), prep.plain_words.tolist(), strict=True) if plain and c]
    checked = 0
    for i, x in enumerate(cores):
        for y in cores[i + 1 :]:
            if set(x.split()) & set(y.split()):
                continue
            checked += 1
            credit = np.float32(F.SUBSET_DISCOUNT) * np.float32(fuzz.token_set_ratio(x, y) / 100.0)
            assert credit <= np.float32(fuzz.ratio(x, y) / 100.0), (x, y)
    assert checked > 1000


def test_common_stem_needs_a_name_of_one_word() -> None:
    """The common-stem shortcut: two names of two distinct words or more never withhold credit."""
    prep = prepare([Record(f"r{i}", "company", (name,)) for i, name in enumerate(COMPANIES)])
    packed = [pack(c, w) for c, w in zip(prep.core.tolist(), prep.words.tolist(), strict=True)]
    found = 0
    for i, x in enumerate(packed):
        for j, y in enumerate(packed):
            hit = is_common_stem(x, y)
            found += hit > 0
            if min(prep.nset[i], prep.nset[j]) > 1:
                assert hit == 0.0, (x, y)
    assert found  # MICROPOWER / MICROPOWER TECHNOLOGY


def test_acronym_heads_are_necessary() -> None:
    """The acronym shortcut: a pair whose slot letters (acro_heads) miss the other's initials both
    ways fails the per-slot letters test too."""
    prep = prepare([Record(f"r{i}", "company", (name,)) for i, name in enumerate(_names())])
    pairs = _all_pairs(len(prep.core))
    a, b = pairs[:, 0], pairs[:, 1]
    skipped = ((prep.acro_heads[a] & prep.init_mask[b]) == 0) & (
        (prep.acro_heads[b] & prep.init_mask[a]) == 0
    )
    every = np.ones(len(pairs), dtype=bool)
    fits = F._acronym_fits(prep, a, prep, b, every) | F._acronym_fits(prep, b, prep, a, every)
    assert skipped.sum() > 0 and fits.any()
    assert not (fits & skipped).any()


def test_distinct_pairs_evaluated_once_give_every_row() -> None:
    rng = np.random.default_rng(0)
    words = np.array(["A", "B", "C", "D", ""], dtype=object)
    a, b = words[rng.integers(0, 5, 5000)], words[rng.integers(0, 5, 5000)]
    calls: list[tuple[str, str]] = []

    def func(x: str, y: str) -> float:
        calls.append((x, y))
        return float(len(x) * 10 + (x < y))

    got = F._per_distinct_text(a, b, func)
    assert len(calls) == len(set(calls)) == 25  # 5 x 5 distinct pairs, each evaluated once
    assert got.dtype == np.float32
    assert got.tolist() == [func(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
    strings = interning.Interner()
    ids_a = np.array([strings.intern(x) for x in a.tolist()], dtype=np.int64)
    ids_b = np.array([strings.intern(y) for y in b.tolist()], dtype=np.int64)
    first = F._per_distinct(ids_a, ids_b, func, strings)
    again = F._per_distinct(ids_a, ids_b, func, strings)  # from the values kept across calls
    assert (
        first.tolist() == again.tolist() == [func(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
    )


def test_joined_lengths_are_counted_once_per_name() -> None:
    """The sound-length rule reads ``joined_len`` (counted by prepare) for the letters of each
    name's words written together: the same as counting them per pair, and the rule fires."""
    names = _names()
    prep = prepare([Record(f"r{i}", "company", (name,)) for i, name in enumerate(names)])
    assert prep.joined_len.tolist() == lengths(prep.joined).tolist() == [len(j) for j in prep.joined]
    # Lengths of other values change the features: the column is what the rule reads.
    pairs = _all_pairs(len(names))
    f = F.pair_features(prep, prep, pairs)
    assert f.sound_lengths.any()
    flat = dataclasses.replace(prep, joined_len=np.ones(len(prep.core), dtype=np.int64))
    assert not F.pair_features(flat, flat, pairs).sound_lengths.any()
