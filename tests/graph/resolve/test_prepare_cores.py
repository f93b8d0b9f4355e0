"""Records prepared in parts (in forked processes) are exactly the records prepared at once:
every column, the person readings of parties, the scores; a worker that fails or dies costs
time, never the result."""

from __future__ import annotations

import csv
import itertools
import logging
import os
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest

from graph.resolve import Record, interning, prepare, score_pairs
from graph.resolve import prepare_cores as cores
from graph.resolve.features import INTERNED_COLUMNS, PreparedRecords
from graph.resolve.prepared_parts import concatenated, portable, restored

PAIRS_CSV = Path(__file__).parents[2] / "fixtures" / "resolve" / "pairs_sample.csv"


def _records() -> list[Record]:
    """Records of every kind as resolution reads them: the evaluation sample's names, shipment
    parties of unknown kind (some of them people's names: read as persons too), aliases, weak
    aliases, countries and identifiers, a record with no name."""
    with PAIRS_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out: list[Record] = []
    for k, row in enumerate(rows):
        kind = row["kind"]
        out.append(Record(f"a{k}", kind, (row["name_a"],), country="CN" if k % 3 == 0 else None))
        out.append(
            Record(
                f"b{k}",
                kind,
                (row["name_b"], f"{row['name_a']} (formerly)"),
                country="AE" if k % 2 else "RU",
                identifiers={"LEI": f"5493001KJTIIGC8Y1R{k:02d}"} if k % 5 == 0 else {},
                weak=frozenset({1}) if k % 4 == 0 else frozenset(),
            )
        )
        # a bill-of-lading party: no published kind
        out.append(Record(f"p{k}", "unknown", (row["name_a"].upper(),), country="HK" if k % 2 else None))
    out.append(Record("empty", "company", ()))
    return out


RECORDS = _records()


def _assert_same(got: PreparedRecords, want: PreparedRecords) -> None:
    assert got.records == want.records
    for f in fields(PreparedRecords):
        if f.name in ("records", "interner", "moves", "as_person"):
            continue
        a, b = getattr(got, f.name), getattr(want, f.name)
        if f.name in INTERNED_COLUMNS:  # ids of different generations: compare their strings
            a = [got.interner.strings[i] for i in a.tolist()]
            b = [want.interner.strings[i] for i in b.tolist()]
            assert a == b, f.name
        else:
            assert a.dtype == b.dtype, f.name
            assert a.shape == b.shape, f.name
            assert (a == b).all(), f.name
    assert (got.as_person is None) == (want.as_person is None)
    if want.as_person is not None:
        assert got.as_person is not None
        _assert_same(got.as_person, want.as_person)


def test_the_sample_has_what_a_join_must_carry() -> None:
    whole = prepare(RECORDS)
    assert whole.as_person is not None and len(whole.as_person) >= 5  # parties read as persons too
    assert len(whole.core) > len(RECORDS)  # more names than records: start must move on


@pytest.mark.parametrize("cuts", [(1,), (7, 50), (0, 100, 100, 150), (len(RECORDS) - 1,)])
def test_parts_joined_are_the_records_prepared_at_once(cuts: tuple[int, ...]) -> None:
    bounds = [0, *cuts, len(RECORDS)]
    parts = [prepare(RECORDS[a:b]) for a, b in itertools.pairwise(bounds)]
    _assert_same(concatenated(parts), prepare(RECORDS))


def test_a_part_that_travelled_between_processes_is_the_same_part() -> None:
    part = prepare(RECORDS[:80])
    back = restored(portable(part), RECORDS[:80])
    assert back.interner is not part.interner  # its own generation, rebuilt from the strings
    _assert_same(back, part)


def test_scores_of_joined_parts_are_the_scores_of_one_batch() -> None:
    others = prepare(RECORDS[::2])
    rng = np.random.default_rng(5)
    pairs = np.column_stack(
        [rng.integers(0, len(RECORDS), 2_000), rng.integers(0, len(others), 2_000)]
    ).astype(np.int64)
    travelled = restored(portable(prepare(RECORDS[60:])), RECORDS[60:])
    joined = concatenated([prepare(RECORDS[:60]), travelled])
    want = score_pairs(prepare(RECORDS), others, pairs)
    got = score_pairs(joined, others, pairs)
    assert np.array_equal(got.score, want.score)
    assert [got.brief(i) for i in range(0, 2_000, 37)] == [want.brief(i) for i in range(0, 2_000, 37)]


def test_a_big_batch_is_prepared_in_forked_processes() -> None:
    chunks = [tuple(RECORDS[100:]), tuple(RECORDS[:30])]
    parts = cores._collect(cores._start(chunks), chunks)
    for part, chunk in zip(parts, chunks, strict=True):
        assert part.interner is not interning.current()  # it came back through the pipe
        _assert_same(part, prepare(chunk))
    _assert_same(cores.prepare_groups([RECORDS], processes=3, min_records=0)[0], prepare(RECORDS))


def test_groups_are_prepared_each_as_on_its_own() -> None:
    groups = [RECORDS[:3], RECORDS[3:150], [], RECORDS[150:]]
    got = cores.prepare_groups(groups, processes=2, min_records=0)
    assert len(got) == len(groups)
    for prepared, group in zip(got, groups, strict=True):
        _assert_same(prepared, prepare(group))


def test_a_small_batch_is_prepared_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork(chunks: list[tuple[Record, ...]]) -> None:
        raise AssertionError("forked for a small batch")

    monkeypatch.setattr(cores, "_start", no_fork)
    _assert_same(cores.prepare_groups([RECORDS], processes=2)[0], prepare(RECORDS))
    _assert_same(cores.prepare_groups([RECORDS], processes=1, min_records=0)[0], prepare(RECORDS))


def _dies() -> None:
    os._exit(9)  # killed for memory, say: nothing sent


def _fails() -> None:
    raise MemoryError("no room for the name caches")


@pytest.mark.parametrize(
    ("in_the_child", "said"),
    [(_dies, "exit code 9"), (_fails, "MemoryError: no room for the name caches")],
)
def test_a_worker_that_dies_or_fails_costs_time_not_the_result(
    in_the_child: Callable[[], None],
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Its runs are prepared in the parent, with a warning saying why."""
    parent = os.getpid()

    def prepare_or_break(records: tuple[Record, ...]) -> PreparedRecords:
        if os.getpid() != parent:
            in_the_child()
        return prepare(records)

    monkeypatch.setattr(cores, "prepare", prepare_or_break)
    with caplog.at_level(logging.WARNING, logger=cores.__name__):
        got = cores.prepare_groups([RECORDS], processes=2, min_records=0)[0]
    _assert_same(got, prepare(RECORDS))
    assert said in caplog.text


def test_kinds_are_numbered_in_this_process_whatever_the_worker_numbered_them() -> None:
    travelled = portable(prepare(RECORDS[60:]))
    # another process's kind table may have met the kinds in another order
    travelled.columns["kind_id"] = travelled.columns["kind_id"] + 100
    joined = concatenated([prepare(RECORDS[:60]), restored(travelled, RECORDS[60:])])
    _assert_same(joined, prepare(RECORDS))
