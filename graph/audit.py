"""Append-only, hash-chained audit log (JSON lines) at ``settings.audit_log``.

Every record holds the SHA-256 of the previous record (``prev``) and its own hash over the
canonical JSON of its other fields (sorted keys, no spaces, UTF-8). Beside the log,
``audit.head.json`` holds the *chain head*: the hash of the newest record and the record count,
rewritten (atomically) after each append under the same lock.

What it defends against (``verify`` says which record):

* a record edited in place (its own hash no longer matches; or, if the hash was recomputed,
  the next record's ``prev`` no longer does);
* a record deleted, inserted or moved (sequence numbers and ``prev`` links break);
* the newest records truncated away (the log alone would still be a valid chain, but it
  ends before the head says it should).

What it does not defend against: someone with write access to the workspace who rewrites the
log *and* the head file consistently (or deletes both). Only a copy of the head kept elsewhere
catches that — publish ``chipwatch audit head`` periodically to a place the operator of this
machine cannot rewrite (a ticket, an e-mail to the auditor, a write-once bucket).

Two processes appending at once serialise on ``fcntl.flock`` over ``audit.lock``; a record is
one ``write`` of one line followed by ``fsync``, so a reader never sees half a chain.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from chipwatch.errors import ChipwatchError
from chipwatch.settings import Settings
from graph import atomic

GENESIS = "0" * 64
HEAD_NAME = "audit.head.json"
LOCK_NAME = "audit.lock"


class AuditEvent(StrEnum):
    SCREENING_RUN = "screening_run"
    RESCREEN_RUN = "rescreen_run"
    REVIEW_DECISION = "review_decision"
    EXPORT = "export"
    LIST_INGEST = "list_ingest"
    TRADE_INGEST = "trade_ingest"


class AuditLogError(ChipwatchError):
    """The audit log cannot be read or appended to (e.g. it fails verification)."""


class ProblemKind(StrEnum):
    UNREADABLE = "unreadable"
    EDITED = "edited"
    DELETED = "deleted"
    INSERTED = "inserted"
    REORDERED = "reordered"
    TRUNCATED = "truncated"
    HEAD_MISMATCH = "head_mismatch"


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    time: str
    user: str
    event: str
    payload: dict[str, Any]
    prev: str
    hash: str

    def body(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "time": self.time,
            "user": self.user,
            "event": self.event,
            "payload": self.payload,
            "prev": self.prev,
        }

    def to_line(self) -> str:
        return canonical_json({**self.body(), "hash": self.hash}) + "\n"


@dataclass(frozen=True)
class AuditProblem:
    kind: ProblemKind
    message: str
    line: int | None = None
    seq: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"[{self.kind.value}] {where}{self.message}"


@dataclass
class VerifyReport:
    records: int
    head_count: int | None
    head_hash: str | None
    problems: list[AuditProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return f"audit log intact: {self.records} records, head {(self.head_hash or GENESIS)[:16]}…"
        return f"audit log FAILED verification: {len(self.problems)} problem(s) in {self.records} records"


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def record_hash(body: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(dict(body)).encode("utf-8")).hexdigest()


def hash_file(
    digest: hashlib._Hash, path: Path, each: Callable[[bytes], object] | None = None, chunk: int = 1 << 20
) -> None:
    """Feed a file's bytes to ``digest`` in blocks of ``chunk`` (a file of any size in bounded
    memory), each block also to ``each`` when given (a decoder checking the bytes as they are
    hashed: one read of the file does both). The one streaming loop of the project: a list
    folder's hash feeds several files to one digest, a CSV input's hash decodes it too."""
    with Path(path).open("rb") as f:
        while block := f.read(chunk):
            if each is not None:
                each(block)
            digest.update(block)


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes (input and result files of a screening run, ingested files)."""
    digest = hashlib.sha256()
    hash_file(digest, path, chunk=chunk)
    return digest.hexdigest()


def head_path(settings: Settings) -> Path:
    return settings.audit_log.with_name(HEAD_NAME)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return f"uid:{os.getuid()}"


