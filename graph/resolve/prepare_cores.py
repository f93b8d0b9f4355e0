"""``prepare`` on every core: big batches of records are prepared in parts, in forked processes.

Preparing names (:func:`graph.resolve.features.prepare`: normalising, readings, sibling and
short-code evidence, dozens of rules per name) is Python, so it runs on one core: on the 100k
world it was ~55 s of a ~160 s resolution on 2 cores. Here each group of records (shipment
parties, companies, list entries) is cut into one run of consecutive records per core; the
parent prepares its run of each group while each forked child prepares another run of each and
sends them back pickled (columns and interned strings: ~30 MB and ~1.5 s per 50,000 parties).
The parts are joined (:func:`graph.resolve.prepared_parts.concatenated`) into exactly what one
``prepare`` per group gives. One child per extra core prepares its runs of all the groups in
turn, as one process would: a group prepares faster after another has filled the per-word caches
(the 100k world's companies take ~18 s after its parties, ~30 s before them).

``fork``, not ``spawn``: the child starts with the records and the loaded tables in memory
(shared with the parent until written), instead of importing everything and receiving the
records pickled. A child that fails or dies (killed for memory, say) costs time, not the result:
its runs are prepared again in the parent, with a warning.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection

import numpy as np

from chipwatch.settings import MAX_RESOLVE_PROCESSES
from graph.resolve.features import PreparedRecords, Record, prepare
from graph.resolve.prepared_parts import Portable, concatenated, portable, restored

log = logging.getLogger(__name__)

#: Below this many records one process prepares them: a fork, the pickling and the join cost
#: ~1 s, which a part of fewer records would not win back.
MIN_RECORDS = 20_000


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def prepare_groups(
    groups: Sequence[Sequence[Record]], processes: int | None = None, min_records: int | None = None
) -> list[PreparedRecords]:
    """``[prepare(g) for g in groups]``, computed on ``processes`` cores (every core, at most
    MAX_RESOLVE_PROCESSES, by default) when the groups hold at least ``min_records`` (MIN_RECORDS)
    records in all and this is Linux; else in this process.

    Each group is cut into one run of consecutive records per process, and each process
    prepares its run of every group in turn, so that what a process learnt from the names of one
    group (its per-word caches) serves it for the next group too, as in one process."""
    published = [tuple(g) for g in groups]
    total = sum(len(g) for g in published)
    n = min(processes or available_cores(), MAX_RESOLVE_PROCESSES, max(total, 1))
    least = MIN_RECORDS if min_records is None else min_records
    if n < 2 or total < least or not _can_fork():
        return [prepare(g) for g in published]
    # runs[k][g]: process k's run of group g
    cuts = [np.linspace(0, len(g), n + 1).astype(int).tolist() for g in published]
    runs = [[g[c[k] : c[k + 1]] for g, c in zip(published, cuts, strict=True)] for k in range(n)]
    children = [(_start(chunks), chunks) for chunks in runs[1:]]
    parts = [[prepare(chunk) for chunk in runs[0]], *(_collect(child, chunks) for child, chunks in children)]
    return [concatenated([process_parts[g] for process_parts in parts]) for g in range(len(published))]


def _can_fork() -> bool:
    # Linux only: macOS has fork, but system libraries there may crash in a child forked from a
    # process with threads (Python made spawn its default there for that reason).
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


_Child = tuple[multiprocessing.process.BaseProcess, Connection]


def _start(chunks: list[tuple[Record, ...]]) -> _Child:
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    # A forked child flushes the standard streams it inherited when it ends: anything still
    # buffered here would be written twice.
    sys.stdout.flush()
    sys.stderr.flush()
    # ``fork`` hands the records to the child in memory: the arguments are not pickled.
    process = ctx.Process(target=_prepare_runs, args=(chunks, send), daemon=True)
    process.start()
    send.close()  # the child's end: the parent's copy closed, a dead child reads as end of file
    return process, receive


def _prepare_runs(chunks: list[tuple[Record, ...]], send: Connection) -> None:
    """In the child: prepare each run of records, send them all (or the failure) and end."""
    try:
        message: tuple[str, list[Portable] | str] = (
            "prepared",
            [portable(prepare(chunk)) for chunk in chunks],
        )
    except BaseException:  # the parent prepares the runs itself and raises there, with its traceback
        message = ("failed", traceback.format_exc())
    send.send(message)
    send.close()


def _collect(child: _Child, chunks: list[tuple[Record, ...]]) -> list[PreparedRecords]:
    process, receive = child
    try:
        status, payload = receive.recv()
    except (EOFError, OSError):  # the child died before it sent anything
        status, payload = "died", ""
    finally:
        receive.close()
        process.join()
    if status == "prepared" and isinstance(payload, list):
        return [restored(part, chunk) for part, chunk in zip(payload, chunks, strict=True)]
    why = (
        f"it ended with exit code {process.exitcode} before sending them"
        if status == "died"
        else str(payload).strip().splitlines()[-1]
    )
    count = sum(len(c) for c in chunks)
    log.warning("preparing %d records in a worker process failed (%s); preparing them here", count, why)
    return [prepare(chunk) for chunk in chunks]
