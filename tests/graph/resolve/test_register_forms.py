"""Two written legal forms that one country's register gives for the same legal forms (ISO 20275)
are one form when both records are of that country; the forms alone, or two countries, still
say two legal persons. Also pinned here: the translations the family table already reads as one
form, and the form pairs of the dev misses that must stay a conflict."""

from __future__ import annotations

import numpy as np
import pytest

from graph.resolve import Decision, Match, Record, compare, prepare, score_pairs
from graph.resolve.form_variants import form_variant
from graph.resolve.legal_forms import family
from graph.resolve.register_forms import one_form_in
from tests.graph.resolve.scoring_pairs import reasons


def _company(name: str, country: str | None) -> Record:
    return Record(id=name[:20], kind="company", names=(name,), country=country)


def _compare(a: str, b: str, country_a: str | None, country_b: str | None) -> Match:
    return compare(_company(a, country_a), _company(b, country_b))


def _legal(m: Match) -> float:
    return next(r.value for r in m.reasons if r.feature == "legal_form")


#: (country, form, form): one legal form of the country in two languages or abbreviations.
ONE_FORM = [
    ("BE", "N V", "S A"),  # naamloze vennootschap / société anonyme
    ("BE", "BV", "SRL"),  # besloten vennootschap / société à responsabilité limitée
    ("CH", "AG", "S A"),  # Aktiengesellschaft / société anonyme
    ("CH", "GMBH", "SARL"),  # Gesellschaft mit beschränkter Haftung / société à responsabilité limitée
    ("FI", "OY", "AB"),  # osakeyhtiö / aktiebolag
    ("VG", "LTD", "INC"),  # a BVI company may end its name with either
    ("SG", "PTE LTD", "LTD"),
]

#: (country, form, form): both are forms of the country, but of different legal forms there.
TWO_FORMS = [
    ("SE", "OY", "AB"),  # OY is no Swedish form: a Finnish and a Swedish sibling
    ("US", "LLC", "INC"),  # one catch-all code gives both, the LLC codes give LLC alone
    ("CA", "LTD", "INC"),  # Inc is also the non-share corporation's, Ltd is not
    ("AE", "FZC", "LLC"),  # a free-zone company and a mainland LLC: two registrations
    ("AE", "FZE", "L L C"),
    ("BE", "N V", "N V"),  # the same writing is the same form, not this rule
    ("", "N V", "S A"),
]


@pytest.mark.parametrize(("country", "a", "b"), ONE_FORM)
def test_the_register_gives_both_forms_for_the_same_legal_forms(country: str, a: str, b: str) -> None:
    assert one_form_in(country, a, b) and one_form_in(country, b, a)


@pytest.mark.parametrize(("country", "a", "b"), TWO_FORMS)
def test_forms_of_different_legal_forms_are_not_one(country: str, a: str, b: str) -> None:
    assert not one_form_in(country, a, b)


def test_one_company_of_one_country_in_two_languages_matches_and_says_why() -> None:
    m = _compare("PROXIMUS NV", "PROXIMUS SA", "BE", "BE")
    assert m.decision is Decision.MATCH
    assert _legal(m) == 3.0
    legal = reasons(m)["legal_form"]
    assert "no conflict: one form of one register" in legal and "both records are of BE" in legal
    assert "ISO 20275" in legal
    assert _compare("NOKIA OY", "NOKIA AB", "FI", "FI").decision is Decision.MATCH


@pytest.mark.parametrize(
    ("country_a", "country_b"),
    [("BE", None), (None, None), ("NL", "FR"), ("BE", "FR")],
)
def test_without_one_country_the_forms_stay_two_legal_persons(
    country_a: str | None, country_b: str | None
) -> None:
    m = _compare("PROXIMUS NV", "PROXIMUS SA", country_a, country_b)
    assert m.decision is not Decision.MATCH
    assert _legal(m) == -3.0


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        # UAE free-zone company and mainland LLC (the ADOON shape of two OFAC entries)
        ("Pegasus General Trading FZC", "Pegasus General Trading LLC", "AE"),
        ("ADOON GENERAL TRADING L.L.C.", "ADOON GENERAL TRADING FZE", "AE"),
        # an American LLC and corporation of one name: often a group's two companies
        ("ACME HOLDINGS LLC", "ACME HOLDINGS INC", "US"),
        # a Finnish and a Swedish company of one group, each recorded in its own country below
        ("NOKIA OY", "NOKIA AB", "SE"),
    ],
)
def test_same_country_forms_the_register_keeps_apart_stay_a_conflict(a: str, b: str, country: str) -> None:
    m = _compare(a, b, country, country)
    assert m.decision is not Decision.MATCH
    assert _legal(m) == -3.0


