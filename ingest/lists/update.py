"""``update-lists``: download list feeds from their official URLs, verify, ingest, report the diff.

Sources come from ``data/reference/list_sources.toml``, overridden feed by feed by the TOML file
``CHIPWATCH_LIST_UPDATE_URLS`` names. A download is refused — and nothing changes — when the
server answers with an error status, an HTML page instead of a list, a body shorter than its
``Content-Length`` or larger than the size cap, or a file the reader cannot parse. Each feed is
ingested on its own (all or nothing per feed); downloaded files are kept under
``{workspace}/downloads/{feed}/{timestamp}-{random}/`` as the record of what was ingested.
The ``ETag`` / ``Last-Modified`` of the files of the version in force are sent back
(:mod:`ingest.lists.conditional`): a 304 Not Modified for every file says that version is the
publisher's current one, and changes nothing; a 304 to a request that compared nothing is refused.
"""

from __future__ import annotations

import datetime as dt
import http.client
import shutil
import tempfile
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from chipwatch.errors import ChipwatchError
from chipwatch.settings import PROJECT_ROOT, Settings
from graph.lists.versions import latest_version, version_label
from graph.store import GraphStore
from graph.tables.lists import list_table_path, load_list_tables, read_list_table
from ingest.lists.conditional import Validators, load_validators, save_validators
from ingest.lists.pipeline import IngestReport, ingest_list_files

DEFAULT_SOURCES = PROJECT_ROOT / "data" / "reference" / "list_sources.toml"
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


class DownloadError(ChipwatchError):
    """A feed could not be downloaded, or what came back is not a list file."""

    def __init__(self, url: str, reason: str):
        self.url = url
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class FeedSource:
    feed: str
    files: dict[str, str]  # file name -> URL
    format: str | None = None


@dataclass(frozen=True)
class DownloadLimits:
    timeout_s: float = 60.0
    max_bytes: int = 512 * 1024 * 1024


@dataclass
class FeedUpdate:
    feed: str
    ok: bool
    report: IngestReport | None = None
    error: str | None = None
    #: On failure or when not modified, the feed's version that stays in force (``version_label``).
    current: str | None = None
    #: The server said every file is unchanged since the version in force (HTTP 304).
    not_modified: bool = False

    def failure(self) -> str:
        """Why the update failed and which version every answer still rests on."""
        stays = f"{self.feed} stays at {self.current}" if self.current else f"{self.feed} has no version yet"
        return f"{self.error}; {stays}"


@dataclass
class UpdateReport:
    feeds: list[FeedUpdate] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.feeds)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ChipwatchError(f"{path}: cannot read list sources: {exc}") from exc


def load_sources(settings: Settings) -> tuple[dict[str, FeedSource], DownloadLimits]:
    """The configured feeds (defaults, then the override file's feeds) and download limits."""
    layers = [_read_toml(DEFAULT_SOURCES)]
    if settings.list_update_urls:
        layers.append(_read_toml(Path(settings.list_update_urls).expanduser()))
    feeds: dict[str, FeedSource] = {}
    limits: dict[str, float] = {}
    for layer in layers:
        limits.update(layer.get("download", {}))
        for name, spec in layer.get("feeds", {}).items():
            if "files" in spec:
                files = {str(k): str(v) for k, v in spec["files"].items()}
            elif "url" in spec:
                url = str(spec["url"])
                default = Path(urllib.parse.urlparse(url).path).name or f"{name}.dat"
                files = {str(spec.get("filename", default)): url}
            else:
                raise ChipwatchError(f"list sources: feed {name!r} has neither 'url' nor 'files'")
            feeds[name] = FeedSource(name, files, spec.get("format"))
    return feeds, DownloadLimits(
        float(limits.get("timeout_s", 60)), int(float(limits.get("max_mb", 512)) * 1024 * 1024)
    )


@dataclass(frozen=True)
class Fetched:
    """One downloaded file: its size and validators, or that the server said it has not changed."""

    size: int
    validators: Validators
    not_modified: bool = False


