"""The two-way reading shared by the acronym-part, Russian-initialism and compound rules."""

from __future__ import annotations

from dataclasses import dataclass

from graph.resolve.either_way import either_way


@dataclass(frozen=True)
class Hit:
    word: str
    abbreviating: int


def test_the_first_way_wins_and_the_second_is_not_read() -> None:
    def second() -> Hit | None:
        raise AssertionError("read although the first way held")

    assert either_way(lambda: Hit("VIT", 0), second) == Hit("VIT", 0)


def test_the_second_way_is_marked() -> None:
    assert either_way(lambda: None, lambda: Hit("GSKB", 0)) == Hit("GSKB", 1)


def test_neither_way() -> None:
    assert either_way(lambda: None, lambda: None) is None
