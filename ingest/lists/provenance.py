"""Provenance of an ingested list file: its feed, its version id, and its entries as table rows.

A *feed* is what one published file covers: ``csl`` (the Consolidated Screening List, many
ListSources in one file), ``ofac-sdn``, ``ofac-nonsdn``, ``un``, ``bis-dpl``, ``eu``, ``uk``,
``uk-ofsi`` (the retired OFSI ConList: other ids than the FCDO list, so never diffed against it),
``ftm`` … A file that names its dataset gets it in the feed (an OpenSanctions per-dataset export
is ``ftm-eu-fsf``), so two datasets in one format never diff as each other's removal. A file in
the simple CSV layout is a feed named after the lists it carries (``us-1260h``). Versions and
diffs are per feed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import orjson
import pandas as pd

from graph.addresses import address_ids
from graph.audit import hash_file
from graph.model import ListSource
from graph.tables.lists import CONTENT_FIELDS, conform
from ingest.lists.model import ListAddress, ListEntry, ReadResult

#: Version of the product's list reading, stored with each ingested file version. A file is
#: "unchanged" only when its SHA-256 and this version match: bump it whenever a reader changes what
#: it reads from the same bytes, so workspaces read their files again on the next ingest.
#: 1: up to 2026-11; 2: typeless CSL/DPL rows whose names read as a person's are persons
#: (:mod:`ingest.lists.name_kind`); 3: the list prose's connective "and" is read out of CSL / DPL
#: names — a listing's scope ("… and any successor, sub-unit, or subsidiary thereof") goes to the
#: remarks, two names an item joins with ", and" are two aliases (:mod:`graph.connective_and`);
#: 4: names and aliases written wholly in quotes are read without them (:mod:`ingest.lists.quotes`),
#: and so are OFAC remarks' a.k.a.s in double quotes.
READ_VERSION = 4
#: What rows written before ``reader_version`` existed were read with.
FIRST_READ_VERSION = 1

#: Feed of a reader format, where the format alone says it (prefix match on the format name).
FORMAT_FEEDS: tuple[tuple[str, str], ...] = (
    ("csl", "csl"),
    ("un", "un"),
    ("bis-dpl", "bis-dpl"),
    ("eu", "eu"),
    ("uk-conlist", "uk-ofsi"),
    ("uk", "uk"),
    ("ftm", "ftm"),
)


def slug(value: str) -> str:
    return value.lower().replace("_", "-")


#: The feeds OFAC's files are filed under (by :func:`ofac_feed`).
OFAC_FEEDS = ("ofac-sdn", "ofac-nonsdn")


def ofac_feed(lists: Iterable[str]) -> str:
    """The feed of an OFAC file holding entries of ``lists`` (list codes)."""
    # The consolidated (non-SDN) files also carry the entities that are on the SDN list too:
    # only a file of SDN entries alone is the SDN feed, or loading CONS_ENHANCED.XML would
    # replace the SDN list's thousands of entries with the consolidated list's few hundred.
    return "ofac-sdn" if set(lists) == {ListSource.US_SDN.value} else "ofac-nonsdn"


def misfiled(feed: str, fmt: str, lists: Iterable[str]) -> str | None:
    """The feed a stored version of ``feed`` (read as ``fmt``, holding ``lists``) belongs in, when
    that is another OFAC feed; None when it is where it belongs. Up to 2026-12 any OFAC file with
    an SDN entity was filed as ``ofac-sdn``: CONS_ENHANCED.XML (the consolidated list, with its
    77 SDN entities) replaced the SDN list. A version filed under a feed of the user's own naming
    (``--feed my-ofac``) stays where it was put."""
    held = set(lists)
    if feed not in OFAC_FEEDS or not fmt.lower().startswith("ofac") or not held:
        return None  # (a feed emptied of a misfiled list holds nothing: it is where it belongs)
    right = ofac_feed(held)
    return right if right != feed else None


def feed_for(result: ReadResult) -> str:
    """The feed a read file belongs to (see the module docstring)."""
    fmt = result.format.lower()
    lists = sorted({e.list for e in result.entries})
    if fmt.startswith("ofac"):
        return ofac_feed(x.value for x in lists)
    for prefix, feed in FORMAT_FEEDS:
        if fmt.startswith(prefix):
            return f"{feed}-{slug(result.collection)}" if result.collection else feed
    return "+".join(slug(x.value) for x in lists) or slug(fmt or "unknown")


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, or of a directory's files (name and content, sorted by name)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.name.encode() + b"\0")
        hash_file(digest, file)  # a file alone: graph.audit.file_sha256's value
    return digest.hexdigest()


def file_size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir() if p.is_file())
    return path.stat().st_size


def version_id(feed: str, sha256: str, taken: Iterable[str] = (), reader_version: int = 0) -> str:
    """``feed@sha12``; a file read again by a newer reader gets ``feed@sha12.r2`` (ids are keys)."""
    vid = f"{feed}@{sha256[:12]}"
    return f"{vid}.r{reader_version}" if vid in set(taken) else vid


def reader_versions(versions: pd.DataFrame) -> pd.Series:
    """The reader version of each ``list_versions`` row (rows from before the field: version 1)."""
    return versions["reader_version"].fillna(FIRST_READ_VERSION).astype(int)


def _address_line(a: ListAddress) -> str:
    """ "street, city postcode" like the company ingest writes it (so both share one Address node)."""
    if not (a.street or a.city):
        return a.raw
    line = ", ".join(x for x in (a.street, a.city) if x)
    return f"{line} {a.postal_code}".strip() if a.postal_code else line


def _json(values: Sequence[object]) -> str:
    return orjson.dumps(list(values)).decode() if values else "[]"


def entry_rows(entries: Iterable[ListEntry], *, version: str, feed: str) -> pd.DataFrame:
    """``list_entries`` rows (nested values as JSON, ``digest`` over the content fields), plus
    decoded twins of the JSON columns (``_aliases`` …) that :func:`conform` drops."""
    entries = list(entries)
    lines = [_address_line(a) for e in entries for a in e.addresses]
    countries = [a.country for e in entries for a in e.addresses]
    ids = iter(address_ids(lines, countries).tolist())
    line_iter = iter(lines)
    rows = []
    for e in entries:
        addresses = [
            {
                "raw": a.raw,
                "street": a.street,
                "city": a.city,
                "state": a.state,
                "postal_code": a.postal_code,
                "country": a.country,
                "line": next(line_iter),
                "address_id": next(ids),
            }
            for a in e.addresses
        ]
        rows.append(
            {
                "version_id": version,
                "feed": feed,
                "node_id": e.node_id,
                "list": e.list.value,
                "source_id": e.source_id,
                "kind": e.kind.value,
                "name": e.name,
                "aliases_json": _json([[a.name, a.kind.value] for a in e.aliases]),
                "addresses_json": _json(addresses),
                "identifiers_json": _json([[i.scheme, i.value, i.country] for i in e.identifiers]),
                "countries_json": _json(e.countries),
                "programs_json": _json(e.programs),
                "birth_dates_json": _json(e.birth_dates),
                "license_requirement": e.license_requirement,
                "license_policy": e.license_policy,
                "legal_basis": e.legal_basis,
                "start_date": e.start_date.isoformat() if e.start_date else None,
                "end_date": e.end_date.isoformat() if e.end_date else None,
                "source_url": e.source_url,
                "remarks": e.remarks,
                "raw_ref": e.raw_ref,
                "kind_source": e.kind_source,
                "kind_evidence": e.kind_evidence,
                # empty unless set, like the rows written before the field existed (same digest)
                "context": True if e.context else None,
            }
        )
    frame = conform("list_entries", pd.DataFrame(rows))
    frame["digest"] = content_digest(frame)
    # Decoded twins of the JSON columns for the graph rows (dropped when the table is written).
    twins: dict[str, list[object]] = {
        "_aliases": [[[a.name, a.kind.value] for a in e.aliases] for e in entries],
        "_addresses": [orjson.loads(v) if v != "[]" else [] for v in frame["addresses_json"]],
        "_identifiers": [[[i.scheme, i.value, i.country] for i in e.identifiers] for e in entries],
        "_countries": [list(e.countries) for e in entries],
        "_programs": [list(e.programs) for e in entries],
        "_birth_dates": [list(e.birth_dates) for e in entries],
    }
    for name, values in twins.items():
        frame[name] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def content_digest(frame: pd.DataFrame) -> pd.Series:
    """A hash of each row's content fields (equal content ⇔ equal digest).

    ``context`` enters only the rows where it is set: the digests of every other entry stay those
    stored before the field existed, so a workspace's next list version does not diff as all changed.
    """
    fields = [f for f in CONTENT_FIELDS if f != "context"]
    text = frame[fields].astype(object).where(frame[fields].notna(), "\x00").astype(str)
    hashed = pd.util.hash_pandas_object(text, index=False)
    flagged = frame["context"].notna().to_numpy() if "context" in frame.columns else None
    if flagged is not None and flagged.any():
        marked = text[flagged].assign(context=frame.loc[flagged, "context"].astype(str))
        hashed[flagged] = pd.util.hash_pandas_object(marked, index=False).to_numpy()
    return hashed.map(lambda h: f"{int(h):016x}").astype(object)
