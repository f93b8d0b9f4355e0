"""Listed company names as a bill of lading abbreviates them ("SHENZHEN HUAXIN ELEC TECH CO").

The bundled lists' own names, written with their line-of-business words short (the scorer's
``names.ABBREVIATIONS`` read backwards), "Co., Ltd." as "CO LTD" or "CO", and a bracketed place
left out (``benchmarks/self_match_scan.py --writings``). The names below failed there.
"""

from __future__ import annotations

import pytest

from benchmarks.self_match_scan import WRITINGS, short_forms
from graph.resolve import Decision, Record, compare
from graph.resolve.names import normalise_name


def _decision(a: str, b: str) -> Decision:
    return compare(Record("a", "company", (a,)), Record("b", "company", (b,))).decision


def test_the_issue_example_matches() -> None:
    listed = "Shenzhen Huaxin Electronic Technology Co., Ltd."
    assert _decision(listed, "SHENZHEN HUAXIN ELEC TECH CO") == Decision.MATCH


def test_a_word_written_short_for_a_line_of_business_word_is_no_mistyped_form() -> None:
    """IND CO was read as INC CO (one edit), which left the name no distinctive word at all."""
    form = normalise_name("ELEC COMPONENTS IND CO", "company")
    assert form.legal_form_text == "CO"
    assert "INDUSTRIES" in form.generic
    assert _decision("ELECTRONIC COMPONENTS INDUSTRIES CO", "ELEC COMPONENTS IND CO") == Decision.MATCH


@pytest.mark.parametrize(
    ("listed", "written"),
    [
        # COMP for COMPANY inside a form of several words: left as a name word, OPEN JOINT STOCK
        # read as a sibling's distinctive words (0.72).
        ("VTB BANK OPEN JOINT STOCK COMPANY", "VTB BANK OPEN JOINT STOCK COMP"),
        ("CLOSED JOINT STOCK COMPANY ENERGO-OIL", "CLOSED JOINT STOCK COMP ENERGO-OIL"),
        ("Open Joint Stock Company Gazprom", "Open Joint Stock COMP. Gazprom"),
        # The sole owner's ONE PERSON COMPANY written with CO or COMP.
        ("AL-AMMAR LLC ONE PERSON COMPANY", "AL-AMMAR LLC ONE PERSON COMP"),
        ("AL-AMMAR LLC ONE PERSON COMPANY", "AL-AMMAR LLC ONE PERSON CO"),
        ("DAMASCUS CHAM MANAGEMENT ONE-PERSON CO. LTD.", "DAMASCUS CHAM MANAGEMENT ONE-PERSON CO"),
    ],
)
def test_a_form_with_company_written_short_is_that_form(listed: str, written: str) -> None:
    assert _decision(listed, written) == Decision.MATCH


@pytest.mark.parametrize(
    ("listed", "written"),
    [
        # CORPN read as a name word left PJSC the only form against CORPORATION (0.51).
        ("PJSC Irkut Corporation", "PJSC Irkut CORPN"),
        ("JSC UNITED SHIPBUILDING CORPORATION", "JSC UNITED SHIPBUILDING CORPN."),
        ("JSC-UNITED-INSTRUMENT-MANUFACTURING-CORPORATION", "JSC-UNITED-INSTRUMENT-MFR-CORPN"),
    ],
)
def test_corporation_written_corpn_is_the_form(listed: str, written: str) -> None:
    assert _decision(listed, written) == Decision.MATCH


def test_corpn_is_in_the_corp_family() -> None:
    """CORPN is CORP written otherwise: it keeps the CORP / LTD conflict of two legal persons."""
    assert normalise_name("ACME CORPN", "company").legal_form_text == "CORPN"
    assert _decision("ACME CORPN", "ACME CORP") == Decision.MATCH
    assert _decision("ACME CORPN", "ACME LTD") != Decision.MATCH


def test_comp_alone_is_still_a_name_word() -> None:
    """Only a form of several legal words takes COMP: "ALPHA COMP" keeps its (generic) word."""
    form = normalise_name("ALPHA COMP", "company")
    assert form.legal_form_text == ""
    assert form.generic == ("COMPANY",)


@pytest.mark.parametrize(
    ("listed", "written"),
    [
        # By design: the bracketed place names a subsidiary or branch listed on its own.
        ("Huawei Technologies (Australia) Pty Ltd.", "Huawei Technologies Pty Ltd."),
        ("VTB BANK (AUSTRIA) AG", "VTB BANK AG"),
        # By design: LTD dropped from the middle of the name changes what it says.
        (
            "ALFA COMPANY LIMITED FOR INTERNATIONAL TRADING AND MARKETING",
            "ALFA CO FOR INTERNATIONAL TRADING AND MARKETING",
        ),
    ],
)
def test_writings_that_only_reach_review(listed: str, written: str) -> None:
    assert _decision(listed, written) == Decision.POSSIBLE


def test_the_scan_writes_the_scorers_abbreviations_backwards() -> None:
    table = short_forms()
    assert table["GROUP"] == "GRP"
    assert table["TECHNOLOGIES"] == table["TECHNOLOGY"] == "TECH"
    assert table["INDUSTRIAL"] == "IND"
    assert "SERVICOS" not in table  # a translation, not a spelling of SERVICES
    assert "ELECTRONIC" not in table.values()  # one letter short is a spelling, not an abbreviation
    assert short_forms(1)["CORPORATION"] == "CORPN"
    assert short_forms(1)["ENGINEERING"] == "ENGG"
    assert "SHIPPING" not in short_forms(1)  # SHPG is its only abbreviation
    name = "Shenzhen Huaxin Electronic Technology (HK) Co., Ltd."
    assert WRITINGS["words short"](name) == "Shenzhen Huaxin ELEC TECH (HK) Co., Ltd."
    assert WRITINGS["words short dot"](name) == "Shenzhen Huaxin ELEC. TECH. (HK) Co., Ltd."
    assert WRITINGS["Co., Ltd. as CO LTD"](name) == "Shenzhen Huaxin Electronic Technology (HK) CO LTD"
    assert WRITINGS["Co., Ltd. as CO"](name) == "Shenzhen Huaxin Electronic Technology (HK) CO"
    assert WRITINGS["no place bracket"](name) == "Shenzhen Huaxin Electronic Technology Co., Ltd."
    assert WRITINGS["no place bracket"]("ACME (PTY) LTD") == "ACME (PTY) LTD"
