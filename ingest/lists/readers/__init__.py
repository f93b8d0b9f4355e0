"""Registry of list readers: one module per published format.

Each reader module exposes ``FORMAT: str``, ``sniff(path, head) -> bool`` (cheap detection from the
file name and its first bytes) and ``read(path) -> ReadResult``. :data:`READER_MODULES` is the
ordered registry: detection asks the sniffers in this order and takes the first that says yes, so
specific formats come before generic ones.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Protocol, cast

from ingest.lists.model import ReadResult

READER_MODULES: tuple[str, ...] = (
    "ingest.lists.readers.ofac_enhanced_xml",
    "ingest.lists.readers.ofac_xml",
    "ingest.lists.readers.un_xml",
    "ingest.lists.readers.csl_json",
    "ingest.lists.readers.csl_csv",
    "ingest.lists.readers.ofac_csv",
    "ingest.lists.readers.bis_dpl",
    "ingest.lists.readers.eu_xml",
    "ingest.lists.readers.eu_csv",
    "ingest.lists.readers.uk_xml",
    "ingest.lists.readers.uk_conlist_csv",
    "ingest.lists.readers.ftm_json",
    "ingest.lists.readers.dod_1260h",
    "ingest.lists.readers.ndaa_csv",
    "ingest.lists.readers.bis_mieu",
    "ingest.lists.readers.simple_csv",  # generic: last
)


class Reader(Protocol):
    FORMAT: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path) -> ReadResult: ...


def readers() -> list[Reader]:
    """The reader modules, in registry order."""
    return [cast(Reader, _load(name)) for name in READER_MODULES]


def _load(name: str) -> ModuleType:
    return importlib.import_module(name)


def known_formats() -> list[str]:
    return [r.FORMAT for r in readers()]


def reader_for(fmt: str) -> Reader:
    """The reader for format name ``fmt``; ``KeyError`` naming the known formats otherwise."""
    for reader in readers():
        if fmt == reader.FORMAT:
            return reader
    raise KeyError(f"unknown list format {fmt!r}; known formats: {', '.join(known_formats())}")
