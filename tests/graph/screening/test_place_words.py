"""Screening reads places from resolution's gazetteer: a city English text seldom writes (NINGBO,
DONGGUAN, DALIAN; Zipf below ``WORD_ZIPF``) is a place to the screener as SHENZHEN is, so a shared
city carries no hit on its own, while a listed firm of that city is still found."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.screening.index import build_index
from graph.screening.name_rules import WORD_ZIPF, listed_word_missing, only_common_words_agree, place_words
from graph.screening.scoring import TWO_DIFFERENCES_CAP, distinctive, is_generic
from graph.screening.screen import Screener
from graph.words import zipf


def _words(name: str) -> list[str]:
    return [w for w in distinctive(name).split() if not is_generic(w)]


def _entry(eid: str, name: str) -> dict[str, object]:
    return {"id": eid, "name": name, "list": "US_EL", "aliases": [], "alias_kinds": [], "countries": ["CN"]}


@pytest.fixture(scope="module")
def screener() -> Screener:
    entries = pd.DataFrame(
        [
            _entry("el:dongguan-dji", "DONGGUAN DJI TECHNOLOGY CO LTD"),
            _entry("el:ningbo-socket", "NINGBO SOCKET COMMUNICATIONS"),
            _entry("el:ningbo-zhonghe", "NINGBO ZHONGHE ROBOTICS CO LTD"),
            _entry("el:ningbo-huaxin", "NINGBO HUAXIN ELECTRONIC CO LTD"),
            _entry("el:dalian-kangda", "DALIAN KANGDA"),
            _entry("el:xiamen-huaxin", "XIAMEN HUAXIN"),
            _entry("el:dongguan-zhonghe", "DONGGUAN ZHONGHE"),
        ]
    )
    return Screener(build_index(entries))


def test_cities_english_seldom_writes_are_places() -> None:
    assert all(zipf(city) < WORD_ZIPF for city in ("NINGBO", "DONGGUAN", "DALIAN"))
    assert place_words(["DONGGUAN", "HUAXIN"]) == {"DONGGUAN"}
    assert place_words(["NINGBO", "DALIAN", "ROBOTICS"]) == {"NINGBO", "DALIAN"}
    assert place_words(["HONG", "KONG", "HUAXIN"]) == {"HONG", "KONG"}  # a phrase of two words
    assert place_words(["HUAXIN", "ZHONGHE"]) == frozenset()


def test_a_shared_city_is_no_shared_name_whatever_its_frequency() -> None:
    reason = only_common_words_agree(_words("Dongguan Cudy Technology"), _words("Dongguan DJI Technology"))
    assert (reason or "").startswith("only common words agree") and "(DONGGUAN: a place)" in (reason or "")
    missing = listed_word_missing(_words("Ningbo Robotics Co"), _words("Ningbo Zhonghe Robotics Co"))
    assert (missing or "").startswith("listed word missing") and "(NINGBO: a place)" in (missing or "")
    # a rare word spelt alike is a name: HUAXIN carries the pair, and the rules leave it to the score
    assert (
        only_common_words_agree(_words("Dongguan Huaxin Electronic"), _words("Ningbo Huaxin Electronic"))
        is None
    )
    assert listed_word_missing(_words("Ningbo Huaxin"), _words("Ningbo Huaxin Zhonghe")) is None


@pytest.mark.parametrize(
    ("query", "listed", "rule"),
    [
        # main: review at 0.90, where SHENZHEN CUDY / SHENZHEN DJI is capped (SHENZHEN has Zipf 3.2)
        ("DONGGUAN CUDY TECHNOLOGY CO LTD", "DONGGUAN DJI TECHNOLOGY CO LTD", "only common words agree"),
        ("NINGBO SCOTT COMMUNICATIONS", "NINGBO SOCKET COMMUNICATIONS", "only common words agree"),
        # main: review at 0.73, the listed firm's own word missing
        ("NINGBO ROBOTICS CO LTD", "NINGBO ZHONGHE ROBOTICS CO LTD", "listed word missing"),
    ],
)
def test_firms_sharing_only_a_city_stay_below_review(
    screener: Screener, query: str, listed: str, rule: str
) -> None:
    out = screener.screen(pd.DataFrame({"name": [query], "country": [""]})).iloc[0]
    assert out["disposition"] == "clear", (out["top_match_name"], out["top_match_score"])
    hit = [m for m in out["matches"] if m["name"] == listed]
    assert hit and hit[0]["score"] <= TWO_DIFFERENCES_CAP
    reasons = [r for r in hit[0]["reasons"] if r.startswith(rule)]
    assert reasons and ": a place)" in reasons[0], hit[0]["reasons"]


def test_the_same_words_in_another_city_stay_below_review(screener: Screener) -> None:
    out = screener.screen(pd.DataFrame({"name": ["DONGGUAN HUAXIN ELECTRONIC CO LTD"], "country": ["CN"]}))
    assert out["disposition"].iat[0] == "clear"


@pytest.mark.parametrize(
    ("query", "listed", "disposition"),
    [
        ("NINGBO HUAXIN ELECTRONIC CO LTD", "NINGBO HUAXIN ELECTRONIC CO LTD", "block"),
        ("NINGBO HUAXIN ELECTRONICS CO., LTD.", "NINGBO HUAXIN ELECTRONIC CO LTD", "block"),
        ("NINGBO ZHONGHE ROBOTIC CO", "NINGBO ZHONGHE ROBOTICS CO LTD", "block"),
        ("DONGGUAN DJI TECHNOLOGY CO LTD", "DONGGUAN DJI TECHNOLOGY CO LTD", "block"),
    ],
)
def test_a_listed_firm_of_the_city_is_still_found(
    screener: Screener, query: str, listed: str, disposition: str
) -> None:
    out = screener.screen(pd.DataFrame({"name": [query], "country": ["CN"]})).iloc[0]
    assert (out["disposition"], out["top_match_name"]) == (disposition, listed)
