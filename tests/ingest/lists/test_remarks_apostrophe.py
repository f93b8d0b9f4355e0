"""A weak a.k.a. holding an apostrophe is read whole (OFAC SDN entry 17166, real row)."""

from __future__ import annotations

from pathlib import Path

from ingest.lists.model import AliasKind
from ingest.lists.read import read_list_file

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "lists" / "ofac" / "apostrophe_aka"


def test_a_weak_aka_ending_in_an_apostrophe_keeps_it() -> None:
    (entry,) = read_list_file(FIX / "sdn.csv").entries
    weak = [a.name for a in entry.aliases if a.kind is AliasKind.WEAK]
    assert weak == [
        "AL-RAHMAN, Abu Usamah",
        "ABU USAMA",
        "YUSUF",
        "KUWAITI, Abu Shaima'",
        "AL-KUWAITI, Abu Usamah",
    ]
