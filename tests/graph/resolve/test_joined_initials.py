"""A company's initials written with dots, spaces or together are one name (S.M.G. / SMG).

Made-up names of the shapes of real list entries ("S.M.G.", "E.C.A. S.A.", "M.A.T.S.A. S.A. DE
C.V."), which did not match the same letters written together: trade data and registries drop
the dots.
"""

from __future__ import annotations

import pytest

from graph.resolve.compare import Decision, compare
from graph.resolve.features import Record
from graph.resolve.initial_runs import joined_runs
from graph.resolve.names import normalise_name
from tests.graph.resolve.scoring_pairs import batch_equals_compare


def _decision(a: str, b: str, kind: str = "company") -> Decision:
    return compare(Record("a", kind, (a,)), Record("b", kind, (b,))).decision


@pytest.mark.parametrize(
    ("dotted", "together"),
    [
        # Letters out of alphabetical order: the sorted words ("M Q Z") no longer spell them.
        ("Z.Q.M.", "ZQM"),
        ("Z Q M", "ZQM"),
        ("X.Q.E. S.A.", "XQE SA"),
        ("Z.Q.B. D.O.O.", "ZQB DOO"),
        ("Z.T.Q.M.A. S.A. DE C.V.", "ZTQMA SA DE CV"),
        ("X.Q.Q.E.", "XQQE"),
        ("X.Q.Z. INTERNATIONAL CO. LTD.", "XQZ INTERNATIONAL CO LTD"),
    ],
)
def test_initials_match_the_letters_written_together(dotted: str, together: str) -> None:
    assert _decision(dotted, together) is Decision.MATCH


@pytest.mark.parametrize(("a", "b"), [("Z.Q.M.", "ZQX"), ("Z.Q.M.", "MQZ"), ("Z Q M", "Z.Q.X.")])
def test_other_letters_or_order_stay_other_names(a: str, b: str) -> None:
    assert _decision(a, b) is not Decision.MATCH


def test_a_run_is_one_word_and_lone_letters_stay() -> None:
    assert joined_runs(("S", "M", "G", "TRADING", "Q", "X", "Y")) == ("SMG", "TRADING", "QXY")
    assert joined_runs(("ZEBRON", "Q", "TRADING")) == ("ZEBRON", "Q", "TRADING")
    assert normalise_name("S.M.G. TRADING").distinctive == normalise_name("SMG TRADING").distinctive


def test_person_initials_are_still_single_letters() -> None:
    # A person's initials are aligned one by one (graph.resolve.align), not joined.
    assert normalise_name("J. Q. Zebrowski", "person").distinctive == ("J", "Q", "ZEBROWSKI")


def test_initials_of_a_namesake_inside_a_company_name_may_be_left_out() -> None:
    assert _decision("PLANT NAMED AFTER Q.Z. ZEBROVSKY", "PLANT NAMED AFTER ZEBROVSKY") is Decision.MATCH


def test_a_run_is_letters_standing_together_as_written() -> None:
    # A dropped word between letters ends the run; a run spelling a dropped word is initials.
    assert joined_runs(("Q", "E", "Z", "DE", "R", "L"), {"DE"}) == ("QEZ", "RL")
    assert joined_runs(("D", "E", "ZEBRON"), {"DE"}) == ("DE", "ZEBRON")
    assert joined_runs(("A", "ZEBRON"), {"A"}) == ("ZEBRON",)


def test_dotted_groups_in_a_run_stay_words_of_their_own() -> None:
    assert normalise_name("Q.G.Z. D.O.O. ZA TRGOVINU").distinctive[:2] == ("QGZ", "DOO")
    assert (
        normalise_name("ZEBRON B.I., P.T.Q. RAD").distinctive
        == normalise_name("ZEBRON BI PTQ RAD").distinctive
    )
    # A lone stop-word letter beside a dotted group is the word ("and"), not an initial.
    assert joined_runs(("Q", "P", "Z", "Y", "ZEBRON"), {"Y"}, [("Q", "P", "Z")]) == ("QPZ", "ZEBRON")


def test_the_batch_scores_initials_as_compare_does() -> None:
    batch_equals_compare(
        [
            ("Z.Q.M.", "ZQM"),
            ("X.Q.E. S.A.", "XQE SA"),
            ("Z.Q.M.", "ZQX"),
            ("PLANT NAMED AFTER Q.Z. ZEBROVSKY", "PLANT NAMED AFTER ZEBROVSKY"),
            ("Q.G.Z. D.O.O. ZA TRGOVINU", "QGZ DOO ZA TRGOVINU"),
        ],
        kind="company",
    )
