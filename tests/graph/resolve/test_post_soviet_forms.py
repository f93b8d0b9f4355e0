"""Ukrainian, Belarusian and Azerbaijani legal forms written in full, read as one legal form.

The names are the lists' own (OFAC / CSL aliases of one entity, OpenSanctions aliases of the
Ukrainian NSDC entries); before :mod:`graph.resolve.post_soviet_forms` their form words were
read as the distinctive words of the name.
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.legal_forms import family
from graph.resolve.names import fold, normalise_name
from graph.resolve.post_soviet_forms import FORMS
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons


@pytest.mark.parametrize(
    ("name", "tokens", "cls", "fam"),
    [
        ("TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU 'DART'", ("DART",), "LIMITED", "LLC"),  # OFAC
        ('Tovarystvo z obmezhenoiu vidpovidalnistiu "Aeroskan"', ("AEROSKAN",), "LIMITED", "LLC"),
        ("Товариство з обмеженою відповідальністю “РТЦ”", ("RTTS",), "LIMITED", "LLC"),
        ("DART, TOV", ("DART",), "LIMITED", "LLC"),
        ("PUBLICHNE AKTSIONERNE TOVARYSTVO VTB BANK", ("VTB", "BANK"), "CORPORATION", "JSC"),
        ("Акціонерне товариство «Зала Аеро»", ("ZALA", "AERO"), "CORPORATION", "JSC"),
        ("TAVARYSTVA Z ABMEZHAVANAY ADKAZNASTSYU BELKAZTRANS", ("BELKAZTRANS",), "LIMITED", "LLC"),  # CSL
        ("TAA BELKAZTRANS", ("BELKAZTRANS",), "LIMITED", "LLC"),
        ("ZAT ABSALYUTBANK", ("ABSALYUTBANK",), "CORPORATION", "JSC"),
        ("ADKRYTAYE AKTSYYANERNAYE TAVARYSTVA BELARUSKALIY", ("BELARUSKALIY",), "CORPORATION", "JSC"),
        ("DZYARZHAUNAYE PRADPRYEMSTVA TSENTRKURORT", ("TSENTRKURORT",), "STATE", None),
    ],
)
def test_the_form_written_in_full_is_read_as_one_legal_form(
    name: str, tokens: tuple[str, ...], cls: str, fam: str | None
) -> None:
    form = normalise_name(name, "company")
    assert form.tokens == tokens
    assert form.legal_form == cls
    assert family(form.legal_form_text) == fam


SAME_COMPANY = [
    ("DART, LLC", "TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU 'DART'"),  # OFAC aliases of one airline
    ("DART, TOV", "TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU 'DART'"),
    ('Tovarystvo z obmezhenoiu vidpovidalnistiu "Aeroskan"', "OOO Aeroskan"),  # OpenSanctions aliases
    ("VTB BANK PJSC", "PUBLICHNE AKTSIONERNE TOVARYSTVO VTB BANK"),
    ("TAA BELKAZTRANS", "TAVARYSTVA Z ABMEZHAVANAY ADKAZNASTSYU BELKAZTRANS"),  # CSL aliases
    ("RESPUBLIKANSKOYE UNITARNOYE PREDPRIYATIYE TSENTRKURORT", "DZYARZHAUNAYE PRADPRYEMSTVA TSENTRKURORT"),
]


@pytest.mark.parametrize(("a", "b"), SAME_COMPANY)
def test_a_form_written_in_full_matches_its_abbreviation_or_translation(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "same legal-form type" in reasons(m)["legal_form"] or "same legal form" in reasons(m)["legal_form"]


TWO_LEGAL_PERSONS = [
    ("DART JSC", "TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU 'DART'"),
    ("SBERBANK LLC", "AKTSIONERNE TOVARYSTVO SBERBANK"),
    ("SOKHRA JSC", "TAVARYSTVA Z ABMEZHAVANAY ADKAZNASTSYU SOKHRA"),
]


@pytest.mark.parametrize(("a", "b"), TWO_LEGAL_PERSONS)
def test_a_form_written_in_full_still_conflicts_with_another_family(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is not Decision.MATCH
    assert "different legal forms" in reasons(m)["legal_form"]


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare([*SAME_COMPANY, *TWO_LEGAL_PERSONS], kind="company")


def test_every_spelling_is_written_as_names_are_folded() -> None:
    # A key the folder would spell otherwise could never be found in a name.
    assert [form for form in FORMS if fold(form) != form] == []
