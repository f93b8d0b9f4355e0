"""The list prose's connective "and" is no part of a name (real rows of the 2022-05 CSL): the scope
of a listing ("… and any successor, sub-unit, or subsidiary thereof") goes to the remarks, two
names one item joins with ", and" are two aliases; an "and" of a name's own stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chipwatch.settings import Settings
from graph.connective_and import comma_joined, listing_scope
from ingest.lists.model import Alias, AliasKind, ListEntry
from ingest.lists.pipeline import ingest_list_files
from ingest.lists.provenance import READ_VERSION
from ingest.lists.read import read_list_file
from ingest.lists.readers import _clauses, csl_csv
from ingest.lists.readers._clauses import clean_names
from tests.ingest.lists.list_state import table_bytes
from tests.ingest.lists.test_prose_names import entries as prose_entries
from tests.ingest.lists.test_prose_names import names

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "lists" / "csl"
AND_PROSE = FIXTURES / "csl_2022-05_and_prose.csv"
CSL_2022 = ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"
SCOPE = "any successor, sub-unit, or subsidiary thereof"


def entries() -> dict[str, ListEntry]:
    return prose_entries(AND_PROSE)


def test_the_scope_after_a_listed_name_goes_to_the_remarks() -> None:
    got = entries()
    pulsar = got["NPP Pulsar LLC"]
    assert pulsar.remarks == f"Listing also covers {SCOPE}"
    assert pulsar.source_id == "ISN:752f900ee7df647749276278786bb79a5938f7dc"  # the published row's id
    assert got["Asa'ib Ahl al-Haq (AAH)"].aliases == (Alias("AAH"),)
    assert got["Ningbo Vet Energy Technology Co., Ltd."].remarks == (
        "Listing also covers any successor, subunit, or subsidiary thereof"
    )
    # the comma before the scope's "and" is the prose's too
    poly = got["Poly Technologies Incorporated (PTI)"]
    assert poly.remarks == "Listing also covers its sub-units and successors"
    assert not [n for e in got.values() for n in (e.name, *names(e)) if "successor" in n]


def test_two_names_an_item_joins_with_comma_and_are_two_aliases_an_and_of_a_name_stays() -> None:
    sensetime = entries()["Beijing Sensetime Technology Development Co., Ltd."]
    assert sensetime.aliases == (
        Alias("Beijing Shangtang Technology Development Co., Ltd.", AliasKind.AKA),
        Alias("Sense Time", AliasKind.AKA),
    )
    # and only that "and": the name's own stays
    got = entries()
    # serial commas of one name, in the SDN's capitals: no legal form closes the item before "AND"
    assert "AGRICULTURAL, MEDICAL, AND INDUSTRIAL RESEARCH CENTER" in got
    abmc = got["ABMC THAI-SOUTH SUDAN CONSTRUCTION COMPANY LIMITED"]
    assert "THAI SOUTH SUDAN CRUSHER, AGGREGATES, AND BUILDING MATERIALS COMPANY" in names(abmc)
    assert "YK-AND" in got
    temp = got["Tactical Missile Corporation, PJSC ANPP Temp Avia"]
    assert "Public Joint Stock Company Arzamas Research and Production Enterprise" in names(temp)
    smic = got["SMIC Northern Integrated Circuit Manufacturing (Beijing) Co., Ltd."]
    assert names(smic)[-1] == "SMIC North"
    # "X, and subordinate entity Y" names a subordinate, not a scope: kept as published
    assert any(n.startswith("Pakistan Atomic Energy Commission (PAEC), and subordinate entity") for n in got)
    assert all(e.remarks is None or "covers" not in e.remarks for e in got.values() if "PAEC" in e.name)


def test_the_rules_on_their_own() -> None:
    assert listing_scope(f"Kata'ib Hezbollah and {SCOPE}") == ("Kata'ib Hezbollah", SCOPE)
    assert listing_scope(f"Sinobright Import and Export Company; and {SCOPE}") == (
        "Sinobright Import and Export Company",
        SCOPE,
    )
    assert listing_scope("Smith and Sons Ltd") == ("Smith and Sons Ltd", None)
    assert listing_scope(f"and {SCOPE}") == (f"and {SCOPE}", None)  # nothing before: not a scope
    three = ["Alpha Co., Ltd.", "Beta LLC", "Gamma"]
    assert comma_joined("Alpha Co., Ltd., and Beta LLC, and Gamma") == three
    serial = "Research, Development, and Production Co"
    assert comma_joined(serial) == [serial]
    assert comma_joined("X Inc., and its sub-units") == ["X Inc., and its sub-units"]


@pytest.mark.parametrize("name", ["consolidated_2025_tiny.csv", "consolidated_2025_tiny.json"])
def test_the_2025_csl_scope_in_csv_and_json(name: str) -> None:
    read = read_list_file(FIXTURES / name).entries
    sinobright = next(e for e in read if e.source_id.startswith("ISN:233a"))
    assert sinobright.name == "Sinobright Import and Export Company"
    assert sinobright.remarks == f"Listing also covers {SCOPE}"


def test_reading_is_idempotent() -> None:
    for entry in read_list_file(AND_PROSE).entries:
        assert clean_names(entry.name, list(entry.aliases)) == (entry.name, list(entry.aliases))
        assert listing_scope(entry.name) == (entry.name, None)


def test_full_2022_snapshot_counts() -> None:
    """What the change does to the bundled CSL: 17 scopes read out of names, 1 item split in two."""
    result = read_list_file(CSL_2022)
    covers = [e for e in result.entries if e.remarks and "Listing also covers" in e.remarks]
    assert len(covers) == 17
    assert not [n for e in result.entries for n in (e.name, *names(e)) if "successor" in n.lower()]
    assert not [n for e in result.entries for n in names(e) if len(comma_joined(n)) > 1]
    assert sum("Sense Time" in names(e) for e in result.entries) == 1


def _reader_v2(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The reading of version 2: the list prose's "and" stayed in the name (no scope, no split)."""

    def read(path: Path, fmt: str | None):  # type: ignore[no-untyped-def]
        with monkeypatch.context() as patch:
            patch.setattr(csl_csv, "listing_scope", lambda name: (name, None))
            patch.setattr(_clauses, "comma_joined", lambda item: [item])
            return read_list_file(path, fmt)

    return read


def test_a_version_2_workspace_reads_the_file_again_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(workspace=tmp_path / "ws")
    first = ingest_list_files(settings, [AND_PROSE], reader=_reader_v2(monkeypatch), reader_version=2)
    assert first.files[0].status == "new"
    reread = ingest_list_files(settings, [AND_PROSE])
    out = reread.files[0]
    assert (out.status, out.seq) == ("new", 2)
    assert out.note == f"re-read: reader version 2 → {READ_VERSION}"
    diffs = reread.diffs
    assert set(diffs["change"]) == {"changed"}
    fields = {row.name: json.loads(row.fields_json) for row in diffs.itertuples()}
    assert fields == {
        "Asa'ib Ahl al-Haq (AAH)": ["name", "remarks"],
        "NPP Pulsar LLC": ["name", "remarks"],
        "Ningbo Vet Energy Technology Co., Ltd.": ["name", "remarks"],
        "Poly Technologies Incorporated (PTI)": ["name", "remarks"],
        "Beijing Sensetime Technology Development Co., Ltd.": ["aliases"],
    }
    before = table_bytes(settings)
    assert [f.status for f in ingest_list_files(settings, [AND_PROSE]).files] == ["unchanged"]
    assert table_bytes(settings) == before
