"""BIS Military-Intelligence End User (MIEU) list as OpenSanctions keeps it (``us/bis_mieu/mieu.csv``).

Layout ``Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL`` (country ISO alpha-2,
``Date`` the Federal Register date of listing, ``Source URL`` the FR notice), read through the
simple-CSV code into ``US_MIEU``. ``source_id`` is the normalised name.
"""

from __future__ import annotations

from pathlib import Path

from graph.model import ListSource
from ingest.lists.model import EntityKind, ReadResult
from ingest.lists.readers.simple_csv import Layout, read_layout

FORMAT = "bis-mieu"
HEADER = b"Type,Name,Alias,Country,Topics,Program,Date"

LAYOUT = Layout(
    format=FORMAT,
    columns={
        "name": "Name",
        "aliases": "Alias",
        "type": "Type",
        "country": "Country",
        "program": "Program",
        "start_date": "Date",
        "end_date": "End date",
        "source_url": "Source URL",
    },
    required=("name", "country"),
    list_source=ListSource.US_MIEU,
    default_kind=EntityKind.COMPANY,
)


def sniff(path: Path, head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf").startswith(HEADER)


def read(path: Path) -> ReadResult:
    return read_layout(path, LAYOUT)
