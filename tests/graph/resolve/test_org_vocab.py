"""Organisation vocabulary of Arabic, Persian, Urdu, Turkish and Indonesian names.

The table rows (``data/reference/org_words.csv``: KATAIB, JUND, ANSAR, MAJELIS, SAZEMAN,
TEHREEK, YAYASAN, TIMUR …) and the small words of the Arabic construct
(:mod:`graph.resolve.arabic_particles`: the article of a translated word, the article and
connectives before the names proper) make one organisation written in its own language and in
English one name — still all or nothing (:mod:`graph.resolve.org_translate`).
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.arabic_particles import bare, is_article_of
from graph.resolve.names import GENERIC_WORDS, normalise_name
from graph.resolve.org_translate import org_view, same_by_translation, translate
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons


def view(name: str):  # type: ignore[no-untyped-def]
    return org_view(normalise_name(name).tokens, GENERIC_WORDS)


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("KATAIB", "BRIGADE"),  # Arabic plural of KATIBA, written BRIGADES in English names
        ("BRIGADES", "BRIGADE"),
        ("JUND", "SOLDIERS"),
        ("KHILAFAH", "CALIPHATE"),
        ("ANSAR", "SUPPORTERS"),
        ("MAJELIS", "COUNCIL"),  # Indonesian
        ("MAGLES", "COUNCIL"),  # Egyptian Arabic
        ("SAZEMAN", "ORGANIZATION"),  # Persian
        ("TEHREEK", "MOVEMENT"),  # Urdu
        ("YAYASAN", "FOUNDATION"),  # Indonesian
        ("VAKFI", "FOUNDATION"),  # Turkish
        ("TIMUR", "EAST"),  # Indonesian
        ("EASTERN", "EAST"),
        ("EMDAD", "RELIEF"),  # Persian
        ("KHALIFA", ""),  # the caliph, and a family name: not the caliphate
        ("JAMIA", ""),  # a university as often as an association: no row
    ],
)
def test_translate(word: str, english: str) -> None:
    assert translate(word) == english


def test_particles() -> None:
    # The article of a word the table translates is the THE of its translation.
    assert is_article_of("AL", "KHILAFAH", translated=True)
    assert is_article_of("ASH", "SHURA", translated=True)  # assimilated to the sun letter
    assert not is_article_of("AL", "NOOR", translated=False)
    assert not is_article_of("ES", "KADER", translated=True)  # ES before K is no article
    assert bare("AL FI HAQQ IN WA NASR") == "HAQQ NASR"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KATA'IB AL-NASR", "AL-NASR BRIGADES"),
        ("LAJNAT AL-IGATHA AL-ISLAMIYA", "ISLAMIC RELIEF COMMITTEE"),  # organisational words only
        ("JAMA'AT NUSRAT AL-HAQQ", "GROUP TO SUPPORT HAQQ"),  # AL and TO beside the names proper
        ("HARAKAT AL-TAJDID", "TAJDID MOVEMENT"),
        ("TEHREEK-E-INSAF", "INSAF MOVEMENT"),  # Urdu, with the Persian ezafe
        ("SAZEMAN-E HAVAPEYMAYI", "HAVAPEYMAYI ORGANIZATION"),
        ("MAJELIS ULAMA JAWA BARAT", "WEST JAVA ULAMA COUNCIL"),  # Indonesian
        ("HILAL TIMUR", "EASTERN HILAL"),
        ("IMAM KHOMEINI RELIEF COMMITTEE", "IMAM KHOMEINI EMDAD COMMITTEE"),
    ],
)
def test_one_organisation_in_two_languages(a: str, b: str) -> None:
    got = compare(company(a), company(b))
    assert got.decision == Decision.MATCH, got
    assert "one name in two languages" in reasons(got)["translation"]
    batch_equals_compare([(a, b)], "company")


def test_names_proper_as_written_still_agree() -> None:
    # Without the article, WALEED / WALID weigh more in the names proper: they are compared as
    # written first, so the article keeps counting where it helps.
    a, b = "JAYSH KHALID IBN AL-WALID", "KHALID IBN AL WALEED ARMY"
    assert same_by_translation(view(a), view(b))
    assert compare(company(a), company(b)).decision == Decision.MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KATA'IB AL-NASR", "AL-NASR BATTALION"),  # a brigade is not a battalion
        ("HARAKAT AL-TAJDID", "TAJDID PARTY"),  # a movement is not a party (HIZB)
        ("ANSAR AL-NASR", "SOLDIERS OF NASR"),  # supporters are not soldiers (JUND)
        ("TIMUR TRADING", "EAST TRADING"),  # two organisational words are no name on their own
        ("YAYASAN BINA ILMU", "BINA ILMU ASSOCIATION"),  # a foundation is not an association
        ("MAJELIS AL-NASR", "NASR AL-HAQQ COUNCIL"),  # names proper differ
    ],
)
def test_no_translation_without_every_word_paired(a: str, b: str) -> None:
    assert not same_by_translation(view(a), view(b))
    assert "translation" not in reasons(compare(company(a), company(b)))


def test_reason_says_the_article_was_left_out() -> None:
    detail = reasons(compare(company("HARAKAT AL-TAJDID"), company("TAJDID MOVEMENT")))["translation"]
    assert "read 'TAJDID' / 'TAJDID'" in detail and "Arabic article" in detail
