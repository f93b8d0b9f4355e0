"""Deterministic damaged copies of a valid input file, for the reader mutation sweeps.

Each mutant is one way a file goes bad on its way to chipwatch: cut off (at a third, half, 90 %,
inside a multi-byte UTF-8 character, inside an XML tag, just after a quote), one byte flipped,
re-encoded (UTF-16 with and without BOM, Latin-1, Windows-1252, a UTF-8 BOM added), line breaks
changed (CRLF, LF, CR), a NUL byte or terminal control characters put in (in JSON also as
escapes), a quote left open, the
header line repeated or alone, the first header column dropped, a two-million-character field,
a formula, gzip (whole and cut), and for XML an entity-expansion ("billion laughs") and an
external-entity payload. Nothing is random: the same file gives the same mutants.
:func:`in_value` puts text at the start of one chosen value (a name), for the per-field checks.
"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET

#: Mutants that cut the file short.
TRUNCATIONS = (
    "trunc_third",
    "trunc_half",
    "trunc_90pct",
    "trunc_mid_utf8",
    "trunc_mid_tag",
    "trunc_after_quote",
)
#: Mutants that damage the file as a whole: a refusal names no line (there is none to name).
FILE_LEVEL = ("gzip_trunc", "laughs", "xxe", "utf16")
#: Mutants that change only the bytes, not the records: read, they must give the same entries.
SAME_RECORDS = ("bom", "crlf", "lf", "cr_only", "gzip")

_LAUGHS = (
    b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        b"<!ENTITY " + bytes([c]) + b' "' + (b"&" + bytes([c - 1]) + b";") * 10 + b'">'
        for c in range(98, 106)
    )
    + b"]>\n"
)
_XXE = b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'


def xml_excerpt(data: bytes, keep: int) -> bytes:
    """A small well-formed excerpt: every element with many same-kind children keeps ``keep``."""
    root = ET.fromstring(data)
    _trim(root, keep)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _trim(elem: ET.Element, keep: int) -> None:
    kids = list(elem)
    if len(kids) > keep and len({k.tag for k in kids}) <= 2:
        for kid in kids[keep:]:
            elem.remove(kid)
    for kid in elem:
        _trim(kid, keep)


def first_lines(data: bytes, count: int) -> bytes:
    return b"".join(data.splitlines(keepends=True)[:count])


def _after_declaration(data: bytes, insert: bytes) -> bytes:
    if data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        return data[:end] + b"\n" + insert + data[end:]
    return insert + data


def _in_line(lines: list[bytes], k: int, insert: bytes, at: int = 8) -> bytes:
    return b"".join(lines[:k]) + lines[k][:at] + insert + lines[k][at:] + b"".join(lines[k + 1 :])


def in_value(data: bytes, marker: bytes, insert: bytes) -> bytes:
    """``data`` with ``insert`` at the start of the value that the first match of the regex
    ``marker`` ends in front of (``rb'<lastName>'``, ``rb'"name":\\s*"'``)."""
    found = re.compile(marker).search(data)
    assert found is not None, marker
    return data[: found.end()] + insert + data[found.end() :]


def mutants(data: bytes) -> dict[str, bytes]:
    """Name → damaged copy of ``data`` (a valid file)."""
    n = len(data)
    out: dict[str, bytes] = {
        "trunc_third": data[: n // 3],
        "trunc_half": data[: n // 2],
        "trunc_90pct": data[: n * 9 // 10],
    }
    multibyte = next((i for i in range(n // 3, n) if data[i] >= 0xC0), None)
    if multibyte is not None:
        out["trunc_mid_utf8"] = data[: multibyte + 1]
    tag = data.find(b"<", n // 2)
    if tag > 0 and data.lstrip().startswith(b"<"):
        out["trunc_mid_tag"] = data[: tag + 3]
    quote = data.find(b'"', n // 2)
    if quote > 0:
        out["trunc_after_quote"] = data[: quote + 2]
    out["flip_byte"] = data[: n // 2] + bytes([data[n // 2] ^ 0xFF]) + data[n // 2 + 1 :]
    text = data.decode("utf-8-sig")
    out["utf16"] = text.encode("utf-16")
    out["utf16le_no_bom"] = text.encode("utf-16-le")
    out["latin1"] = text.encode("latin-1", errors="replace")
    out["cp1252"] = text.encode("cp1252", errors="replace")
    out["bom"] = b"\xef\xbb\xbf" + data
    lf = data.replace(b"\r\n", b"\n")
    out["crlf"] = lf.replace(b"\n", b"\r\n")
    out["lf"] = lf
    out["cr_only"] = lf.replace(b"\n", b"\r")
    out["nul_mid"] = data[: n // 2] + b"\x00" + data[n // 2 :]
    lines = data.splitlines(keepends=True)
    k = len(lines) // 2
    out["nul_in_line"] = _in_line(lines, k, b"\x00", at=5)
    out["control_chars"] = _in_line(lines, k, b"\x1b[31m\x07\x0b")
    out["unterminated_quote"] = b"".join(lines[:k]) + b'"' + b"".join(lines[k:])
    out["dup_header"] = lines[0] + data
    out["header_only"] = lines[0]
    out["drop_first_header_col"] = re.sub(rb"^[^,;\t\n]*[,;\t]", b"", lines[0]) + b"".join(lines[1:])
    out["long_field"] = _in_line(lines, k, b"A" * 2_000_000)
    out["formula"] = _in_line(lines, k, b'=HYPERLINK("http://x")')
    value = re.compile(rb'":\s*\[?\s*"').search(data, n // 2)
    if value is not None and data.lstrip()[:1] in (b"{", b"["):
        out["json_escaped_control"] = data[: value.end()] + b"\\u001b[31m\\b" + data[value.end() :]
    packed = gzip.compress(data, mtime=0)
    out["gzip"] = packed
    out["gzip_trunc"] = packed[: len(packed) // 2]
    if data.lstrip().startswith(b"<"):
        out["laughs"] = _after_declaration(data, _LAUGHS)
        out["xxe"] = _after_declaration(data, _XXE)
    return out
