"""The one place that reads the environment (``CHIPWATCH_*`` variables).

Credentials are held in :class:`Secret`, whose ``repr``/``str`` never reveal the value,
so a settings object can be logged or shown without leaking a password.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from chipwatch.errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKSPACE = PROJECT_ROOT / "workspace"
PREFIX = "CHIPWATCH_"


class StoreKind(StrEnum):
    NETWORKX = "networkx"
    NEO4J = "neo4j"


class Secret:
    """A credential: compare and read it explicitly; printing it shows asterisks."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Settings:
    workspace: Path = DEFAULT_WORKSPACE
    store: StoreKind = StoreKind.NETWORKX
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: Secret = field(default_factory=lambda: Secret(""))
    neo4j_database: str = "neo4j"
    max_upload_mb: int = 200
    app_address: str = "127.0.0.1"
    app_port: int = 8501
    app_password_hash: Secret = field(default_factory=lambda: Secret(""))
    list_update_urls: str | None = None
    #: processes ``chipwatch resolve`` prepares names in (graph.resolve.prepare_cores); 0: every
    #: core it may use, at most MAX_RESOLVE_PROCESSES
    resolve_processes: int = 0

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def graph_dir(self) -> Path:
        return self.workspace / "graph"

    @property
    def tables_dir(self) -> Path:
        return self.workspace / "tables"

    @property
    def neo4j_dir(self) -> Path:
        return self.workspace / "neo4j"

    @property
    def audit_log(self) -> Path:
        return self.workspace / "audit" / "audit.jsonl"


MAX_PORT = 65_535
#: Most processes resolution prepares names in (each holds its part's columns and name caches).
MAX_RESOLVE_PROCESSES = 4


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from ``CHIPWATCH_*`` variables (``os.environ`` by default)."""
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(PREFIX + name)
        return value if value not in (None, "") else None

    store_raw = (get("STORE") or StoreKind.NETWORKX.value).lower()
    try:
        store = StoreKind(store_raw)
    except ValueError:
        allowed = ", ".join(k.value for k in StoreKind)
        raise SettingsError(f"CHIPWATCH_STORE={store_raw!r}: expected one of {allowed}") from None

    def get_int(name: str, default: int, low: int, high: int | None = None) -> int:
        raw = get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"CHIPWATCH_{name}={raw!r}: expected a whole number") from None
        if value < low or (high is not None and value > high):  # else the app server fails later
            bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise SettingsError(f"CHIPWATCH_{name}={raw!r}: expected a number {bounds}")
        return value

    workspace = Path(get("WORKSPACE") or DEFAULT_WORKSPACE).expanduser().resolve()
    return Settings(
        workspace=workspace,
        store=store,
        neo4j_uri=get("NEO4J_URI"),
        neo4j_user=get("NEO4J_USER") or "neo4j",
        neo4j_password=Secret(get("NEO4J_PASSWORD") or ""),
        neo4j_database=get("NEO4J_DATABASE") or "neo4j",
        max_upload_mb=get_int("MAX_UPLOAD_MB", 200, 1),
        app_address=get("APP_ADDRESS") or "127.0.0.1",
        app_port=get_int("APP_PORT", 8501, 1, MAX_PORT),
        app_password_hash=Secret(get("APP_PASSWORD_HASH") or ""),
        list_update_urls=get("LIST_UPDATE_URLS"),
        resolve_processes=get_int("RESOLVE_PROCESSES", 0, 0, MAX_RESOLVE_PROCESSES),
    )
