"""``chipwatch app``: serving where other machines can reach it without a password is warned about."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.ui.auth import hash_password


@pytest.fixture()
def no_streamlit(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    started: list[list[str]] = []

    def call(cmd: list[str], **_: object) -> int:
        started.append(cmd)
        return 0

    monkeypatch.setattr(subprocess, "call", call)
    return started


def _app(tmp_path: Path, address: str, password_hash: str = "") -> tuple[str, str]:
    env = {"CHIPWATCH_WORKSPACE": str(tmp_path / "ws"), "CHIPWATCH_APP_PASSWORD_HASH": password_hash}
    result = CliRunner().invoke(cli, ["app", "--address", address], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_an_open_address_without_a_password_is_warned_about(tmp_path: Path, no_streamlit: list) -> None:
    out, err = _app(tmp_path, "0.0.0.0")
    assert "Warning" in err and "0.0.0.0" in err and "CHIPWATCH_APP_PASSWORD_HASH" in err
    assert "Serving chipwatch on http://0.0.0.0" in out and no_streamlit


@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1"])
def test_loopback_is_not_warned_about(tmp_path: Path, no_streamlit: list, address: str) -> None:
    assert "Warning" not in _app(tmp_path, address)[1]


def test_an_open_address_with_a_password_is_not_warned_about(tmp_path: Path, no_streamlit: list) -> None:
    assert "Warning" not in _app(tmp_path, "0.0.0.0", hash_password("s3cret"))[1]
