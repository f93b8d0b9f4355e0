"""The hash-chained audit log: appends, tamper detection with the record named, concurrency, CLI."""

from __future__ import annotations

import ast
import hashlib
import json
import multiprocessing
from pathlib import Path

import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.settings import Settings
from graph import audit
from graph.audit import AuditEvent, AuditLogError, ProblemKind, file_sha256, hash_file


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(workspace=tmp_path / "ws")


def _fill(settings: Settings, n: int = 6) -> list[audit.AuditRecord]:
    return [
        audit.append(settings, AuditEvent.SCREENING_RUN, {"run": i, "input_sha256": "ab" * 32}, user="alice")
        for i in range(n)
    ]


def _lines(settings: Settings) -> list[str]:
    return settings.audit_log.read_text(encoding="utf-8").splitlines(keepends=True)


def _rewrite(settings: Settings, lines: list[str]) -> None:
    settings.audit_log.write_text("".join(lines), encoding="utf-8")


def _kinds(report: audit.VerifyReport) -> set[ProblemKind]:
    return {p.kind for p in report.problems}


def test_append_chains_records_and_keeps_head(settings):
    records = _fill(settings, 3)
    assert [r.seq for r in records] == [0, 1, 2]
    assert records[0].prev == audit.GENESIS
    assert records[1].prev == records[0].hash and records[2].prev == records[1].hash
    head = json.loads(audit.head_path(settings).read_text())
    assert head == {"count": 3, "hash": records[2].hash}
    stored = [json.loads(line) for line in _lines(settings)]
    assert stored[1]["event"] == "screening_run" and stored[1]["user"] == "alice"
    assert stored[1]["payload"] == {"run": 1, "input_sha256": "ab" * 32}
    report = audit.verify(settings)
    assert report.ok and report.records == 3, report.problems


def test_payload_values_are_stored_as_json(settings):
    record = audit.append(settings, "export", {"path": Path("/tmp/x.csv"), "rows": 3})
    assert record.payload == {"path": "/tmp/x.csv", "rows": 3}
    assert audit.verify(settings).ok


def test_unknown_event_is_refused(settings):
    with pytest.raises(ValueError):
        audit.append(settings, "made_up", {})


def test_edited_record_is_named(settings):
    _fill(settings)
    lines = _lines(settings)
    lines[2] = lines[2].replace('"run":2', '"run":99')
    _rewrite(settings, lines)
    report = audit.verify(settings)
    assert not report.ok
    edited = [p for p in report.problems if p.kind is ProblemKind.EDITED]
    assert [(p.line, p.seq) for p in edited] == [(3, 2)]


def test_edit_with_recomputed_hash_breaks_the_next_link(settings):
    _fill(settings)
    lines = _lines(settings)
    body = json.loads(lines[2])
    body["payload"]["run"] = 99
    del body["hash"]
    body["hash"] = audit.record_hash(body)
    lines[2] = audit.canonical_json(body) + "\n"
    _rewrite(settings, lines)
    report = audit.verify(settings)
    assert [(p.kind, p.seq) for p in report.problems] == [(ProblemKind.EDITED, 3)]
    assert "record 2 was rewritten" in report.problems[0].message


def test_deleted_record_is_named(settings):
    _fill(settings)
    lines = _lines(settings)
    del lines[3]
    _rewrite(settings, lines)
    report = audit.verify(settings)
    assert [(p.kind, p.seq) for p in report.problems] == [(ProblemKind.DELETED, 3)]


def test_inserted_record_is_named(settings):
    _fill(settings)
    lines = _lines(settings)
    lines.insert(2, lines[4])  # a copied record with a valid hash
    _rewrite(settings, lines)
    report = audit.verify(settings)
    inserted = [p for p in report.problems if p.kind is ProblemKind.INSERTED]
    assert inserted and inserted[0].seq == 4


