"""A place qualifying a name ("PJSC VTB BANK (KIEV)") or a country written two ways (KOREAN / DPRK):
the name without its places is the same name, but two names in two places stay two bodies."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.major_cities import major_cities
from graph.resolve.place_qualifiers import (
    compatible,
    gazetteer,
    place_conflict,
    place_key,
    place_split,
    reads_alone,
    stands_alone,
)
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec


@pytest.mark.parametrize(
    ("text", "kept", "places"),
    [
        ("PJSC VTB BANK (KIEV)", "PJSC VTB BANK", ("KIEV",)),
        ("MSP KALA NAFT CO. TEHRAN", "MSP KALA NAFT CO.", ("TEHRAN",)),
        ("AL-HARAMAIN : PAKISTAN BRANCH", "AL-HARAMAIN", ("PAKISTAN",)),
        ("JUND AL-KHILAFAH IN ALGERIA", "JUND AL-KHILAFAH", ("ALGERIA",)),
        ("MUJAHIDIN SHURA COUNCIL IN THE ENVIRONS OF JERUSALEM", "MUJAHIDIN SHURA COUNCIL", ("JERUSALEM",)),
        (
            "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
            "FOREIGN TRADE BANK",
            ("DEMOCRATIC PEOPLES REPUBLIC OF KOREA",),
        ),
        ("NORTH KOREA'S FOREIGN TRADE BANK", "FOREIGN TRADE BANK", ("NORTH KOREA",)),
        ("KOREAN COMMITTEE FOR SPACE TECHNOLOGY", "COMMITTEE FOR SPACE TECHNOLOGY", ("KOREAN",)),
    ],
)
def test_places_are_found_with_the_words_attaching_them(
    text: str, kept: str, places: tuple[str, ...]
) -> None:
    split = place_split(text)
    assert split is not None
    assert split.kept == kept
    assert tuple(p.phrase for p in split.places) == places


@pytest.mark.parametrize(
    "text",
    [
        "Onyx Components Ltd",
        "GLOBAL ISLAND TRADING LLC",  # rigour names places GLOBAL and ISLAND too: words here
        "DELTA CENTRAL INDUSTRIES",  # province names that are ordinary words
        "CHINA",  # nothing of a name would be left
    ],
)
def test_words_that_are_not_places_here(text: str) -> None:
    assert place_split(text) is None


def test_a_city_fits_its_country_and_korean_either_korea() -> None:
    assert compatible(place_key("VTB BANK (KIEV)"), place_key("VTB BANK (UKRAINE)"))
    assert compatible(place_key("KOREAN COMMITTEE"), place_key("DPRK COMMITTEE"))
    assert not compatible(place_key("VTB BANK (KIEV)"), place_key("VTB BANK (MOSCOW)"))
    # Two cities of one country are two places, whatever country both also write.
    assert not compatible(place_key("CHINA BUREAU NANJING"), place_key("CHINA BUREAU SHANGHAI"))


def test_what_is_left_must_be_a_name_on_its_own() -> None:
    assert stands_alone("PJSC VTB BANK (KIEV)")
    assert reads_alone("MSP KALA NAFT CO. TEHRAN")
    assert not reads_alone("PJSC VTB BANK (KIEV)")  # in brackets: only beside the same place
    assert not reads_alone("VTB BANK GEORGIA JOINT STOCK COMPANY")  # a national subsidiary
    assert reads_alone("KOREA RUNGRADO GENERAL TRADING CORPORATION")  # a country designating it
    assert not stands_alone("NATIONAL IRANIAN OIL COMPANY")  # NATIONAL OIL COMPANY is no one's name
    assert not stands_alone("SYRIAN GENERAL INTELLIGENCE DIRECTORATE")  # an adjective names the body


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # main: 0.21, 0.56, 0.20, 0.12, 0.26.
        ("PJSC VTB BANK (KIEV)", "VTB BANK, PJSC (UKRAINE)"),
        ("MSP KALA NAFT CO. TEHRAN", "MSP KALANAFT"),
        ("KOREAN COMMITTEE FOR SPACE TECHNOLOGY", "DPRK COMMITTEE FOR SPACE TECHNOLOGY"),
        (
            "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
            "NORTH KOREA'S FOREIGN TRADE BANK",
        ),
        ("MUJAHIDIN SHURA COUNCIL IN THE ENVIRONS OF JERUSALEM", "MUJAHIDEEN SHURA COUNCIL"),
    ],
)
def test_a_name_with_a_place_matches_the_name_without(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert "place_qualifier" in reasons(m)
    batch_equals_compare([(a, b)], "company")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("VTB BANK (KIEV)", "VTB BANK (MOSCOW)"),  # two branches in two places
        ("Sun Semiconductor Inc. (Taichung)", "Sun Semiconductor Inc."),  # a bracketed place tells two apart
        ("VTB BANK GEORGIA JOINT STOCK COMPANY", "VTB BANK PUBLIC JOINT STOCK COMPANY"),
        ("NATIONAL IRANIAN OIL COMPANY", "NATIONAL OIL COMPANY"),  # the place was the name
        ("Huawei Cloud Shanghai", "Huawei Cloud Shenzhen"),  # a place rigour does not know
        ("National Supercomputing Center Jinan", "National Supercomputing Center Wuxi"),
        ("Beijing Huawei Digital Technologies Co., Ltd.", "Huawei Technologies Co., Ltd."),
        (
            "China Communications Construction Company Guangzhou Waterway Bureau",
            "China Communications Construction Company Shanghai Waterway Bureau",
        ),
    ],
)
def test_places_that_differ_or_were_the_name_stay_apart(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision != Decision.MATCH
    batch_equals_compare([(a, b)], "company")


def test_two_places_that_differ_count_against() -> None:
    # main: 0.90, a match (THAILAND and NETHERLANDS alike enough to be partner words).
    m = compare(rec("Huawei Cloud Thailand"), rec("Huawei Cloud Netherlands"))
    assert m.decision != Decision.MATCH
    assert "place_conflict" in reasons(m)
    batch_equals_compare([("Huawei Cloud Thailand", "Huawei Cloud Netherlands")], "company")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gazprom Transgaz Samara, OOO", "GAZPROM TRANSGAZ SAMAR OOO"),  # a misspelled place
        (
            "MARITIME ADMINISTRATION OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
            "MARIIME ADMINISTRATION OF THE DEMOCRATIC PEOPLE S REPUBLIC OF KOREA",
        ),
    ],
)
def test_one_place_misspelled_is_no_conflict(a: str, b: str) -> None:
    assert not place_conflict(a, b)
    assert compare(rec(a), rec(b)).decision == Decision.MATCH


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("SHENZHEN HUAXIN ELECTRONIC TECHNOLOGY CO LTD", "SHENZHEN", "cn"),
        ("GUANGZHOU HUAXIN ELECTRONIC TECHNOLOGY CO LTD", "GUANGZHOU", "cn"),
        ("DALIAN XINGHAI TRADING CO", "DALIAN", "cn"),
        ("XIAMEN KAIHUA IMPORT AND EXPORT CO", "XIAMEN", "cn"),
        ("NINGBO JINTAI ELECTRONICS CO LTD", "NINGBO", "cn"),
        ("DONGGUAN YUHUA PLASTIC CO", "DONGGUAN", "cn"),
        ("MUMBAI RAJVEER EXPORTS PVT LTD", "MUMBAI", "in"),
        ("KARACHI ZAFAR TRADERS", "KARACHI", "pk"),
    ],
)
def test_the_cities_companies_are_named_after_are_places(text: str, place: str, country: str) -> None:
    # main: no place (rigour holds countries, subdivisions and capitals, not these cities).
    split = place_split(text)
    assert split is not None
    assert [(p.phrase, p.countries) for p in split.places] == [(place, frozenset({country}))]


def test_a_city_of_a_million_that_is_a_word_or_a_given_name_is_no_place() -> None:
    cities = major_cities()
    # Cities of a million in GeoNames, kept out by the common-word (Zipf), given-name and
    # not-a-place filters: the words of a company's name here.
    for city in ("LONDON", "CHICAGO", "DALLAS", "MILAN", "PHOENIX", "QUEENS"):
        assert city in cities
        assert city not in gazetteer()
    assert place_split("DALLAS SEMICONDUCTOR CORP") is None
    assert place_split("PHOENIX TECHNOLOGIES LTD") is None
    assert place_split("QUEENS TRADING LLC") is None


def test_a_city_name_of_two_countries_is_either() -> None:
    assert major_cities()["HYDERABAD"] == frozenset({"in", "pk"})
    assert compatible(place_key("ZAFAR TRADERS HYDERABAD"), place_key("ZAFAR TRADERS (PAKISTAN)"))
    assert compatible(place_key("ZAFAR TRADERS HYDERABAD"), place_key("ZAFAR TRADERS (INDIA)"))


def test_sibling_companies_in_two_cities_stay_apart_for_the_place() -> None:
    a, b = "SHENZHEN HUAXIN ELECTRONIC TECHNOLOGY CO LTD", "GUANGZHOU HUAXIN ELECTRONIC TECHNOLOGY CO LTD"
    assert place_conflict(a, b)
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.NO
    # The place conflict is counted once, as the words each name keeps (SHENZHEN vs GUANGZHOU),
    # and the reason says they are two places.
    assert "each name writes a place, and they differ (SHENZHEN vs GUANGZHOU)" in reasons(m)["unpaired_words"]
    batch_equals_compare([(a, b)], "company")


def test_the_name_without_its_city_matches_the_name_written_without() -> None:
    # main: 0.986, a match on the names' letters alone, SHENZHEN a word HUAXIN lacks.
    a, b = "HUAXIN ELECTRONIC TECHNOLOGY CO LTD", "SHENZHEN HUAXIN ELECTRONIC TECHNOLOGY CO LTD"
    m = compare(rec(a), rec(b))
    assert m.decision == Decision.MATCH
    assert m.score > 0.9861
    assert "SHENZHEN" in reasons(m)["place_qualifier"]
    batch_equals_compare([(a, b)], "company")
