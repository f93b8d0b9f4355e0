"""NDAA statutory lists as OpenSanctions keeps them: §5949 (SMIC, YMTC, CXMT) and §889 (Huawei, ZTE …).

Layout ``schema,name,aliases,topics,program,authority,reason,report-date,start-date,end-date,
country,notes,source_url`` (``us/special_leg`` source files), read through the simple-CSV code.
The list comes from the ``program`` text: "Section 5949" → ``US_NDAA5949``, "Section 889" →
``US_NDAA889``; a row naming neither is rejected. Entries have no published id: ``source_id`` is
the normalised name.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from graph.model import ListSource
from ingest.lists.model import EntityKind, ReadResult
from ingest.lists.readers.simple_csv import Layout, read_layout

FORMAT = "ndaa-csv"
HEADER = b"schema,name,aliases,topics,program,authority"
SECTIONS = {"section 5949": ListSource.US_NDAA5949, "section 889": ListSource.US_NDAA889}


def list_for(fields: Mapping[str, str]) -> ListSource | None:
    text = f"{fields.get('program', '')} {fields.get('legal_basis', '')}".lower()
    return next((source for section, source in SECTIONS.items() if section in text), None)


LAYOUT = Layout(
    format=FORMAT,
    columns={
        "name": "name",
        "aliases": "aliases",
        "type": "schema",
        "country": "country",
        "program": "program",
        "legal_basis": "program",
        "start_date": "start-date",
        "end_date": "end-date",
        "source_url": "source_url",
        "remarks": "notes",
    },
    required=("name", "program"),
    list_for=list_for,
    default_kind=EntityKind.COMPANY,
)


def sniff(path: Path, head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf").startswith(HEADER)


def read(path: Path) -> ReadResult:
    return read_layout(path, LAYOUT)
