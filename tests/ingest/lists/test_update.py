"""update-lists against a loopback HTTP server: good files, an HTML error page, a truncated body,
a 500, an unparsable body — each refused with nothing changed."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph import audit
from graph.tables.lists import LIST_SCHEMAS, list_table_path, load_list_tables
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.update import DownloadError, DownloadLimits, download, load_sources, update_lists

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "lists_pipeline"


class Handler(BaseHTTPRequestHandler):
    """Serves the fixture files, plus paths that misbehave the way real servers do."""

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        name = self.path.lstrip("/")
        if name == "html":
            self._send(200, b"<!DOCTYPE html><html><body>Service unavailable</body></html>", "text/html")
        elif name == "html-as-csv":
            self._send(200, b"<html><body>Maintenance</body></html>", "text/csv")
        elif name == "truncated":
            body = (FIXTURES / "csl_v2.csv").read_bytes()
            self._send(200, body[:700], "text/csv", length=len(body))
            self.close_connection = True
        elif name == "error":
            self._send(500, b"internal error", "text/plain")
        elif name == "not-modified":  # a 304 whatever was asked
            self.send_response(304)
            self.end_headers()
        elif name.startswith("etag/") and (FIXTURES / name[5:]).is_file():  # honours If-None-Match
            tag = f'"{name[5:]}"'
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            body = (FIXTURES / name[5:]).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", tag)
            self.end_headers()
            self.wfile.write(body)
        elif name == "garbage":
            self._send(200, b"\x00\x01\x02 this is not a list \xff" * 50, "application/octet-stream")
        elif (FIXTURES / name).is_file():
            self._send(200, (FIXTURES / name).read_bytes(), "text/csv")
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _settings(tmp_path: Path, server: str, feeds: dict[str, str]) -> Settings:
    override = tmp_path / "sources.toml"
    lines = ["[download]", "timeout_s = 5", ""]
    for feed, path in feeds.items():
        lines += [f'[feeds."{feed}"]', f'url = "{server}/{path}"', 'format = "csl-csv"', ""]
    override.write_text("\n".join(lines))
    return Settings(workspace=tmp_path / "ws", list_update_urls=str(override))


def _table_bytes(settings: Settings) -> dict[str, bytes]:
    return {
        n: list_table_path(settings, n).read_bytes()
        for n in LIST_SCHEMAS
        if list_table_path(settings, n).exists()
    }


def test_override_file_replaces_feeds_and_keeps_the_rest(tmp_path: Path, server: str) -> None:
    settings = _settings(tmp_path, server, {"csl": "csl_v1.csv"})
    sources, limits = load_sources(settings)
    assert sources["csl"].files == {"csl_v1.csv": f"{server}/csl_v1.csv"}
    assert sources["un"].files["consolidated.xml"].startswith("https://scsanctions.un.org/")
    assert len(sources["ofac-sdn"].files) == 4
    assert limits.timeout_s == 5


def test_update_downloads_ingests_and_reports_the_diff(tmp_path: Path, server: str) -> None:
    settings = _settings(tmp_path, server, {"csl": "csl_v1.csv"})
    first = update_lists(settings, ["csl"])
    assert first.ok and first.feeds[0].report is not None
    assert first.feeds[0].report.files[0].rows_accepted == 12
    settings = _settings(tmp_path, server, {"csl": "csl_v2.csv"})
    second = update_lists(settings, ["csl"])
    assert second.ok
    outcome = second.feeds[0].report.files[0]  # type: ignore[union-attr]
    assert outcome.changes == {"added": 1, "removed": 1, "changed": 1}
    versions = load_list_tables(settings).versions
    assert list(versions["seq"]) == [1.0, 2.0]
    assert versions.iloc[1]["origin"] == f"{server}/csl_v2.csv"
    # The downloaded file is kept as the record of the version.
    assert Path(versions.iloc[1]["path"]).read_bytes() == (FIXTURES / "csl_v2.csv").read_bytes()
    again = update_lists(settings, ["csl"])
    assert again.ok and not again.feeds[0].report.changed  # type: ignore[union-attr]


def test_each_list_update_is_in_the_audit_log_with_its_version_and_origin(
    tmp_path: Path, server: str
) -> None:
    """docs/audit.md promises a ``list_ingest`` record per list ingest: the lists every later
    screening rests on must be traceable to the file and URL they came from."""
    update_lists(_settings(tmp_path, server, {"csl": "csl_v1.csv"}), ["csl"])
    settings = _settings(tmp_path, server, {"csl": "csl_v2.csv"})
    update_lists(settings, ["csl"])
    update_lists(settings, ["csl"])  # the same file again: nothing changed, nothing recorded
    records = [r for r in audit.read(settings) if r.event == "list_ingest"]
    assert len(records) == 2
    first, second = (r.payload["versions"] for r in records)
    versions = load_list_tables(settings).versions
    assert [v["version_id"] for v in first + second] == list(versions["version_id"])
    assert second[0]["origin"] == f"{server}/csl_v2.csv"
    assert second[0]["sha256"] == versions.iloc[1]["sha256"]
    assert second[0]["previous_version_id"] == first[0]["version_id"]
    assert second[0]["changes"] == {"added": 1, "removed": 1, "changed": 1}
    assert audit.verify(settings).ok


def test_a_publisher_going_back_to_an_earlier_file_is_the_newest_version(tmp_path: Path, server: str) -> None:
    """The publisher retracts an update: its current file is byte for byte one loaded before.
    update-lists said "already loaded …; nothing changed" and the feed stayed at the retracted
    version, listing what the publisher no longer lists."""
    update_lists(_settings(tmp_path, server, {"csl": "csl_v1.csv"}), ["csl"])
    update_lists(_settings(tmp_path, server, {"csl": "csl_v2.csv"}), ["csl"])
    settings = _settings(tmp_path, server, {"csl": "csl_v1.csv"})
    back = update_lists(settings, ["csl"]).feeds[0].report
    assert back is not None and back.changed
    outcome = back.files[0]
    versions = load_list_tables(settings).versions
    assert (outcome.seq, outcome.previous_version_id) == (3, versions.iloc[1]["version_id"])
    assert outcome.changes == {"added": 1, "removed": 1, "changed": 1}  # v2's changes, undone
    assert (
        outcome.note
        == f"the publisher went back to the file loaded as {versions.iloc[0]['version_id']} (version 1)"
    )
    again = update_lists(settings, ["csl"]).feeds[0].report
    assert again is not None and not again.changed  # now it is the newest: nothing to do
    # a file loaded by hand is not the publisher's word: an older one changes nothing
    assert not ingest_list_files(settings, [FIXTURES / "csl_v2.csv"]).changed


def test_not_modified_since_the_version_in_force_changes_nothing(tmp_path: Path, server: str) -> None:
    """The ETag of the file ingested is sent back; a 304 then means the version in force is the
    publisher's current one: reported as such, nothing downloaded or changed, exit status ok."""
    settings = _settings(tmp_path, server, {"csl": "etag/csl_v1.csv"})
    assert update_lists(settings, ["csl"]).ok
    before = _table_bytes(settings)
    report = update_lists(settings, ["csl"])
    (feed,) = report.feeds
    first = load_list_tables(settings).versions.iloc[0]
    assert report.ok and feed.not_modified and feed.report is None
    assert feed.current == f"csl v1 ({first['version_id']}, ingested {first['ingested_at']})"
    assert _table_bytes(settings) == before
    kept = list((settings.workspace / "downloads" / "csl").rglob("*.csv"))
    assert len(kept) == 1  # the file of v1 only: nothing of the 304 is left behind


