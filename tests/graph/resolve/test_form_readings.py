"""Legal-form words read as what they are: a dictionary word is no typo of a form word, a form
written as it is keyed is not "corrected" into another one, and a form's type is its company
form's (the pairs of an audit of the compare reasons)."""

from __future__ import annotations

import pytest

from graph.resolve import Record, compare
from graph.resolve.legal_forms import CORPORATION, LIMITED, NONPROFIT, _classify_row
from graph.resolve.names import correct_generic, form_typos, legal_forms


def details(a: str, b: str) -> str:
    return " | ".join(
        r.detail for r in compare(Record("a", "company", (a,)), Record("b", "company", (b,))).reasons
    )


# --- a common English word is no typo of a generic or legal word --------------------------------


@pytest.mark.parametrize(
    "word", ["COOPERATION", "UNLIMITED", "PROTECTION", "SHOPPING", "DIVERSITY", "EXPERT"]
)
def test_common_word_is_not_corrected_to_another_word(word: str) -> None:
    assert correct_generic(word) == word


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("TECHNOLOHY", "TECHNOLOGY"),  # a typo, no word
        ("LIITED", "LIMITED"),
        ("SYSTEM", "SYSTEMS"),  # a common word in another form of its own
        ("ORGANISATION", "ORGANIZATION"),
        ("ORGANISATIONS", "ORGANIZATION"),
    ],
)
def test_typos_and_word_forms_still_corrected(word: str, read: str) -> None:
    assert correct_generic(word) == read


def test_cooperation_is_not_read_as_corporation() -> None:
    text = details("ECONOMIC COOPERATION ORGANIZATION", "ECONOMIC COOPERATION ORGANISATION")
    assert "CORPORATION" not in text
    assert "COOPERATION ORGANIZATION" in text  # a distinctive word of both names
    text = details("ABC COOPERATION LTD", "ABC CORPORATION LTD")
    assert "COOPERATION as CORPORATION" not in text and "read as 'CORPORATION LTD'" not in text


# --- a form keyed as written is not corrected into another -------------------------------------


def test_cia_sa_keeps_its_sa() -> None:
    assert form_typos().repair(["ACME", "CIA", "S", "A"]) == ["ACME", "CIA", "S", "A"]
    text = details("ACME CIA S.A.", "ACME CIA SA")
    assert "SCA" not in text and "PARTNERSHIP" not in text
    assert "CORPORATION" in text


def test_a_slip_before_a_written_form_is_still_corrected() -> None:
    assert form_typos().repair(["GRANITE", "DEVICES", "S", "S", "DE", "C", "V"])[-5:] == [
        "S",
        "A",
        "DE",
        "C",
        "V",
    ]


@pytest.mark.parametrize(
    "tokens", [["GRUPO", "ALFA", "SRL", "DE", "CV"], ["GRUPO", "ALFA", "S", "R", "L", "DE", "C", "V"]]
)
def test_srl_de_cv_is_a_mexican_limited_company(tokens: list[str]) -> None:
    assert form_typos().repair(tokens) == tokens
    kept, cls, _ = legal_forms().split(tokens)
    assert kept == ("GRUPO", "ALFA") and cls == LIMITED
    text = details("GRUPO ALFA S.R.L. DE C.V.", "GRUPO ALFA SRL DE CV")
    assert "S C L" not in text and "COOPERATIVE" not in text


# --- the type of a form is its company form's ---------------------------------------------------


@pytest.mark.parametrize("key", [("S", "A", "DE", "C", "V"), ("SA", "DE", "CV"), ("SOCIEDAD", "ANONIMA")])
def test_sociedad_anonima_is_a_stock_corporation(key: tuple[str, ...]) -> None:
    assert legal_forms().table[key] == CORPORATION


def test_form_with_a_line_of_business_takes_its_form_class() -> None:
    name = "Sociedad anónima de capital variable, administradora de fondos para el retiro"
    assert _classify_row((name, name)) == CORPORATION
    assert _classify_row(("Fondation", "Fondation")) == NONPROFIT


def test_sa_de_cv_reason_says_corporation() -> None:
    text = details("PUNTO FARMACEUTICO S.A. DE C.V.", "PUNTO FARMACEUTICO SA DE CV")
    assert "NONPROFIT" not in text and "(CORPORATION)" in text
