"""DES that starts a name before English words is its name, between French words the article."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.names import normalise_name
from tests.graph.resolve.scoring_pairs import batch_equals_compare


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


#: The listed DES INTERNATIONAL, written as the list writes it and with dots.
PAIRS = [
    ("DES INTERNATIONAL", "DES INTERNATIONAL"),
    ("DES INTERNATIONAL CO., LTD.", "D.E.S. INTERNATIONAL CO. LTD."),
    ("D.E.S. INTERNATIONAL", "DES INTERNATIONAL"),
    ("DES INTERNATIONAL COMPANY", "DES INTERNATIONAL COMPANY LIMITED"),
]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_des_international_is_named_des(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is Decision.MATCH


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare(PAIRS, kind="company")


@pytest.mark.parametrize(
    ("name", "distinctive"),
    [
        ("DES INTERNATIONAL", ("DES",)),
        ("DES INTERNATIONAL COMPANY", ("DES",)),  # the form follows at once
        # The French article: between French words, or before one.
        ("BANQUE DES MINES", ("BANQUE", "MINES")),
        ("COMPAGNIE AERIENNE DES GRANDS LACS", ("COMPAGNIE", "AERIENNE", "GRANDS", "LACS")),
        ("DES GRANDS LACS", ("GRANDS", "LACS")),
        # Only DES: THE before generic words stays an article, the name still has no word.
        ("THE TRADING COMPANY", ()),
    ],
)
def test_when_des_is_a_name(name: str, distinctive: tuple[str, ...]) -> None:
    assert normalise_name(name).distinctive == distinctive
