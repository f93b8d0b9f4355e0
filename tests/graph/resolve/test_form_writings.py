"""Audit: each legal form that matters for chip diversion, written every way the lists write it.

The transshipment hubs and sourcing countries publish one form dotted, spaced, without dots, in
full and in local script ("ZEBRON S.A.R.L." / "ZEBRON SARL", "X PRIVATE LIMITED" / "X PTE LTD").
Every two writings of one form are one legal person: "ACMETRONIX <writing 1>" /
"ACMETRONIX <writing 2>" must match, and so must the bare name against the name with a form.
Forms of different legal persons (GmbH / Ltd, FZE / LLC, Pvt Ltd / Pte Ltd) are not in one row.
"""

from __future__ import annotations

from itertools import combinations

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.form_writings import other_writings
from graph.resolve.legal_forms import family
from graph.resolve.names import legal_forms, normalise_name
from tests.graph.resolve.scoring_pairs import batch_equals_compare

NAME = "ACMETRONIX"

#: One row per legal form: (where, writings of it).
FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SG private limited", ("Pte. Ltd.", "PTE LTD", "Pte Ltd", "Private Limited", "PTE. LIMITED")),
    ("HK / CN / TH limited company", ("Co., Ltd.", "CO LTD", "Co. Ltd", "Company Limited", "CO., LIMITED")),
    ("HK limited", ("Limited", "Ltd.", "LTD")),
    ("CN limited company, local", ("有限公司", "Youxian Gongsi", "Co., Ltd.")),
    ("CN limited liability company, local", ("有限责任公司", "Youxian Zeren Gongsi", "Co., Ltd.")),
    (
        "AE limited liability company",
        (
            "LLC",
            "L.L.C.",
            "L L C",
            "Limited Liability Company",
            "Limited Liability Co.",
            "Ltd. Liability Co.",
        ),
    ),
    ("AE free-zone establishment", ("FZE", "F.Z.E.", "Free Zone Establishment")),
    ("AE free-zone LLC, LLC first", ("LLC-FZ", "L.L.C-FZ", "LLC FZ")),
    ("AE free-zone company", ("FZCO", "FZ CO", "F.Z.CO.", "Free Zone Company")),
    ("AE free-zone LLC", ("FZ-LLC", "FZ LLC", "F.Z.-L.L.C.", "FZLLC")),
    ("AE establishment", ("Est.", "EST", "Establishment")),
    ("TR joint-stock company", ("A.S.", "A.Ş.", "AS", "Anonim Şirketi", "Anonim Sirketi")),
    ("TR limited company", ("Ltd. Şti.", "LTD STI", "Ltd. Sti.", "Limited Şirketi", "Limited Sirketi")),
    ("RU limited liability company", ("OOO", "ООО", "O.O.O.")),
    ("KZ limited liability partnership", ("TOO", "ТОО", "T.O.O.", "LLP", "Limited Liability Partnership")),
    ("RU joint-stock company", ("AO", "АО", "A.O.")),
    ("RU closed joint-stock company", ("ZAO", "ЗАО", "CJSC", "Z.A.O.")),
    ("RU open joint-stock company", ("OAO", "ОАО", "OJSC", "O.A.O.")),
    ("RU public joint-stock company", ("PAO", "ПАО", "PJSC", "P.A.O.")),
    (
        "joint-stock company",
        ("JSC", "J.S.C.", "Joint Stock Company", "Joint-Stock Company", "Joint Stock Co.", "Jt St Co"),
    ),
    (
        "RU open joint-stock company, in English",
        ("Open Joint Stock Company", "Open Joint Stock Co.", "Open Jt St Co"),
    ),
    (
        "GB public limited company",
        ("PLC", "P.L.C.", "Public Limited Company", "Public Ltd. Co.", "Public Limited Co."),
    ),
    ("IN private limited", ("Pvt. Ltd.", "PVT LTD", "Private Limited", "Pvt Ltd", "P. Ltd.")),
    ("MY private limited", ("Sdn. Bhd.", "SDN BHD", "Sendirian Berhad", "Sdn Bhd")),
    ("MY public limited", ("Bhd.", "BHD", "Berhad")),
    ("KR corporation", ("Co., Ltd.", "CO LTD", "Company Limited", "주식회사", "Jusik Hoesa")),
    ("JP kabushiki kaisha", ("K.K.", "KK", "Kabushiki Kaisha", "株式会社")),
    ("TW limited company", ("Co., Ltd.", "CO LTD", "Company Limited", "股份有限公司")),
    ("VN limited liability company", ("Co., Ltd.", "CO LTD", "Company Limited")),
    ("DE GmbH", ("GmbH", "G.m.b.H.", "GMBH", "Gesellschaft mit beschränkter Haftung")),
    ("DE AG", ("AG", "A.G.", "Aktiengesellschaft")),
    (
        "DE GmbH & Co. KG",
        ("GmbH & Co. KG", "GMBH & CO KG", "GmbH und Co. KG", "GmbH & Company KG", "GmbH and Co. KG"),
    ),
    ("DE AG & Co. OHG", ("AG & Co. OHG", "AG & Company OHG")),
    ("NZ co-operative company", ("Cooperative Company", "Cooperative Co.", "COOPERATIVE CO", "Cooperative")),
    ("DE UG", ("UG", "U.G.", "UG (haftungsbeschränkt)")),
    ("NL B.V.", ("B.V.", "BV", "B V", "Besloten Vennootschap")),
    ("NL N.V.", ("N.V.", "NV", "N V", "Naamloze Vennootschap")),
    ("FR / LB SARL", ("SARL", "S.A.R.L.", "S A R L", "S.à r.l.", "Société à responsabilité limitée")),
    ("FR SAS", ("SAS", "S.A.S.", "S A S", "Société par actions simplifiée")),
    ("FR / ES SA", ("SA", "S.A.", "S A", "Société Anonyme", "Sociedad Anónima")),
    ("IT S.r.l.", ("S.r.l.", "SRL", "S R L", "Società a responsabilità limitata")),
    ("IT S.p.A.", ("S.p.A.", "SPA", "S P A", "Società per azioni")),
    ("ES S.L.", ("S.L.", "SL", "S L", "Sociedad Limitada")),
    ("MX S.A. de C.V.", ("S.A. de C.V.", "SA DE CV", "S A DE C V", "S.A. DE C.V.")),
    ("MX S.A.P.I. de C.V.", ("S.A.P.I. de C.V.", "SAPI DE CV", "S A P I DE C V")),
    ("MX S. de R.L.", ("S. de R.L.", "S DE RL", "S DE R L")),
    # Of variable capital (de C.V.), one legal person with the S. de R.L. written short.
    (
        "MX S. de R.L. de C.V.",
        (
            "S. de R.L. de C.V.",
            "S DE RL DE CV",
            "S DE R L DE C V",
            "S. DE R.L. DE C.V.",
            "S DE R L DE CV",
            "S DE RL",
        ),
    ),
    (
        "MX S.P.R. de R.L. de C.V.",
        ("S.P.R. de R.L. de C.V.", "SPR DE RL DE CV", "S P R DE R L DE C V", "S.P.R. de R.L."),
    ),
    ("PL Sp. z o.o.", ("Sp. z o.o.", "SP Z OO", "SP Z O O", "Spółka z ograniczoną odpowiedzialnością")),
    ("CZ / SK s.r.o.", ("s.r.o.", "SRO", "S R O", "spol. s r.o.")),
    ("CZ / SK a.s.", ("a.s.", "A S", "akciová společnost")),
    ("LB S.A.L.", ("S.A.L.", "SAL", "S A L")),
    ("TH public company", ("Public Company Limited", "PCL", "Public Co., Ltd.")),
    ("Gulf W.L.L.", ("W.L.L.", "WLL", "W L L", "With Limited Liability")),
    ("BH B.S.C.", ("B.S.C.", "BSC", "B S C")),
    ("KW K.S.C.C.", ("K.S.C.C.", "KSCC", "K S C C")),
    ("QA Q.P.S.C.", ("Q.P.S.C.", "QPSC", "Q P S C")),
    ("OM S.A.O.G.", ("S.A.O.G.", "SAOG", "S A O G")),
    ("EG S.A.E.", ("S.A.E.", "SAE", "S A E")),
)

