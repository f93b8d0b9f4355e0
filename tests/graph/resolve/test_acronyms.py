"""Acronyms and ordinals: "PMC WAGNER" is "PRIVATE MILITARY COMPANY WAGNER", "1ST" is "FIRST".

Every rule is all-or-nothing: an acronym must initial a whole run of the other name's words and
the other words of both names must agree; a short acronym alone never matches (the reverted
``f1`` branch let acronyms lend weight to partial matches, and the 100k precision gate failed).
"""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Decision, Record, compare, prepare, score_pairs
from graph.resolve.acronyms import best_collapse, own_acronyms, run_words, spelled_run
from graph.resolve.names import normalise_name
from graph.resolve.ordinals import canonical_numbers


def rec(name: str, *aliases: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name, *aliases))


def features(a: str, b: str) -> set[str]:
    return {r.feature for r in compare(rec(a), rec(b)).reasons}


# --- ordinals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("12TH", "RESEARCH", "INSTITUTE"), ("12", "RESEARCH", "INSTITUTE")),
        (("1ST", "ACADEMY"), ("1", "ACADEMY")),
        (("FIRST", "ACADEMY"), ("1", "ACADEMY")),
        (("SECOND", "RESEARCH", "ACADEMY"), ("2", "RESEARCH", "ACADEMY")),  # one qualifier between
        (("FIRST", "COMPONENTS"), ("FIRST", "COMPONENTS")),  # a brand, not the first of anything
        (("ONE", "MACHINE"), ("ONE", "MACHINE")),  # cardinal words are names
        (("FIRST",), ("FIRST",)),
    ],
)
def test_ordinals_are_written_as_digits_only_where_they_number_a_unit(
    tokens: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert canonical_numbers(tokens) == expected


def test_a_brand_named_first_keeps_its_distinctive_word() -> None:
    assert normalise_name("First Components Ltd").distinctive == ("FIRST",)


def test_one_unit_numbered_three_ways_matches_and_says_why() -> None:
    # Main scored this pair 0.00: "1ST" was the number 1, "FIRST" a word, so the numbers
    # differed (-7) and FIRST was left unpaired (-3).
    a = "China Aerospace Science and Technology Corporation (CASC) 1st Academy 12 Research Institute"
    b = "and China Aerospace Science and Technology Corp First Academy 12th Research Institute"
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH
    ordinal = next(r for r in m.reasons if r.feature == "ordinal")
    assert "FIRST = 1" in ordinal.detail and "12TH = 12" in ordinal.detail
    assert not any(r.feature == "numbers" for r in m.reasons)


def test_a_digit_ordinal_and_the_bare_number_are_one_word() -> None:
    assert compare(rec("46th TSNII Central Scientific Research Institute"), rec("46 TsNII")).decision is (
        Decision.MATCH
    )


def test_different_unit_numbers_still_conflict() -> None:
    m = compare(rec("CASIC First Academy"), rec("CASIC Second Academy"))
    assert m.decision is Decision.NO
    assert any(r.feature == "numbers" for r in m.reasons)


# --- a name's own bracketed acronym ----------------------------------------------------------


def test_a_bracketed_acronym_of_the_names_own_words_is_found_and_left_out() -> None:
    found, kept = own_acronyms("Beijing University of Aeronautics and Astronautics (BUAA)")
    assert [(o.acronym, o.spelled) for o in found] == [
        ("BUAA", "BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS")
    ]
    assert "BUAA" not in kept
    # The bracket may repeat a number the name has: "(CETC 14)" after "… 14th …"; one
    # line-of-business word may be left out of the initials (GROUP).
    found, _ = own_acronyms(
        "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)"
    )
    assert [o.acronym for o in found] == ["CETC 14"]


@pytest.mark.parametrize(
    "name",
    [
        "Acme Trading (UK)",  # two letters: a country, not an acronym
        "Golfrate Holdings (Angola) LDA",  # a word
        "Tian Devices S A de C V (Sapphire)",
        "Acme Widgets (ABC)",  # letters that spell no run of the name
    ],
)
def test_other_brackets_stay(name: str) -> None:
    assert own_acronyms(name) == ((), name)


def test_a_name_and_its_acronym_alone_match_through_the_bracket() -> None:
    # Main scored this 0.00: the bracketed FDLR made the long name look like another name.
    m = compare(rec("FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)"), rec("FDLR"))
    assert m.decision is Decision.MATCH
    assert {"own_acronym", "acronym"} <= {r.feature for r in m.reasons}


def test_the_writing_with_its_acronym_is_still_compared() -> None:
    # A noisy copy that keeps a garbled acronym agrees with the writing that has it.
    a = rec("Atomic Energy Organization of Iran (AEOI)")
    b = rec("ATOMIC ENERGY ORGANIZATION OF IRAN (AEIO)")
    assert compare(a, b).decision is Decision.MATCH


# --- an acronym across two names ------------------------------------------------------------


def test_spelled_runs() -> None:
    words = run_words("PRIVATE MILITARY COMPANY WAGNER")
    assert spelled_run("PMC", words) == (0, 3)
    assert spelled_run("FDLR", ["FORCES", "DEMOCRATIQUES", "DE", "LIBERATION", "DU", "RWANDA"]) == (0, 6)
    assert spelled_run("CASC", run_words("CHINA AEROSPACE SCIENCE AND TECHNOLOGY CORPORATION")) == (0, 6)
    assert spelled_run("II", ("I", "I", "TOROPOV")) is None  # single letters are initials already
    assert spelled_run("PCW", words) is None  # the order of the words
    assert spelled_run("BUAA", run_words("BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS")) == (0, 6)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("China Aerospace Science and Industry Corporation Second Academy", "CASIC Second Academy"),
        ("SANCO Middle East, FZC", "SANCO ME FZC"),
        (
            "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)",
            "CETC Research Institute 14",
        ),
        # Not "… CORPS (IRGC)-QODS FORCE": its own IRGC and QUDS / QODS read as one romanised word
        # (respelt_words) make the shorter name a subset of it, a reading that scores higher.
        ("ISLAMIC REVOLUTIONARY GUARD CORPS QODS FORCE", "IRGC-QUDS FORCE"),
        ("KOREA KWANGSON BANKING CORPORATION", "KKBC"),  # the run may end in the legal form
        # A word of the run read under another spelling in the distinctive words (INSTRUMENT as
        # INSTRUMENTS) is still the run's.
        ("UNITED INSTRUMENT MANUFACTURING CORPORATION", "UIMC"),
        # The legal form written inside one name and at the end of the other (CO).
        ("MSP KALA NAFT CO.", "MANUFACTURING SUPPORT & PROCUREMENT CO.-KALA NAFT"),
        # Read without its place (TEHRAN), the acronym accounts for the other name's extra words.
        ("MSP KALA NAFT CO. TEHRAN", "MANUFACTURING, SUPPORT AND PROCUREMENT KALA NAFT COMPANY"),
        ("MSP KALA NAFT CO. TEHRAN", "MANUFACTURING SUPPORT & PROCUREMENT CO.-KALA NAFT"),
    ],
)
def test_an_acronym_for_a_run_of_the_other_names_words_matches(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH
    assert "acronym" in {r.feature for r in m.reasons}
    # The batch scorer gives the same number.
    left, right = prepare([rec(a)]), prepare([rec(b)])
    assert score_pairs(left, right, np.zeros((1, 2), dtype=np.int64)).score[0] == pytest.approx(m.score)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("PMC WAGNER", "PRIVATE MILITARY COMPANY VEGA"),  # the other words disagree
        ("NPC", "Nord Photon Components"),  # three letters alone identify nothing
        ("NPC Ltd", "Nord Photon Components Ltd"),
        # A word of the short name the long one lacks (an acronym of part of the long name, the
        # rest shortened, is graph.resolve.acronym_parts: tests/graph/resolve/test_acronym_parts.py).
        ("Almaz-Antey Vega MSDB", "Almaz-Antey Air Defense Concern Main System Design Bureau, JSC"),
        ("KRL", "Khan Research Laboratories"),
        # Three letters beside only a legal form both write (SDN of SDN BHD) are an acronym alone.
        ("EEZ SDN", "Elecronic Engineering Zone SDN BHD"),
        # Read without its place, the name is an acronym alone: no word both names write, so the
        # place-free reading does not stand for the longer name (a subsidiary is not its parent).
        ("SMIC Beijing", "SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION"),
        # Read without its place, the acronym spelled, the longer name still has a word more (SANAT).
        ("MSP KALA NAFT CO. TEHRAN", "MANUFACTURING SUPPORT AND PROCUREMENT KALA NAFT SANAT COMPANY"),
    ],
)
def test_an_acronym_never_carries_names_that_otherwise_disagree(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is not Decision.MATCH
    assert "acronym" not in {r.feature for r in m.reasons}


def test_a_collapse_says_which_name_abbreviates() -> None:
    hit = best_collapse(
        "WAGNER PRIVATE MILITARY", "PRIVATE MILITARY COMPANY WAGNER", "PMC WAGNER", "PMC WAGNER"
    )
    assert hit is not None
    assert (hit.acronyms, hit.spelled, hit.abbreviating) == (("PMC",), ("PRIVATE MILITARY COMPANY",), 1)


def test_a_legal_form_written_inside_one_name_is_set_aside_not_a_disagreement() -> None:
    a, b = "MSP KALA NAFT CO.", "MANUFACTURING SUPPORT & PROCUREMENT CO.-KALA NAFT"
    core_a, core_b = (" ".join(sorted(normalise_name(n).distinctive)) for n in (a, b))
    seq_a, seq_b = (" ".join(run_words(normalise_name(n).folded)) for n in (a, b))
    assert "CO" in core_b.split()  # inside the name, CO is not read as its legal form
    hit = best_collapse(core_a, seq_a, core_b, seq_b)
    assert hit is not None
    assert (hit.acronyms, hit.rest, hit.written) == (("MSP",), ("KALA NAFT", "KALA NAFT"), ("CO",))
    # Without the words of the name that writes it as its form, CO is a word only one name has.
    assert best_collapse(core_a, "", core_b, seq_b) is None
    m = compare(rec(a), rec(b))
    assert "CO written by both" in next(r.detail for r in m.reasons if r.feature == "acronym")


def test_the_aligned_name_is_reported_by_its_index_in_the_record() -> None:
    # The writing without the bracket is an extra writing of the record's second name: the
    # match reports the name as the record holds it.
    a = rec("Some Other Name", "FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)")
    m = compare(a, rec("FDLR"))
    assert m.decision is Decision.MATCH
    assert "(FDLR)" in m.reasons[0].detail
