"""Names a list writes wholly in quotation marks are read without them (ingest.lists.quotes),
in real CSL rows and the bundled UN list; a name that quotes a part of itself stays as published."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import ListSource
from ingest.lists.model import Alias, AliasKind, EntityKind, ListEntry
from ingest.lists.quotes import unquote_entry, unquoted
from ingest.lists.read import read_list_file
from ingest.lists.readers._remarks import parse_remarks

ROOT = Path(__file__).resolve().parents[3]
CSL = ROOT / "tests" / "fixtures" / "lists" / "csl" / "csl_2022-05_quoted_names.csv"
UN = ROOT / "data" / "lists" / "un" / "UN_consolidated.xml"


@pytest.mark.parametrize(
    ("published", "read"),
    [
        ('"Sasadja"', "Sasadja"),  # CSL alt_names, straight quotes
        ("“The Butcher of Paoua”", "The Butcher of Paoua"),  # UN, typographic quotes
        ('"HASSAN, Sheikh"', "HASSAN, Sheikh"),
        ("„Kant“", "Kant"),  # German low-high pair
        ("«Vega»", "Vega"),
        ('  "GODANE"  ', "GODANE"),
        ('IHSAN MEDHAT "SAMMY" ELASHI', 'IHSAN MEDHAT "SAMMY" ELASHI'),  # a part quoted
        ("“General” Sidiki", "“General” Sidiki"),
        ('"SC “Zvyozdochka”', '"SC “Zvyozdochka”'),  # unbalanced: as published
        ('"A" and "B"', '"A" and "B"'),  # two quoted names, not one
        ("'FOOPIE'", "FOOPIE"),  # OFAC remarks: a.k.a. ''FOOPIE''
        ("'CHERNOMORSKI BANK RAZVITIYA'", "CHERNOMORSKI BANK RAZVITIYA"),  # OFAC alt.csv
        ("‘Tek’", "Tek"),
        ('"Sa\'id Jan"', "Sa'id Jan"),  # an apostrophe inside double quotes
        ("'ABBAS, Rim", "'ABBAS, Rim"),  # an ʿayn, not a quote
        ("KUWAITI, Abu Shaima'", "KUWAITI, Abu Shaima'"),
        ("'ADIL 'ABDIH FAR'A", "'ADIL 'ABDIH FAR'A"),
        ("'ABD-AL-'IZ'", "'ABD-AL-'IZ'"),  # another apostrophe inside: no pair to tell
        ('""', '""'),
        ('"', '"'),
    ],
)
def test_unquoted(published: str, read: str) -> None:
    assert unquoted(published) == read
    assert unquoted(unquoted(published)) == unquoted(published)


def test_a_csl_alias_written_in_quotes_is_read_without_them() -> None:
    entries = {e.name: e for e in read_list_file(CSL).entries}
    dio = entries["Defense Industries Organization"]
    assert [a.name for a in dio.aliases] == [
        "Defence Industries Organisation",
        "DIO",
        "Saseman Sanaje Defa",
        "Sazemane Sanaye Def",
        "Sasadja",
    ]
    # a name quoting a part of itself is the name as published
    assert 'IHSAN MEDHAT "SAMMY" ELASHI' in entries
    assert 'Voronezh Scientific Research Institute "Vega"' in entries


def test_the_un_lists_quoted_aliases_are_read_without_them() -> None:
    entries = read_list_file(UN).entries
    names = [n for e in entries for n in (e.name, *(a.name for a in e.aliases))]
    assert not [n for n in names if n != unquoted(n)]
    godane = next(e for e in entries if any(a.name == "GODANE" for a in e.aliases))
    assert {"GODANI", "MUKHTAR, Shaykh", "ZUBEYR, Abu"} <= {a.name for a in godane.aliases}
    assert "“General” Sidiki" in names  # a part quoted: as published


def test_an_alias_the_same_as_another_once_unquoted_is_dropped() -> None:
    entry = ListEntry(
        list=ListSource.UN,
        source_id="1",
        kind=EntityKind.COMPANY,
        name='"KOMID"',
        aliases=(Alias("KOMID", AliasKind.AKA), Alias('"Kant"', AliasKind.WEAK), Alias("KANT")),
    )
    out = unquote_entry(entry)
    assert out.name == "KOMID"
    assert out.aliases == (Alias("Kant", AliasKind.WEAK),)
    assert unquote_entry(out) is out


def test_a_remarks_aka_in_double_quotes_is_read_without_them() -> None:
    remarks = parse_remarks("DOB 1960; a.k.a. \"SOME NAME\"; f.k.a. “OLD NAME CO”; a.k.a. 'AL-QA'QA'.")
    assert [(a.name, a.kind) for a in remarks.aliases] == [
        ("SOME NAME", AliasKind.WEAK),
        ("OLD NAME CO", AliasKind.FKA),
        ("AL-QA'QA", AliasKind.WEAK),
    ]
