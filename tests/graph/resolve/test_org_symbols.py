"""Organisational words written two ways: paired by rigour's organisation symbols, or by the
translation table's Italian and French rows; never a match on their own.

A shared symbol may only pair organisational words (every one paired), and the names proper must
still agree by themselves: two bodies of one line of business with other names stay apart.
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.names import normalise_name
from graph.resolve.org_symbols import pairing, symbol_view, symbol_words

from .scoring_pairs import batch_equals_compare, one_name, reasons

#: The names of one body, dev misses before these rules.
BY_SYMBOL = [
    ("CENTRAL BANK OF THE RUSSIAN FEDERATION", "CENTRAL BANK OF RUSSIA", "LOC:ru"),
    ("CENTRAL BANK OF THE RUSSIAN FEDERATION", "BANK OF RUSSIA, CENTRAL BANK", "LOC:ru"),
    ("AL RAHMAH WELFARE ORGANIZATION", "ALRAHMAH WELFARE ORG", "SYMBOL:ORG"),
]
BY_TABLE = [
    (
        "TAMILS REHABILITATION ORGANISATION",
        "ORGANIZZAZIONE PER LA RIABILITAZIONE DEI TAMIL",
        "RIABILITAZIONE",
    ),
    ("ASSOCIATION DE SECOURS PALESTINIENS", "ASSOCIATION FOR PALESTINIAN AID", "SECOURS"),
    ("THE SPECIAL PURPOSE ISLAMIC REGIMENT", "ISLAMIC REGIMENT OF SPECIAL MEANING", "MEANING"),
    (
        "Higher Institute of Applied Science and Technology (HIAST)",
        "Institut Superieur des Sciences Appliques et de Technologies (ISSAT)",
        "SUPERIEUR",
    ),
    ("OMZ SPETSSTAL OOO", "OMZ-SPECIAL STEELS", "SPETSSTAL"),
    ("SO TVERNEFTEPRODUKT OOO", "LIMITED LIABILITY COMPANY MARKETING ASSOCIATION TVERNEFTEPRODUCT", "SO"),
]
#: Same line of business, other names proper (or an organisational word left unpaired).
APART = [
    ("CENTRAL BANK OF RUSSIA", "CENTRAL BANK OF ARMENIA"),
    ("CENTRAL BANK OF THE RUSSIAN FEDERATION", "CENTRAL BANK OF KAZAKHSTAN"),
    ("ORION PETROLEUM COMPANY", "ZENITH OIL COMPANY"),
    ("KRASNOYE ZNAMYA PLANT", "KRASNY OKTYABR FACTORY"),
    ("AL RAHMAH WELFARE ORGANIZATION", "AL HUDA WELFARE ORG"),
    ("RUSSIAN ASSOCIATION OF ENGINEERS", "ARMENIAN ASSOCIATION OF ENGINEERS"),
]


def text(name: str) -> str:
    return " ".join(normalise_name(name).tokens)


@pytest.mark.parametrize(("a", "b", "symbol"), BY_SYMBOL)
def test_shared_symbol_is_one_word_and_named_in_the_reasons(a: str, b: str, symbol: str) -> None:
    m = compare(one_name(a, "company"), one_name(b, "company"))
    assert m.decision == Decision.MATCH
    why = reasons(m)
    assert symbol_words(symbol) in why["org_symbols"]  # in words: "the country RU" for LOC:ru
    assert "translation" not in why  # the symbol rule, not the table, paired the words


@pytest.mark.parametrize(("a", "b", "word"), BY_TABLE)
def test_table_rows_translate_and_are_named_in_the_reasons(a: str, b: str, word: str) -> None:
    m = compare(one_name(a, "company"), one_name(b, "company"))
    assert m.decision == Decision.MATCH
    assert word in reasons(m)["translation"]


@pytest.mark.parametrize(("a", "b"), APART)
def test_same_line_of_business_other_names_stay_apart(a: str, b: str) -> None:
    assert pairing(text(a), text(b)) is None
    m = compare(one_name(a, "company"), one_name(b, "company"))
    assert m.decision == Decision.NO
    assert "org_symbols" not in reasons(m)


def test_an_unpaired_symbol_word_blocks_the_pairing() -> None:
    # One name's line of business has no counterpart in the other (the f1 branch's false links).
    assert pairing(text("ONYX COMPONENTS LTD"), text("ONYX CONSTRUCTION COMPANY")) is None
    assert pairing(text("ULTRA TECHNOLOGY TRADING LIMITED"), text("ULTRA TRADE SERVICE LLC")) is None
    # OIL pairs PETROLEUM, MINISTRY pairs MINISTRY, but RESOURCES has no counterpart.
    petroleum = text("MINISTRY OF PETROLEUM AND MINERAL RESOURCES")
    assert pairing(petroleum, text("MINISTRY OF OIL AND MINERAL")) is None
    # Two shared symbols and no name proper: too little to be one body.
    assert pairing(text("MINISTRY OF PETROLEUM"), text("MINISTRY OF OIL")) is None


def test_symbols_are_read_once_per_distinct_name() -> None:
    symbol_view.cache_clear()
    for _ in range(3):
        pairing(text("CENTRAL BANK OF THE RUSSIAN FEDERATION"), text("CENTRAL BANK OF RUSSIA"))
    info = symbol_view.cache_info()
    assert (info.misses, info.hits) == (2, 4)


def test_batch_equals_compare() -> None:
    pairs = [(a, b) for a, b, _ in BY_SYMBOL + BY_TABLE] + APART
    scored = batch_equals_compare(pairs, "company")
    n = len(BY_SYMBOL) + len(BY_TABLE)
    assert (scored.score[:n] >= 0.8).all()
    assert (scored.score[n:] < 0.5).all()
