"""A private limited company and a limited company of one name are one company (private_limited).

Pairs from the evaluation (OFAC a.k.a.s of one entry, GLEIF other names of one LEI, and the
Entity List's sibling subsidiaries); before :mod:`graph.resolve.private_limited` the private
form against LTD was read as two legal persons.
"""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.private_limited import private_and_limited
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

SAME_COMPANY = [
    ("SENAT SHIPPING LIMITED", "SENAT SHIPPING AND TRADING PRIVATE LIMITED"),  # OFAC a.k.a.
    ("GARNISH PAINTS LIMITED", "GARNISH PAINTS PVT LTD"),
    ("KTK Engineering Ltd", "KTK Engineering (PVT) LTD"),
]

TWO_COMPANIES = [
    # A Singapore private company and the Hong Kong / Chinese company of one group: siblings.
    ("Huawei International Pte. Ltd.", "Huawei International Co., Limited"),
    ("Cedar Systems Pte. Ltd.", "Cedar Systems Co., Ltd."),
    # Two private forms of different jurisdictions.
    ("Mushko Electronics Pte. Ltd.", "Mushko Electronics Pvt. Ltd."),
]


@pytest.mark.parametrize(("a", "b"), SAME_COMPANY)
def test_a_private_limited_company_is_a_limited_company(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "private limited company" in reasons(m)["legal_form"]


@pytest.mark.parametrize(("a", "b"), TWO_COMPANIES)
def test_other_private_or_limited_forms_stay_two_legal_persons(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is not Decision.MATCH
    assert "private limited company" not in reasons(m)["legal_form"]


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("PVT LTD", "LTD", True),
        ("LIMITED", "PRIVATE LIMITED", True),
        ("PVT LTD", "CO LTD", False),
        ("PTE LTD", "LTD", False),
        ("PVT LTD", "PVT LTD", False),
        ("LTD", "LIMITED", False),
    ],
)
def test_private_and_limited(a: str, b: str, one: bool) -> None:
    assert private_and_limited(a, b) is one
    assert private_and_limited(b, a) is one


def test_batch_scores_equal_compare() -> None:
    batch_equals_compare([*SAME_COMPANY, *TWO_COMPANIES], kind="company")