def test_forged_record_is_named(settings):
    _fill(settings)
    lines = _lines(settings)
    forged = json.loads(lines[1])
    forged["payload"] = {"run": "forged"}
    lines.insert(2, audit.canonical_json(forged) + "\n")
    _rewrite(settings, lines)
    report = audit.verify(settings)
    assert any(p.kind is ProblemKind.EDITED and p.line == 3 for p in report.problems)
    assert any(p.kind is ProblemKind.INSERTED and p.seq == 1 for p in report.problems)


def test_reordered_records_are_named(settings):
    _fill(settings)
    lines = _lines(settings)
    lines[2], lines[3] = lines[3], lines[2]
    _rewrite(settings, lines)
    report = audit.verify(settings)
    assert [(p.kind, p.line, p.seq) for p in report.problems] == [(ProblemKind.REORDERED, 4, 2)]


def test_truncated_newest_records_are_detected(settings):
    _fill(settings)
    _rewrite(settings, _lines(settings)[:4])
    report = audit.verify(settings)
    assert [p.kind for p in report.problems] == [ProblemKind.TRUNCATED]
    assert "newest 2 record(s)" in report.problems[0].message
    # appending on top would hide the truncation, so it is refused
    with pytest.raises(AuditLogError, match="truncated or edited"):
        audit.append(settings, AuditEvent.EXPORT, {})


def test_emptied_log_and_replaced_last_record_are_detected(settings):
    records = _fill(settings, 3)
    lines = _lines(settings)
    settings.audit_log.write_text("")
    assert _kinds(audit.verify(settings)) == {ProblemKind.TRUNCATED}
    # the last record replaced by a self-consistent one with the same seq and prev
    body = json.loads(lines[2])
    body["payload"] = {"run": "other"}
    del body["hash"]
    body["hash"] = audit.record_hash(body)
    assert body["hash"] != records[2].hash
    _rewrite(settings, [*lines[:2], audit.canonical_json(body) + "\n"])
    assert _kinds(audit.verify(settings)) == {ProblemKind.HEAD_MISMATCH}


def test_records_appended_by_hand_are_detected(settings):
    records = _fill(settings, 2)
    body = {
        "seq": 2,
        "time": records[1].time,
        "user": "mallory",
        "event": "export",
        "payload": {},
        "prev": records[1].hash,
    }
    line = audit.canonical_json({**body, "hash": audit.record_hash(body)}) + "\n"
    with settings.audit_log.open("a") as f:
        f.write(line)
    assert _kinds(audit.verify(settings)) == {ProblemKind.INSERTED}


def test_garbage_line_is_reported(settings):
    _fill(settings, 3)
    lines = _lines(settings)
    lines[1] = lines[1][:40] + "\n"
    _rewrite(settings, lines)
    report = audit.verify(settings)
    assert any(p.kind is ProblemKind.UNREADABLE and p.line == 2 for p in report.problems)


def _append_many(workspace: str, worker: int, n: int) -> None:
    settings = Settings(workspace=Path(workspace))
    for i in range(n):
        audit.append(settings, AuditEvent.SCREENING_RUN, {"worker": worker, "i": i, "pad": "x" * 3000})