WRITING_PAIRS = [
    pytest.param(a, b, id=f"{where}: {a} / {b}") for where, ws in FORMS for a, b in combinations(ws, 2)
]
BARE_PAIRS = [pytest.param(w, id=f"{where}: {w}") for where, ws in FORMS for w in ws]


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


@pytest.mark.parametrize(("a", "b"), WRITING_PAIRS)
def test_two_writings_of_one_form_match(a: str, b: str) -> None:
    match = compare(rec(f"{NAME} {a}"), rec(f"{NAME} {b}"))
    assert match.decision is Decision.MATCH, match.reasons


@pytest.mark.parametrize("writing", BARE_PAIRS)
def test_the_bare_name_matches_the_name_with_its_form(writing: str) -> None:
    match = compare(rec(NAME), rec(f"{NAME} {writing}"))
    assert match.decision is Decision.MATCH, match.reasons


def test_batch_scores_equal_compare_for_every_writing() -> None:
    pairs = [(f"{NAME} {a}", f"{NAME} {b}") for _, ws in FORMS for a, b in combinations(ws, 2)]
    pairs += [(NAME, f"{NAME} {w}") for _, ws in FORMS for w in ws]
    batch_equals_compare(pairs, kind="company")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Forms of different legal persons stay apart (form_variants, legal_forms.FAMILIES).
        ("ACMETRONIX GmbH", "ACMETRONIX Ltd"),
        ("ACMETRONIX FZE", "ACMETRONIX L.L.C."),
        ("ACMETRONIX Pvt. Ltd.", "ACMETRONIX Pte. Ltd."),
        ("ACMETRONIX a.s.", "ACMETRONIX GmbH"),
        ("ACMETRONIX LLP", "ACMETRONIX Ltd"),
        ("ACMETRONIX TOO", "ACMETRONIX Inc"),
        ("ACMETRONIX S.A. de C.V.", "ACMETRONIX S. de R.L."),
        ("ACMETRONIX S.A. de C.V.", "ACMETRONIX S. de R.L. de C.V."),
        ("ACMETRONIX Sdn. Bhd.", "ACMETRONIX Berhad"),
        ("ACMETRONIX SARL", "ACMETRONIX INC"),
        ("ACMETRONIX OOO", "ACMETRONIX OAO"),
        # A form written short keeps its family (graph.resolve.form_writings): JOINT STOCK CO is
        # the JOINT STOCK COMPANY, and a line-of-business word before CORP is the name's.
        ("ACMETRONIX Joint Stock Co.", "ACMETRONIX LLC"),
        ("ACMETRONIX Jt St Co", "ACMETRONIX LLC"),
        ("TOVASE DEVELOPMENT CORP", "TOVASE DEVELOPMENT LTD"),
        ("TOVASE INTERNATIONAL CORP", "TOVASE INTERNATIONAL LTD"),
        ("TOVASE INSURANCE CORP", "TOVASE INSURANCE LTD"),
        ("TOVASE STOCK CORP", "TOVASE STOCK LTD"),
        ("TOVASE PUBLIC CORP", "TOVASE PUBLIC LTD"),
    ],
)
def test_forms_of_different_legal_persons_still_conflict(a: str, b: str) -> None:
    assert compare(rec(a), rec(b)).decision is not Decision.MATCH


