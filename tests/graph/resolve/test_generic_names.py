"""Names made of line-of-business words: another form of such a word (ELECTRIC / ELECTRONICS,
graph.resolve.generic_forms) and a name that is all legal form (INDUSTRIAL BANK,
graph.resolve.form_names). Pairs from the dev split of benchmarks/eval_pairs/pairs.csv."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.generic_forms import generic_form
from graph.resolve.names import normalise_name
from graph.resolve.written_together import spelled
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons


def test_another_form_of_a_line_of_business_word_is_read_as_that_word() -> None:
    # CSL aliases of one Russian NPO: ELECTRONIC is ELECTRONICS, ELECTRIC another form of it.
    m = compare(company("NPO Electronic Systems"), company("NPO Electric Systems"))
    assert m.decision == Decision.MATCH, m.reasons
    assert "ELECTRIC as ELECTRONICS" in reasons(m)["generic_form"]
    batch_equals_compare([("NPO Electronic Systems", "NPO Electric Systems")], "company")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GRANITE MACHINE PLANT", "GRANITE MACHINERY PLANT"),
        ("KALININ MACHINE PLANT JSC", "KALININ MACHINERY PLANT JSC"),
    ],
)
def test_a_word_form_left_unpaired_no_longer_makes_siblings(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision == Decision.MATCH, m.reasons
    assert "generic_form" in reasons(m) and "unpaired_words" not in reasons(m)


def test_the_reading_meets_only_names_of_the_same_line_of_business_words() -> None:
    # Read, NPO ELECTRIC SYSTEMS writes NPO ELECTRONICS SYSTEMS: a name of other line-of-business
    # words (… TRADING too) is not compared with that reading, nor one that writes ELECTRIC itself.
    m = compare(company("NPO Electric Systems"), company("NPO Electronics Systems Trading"))
    assert m.decision != Decision.MATCH and "generic_form" not in reasons(m), m.reasons
    m = compare(company("Kalaye Electric Company"), company("Kola Electric Company"))
    assert "generic_form" not in reasons(m)
    batch_equals_compare([("NPO Electric Systems", "NPO Electronics Systems Trading")], "company")


def test_the_table_is_explicit_not_an_ending_rule() -> None:
    assert generic_form("GENERATION ENERGY") is None  # GENERATION is no form of GENERAL
    assert generic_form("GLOBE TRADING") is None
    assert generic_form("Orion Transportation LLC") == "ORION TRANSPORT LLC"


def test_a_name_that_is_all_legal_form_but_names_a_bank_is_compared_whole() -> None:
    # OFAC's INDUSTRIAL BANK (Syria): "Industrial Bank" is also a US legal form of the ISO table.
    m = compare(company("INDUSTRIAL BANK"), company("INDSTRIAL BANK"))
    assert m.decision == Decision.MATCH, m.reasons
    assert "compared whole, as INDUSTRIES BANK" in reasons(m)["form_name"]
    batch_equals_compare([("INDUSTRIAL BANK", "INDSTRIAL BANK")], "company")


@pytest.mark.parametrize("other", ["INDUSTRIAL BANK OF KOREA", "CHINA INDUSTRIAL BANK", "COMMERCIAL BANK"])
def test_the_bank_read_whole_is_no_other_bank(other: str) -> None:
    m = compare(company("INDUSTRIAL BANK"), company(other))
    assert m.decision == Decision.NO, m.reasons


@pytest.mark.parametrize(
    "name", ["CO LTD", "LIMITED LIABILITY COMPANY", "INVESTMENT COMPANY", "Trading Company", "LLC"]
)
def test_forms_of_legal_words_or_one_business_word_still_name_nobody(name: str) -> None:
    assert normalise_name(name).distinctive == ()
    m = compare(company(name), company(name))
    assert m.decision == Decision.NO
    assert "no distinctive word" in m.reasons[0].detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("DIVETECHNOSERVICES", "DIVE TECHNO SERVICES"),  # a line-of-business word run into the name
        ("Magtech", "M.A.G. Tech"),  # dotted initials whose A is also a stop-word
    ],
)
def test_one_name_with_other_word_breaks(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision == Decision.MATCH, m.reasons
    assert "same letters with other word breaks" in reasons(m)["written_together"]
    assert "short_name" not in reasons(m)
    batch_equals_compare([(a, b)], "company")


def test_other_word_breaks_add_no_word() -> None:
    # A name with a word more is spelled otherwise: DIVE TECHNO SERVICES is not DIVETECHNO.
    m = compare(company("DIVETECHNO"), company("DIVE TECHNO SERVICES"))
    assert "written_together" not in reasons(m)
    assert spelled("M A G TECH", "") == "MAGTECH" and spelled("ACME CO LTD", "CO LTD") == ""
    assert spelled("DIVE TECHNO SERVICES LLC", "LLC") == "DIVETECHNOSERVICES"


def test_a_cut_line_of_business_word_and_one_kind_of_site() -> None:
    # TRANS is TRANSPORT cut as names cut it; an industrial COMPOUND is the COMPLEX
    # (data/reference/org_words.csv), and another name is still another complex.
    pairs = [
        ("WORLDWIDE SHIPPING & TRANSPORTATION LIMITED", "WORLDWIDE SHIPPING & TRANS"),
        ("AMIN INDUSTRIAL COMPLEX", "AMIN INDUSTRIAL COMPOUND"),
    ]
    for a, b in pairs:
        assert compare(company(a), company(b)).decision == Decision.MATCH
    assert compare(company("AMIN INDUSTRIAL COMPLEX"), company("NOURI INDUSTRIAL COMPOUND")).decision == (
        Decision.NO
    )
    assert compare(company("AMIN INDUSTRIAL COMPLEX"), company("NOURI INDUSTRIAL COMPLEX")).decision == (
        Decision.NO
    )
    batch_equals_compare(pairs, "company")


def test_portuguese_and_spanish_line_of_business_words_are_not_the_name() -> None:
    # A Brazilian holding writes "ventures and holdings" after its name; the short form drops them.
    long, short = "GRUPO VELMARIN EMPREENDIMENTOS E PARTICIPACOES SARL", "GRUPO VELMARIN"
    assert set(normalise_name(long).generic) == {"ENTERPRISES", "HOLDINGS"}
    assert compare(company(long), company(short)).decision == Decision.MATCH
    assert compare(company(long), company("GRUPO VELMARIM")).decision == Decision.MATCH
    # INVERSIONES (investments) is what many Latin-American holdings are, not who: two names
    # that share only it are two companies.
    m = compare(company("INVERSIONES EL GRAN TORIL LTDA."), company("INVERSIONES ARVO LTDA."))
    assert m.decision == Decision.NO
    assert normalise_name("SERVICIOS ARVO S.A.").generic == ("SERVICES",)
    batch_equals_compare([(long, "GRUPO VELMARIM")], "company")


@pytest.mark.parametrize(
    ("written", "word"), [("XCHANGE", "EXCHANGE"), ("XPRESS", "EXPRESS"), ("XPORT", "EXPORT")]
)
def test_a_trade_spelling_of_ex_as_x_is_the_word(written: str, word: str) -> None:
    assert normalise_name(f"KORVEL {written} CO.").tokens == ("KORVEL", word)


def test_an_exchange_house_written_xchange_is_the_same_exchange() -> None:
    # HASSAN is a given name many list entries use: the owner's name before the house's.
    m = compare(company("HASSAN KORVEL EXCHANGE COMPANY"), company("KORVEL XCHANGE CO."))
    assert m.decision == Decision.MATCH
