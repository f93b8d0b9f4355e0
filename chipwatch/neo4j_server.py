"""A local Neo4j per workspace: build the launcher, start it detached, check it, stop it.

The server is Neo4j Community 5.26 embedded in ``neo4j-launcher/`` (a small Maven project), with
Bolt on 127.0.0.1 only and authentication on. Each workspace has its own server, port and
password, so several workspaces can run side by side. Files in ``settings.neo4j_dir`` (mode 0700):

- ``connection.json`` — uri, user, password (mode 0600); the only place the password is kept
- ``neo4j.pid`` — pid of the JVM
- ``neo4j.log`` — the launcher's output (the previous run's in ``neo4j.log.1``)
- ``launch.json`` — the options the running server was started with (watched pid, extra Neo4j
  settings; no credentials), so :func:`offline` can start it again the same way
- ``dbms/`` — Neo4j's home: ``data/`` and Neo4j's own ``logs/``

The password reaches the JVM on its standard input, never on its command line (which any user
of the machine can read).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from chipwatch.errors import Neo4jAuthError, Neo4jServerError, StoreError
from chipwatch.neo4j_launcher import (
    BUILD_COMMAND,
    MAIN_CLASS,
    build_launcher,
    find_java,
    launcher_built,
    launcher_command,
)
from chipwatch.settings import Secret, Settings
from graph import atomic

log = logging.getLogger(__name__)

USER = "neo4j"
_READY = re.compile(r"^READY bolt://127\.0\.0\.1:(\d+) pid=(\d+)$", re.MULTILINE)

#: Popen objects of servers this process started, kept so they are reaped (no zombies, no
#: "subprocess still running" warnings) when stopped from the same process.
_children: dict[int, subprocess.Popen[bytes]] = {}


class ServerState(StrEnum):
    RUNNING = "running"
    STOPPED = "stopped"
    #: The JVM is alive but its Bolt port does not answer (starting, or stuck).
    NOT_RESPONDING = "not responding"


@dataclass(frozen=True)
class ServerStatus:
    """What ``chipwatch neo4j status`` shows; holds no credentials."""

    state: ServerState
    workspace: Path
    uri: str | None
    pid: int | None
    credentials_file: Path
    log_file: Path

    def describe(self) -> str:
        where = f" at {self.uri}" if self.uri and self.state is not ServerState.STOPPED else ""
        pid = f" (pid {self.pid})" if self.pid and self.state is not ServerState.STOPPED else ""
        lines = [f"neo4j: {self.state.value}{where}{pid}", f"workspace: {self.workspace}"]
        if self.credentials_file.exists():
            lines.append(f"credentials: {self.credentials_file} (user {USER}; password not shown)")
        lines.append(f"log: {self.log_file}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: Secret


@dataclass(frozen=True)
class _Paths:
    root: Path

    @property
    def connection(self) -> Path:
        return self.root / "connection.json"

    @property
    def pid(self) -> Path:
        return self.root / "neo4j.pid"

    @property
    def log(self) -> Path:
        return self.root / "neo4j.log"

    @property
    def launch(self) -> Path:
        return self.root / "launch.json"

    @property
    def home(self) -> Path:
        return self.root / "dbms"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"


def _paths(settings: Settings) -> _Paths:
    return _Paths(settings.neo4j_dir)


# --- connection file -----------------------------------------------------------------------------


def read_connection(settings: Settings) -> Connection | None:
    path = _paths(settings).connection
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Connection(uri=str(raw["uri"]), user=str(raw["user"]), password=Secret(str(raw["password"])))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise Neo4jServerError(f"{path} is not a valid connection file ({type(exc).__name__})") from None


def _write_connection(paths: _Paths, conn: Connection) -> None:
    body = json.dumps({"uri": conn.uri, "user": conn.user, "password": conn.password.reveal()}, indent=2)
    # Created 0600 from the start: the password is never readable by others, not even briefly.
    atomic.write_text(paths.connection, body + "\n", private=True)


# --- process bookkeeping -------------------------------------------------------------------------


def _read_pid(paths: _Paths) -> int | None:
    try:
        return int(paths.pid.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _is_our_server(pid: int, paths: _Paths) -> bool:
    """True if ``pid`` is a live launcher for this workspace (not a recycled pid or a zombie)."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (macOS): fall back to "some process has this pid"
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    return MAIN_CLASS.encode() in args and str(paths.home).encode() in args


def _port_open(uri: str, timeout: float = 1.0) -> bool:
    port = int(uri.rsplit(":", 1)[1])
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _free_port(preferred: int | None) -> int:
    """The port used last time if it is free (a stable URI for the user), else any free one."""
    for candidate in (preferred, 0):
        if candidate is None:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise Neo4jServerError("no free TCP port on 127.0.0.1")


