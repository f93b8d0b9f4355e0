"""Canonical list entries: what every list reader produces, whatever the published format.

One :class:`ListEntry` per record a government publishes (a CSL row, an OFAC ``ent_num``, a UN
``DATAID``, an EU ``logicalId`` …). Readers fill what their format carries and leave the rest
empty; nothing downstream knows which format an entry came from, except through ``raw_ref``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from graph.model import ListSource


class EntityKind(StrEnum):
    COMPANY = "company"
    PERSON = "person"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"
    ADDRESS_ONLY = "address"  # Entity List entries since 2024 may name only an address
    UNKNOWN = "unknown"


class AliasKind(StrEnum):
    AKA = "aka"  # also known as (strong alias)
    FKA = "fka"  # formerly known as
    NKA = "nka"  # now known as
    WEAK = "weak"  # OFAC/UK "weak"/low-quality alias: never a match on its own
    ORIGINAL_SCRIPT = "original_script"  # the name in its own script (Cyrillic, Chinese, Arabic …)
    SPELLING = "spelling"  # spelling variant published by the list


@dataclass(frozen=True)
class Alias:
    name: str
    kind: AliasKind = AliasKind.AKA


@dataclass(frozen=True)
class ListAddress:
    """An address as published (``raw``) plus its parsed parts; ``country`` is ISO alpha-2."""

    raw: str
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Identifier:
    """A registration, tax id, LEI, IMO, passport … number as the list states it."""

    scheme: str  # e.g. "LEI", "IMO", "TAX", "REGISTRATION", "PASSPORT", "SWIFT", or the list's own label
    value: str
    country: str | None = None


@dataclass(frozen=True)
class ListEntry:
    list: ListSource
    source_id: str  # the publisher's id, unique within ``list`` (CSL: prefixed by its source code)
    kind: EntityKind
    name: str
    aliases: tuple[Alias, ...] = ()
    addresses: tuple[ListAddress, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    countries: tuple[str, ...] = ()  # ISO alpha-2: nationality / citizenship / seat, as published
    programs: tuple[str, ...] = ()
    license_requirement: str | None = None
    license_policy: str | None = None
    legal_basis: str | None = None  # Federal Register notice, EU regulation, UN resolution …
    start_date: date | None = None
    end_date: date | None = None
    source_url: str | None = None
    remarks: str | None = None
    birth_dates: tuple[str, ...] = ()  # ISO dates or years, as precise as published
    raw_ref: str = ""  # where the raw record is: "file.csv:line 123", "file.xml:/sdnEntry[uid=36]"
    #: The publisher gives this record only as context of listed parties and says it is not itself
    #: listed (an OpenSanctions FtM entity with ``target: false``: an owner, relative, subsidiary,
    #: registry record). Kept so relations have both ends; never a listing downstream.
    context: bool = False
    #: Where ``kind`` comes from: ``type`` (the publisher's entity type), ``default`` (the list
    #: publishes none and all its rows are taken as one kind) or ``name`` (read from the name by
    #: :mod:`ingest.lists.name_kind`, with the evidence in ``kind_evidence``).
    kind_source: str = "type"
    kind_evidence: str = ""

    @property
    def node_id(self) -> str:
        return f"list:{self.list.value}:{self.source_id}"


@dataclass(frozen=True)
class ListRelation:
    """A relationship a list itself publishes (OFAC Enhanced XML, FtM Ownership/Directorship)."""

    list: ListSource
    source_id: str  # entry on one side (same ``list``)
    target_id: str  # entry on the other side
    relation: str  # e.g. "owned_by", "associate_of", "ownership", "directorship"
    props: tuple[tuple[str, str], ...] = ()  # e.g. (("share_pct", "51"),)


@dataclass(frozen=True)
class RejectedRow:
    """A record a reader refused, with where and why (kept in the list version's provenance)."""

    line: int | None  # file line where the record starts (CSV, JSON lines); None: no line (XML: see reason)
    field: str | None
    reason: str


@dataclass
class ReadResult:
    """What one reader returns for one file."""

    entries: list[ListEntry] = field(default_factory=list)
    relations: list[ListRelation] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    rows_read: int = 0
    published: date | None = None  # the publication date the file itself states, if any
    format: str = ""  # reader name, e.g. "csl-csv", "ofac-csv", "un-xml"
    #: The dataset the whole file says it is (e.g. an OpenSanctions dataset), when the format
    #: carries one; it names the feed, so two datasets in one format keep separate versions.
    collection: str | None = None

    def add(self, item: ListEntry | RejectedRow) -> None:
        """Keep a parsed record: an entry, or the reason it was refused."""
        if isinstance(item, RejectedRow):
            self.rejected.append(item)
        else:
            self.entries.append(item)