def download(url: str, dest: Path, limits: DownloadLimits, since: Validators | None = None) -> Fetched:
    """Fetch ``url`` into ``dest``; verify status, length, size cap and that it is not HTML.
    ``since``: the validators of the copy we have; the server may then answer 304 Not Modified."""
    scheme = urllib.parse.urlparse(url).scheme.lower()
    if scheme not in {"http", "https"}:
        raise DownloadError(url, f"only http(s) URLs are fetched, not {scheme or 'a bare path'!r}")
    asked = since.request_headers() if since is not None else {}
    headers = {"User-Agent": "chipwatch-update-lists", **asked}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=limits.timeout_s) as resp:  # noqa: S310
            status = resp.status
            if status != 200:
                raise DownloadError(url, f"HTTP {status} {resp.reason}")
            ctype = (resp.headers.get("Content-Type") or "").lower()
            if "text/html" in ctype:
                raise DownloadError(url, f"the server sent an HTML page (Content-Type {ctype}), not a list")
            declared = resp.headers.get("Content-Length")
            expected = int(declared) if declared and declared.isdigit() else None
            if expected is not None and expected > limits.max_bytes:
                raise DownloadError(url, f"{expected} bytes is over the {limits.max_bytes}-byte limit")
            size = _copy(resp, dest, url, limits.max_bytes)
            got = Validators.of(resp.headers)
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and asked and since is not None:
            return Fetched(0, since, not_modified=True)
        if exc.code == 304:  # only an answer to a conditional request: nothing was compared
            raise DownloadError(url, "HTTP 304 Not Modified to a request that sent no ETag or date") from exc
        raise DownloadError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except http.client.IncompleteRead as exc:
        raise DownloadError(url, f"truncated body: {len(exc.partial)} bytes, more expected") from exc
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise DownloadError(url, f"download failed: {exc}") from exc
    if expected is not None and size != expected:
        raise DownloadError(url, f"truncated body: {size} of {expected} bytes (Content-Length)")
    if size == 0:
        raise DownloadError(url, "empty body")
    head = dest.read_bytes()[:512].lstrip().lower() if size < 4096 else _head(dest)
    if head.startswith(_HTML_MARKERS):
        raise DownloadError(url, "the server sent an HTML page, not a list")
    return Fetched(size, got)


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(512).lstrip().lower()


def _copy(resp: http.client.HTTPResponse, dest: Path, url: str, max_bytes: int) -> int:
    size = 0
    with dest.open("wb") as out:
        while block := resp.read(1 << 16):
            size += len(block)
            if size > max_bytes:
                raise DownloadError(url, f"body is over the {max_bytes}-byte limit; refused")
            out.write(block)
    return size


@dataclass
class _Versions:
    """The ``list_versions`` table, read again only when its file was replaced since (an ingest
    earlier in the run). The version in force is all a feed's update needs before its download;
    the ingest then reads the other tables and reuses this one. (Reading every list table per
    feed for the version in force, then again in the ingest, read the lists twice per feed.)"""

    settings: Settings
    _frame: pd.DataFrame | None = None
    _state: tuple[int, int, int] | None = None

    def frame(self) -> pd.DataFrame:
        path = list_table_path(self.settings, "list_versions")
        try:
            st = path.stat()
            state: tuple[int, int, int] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            state = None
        if self._frame is None or state != self._state:
            self._frame = read_list_table(self.settings, "list_versions")
            self._state = state
        return self._frame

    def latest(self, feed: str) -> pd.Series | None:
        return latest_version(self.frame(), feed)

    def label(self, feed: str) -> str | None:
        latest = self.latest(feed)
        return None if latest is None else version_label(latest)


def update_lists(
    settings: Settings,
    feeds: list[str] | None = None,
    *,
    store: GraphStore | None = None,
    now: dt.datetime | None = None,
) -> UpdateReport:
    """Download, verify and ingest each requested feed (all configured feeds by default)."""
    sources, limits = load_sources(settings)
    wanted = feeds or sorted(sources)
    unknown = [f for f in wanted if f not in sources]
    if unknown:
        raise ChipwatchError(
            f"unknown feed(s) {', '.join(unknown)}; configured: {', '.join(sorted(sources))}"
        )
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    report = UpdateReport()
    versions = _Versions(settings)
    for name in wanted:
        source = sources[name]
        parent = settings.workspace / "downloads" / name
        parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=parent, prefix=f"{stamp}-"))
        current = versions.latest(name)
        kept = load_validators(settings, name, None if current is None else str(current["version_id"]))
        try:
            fetched = {
                url: download(url, folder / Path(filename).name, limits, kept.get(url))
                for filename, url in source.files.items()
            }
            if current is not None and all(f.not_modified for f in fetched.values()):
                shutil.rmtree(folder, ignore_errors=True)
                report.feeds.append(FeedUpdate(name, True, current=version_label(current), not_modified=True))
                continue
            for filename, url in source.files.items():  # a set of files is ingested whole
                if fetched[url].not_modified:
                    fetched[url] = download(url, folder / Path(filename).name, limits)
            target = folder if len(source.files) > 1 else folder / Path(next(iter(source.files))).name
            origin = " ".join(source.files.values())
            result = ingest_list_files(
                settings,
                [target],
                source.format,
                feed=name,
                store=store,
                now=now,
                origin=origin,
                publisher_current=True,
                tables=load_list_tables(settings, versions=versions.frame()),
            )
        except ChipwatchError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            report.feeds.append(FeedUpdate(name, False, error=str(exc), current=versions.label(name)))
            continue
        if not result.changed:
            shutil.rmtree(folder, ignore_errors=True)  # already have this exact file
        ingested = next((f for f in reversed(result.files) if f.feed == name), None)
        if ingested is not None:
            save_validators(
                settings, name, ingested.version_id, {u: f.validators for u, f in fetched.items()}
            )
        report.feeds.append(FeedUpdate(name, True, report=result))
    return report