@contextlib.contextmanager
def _locked(settings: Settings, exclusive: bool) -> Iterator[None]:
    settings.audit_log.parent.mkdir(parents=True, exist_ok=True)
    lock_file = settings.audit_log.with_name(LOCK_NAME)
    with lock_file.open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _read_head(settings: Settings) -> tuple[int, str] | None:
    path = head_path(settings)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data["count"]), str(data["hash"])
    except (ValueError, KeyError, TypeError) as exc:
        raise AuditLogError(f"{path}: chain head unreadable ({exc})") from exc


def _write_head(settings: Settings, count: int, last_hash: str) -> None:
    text = canonical_json({"count": count, "hash": last_hash}) + "\n"
    atomic.write_text(head_path(settings), text, private=True)


def _last_line(f: IO[bytes]) -> bytes:
    """The last non-empty line of a file opened in binary mode, read backwards in blocks."""
    f.seek(0, os.SEEK_END)
    end = f.tell()
    buf = b""
    pos = end
    while pos > 0:
        step = min(8192, pos)
        pos -= step
        f.seek(pos)
        buf = f.read(step) + buf
        stripped = buf.rstrip(b"\n")
        if b"\n" in stripped:
            return stripped.rsplit(b"\n", 1)[1]
    return buf.rstrip(b"\n")


def _parse(line: bytes | str) -> AuditRecord:
    data = json.loads(line)
    return AuditRecord(
        seq=int(data["seq"]),
        time=str(data["time"]),
        user=str(data["user"]),
        event=str(data["event"]),
        payload=dict(data["payload"]),
        prev=str(data["prev"]),
        hash=str(data["hash"]),
    )


def append(
    settings: Settings,
    event: AuditEvent | str,
    payload: Mapping[str, Any],
    *,
    user: str | None = None,
) -> AuditRecord:
    """Append one record and move the chain head; refuses if the log's end disagrees with the head."""
    kind = AuditEvent(event)
    with _locked(settings, exclusive=True):
        log = settings.audit_log
        head = _read_head(settings)
        last_raw = b""
        if log.exists():
            with log.open("rb") as f:
                last_raw = _last_line(f)
        if last_raw:
            try:
                last = _parse(last_raw)
            except (ValueError, KeyError, TypeError) as exc:
                raise AuditLogError(f"{log}: last record unreadable; run `chipwatch audit verify`") from exc
            count, prev = last.seq + 1, last.hash
        else:
            count, prev = 0, GENESIS
        if head is not None and head != (count, prev):
            raise AuditLogError(
                f"{log}: the log ends at record {count} but its head says {head[0]} records; "
                "it was truncated or edited — run `chipwatch audit verify`"
            )
        if head is None and count > 0:
            raise AuditLogError(f"{head_path(settings)}: chain head missing for a non-empty log")
        # Round-trip through JSON so the hashed body is exactly what a reader parses back.
        body = json.loads(
            json.dumps(
                {
                    "seq": count,
                    "time": datetime.now(UTC).isoformat(timespec="microseconds"),
                    "user": user or _current_user(),
                    "event": kind.value,
                    "payload": dict(payload),
                    "prev": prev,
                },
                default=str,
                allow_nan=False,
            )
        )
        record = AuditRecord(**body, hash=record_hash(body))
        # one write of one line, flushed, to a file only its owner reads (mode 0600)
        atomic.append_line(log, record.to_line().removesuffix("\n"), private=True)
        _write_head(settings, count + 1, record.hash)
    return record


def read(settings: Settings, *, last: int | None = None) -> list[AuditRecord]:
    """The records in file order (the newest ``last`` only, when given); unreadable lines skipped."""
    if not settings.audit_log.exists():
        return []
    with _locked(settings, exclusive=False):
        lines = settings.audit_log.read_bytes().splitlines()
    records = []
    for line in lines:
        if not line.strip():
            continue
        with contextlib.suppress(ValueError, KeyError, TypeError):
            records.append(_parse(line))
    return records[-last:] if last else records


