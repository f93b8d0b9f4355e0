"""Scorer details: transliteration skeletons, generic words, rare-word coverage of the list name."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.screening.index import ListIndex
from graph.screening.scoring import distinctive, is_generic, rare_alignment, skeleton
from graph.screening.screen import Screener


@pytest.mark.parametrize(
    ("a", "b"),
    [("CHITRON", "KKHITRON"), ("PANACEA", "PANAKEA"), ("MIKHAIL", "MIHAIL"), ("YUSUF", "IUSUF")],
)
def test_transliteration_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_acronyms_keep_their_letters() -> None:
    assert skeleton("CJNG") == "CJNG"
    assert skeleton("KING") != skeleton("CJNG")


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


def test_cyrillic_spelling_with_a_typo_is_found(screener: Screener) -> None:
    # "HUAWEI TECHNOLOGIES" written in Cyrillic letters, one letter dropped
    out = screener.screen(pd.DataFrame({"name": ["ХУАWЕИ ТЕКХНОЛОГИЕ"]})).iloc[0]
    assert out["disposition"] != "clear"
    assert "HUAWEI" in out["top_match_name"].upper()