def test_a_304_to_an_unconditional_request_is_refused(tmp_path: Path, server: str) -> None:
    settings = _settings(tmp_path, server, {"csl": "not-modified"})
    (feed,) = update_lists(settings, ["csl"]).feeds
    assert not feed.ok and "HTTP 304 Not Modified to a request that sent no ETag or date" in (
        feed.error or ""
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("html", "HTML page"),
        ("html-as-csv", "HTML page"),
        ("truncated", "truncated body"),
        ("error", "HTTP 500"),
        ("missing.csv", "HTTP 404"),
        ("garbage", "garbage"),
    ],
)
def test_bad_downloads_are_refused_and_change_nothing(
    tmp_path: Path, server: str, path: str, reason: str
) -> None:
    settings = _settings(tmp_path, server, {"csl": "csl_v1.csv"})
    assert update_lists(settings, ["csl"]).ok
    before = _table_bytes(settings)
    bad = _settings(tmp_path, server, {"csl": path})
    report = update_lists(bad, ["csl"])
    assert not report.ok
    error = report.feeds[0].error or ""
    if reason != "garbage":
        assert reason in error
    assert path in error or "garbage" in error
    # the failure says which version stays in force, with its date
    first = load_list_tables(settings).versions.iloc[0]
    assert (
        report.feeds[0]
        .failure()
        .endswith(f"; csl stays at csl v1 ({first['version_id']}, ingested {first['ingested_at']})")
    )
    assert _table_bytes(settings) == before
    # Nothing of the refused download is left behind.
    kept = list((settings.workspace / "downloads" / "csl").rglob("*.csv"))
    assert [p.read_bytes() for p in kept] == [(FIXTURES / "csl_v1.csv").read_bytes()]


def test_size_cap_and_scheme(tmp_path: Path, server: str) -> None:
    with pytest.raises(DownloadError, match="limit"):
        download(f"{server}/csl_v2.csv", tmp_path / "x.csv", DownloadLimits(timeout_s=5, max_bytes=1000))
    with pytest.raises(DownloadError, match="only http"):
        download("file:///etc/passwd", tmp_path / "y", DownloadLimits())


def test_an_update_reads_each_list_table_once(tmp_path: Path, server: str, table_reads: Counter[str]) -> None:
    """The version in force is read from the versions table alone, and the ingest reuses it: an
    update read every list table (entries included) for it, then every table again to ingest."""
    settings = _settings(tmp_path, server, {"csl": "etag/csl_v1.csv"})
    assert update_lists(settings, ["csl"]).ok
    table_reads.clear()
    assert update_lists(settings, ["csl"]).feeds[0].not_modified  # HTTP 304: nothing to ingest
    assert table_reads == {"list_versions": 1}
    table_reads.clear()
    settings = _settings(tmp_path, server, {"csl": "csl_v2.csv"})
    assert update_lists(settings, ["csl"]).feeds[0].report.changed  # type: ignore[union-attr]
    assert table_reads == {name: 1 for name in LIST_SCHEMAS}