def test_concurrent_writers_do_not_corrupt_the_chain(settings):
    ctx = multiprocessing.get_context("fork")  # spawn cannot import a test module
    procs = [ctx.Process(target=_append_many, args=(str(settings.workspace), w, 40)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    report = audit.verify(settings)
    assert report.ok, report.problems
    records = audit.read(settings)
    assert len(records) == 120 and [r.seq for r in records] == list(range(120))
    assert {(r.payload["worker"], r.payload["i"]) for r in records} == {
        (w, i) for w in range(3) for i in range(40)
    }


def test_cli_verify_show_and_head(settings, tmp_path):
    _fill(settings, 4)
    env = {"CHIPWATCH_WORKSPACE": str(settings.workspace)}
    runner = CliRunner()
    result = runner.invoke(cli, ["audit", "verify"], env=env)
    assert result.exit_code == 0 and "intact: 4 records" in result.output
    result = runner.invoke(cli, ["audit", "show", "--last", "2"], env=env)
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == ["2", "3"]
    result = runner.invoke(cli, ["audit", "head"], env=env)
    assert json.loads(result.output)["count"] == 4

    lines = _lines(settings)
    del lines[1]
    _rewrite(settings, lines)
    result = runner.invoke(cli, ["audit", "verify"], env=env)
    assert result.exit_code == 1
    assert "[deleted]" in result.output and "record 1 is missing" in result.output


def test_external_anchor_catches_a_full_rewrite(settings):
    records = _fill(settings, 4)
    anchor = (2, records[1].hash)
    assert audit.verify(settings, anchor=anchor).ok
    # rewrite the whole chain and the head consistently: only the anchor can tell
    lines = _lines(settings)
    settings.audit_log.unlink()
    audit.head_path(settings).unlink()
    for line in lines:
        body = json.loads(line)
        payload = {**body["payload"], "run": "rewritten"} if body["seq"] == 1 else body["payload"]
        audit.append(settings, body["event"], payload, user=body["user"])
    assert audit.verify(settings).ok
    report = audit.verify(settings, anchor=anchor)
    assert [(p.kind, p.seq) for p in report.problems] == [(ProblemKind.EDITED, 1)]
    env = {"CHIPWATCH_WORKSPACE": str(settings.workspace)}
    result = CliRunner().invoke(cli, ["audit", "verify", "--anchor", f"2:{records[1].hash}"], env=env)
    assert result.exit_code == 1 and "external anchor" in result.output


def _hash_loops(path: Path) -> list[int]:
    """Lines of loops that read a file in blocks and feed a digest (``….read(…)`` in the loop's
    head, ``….update(…)`` in its body): a streaming hash of its own."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.For | ast.While):
            head = node.iter if isinstance(node, ast.For) else node.test
            calls = [
                n.func.attr
                for n in ast.walk(head)
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            ]
            body = [
                n.func.attr
                for stmt in node.body
                for n in ast.walk(stmt)
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            ]
            if "read" in calls and "update" in body:
                out.append(node.lineno)
    return out


def test_one_streaming_file_hash_loop() -> None:
    """graph.audit.hash_file is the only loop hashing a file block by block: the trade and list
    ingest, list folders and the screening input's UTF-8 check call it (three copies had grown)."""
    root = Path(__file__).resolve().parents[2]
    found = {
        f"{path.relative_to(root)}:{line}"
        for package in ("chipwatch", "graph", "ingest", "pages")
        for path in sorted((root / package).rglob("*.py"))
        for line in _hash_loops(path)
    }
    assert {f.split(":")[0] for f in found} == {"graph/audit.py"}, sorted(found)


def test_the_ingest_hashes_are_graph_audit_file_sha256(tmp_path: Path) -> None:
    from ingest.lists import provenance
    from ingest.trade import load

    one = tmp_path / "a.csv"
    one.write_bytes(b"name\nAlpha\n" * 50_000)
    (tmp_path / "b.txt").write_bytes("Бета".encode())
    assert load.file_sha256 is file_sha256
    assert provenance.file_sha256(one) == file_sha256(one) == hashlib.sha256(one.read_bytes()).hexdigest()
    # a list folder: each file's name and bytes, by name, in one digest (the stored version ids)
    folder = hashlib.sha256()
    for name in ("a.csv", "b.txt"):
        folder.update(name.encode() + b"\0" + (tmp_path / name).read_bytes())
    assert provenance.file_sha256(tmp_path) == folder.hexdigest()
    # a small chunk and a per-block callback see every byte once
    seen: list[bytes] = []
    digest = hashlib.sha256()
    hash_file(digest, one, each=seen.append, chunk=1000)
    assert b"".join(seen) == one.read_bytes() and digest.hexdigest() == file_sha256(one)
