"""US and UN list readers on the real published files: exact counts and spot checks of real entries."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from graph.model import ListSource
from ingest.lists.model import AliasKind, EntityKind, Identifier, ListEntry, ReadResult
from ingest.lists.read import detect_format, read_list_file
from ingest.lists.readers import READER_MODULES, reader_for, readers

ROOT = Path(__file__).resolve().parents[3]
FIX = ROOT / "tests" / "fixtures" / "lists"
CSL_2022 = ROOT / "data" / "lists" / "csl" / "consolidated_2022-05.csv.gz"
CSL_2025 = FIX / "csl" / "consolidated_2025_tiny.csv"
CSL_2025_JSON = FIX / "csl" / "consolidated_2025_tiny.json"
CSL_2019 = FIX / "csl" / "csl_2019-12_sample.csv"
SDN_DIR = ROOT / "data" / "lists" / "ofac"
OFAC_TINY = FIX / "ofac" / "tiny"
NON_SDN = FIX / "ofac" / "non_sdn"
ENHANCED = NON_SDN / "CONS_ENHANCED.XML.gz"
SDN_XML = NON_SDN / "consolidated_sdnlist_schema_2018-05.xml.gz"
UN = ROOT / "data" / "lists" / "un" / "UN_consolidated.xml"
DPL = ROOT / "data" / "lists" / "bis" / "dpl_2023-11.txt"


@cache
def read(path: Path) -> ReadResult:
    return read_list_file(path)


def by_id(result: ReadResult) -> dict[str, ListEntry]:
    return {e.source_id: e for e in result.entries}


def test_registry_lists_every_format_once() -> None:
    formats = [reader.FORMAT for reader in readers()]
    assert len(formats) == len(set(formats)) == len(READER_MODULES)
    ours = ["csl-csv", "csl-json", "ofac-csv", "ofac-xml", "ofac-enhanced-xml", "un-xml", "bis-dpl"]
    assert all(fmt == reader_for(fmt).FORMAT for fmt in ours)


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        (CSL_2022, "csl-csv"),
        (CSL_2019, "csl-csv"),
        (CSL_2025_JSON, "csl-json"),
        (SDN_DIR, "ofac-csv"),
        (SDN_DIR / "sdn.csv", "ofac-csv"),
        (NON_SDN, "ofac-csv"),
        (SDN_XML, "ofac-xml"),
        (ENHANCED, "ofac-enhanced-xml"),
        (UN, "un-xml"),
        (DPL, "bis-dpl"),
    ],
)
def test_detect_format(path: Path, fmt: str) -> None:
    assert detect_format(path) == fmt


# --- CSL ---------------------------------------------------------------------------------------


def test_csl_2022_full_snapshot_counts() -> None:
    result = read(CSL_2022)
    assert result.format == "csl-csv"
    assert result.rows_read == 14_160
    assert len(result.entries) == 14_160
    assert result.rejected == []
    per_list = Counter(e.list for e in result.entries)
    assert per_list[ListSource.US_SDN] == 10_026
    assert per_list[ListSource.US_EL] == 2_001
    assert per_list[ListSource.US_DTC] == 727
    assert per_list[ListSource.US_DPL] == 462
    assert per_list[ListSource.US_SSI] == 290
    assert per_list[ListSource.US_UVL] == 201
    assert per_list[ListSource.US_ISN] == 163
    assert per_list[ListSource.US_MEU] == 71
    assert per_list[ListSource.US_MBS] == 17
    # entity_number repeats across sources: ids are prefixed and unique
    assert len({e.source_id for e in result.entries}) == 14_160
    kinds = Counter(e.kind for e in result.entries)
    # 5,286 rows the CSL types Individual, and 1,177 rows without a type whose name reads as a
    # person's (graph.resolve.name_kind_reading and name_shapes): 300 EL, 39 ISN, 269 DPL, 569 DTC
    assert kinds[EntityKind.PERSON] == 5_286 + 1_177
    read_from_name = Counter(e.list for e in result.entries if e.kind_source == "name")
    assert read_from_name == {
        ListSource.US_EL: 300,
        ListSource.US_ISN: 39,
        ListSource.US_DPL: 269,
        ListSource.US_DTC: 569,
    }
    assert all(e.kind is EntityKind.PERSON for e in result.entries if e.kind_source == "name")
    assert kinds[EntityKind.VESSEL] == 433
    assert kinds[EntityKind.AIRCRAFT] == 283


def test_csl_entity_list_entry() -> None:
    entries = by_id(read(CSL_2022))
    plant = next(e for e in entries.values() if e.name == "140 Repair Plant JSC")
    assert plant.list is ListSource.US_EL and plant.source_id.startswith("EL:")
    assert plant.kind is EntityKind.COMPANY
    assert [a.name for a in plant.aliases] == [
        "Open Joint Stock Company 140 Repair Plant",
        "JSC 140 Repair Plant",
    ]
    (address,) = plant.addresses
    assert (address.city, address.postal_code, address.country) == ("Borisov", "222512", "BY")
    assert plant.legal_basis == "87 FR 20299"
    assert plant.start_date == date(2022, 4, 7)
    assert plant.license_policy == "Policy of denial."
    assert plant.license_requirement is not None and "subject to the EAR" in plant.license_requirement
    assert plant.source_url == "http://bit.ly/1L47xrV"
    assert plant.node_id == f"list:US_EL:{plant.source_id}"


def test_csl_sdn_entry_with_ids_and_programs() -> None:
    entries = by_id(read(CSL_2022))
    rim = entries["SDN:21944"]
    assert rim.name == "'ABBAS, Rim" and rim.kind is EntityKind.PERSON
    assert rim.programs == ("SYRIA",)
    assert rim.birth_dates == ("1973-03-25",)
    assert rim.countries == ("SY",)
    passport = entries["SDN:9935"]
    assert Identifier("PASSPORT", "BC166787", "CA") in passport.identifiers
    vessel = entries["SDN:23156"]
    assert vessel.kind is EntityKind.VESSEL
    assert Identifier("IMO", "8898831") in vessel.identifiers
    # an exact republished duplicate row keeps both, the second with a distinct id
    assert "CAP:15268" in entries and "CAP:15268#1980" in entries


def test_csl_2025_current_columns() -> None:
    result = read(CSL_2025)
    assert (result.rows_read, len(result.entries), result.rejected) == (13, 13, [])
    cetc = next(e for e in result.entries if e.name.startswith("China Electronics Technology Group"))
    assert cetc.list is ListSource.US_EL
    assert len(cetc.addresses) > 1 and all(not a.raw.startswith("and ") for a in cetc.addresses)
    uvl = next(e for e in result.entries if e.name == "Atlas Sanatgaran")
    assert uvl.list is ListSource.US_UVL and uvl.addresses[0].country == "AM"


def test_csl_2019_layout_without_id() -> None:
    result = read(CSL_2019)
    assert (result.rows_read, len(result.entries)) == (115, 115)
    assert len({e.source_id for e in result.entries}) == 115
    dpl = next(e for e in result.entries if e.name == "ADRIAN MANUEL HERNANDEZ")
    assert dpl.list is ListSource.US_DPL and dpl.source_id.startswith("DPL:")
    assert dpl.addresses[0].state == "AZ" and dpl.addresses[0].postal_code == "85043"
    assert dpl.legal_basis == "82 F.R. 48792 10/20/2017"
    assert dpl.end_date == date(2020, 10, 13)


def test_csl_json_matches_the_csv_it_was_converted_from() -> None:
    from_json = by_id(read(CSL_2025_JSON))
    from_csv = by_id(read(CSL_2025))
    assert read(CSL_2025_JSON).format == "csl-json"
    assert from_json.keys() == from_csv.keys()
    for key, entry in from_csv.items():
        other = from_json[key]
        assert (other.name, other.list, other.kind, other.programs) == (
            entry.name,
            entry.list,
            entry.kind,
            entry.programs,
        )
        assert [a.country for a in other.addresses] == [a.country for a in entry.addresses]
        assert other.identifiers == entry.identifiers
        assert other.aliases == entry.aliases


# --- OFAC legacy CSV ---------------------------------------------------------------------------


def test_ofac_sdn_2021_full_set() -> None:
    result = read(SDN_DIR)
    assert result.format == "ofac-csv"
    # the published set has 8,976 entries, 13,837 address rows and 11,910 alias rows (the shared
    # README's figures are `wc -l` minus one); 2,397 address rows are entirely "-0-" and are dropped
    assert result.rows_read == len(result.entries) == 8_976
    assert sum(len(e.addresses) for e in result.entries) == 11_440
    aliases = Counter(a.kind for e in result.entries for a in e.aliases)
    assert aliases[AliasKind.AKA] + aliases[AliasKind.FKA] + aliases[AliasKind.NKA] == 11_928
    # quoted a.k.a.s in remarks, a name read up to its closing quote: 17 more than a cut at the
    # first apostrophe, which dropped names quoted again (a.k.a. ''FUPI'') or starting with one
    assert aliases[AliasKind.WEAK] == 2_417
    assert Counter(e.kind for e in result.entries) == {
        EntityKind.PERSON: 4_620,
        EntityKind.COMPANY: 3_673,
        EntityKind.VESSEL: 406,
        EntityKind.AIRCRAFT: 277,
    }
    assert all(e.list is ListSource.US_SDN for e in result.entries)


def test_ofac_sdn_entries_and_remarks() -> None:
    result = read(SDN_DIR)
    entries = by_id(result)
    bnc = entries["306"]
    assert bnc.name == "BANCO NACIONAL DE CUBA" and bnc.programs == ("CUBA",)
    assert [(a.name, a.kind) for a in bnc.aliases] == [
        ("NATIONAL BANK OF CUBA", AliasKind.AKA),
        ("BNC", AliasKind.WEAK),
    ]
    assert [a.country for a in bnc.addresses] == ["CH", "ES", "JP", "PA"]
    tariq = entries["6905"]
    assert tariq.countries == ("PS",) and tariq.birth_dates == ("1971-03-12",)
    assert Identifier("PASSPORT", "484824", "EG") in tariq.identifiers
    artavil = entries["15036"]
    assert artavil.kind is EntityKind.VESSEL and Identifier("IMO", "9187629") in artavil.identifiers
    linked = [r for r in result.relations if r.source_id == "2686"]
    assert any(entries[r.target_id].name == "HIZBALLAH" and r.relation == "linked_to" for r in linked)
    assert len(result.relations) == 2_733


def test_ofac_sdn_csv_alone_loads(tmp_path: Path) -> None:
    shutil.copy(SDN_DIR / "sdn.csv", tmp_path / "sdn.csv")
    result = read_list_file(tmp_path / "sdn.csv")
    assert len(result.entries) == 8_976
    assert all(not e.addresses for e in result.entries)
    assert by_id(result)["306"].aliases == (by_id(read(SDN_DIR))["306"].aliases[1],)  # only the remark alias


def test_ofac_tiny_and_non_sdn_sets() -> None:
    tiny = read(OFAC_TINY)
    assert len(tiny.entries) == 17
    non_sdn = read(NON_SDN)
    assert len(non_sdn.entries) == 442 and all(e.list is ListSource.US_NONSDN for e in non_sdn.entries)
    haniya = by_id(non_sdn)["9639"]
    assert haniya.programs == ("NS-PLC",) and haniya.birth_dates == ("1962",)
    assert haniya.kind is EntityKind.PERSON


def test_ofac_csv_set_inside_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "sdn_csv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"):
            zf.write(OFAC_TINY / name, name)
    assert detect_format(archive) == "ofac-csv"
    assert read_list_file(archive).entries == read(OFAC_TINY).entries


# --- OFAC XML ----------------------------------------------------------------------------------


def test_ofac_legacy_xml() -> None:
    result = read(SDN_XML)
    assert result.format == "ofac-xml"
    assert (result.rows_read, len(result.entries)) == (639, 639)
    assert result.published == date(2018, 4, 6)
    markazi = by_id(result)["4632"]
    assert markazi.name == "BANK MARKAZI JOMHOURI ISLAMI IRAN" and markazi.programs == ("IRAN",)
    assert "CENTRAL BANK OF IRAN" in {a.name for a in markazi.aliases}
    assert {a.country for a in markazi.addresses} == {"IR"}


def test_ofac_enhanced_xml() -> None:
    result = read(ENHANCED)
    assert result.format == "ofac-enhanced-xml"
    assert (result.rows_read, len(result.entries)) == (443, 443)
    assert result.published == date(2025, 1, 10)
    assert len(result.relations) == 283
    vtb = by_id(result)["17013"]
    assert vtb.name == "VTB BANK PUBLIC JOINT STOCK COMPANY" and vtb.list is ListSource.US_SDN
    assert any(a.kind is AliasKind.ORIGINAL_SCRIPT and "ВТБ" in a.name for a in vtb.aliases)
    assert any(a.kind is AliasKind.FKA and a.name == "VNESHTORGBANK" for a in vtb.aliases)
    assert Identifier("LEI", "253400V1H6ART1UQ0N98", "RU") in vtb.identifiers
    assert vtb.programs == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    assert {a.country for a in vtb.addresses} >= {"RU", "IN", "CN"}
    owned = [r for r in result.relations if r.source_id == "17017"]
    assert [(r.target_id, r.relation) for r in owned] == [("17013", "owned_or_controlled_by")]


# --- UN ----------------------------------------------------------------------------------------


def test_un_consolidated_list() -> None:
    result = read(UN)
    assert result.format == "un-xml"
    assert result.published == date(2026, 2, 27)
    kinds = Counter(e.kind for e in result.entries)
    assert kinds == {EntityKind.PERSON: 730, EntityKind.COMPANY: 273}
    assert Counter(a.kind for e in result.entries for a in e.aliases)[AliasKind.WEAK] == 615
    entries = by_id(result)
    frank = entries["CDi.002"]
    assert frank.name == "FRANK KAKOLELE BWAMBALE"
    assert [a.name for a in frank.aliases] == ["FRANK KAKORERE", "FRANK KAKORERE BWAMBALE", "AIGLE BLANC"]
    assert frank.addresses[0].city == "Kinshasa" and frank.addresses[0].country == "CD"
    assert frank.countries == ("CD",) and frank.programs == ("DRC",)
    assert frank.start_date == date(2005, 11, 1)
    adf = entries["CDe.001"]
    assert adf.kind is EntityKind.COMPANY
    assert ("NALU", AliasKind.FKA) in {(a.name, a.kind) for a in adf.aliases}


# --- BIS DPL -----------------------------------------------------------------------------------


def test_bis_denied_persons_list() -> None:
    result = read(DPL)
    assert result.format == "bis-dpl"
    assert result.rows_read == 665 and len(result.entries) == 663
    assert [(r.line, r.reason) for r in result.rejected] == [
        (154, "duplicate of line 153"),
        (458, "duplicate of line 457"),
    ]
    ash = next(e for e in result.entries if e.name == "I. ASH")
    assert ash.list is ListSource.US_DPL
    assert ash.legal_basis == "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07"
    assert (ash.start_date, ash.end_date) == (date(2003, 6, 19), date(2056, 6, 29))
    (address,) = ash.addresses
    assert (address.city, address.state, address.postal_code, address.country) == (
        "SEAGOVILLE",
        "TX",
        "75159",
        "US",
    )
    villa = next(e for e in result.entries if e.name == "AARON ABRAHAM VILLA")
    assert villa.addresses[0].country == "US"  # Country column empty for US addresses
    assert villa.raw_ref == "dpl_2023-11.txt:line 3"


def test_entity_list_row_with_only_an_address(tmp_path: Path) -> None:
    lines = CSL_2025.read_text(encoding="utf-8").splitlines(keepends=True)
    cetc = next(i for i, line in enumerate(lines) if "China Electronics Technology Group" in line)
    fields = next(csv.reader([lines[cetc]]))
    fields[5] = ""  # the 2024+ Entity List publishes some entries as an address alone
    out = tmp_path / "consolidated.csv"
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerow(fields)
    out.write_text(lines[0] + buffer.getvalue(), encoding="utf-8")
    (entry,) = read_list_file(out).entries
    assert entry.kind is EntityKind.ADDRESS_ONLY
    assert entry.name == entry.addresses[0].raw and entry.addresses[0].raw.startswith("113 Hezuo Road")
