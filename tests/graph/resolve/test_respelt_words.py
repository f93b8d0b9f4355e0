"""Words respelt or joined (graph.resolve.respelt_words): list variants that write some words
another way and add or drop a word are one name; coined names sharing a prefix are not."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.cut_words import is_cut_of, marked_core
from graph.resolve.respelt_words import respelt, respelt_similarity
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

#: Dev-split misses of issue #5 (benchmarks/eval_pairs/pairs.csv, real list aliases).
VARIANTS = [
    ("STATE ENTERPRISE YALTA SEA TRADING PORT", "SEAPORT OF YALTA"),  # SEA PORT / SEAPORT
    ("REDIN EXCHANGE", "RIDIN MONEY EXCHANGE"),  # other vowel, MONEY on one side
    ("AL-LAYTH ALZAHABE TRANSPORTATION AND SHIPPING SERVICES", "ALLAYTH ALZAHABE"),  # the article
    ("SADAF PETROCHEMICAL ASSALUYEH COMPANY", "SADAF ASALUYEH CO."),
    ("HEJAB TEXTILE COMPANY", "SHAHR-E KORD HIJAB TEXTILE COMPANY"),
]


@pytest.mark.parametrize(("a", "b"), VARIANTS)
def test_respelt_or_joined_variants_match_and_say_why(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "respelt_words" in reasons(m)


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # The place reading (graph.resolve.place_qualifiers) drops TEHRAN; the joined view then
        # reads KALA NAFT / KALANAFT as one word.
        ("MSP KALA NAFT CO. TEHRAN", "MSP KALANAFT", "place_qualifier"),
        # With DJSC / OAO read as forms, org_translate pairs FACTORY / PLANT and the names proper
        # agree under one romanisation key (KRASNOE / KRASNOYE).
        ("DJSC Factory Krasnoe Znamya", "Krasnoye Znamya Plant OAO", "translation"),
    ],
)
def test_respellings_another_rule_reads_first_match(a: str, b: str, reason: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert reason in reasons(m)


def test_reason_names_the_words() -> None:
    detail = reasons(compare(company(VARIANTS[0][0]), company(VARIANTS[0][1])))["respelt_words"]
    assert "SEA PORT / SEAPORT" in detail
    detail = reasons(compare(company(VARIANTS[1][0]), company(VARIANTS[1][1])))["respelt_words"]
    assert "RIDIN / REDIN" in detail


def test_batch_scores_as_compare_explains() -> None:
    batch_equals_compare(VARIANTS, "company")


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("KRASNOE", "KRASNOYE"),
        ("HARAMAIN", "HARAMAYN"),
        ("GURGEN", "GOURGEN"),
        ("MASJED", "MASJID"),
    ],
)
def test_other_vowels_are_one_word(x: str, y: str) -> None:
    assert respelt(x, y)


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("RASON", "RUSSIAN"),  # same consonants, too far apart as written
        ("KORYO", "KOREA"),
        ("FALCON", "FALCONWAY"),  # a coined name's extra part is no vowel
        ("MARIN", "MORAN"),  # ratio 0.6
        ("ALI", "ALY"),  # too short
        ("KAMAL", "JAMAL"),
        ("GALAXY", "GALAX"),  # a vowel fewer (100k world: Galaxy Technology / GALAX TRADING)
        ("HUALINE", "HAILIN"),
    ],
)
def test_other_words_are_not_respelt(x: str, y: str) -> None:
    assert not respelt(x, y)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GRANITEPOINT COMMERCE", "GRANITE COMMERCE"),  # a prefix is no rewrite (coined names)
        ("OPTIMA", "OPTIMACHIP"),
        ("KORYO BANK", "KOREA DAESONG BANK"),
        ("KAZAN HELICOPTER PLANT", "KAZAN HELICOPTERS"),
    ],
)
def test_coined_and_sibling_names_get_no_credit(a: str, b: str) -> None:
    assert respelt_similarity(a, b) == 0.0


def test_a_short_name_inside_a_longer_one_gets_no_credit() -> None:
    # REDIN (5 letters) found respelt in a longer name: too little to be the name.
    assert respelt_similarity("REDIN", "RIDIN MONEY") == 0.0
    assert respelt_similarity("REDIN EXCHANGE", "RIDIN MONEY EXCHANGE") > 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # 100k synthetic world: legitimate companies linked to list entries by a first draft.
        ("Ruiview Networks Ltd.", "ORIENTAL REVIEW"),
        ("Hualine Technology Co., Ltd.", "HAILIN LIN"),
        ("Wavevision Fusion Electronics Limited", "Fussion Electronics Co., Ltd."),
    ],
)
def test_no_credit_when_no_word_agrees_as_written(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.NO
    assert "respelt_words" not in reasons(m)


# --- words cut short with a dot (graph.resolve.cut_words) --------------------------------------

#: Dev-split misses: a word of the name cut short and marked so with a dot.
CUT_VARIANTS = [
    ("HESCO ENGINEERING & CONSTRUCTION CO", "HESCO ENG & CON. CO"),  # CON. for CONSTRUCTION
    ("Hebei Far East Communication System Engineering", "Hebei Far East Comm."),
]


@pytest.mark.parametrize(("a", "b"), CUT_VARIANTS)
def test_a_word_cut_with_a_dot_is_the_word_it_starts(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "cut short, written with a dot" in reasons(m)["respelt_words"]


def test_cut_words_batch_scores_as_compare_explains() -> None:
    batch_equals_compare(
        [*CUT_VARIANTS, ("HESCO CON. CO", "HESCO CON CO"), ("KESCO CONDOR CO", "HESCO CON. CO")], "company"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("HESCO CONSTRUCTION CO", "HESCO CON CO"),  # no dot: a prefix alone says nothing
        ("KESCO CONDOR CO", "HESCO CON. CO"),  # the cut read, the rest still disagrees
        ("TESCO CONSTRUCTION CO", "HESCO CON. CO"),
    ],
)
def test_a_cut_needs_its_dot_and_the_other_words_to_agree(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is not Decision.MATCH
    assert "respelt_words" not in reasons(m)


def test_marked_core_marks_only_dotted_distinctive_words() -> None:
    # CO. is a legal form, not a distinctive word; S.A. are initials, WWW.SITE no word end.
    assert marked_core("HESCO ENG & CON. CO.", ("HESCO", "CON")) == "CON. HESCO"
    assert marked_core("HESCO CON CO", ("HESCO", "CON")) == "CON HESCO"
    assert marked_core("AB. WWW.SITE S.A.", ("AB", "WWW", "SITE")) == "AB SITE WWW"


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("CON.", "CONSTRUCTION", True),
        ("CONSTRUCTION", "CON.", True),
        ("CON", "CONSTRUCTION", False),  # not marked cut
        ("PRISON.", "PRISONS", False),  # one letter more: a word form, not a cut
        ("CON.", "CONSTRUCTION.", False),  # both cut: neither is written in full
        ("CON.", "DECONSTRUCTION", False),  # a cut keeps the start of the word
    ],
)
def test_what_counts_as_a_cut(x: str, y: str, expected: bool) -> None:
    assert is_cut_of(x, y) is expected
