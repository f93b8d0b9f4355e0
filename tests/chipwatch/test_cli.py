"""The ``chipwatch`` entry point: exit codes a script or a scheduler can rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from chipwatch.cli import main
from chipwatch.settings import Settings
from graph import audit


def test_failed_audit_verification_exits_non_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = tmp_path / "ws"
    settings = Settings(workspace=workspace)
    for n in range(3):
        audit.append(settings, "export", {"rows": n})
    monkeypatch.setenv("CHIPWATCH_WORKSPACE", str(workspace))
    main(["audit", "verify"])  # intact: returns, exit code 0
    log = settings.audit_log
    log.write_text(log.read_text().replace('"rows":1', '"rows":7'))
    with pytest.raises(SystemExit) as exited:
        main(["audit", "verify"])
    assert exited.value.code == 1