@contextlib.contextmanager
def _locked(paths: _Paths) -> Iterator[None]:
    """Serialise start/stop of one workspace's server across processes."""
    with open(paths.lock, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _prepare_dir(paths: _Paths) -> None:
    paths.root.mkdir(parents=True, exist_ok=True)
    os.chmod(paths.root, 0o700)


def _log_tail(paths: _Paths, lines: int = 20) -> str:
    try:
        text = paths.log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return "(no log)"
    return "\n".join(text.strip().splitlines()[-lines:])


# --- public API ----------------------------------------------------------------------------------


def status(settings: Settings) -> ServerStatus:
    paths = _paths(settings)
    conn = read_connection(settings) if paths.connection.exists() else None
    pid = _read_pid(paths)
    state = ServerState.STOPPED
    if pid is not None and _is_our_server(pid, paths):
        up = conn is not None and _port_open(conn.uri)
        state = ServerState.RUNNING if up else ServerState.NOT_RESPONDING
    return ServerStatus(
        state=state,
        workspace=settings.workspace,
        uri=conn.uri if conn else None,
        pid=pid if state is not ServerState.STOPPED else None,
        credentials_file=paths.connection,
        log_file=paths.log,
    )


def start(
    settings: Settings,
    timeout: float = 180.0,
    *,
    build: bool = True,
    watch_pid: int | None = None,
    neo4j_settings: Mapping[str, str] | None = None,
) -> ServerStatus:
    """Start this workspace's Neo4j (or find it running) and wait until Bolt logs us in.

    ``build=False`` refuses to run Maven when the launcher is missing; ``watch_pid`` makes the
    server stop itself when that process ends (test sessions use their own pid);
    ``neo4j_settings`` are extra Neo4j settings for a server started here (not one already running).
    """
    java = find_java()
    paths = _paths(settings)
    _prepare_dir(paths)
    with _locked(paths):
        return _start_locked(settings, java, paths, timeout, build, watch_pid, neo4j_settings)


def _start_locked(
    settings: Settings,
    java: str,
    paths: _Paths,
    timeout: float,
    build: bool,
    watch_pid: int | None,
    neo4j_settings: Mapping[str, str] | None,
) -> ServerStatus:
    current = status(settings)
    if current.state is ServerState.RUNNING:
        return current
    if current.state is ServerState.NOT_RESPONDING:
        raise Neo4jServerError(
            f"a Neo4j for this workspace (pid {current.pid}) is running but not answering on "
            f"{current.uri}; run 'chipwatch neo4j stop' first. Log: {paths.log}"
        )
    if not launcher_built():
        if not build:
            raise Neo4jServerError(f"the Neo4j launcher is not built (run: {BUILD_COMMAND})")
        log.info("building the Neo4j launcher: %s", build_launcher())
    conn = read_connection(settings)
    previous_port = int(conn.uri.rsplit(":", 1)[1]) if conn else None
    port = _free_port(previous_port)
    password = conn.password if conn else Secret(secrets.token_urlsafe(24))
    conn = Connection(uri=f"bolt://127.0.0.1:{port}", user=USER, password=password)
    _write_connection(paths, conn)
    proc = _spawn(java, paths, port, password, watch_pid, neo4j_settings)
    try:
        _wait_ready(proc, paths, conn, time.monotonic() + timeout)
    except BaseException:
        _terminate(proc.pid, paths, grace=30.0)
        raise
    log.info("local Neo4j running at %s (pid %s)", conn.uri, proc.pid)
    return status(settings)


@contextlib.contextmanager
def offline(settings: Settings, timeout: float = 300.0) -> Iterator[Path]:
    """Stop this workspace's running server, yield its Neo4j home, then start it again.

    For offline tools that need the database files to themselves (the bulk importer). The
    workspace lock is held throughout, so no other process starts the server in between; the
    server comes back with the options it was started with (watched pid, extra settings), also
    when the body raises.
    """
    java = find_java()
    paths = _paths(settings)
    with _locked(paths):
        pid = _read_pid(paths)
        if pid is None or not _is_our_server(pid, paths):
            raise Neo4jServerError(f"the local Neo4j of workspace {settings.workspace} is not running")
        options = _read_launch(paths)
        _terminate(pid, paths, grace=60.0)
        try:
            yield paths.home
        finally:
            watch = options.get("watch_pid")
            _start_locked(
                settings,
                java,
                paths,
                timeout,
                False,
                int(watch) if watch is not None else None,
                {str(k): str(v) for k, v in dict(options.get("neo4j_settings") or {}).items()},
            )


def _read_launch(paths: _Paths) -> dict[str, Any]:
    try:
        raw = json.loads(paths.launch.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _spawn(
    java: str,
    paths: _Paths,
    port: int,
    password: Secret,
    watch_pid: int | None,
    neo4j_settings: Mapping[str, str] | None,
) -> subprocess.Popen[bytes]:
    if paths.log.exists():
        os.replace(paths.log, paths.log.with_suffix(".log.1"))
    cmd = launcher_command(java, paths.home, port, watch_pid, neo4j_settings)
    with open(paths.log, "ab") as out:
        # A new session: Ctrl-C in the terminal that ran `chipwatch neo4j start` must not kill it.
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=paths.root,
            start_new_session=True,
        )
    assert proc.stdin is not None
    try:
        proc.stdin.write(password.reveal().encode("utf-8") + b"\n")
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the JVM died at once; _wait_ready reports its log
    _children[proc.pid] = proc
    launch = {"watch_pid": watch_pid, "neo4j_settings": dict(neo4j_settings or {})}
    atomic.write_text(paths.launch, json.dumps(launch) + "\n")
    atomic.write_text(paths.pid, f"{proc.pid}\n")
    return proc


def _wait_ready(proc: subprocess.Popen[bytes], paths: _Paths, conn: Connection, deadline: float) -> None:
    """Wait for the launcher's READY line, then for a logged-in Bolt session."""
    while True:
        code = proc.poll()
        if code is not None:
            raise Neo4jServerError(
                f"the local Neo4j exited with code {code} while starting; last lines of {paths.log}:\n"
                + _log_tail(paths)
            )
        match = _READY.search(paths.log.read_text(encoding="utf-8", errors="replace"))
        if match and f"127.0.0.1:{match.group(1)}" in conn.uri:
            try:
                verify_connection(conn.uri, conn.user, conn.password, source=str(paths.connection))
                return
            except Neo4jAuthError:
                raise
            except StoreError:
                pass  # Bolt is up but not serving yet; retry until the deadline
        if time.monotonic() > deadline:
            raise Neo4jServerError(
                f"the local Neo4j did not become ready in time; last lines of {paths.log}:\n"
                + _log_tail(paths)
            )
        time.sleep(0.25)


def verify_connection(uri: str, user: str, password: Secret, *, source: str) -> None:
    """Log in over Bolt once; a refused login is a :class:`Neo4jAuthError` naming ``source``."""
    try:
        with neo4j.GraphDatabase.driver(uri, auth=(user, password.reveal())) as driver:
            driver.verify_connectivity()
    except AuthError as exc:
        raise Neo4jAuthError(
            f"Neo4j at {uri} refused user {user!r}: wrong user name or password (credentials from {source})",
            store="neo4j",
        ) from exc
    except (DriverError, Neo4jError, OSError) as exc:
        raise StoreError(f"cannot reach Neo4j at {uri}: {type(exc).__name__}", store="neo4j") from exc


def stop(settings: Settings, timeout: float = 60.0) -> ServerStatus:
    """Stop this workspace's server (SIGTERM, so Neo4j shuts down cleanly; SIGKILL after ``timeout``)."""
    paths = _paths(settings)
    if not paths.root.exists():
        return status(settings)
    with _locked(paths):
        pid = _read_pid(paths)
        if pid is not None and _is_our_server(pid, paths):
            _terminate(pid, paths, grace=timeout)
        paths.pid.unlink(missing_ok=True)
    return status(settings)


def _terminate(pid: int, paths: _Paths, *, grace: float) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while _alive(pid, paths) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid, paths):
        log.warning("local Neo4j (pid %s) ignored SIGTERM for %.0f s; killing it", pid, grace)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while _alive(pid, paths):
            time.sleep(0.1)
    _children.pop(pid, None)
    paths.pid.unlink(missing_ok=True)