@pytest.mark.parametrize(
    ("written", "form"),
    [
        ("ALPHA GMBH & COMPANY KG", "GMBH AND CO KG"),
        ("ALPHA GMBH & CO KG", "GMBH AND CO KG"),
        ("ALPHA COOPERATIVE CO", "COOPERATIVE COMPANY"),
        ("ALPHA COOPERATIVE COMPANY", "COOPERATIVE COMPANY"),
        ("ALPHA JT ST CO", "JOINT STOCK COMPANY"),
        ("ALPHA PUBLIC LTD CO", "PUBLIC LIMITED COMPANY"),
    ],
)
def test_a_form_written_short_or_in_full_reads_as_one_form(written: str, form: str) -> None:
    read = normalise_name(written, "company")
    assert (read.tokens, read.legal_form_text) == (("ALPHA",), form)


@pytest.mark.parametrize(
    "written",
    [
        # ELF forms named by a line of business (US "Development Corporation", Cook Islands
        # "International Company", "Insurance Company") written short: the word is the name's.
        "DEVELOPMENT CORP",
        "INTERNATIONAL CO",
        "INSURANCE CO",
        "CAPTIVE INSURANCE CO",
        # Forms with no family ("Public Corporation", "Stock Corporation") written short are the
        # CORP of the CORP family, which sets "X CORP" apart from "X LTD".
        "PUBLIC CORP",
        "STOCK CORP",
        # The co-operative's CO is no COMPANY.
        "COMPANY OP LTD",
    ],
)
def test_no_other_writing_for_forms_of_business_words_or_that_lose_a_family(written: str) -> None:
    assert tuple(written.split()) not in legal_forms().writings


def test_every_writing_of_a_form_is_in_the_family_of_the_form() -> None:
    """A form of the table without a family whose other writing has one (JOINT STOCK CO /
    JOINT STOCK COMPANY) would keep "X JOINT STOCK CO" and "X LLC" together."""
    table = legal_forms().table
    missing = [
        " ".join(key)
        for key in table
        if family(" ".join(key)) is None and any(family(" ".join(w)) for w in other_writings(key))
    ]
    assert missing == []


def test_company_says_nothing_of_where() -> None:
    forms = legal_forms()
    assert not forms.jurisdiction_conflict("COOPERATIVE COMPANY", "COOPERATIVE")
    assert forms.jurisdictions("LIMITED COMPANY") is None
    assert forms.jurisdiction_conflict("PVT LTD", "PTE LTD")
