"""The local Neo4j: lifecycle on a real JVM, status, credentials never shown, clear errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import click
import neo4j
import pytest
from click.testing import CliRunner

from chipwatch import neo4j_launcher, neo4j_server
from chipwatch.commands import neo4j as neo4j_commands
from chipwatch.errors import JavaNotFoundError, Neo4jAuthError, Neo4jServerError, StoreError
from chipwatch.neo4j_server import ServerState
from chipwatch.settings import Secret, Settings, StoreKind


def _cli_group() -> click.Group:
    """A group with only the neo4j verbs, so these tests depend on no other command module."""
    group = click.Group("chipwatch")
    neo4j_commands.register(group)
    return group


def _password_of(settings: Settings) -> str:
    conn = neo4j_server.read_connection(settings)
    assert conn is not None
    return conn.password.reveal()


def _files_text(root: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in root.rglob("*")
        if p.is_file() and "log" in p.name
    )


def test_status_of_a_workspace_that_never_ran(tmp_path: Path) -> None:
    current = neo4j_server.status(Settings(workspace=tmp_path))
    assert current.state is ServerState.STOPPED
    assert current.uri is None and current.pid is None
    assert "stopped" in current.describe()


def test_status_ignores_a_pid_file_naming_another_process(tmp_path: Path) -> None:
    # A pid recycled after a crash must not be mistaken for (or killed as) our server.
    settings = Settings(workspace=tmp_path)
    settings.neo4j_dir.mkdir(parents=True)
    (settings.neo4j_dir / "neo4j.pid").write_text(f"{os.getpid()}\n")
    assert neo4j_server.status(settings).state is ServerState.STOPPED
    assert neo4j_server.stop(settings).state is ServerState.STOPPED
    assert not (settings.neo4j_dir / "neo4j.pid").exists()


def test_cli_status_when_stopped_exits_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli_group(), ["neo4j", "status"], env={"CHIPWATCH_WORKSPACE": str(tmp_path)})
    assert result.exit_code == 3, result.output
    assert "neo4j: stopped" in result.output


def test_effective_settings_unchanged_without_a_running_server(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path, store=StoreKind.NEO4J)
    assert neo4j_server.effective_neo4j_settings(settings) == settings


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(neo4j_launcher.shutil, "which", lambda _name: None)
    with pytest.raises(JavaNotFoundError, match=r"needs Java 17 or newer.*no 'java' is on PATH"):
        neo4j_server.start(Settings(workspace=tmp_path))
    assert "Java" in (neo4j_launcher.unavailable_reason() or "")
    assert isinstance(JavaNotFoundError("x"), Neo4jServerError)


def test_unbuilt_launcher_is_refused_without_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if neo4j_launcher.shutil.which("java") is None:
        pytest.skip("needs java on PATH to get past the Java check")
    monkeypatch.setattr(neo4j_launcher, "LAUNCHER_DIR", tmp_path / "no-launcher")
    with pytest.raises(Neo4jServerError, match=r"launcher is not built.*build-neo4j-launcher\.sh"):
        neo4j_server.start(Settings(workspace=tmp_path / "ws"), build=False)
    assert "not built" in (neo4j_launcher.unavailable_reason() or "")


def test_launcher_command_carries_no_password(tmp_path: Path) -> None:
    cmd = neo4j_launcher.launcher_command("java", tmp_path, 7687, watch_pid=1)
    assert "-Xmx2g" in cmd and neo4j_launcher.MAIN_CLASS in cmd
    assert not any("pass" in part.lower() for part in cmd)


def test_local_server_keeps_transaction_state_off_heap_unless_the_caller_says_otherwise(
    tmp_path: Path,
) -> None:
    cmd = neo4j_launcher.launcher_command("java", tmp_path, 7687)
    assert "db.tx_state.memory_allocation=OFF_HEAP" in cmd
    assert "-Xms2g" in cmd and "-XX:+UseParallelGC" in cmd  # a fixed heap for the bulk-load collector
    mine = neo4j_launcher.launcher_command(
        "java", tmp_path, 7687, neo4j_settings={"db.tx_state.memory_allocation": "ON_HEAP"}
    )
    settings = [mine[i + 1] for i, part in enumerate(mine) if part == "--setting"]
    assert settings == ["db.tx_state.memory_allocation=ON_HEAP"]


def test_session_server_answers(neo4j_settings: Settings) -> None:
    assert neo4j_settings.store is StoreKind.NEO4J
    assert neo4j_settings.neo4j_uri and neo4j_settings.neo4j_uri.startswith("bolt://127.0.0.1:")
    auth = (neo4j_settings.neo4j_user, neo4j_settings.neo4j_password.reveal())
    with neo4j.GraphDatabase.driver(neo4j_settings.neo4j_uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(
            "RETURN 41 + 1 AS answer", database_=neo4j_settings.neo4j_database
        )
    assert records[0]["answer"] == 42


def test_wrong_password_is_a_clear_error(neo4j_settings: Settings) -> None:
    assert neo4j_settings.neo4j_uri
    wrong = "definitely-not-the-password-42"
    # One failed attempt only: Neo4j locks a user for a few seconds after three in a row.
    with pytest.raises(Neo4jAuthError) as caught:
        neo4j_server.verify_connection(
            neo4j_settings.neo4j_uri, "neo4j", Secret(wrong), source="CHIPWATCH_NEO4J_PASSWORD"
        )
    message = str(caught.value)
    assert neo4j_settings.neo4j_uri in message and "wrong user name or password" in message
    assert "CHIPWATCH_NEO4J_PASSWORD" in message
    assert wrong not in message and neo4j_settings.neo4j_password.reveal() not in message
    assert isinstance(caught.value, StoreError)


def test_unreachable_server_is_a_store_error(tmp_path: Path) -> None:
    port = neo4j_server._free_port(None)  # nothing listens there
    with pytest.raises(StoreError, match=f"cannot reach Neo4j at bolt://127.0.0.1:{port}"):
        neo4j_server.verify_connection(f"bolt://127.0.0.1:{port}", "neo4j", Secret("x"), source="test")


def test_settings_repr_hides_the_password(neo4j_settings: Settings) -> None:
    password = neo4j_settings.neo4j_password.reveal()
    assert len(password) >= 20
    for shown in (repr(neo4j_settings), str(neo4j_settings), f"{neo4j_settings}"):
        assert password not in shown
    assert "********" in repr(neo4j_settings)


def test_second_workspace_lifecycle(neo4j_settings: Settings, tmp_path: Path) -> None:
    """Start a second server beside the session one, use it, stop it, restart it: data and password stay."""
    settings = Settings(workspace=tmp_path / "ws2", store=StoreKind.NEO4J)
    env = {"CHIPWATCH_WORKSPACE": str(settings.workspace)}
    runner = CliRunner()
    cli = _cli_group()

    started = neo4j_server.start(settings, watch_pid=os.getpid(), build=False)
    try:
        assert started.state is ServerState.RUNNING
        assert started.uri != neo4j_settings.neo4j_uri  # each workspace has its own server
        password = _password_of(settings)
        assert password != neo4j_settings.neo4j_password.reveal()
        assert stat.S_IMODE(settings.neo4j_dir.joinpath("connection.json").stat().st_mode) == 0o600
        assert stat.S_IMODE(settings.neo4j_dir.stat().st_mode) == 0o700
        # The password is not on the JVM's command line, which every local user can read.
        assert password.encode() not in Path(f"/proc/{started.pid}/cmdline").read_bytes()

        effective = neo4j_server.effective_neo4j_settings(settings)
        assert effective.neo4j_uri == started.uri
        explicit = settings.with_(neo4j_uri="bolt://example.invalid:7687")
        assert neo4j_server.effective_neo4j_settings(explicit) is explicit
        auth = (effective.neo4j_user, effective.neo4j_password.reveal())
        with neo4j.GraphDatabase.driver(started.uri, auth=auth) as driver:
            driver.execute_query("CREATE (:Probe {id: 'kept'})")

        again = runner.invoke(cli, ["neo4j", "start"], env=env)  # already running: no second JVM
        assert again.exit_code == 0, again.output
        shown = runner.invoke(cli, ["neo4j", "status"], env=env)
        assert shown.exit_code == 0, shown.output
        assert f"neo4j: running at {started.uri} (pid {started.pid})" in shown.output
        assert "connection.json" in shown.output and "password not shown" in shown.output

        stopped = runner.invoke(cli, ["neo4j", "stop"], env=env)
        assert stopped.exit_code == 0, stopped.output
        assert "neo4j: stopped" in stopped.output
        assert neo4j_server.status(settings).state is ServerState.STOPPED
        assert not Path(f"/proc/{started.pid}").exists()
        assert not neo4j_server._port_open(started.uri)
        # The session's server is untouched by stopping another workspace's.
        assert neo4j_server.effective_neo4j_settings(neo4j_settings.with_(neo4j_uri=None)).neo4j_uri

        restarted = neo4j_server.start(settings, watch_pid=os.getpid(), build=False)
        assert restarted.state is ServerState.RUNNING
        assert _password_of(settings) == password
        with neo4j.GraphDatabase.driver(restarted.uri, auth=auth) as driver:
            records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.id AS id")
        assert [r["id"] for r in records] == ["kept"]
    finally:
        neo4j_server.stop(settings)

    everything_shown = again.output + shown.output + stopped.output
    assert password not in everything_shown
    assert password not in _files_text(settings.neo4j_dir)  # launcher log and Neo4j's own logs
    assert neo4j_server.status(settings).state is ServerState.STOPPED


def test_cli_help_lists_neo4j_verbs() -> None:
    from chipwatch.cli import cli  # the real entry point, with every command module loaded

    top = CliRunner().invoke(cli, ["--help"])
    assert top.exit_code == 0, top.output
    assert "neo4j" in top.output
    sub = CliRunner().invoke(cli, ["neo4j", "--help"])
    assert sub.exit_code == 0, sub.output
    for verb in ("start", "stop", "status"):
        assert verb in sub.output
