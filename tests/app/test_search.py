"""Explore's fallback for a misspelt name (``chipwatch.ui.search``), without a store."""

from __future__ import annotations

from chipwatch.ui.search import NameIndex, closest_names
from graph.screening.scoring import distinctive, folded

NAMES = {
    "co:1": "Keystonetek Supplies Trading Co., Ltd.",
    "co:2": "Keystonetek Microsystems B.V.",
    "co:3": "Matrixwave Manufacturing Trading Company Limited",
    "le:1": "AW-MOHAMED, Ahmed Abdi",
}
INDEX = NameIndex(tuple(NAMES), tuple(map(distinctive, NAMES.values())), tuple(map(folded, NAMES.values())))


def test_misspelt_name_finds_the_closest_and_breaks_ties_on_the_whole_name() -> None:
    found = closest_names(INDEX, "Keystontek Microsytems")
    assert [node_id for node_id, _ in found] == ["co:2", "co:1"]
    assert all(85 <= score <= 100 for _, score in found)


def test_word_order_and_punctuation_do_not_matter() -> None:
    assert closest_names(INDEX, "ahmed abdi aw mohamed") == [("le:1", 100.0)]


def test_generic_words_alone_find_nothing() -> None:
    assert closest_names(INDEX, "no such trading company") == []
    assert closest_names(INDEX, "   ") == []
