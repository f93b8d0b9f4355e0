"""The one workspace writer (:mod:`graph.atomic`): a write that fails midway leaves the old file,
and files holding review decisions or the audit trail are readable by their owner only.

A failure midway is a real one: the writer runs in a child process whose file size limit
(``RLIMIT_FSIZE``, as a full disk would) stops it after the first bytes, so the OS refuses the
write with ``EFBIG`` ("File too large") while the new content is half written.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from chipwatch.settings import Settings
from graph import atomic, audit
from graph.resolve.review import decide, decisions_path, load_decisions
from graph.tables.lists import LIST_SCHEMAS, list_table_path, read_list_table, stage_list_tables

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 4096  # bytes a child process may write to any one file


def _with_file_size_limit(code: str, limit: int = LIMIT) -> subprocess.CompletedProcess[str]:
    prelude = (
        "import resource, signal\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"  # EFBIG from write(), not a killed process
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-c", prelude + code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


BIG_TEXT = "atomic.write_text(Path(TARGET), 'new line\\n' * 50_000)"
BIG_PARQUET = (
    "import pandas as pd, secrets\n"
    "atomic.write_parquet(Path(TARGET), pd.DataFrame({'x': [secrets.token_hex(16) for _ in range(20_000)]}))"
)


@pytest.mark.parametrize("write", [BIG_TEXT, BIG_PARQUET], ids=["text", "parquet"])
def test_a_write_that_fails_midway_leaves_the_old_file(tmp_path: Path, write: str) -> None:
    target = tmp_path / "state" / "table.bin"
    atomic.write_text(target, "the old content\n")
    before = _files(target.parent)
    head = f"from pathlib import Path\nfrom graph import atomic\nTARGET = {str(target)!r}\n"
    done = _with_file_size_limit(head + write)
    assert done.returncode != 0 and "File too large" in done.stderr, done.stderr
    assert _files(target.parent) == before  # the old bytes, and no temporary file left behind


def test_list_tables_written_together_stay_old_together_when_one_fails(tmp_path: Path) -> None:
    """``stage_list_tables`` writes every table before any is renamed: the second table failing
    midway leaves the first one old too."""
    settings = Settings(workspace=tmp_path / "ws")
    old = {name: pd.DataFrame({c: [] for c in cols}) for name, cols in LIST_SCHEMAS.items()}
    stage_list_tables(settings, old).commit()
    folder = list_table_path(settings, "list_versions").parent
    before = _files(folder)
    code = f"""
import secrets
import pandas as pd
from chipwatch.settings import Settings
from graph.tables.lists import LIST_SCHEMAS, conform, stage_list_tables
from pathlib import Path
settings = Settings(workspace=Path({str(settings.workspace)!r}))
versions = conform("list_versions", pd.DataFrame({{"version_id": ["v1"], "feed": ["csl"], "seq": [1]}}))
entries = conform("list_entries", pd.DataFrame({{"node_id": [secrets.token_hex(16) for _ in range(20_000)]}}))
stage_list_tables(settings, {{"list_versions": versions, "list_entries": entries}}).commit()
"""
    done = _with_file_size_limit(code)
    assert done.returncode != 0 and "File too large" in done.stderr, done.stderr
    assert _files(folder) == before
    assert read_list_table(settings, "list_versions").empty


def test_compare_output_that_fails_midway_leaves_the_old_file(tmp_path: Path) -> None:
    """``chipwatch compare --pairs … --out`` used to open the output for writing in place: a failure
    midway left a truncated file where the previous results had been."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "name_a,name_b\n" + "".join(f"Shenzhen Huaxin Electronic {i} Co,HUAXIN {i}\n" for i in range(200)),
        encoding="utf-8",
    )
    out = tmp_path / "out" / "scores.csv"
    out.parent.mkdir()
    out.write_text("the previous results\n", encoding="utf-8")
    code = (
        "import sys\nfrom chipwatch.cli import cli\n"
        f"sys.argv = ['chipwatch', 'compare', '--pairs', {str(pairs)!r}, '--out', {str(out)!r}]\n"
        "cli()"
    )
    done = _with_file_size_limit(code)
    assert done.returncode != 0 and "File too large" in done.stdout + done.stderr, done.stdout + done.stderr
    assert _files(out.parent) == {"scores.csv": b"the previous results\n"}


def test_decisions_and_the_audit_trail_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    settings.audit_log.parent.mkdir(parents=True)
    settings.audit_log.write_text("")  # a log an older version created with the usual mode
    os.chmod(settings.audit_log, 0o644)
    decide(settings, "co:a", "list:US_EL:1", "reject", note="a different firm")
    assert _mode(decisions_path(settings)) == atomic.PRIVATE
    assert _mode(settings.audit_log) == atomic.PRIVATE
    assert _mode(audit.head_path(settings)) == atomic.PRIVATE
    assert audit.verify(settings).ok


def test_other_files_keep_their_mode_or_get_the_usual_one(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.json"
    atomic.write_text(fresh, "{}")
    umask = os.umask(0o022)
    os.umask(umask)
    assert _mode(fresh) == 0o666 & ~umask
    shared = tmp_path / "shared.json"
    shared.write_text("{}")
    os.chmod(shared, 0o640)
    atomic.write_text(shared, '{"a": 1}')
    assert _mode(shared) == 0o640 and shared.read_text() == '{"a": 1}'


def test_a_decision_torn_by_a_failed_write_is_not_made_and_the_next_one_is(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    decide(settings, "co:a", "list:US_EL:1", "reject", note="a different firm")
    path = decisions_path(settings)
    size = path.stat().st_size
    code = (
        "from pathlib import Path\nfrom chipwatch.settings import Settings\n"
        "from graph.resolve.review import decide\n"
        f"settings = Settings(workspace=Path({str(settings.workspace)!r}))\n"
        "decide(settings, 'co:b', 'list:US_EL:2', 'confirm', note='x' * 500)"
    )
    done = _with_file_size_limit(code, limit=size + 40)  # room for the start of the line only
    assert done.returncode != 0 and "File too large" in done.stderr, done.stderr
    assert path.stat().st_size == size + 40  # the torn line is there, without its newline
    assert list(load_decisions(settings)) == [("co:a", "list:US_EL:1")]
    decide(settings, "co:c", "list:US_EL:3", "confirm", note="same firm")
    assert list(load_decisions(settings)) == [("co:a", "list:US_EL:1"), ("co:c", "list:US_EL:3")]
    assert path.read_bytes().count(b"\n") == 2
