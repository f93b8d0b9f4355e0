"""One-sided words that do not make siblings: words that only say what kind of body a name is
(MINISTRY / DEPARTMENT), and a branch ("X : BOSNIA BRANCH") beside its body written in full —
while real siblings (a name each) and two branches of one body stay apart."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.body_kinds import kind_family, same_kind
from graph.resolve.place_qualifiers import place_split
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec

#: Aliases of one body in the lists (dev split of benchmarks/resolution_eval.py), each written
#: once as one kind of body and once as another of the same family.
SAME_BODY_KINDS = [
    ("MAIN INTELLIGENCE DIRECTORATE", "MAIN INTELLIGENCE DEPARTMENT"),
    ("MINISTRY OF STATE SECURITY PRISONS BUREAU", "STATE SECURITY DEPARTMENT PRISONS BUREAU"),
    ("THE ARMY OF EMIGRANTS AND SUPPORTERS", "Battalion of Emigrants and Supporters"),
    (
        "Resort Nizhnyaya Oreanda (f.k.a., Federalnoe Gosudarstvennoe Byudzhetnoe Uchrezhdenie "
        "Sanatori Nizhnyaya Oreanda Upravleniya)",
        "Sanatorium Nizhnyaya Oreanda",
    ),
]

#: Siblings by unpaired words: the words left name the body (or a line of business, or kinds
#: of two families), so they stay two bodies.
SIBLINGS = [
    ("Gazprom Transgaz Surgut, OOO", "Gazprom Transgaz Saratov, OOO"),
    ("MILITARY HOUSING ESTABLISHMENT", "MILITARY CONSTRUCTION ESTABLISHMENT"),
    ("MAIN INTELLIGENCE DIRECTORATE", "MAIN INTELLIGENCE ARMY"),
    ("Huawei Cloud Peru", "Huawei Cloud Russia"),
]


@pytest.mark.parametrize(("a", "b"), SAME_BODY_KINDS)
def test_words_naming_the_kind_of_body_are_not_sibling_names(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    why = reasons(m)
    assert m.decision is Decision.MATCH, m.reasons
    assert "unpaired_words" not in why
    assert "kind of body" in why["body_kind"]


@pytest.mark.parametrize(("a", "b"), SIBLINGS)
def test_siblings_by_unpaired_words_stay_apart(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is not Decision.MATCH
    assert "unpaired_words" in reasons(m)
    assert "body_kind" not in reasons(m)


def test_kind_families() -> None:
    assert same_kind(("DIRECTORATE",), ("DEPARTMENT",)) == "state body"
    assert same_kind(("ARMY",), ("BATTALION",)) == "armed unit"
    assert same_kind(("ARMY",), ("MINISTRY",)) is None  # two families
    assert same_kind(("MINISTRY", "FARM"), ("DEPARTMENT",)) is None  # FARM names no kind
    assert kind_family(()) is None


def test_a_branch_meets_its_body_written_in_full() -> None:
    split = place_split("TAIBAH INTERNATIONAL : BOSNIA BRANCH")
    assert split is not None and split.branch
    m = compare(rec("TAIBAH INTERNATIONAL : BOSNIA BRANCH"), rec("TAIBAH INTERNATIONAL AID ASSOCIATION"))
    assert m.decision is Decision.MATCH, m.reasons
    assert "the branch there of 'TAIBAH INTERNATIONAL'" in reasons(m)["place_qualifier"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two branches of one body are two entries.
        ("AL-HARAMAIN: ETHIOPIA BRANCH", "AL-HARAMAIN: ALBANIA BRANCH"),
        # A place attached by another word is no branch: more words on the other side still block.
        ("TAIBAH INTERNATIONAL IN BOSNIA", "TAIBAH INTERNATIONAL AID ASSOCIATION"),
    ],
)
def test_other_places_stay_apart(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is not Decision.MATCH


def test_batch_scores_equal_compare() -> None:
    pairs = [
        *SAME_BODY_KINDS,
        *SIBLINGS,
        ("TAIBAH INTERNATIONAL : BOSNIA BRANCH", "TAIBAH INTERNATIONAL AID ASSOCIATION"),
        ("TAIBAH INTERNATIONAL IN BOSNIA", "TAIBAH INTERNATIONAL AID ASSOCIATION"),
    ]
    scored = batch_equals_compare(pairs, "company")
    assert (scored.score[: len(SAME_BODY_KINDS)] >= 0.8).all()


@pytest.mark.parametrize(
    ("with_acronym", "other"),
    [
        ("ISLAMIC MARITIME BRIGADE (IMB)", "The Maritime Brigade"),
        ("CASPIAN MARITIME SERVICES (CMS)", "MARITIME SERVICES"),
    ],
)
def test_a_names_own_bracketed_acronym_is_no_sibling_word(with_acronym: str, other: str) -> None:
    # IMB repeats the initials of ISLAMIC MARITIME BRIGADE: it names no member of a family, so the
    # name is read as if written without it (the words it initials are compared themselves).
    without = with_acronym.split(" (")[0]
    m = compare(rec(with_acronym), rec(other))
    assert "sibling_words" not in reasons(m)
    assert m.score == pytest.approx(compare(rec(without), rec(other)).score)
    batch_equals_compare([(with_acronym, other)], kind="company")