def test_batch_scores_equal_compare_with_countries() -> None:
    rows = [
        ("PROXIMUS NV", "PROXIMUS SA", "BE", "BE"),
        ("PROXIMUS NV", "PROXIMUS SA", "NL", "FR"),
        ("NOKIA OY", "NOKIA AB", "FI", "FI"),
        ("Pegasus General Trading FZC", "Pegasus General Trading LLC", "AE", "AE"),
    ]
    left = prepare([_company(a, ca) for a, _, ca, _ in rows])
    right = prepare([_company(b, cb) for _, b, _, cb in rows])
    idx = np.arange(len(rows), dtype=np.int64)
    scored = score_pairs(left, right, np.column_stack([idx, idx]))
    for i, (a, b, ca, cb) in enumerate(rows):
        assert scored.score[i] == pytest.approx(_compare(a, b, ca, cb).score)


#: The post-Soviet forms and their standard English translations: one family, or a translation.
@pytest.mark.parametrize(
    ("local", "english"),
    [("OOO", "LLC"), ("ZAO", "CJSC"), ("OAO", "OJSC"), ("PAO", "PJSC"), ("AO", "JSC"), ("TOO", "LLP")],
)
def test_post_soviet_forms_are_read_with_their_english_translations(local: str, english: str) -> None:
    assert family(local) == family(english) or form_variant(local, local, english, english) == "translation"


def test_a_limited_company_and_its_english_ltd_are_a_translation() -> None:
    assert form_variant("OOO", "OOO", "LTD", "LTD") == "translation"
    assert form_variant("LIMITED", "CORPORATION LIMITED", "CORPORATION", "CORPORATION") == "written in full"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("FZC", "LLC"),  # UAE free zone vs mainland
        ("FZCO", "LTD"),  # free zone vs a limited company of any common-law country
        ("CO LTD", "INC"),  # East Asian limited company vs American corporation
        ("JOINT STOCK COMPANY", "CORP"),  # a Vietnamese JSC and a Taiwanese corporation are siblings too
    ],
)
def test_forms_that_are_no_translation_of_each_other_stay_apart(a: str, b: str) -> None:
    assert family(a) != family(b)
    assert form_variant(a, a, b, b) == ""


@pytest.mark.parametrize(
    ("a", "b", "says"),
    [
        # OOO is published in English as LTD, but TD (torgovyi dom) is not TRADING COMPANY word for word
        ("TD AGROTORG, OOO", "TRADING COMPANY 'AGROTORG' LTD.", "OOO and LTD can be one form (translation)"),
        # CORPORATION LIMITED writes CORPORATION in full, but STATE is on one side only
        (
            "CHINA STATE SHIPBUILDING CORPORATION LIMITED",
            "CHINA SHIPBUILDING CORPORATION",
            "can be one form (written in full)",
        ),
        ("LUKOIL OAO", "NEFTYANAYA KOMPANIYA LUKOIL OOO", "OAO and OOO can be one form (re-registration)"),
    ],
)
def test_a_conflict_of_one_form_written_two_ways_says_the_names_keep_it(a: str, b: str, says: str) -> None:
    m = _compare(a, b, None, None)
    assert m.decision is not Decision.MATCH
    legal = reasons(m)["legal_form"]
    assert _legal(m) == -3.0 and says in legal and "these names do not, so the conflict stands" in legal


def test_a_conflict_of_two_forms_says_nothing_of_one_form() -> None:
    legal = reasons(_compare("GALAX TRADING CO., LTD.", "GALAX INC.", None, None))["legal_form"]
    assert "two legal persons" in legal and "can be one form" not in legal
