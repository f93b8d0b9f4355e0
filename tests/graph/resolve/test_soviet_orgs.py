"""Russian, Ukrainian and Belarusian organisations in transliteration, translation and
abbreviation: a place's initials in a type abbreviation (graph.resolve.place_initials), and the
type table rows for UVD, OMON, sea commercial ports (MTP), PKB and STATE ENTERPRISE.

The positive pairs are the lists' own (dev split of the labelled evaluation); each negative
changes one thing the rule must not read past."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.names import GENERIC_WORDS, normalise_name
from graph.resolve.org_translate import org_view
from graph.resolve.place_initials import candidates, same_by_initials
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons


def view(name: str):  # type: ignore[no-untyped-def]
    return org_view(normalise_name(name).tokens, GENERIC_WORDS)


@pytest.mark.parametrize(
    ("a", "b", "said"),
    [
        ("Omsk Production Union Irtysh JSC", "OmPO Irtysh", "OMPO is OM + PO"),
        ('Voronezh Scientific Research Institute "Vega"', "VNII Vega", "VNII is V + NII"),
        ("Tactical Missile Corporation, Ural Design Bureau “Detal”", "AO UPKB Detal", "UPKB is U + PKB"),
        (
            "Tactical Missile Corporation, PJSC ANPP Temp Avia",
            "Joint Stock Company Arzamas Research And Production Enterprise TEMP-AVIA",
            "ANPP is A + NPP",
        ),
    ],
)
def test_place_initials_in_a_type_abbreviation(a: str, b: str, said: str) -> None:
    got = compare(company(a), company(b))
    assert got.decision is Decision.MATCH
    assert said in reasons(got)["place_initials"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Omsk Production Union Irtysh JSC", "OmPO Ural"),  # another name proper
        ("Omsk Design Bureau Irtysh JSC", "OmPO Irtysh"),  # another type
        ("Tomsk Production Union Irtysh JSC", "OmPO Irtysh"),  # the prefix begins no word
        ("Production Union Irtysh JSC", "OmPO Irtysh"),  # no place at all
        ('Voronezh Scientific Research Institute "Vega"', "VNII Vega Plus"),  # a word more
    ],
)
def test_place_initials_need_every_other_word(a: str, b: str) -> None:
    assert not same_by_initials(view(a), view(b))
    got = compare(company(a), company(b))
    assert "place_initials" not in reasons(got)
    assert got.decision is not Decision.MATCH


def test_candidates_are_words_ending_in_a_type() -> None:
    read = [(c.prefix, c.written, c.concept) for c in candidates(view("AO UPKB Detal"))]
    assert read == [("U", "PKB", "KB"), ("UP", "KB", "KB")]
    assert candidates(view("Irtysh Holdings")) == ()


@pytest.mark.parametrize(
    ("a", "b", "feature"),
    [
        (
            "DIRECTORATE OF INTERNAL AFFAIRS OF THE BREST OBLAST EXECUTIVE COMMITTEE",
            "UVD OF THE BREST OBLAST EXECUTIVE COMMITTEE",
            "org_abbreviation",
        ),
        ("MINSK SPECIAL PURPOSE POLICE UNIT", "MINSK SPECIAL PURPOSE MOBILE UNIT", "org_abbreviation"),
        ("STATE ENTERPRISE YALTA SEA TRADING PORT", "YALTA COMMERCIAL SEAPORT", "org_words_left_out"),
        ("STATE ENTERPRISE KERCH SEA COMMERCIAL PORT", "KERCH MERCHANT SEA PORT", "org_words_left_out"),
        (
            "Tactical Missile Corporation, Ural Design Bureau “Detal”",
            "and Uralskoe Proektno-Konstruktorskoe Byuro Detal, Pao",
            "org_abbreviation",
        ),
        (
            "JOINT STOCK COMPANY MILITARY-INDUSTRIAL CORPORATION NPO MASHINOSTROYENIA",
            "VOENNO-PROMYSHLENNAYA KORPORATSIYA NAUCHNO-PROIZVODSTVENNOE OBEDINENIE MASHINOSTROENIYA OAO",
            "translation",
        ),
    ],
)
def test_soviet_types_and_forms(a: str, b: str, feature: str) -> None:
    got = compare(company(a), company(b))
    assert got.decision is Decision.MATCH
    assert feature in reasons(got)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("STATE ENTERPRISE YALTA SEA TRADING PORT", "KERCH COMMERCIAL SEAPORT"),  # another port
        ("STATE ENTERPRISE YALTA SEA TRADING PORT", "YALTA SHIPYARD"),  # a port is no shipyard
        ("MINSK SPECIAL PURPOSE POLICE UNIT", "BREST SPECIAL PURPOSE MOBILE UNIT"),
        ("DIRECTORATE OF INTERNAL AFFAIRS OF THE BREST OBLAST", "UVD OF THE MINSK OBLAST"),
    ],
)
def test_soviet_types_keep_names_apart(a: str, b: str) -> None:
    assert compare(company(a), company(b)).decision is not Decision.MATCH


def test_batch_scorer_agrees() -> None:
    batch_equals_compare(
        [
            ("Omsk Production Union Irtysh JSC", "OmPO Irtysh"),
            ('Voronezh Scientific Research Institute "Vega"', "VNII Vega"),
            ("Omsk Production Union Irtysh JSC", "OmPO Ural"),
            ("STATE ENTERPRISE YALTA SEA TRADING PORT", "YALTA COMMERCIAL SEAPORT"),
            ("MINSK SPECIAL PURPOSE POLICE UNIT", "MINSK SPECIAL PURPOSE MOBILE UNIT"),
        ],
        "company",
    )
