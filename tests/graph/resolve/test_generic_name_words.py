"""The word-by-word test screening asks before it reads a name
(graph.resolve.generic_names.may_be_generic_name)."""

from __future__ import annotations

import pytest

from graph.resolve.generic_names import is_generic_name, may_be_generic_name
from graph.resolve.names import normalise_name


@pytest.mark.parametrize(
    "name",
    [
        "High Technology, Ltd",
        "HIGH TECHNOLOGIES LTD",
        "Engineering Solutions Pvt. Ltd.",
        "TECHNO LAB",
        "Semi Electronics Co.",
        "LIMITED LIABILITY COMPANY DIGITAL TECHNOLOGIES",
        "AO Scientific Research",
        "THE HIGH TECHNOLOGIES CO., LTD.",
    ],
)
def test_the_word_test_lets_every_generic_name_through(name: str) -> None:
    # A name the test turned away would never be read, so never sent to review by screening.
    assert is_generic_name(normalise_name(name, "company"))
    assert may_be_generic_name(name)


@pytest.mark.parametrize(
    "name", ["HIGH TECHNOLOGY ZHUHAI LTD", "ACME ENGINEERING SOLUTIONS", "IVANOV IVAN", "12TH ENERGY"]
)
def test_the_word_test_turns_away_a_name_with_a_word_of_its_own(name: str) -> None:
    assert not may_be_generic_name(name)
