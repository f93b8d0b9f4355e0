"""The acronym and clerk-noise study (benchmarks/eval_pairs/acronym_clerk_study.py) finds the
shapes it counts: a three-letter acronym alone, a first-letter slip, a slip in a short name."""

from __future__ import annotations

from benchmarks.eval_pairs.acronym_clerk_study import acronym_alone, slip_shape
from graph.resolve import Record, prepare


def _key(name: str) -> str:
    prep = prepare([Record("r", "company", (name,))])
    return str(prep.acro_key[prep.start[0]])


def test_three_letter_acronym_alone_is_tried_below_the_scorer_rule() -> None:
    short, full = _key("EEZ SDN"), _key("Elecronic Engineering Zone SDN BHD")
    hit = acronym_alone(short, full)
    assert hit is not None and hit.acronyms == ("EEZ",)
    assert hit.spelled == ("ELECRONIC ENGINEERING ZONE",)
    assert acronym_alone(short, full, letters=4) is None  # the scorer's MIN_ALONE


def test_an_acronym_beside_other_words_is_not_alone() -> None:
    assert acronym_alone(_key("PMC WAGNER"), _key("PRIVATE MILITARY COMPANY VEGA")) is None


def test_slip_shapes() -> None:
    assert slip_shape("OPTIMA", "PPTIMA") == "B"  # first letter, a long word
    assert slip_shape("SOLID", "OLID") == "B"
    assert slip_shape("STAR", "TAR") == "C"  # one side three letters
    assert slip_shape("CLC", "CZC") == "C"
    assert slip_shape("PLM", "PML") == "C"  # a swap is one edit
    assert slip_shape("GAMMA", "GAMA") is None  # a slip inside a long word: the scorer's own rule
    assert slip_shape("HIGH PRECISION", "HIGH PRECISIONS") is None  # more than one word
