"""The scorer's interned strings stay bounded in a long-lived process (the Streamlit app), and a
score never depends on which generation its records were prepared in."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pytest

from graph.resolve import Record, interning, prepare, score_pairs

# Names whose interned columns all matter: legal forms (+ as written), generic words, numbers,
# organisation keys, countries.
LEFT = [
    Record("a1", "company", ("Shenzhen Huaxin Electronics Co., Ltd.",), country="CN"),
    Record("a2", "company", ("Alpha 2 Trading LLC",), country="AE"),
    Record("a3", "company", ("OOO Tekhnopark Logistics",), country="RU"),
    Record("a4", "company", ("Nordic Semiconductor Holding AS",), country="NO"),
]
RIGHT = [
    Record("b1", "company", ("SHENZHEN HUAXIN ELECTRONIC COMPANY LIMITED",), country="CN"),
    Record("b2", "company", ("ALPHA 3 TRADING L.L.C.",), country="AE"),
    Record("b3", "company", ("Technopark Logistics, OOO",), country="RU"),
    Record("b4", "company", ("Nordic Semiconductors Holdings ASA",), country="SE"),
]
PAIRS = np.array([[i, j] for i in range(len(LEFT)) for j in range(len(RIGHT))], dtype=np.int64)


def test_a_new_generation_starts_once_the_table_is_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interning, "MAX_STRINGS", 50)
    sizes = []
    for batch in range(40):  # 40 batches of new names: ~400 distinct interned strings in all
        prepare([Record(f"r{batch}-{i}", "company", (f"Firm {batch} No {i} Trading Ltd",)) for i in range(5)])
        sizes.append(len(interning.current()))
    # One generation holds at most the bound plus what one prepare call adds (~15 strings here).
    assert max(sizes) <= 50 + 20
    assert len(set(sizes)) < len(sizes)  # it started again


def test_an_old_generation_is_freed_with_the_last_records_prepared_in_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(interning, "MAX_STRINGS", 1)  # every prepare starts a new generation
    old = prepare(LEFT)
    table = weakref.ref(old.interner)
    prepare(RIGHT)
    gc.collect()
    assert table() is not None  # the records still read their ids in it
    del old
    gc.collect()
    assert table() is None


def test_scores_do_not_depend_on_the_generation(monkeypatch: pytest.MonkeyPatch) -> None:
    together = score_pairs(prepare(LEFT), prepare(RIGHT), PAIRS)
    monkeypatch.setattr(interning, "MAX_STRINGS", 1)
    left = prepare(LEFT)
    right = prepare(RIGHT)
    assert left.interner is not right.interner
    apart = score_pairs(left, right, PAIRS)
    assert apart.score.tolist() == together.score.tolist()
    assert [apart.brief(i) for i in range(len(PAIRS))] == [together.brief(i) for i in range(len(PAIRS))]
    # A long-lived side (an index) is moved into a later generation once, not at every call.
    again = prepare(RIGHT)
    score_pairs(left, again, PAIRS)
    moved = left.moves[0]
    score_pairs(left, again, PAIRS)
    assert left.moves[0] is moved
