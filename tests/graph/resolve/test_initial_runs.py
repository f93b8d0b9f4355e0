"""Names compared with themselves match when their initials contain a stop-word letter (A, Y).

Made-up names; the cause was found on real list entries ("A.C. International").
"""

from __future__ import annotations

import pytest

from graph.resolve.compare import Decision, compare
from graph.resolve.features import Record
from graph.resolve.names import normalise_name


def _self(name: str) -> Decision:
    return compare(Record("a", "company", (name,)), Record("b", "company", (name,))).decision


@pytest.mark.parametrize("name", ["A.Q. Widgetworks", "Y.A.Z. CO LTD.", "A A ZEBRON FZCO", "Q. A. Ltd"])
def test_initials_with_a_stop_word_letter_match_themselves(name: str) -> None:
    assert _self(name) is Decision.MATCH


def test_initials_with_a_stop_word_letter_are_distinctive() -> None:
    # Kept, and read as one word with the other letters of the run (initial_runs.joined_runs).
    assert normalise_name("A.Q. Widgetworks").distinctive[0] == "AQ"
    assert normalise_name("Y.A.Z. CO LTD.").distinctive == ("YAZ",)


def test_lone_stop_word_letters_are_still_dropped() -> None:
    # An article or a Spanish "y" between words is no initial.
    assert "A" not in normalise_name("A Zebron Company").distinctive
    assert "Y" not in normalise_name("Banco Zebrano Y Comercio").distinctive


def test_different_initials_do_not_match() -> None:
    a = Record("a", "company", ("A.Q. International",))
    b = Record("b", "company", ("B.Q. International",))
    assert compare(a, b).decision is not Decision.MATCH
