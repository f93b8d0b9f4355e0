"""Legal forms written with their qualifier (PRIVATE LTD, OPEN JSC, (Pvt) Ltd), read as one form.

The names are the lists' own (OFAC / CSL / GLEIF, and the evaluation pairs built from them);
before :mod:`graph.resolve.qualified_forms` the qualifier was a distinctive word of the name on
one side only, and a bracketed one was moved to the front with the other brackets.
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.form_typos import FormTypos
from graph.resolve.legal_forms import family
from graph.resolve.names import fold, legal_forms, normalise_name
from graph.resolve.qualified_forms import FORMS, unbracket
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons


@pytest.mark.parametrize(
    ("name", "distinctive", "form", "fam"),
    [
        ("SENAT SHIPPING AND TRADING PRIVATE LTD", ("SENAT",), "PRIVATE LTD", "PRIVATE"),
        ("GARNISH PAINTS PVT LIMITED", ("GARNISH", "PAINTS"), "PVT LIMITED", "PRIVATE"),
        ("TELEC Electronics & Machinery (Pvt) Ltd.", ("TELEC",), "PVT LTD", "PRIVATE"),
        ("UEC (Pvt.) Ltd.", ("UEC",), "PVT LTD", "PRIVATE"),
        ("Mecatech (Private) Limited", ("MECATECH",), "PRIVATE LIMITED", "PRIVATE"),
        ("Seljuk Traders (SMC-Private) Limited", ("SELJUK",), "SMC PRIVATE LIMITED", "PRIVATE"),
        ("BM BANK PUBLIC JSC", ("BM", "BANK"), "PUBLIC JSC", "JSC"),
        ("OPEN JSC KALININ MACHINE PLANT", ("KALININ", "MACHINE", "PLANT"), "OPEN JSC", "JSC"),
        ("ELBRUS CLOSED JSC", ("ELBRUS",), "CLOSED JSC", "JSC"),
        (
            "OPEN-END JOINT-STOCK COMPANY 'KALININ MACHINERY PLANT'",
            ("KALININ", "PLANT"),
            "OPEN END JOINT STOCK COMPANY",
            "JSC",
        ),
    ],
)
def test_the_qualifier_is_read_with_its_form(
    name: str, distinctive: tuple[str, ...], form: str, fam: str
) -> None:
    read = normalise_name(name, "company")
    assert read.distinctive == distinctive
    assert read.legal_form_text == form
    assert family(read.legal_form_text) == fam


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UEC (Pvt.) Ltd.", "UEC Pvt. Ltd."),
        ("Icarus Marine (Pty) Ltd.", "Icarus Marine Pty Ltd."),
        ("Seljuk Traders (SMC-Private) Limited", "Seljuk Traders SMC-Private Limited"),
        ("ROMASHKA (PVT.) LLC", "ROMASHKA PVT. LLC"),
        ("ROMASHKA (PVT.) L.L.C.", "ROMASHKA PVT. L.L.C."),
        # Brackets that are not a form's qualifier stay: a place, an acronym, a qualifier alone.
        ("VTB BANK (KIEV) LTD", "VTB BANK (KIEV) LTD"),
        ("LT Engineering (LTE) Ltd.", "LT Engineering (LTE) Ltd."),
        ("HUAWEI TECHNOLOGIES PAKISTAN (PRIVATE)", "HUAWEI TECHNOLOGIES PAKISTAN (PRIVATE)"),
    ],
)
def test_unbracket_only_takes_the_brackets_off_a_qualifier_before_its_form(text: str, expected: str) -> None:
    assert unbracket(text) == expected


SAME_COMPANY = [
    # OFAC a.k.a. of one entry: the public JSC abbreviated after its qualifier
    ("KALININ MACHINE PLANT JSC", "OPEN-END JOINT-STOCK COMPANY 'KALININ MACHINERY PLANT'"),
    ("ELBRUS CLOSED JSC", "ZAO ELBRUS"),
    ("BM BANK PUBLIC JSC", "BM BANK PJSC"),
    ("VTB LEASING OPEN JOINT-STOCK COMPANY", "VTB LEASING OPEN JOINT-STOCK CO"),  # CSL, planted noise
    ("GARNISH PAINTS PVT LTD", "GARNISH PAINTS PRIVATE LTD"),  # GLEIF other names of one LEI
]


@pytest.mark.parametrize(("a", "b"), SAME_COMPANY)
def test_a_qualified_form_matches_the_form_it_qualifies(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "same legal form" in reasons(m)["legal_form"] or "written two ways" in reasons(m)["legal_form"]


def test_a_qualified_form_still_conflicts_with_another_family() -> None:
    m = compare(company("ELBRUS CLOSED JSC"), company("ELBRUS LLC"))
    assert m.decision is not Decision.MATCH
    assert "different legal forms" in reasons(m)["legal_form"]


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare([*SAME_COMPANY, ("ELBRUS CLOSED JSC", "ELBRUS LLC")], kind="company")


def test_every_spelling_is_written_as_names_are_folded() -> None:
    assert [form for form in FORMS if fold(form) != form] == []


def test_a_number_before_a_form_is_the_names_not_a_form_typo() -> None:
    # 5PTYLTD is one edit from PTYLTD: the number was read as a slip of the form and dropped.
    typos = FormTypos(legal_forms())
    assert typos.repair(["ONE", "VISION", "INVESTMENT", "5", "PTY", "LTD"])[3] == "5"
    assert normalise_name("ONE VISION INVESTMENTS 5 (PTY) LTD.", "company").numbers == ("5",)
    m = compare(company("ONE VISION INVESTMENTS 5 (PTY) LTD."), company("ONE VISION INVESTMENTS 5 LIMITED"))
    assert m.decision is Decision.MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A clerk cuts "(Pvt) Ltd" to "(PT)": the private qualifier, not Indonesia's PT.
        ("KAROO MINING SUPPLIES (PVT) LTD", "KAROO MINING SUPPLIES (PT)"),
        ("Karoo Mining Supplies Pvt. Ltd.", "KAROO MINING SUPPLIES (PT.)"),
        # The qualifier with LTD cut is the form, not a word of the name.
        ("Karoo Mining Supplies Pvt. Ltd.", "KAROO MINING SUPPLIES PVT"),
    ],
)
def test_a_private_qualifier_cut_short_is_the_private_limited_form(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "same legal form" in reasons(m)["legal_form"]
    assert normalise_name(b).legal_form_text == "PVT"


def test_indonesias_pt_before_the_name_is_still_its_form() -> None:
    assert unbracket("KAROO MINING SUPPLIES (PT)") == "KAROO MINING SUPPLIES PVT"
    assert unbracket("KAROO (PT) MINING") == "KAROO (PT) MINING"  # not at the end: left alone
    assert normalise_name("PT KAROO MINING SUPPLIES").legal_form_text == "PT"
    m = compare(company("PT KAROO MINING SUPPLIES"), company("KAROO MINING SUPPLIES GMBH"))
    assert "different jurisdictions" in reasons(m)["legal_form"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("K.E.G. LIMITED", "K.E.G. LIMITED"),
        ("K.E.G. LIMITED", "K E G LIMOTED"),  # the form mistyped, the initials spaced
        ("N.S.E. LTD", "N.S.E. LIMITED"),  # S E: the European company
    ],
)
def test_initials_before_a_form_are_the_name_not_a_second_form(a: str, b: str) -> None:
    # E G (the German cooperative) and S A (a société anonyme) after another initial, before
    # LIMITED: the company's initials, not a second legal form that would leave one letter.
    # All three letters kept, read as one word (graph.resolve.initial_runs.joined_runs).
    assert normalise_name(a).distinctive == ("".join(normalise_name(a).folded.split()[:3]),)
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH


def test_a_form_of_single_letters_is_still_cut_when_it_is_the_only_form() -> None:
    assert normalise_name("JM S.A.").legal_form_text == "S A"
    assert normalise_name("ALPHA E G").legal_form_text == "E G"
