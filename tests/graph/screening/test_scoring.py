"""Scorer details: transliteration skeletons, generic words, rare-word coverage of the list name."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.screening.index import ListIndex, build_index
from graph.screening.name_rules import only_common_words_agree, prefixed, short_name_differs
from graph.screening.scoring import (
    NAME_RULES,
    TWO_DIFFERENCES_CAP,
    distinctive,
    extends,
    is_generic,
    rare_alignment,
    rearranged,
    same_letters,
    sector_conflict,
    skeleton,
    word_alignment,
)
from graph.screening.screen import Screener
from graph.words import is_common_word, zipf


@pytest.mark.parametrize(
    ("a", "b"),
    [("CHITRON", "KKHITRON"), ("PANACEA", "PANAKEA"), ("MIKHAIL", "MIHAIL"), ("YUSUF", "IUSUF")],
)
def test_transliteration_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_acronyms_keep_their_letters_only_c_and_k_meet() -> None:
    assert skeleton("CJNG") == "KJNG"
    assert skeleton("KING") != skeleton("CJNG")
    # LLC written in Cyrillic letters (ЛЛК) and back: a legal form, not a distinctive word
    assert skeleton("LLC") == skeleton("LLK") and is_generic("LLK") and is_generic("JSK")


def test_swapped_letters_of_a_legal_form_are_generic_but_other_words_are_not() -> None:
    assert all(is_generic(w) for w in ("LDT", "ICN", "YO", "ODO"))
    assert not is_generic("SLAAR")  # holds the letters of SARL, but is a given name (SALAR)
    assert distinctive("Robosense Technology Co LDT") == "ROBOSENSE"


def test_one_shared_word_does_not_vouch_for_a_two_word_list_name() -> None:
    def weight(token: str) -> float:
        return {"TIAN": 10.0, "YI": 0.0}.get(token, 8.0)

    assert rare_alignment("TIAN", "TIAN YI", weight) <= 0.6  # YI has no partner, only TIAN agrees
    assert rare_alignment("OMAR LOPEZ HERNANDEZ", "JUANO LOPEZ HERNANDEZ", weight) <= 0.6  # OMAR for JUANO
    assert rare_alignment("SERGEI IVANOV", "IVANOV SERGEI SERGEEVICH", weight) >= 0.6  # a patronymic left out


def test_sector_words_and_suffixes_tell_one_word_names_apart() -> None:
    assert sector_conflict("Fusion Devices LLC", "Fussion Electronics Co., Ltd.")
    assert not sector_conflict("Joza Ind", "JOZA INDUSTRIAL CO.")  # an abbreviation agrees
    assert not sector_conflict("Fusion Ltd", "Fussion Electronics Co., Ltd.")  # only one side says
    assert extends("GALAX", "GALAXY") and extends("TIAN", "TIANMA")
    assert not extends("PAL", "PALM")  # one letter on a short word: as likely a slip
    assert same_letters("MEHRB ANK", "MEHR BANK") and same_letters(
        "SONGI TRADINGCOMPANY", "SONGI TRADING COMPANY"
    )


def test_generic_words_and_their_misspellings_are_not_distinctive() -> None:
    assert all(is_generic(w) for w in ("RESEARCH", "CENTER", "SYSTEMS", "TEKHNOLOGIES", "HOLDIGN", "GOUP"))
    assert not is_generic("SADRA")
    assert distinctive("Alpen Research Center Ltd") == "ALPEN"
    assert distinctive("Research Center") == "RESEARCH CENTER"  # nothing else left: keep them all


def test_list_name_rare_words_must_be_covered() -> None:
    def weight(_: str) -> float:
        return 1.0

    assert rare_alignment("SHENG", "FENG SHENG", weight) < 0.6  # FENG is not 67 % of SHENG
    assert rare_alignment("KHANALI ABID", "KHAN ABID ALI", weight) > 0.9  # a lost space
    assert rare_alignment("JAN LI LI", "LI LI", weight) < 0.8  # an extra given name counts, less


@pytest.fixture(scope="module")
def screener(full_index: ListIndex) -> Screener:
    return Screener(full_index)


def test_shared_generic_words_do_not_raise_a_review(screener: Screener) -> None:
    names = ["Alpen Research Center Ltd", "Cedar Research Center Pte Ltd", "Crestnet Electronic Components"]
    out = screener.screen(pd.DataFrame({"name": names}))
    assert (out["disposition"] == "clear").all(), out[["name", "top_match_name", "top_match_score"]]


@pytest.mark.parametrize(
    ("query", "not_expected"),
    [
        ("Fusion Devices LLC", "Fussion Electronics"),  # real CSL entry, another sector
        ("Galaxy Components Inc.", "GALAX INC."),  # real CSL entry, a longer word
        ("Tian Trading GmbH", "Tian Yi"),  # one of two words
    ],
)
def test_near_names_of_other_parties_are_clear(screener: Screener, query: str, not_expected: str) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] == "clear", (out["top_match_name"], out["top_match_score"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("MEHRB ANK", "MEHR BANK"),
        ("AECC HARBIN DONGAN ENGINE CO LDT", "AECC Harbin Dongan Engine"),
        ("KASB INTL ЛЛК", "KASB"),
    ],
)
def test_moved_spaces_and_mangled_legal_forms_still_match(
    screener: Screener, query: str, expected: str
) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] != "clear" and expected.upper() in out["top_match_name"].upper()


def test_cyrillic_spelling_with_a_typo_is_found(screener: Screener) -> None:
    # "HUAWEI TECHNOLOGIES" written in Cyrillic letters, one letter dropped
    out = screener.screen(pd.DataFrame({"name": ["ХУАWЕИ ТЕКХНОЛОГИЕ"]})).iloc[0]
    assert out["disposition"] != "clear"
    assert "HUAWEI" in out["top_match_name"].upper()


def test_a_doubled_letter_does_not_make_a_surname_an_article() -> None:
    # LEE folds to the skeleton LE (the French article) but is a surname; OOOO is still the legal form OOO
    assert not is_generic("LEE") and distinctive("Kenji Lee Miller") == "KENJI LEE MILLER"
    assert is_generic("KO") and is_generic("OOOO")


def test_h_and_ph_written_in_cyrillic_come_back_to_their_skeleton() -> None:
    # Latin H written Х comes back KH, PH written ПХ comes back PKH
    assert skeleton("KHK") == skeleton("HK") and skeleton("KHTTS") == skeleton("HTTS")
    assert skeleton("PKHEAP") == skeleton("PHEAP")


def test_an_extra_word_and_a_near_miss_are_two_differences() -> None:
    def weight(_: str) -> float:
        return 3.0

    found = word_alignment("KENI LE MILER", "KEN MILER", weight)  # KENJI LEE MILLER / KEN MILLER
    assert found.extra == ("LE",) and found.approximate == (("KENI", "KEN"),)
    assert "two differences" in (found.two_differences() or "")
    # LI and LE are both near LEI: only one of them can be LEI, the other is a name part of its own
    assert word_alignment("LI ZHANG LE", "ZHANG LEI", weight).two_differences()
    assert word_alignment("KEN LE MILER", "KEN MILER", weight).two_differences() is None  # a middle name
    assert word_alignment("KEN MILR", "KEN MILER", weight).two_differences() is None  # a typo
    # vowels of a romanised name vary (MOHAMMAD / MUHAMMAD): not a second difference
    assert word_alignment("MUHAMAD ALI HAN", "MOHAMAD HAN", weight).two_differences() is None
    assert rearranged("ZARON BIO TEC HASIA LIMITED", "ZARON BIO-TECH (ASIA) LIMITED")  # a moved space


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kenji Lee Miller", "Ken Miller"),  # KENJI ~ KEN and LEE extra (ITAR debarred Ken Miller)
        ("Pieter Lee Zhang", "Peter Zhang"),  # PIETER ~ PETER and LEE extra
        ("Li Zhang Lee", "ZHANG, Lei"),  # LI and LEE both near LEI; one of them is a name of its own
    ],
)
def test_two_differences_stay_listed_below_review(screener: Screener, query: str, listed: str) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] == "clear"
    assert any(m["name"] == listed and "two differences" in " ".join(m["reasons"]) for m in out["matches"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ken Lee Miller", "Ken Miller"),  # a middle name only
        ("KEN MILER", "Ken Miller"),  # a typo only
        ("Peter Zhnag", "Peter Zhang"),
        ("KA CHIU LEE", "LEE, Ka Chiu"),  # LEE is a name part
        ("ZARON BIO TEC HASIA LIMITED", "ZARON BIO-TECH (ASIA) LIMITED"),  # a space moved
        ("ТРЙ ПХЕАП ПРОПЕРТЙ КО ЛТД", "TRY PHEAP PROPERTY CO."),  # Cyrillic spelling
        ("JАДЕСХИНЕ ЕНГИНЕЕРИНГ ХК КО", "Jadeshine Engineering"),
    ],
)
def test_noisy_listed_names_stay_hits(screener: Screener, query: str, expected: str) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] != "clear", (out["top_match_name"], out["top_match_score"])
    assert out["top_match_name"].upper().startswith(expected.upper())


@pytest.mark.parametrize(
    ("query", "listed", "rule"),
    [
        ("AAI Corporation", "AAJ", "short name"),  # an IEEE-registered firm; AAJ is on the SDN list
        ("ABA Electronics Technology Co., Ltd.", "ABBA", "short name"),
        ("Fusion X Co., Ltd.", "Fussion Electronics Co., Ltd.", "common word respelt"),
        # a doubled letter is no moved space
        ("Fusion", "Fussion Electronics Co., Ltd.", "common word respelt"),
        ("Green House Co., Ltd.", "GURGEN HOUSE OOO", "common word respelt"),
        ("Infinite Networks Ltd.", "INFINITY", "common word respelt"),  # two different English words
        ("Agora", "AGOR LTD", "short name"),
        ("Bright Star Ltd", "BRIGHT", "common word name"),  # BRIGHT alone is no identity
        ("E-Motion System, Inc.", "MOTION", "common word name"),
        ("Andes Technology Corporation", "BANDES", "letters in front"),
        # an IEEE-registered firm against an SDN name: they share a trade, not a name
        ("Dayna Communications, Inc.", "CHINA COMMUNICATIONS GROUP CO. LTD", "only common words agree"),
    ],
)
def test_names_that_agree_only_as_other_firms_do_stay_below_review(
    screener: Screener, query: str, listed: str, rule: str
) -> None:
    out = screener.screen(pd.DataFrame({"name": [query]})).iloc[0]
    assert out["disposition"] == "clear"
    hit = [m for m in out["matches"] if m["name"] == listed]
    assert hit and any(r.startswith(rule) for r in hit[0]["reasons"])
    assert hit[0]["score"] <= TWO_DIFFERENCES_CAP


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AAJ", "AAJ"),  # the short name itself
        ("ABBA LLC", "ABBA"),
        ("KSK", "CSC"),  # CSC written in Cyrillic (КСК) and back: a transliteration swap, not another name
        ("Fussion Electronics", "Fussion Electronics Co., Ltd."),
        ("Elektron", "Electron"),  # common word against its transliteration: how Cyrillic names come back
        ("Petro Rand FZE", "PETRO GRAND FZE"),  # the rare PETRO spelt alike carries it: RAND is a typo
        ("Bright", "BRIGHT"),
        ("Apex Microsystems", "OOO APEX"),  # one distinctive word each, the same
        ("Andes", "Andes"),
        ("Khesong Trading", "HESONG TRADING COMPANY"),  # Х comes back KH: no letter put in front
        ("Scot Communications", "SCOTT COMMUNICATIONS, INC."),  # SCOT / SCOTT: a typo, not another firm
        ("Скотт Коммуникатионс", "SCOTT COMMUNICATIONS, INC."),  # Cyrillic: the same words
    ],
)
def test_the_name_rules_leave_the_listed_spelling_and_its_transliteration_alone(
    query: str, listed: str
) -> None:
    a, b = distinctive(query).split(), distinctive(listed).split()
    assert all(rule(a, b) is None for rule in NAME_RULES)


def test_word_frequencies_tell_a_dictionary_word_from_a_coined_name() -> None:
    assert is_common_word("FUSION") and is_common_word("GREEN") and is_common_word("COSMOS")
    assert not is_common_word("FUSSION") and not is_common_word("GURGEN") and zipf("SYNERGI") == 0.0
    assert zipf("THE") > zipf("FUSION") > zipf("AIRBORNE") > 3.0


def test_a_dropped_first_letter_inside_a_screened_name_is_a_typo() -> None:
    # YUTRON TECHNOLOGY reordered and its Y dropped: not the first letter of what was written
    assert prefixed(["UTRON"], ["YUTRON"], query_head="TECHNOLOGY") is None
    assert prefixed(["ANDES"], ["BANDES"], query_head="ANDES")
    # a screened word of four letters may be a listed five-letter word with a letter dropped
    assert short_name_differs(["SLID"], ["SOLID"]) is None and short_name_differs(["AGORA"], ["AGOR"])


def test_a_weak_alias_reaches_review_only_word_for_word() -> None:
    # SDN 18068 (data/lists/ofac/sdn.csv): OFAC's weak a.k.a.s 'INGENIERO' and 'EL BLANCO'
    entry = pd.DataFrame(
        {
            "id": ["list:US_SDN:18068"],
            "name": ["OLIVAS CHAIDEZ, Jose"],
            "list": ["US_SDN"],
            "aliases": [["INGENIERO", "EL BLANCO"]],
            "alias_kinds": [["weak", "weak"]],
            "countries": [["MX"]],
        }
    )
    screener = Screener(build_index(entry))
    out = screener.screen(pd.DataFrame({"name": ["Blanca", "El Blanco", "Ingeniero", "Blankom"]}))
    assert out["disposition"].tolist() == ["clear", "review", "review", "clear"]
    capped = out["matches"].iat[0][0]
    assert capped["name"] == "EL BLANCO" and capped["score"] == TWO_DIFFERENCES_CAP
    assert any(r.startswith("weak alias matched approximately") for r in capped["reasons"])
    # BLANKOM is BLANCO (up to C/K) with a letter added at the end: lowered below the cap already
    lowered = out["matches"].iat[3][0]
    assert lowered["score"] < TWO_DIFFERENCES_CAP
    assert any(r.startswith("letters added at the end") for r in lowered["reasons"])


def test_a_shared_trade_or_city_is_no_shared_name() -> None:
    def words(name: str) -> list[str]:
        return [w for w in distinctive(name).split() if not is_generic(w)]

    cudy, dji = words("Shenzhen Cudy Technology Co., Ltd."), words("Shenzhen DJI Technology Co., Ltd.")
    assert (only_common_words_agree(cudy, dji) or "").startswith("only common words agree")
    assert only_common_words_agree(words("Socket Communications"), words("SCOTT COMMUNICATIONS, INC."))
    # a rare word spelt alike is a name: HUAWEI carries the pair whatever else differs
    assert only_common_words_agree(words("Shenzhen Huawei Cloud"), words("Shenzhen Huawei Digital")) is None


@pytest.mark.parametrize(
    "written",
    [
        "ROMASHKA TRADING LLC 😀",
        "🚢 ROMASHKA ❤️ TRADING LLC",
        "ROMASHKA™ TRADING LLC",
        "ROMASHKA TRADING LLC ©",
        "ROMASHKA\tTRADING\r\nLLC",
    ],
)
def test_symbols_spell_no_word_of_a_screened_name(written: str) -> None:
    # anyascii wrote the emoji as GRINNING and NFKC ™ as TM (ROMASHKATM): the listed name was clear.
    entries = pd.DataFrame(
        [
            {
                "id": "el:0",
                "name": "ROMASHKA TRADING LLC",
                "list": "EL",
                "aliases": [],
                "entity_kind": "company",
            }
        ]
    )
    row = Screener(build_index(entries)).screen(pd.DataFrame({"name": [written]})).iloc[0]
    assert (row["top_match_id"], row["disposition"], row["top_match_score"]) == ("el:0", "block", 1.0)
