"""A legal form is not cut from inside dotted initials (made-up names; found on real list entries)."""

from __future__ import annotations

import pytest

from graph.resolve.compare import Decision, compare
from graph.resolve.dotted_initials import dotted_groups, join_dotted_forms, join_split_groups
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
    ("name", "kept", "form"), [("ZEBRON S.A.", ("ZEBRON",), "S A"), ("Q.B. S.A.", ("QB",), "S A")]
)
def test_a_form_written_as_its_own_initials_is_still_cut(name: str, kept: tuple[str, ...], form: str) -> None:
    read = normalise_name(name)
    assert read.distinctive == kept
    assert read.legal_form_text == form


def test_initials_opened_by_two_letters_are_one_word() -> None:
    # "AR.P.C.": read as AR and the US form P.C., it no longer matched the clerk's "ARPC".
    assert normalise_name("AR.P.C.").distinctive == ("ARPC",)
    assert dotted_groups("AR.P.C. and SH.A.", fold) == [("AR", "P", "C"), ("SH", "A")]
    assert (
        compare(Record("a", "company", ("AR.P.C.",)), Record("b", "company", ("ARPC",))).decision
        is Decision.MATCH
    )
    # Two letters dotted before another word stay apart (CO.LTD.).
    assert dotted_groups("ALPHA CO.LTD.", fold) == []


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
        # A dotted group ending the name that spells a form is that one form.
        ("ZEBRON S.A.R.L.", ("ZEBRON",), "SARL"),
        # Neither: spaced letters at the end are the form, after a word of the name ...
        ("ACME T E G", ("ACME", "T"), "E G"),
        # ... but not when the cut would leave a letters-only name one letter (graph.resolve.bare_names).
        ("T E G", ("T", "E", "G"), ""),
    ],
)
def test_both_pieces_of_evidence_for_initials(name: str, tokens: tuple[str, ...], form: str) -> None:
    read = normalise_name(name)
    assert read.tokens == tokens
    assert read.legal_run == form


@pytest.mark.parametrize(
    ("dotted", "plain", "form"),
    [
        ("ZEBRON S.A.R.L.", "ZEBRON SARL", "SARL"),  # was the form "A R L" after an S
        ("AVIANDINA S.A.C.", "AVIANDINA SAC", "SAC"),  # was "A C"
        ("FONDATION SECOURS MONDIAL A.S.B.L.", "FONDATION SECOURS MONDIAL ASBL", "ASBL"),  # no form
        ("STICHTING WERELDHULP-BELGIE, V.Z.W.", "STICHTING WERELDHULP-BELGIE VZW", "VZW"),
        ("CYLINDER SYSTEM L.T.D.", "CYLINDER SYSTEM LTD", "LTD"),
        # A clerk's letters written apart, the longest run ending the name that spells a form.
        ("G & M AUTOS S A C", "G & M AUTOS SAC", "SAC"),
        ("MACHINE SAZI ARAK COMPANY P J S C", "MACHINE SAZI ARAK PJSC", "PJSC"),
    ],
)
def test_a_form_written_with_dots_is_that_form(dotted: str, plain: str, form: str) -> None:
    read = normalise_name(dotted)
    assert read.legal_form_text == form
    assert read.tokens == normalise_name(plain).tokens
    result = compare(Record("a", "company", (dotted,)), Record("b", "company", (plain,)))
    assert result.decision is Decision.MATCH, result.reasons


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        # Inside a name, dotted letters are initials even when they spell a form (AA, SPR).
        ("JSC Plant Named After A.A. Kulakov", ("PLANT", "KULAKOV")),
        ("AGRICOLA TAVO S.P.R. DE R.L.", ("AGRICOLA", "TAVO")),
        # A name that is only a dotted group is its initials.
        ("C.T.R.", ("C", "T", "R")),
        ("P.C.C. (SINGAPORE) PRIVATE LIMITED", ("SINGAPORE", "P", "C", "C")),
    ],
)
def test_dotted_letters_inside_or_alone_are_not_joined_into_a_form(
    name: str, tokens: tuple[str, ...]
) -> None:
    assert normalise_name(name).tokens == tokens


def test_join_dotted_forms() -> None:
    def is_form(key: tuple[str, ...]) -> bool:
        return key in {("SARL",), ("S", "A"), ("SA",)}

    assert join_dotted_forms(["ZEBRON", "S", "A", "R", "L"], [("S", "A", "R", "L")], is_form) == [
        "ZEBRON",
        "SARL",
    ]
    # Letters apart already a form: read as written.
    assert join_dotted_forms(["ZEBRON", "S", "A"], [("S", "A")], is_form) == ["ZEBRON", "S", "A"]
    # Not at the end, or the whole name: left alone.
    assert join_dotted_forms(["S", "A", "R", "L", "X"], [("S", "A", "R", "L")], is_form) == [
        "S",
        "A",
        "R",
        "L",
        "X",
    ]
    assert join_dotted_forms(["S", "A", "R", "L"], [("S", "A", "R", "L")], is_form) == ["S", "A", "R", "L"]
    # Undotted: the longest run of letters ending the name that spells a form.
    assert join_dotted_forms(["ZEBRON", "Q", "S", "A", "R", "L"], [], is_form) == ["ZEBRON", "Q", "SARL"]
    # Dotted: the whole group or nothing (Q.S.A.R.L. is an acronym).
    assert join_dotted_forms(["ZEBRON", "Q", "S", "A", "R", "L"], [("Q", "S", "A", "R", "L")], is_form) == [
        "ZEBRON",
        "Q",
        "S",
        "A",
        "R",
        "L",
    ]


@pytest.mark.parametrize(
    ("name", "tokens", "form"),
    [
        # A typo correction may not take part of dotted initials: not "C E LTD" for CO LTD.
        ("ARCHI CENTRE I.C.E. LTD", ("ARCHI", "CENTRE", "I", "C", "E"), "LTD"),
        ("Tongfang R.I.A. Co., Ltd.", ("TONGFANG", "R", "I", "A"), "CO LTD"),
        # Mexico's rural production company, dotted two ways and mistyped (R.I. for R.L.).
        ("AGRICOLA TAVO S.P.R. DE R.L.", ("AGRICOLA", "TAVO"), "S P R DE R L"),
        ("ALONDRA PRODUCE, S.P.R. DE R.I.", ("ALONDRA", "PRODUCE"), "S P R DE R L"),
        ("GANADERAS 5 MANANTIALES S. DE P.R. DE R.L.", ("GANADERAS", "5", "MANANTIALES"), "S DE P R DE R L"),
    ],
)
def test_typo_corrections_and_long_forms_leave_initials_whole(
    name: str, tokens: tuple[str, ...], form: str
) -> None:
    read = normalise_name(name)
    assert read.tokens == tokens
    assert read.legal_form_text == form


def test_initials_before_a_form_written_two_ways_match() -> None:
    a = Record("a", "company", ("ARCHI CENTRE I.C.E. LIMITED",))
    b = Record("b", "company", ("ARCHI CENTRE I.C.E. LTD",))
    assert compare(a, b).decision is Decision.MATCH
