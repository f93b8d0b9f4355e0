"""Russian initialisms of English words (graph.resolve.russian_initials) and the Russian type rows
that go with them (GNPP, the state NPP).

The positive pairs are the lists' own (dev split of the labelled evaluation); each negative
changes one thing the rule must not read past."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.english_spellings import same_in_english
from graph.resolve.names import normalise_name
from graph.resolve.russian_initials import russian_initialism, shared_word, spelled_run
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

POSITIVES = [
    (
        "Federal Center for Dual-Use Technology (FTsDT) Soyuz",
        "FSUE FCDT Soyuz",
        "FCDT is the Russian initials of FEDERAL CENTER FOR DUAL USE TECHNOLOGY (DUAL USE = dvoinoi",
    ),
    (
        "Federal State Autonomous Institution Military Innovative Technopolis Era",
        "FGAU VIT ERA",
        "VIT is the Russian initials of MILITARY INNOVATIVE TECHNOPOLIS (MILITARY = voennyi",
    ),
    (
        "FEDERAL STATE AUTONOMOUS INSTITUTION MILITARY INNOVATIVE TECHNOPOLIS ERA",
        "and FGAU VIT ERA",
        "VIT is the Russian initials of MILITARY INNOVATIVE TECHNOPOLIS",
    ),
    (
        "Almaz-Antey Air Defense Concern Main System Design Bureau, JSC",
        "Almaz-Antey GSKB",
        "GSKB is the Russian initials of MAIN SYSTEMS DESIGN BUREAU (MAIN = golovnoi",
    ),
]


def tokens(name: str) -> tuple[str, ...]:
    return normalise_name(name).tokens


@pytest.mark.parametrize(("a", "b", "said"), POSITIVES)
def test_russian_initials_of_english_words(a: str, b: str, said: str) -> None:
    got = compare(company(a), company(b))
    assert got.decision is Decision.MATCH
    assert said in reasons(got)["russian_initials"]


def test_the_shorter_name_part_of_the_longer() -> None:
    hit = russian_initialism(
        tokens("Almaz-Antey GSKB"), tokens("Almaz-Antey Air Defense Concern Main System Design Bureau")
    )
    assert hit is not None and hit.part == "AIR CONCERN DEFENSE" and hit.abbreviating == 0
    assert (
        "the shorter name is part of the longer one"
        in reasons(
            compare(
                company("Almaz-Antey GSKB"),
                company("Almaz-Antey Air Defense Concern Main System Design Bureau"),
            )
        )["russian_initials"]
    )


NEGATIVES = [
    # another name proper: the pair is decided by the word the names share
    ("Federal State Autonomous Institution Military Innovative Technopolis Era", "FGAU VIT VEGA"),
    ("Federal State Autonomous Institution Military Innovative Technopolis Era", "NPO VIT SOYUZ"),
    # a word more beside the acronym on the shorter side
    ("Federal State Autonomous Institution Military Innovative Technopolis Era", "FGAU VIT ERA PLUS"),
    # the longer name also writes another organisation type: two bodies
    ("Almaz-Antey Main System Design Bureau Scientific Research Institute", "Almaz-Antey GSKB"),
    # the letters do not spell the run
    ("Federal State Autonomous Institution Military Innovative Technopolis Era", "FGAU MIP ERA"),
]


@pytest.mark.parametrize(("a", "b"), NEGATIVES)
def test_russian_initials_need_the_same_name(a: str, b: str) -> None:
    assert russian_initialism(tokens(a), tokens(b)) is None
    got = compare(company(a), company(b))
    assert "russian_initials" not in reasons(got)
    assert got.decision is not Decision.MATCH


def test_an_english_initialism_is_not_read_as_russian() -> None:
    # MIT is the English initials: the acronym rule's (graph.resolve.acronyms), not this one.
    assert spelled_run("MIT", ("MILITARY", "INNOVATIVE", "TECHNOPOLIS")) is None
    assert spelled_run("VIT", ("MILITARY", "INNOVATIVE", "TECHNOPOLIS")) == (0, 3)
    # two words spell too little, whatever the letters
    assert spelled_run("VI", ("MILITARY", "INNOVATIVE")) is None


def test_state_npp_is_the_npp() -> None:
    a, b = (
        "Tactical Missile Corporation, AO GNPP “Region”",
        "and Region Scientific & Production Enterprise JSC",
    )
    got = compare(company(a), company(b))
    assert got.decision is Decision.MATCH
    assert any("GNPP = NPP" in r.detail for r in got.reasons if r.feature == "org_abbreviation")
    assert compare(
        company("AO GNPP Region"), company("Vega Scientific & Production Enterprise JSC")
    ).decision is (Decision.NO)


def test_batch_scores_what_compare_explains() -> None:
    scored = batch_equals_compare([(a, b) for a, b, _ in POSITIVES] + NEGATIVES, "company")
    assert (scored.score[: len(POSITIVES)] >= 0.8).all()
    assert (scored.score[len(POSITIVES) :] < 0.8).all()


def test_a_russian_name_proper_spelt_in_english() -> None:
    got = compare(company("Special Design Bureau Salute JSC"), company("and OKB Salyut JSC"))
    assert got.decision is Decision.MATCH
    assert "SALUTE / SALYUT" in reasons(got)["english_spelling"]
    # The key never pairs two names proper on its own, nor another name.
    assert (
        compare(company("Salute Trading JSC"), company("Salyut Consulting JSC")).decision
        is not Decision.MATCH
    )
    assert (
        compare(company("Special Design Bureau Salute JSC"), company("OKB Saluki JSC")).decision
        is Decision.NO
    )


def test_english_key_folds_yu_and_a_silent_e_only() -> None:
    assert same_in_english("SALYUT", "SALUTE")
    assert same_in_english("TSIKLON", "CYCLONE")
    assert not same_in_english("VEKTOR", "VECTOR")  # one romanisation of another: roman_key's
    assert not same_in_english("ROSE", "ROS")  # too short to say


def test_machine_building_is_mechanical_engineering() -> None:
    a = "State Scientific Research Institute of Machine Building Bakhirev (GosNIImash)"
    b = "State Research Institute of Mechanical Engineering named after V.V. Bakhireva"
    got = compare(company(a), company(b))
    assert got.decision is Decision.MATCH
    assert any("MECHANICAL ENGINEERING = MASH" in r.detail for r in got.reasons)
    other = "State Research Institute of Mechanical Engineering named after V.V. Korolev"
    assert compare(company(a), company(other)).decision is Decision.NO


def test_only_names_sharing_a_distinctive_word_are_read() -> None:
    long_name = tokens("Federal State Autonomous Institution Military Innovative Technopolis Era")
    assert shared_word(tokens("FGAU VIT ERA"), long_name)
    assert not shared_word(tokens("FGAU VIT SOYUZ"), long_name)
    # a line-of-business word or a word of the table is no name proper
    assert not shared_word(("VIT", "TRADING"), ("MILITARY", "INNOVATIVE", "TECHNOPOLIS", "TRADING"))
    assert not shared_word(("VIT", "STATE"), ("MILITARY", "INNOVATIVE", "TECHNOPOLIS", "STATE"))
