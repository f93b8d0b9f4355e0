"""The readings of benchmarks/eval_pairs/subset_signals.py (the study of "subset + extra words"
pairs on the dev split): each reading holds for the pairs it names and not for the others, and
the F1 trade-off it applies keeps only conjunctions whose false positives outnumber their true
positives by more than FP_PER_TP."""

from __future__ import annotations

import numpy as np

from benchmarks.eval_pairs.subset_signals import (
    FP_PER_TP,
    bracketed_place,
    cells,
    foreign_place,
    in_brackets,
    kind_of_body,
    sibling_business,
    worth_a_rule,
)
from graph.resolve.place_qualifiers import gazetteer


def test_extra_words_in_brackets() -> None:
    assert in_brackets("Wuxi Biologics (Shanghai) Co., Ltd.", ("SHANGHAI",))
    assert in_brackets("Presto Freight International LLC (PFI)", ("PFI",))
    assert not in_brackets("Myanmar Wanbao Mining Copper, Ltd.", ("COPPER", "MYANMAR"))
    assert not in_brackets("Wuxi Biologics (Shanghai) Co., Ltd.", ())


def test_a_place_in_brackets_is_read_from_the_gazetteer() -> None:
    places = gazetteer()
    assert bracketed_place("CHINA UNICOM (HONG KONG) LIMITED", ("HONG", "KONG"), places)
    assert not bracketed_place("Presto Freight International LLC (PFI)", ("PFI",), places)


def test_a_place_outside_the_legal_form_jurisdictions() -> None:
    # S.A. de C.V. is Mexican: PANAMA names a foreign body.
    assert foreign_place("AERONAUTICA CONDOR DE PANAMA, S.A.", "S A DE C V")
    # S.A. is used the world over: it places nobody.
    assert not foreign_place("GRUPO FALCON DE PANAMA, S.A.", "S A")
    assert not foreign_place("AERONAUTICA CONDOR DE PANAMA, S.A.", "")


def test_sibling_line_of_business_by_rigour_domains() -> None:
    assert sibling_business("Forss Technology Ltd.", "Forss Marine")
    # TEXTILE and GENERAL TRADING carry no rigour domain: the reading cannot see that sibling.
    assert not sibling_business(
        "HONG PANG GENERAL TRADING COMPANY, LIMITED", "HONG PANG TEXTILE COMPANY LIMITED"
    )
    # one side adding a line of business is not a sibling line of business.
    assert not sibling_business("CALDWELL HOLDING COMPANY", "Caldwell Bank & Trust Company")


def test_kind_of_body_words() -> None:
    assert kind_of_body("BUREAU")
    assert kind_of_body("GRUPO")
    assert not kind_of_body("COFFEE")
    assert not kind_of_body("SHANGHAI")


def test_cells_count_false_and_true_decisions() -> None:
    labels = np.array([0, 0, 1, 1, 1, 0])
    decided = np.array([True, True, True, False, False, False])
    hit = np.array([True, False, True, True, False, True])
    assert cells(hit, labels, decided) == (1, 1, 1, 1)


def test_worth_a_rule_keeps_only_conjunctions_paying_their_true_positives() -> None:
    # Four matches, three false and one true: "b" holds for the three false ones, "a" for all.
    labels = np.array([0, 0, 0, 1])
    decided = np.ones(4, dtype=bool)
    hits = {"a": np.ones(4, dtype=bool), "b": np.array([True, True, True, False])}
    assert worth_a_rule(hits, labels, decided) == ["3 / 0: a & b"]
    # Three false against three true does not pay (3 <= 1.16 x 3).
    labels = np.array([0, 0, 0, 1, 1, 1])
    decided = np.ones(6, dtype=bool)
    hits = {"a": np.ones(6, dtype=bool), "b": np.ones(6, dtype=bool)}
    assert FP_PER_TP * 3 >= 3
    assert worth_a_rule(hits, labels, decided) == []
    # Nor do pairs that are not matches, whatever they are.
    assert (
        worth_a_rule(
            {"a": np.ones(4, dtype=bool), "b": np.ones(4, dtype=bool)}, np.zeros(4), np.zeros(4, dtype=bool)
        )
        == []
    )
