"""Company false matches (issue #5, company precision): pairs of the dev split of
benchmarks/resolution_eval.py and of the 100k synthetic world that matched, each turned down by
one rule that names itself in the reasons, next to the true pairs the rule must leave alone."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Decision, compare
from graph.resolve.sound_lengths import comparable, lengths

from .scoring_pairs import batch_equals_compare, company, reasons

# --- a short name is not matched to a longer one by sound alone (sound_lengths) ---------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Redview Systems Co., Ltd.", "RDIF"),  # 100k world: REDVIEW / RDIF, both metaphone RTF
        ("GHAVAMIN BANK", "KHAVARMIANEH BANK"),  # dev: two Iranian banks, BNK KHFMN / BNK KHFRMN
    ],
)
def test_names_of_other_lengths_are_not_compared_by_sound(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    why = reasons(m)
    assert "sound_lengths" in why
    assert "letters" in why["sound_lengths"] and "metaphone" in why["sound_lengths"]
    # Compared as written: the similarity is the ratio of the words, not the 0.9 of equal keys.
    assert m.reasons[0].value < 0.85


def test_redview_is_not_rdif() -> None:
    assert compare(company("Redview Systems Co., Ltd."), company("RDIF")).decision == Decision.NO


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KATRANGI", "KATRANJI"),
        ("HARAMAIN", "HARAMEIN"),
        ("VALOR", "VALR"),  # one letter fewer: a slip, still read by sound
        ("JUND AL-KHILAFAH", "JUND AL-KHALIFA"),
        ("REVOLUTIONARY ARMED FORCES OF COLOMBIA", "FUERZAS ARMADAS REVOLUCIONARIAS DE COLOMBIA"),
    ],
)
def test_transliterations_of_one_length_are_still_read_by_sound(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision == Decision.MATCH
    assert "sound_lengths" not in reasons(m)


def test_comparable_lengths() -> None:
    a = lengths(np.array(["RDIF", "KI", "VALR", "GHAVAMINBANK", "KATRANGI"], dtype=object))
    b = lengths(np.array(["REDVIEW", "KAI", "VALOR", "KHAVARMIANEHBANK", "KATRANJI"], dtype=object))
    assert comparable(a, b).tolist() == [False, True, True, False, True]


def test_sound_lengths_batch_equals_compare() -> None:
    scored = batch_equals_compare(
        [
            ("Redview Systems Co., Ltd.", "RDIF"),
            ("KATRANGI", "KATRANJI"),
            ("GHAVAMIN BANK", "KHAVARMIANEH BANK"),
        ],
        "company",
    )
    assert scored.score[0] < 0.5 < scored.score[1]
