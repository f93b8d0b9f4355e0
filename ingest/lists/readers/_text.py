"""Helpers the EU / UK / FtM / simple-CSV readers share: legacy decoding, scripts, name ids, dates."""

from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path

from chipwatch.errors import InputFileError
from graph.ids import normalise_key_text
from ingest.lists import safe
from ingest.lists.model import Alias, AliasKind

_DMY = re.compile(r"^\s*(\d{1,2}|dd|00)/(\d{1,2}|mm|00)/(\d{4})\s*$", re.IGNORECASE)


def decode_legacy(path: Path, data: bytes, fallback: str = "cp1252") -> str:
    """UTF-8 when the bytes are valid UTF-8, else the publisher's legacy ``fallback`` codec.

    Old EU and OFSI CSV files are Windows-1252 (Latin-1 plus curly quotes in 0x80-0x9F); newer
    ones are UTF-8; bytes Windows-1252 leaves undefined fall back to plain Latin-1. A NUL byte
    means UTF-16 or a binary file, which no fallback can rescue: that is refused, naming the line.
    """
    if b"\x00" in data[:65536]:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputFileError(
            path, "NUL bytes: the file is UTF-16 or binary, not a text CSV (save it as UTF-8)", line=line
        )
    data = data.removeprefix(codecs.BOM_UTF8)  # Excel writes one, whatever the codec after it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    safe.refuse_control_characters(path, text)
    if not text.strip():
        raise InputFileError(path, "file is empty")
    return text


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents allowed)."""
    if text.isascii():
        return True
    return all(_latin_letter(c) for c in text if c.isalpha() and not c.isascii())


@lru_cache(maxsize=4096)
def _latin_letter(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def name_alias(name: str, kind: AliasKind = AliasKind.AKA) -> Alias:
    """An alias; a name in a non-Latin script is an ``ORIGINAL_SCRIPT`` alias whatever ``kind`` says."""
    return Alias(name, kind if is_latin(name) else AliasKind.ORIGINAL_SCRIPT)


def unique_aliases(aliases: list[Alias], primary: str) -> tuple[Alias, ...]:
    """Drop blanks, repeats (case-insensitive) and the primary name itself; first kind wins."""
    seen = {" ".join(primary.split()).casefold()}
    out = []
    for alias in aliases:
        name = " ".join(alias.name.split())
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(Alias(name, alias.kind))
    return tuple(out)


def garbled(name: str) -> bool:
    """A name a lossy export turned into question marks (``'???????? Abu Nidal'``)."""
    chars = [c for c in name if not c.isspace()]
    return bool(chars) and name.count("?") >= 0.3 * len(chars)


def name_id(name: str) -> str:
    """A readable id for lists that publish none: ``'ZTE Corporation'`` → ``'ZTE-CORPORATION'``."""
    return normalise_key_text(name).replace(" ", "-")


def dmy_date(value: str | None) -> date | None:
    """``dd/mm/yyyy`` (UK and EU style); None when empty, partial or invalid."""
    match = _DMY.match(value or "")
    if not match or not match.group(1).isdigit() or not match.group(2).isdigit():
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def dmy_birth(value: str | None) -> str | None:
    """A birth date as precise as published: ``12/05/1958`` → ``1958-05-12``; ``dd/mm/1945`` → ``1945``."""
    if not value or not value.strip():
        return None
    full = dmy_date(value)
    if full:
        return full.isoformat()
    match = _DMY.match(value)
    if match:
        return match.group(3)
    return value.strip()
