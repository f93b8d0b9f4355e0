"""One name in two languages: organisational words translated, all or nothing.

A translation may only make two names equal word for word, with the names proper agreeing on
their own; it never lends weight to a partial match (the reverted ``f1`` branch linked
"Onyx Components Ltd" to "Onyx Construction Company" that way).
"""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Decision, Record, compare, prepare, score_pairs
from graph.resolve.features import pair_features
from graph.resolve.names import GENERIC_WORDS, normalise_name
from graph.resolve.org_translate import org_view, same_by_translation, translate


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


def view(name: str):  # type: ignore[no-untyped-def]
    return org_view(normalise_name(name).tokens, GENERIC_WORDS)


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("ELEKTRONNYE", "ELECTRONICS"),
        ("SISTEMY", "SYSTEMS"),
        ("ZAVOD", "PLANT"),
        ("ZAVODA", "PLANT"),
        ("TSENTRALNY", "CENTRAL"),  # the longest stem wins over TSENTR
        ("TSENTR", "CENTER"),
        ("OKHRANA", "GUARD"),
        ("TICARET", "TRADING"),
        ("OBORONNYE", "DEFENSE"),
        ("ZAVODSKOY", ""),  # not a listed ending: no translation
        ("TICARETI", ""),  # a word row matches the word only
        ("ONYX", ""),
    ],
)
def test_translate(word: str, english: str) -> None:
    assert translate(word) == english


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("NPO Electronic Systems", "NPO Elektronnye Sistemy"),  # only organisational words
        ("RT - GLOBALNYE RESURSY OOO", "RT GLOBAL RESOURCES"),
        ("90 EKSPERIMENTALNY ZAVOD OAO", "90 EXPERIMENTAL PLANT OPEN JOINT STOCK COMPANY"),
        ("CENTRAL BANK OF THE RUSSIAN FEDERATION", "TSENTRALNY BANK ROSSISKOI FEDERATSII"),
        (
            "OTKRYTOE AKTSIONERNOE OBSHCHESTVO NOVOVYATSKI MEKHANICHESKI ZAVOD",
            "OPEN JOINT STOCK COMPANY NOVOVYATSK MECHANICAL PLANT",
        ),
        (
            'Voronezh Scientific Research Institute "Vega"',
            'Voronezhskiy Nauchno-Issledovatelskiy Institut "Vega"',
        ),
        ("JOINT STOCK COMPANY RT-GUARD", "AKTSIONERNOE OBSHCHESTVO RT-OKHRANA"),
        ("TRANSNEFT FINANCE LIMITED", "TRANSNEFT FINANS, OOO"),
        ("CRIMEAN ENTERPRISE AZOV DISTILLERY PLANT", "KRYMSKOE PREDPRIYATIE AZOV LIKEROVODOCHNY ZAVOD"),
    ],
)
def test_translated_names_match_and_say_so(a: str, b: str) -> None:
    got = compare(rec(a), rec(b))
    assert got.decision == Decision.MATCH, got
    detail = [r.detail for r in got.reasons if r.feature == "translation"]
    assert detail and "one name in two languages" in detail[0]
    # The batch scorer gives the same number.
    left, right = prepare([rec(a)]), prepare([rec(b)])
    batch = score_pairs(left, right, np.array([[0, 0]])).score[0]
    assert batch == pytest.approx(got.score, abs=1e-6)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A translated word on one side only leaves a word unpaired: no translation.
        ("Onyx Components Ltd", "Onyx Konstruktsii OOO"),
        ("RT GLOBALNYE RESURSY", "RT GLOBAL RESOURCES TRADING"),
        # Organisational words agree, the names proper do not.
        ("NOVATEK ELEKTRONNYE SISTEMY", "NOVIKOM ELECTRONIC SYSTEMS"),
        ("ALFA FINANS", "OMEGA FINANCE"),
        # Too few organisational words to be a name on their own.
        ("ELEKTRONNYE SISTEMY", "ELECTRONIC SYSTEMS"),
        # The same words as written: nothing was translated (a number tells them apart).
        ("239 FACTORY", "159 FACTORY"),
    ],
)
def test_no_translation_without_every_word_paired(a: str, b: str) -> None:
    assert not same_by_translation(view(a), view(b))
    f = pair_features(prepare([rec(a)]), prepare([rec(b)]), np.array([[0, 0]]))
    assert not f.translation[0]
    assert all(r.feature != "translation" for r in compare(rec(a), rec(b)).reasons)
