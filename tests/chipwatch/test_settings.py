"""chipwatch.settings: CHIPWATCH_* parsing, and credentials that never show when printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chipwatch.cli import cli
from chipwatch.errors import SettingsError
from chipwatch.settings import DEFAULT_WORKSPACE, Secret, Settings, StoreKind, load_settings

PASSWORD = "s3cret-Neo4j-pass-word"


def test_defaults_without_any_variable() -> None:
    settings = load_settings({})
    assert settings.store is StoreKind.NETWORKX
    assert settings.workspace == DEFAULT_WORKSPACE.resolve()
    assert settings.neo4j_uri is None and settings.neo4j_user == "neo4j" and not settings.neo4j_password
    assert settings.neo4j_database == "neo4j"
    assert settings.app_address == "127.0.0.1"
    assert settings.resolve_processes == 0  # every core


def test_reads_chipwatch_variables(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "CHIPWATCH_WORKSPACE": str(tmp_path),
            "CHIPWATCH_STORE": "Neo4j",
            "CHIPWATCH_NEO4J_URI": "bolt://127.0.0.1:7999",
            "CHIPWATCH_NEO4J_USER": "analyst",
            "CHIPWATCH_NEO4J_PASSWORD": PASSWORD,
            "CHIPWATCH_NEO4J_DATABASE": "screening",
            "CHIPWATCH_APP_PORT": "8600",
            "CHIPWATCH_RESOLVE_PROCESSES": "1",
            "NEO4J_PASSWORD": "ignored: not a CHIPWATCH_ variable",
        }
    )
    assert settings.store is StoreKind.NEO4J
    assert settings.workspace == tmp_path.resolve()
    assert settings.neo4j_dir == tmp_path.resolve() / "neo4j"
    assert (settings.neo4j_uri, settings.neo4j_user, settings.neo4j_database) == (
        "bolt://127.0.0.1:7999",
        "analyst",
        "screening",
    )
    assert settings.neo4j_password.reveal() == PASSWORD
    assert settings.app_port == 8600
    assert settings.resolve_processes == 1


def test_empty_variable_counts_as_unset() -> None:
    assert load_settings({"CHIPWATCH_NEO4J_URI": "", "CHIPWATCH_STORE": ""}).neo4j_uri is None


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CHIPWATCH_STORE", "postgres", "expected one of networkx, neo4j"),
        ("CHIPWATCH_APP_PORT", "eighty", "expected a whole number"),
        ("CHIPWATCH_MAX_UPLOAD_MB", "1.5", "expected a whole number"),
        # out of range: Streamlit failed later with a traceback of its own (port) or ran refusing uploads
        ("CHIPWATCH_APP_PORT", "99999", "expected a number from 1 to 65535"),
        ("CHIPWATCH_APP_PORT", "0", "expected a number from 1 to 65535"),
        ("CHIPWATCH_MAX_UPLOAD_MB", "-5", "expected a number of at least 1"),
        ("CHIPWATCH_RESOLVE_PROCESSES", "16", "expected a number from 0 to 4"),
        ("CHIPWATCH_RESOLVE_PROCESSES", "two", "expected a whole number"),
    ],
)
def test_malformed_values_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message) as caught:
        load_settings({name: value})
    assert name in str(caught.value)


def test_secret_never_printed() -> None:
    secret = Secret(PASSWORD)
    for shown in (repr(secret), str(secret), f"{secret}", f"{secret!r}"):
        assert PASSWORD not in shown
    assert secret.reveal() == PASSWORD
    assert secret == Secret(PASSWORD) and secret != Secret("other")
    assert repr(Secret("")) == "Secret('')" and not Secret("")


def test_settings_repr_hides_passwords() -> None:
    settings = load_settings(
        {"CHIPWATCH_NEO4J_PASSWORD": PASSWORD, "CHIPWATCH_APP_PASSWORD_HASH": "pbkdf2:sha256:abcdef0123"}
    )
    shown = repr(settings) + str(settings)
    assert PASSWORD not in shown and "abcdef0123" not in shown
    assert "neo4j_password=Secret('********')" in shown


def test_with_returns_a_changed_copy(tmp_path: Path) -> None:
    settings = Settings(workspace=tmp_path)
    changed = settings.with_(store=StoreKind.NEO4J, neo4j_uri="bolt://127.0.0.1:1")
    assert changed.store is StoreKind.NEO4J and changed.workspace == tmp_path
    assert settings.store is StoreKind.NETWORKX and settings.neo4j_uri is None


@pytest.mark.parametrize("command", ["app", "demo"])
def test_port_option_out_of_range_is_a_usage_error(command: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, [command, "--port", "99999"], env={"CHIPWATCH_WORKSPACE": str(tmp_path / "ws")}
    )
    assert result.exit_code == 2 and "99999 is not in the range 1<=x<=65535" in result.output
    assert not (tmp_path / "ws").exists()  # refused before the demo builds anything
