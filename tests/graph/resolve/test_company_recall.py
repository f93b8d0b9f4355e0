"""Company recall rules: romanisation keys, mistyped legal forms, one legal form written two ways.

Each rule must link the list variants it was written for, say so in ``compare()``'s reasons,
and keep refusing the sibling pairs it must not link (the 100k-world precision cases).
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.form_variants import form_variant
from graph.resolve.names import normalise_name
from graph.resolve.romanise import roman_key
from tests.graph.resolve.scoring_pairs import batch_equals_compare


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


def reason(a: str, b: str, feature: str) -> str:
    found = [r.detail for r in compare(rec(a), rec(b)).reasons if r.feature == feature]
    assert found, f"no {feature} reason for {a!r} / {b!r}"
    return found[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("HSENONVISION", "XENONVISION"),  # Wade-Giles HS / Pinyin X
        ("TSENITHSOURCE", "ZENITHSOURCE"),  # TS / Z
        ("FAKTORING", "FACTORING"),
        ("MEGASTROIINVEST", "MEGASTROYINVEST"),
        ("TSENTRALNY", "CENTRALNY"),
        ("ROSOBORONEKSPORT", "ROSOBORONEXPORT"),
        ("ASSALUYEH", "ASALUYEH"),
        ("PHARMKONTRACT", "FARMCONTRACT"),
    ],
)
def test_romanisations_of_one_word_share_a_key(a: str, b: str) -> None:
    assert roman_key(a) == roman_key(b)


@pytest.mark.parametrize(("a", "b"), [("KAMAL", "JAMAL"), ("YU", "XIN"), ("SAMARA", "SARATOV")])
def test_different_words_keep_different_keys(a: str, b: str) -> None:
    assert roman_key(a) != roman_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Xenonvision Devices Co., Ltd.", "HSENONVISION DEVICES CO LTD"),
        ("Zenithsource Electronics Ltd", "TSENITHSOURCE ELETCRONICS LTD"),
        ("Pharmcontract GmbH", "Farmkontract GmbH"),
    ],
)
def test_romanisation_variants_match(a: str, b: str) -> None:
    # Without the key, the first letters differ (one-word names: halved) or the ratio is low.
    assert compare(rec(a), rec(b)).decision is Decision.MATCH
    assert "similarity 0.95" in reason(a, b, "name")


def test_romanisation_key_pairs_words_for_the_unpaired_words_check() -> None:
    # XIN / HSIN are one word romanised two ways, not two distinguishing words of siblings.
    a, b = "Dynamosys Xin Industrial Controls S.A.", "HSIN INDUSTRIAL CONTROLS S A (DYNAMOSYS)"
    match = compare(rec(a), rec(b))
    assert match.decision is Decision.MATCH
    assert "unpaired_words" not in {r.feature for r in match.reasons}


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("AURORA DEVICES PTR LTD", "PTE LTD"),
        ("NATIONAL IRANIAN OIL CO TE LTD", "PTE LTD"),
        ("GRANITE DEVICES S S DE C V", "S A DE C V"),
        ("JET COMMERCE DP Z O O", "SP Z O O"),
        ("CARDENAS DUARTE Y CIA TDA", "CIA LTDA"),
        # A name of short words only, its S. de R.L. de C.V. keyed with a D for the S.
        ("J & E D DE R L DE C V", "S DE R L DE C V"),
    ],
)
def test_a_mistyped_legal_form_is_read_as_the_form(name: str, form: str) -> None:
    assert normalise_name(name).legal_form_text == form


@pytest.mark.parametrize("name", ["SHENZHEN ABC CO LTD", "K LOGISTICS HK LTD", "AL QA IDA", "ABC DE SA"])
def test_short_words_that_are_no_mistyped_form_are_left_alone(name: str) -> None:
    form = normalise_name(name)
    assert form.legal_form_text in ("CO LTD", "LTD", "", "SA")
    assert "PTE" not in form.legal_form_text


@pytest.mark.parametrize(
    ("name", "tokens", "form"),
    [
        # In a name of short words only, a letter more or less may be the name's: DC is no
        # "LDC LTD", the S A of MATSA no S.A.S. de C.V., the E of J & E no "E S" for S.
        ("VTB DC LTD", ("VTB", "DC"), "LTD"),
        ("M A T S A S A DE C V", ("M", "A", "T", "S", "A"), "S A DE C V"),
        ("J & E S DE R L DE C V", ("J", "AND", "E"), "S DE R L DE C V"),
    ],
)
def test_a_name_of_short_words_keeps_its_letters(name: str, tokens: tuple[str, ...], form: str) -> None:
    read = normalise_name(name)
    assert (read.tokens, read.legal_form_text) == (tokens, form)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aurora Devices Pte. Ltd.", "AURORA DEVICES PTR LTD"),
        ("Granite Devices S.A. de C.V.", "GRANITE DEVICES S S DE C V"),
        ("Jet Commerce Sp. z o.o.", "JET COMMERCE DP Z O O"),
        ("J & E S. DE R.L. DE C.V.", "J & E D DE R L DE C V"),
    ],
)
def test_mistyped_legal_forms_no_longer_conflict(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is Decision.MATCH


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("VTB FACTORING LTD", "VTB FAKTORING OOO", "translation"),
        ("Karst, OOO", "Karst Ltd.", "translation"),
        ("Atrilor, Ltd", "Atrilor LLC", "translation"),
        ("LOTTERY BG OOD", "LOTTERY BG LTD.", "translation"),
        # OFAC aliases of one Lebanese entry each: the French SARL published as LLC or Ltd.
        ("REEM PHARMACEUTICAL, S.A.R.L.", "REEM PHARMACEUTICAL, LLC", "translation"),
        ("TAJCO SARL", "TAJCO LTD", "translation"),
        ("LANDMATICS SARL", "LANDMATICS LLC", "translation"),
        (
            "CHINA STATE SHIPBUILDING CORPORATION LIMITED",
            "CHINA STATE SHIPBUILDING CORPORATION",
            "written in full",
        ),
        ("MYANMAR ECONOMIC CORPORATION LIMITED", "MYANMAR ECONOMIC CORPORATION", "written in full"),
        # Singapore's Private Limited written short.
        ("HARBOR NETWORKS PRIVATE LIMITED", "HARBOR NETWORKS PTE. LTD.", "written in full"),
    ],
)
def test_one_legal_form_written_two_ways_is_no_conflict(a: str, b: str, how: str) -> None:
    match = compare(rec(a), rec(b))
    assert match.decision is Decision.MATCH
    legal = next(r for r in match.reasons if r.feature == "legal_form")
    assert legal.value == 3.0 and legal.contribution == 0.0
    assert how in legal.detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Registry names with more words than a one-word list name: not the same company.
        ("Optima Components Co., Ltd.", "OPTIMA, OOO"),
        ("Ultra Technology Trading Limited", "ULTRA TRADE SERVICE LLC"),
        # The names differ beyond a spelling: the forms still say two legal persons.
        ("Granite Vantage Commerce LLC", "Granite Commerce Limited"),
        ("Granitepoint Commerce TOO", "Granite Commerce Limited"),
        # Forms of other families stay a conflict.
        ("Harbor Networks Pte. Ltd.", "Harbor Networks LLC"),
        ("Vantage Networks Co., Ltd.", "Vantage Networks Pte. Ltd."),
        ("ADOON GENERAL TRADING L.L.C.", "ADOON GENERAL TRADING FZE"),
        # A limited-liability company against a corporation stays two legal persons.
        ("GRANITE COMMERCE SARL", "GRANITE COMMERCE INC"),
        # India's Pvt Ltd and Singapore's Pte Ltd: two jurisdictions.
        ("Harbor Networks Pvt. Ltd.", "Harbor Networks Pte. Ltd."),
        ("Granite Vantage Commerce SRL", "Granite Commerce Limited"),
    ],
)
def test_siblings_with_other_forms_are_still_no_match(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is not Decision.MATCH


def test_form_variant_kinds() -> None:
    assert form_variant("OOO", "OOO", "LTD", "LTD") == "translation"
    assert form_variant("LIMITED", "CORPORATION LIMITED", "CORP", "CORP") == "written in full"
    assert form_variant("CO LTD", "CO LTD", "PTE LTD", "PTE LTD") == ""
    assert form_variant("FZE", "FZE", "LLC", "LLC") == ""
    assert form_variant("SARL", "SARL", "LTD", "LTD") == "translation"
    assert form_variant("SRL", "SRL", "INC", "INC") == ""


def test_batch_scores_equal_compare_for_the_new_rules() -> None:
    pairs = [
        ("VTB FACTORING LTD", "VTB FAKTORING OOO"),
        ("Xenonvision Devices Co., Ltd.", "HSENONVISION DEVICES CO LTD"),
        ("Aurora Devices Pte. Ltd.", "AURORA DEVICES PTR LTD"),
        ("Optima Components Co., Ltd.", "OPTIMA, OOO"),
    ]
    batch_equals_compare(pairs, kind="company")
