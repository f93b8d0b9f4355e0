"""Readers for EU (XML, CSV), UK (FCDO XML, OFSI ConList CSV), FtM JSON lines, DoD 1260H, NDAA,
BIS MIEU and the documented simple CSV — on the real published files, plus their bad inputs."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chipwatch.errors import InputFileError
from graph.model import ListSource
from ingest.lists.model import AliasKind, EntityKind, Identifier, ListEntry, ReadResult
from ingest.lists.read import detect_format, read_list_file
from ingest.lists.readers._text import name_alias, name_id, unique_aliases

ROOT = Path(__file__).resolve().parents[3]
FIX = ROOT / "tests" / "fixtures" / "lists"
EU_XML = FIX / "eu" / "eu_fsf_v1_1_sample_2026-08-05.xml"
EU_CSV = FIX / "eu" / "eu_fsf_EUSanctionsShort.csv"
UK_XML = FIX / "uk" / "uk_sanctions_list_sample_2026.xml"
CONLIST = FIX / "uk" / "ConList_excerpt.csv"
FTM_T1 = FIX / "ftm" / "t1_entities.ftm.json"
FTM_ZALA = FIX / "ftm" / "zala_entities.ftm.json"
OTHER_US = ROOT / "data" / "lists" / "other_us"
DOD = OTHER_US / "us_dod_chinese_milcorps_sanctions.csv"
S5949 = OTHER_US / "section_5949.csv"
S889 = OTHER_US / "section_889.csv"
MIEU = OTHER_US / "us_bis_mieu_mieu.csv"
SIMPLE = FIX / "other_us" / "simple_custom.csv"


def _by_id(result: ReadResult, source_id: str) -> ListEntry:
    hits = [e for e in result.entries if e.source_id == source_id]
    assert len(hits) == 1, source_id
    return hits[0]


def _aliases(entry: ListEntry) -> dict[str, AliasKind]:
    return {a.name: a.kind for a in entry.aliases}


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        (EU_XML, "eu-xml"),
        (EU_CSV, "eu-csv"),
        (UK_XML, "uk-xml"),
        (CONLIST, "uk-conlist-csv"),
        (FTM_T1, "ftm-json"),
        (FTM_ZALA, "ftm-json"),
        (DOD, "dod-1260h"),
        (S5949, "ndaa-csv"),
        (S889, "ndaa-csv"),
        (MIEU, "bis-mieu"),
        (SIMPLE, "simple-csv"),
    ],
)
def test_format_is_detected(path: Path, fmt: str) -> None:
    assert detect_format(path) == fmt
    assert read_list_file(path).format == fmt


# --- EU -----------------------------------------------------------------------------------------


def test_eu_xml_real_sample() -> None:
    result = read_list_file(EU_XML)
    assert (result.rows_read, len(result.entries), result.published) == (5, 4, date(2026, 8, 5))
    [rejected] = result.rejected  # the synthetic logicalId 999999 has no name
    assert rejected.field == "nameAlias" and "999999" in rejected.reason

    saddam = _by_id(result, "13")
    assert saddam.list is ListSource.EU and saddam.kind is EntityKind.PERSON
    assert saddam.name == "Saddam Hussein Al-Tikriti"
    assert _aliases(saddam) == {"Abu Ali": AliasKind.AKA, "Abou Ali": AliasKind.AKA}
    assert saddam.countries == ("IQ",) and saddam.programs == ("IRQ",)
    assert saddam.legal_basis == "1210/2003 (OJ L169)" and saddam.start_date == date(2003, 7, 8)
    assert saddam.birth_dates == ("1937-04-28",)
    assert Identifier("EU_REFERENCE", "EU.27.28") in saddam.identifiers
    assert saddam.remarks == "UNSC RESOLUTION 1483"

    ksm = _by_id(result, "191")  # no primary marked: the name with first/last parts wins
    assert ksm.name == "Khalid Sheikh MOHAMMED" and len(ksm.aliases) == 6
    assert Identifier("PASSPORT", "488555", None) in ksm.identifiers  # country "00" = unknown
    assert ksm.programs == ("TERR",) and ksm.birth_dates == ("1965-04-14", "1964-03-01")

    grf = _by_id(result, "980")
    assert grf.kind is EntityKind.COMPANY and grf.programs == ("TAQA",)
    street = next(a for a in grf.addresses if a.street)
    assert (street.street, street.city, street.postal_code, street.country) == (
        "9935 South 76th Avenue, Unit 1",
        "Bridgeview, Illinois",
        "60455",
        "US",
    )

    trust = _by_id(result, "330")
    assert trust.start_date == date(2001, 10, 6)  # designationDate
    assert len(trust.addresses) == 11 and {a.country for a in trust.addresses} == {"PK"}
    assert _aliases(trust)["Организация за подпомагане на Ulema, Пакистан"] is AliasKind.ORIGINAL_SCRIPT
    assert _aliases(trust)["Al Rashid Trust"] is AliasKind.AKA


def test_eu_csv_latin1_rows_grouped_by_entity() -> None:
    result = read_list_file(EU_CSV)
    assert (result.rows_read, len(result.entries), result.rejected) == (999, 93, [])
    assert result.published == date(2018, 7, 4)  # Date_file, dd/mm/yyyy
    kinds = [e.kind for e in result.entries]
    assert (kinds.count(EntityKind.PERSON), kinds.count(EntityKind.COMPANY)) == (61, 32)

    mugabe = _by_id(result, "1")
    assert mugabe.name == "Robert Gabriel Mugabe" and mugabe.programs == ("ZWE",)
    assert Identifier("PASSPORT", "AD001095") in mugabe.identifiers
    assert Identifier("EU_REFERENCE", "EU.36.64") in mugabe.identifiers
    assert mugabe.birth_dates == ("1924-02-21",)
    assert mugabe.legal_basis == "2018/223 (OJ L43); 1643/2002 (OJ L247)"
    assert mugabe.start_date == date(2002, 9, 13)

    qusay = _by_id(result, "20")  # Latin-1 "ï" decoded, not mojibake
    assert _aliases(qusay) == {"Qoussaï Saddam Hussein Al-Tikriti": AliasKind.AKA}
    assert qusay.countries == ("IQ",)

    gspc = _by_id(result, "481")  # one address row each, ISO alpha-3 → alpha-2
    assert [a.country for a in gspc.addresses] == ["DZ", "ML", "MR", "MA"]

    assert _by_id(result, "43").name == "Aziz Salih al-Numan"  # row with a quoted ";"
    ano = _by_id(result, "201")
    assert not any("??" in a.name for a in ano.aliases)  # names the export garbled are dropped
    assert "Conseil révolutionnaire du Fatah" in _aliases(ano)


# --- UK -----------------------------------------------------------------------------------------


def test_uk_xml_real_sample() -> None:
    result = read_list_file(UK_XML)
    assert (result.rows_read, len(result.entries), result.rejected) == (5, 5, [])
    assert result.published == date(2026, 9, 10)

    hawala = _by_id(result, "AFG0001")
    assert hawala.list is ListSource.UK and hawala.kind is EntityKind.COMPANY
    assert hawala.name == "HAJI KHAIRULLAH MONEY EXCHANGE"
    assert _aliases(hawala) == {
        "Haji Alim Hawala": AliasKind.AKA,
        "حاجی خيرالله صرافی": AliasKind.ORIGINAL_SCRIPT,
    }
    assert [(a.city, a.country) for a in hawala.addresses] == [("Nimroz Province", "AF"), ("Dubai", "AE")]
    assert hawala.programs == ("The Afghanistan (Sanctions) (EU Exit) Regulations 2020",)
    assert hawala.start_date == date(2012, 6, 29)
    assert Identifier("OFSI_GROUP_ID", "12703") in hawala.identifiers

    akhund = _by_id(result, "AFG0006")
    assert akhund.kind is EntityKind.PERSON and akhund.name == "MOHAMMAD HASSAN AKHUND"
    assert _aliases(akhund)["Mohammad Akhwand"] is AliasKind.SPELLING
    assert akhund.birth_dates == ("1958-05-12", "1945", "1946")
    assert akhund.countries == ("AF",)
    assert [i for i in akhund.identifiers if i.scheme == "PASSPORT"] == [Identifier("PASSPORT", "P04581926")]

    bnk = _by_id(result, "BEL0107")
    assert _aliases(bnk) == {"BNK UK Limited": AliasKind.AKA, "BNK": AliasKind.WEAK}
    [addr] = bnk.addresses
    assert (addr.postal_code, addr.country, addr.city) == ("SM2 5DA", "GB", "Sutton, Surrey")
    assert "Parent company: CJSC Belarusian Oil Company" in (bnk.remarks or "")

    ship = _by_id(result, "DPR0075")
    assert ship.kind is EntityKind.VESSEL and Identifier("IMO", "9562233") in ship.identifiers
    assert ship.countries == ("KM",)  # current believed flag


def test_uk_conlist_rows_grouped_cp1252() -> None:
    result = read_list_file(CONLIST)
    assert (result.rows_read, len(result.entries), result.rejected) == (77, 41, [])
    kinds = [e.kind for e in result.entries]
    assert (kinds.count(EntityKind.PERSON), kinds.count(EntityKind.COMPANY)) == (32, 9)

    qahtani = _by_id(result, "13349")  # two rows, one per published DOB
    assert qahtani.name == "Sheikh Farooq AL-QAHTANI" and qahtani.birth_dates == ("1980", "1981")
    assert qahtani.countries == ("SA", "QA") and Identifier("PASSPORT", "592667") in qahtani.identifiers
    assert qahtani.programs == ("The ISIL (Da'esh) and Al-Qaida organisations",)
    assert qahtani.start_date == date(2016, 4, 1)
    assert [a.country for a in qahtani.addresses] == ["AF"]  # "Afghanistan (since 2009)"

    abbas = _by_id(result, "13814")
    assert abbas.name == "Yasser Aziz ABBAS" and _aliases(abbas)["Yaser Aziz ABAS"] is AliasKind.AKA
    assert "“Fundamental”" in (_by_id(result, "12999").remarks or "")  # Windows-1252 quotes


def test_uk_conlist_last_updated_line_is_the_publication_date(tmp_path: Path) -> None:
    lines = CONLIST.read_bytes().split(b"\n")
    path = tmp_path / "ConList.csv"
    path.write_bytes(b"\n".join([b"Last Updated,27/02/2020", lines[0][1:], *lines[1:]]))
    result = read_list_file(path)
    assert result.published == date(2020, 2, 27) and len(result.entries) == 41


# --- FollowTheMoney -----------------------------------------------------------------------------


def test_ftm_t1_entities() -> None:
    result = read_list_file(FTM_T1)
    assert (result.rows_read, len(result.entries), result.relations, result.rejected) == (7, 6, [], [])
    tobacco = _by_id(result, "NK-2GdmHtZTeNXjNVrBGEXZNj")
    assert tobacco.list is ListSource.FTM and tobacco.kind is EntityKind.COMPANY
    assert tobacco.name == "RAB „Inter Tobacco“" and tobacco.countries == ("BY",)
    assert _aliases(tobacco)["Общество с ограниченной ответственностью “Интер Тобако”"] is (
        AliasKind.ORIGINAL_SCRIPT
    )
    assert _aliases(tobacco)["LLC “Inter Tobacco”"] is AliasKind.AKA
    assert Identifier("REGISTRATION", "808000714", "BY") in tobacco.identifiers
    assert (tobacco.remarks or "").endswith("datasets: eu_fsf")
    person = _by_id(result, "NK-2Ka3UvopqbpZmVDFjWd4LA")
    assert person.kind is EntityKind.PERSON and person.birth_dates == ("1971-01-22",)


def test_ftm_zala_sanctions_ownership_addresses() -> None:
    result = read_list_file(FTM_ZALA)
    assert (result.rows_read, len(result.entries), len(result.relations), result.rejected) == (91, 17, 21, [])
    relations = [r.relation for r in result.relations]
    assert (relations.count("ownership"), relations.count("directorship"), relations.count("family")) == (
        14,
        3,
        4,
    )
    zakharov, aeroscan = "NK-aU5ybkbRFJucf8YMwsJvDw", "NK-iE6m5ryPeTAMZozfECVSL7"
    cst, kalashnikov = "NK-abdzbEBkqyT29GyREbiURZ", "NK-nR5AXM9AVPq4pQaSPSaVam"
    owns = {(r.source_id, r.target_id, dict(r.props).get("share_pct")) for r in result.relations}
    assert (zakharov, aeroscan, "100") in owns and (kalashnikov, cst, "49") in owns
    stake = next(
        r
        for r in result.relations
        if dict(r.props).get("ftm_id") == "ru-dfe0a021cb69f99e198bb8cbbcb93e81130b32a7"
    )
    assert dict(stake.props) == {
        "ftm_id": "ru-dfe0a021cb69f99e198bb8cbbcb93e81130b32a7",
        "share_pct": "51",
        "shares": "6624.16",
        "start_date": "2015-11-25",
    }
    ends = {e.source_id for e in result.entries}
    assert all(r.source_id in ends and r.target_id in ends for r in result.relations)

    llc = _by_id(result, cst)  # Sanction entities attach programmes, authorities and dates
    assert llc.name == "LLC CST" and "US-BIS-EL" in llc.programs and "AU-RUSSIA" in llc.programs
    assert "Department of Foreign Affairs and Trade" in (llc.legal_basis or "")
    assert llc.start_date == date(2021, 10, 30)
    assert "ru" not in llc.countries and "RU" in llc.countries
    assert any(a.raw == "130 Vorovskogo st. Izhevsk, 426063, Russia" for a in llc.addresses)

    person = _by_id(result, zakharov)
    assert person.kind is EntityKind.PERSON and person.name == "Alexander Vyacheslavovich ZAKHAROV"
    assert any(a.kind is AliasKind.ORIGINAL_SCRIPT for a in person.aliases)

    context = _by_id(result, "ru-inn-5920040846")  # target=false: kept as an end, not listed
    assert context.programs == () and "not itself listed" in (context.remarks or "")
    # the publisher's "not itself listed" is a field, not only a remark: exactly the target=false ones
    flagged = {e.source_id for e in result.entries if e.context}
    assert flagged == {"ru-inn-5920040846", "NK-56Edov9bas9puzaChH5pBy", "NK-9Xa4Kg7Y7nfccE7VcZt6Q6"}
    assert not any(e.context for e in read_list_file(FTM_T1).entries)  # all targets


# --- other US lists and the simple CSV ----------------------------------------------------------


def test_dod_1260h_grouped_per_company_with_parents() -> None:
    result = read_list_file(DOD)
    assert (result.rows_read, len(result.entries), len(result.relations), result.rejected) == (
        397,
        227,
        161,
        [],
    )
    assert {e.list for e in result.entries} == {ListSource.US_1260H}
    cxmt = _by_id(result, "CHANGXIN-MEMORY-TECHNOLOGIES-INC")
    assert cxmt.name == "ChangXin Memory Technologies, Inc." and _aliases(cxmt) == {"CXMT": AliasKind.AKA}
    assert cxmt.start_date == date(2025, 1, 7) and cxmt.end_date is None  # re-listed in 2026
    smic_hk = _by_id(result, "SMIC-HONG-KONG-INTERNATIONAL-COMPANY-LIMITED")
    assert smic_hk.end_date == date(2024, 1, 31) and smic_hk.remarks == "No longer owned by SMIC"
    ymtc = _by_id(result, "YANGTZE-MEMORY-TECHNOLOGIES-CO-LTD")
    assert ymtc.start_date == date(2024, 1, 31) and "YMTC" in _aliases(ymtc)
    chengdu = _by_id(result, "AVIC-CHENGDU-AIRCRAFT-CO-LTD")
    assert _aliases(chengdu)["ZEMIC"] is AliasKind.FKA
    parents = {(r.source_id, r.target_id) for r in result.relations if r.relation == "subsidiary_of"}
    assert ("SMIC-HOLDINGS-LIMITED", "SEMICONDUCTOR-MANUFACTURING-INTERNATIONAL-CORPORATION") in parents


def test_ndaa_sections_and_mieu() -> None:
    s5949 = read_list_file(S5949)
    assert [(e.list, e.name, [a.name for a in e.aliases]) for e in s5949.entries] == [
        (ListSource.US_NDAA5949, "ChangXin Memory Technologies", ["CXMT"]),
        (ListSource.US_NDAA5949, "Semiconductor Manufacturing International Corporation", ["SMIC"]),
        (ListSource.US_NDAA5949, "Yangtze Memory Technologies Corp", ["YMTC"]),
    ]
    assert s5949.entries[1].source_url == "https://www.congress.gov/117/bills/hr7776/BILLS-117hr7776enr.pdf"
    s889 = read_list_file(S889)
    assert {e.list for e in s889.entries} == {ListSource.US_NDAA889} and len(s889.entries) == 5
    assert "Huawei Technologies Company" in {e.name for e in s889.entries}
    mieu = read_list_file(MIEU)
    assert (mieu.rows_read, len(mieu.entries)) == (13, 13)
    gru = _by_id(mieu, "MAIN-INTELLIGENCE-DIRECTORATE")
    assert (
        gru.list is ListSource.US_MIEU
        and gru.countries == ("RU",)
        and _aliases(gru) == {"GRU": AliasKind.AKA}
    )
    assert gru.start_date == date(2021, 3, 16) and gru.kind is EntityKind.COMPANY


def test_simple_csv_documented_example() -> None:
    result = read_list_file(SIMPLE)
    assert result.rows_read == 7
    assert [(r.line, r.field) for r in result.rejected] == [(6, "type"), (7, "start_date"), (8, "id")]
    smic = _by_id(result, "SEMICONDUCTOR-MANUFACTURING-INTERNATIONAL-CORPORATION")
    assert smic.list is ListSource.US_NDAA5949 and smic.start_date == date(2022, 12, 23)
    [addr] = smic.addresses
    assert (addr.city, addr.postal_code, addr.country) == ("Shanghai", "201203", "CN")
    cxmt = _by_id(result, "CHANGXIN-MEMORY-TECHNOLOGIES")
    assert _aliases(cxmt) == {"CXMT": AliasKind.AKA, "长鑫存储": AliasKind.ORIGINAL_SCRIPT}
    assert _by_id(result, "mieu-gru").list is ListSource.US_MIEU
    custom = _by_id(result, "ACME-WATCH-1")
    assert custom.list is ListSource.CUSTOM and custom.programs == ("Acme in-house watchlist",)
    assert custom.countries == ("MM",) and custom.remarks == "flagged by our team"


# --- bad input ----------------------------------------------------------------------------------

FORMATS = [
    "eu-xml",
    "eu-csv",
    "uk-xml",
    "uk-conlist-csv",
    "ftm-json",
    "dod-1260h",
    "ndaa-csv",
    "bis-mieu",
    "simple-csv",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_file_is_refused(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty") as info:
        read_list_file(path, fmt)
    assert Path(info.value.path) == path


@pytest.mark.parametrize("fmt", ["eu-csv", "uk-conlist-csv", "dod-1260h", "simple-csv", "ftm-json"])
def test_whitespace_only_file_is_refused(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\n\n  \n")
    with pytest.raises(InputFileError, match="empty"):
        read_list_file(path, fmt)


@pytest.mark.parametrize(
    ("source", "fmt", "column"),
    [
        (EU_CSV, "eu-csv", "Naal_wholename"),
        (CONLIST, "uk-conlist-csv", "Group ID"),
        (DOD, "dod-1260h", "Clean Name"),
        (S5949, "ndaa-csv", "program"),
        (MIEU, "bis-mieu", "Country"),
        (SIMPLE, "simple-csv", "name"),
    ],
)
def test_missing_required_column_names_it(tmp_path: Path, source: Path, fmt: str, column: str) -> None:
    data = source.read_bytes()
    path = tmp_path / source.name
    path.write_bytes(data.replace(column.encode(), b"Renamed", 1))
    with pytest.raises(InputFileError, match="required column missing") as info:
        read_list_file(path, fmt)
    assert (info.value.line, info.value.field) == (1, column)


@pytest.mark.parametrize(
    ("source", "fmt"), [(EU_CSV, "eu-csv"), (CONLIST, "uk-conlist-csv"), (SIMPLE, "simple-csv")]
)
def test_truncated_csv_names_the_line(tmp_path: Path, source: Path, fmt: str) -> None:
    data = source.read_bytes()
    cut = data.index(b'"', data.index(b"\n")) + 5  # inside the first quoted value after the header
    path = tmp_path / source.name
    path.write_bytes(data[:cut])
    with pytest.raises(InputFileError, match="truncated") as info:
        read_list_file(path, fmt)
    assert info.value.line is not None and info.value.line > 1


@pytest.mark.parametrize(("source", "fmt"), [(EU_CSV, "eu-csv"), (CONLIST, "uk-conlist-csv")])
def test_utf16_legacy_csv_is_refused(tmp_path: Path, source: Path, fmt: str) -> None:
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes().decode("cp1252").encode("utf-16"))
    with pytest.raises(InputFileError, match="UTF-16") as info:
        read_list_file(path, fmt)
    assert info.value.line == 1


def test_simple_csv_in_windows_1252_names_line_of_first_bad_byte(tmp_path: Path) -> None:
    text = SIMPLE.read_text(encoding="utf-8").replace("长鑫存储", "Société Changxin")
    path = tmp_path / "custom.csv"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(InputFileError, match="not valid utf-8") as info:
        read_list_file(path, "simple-csv")
    assert info.value.line == 3


@pytest.mark.parametrize(
    ("source", "fmt", "element"),
    [
        (UK_XML, "eu-xml", "export"),
        (EU_XML, "uk-xml", "Designations"),
        (ROOT / "data/lists/un/UN_consolidated.xml", "eu-xml", "export"),
    ],
)
def test_xml_of_another_schema_is_refused(source: Path, fmt: str, element: str) -> None:
    with pytest.raises(InputFileError, match="root element") as info:
        read_list_file(source, fmt)
    assert info.value.field == element


def test_eu_xml_with_right_root_but_wrong_namespace_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "eu.xml"
    path.write_bytes(EU_XML.read_bytes().replace(b"http://eu.europa.ec/fpi/fsd/export", b"urn:other", 1))
    with pytest.raises(InputFileError, match="namespace"):
        read_list_file(path, "eu-xml")


DOCTYPES = {
    "doctype": b"<!DOCTYPE export [<!ELEMENT export ANY>]>\n",
    "external": b'<!DOCTYPE export [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    "bomb": b'<!DOCTYPE export [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n',
}


@pytest.mark.parametrize("kind", sorted(DOCTYPES))
@pytest.mark.parametrize(("source", "fmt"), [(EU_XML, "eu-xml"), (UK_XML, "uk-xml")])
def test_xml_with_doctype_or_entities_is_refused(tmp_path: Path, source: Path, fmt: str, kind: str) -> None:
    data = source.read_bytes()
    end = data.index(b"?>") + 2
    path = tmp_path / source.name
    path.write_bytes(data[:end] + b"\n" + DOCTYPES[kind] + data[end:])
    with pytest.raises(InputFileError, match=r"DOCTYPE|entity|external") as info:
        read_list_file(path, fmt)
    assert Path(info.value.path) == path


@pytest.mark.parametrize(("source", "fmt"), [(EU_XML, "eu-xml"), (UK_XML, "uk-xml")])
def test_truncated_xml_is_refused_with_line(tmp_path: Path, source: Path, fmt: str) -> None:
    data = source.read_bytes()
    path = tmp_path / source.name
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputFileError, match="not well-formed") as info:
        read_list_file(path, fmt)
    assert info.value.line is not None


def test_ftm_first_line_not_an_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.ftm.json"
    path.write_bytes(b'{"results": [], "total": 0}\n')
    with pytest.raises(InputFileError, match="not a FollowTheMoney entity") as info:
        read_list_file(path, "ftm-json")
    assert (info.value.line, info.value.field) == (1, "schema")
    path.write_bytes(b"name,aliases\nACME,\n")
    with pytest.raises(InputFileError, match="not FollowTheMoney JSON lines"):
        read_list_file(path, "ftm-json")


def test_ftm_truncated_last_line_is_refused_bad_middle_line_rejected(tmp_path: Path) -> None:
    lines = FTM_T1.read_bytes().splitlines()
    path = tmp_path / "t1.ftm.json"
    path.write_bytes(b"\n".join(lines)[:-40])
    with pytest.raises(InputFileError, match="truncated") as info:
        read_list_file(path, "ftm-json")
    assert info.value.line == len(lines)
    path.write_bytes(b"\n".join([lines[0], b"{not json", *lines[1:]]) + b"\n")
    result = read_list_file(path, "ftm-json")
    assert len(result.entries) == 6 and [(r.line, r.field) for r in result.rejected] == [(2, None)]


def test_rows_that_cannot_be_read_are_rejected_with_line_and_field(tmp_path: Path) -> None:
    dod = tmp_path / "dod.csv"
    lines = DOD.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2022-10-05", "sometime")
    dod.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_list_file(dod, "dod-1260h")
    assert [(r.line, r.field) for r in result.rejected] == [(2, "Start date")]
    ndaa = tmp_path / "ndaa.csv"
    ndaa.write_text(
        S889.read_text(encoding="utf-8").replace("Section 889", "Section 1234", 1), encoding="utf-8"
    )
    result = read_list_file(ndaa, "ndaa-csv")
    assert len(result.entries) == 4 and [(r.line, r.field) for r in result.rejected] == [(2, "list")]


def test_eu_csv_plain_layout_reads_the_same(tmp_path: Path) -> None:
    """Official files are plain ``;`` rows; the shared one wraps each record in quotes."""
    text = EU_CSV.read_bytes().decode("cp1252")
    plain = "\n".join(row[0].rstrip("\t") for row in csv.reader(io.StringIO(text)) if row)
    path = tmp_path / "plain.csv"
    path.write_bytes(plain.encode("cp1252"))
    wrapped, unwrapped = read_list_file(EU_CSV), read_list_file(path, "eu-csv")
    assert unwrapped.rows_read == 999 and unwrapped.entries == [
        replace(e, raw_ref=e.raw_ref.replace(EU_CSV.name, "plain.csv")) for e in wrapped.entries
    ]


def test_eu_csv_short_row_is_rejected_with_its_line(tmp_path: Path) -> None:
    lines = EU_CSV.read_bytes().split(b"\n")
    lines[3] = b";".join(lines[3].split(b";")[:20]) + b'"'
    path = tmp_path / "eu.csv"
    path.write_bytes(b"\n".join(lines))
    result = read_list_file(path, "eu-csv")
    assert [(r.line, r.field) for r in result.rejected] == [(4, None)] and len(result.entries) == 93


@given(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=8))
def test_aliases_never_repeat_or_equal_the_name_and_ids_are_stable(name: str, names: list[str]) -> None:
    aliases = unique_aliases([name_alias(n) for n in names], name)
    keys = [a.name.casefold() for a in aliases]
    assert (
        len(keys) == len(set(keys))
        and " ".join(name.split()).casefold() not in keys
        and all(a.name for a in aliases)
    )
    assert name_id(name_id(name)) == name_id(name)
