"""Initials read as one word per group, dotted or not (graph.screening.initials).

The listed names are real OFAC SDN entries; each clerk's writing of them was clear, with no
candidate, before screening read initials so (none shared a word with the listed name).
"""

from __future__ import annotations

import pandas as pd
import pytest

from graph.screening.index import build_index
from graph.screening.name_text import name_text
from graph.screening.screen import Screener


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("C.A.D. S.A.", "CAD SA"),  # one word per dotted group
        ("CAD SA", "CAD SA"),
        ("C A D S A", "CAD SA"),  # letters apart: the form that ends them is the form
        ("E C A S A", "ECA SA"),  # the shortest form (SA), not the Norwegian ASA
        ("K.A.S.", "KAS"),
        ("K A S", "KAS"),  # one letter before a form is no name: the letters are the name
        ("ALWANEO CO L L C", "ALWANEO CO LLC"),  # no L of the form LC
        ("A.A. & A.B. LLC", "AA AB LLC"),  # two groups in a row stay two words
        ("A.A.A A.A. (HK) LLC", "AAA AA HK LLC"),
        ("AGRICOLA TAVO S.P.R. DE R.L.", "AGRICOLA TAVO SPR DE RL"),
        ("AR.P.C.", "ARPC"),  # a group may open with two letters
        ("AO ZAVOD IM. A.A.KULAKOVA", "AO ZAVOD IM AA KULAKOVA"),
        ("ESMAEL, Taleb H. A. J.", "ESMAEL TALEB HAJ"),
        ("JOHN F KENNEDY", "JOHN F KENNEDY"),  # a letter alone stays
        ("ROMASHKA TRADING LLC", "ROMASHKA TRADING LLC"),
    ],
)
def test_initials_are_one_word_per_group(name: str, read: str) -> None:
    assert name_text(name) == read


LISTED = [
    "C.A.D. S.A.",
    "E.C.A. S.A.",
    "G.L.G. S.A.",
    "K.A.S.",
    "AGRICOLA TAVO S.P.R. DE R.L.",
    "GENETICA IMPORT-EXPORT S.P.R. DE R.L. DE C.V.",
    "A.A.A A.A. (HK) LLC",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    frame = pd.DataFrame(
        [
            {"id": f"list:US_SDN:{i}", "name": n, "list": "US_SDN", "aliases": [], "entity_kind": "company"}
            for i, n in enumerate(LISTED)
        ]
    )
    return Screener(build_index(frame))


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("CAD SA", "C.A.D. S.A."),
        ("C A D S A", "C.A.D. S.A."),
        ("ECA S.A.", "E.C.A. S.A."),
        ("glg sa", "G.L.G. S.A."),
        ("KAS", "K.A.S."),
        ("AGRICOLA TAVO SPR DE RL", "AGRICOLA TAVO S.P.R. DE R.L."),
        ("GENETICA IMPORT-EXPORT SPR DE RL DE CV", "GENETICA IMPORT-EXPORT S.P.R. DE R.L. DE C.V."),
        ("AAA AA. (HK) LLC.", "A.A.A A.A. (HK) LLC"),
    ],
)
def test_a_listed_name_with_initials_written_without_dots_blocks(
    screener: Screener, written: str, listed: str
) -> None:
    row = screener.screen(pd.DataFrame({"name": [written]})).iloc[0]
    assert row["disposition"] == "block", row["matches"]
    assert row["top_match_id"] == f"list:US_SDN:{LISTED.index(listed)}"
