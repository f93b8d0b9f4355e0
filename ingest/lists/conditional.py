"""Conditional downloads for ``update-lists``: a file's ``ETag`` / ``Last-Modified``, sent back next
time so that the server can answer ``304 Not Modified`` instead of sending the whole list again.

They are kept per feed in ``{workspace}/downloads/{feed}/validators.json`` with the version the
files were ingested as, and sent only while that version is still the feed's newest: a 304 then
means "the version in force is the publisher's current one", never a vouch for an older one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from email.message import Message
from pathlib import Path

from chipwatch.settings import Settings
from graph import atomic


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the file it sent."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def of(cls, headers: Message) -> Validators:
        return cls(headers.get("ETag"), headers.get("Last-Modified"))

    def request_headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


def _path(settings: Settings, feed: str) -> Path:
    return settings.workspace / "downloads" / feed / "validators.json"


def load_validators(settings: Settings, feed: str, current_version: str | None) -> dict[str, Validators]:
    """URL → validators of the files of ``current_version`` (none if they belong to another version,
    or were never kept, or cannot be read: the download is then unconditional)."""
    try:
        kept = json.loads(_path(settings, feed).read_text(encoding="utf-8"))
        if current_version is None or kept.get("version_id") != current_version:
            return {}
        return {str(url): Validators(**v) for url, v in kept["files"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save_validators(settings: Settings, feed: str, version_id: str, files: Mapping[str, Validators]) -> None:
    """Keep the validators of the files just ingested as ``version_id``."""
    body = {"version_id": version_id, "files": {url: asdict(v) for url, v in files.items()}}
    atomic.write_text(_path(settings, feed), json.dumps(body, indent=1))