def verify(settings: Settings, *, anchor: tuple[int, str] | None = None) -> VerifyReport:
    """Check every record's hash, link, position and the chain head; say which record is wrong.

    ``anchor`` is a head copied elsewhere earlier (``count``, ``hash``): the log must still hold
    that record, which catches a rewrite of both files done after the anchor was taken.
    """
    log = settings.audit_log
    with _locked(settings, exclusive=False):
        lines = log.read_bytes().splitlines() if log.exists() else []
        head = _read_head(settings)
    problems: list[AuditProblem] = []
    parsed: list[tuple[int, AuditRecord]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            problems.append(AuditProblem(ProblemKind.EDITED, "blank line in the log", line=number))
            continue
        try:
            parsed.append((number, _parse(line)))
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(AuditProblem(ProblemKind.UNREADABLE, f"not a valid record ({exc})", line=number))

    by_seq: dict[int, list[tuple[int, AuditRecord]]] = {}
    for number, rec in parsed:
        by_seq.setdefault(rec.seq, []).append((number, rec))
        if record_hash(rec.body()) != rec.hash:
            problems.append(
                AuditProblem(
                    ProblemKind.EDITED,
                    f"record {rec.seq} ({rec.event}) was edited: its content does not match its hash",
                    line=number,
                    seq=rec.seq,
                )
            )

    for seq, hits in sorted(by_seq.items()):
        if len(hits) > 1:
            lines_at = ", ".join(str(n) for n, _ in hits)
            problems.append(
                AuditProblem(
                    ProblemKind.INSERTED,
                    f"record {seq} appears {len(hits)} times (lines {lines_at}): a record was inserted",
                    line=hits[1][0],
                    seq=seq,
                )
            )
    max_seq = max(by_seq, default=-1)
    missing = [s for s in range(max_seq + 1) if s not in by_seq]
    for seq in missing:
        problems.append(
            AuditProblem(ProblemKind.DELETED, f"record {seq} is missing: it was deleted", seq=seq)
        )

    # Links: each record must name the hash of the record before it (by sequence number).
    for number, rec in parsed:
        if rec.seq == 0:
            expected = {GENESIS}
        elif rec.seq - 1 in by_seq:
            expected = {r.hash for _, r in by_seq[rec.seq - 1]}
        else:
            continue  # reported as deleted above
        if rec.prev not in expected:
            problems.append(
                AuditProblem(
                    ProblemKind.EDITED,
                    f"record {rec.seq} does not follow record {rec.seq - 1}: record {rec.seq - 1} was "
                    f"rewritten (hash recomputed) or record {rec.seq} was inserted in its place",
                    line=number,
                    seq=rec.seq,
                )
            )

    # Order: sequence numbers must increase line by line.
    highest: AuditRecord | None = None
    for number, rec in parsed:
        if highest is not None and rec.seq < highest.seq and len(by_seq[rec.seq]) == 1:
            problems.append(
                AuditProblem(
                    ProblemKind.REORDERED,
                    f"record {rec.seq} comes after record {highest.seq}: records were reordered",
                    line=number,
                    seq=rec.seq,
                )
            )
        if highest is None or rec.seq > highest.seq:
            highest = rec

    count = max_seq + 1
    last_hash = by_seq[max_seq][-1][1].hash if by_seq else GENESIS
    if head is None:
        if count:
            problems.append(
                AuditProblem(ProblemKind.HEAD_MISMATCH, f"chain head {head_path(settings)} is missing")
            )
    else:
        head_count, head_hash = head
        if count < head_count:
            problems.append(
                AuditProblem(
                    ProblemKind.TRUNCATED,
                    f"the log ends at record {count - 1} but the head says {head_count} records: "
                    f"the newest {head_count - count} record(s) were removed",
                    seq=count,
                )
            )
        elif count > head_count:
            problems.append(
                AuditProblem(
                    ProblemKind.INSERTED,
                    f"the log has {count - head_count} record(s) after the head ({head_count}): "
                    "appended without the audit writer",
                    seq=head_count,
                )
            )
        elif last_hash != head_hash:
            problems.append(
                AuditProblem(
                    ProblemKind.HEAD_MISMATCH,
                    f"newest record {count - 1} does not match the head's hash: it was replaced",
                    seq=count - 1,
                )
            )
    if anchor is not None:
        anchored = [r.hash for _, r in by_seq.get(anchor[0] - 1, [])]
        if anchor[1] not in anchored:
            problems.append(
                AuditProblem(
                    ProblemKind.EDITED,
                    f"record {anchor[0] - 1} differs from the external anchor: the log was rewritten",
                    seq=anchor[0] - 1,
                )
            )
    return VerifyReport(
        records=len(parsed),
        head_count=head[0] if head else None,
        head_hash=head[1] if head else None,
        problems=problems,
    )