def _alive(pid: int, paths: _Paths) -> bool:
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None  # also reaps it
    return _is_our_server(pid, paths)


def effective_neo4j_settings(settings: Settings) -> Settings:
    """``settings`` with the workspace's local Neo4j filled in, when no URI is configured.

    An explicit ``CHIPWATCH_NEO4J_URI`` always wins; otherwise, if this workspace's server is
    running, its uri/user/password come from ``connection.json``.
    """
    if settings.neo4j_uri:
        return settings
    if status(settings).state is not ServerState.RUNNING:
        return settings
    conn = read_connection(settings)
    if conn is None:
        return settings
    return settings.with_(neo4j_uri=conn.uri, neo4j_user=conn.user, neo4j_password=conn.password)


def serves(settings: Settings, uri: str | None) -> bool:
    """True if ``uri`` is this workspace's own running server (the one :func:`start` started)."""
    if not uri or status(settings).state is not ServerState.RUNNING:
        return False
    conn = read_connection(settings)
    return conn is not None and conn.uri == uri


def peak_rss_mb(settings: Settings) -> float | None:
    """Peak resident memory of this workspace's running server (Linux ``VmHWM``), for benchmarks.

    None when no server runs or the platform has no ``/proc``.
    """
    pid = status(settings).pid
    if pid is None:
        return None
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None
