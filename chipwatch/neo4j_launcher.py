"""The Java side of the local Neo4j: find Java, build ``neo4j-launcher/``, form its command line.

``neo4j-launcher/`` is a small Maven project embedding Neo4j Community 5.26 (Bolt on 127.0.0.1, auth
on). ``scripts/build-neo4j-launcher.sh`` builds it once; the first build downloads Neo4j.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from chipwatch.errors import JavaNotFoundError, Neo4jServerError
from chipwatch.settings import PROJECT_ROOT

LAUNCHER_DIR = PROJECT_ROOT / "neo4j-launcher"
BUILD_SCRIPT = PROJECT_ROOT / "scripts" / "build-neo4j-launcher.sh"
BUILD_COMMAND = f"bash {BUILD_SCRIPT.relative_to(PROJECT_ROOT)}"
MAIN_CLASS = "org.chipwatch.neo4j.Launcher"
#: ``neo4j-admin`` itself (its ``database import full`` comes with the ``neo4j`` artifact's jars).
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
#: Enough to keep a few million nodes and edges cached; a bulk load does not need more.
PAGE_CACHE_MB = 512
MIN_JAVA = 17
#: Modest on purpose: CI runs the server next to pytest on 2 cores. 2 GB rather than 1 GB of heap
#: because a write transaction's state lives on the heap until commit (the store sizes its
#: transactions to a share of the 1.4 GiB transaction limit that 2 GB gives). The --add-opens
#: flags are the ones Neo4j's own start script passes; without them the page cache falls back to
#: a slower mode.
#:
#: The collector: a bulk write allocates ~1 GB/s and keeps its transaction live until commit, so
#: with G1 and a heap that grew from 512 MB the JVM spent ~4.4 s of a 12 s store_bench load
#: (400k rows) in young-collection pauses, and G1 kept shrinking and regrowing the heap between
#: transactions. The throughput collector with the heap fixed at 2 GB, together with the
#: transaction state off the heap (:data:`LOCAL_SETTINGS`), took that to ~1.5 s and the JVM's CPU
#: per load from ~14 s to ~10 s (see neo4j_store's docstring for the store_bench medians). Its
#: pauses stop the server for 50-200 ms at a time, which an analyst's path query only meets
#: during a bulk load.
JVM_OPTIONS: tuple[str, ...] = (
    "-Xms2g",
    "-Xmx2g",
    "-XX:+UseParallelGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
)

#: Neo4j settings of the local server (a caller's own ``neo4j_settings`` win): transaction state
#: (the nodes, edges and properties a transaction wrote, until commit) in off-heap memory, so the
#: collector does not copy it from one young collection to the next (see :data:`JVM_OPTIONS`). It
#: still counts against the transaction memory limits the store sizes its transactions by.
LOCAL_SETTINGS: Mapping[str, str] = {"db.tx_state.memory_allocation": "OFF_HEAP"}


def find_java() -> str:
    """Path of a Java 17+ ``java``; :class:`JavaNotFoundError` says what is missing."""
    java = shutil.which("java")
    if java is None:
        raise JavaNotFoundError(
            f"the local Neo4j needs Java {MIN_JAVA} or newer, and no 'java' is on PATH; "
            "install a JDK (e.g. apt-get install openjdk-17-jdk-headless) or point "
            "CHIPWATCH_NEO4J_URI at an existing Neo4j"
        )
    probe = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', probe.stderr + probe.stdout)
    if match:
        major = int(match.group(1)) if match.group(1) != "1" else int(match.group(2) or 0)
        if major < MIN_JAVA:
            raise JavaNotFoundError(f"the local Neo4j needs Java {MIN_JAVA} or newer; {java} is Java {major}")
    return java


def launcher_built() -> bool:
    classes = LAUNCHER_DIR / "target" / "classes" / Path(*MAIN_CLASS.split(".")).with_suffix(".class")
    return classes.is_file() and any((LAUNCHER_DIR / "target" / "lib").glob("neo4j-5.*.jar"))


def build_launcher() -> str:
    """Run the (idempotent) build script; returns its one-line summary."""
    try:
        done = subprocess.run(
            ["bash", str(BUILD_SCRIPT)], capture_output=True, text=True, timeout=1800, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise Neo4jServerError(f"building the Neo4j launcher ({BUILD_COMMAND}) timed out") from exc
    if done.returncode != 0 or not launcher_built():
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise Neo4jServerError(f"building the Neo4j launcher ({BUILD_COMMAND}) failed:\n{tail}")
    return done.stdout.strip()


def unavailable_reason() -> str | None:
    """Why a local Neo4j cannot be started right now without building, or None if it can."""
    try:
        find_java()
    except JavaNotFoundError as exc:
        return str(exc)
    if not launcher_built():
        return f"the Neo4j launcher is not built (run: {BUILD_COMMAND})"
    return None


def _classpath() -> str:
    target = LAUNCHER_DIR / "target"
    return f"{target / 'classes'}:{target / 'lib' / '*'}"


def import_command(java: str, args: list[str]) -> list[str]:
    """``neo4j-admin ARGS`` on the launcher's class path (needs NEO4J_HOME/NEO4J_CONF in its environment).

    Same JVM options as the server: the importer runs while the server is stopped, and keeps its
    large caches off the heap (sized by itself from the free memory).
    """
    return [java, *JVM_OPTIONS, "-cp", _classpath(), ADMIN_CLASS, *args]


def launcher_command(
    java: str,
    home: Path,
    port: int,
    watch_pid: int | None = None,
    neo4j_settings: Mapping[str, str] | None = None,
) -> list[str]:
    """The JVM command line. It carries no password: the launcher reads that from standard input.

    ``neo4j_settings`` are extra Neo4j settings (name -> value), e.g. a lower transaction memory
    limit for a test; they are added to, and override, :data:`LOCAL_SETTINGS`.
    """
    cmd = [java, *JVM_OPTIONS, "-cp", _classpath(), MAIN_CLASS, "--home", str(home), "--port", str(port)]
    cmd += ["--page-cache-mb", str(PAGE_CACHE_MB)]
    if watch_pid is not None:
        cmd += ["--watch-pid", str(watch_pid)]
    for name, value in {**LOCAL_SETTINGS, **(neo4j_settings or {})}.items():
        cmd += ["--setting", f"{name}={value}"]
    return cmd
