"""A legal form is not cut from inside dotted initials (made-up names; found on real list entries)."""

from __future__ import annotations

import pytest

from graph.resolve.compare import Decision, compare
from graph.resolve.dotted_initials import dotted_groups, join_split_groups
from graph.resolve.features import Record
from graph.resolve.names import fold, normalise_name


def _self(name: str) -> Decision:
    return compare(Record("a", "company", (name,)), Record("b", "company", (name,))).decision


@pytest.mark.parametrize("name", ["Q.A.S.", "Z.P.C.", "Q.Z.A.S.", "Z.Z.P.C."])
def test_initials_ending_like_a_form_match_themselves(name: str) -> None:
    # A/S (Danish) and P.C. (US) are the last letters of these initials, not their legal form.
    assert _self(name) is Decision.MATCH


def test_initials_ending_like_a_form_are_one_word() -> None:
    form = normalise_name("Q.A.S.")
    assert form.distinctive == ("QAS",)
    assert form.legal_form is None
    assert normalise_name("Z.Z.P.C.").distinctive == ("ZZPC",)


@pytest.mark.parametrize(
    ("name", "kept", "form"), [("ZEBRON S.A.", ("ZEBRON",), "S A"), ("Q.B. S.A.", ("Q", "B"), "S A")]
)
def test_a_form_written_as_its_own_initials_is_still_cut(name: str, kept: tuple[str, ...], form: str) -> None:
    read = normalise_name(name)
    assert read.distinctive == kept
    assert read.legal_form_text == form


def test_different_initials_do_not_match() -> None:
    a = Record("a", "company", ("Q.A.S.",))
    b = Record("b", "company", ("Q.A.T.",))
    assert compare(a, b).decision is not Decision.MATCH


def test_groups_and_joins() -> None:
    assert dotted_groups("Q.A.S. and P.AD", fold) == [("Q", "A", "S")]
    assert join_split_groups(["Q", "A", "S"], ["Q"], "A S", [("Q", "A", "S")]) == ["QAS"]
    assert join_split_groups(["ZEBRON", "S", "A"], ["ZEBRON"], "S A", [("S", "A")]) is None


@pytest.mark.parametrize(
    ("name", "tokens", "form"),
    [
        # A form already cut: the letters after it stay letters, dotted or not.
        ("T.E.G. LIMITED", ("T", "E", "G"), "LIMITED"),
        ("T E G LIMITED", ("T", "E", "G"), "LIMITED"),
        ("Q.A.S. GMBH", ("Q", "A", "S"), "GMBH"),
        # Dots alone: the group the form would split is one word.
        ("T.E.G.", ("TEG",), ""),
        ("Q.S.A.R.L.", ("QSARL",), ""),
        # Dots judged on everything cut: the next form (S) finishes the group A R L began.
        ("ZEBRON S.A.R.L.", ("ZEBRON",), "S A R L"),
        # Neither: spaced letters at the end are the form.
        ("T E G", ("T",), "E G"),
    ],
)
def test_both_pieces_of_evidence_for_initials(name: str, tokens: tuple[str, ...], form: str) -> None:
    read = normalise_name(name)
    assert read.tokens == tokens
    assert read.legal_run == form
