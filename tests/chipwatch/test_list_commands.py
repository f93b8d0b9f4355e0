"""``chipwatch ingest lists``, ``chipwatch lists``, ``lists diff``, ``lists rejected``, ``update-lists``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chipwatch.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists_pipeline"


@pytest.fixture
def run(tmp_path: Path):
    runner = CliRunner()
    env = {"CHIPWATCH_WORKSPACE": str(tmp_path / "ws"), "CHIPWATCH_STORE": "networkx"}

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(cli, list(args), env=env, catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    return invoke


def test_ingest_lists_then_show_versions_and_diff(run) -> None:
    out = run("ingest", "lists", str(FIXTURES / "csl_v1.csv"))
    assert "feed csl, version 1" in out and "12 accepted" in out
    out = run("ingest", "lists", str(FIXTURES / "csl_v1.csv"))
    assert "already loaded" in out and "nothing changed" in out
    out = run("ingest", "lists", str(FIXTURES / "csl_v2.csv"), str(FIXTURES / "dpl_2023-11_excerpt.txt"))
    assert "1 added, 1 removed, 1 changed" in out

    out = run("lists")
    assert "csl v1" in out and "csl v2" in out and "bis-dpl v1" in out
    assert "sha256" in out and "12 accepted" in out

    out = run("lists", "diff", "csl")
    assert "1 added, 1 removed, 1 changed" in out
    assert "+ list:" in out and "SME BANK" in out
    assert "- list:" in out and "Sinobright" in out
    assert "~ list:" in out and "Atlas Sanatgaran  [addresses]" in out
    out = run("lists", "diff", "US_UVL", "1", "2")
    assert "csl (US_UVL)" in out and "0 added, 0 removed, 1 changed" in out
    out = run("lists", "diff", "csl", "2", "1")
    assert "SME BANK" in out  # reversed: SME BANK was removed going 2 → 1
    out = run("lists", "rejected", "bis-dpl")
    assert "rejected row(s)" in out


def test_unknown_list_and_version_are_clear_errors(run) -> None:
    run("ingest", "lists", str(FIXTURES / "csl_v1.csv"))
    from chipwatch.errors import ChipwatchError

    with pytest.raises(ChipwatchError, match="no list or feed 'nope'"):
        run("lists", "diff", "nope")
    with pytest.raises(ChipwatchError, match="version '7' of feed 'csl' not found"):
        run("lists", "diff", "csl", "1", "7")


def test_empty_workspace(run) -> None:
    assert "no lists ingested yet" in run("lists")


def test_update_lists_command_against_a_loopback_server(run, tmp_path: Path, monkeypatch) -> None:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(FIXTURES)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[feeds.csl]\nurl = "{base}/csl_v1.csv"\nformat = "csl-csv"\n')
        monkeypatch.setenv("CHIPWATCH_LIST_UPDATE_URLS", str(sources))
        out = run("update-lists", "--feed", "csl")
        assert "[csl] ok" in out and "feed csl, version 1" in out
        sources.write_text(f'[feeds.csl]\nurl = "{base}/csl_v2.csv"\nformat = "csl-csv"\n')
        out = run("update-lists", "--feed", "csl")
        assert "1 added, 1 removed, 1 changed" in out
        out = run("update-lists", "--feed", "csl")  # the server answers 304 to If-Modified-Since
        assert "[csl] not modified (HTTP 304): csl stays at csl v2 (csl@" in out
        sources.write_text(f'[feeds.csl]\nurl = "{base}/nope.csv"\nformat = "csl-csv"\n')
        out = run("update-lists", "--feed", "csl", code=1)
        assert "[csl] FAILED, nothing changed" in out and "HTTP 404" in out
        assert "; csl stays at csl v2 (csl@" in out
        assert "csl v2" in run("lists") and "csl v3" not in run("lists")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_list_messages_point_by_file_line(run, tmp_path: Path) -> None:
    # A list file is read by line (docs/inputs.md): the rejected record on line 6 of the documented
    # example is "line 6" wherever it is shown, as is the earlier record it duplicates.
    simple = Path(__file__).resolve().parents[1] / "fixtures" / "lists" / "other_us" / "simple_custom.csv"
    out = run("ingest", "lists", str(simple))
    assert "line 6, field 'type': unknown type 'spaceship'" in out
    assert "line 8, field 'id': duplicate of line 3" in out and "row 6" not in out
    out = run("lists", "rejected", "custom+us-mieu+us-ndaa5949")
    assert "  line 7, field 'start_date'" in out


def test_a_workspace_written_before_the_rename_shows_its_rejected_lines(run, tmp_path: Path) -> None:
    import pandas as pd

    from chipwatch.settings import Settings
    from graph.tables.lists import list_table_path, read_list_table

    settings = Settings(workspace=tmp_path / "ws")
    run("ingest", "lists", str(FIXTURES / "dpl_2023-11_excerpt.txt"))
    path = list_table_path(settings, "list_rejected")
    old = pd.DataFrame({"version_id": ["v"], "row": [12.0], "field": ["Name"], "reason": ["duplicate"]})
    old.to_parquet(path)  # the table as older workspaces stored it
    assert read_list_table(settings, "list_rejected")["line"].tolist() == [12.0]


def test_diff_names_the_versions_with_their_dates_and_a_renamed_entrys_old_name(run, tmp_path: Path) -> None:
    """A diff that showed only the new name of a renamed entry, and versions without their dates,
    did not say what the officer had decided on nor when the list changed."""
    run("ingest", "lists", str(FIXTURES / "csl_v1.csv"))
    renamed = tmp_path / "csl_renamed.csv"
    text = (FIXTURES / "csl_v1.csv").read_text(encoding="utf-8")
    renamed.write_text(text.replace('"Atlas Sanatgaran"', '"Atlas Sanatgaran Trading"', 1), encoding="utf-8")
    run("ingest", "lists", str(renamed))
    out = run("lists", "diff", "csl")
    assert "Atlas Sanatgaran Trading  (was 'Atlas Sanatgaran')  [name]" in out
    header = out.splitlines()[:2]
    assert header[0].startswith("csl: csl v1 (csl@") and ", ingested 20" in header[0]
    assert header[1].startswith("  → csl v2 (csl@") and ", ingested 20" in header[1]
