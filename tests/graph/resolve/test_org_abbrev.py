"""Organisation types written three ways (NII / NAUCHNO-ISSLEDOVATELSKII INSTITUT / SCIENTIFIC
RESEARCH INSTITUTE), and type words one name leaves out.

The pairs are the lists' own (dev split of the labelled evaluation). A type abbreviation only
pairs organisational words; the names proper must still agree on their own, and an English
word is never dropped.
"""

from __future__ import annotations

import csv
from collections import defaultdict

import numpy as np
import pytest

from graph.resolve import Decision, Record, compare, prepare, score_pairs
from graph.resolve.features import pair_features
from graph.resolve.names import ABBREVIATIONS, GENERIC_WORDS, normalise_name
from graph.resolve.org_abbrev import TABLE
from graph.resolve.org_translate import org_view, same_by_translation, translate


def rec(name: str) -> Record:
    return Record(id=name[:20], kind="company", names=(name,))


def view(name: str):  # type: ignore[no-untyped-def]
    return org_view(normalise_name(name).tokens, GENERIC_WORDS)


def features(a: str, b: str):  # type: ignore[no-untyped-def]
    got = compare(rec(a), rec(b))
    batch = score_pairs(prepare([rec(a)]), prepare([rec(b)]), np.array([[0, 0]])).score[0]
    assert batch == pytest.approx(got.score, abs=1e-6)  # the batch scorer agrees
    return got


@pytest.mark.parametrize(
    ("a", "b", "abbreviation"),
    [
        ("48th Central Scientific Research Institute, Yekaterinburg", "48th TsNII Yekaterinburg", "TSNII"),
        ("All-Russian Scientific-Research Institute Etalon JSC", "VNII Etalon JSC", "VNII"),
        ("Joint Stock Company Experimental Design Bureau Novator", "JSC OKB Novator", "OKB"),
        ("Special Design Bureau Salute JSC", "OKB Salute JSC", "OKB"),
        ("Svyaz Design Bureau, OJSC", "KB Svyaz", "KB"),
        ("MZ MAYAK OAO", "OPEN JOINT-STOCK COMPANY MASHINOSTROITELNIY ZAVOD MAYAK", "MZ"),
        ("MZ MAYAK OAO", "MAYAK MACHINE BUILDING PLANT OPEN JOINT STOCK COMPANY", "MZ"),
        ("JOINT STOCK COMMERCIAL BANK NOVIKOMBANK", "AO AKB NOVIKOMBANK", "AKB"),
        (
            "JOINT STOCK COMMERCIAL BANK NOVIKOMBANK",
            "AKTSIONERNY KOMMERCHESKI BANK NOVIKOMBANK AKTSIONERNOE OBSHCHESTVO",
            "AKB",
        ),
        ("NTC Metrotek", "Nauchno-Tekhnicheskee Tsentr Metrotek", "NTC"),
        # ASSOCIATION ends the name and is read as its legal form: FOREIGN ECONOMIC is the type.
        (
            "OTKRYTOE AKTSIONERNOE OBSHCHESTVO VNESHNEEKONOMICHESKOE OBEDINENIE TEKHNOPROMEKSPORT",
            "TECHNOPROMEXPORT FOREIGN ECONOMIC ASSOCIATION OPEN JOINT STOCK COMPANY",
            "VO",
        ),
        ("PRIVATE MILITARY COMPANY 'WAGNER'", "CHVK VAGNER", "CHVK"),
        (
            "OTKRYTOE AKTSIONERNOE OBSHCHESTVO VNESHNEEKONOMICHESKOE OBEDINENIE TEKHNOPROMEKSPORT",
            "JOINT STOCK COMPANY FOREIGN ECONOMIC ASSOCIATION TEKHNOPROMEXPORT",
            "VO",
        ),
    ],
)
def test_type_abbreviation_matches_and_says_so(a: str, b: str, abbreviation: str) -> None:
    got = features(a, b)
    assert got.decision == Decision.MATCH, got
    said = [r.detail for r in got.reasons if r.feature == "org_abbreviation"]
    assert said and any(d.split(":")[0].endswith(f"= {abbreviation}") for d in said), got.reasons


@pytest.mark.parametrize(
    ("a", "b", "left_out"),
    [
        (
            "OTKRYTOE AKTSIONERNOE OBSHCHESTVO VNESHNEEKONOMICHESKOE OBEDINENIE TEKHNOPROMEKSPORT",
            "TECHNOPROMEXPORT OJSC",
            "VO",
        ),
        ("EVROFINANCE MOSNARBANK", "AKTSIONERNY KOMMERCHESKI BANK EVROFINANS MOSNARBANK", "AKB"),
        ("JSC NPO TEKHNOPROMEXPORT", "TECHNOPROMEXPORT OJSC", "NPO"),
        # Turkish company-type phrase "ic ve dis ticaret" (domestic and foreign trade); "Limited
        # Sirketi" is "Limited Company" (no jurisdiction conflict).
        (
            "Sekirin Tekstil Ithalat Ihracat le ve Dis Ticaret Limited Sirketi",
            "Sekirin Textiles Export Import Limited Company",
            "FOREIGN LE TRADING",
        ),
        ("Kral Aviation", "Kral Havacilik Ic Ve Dis Ticaret Sirketi", "DOMESTIC FOREIGN TRADING"),
    ],
)
def test_local_type_words_may_be_left_out(a: str, b: str, left_out: str) -> None:
    got = features(a, b)
    assert got.decision == Decision.MATCH, got
    said = [r.detail for r in got.reasons if r.feature == "org_words_left_out"]
    assert said and f"organisation type {left_out} " in said[0], got.reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Xinjiang Lianhai Chuangzhi Information Technology Co., Ltd.",
            "Xinjiang Lianhai Chuangzhi Xinxi Keji Youxian Gongsi",
        ),
        (
            "MULTIMAT IC VE DIS TICARET PAZARLAMA LIMITED SIRKETI",
            "MULTIMAT DOMESTIC AND FOREIGN TRADE MARKETING LTD.",
        ),
        ("SEPAHAN CEMENT", "SIMAN SEPAHAN"),
        ("PERSIA OIL & GAS INDUSTRY DEVELOPMENT CO.", "TOSE SANAT-E NAFT VA GAS PERSIA"),
        ("JSC NPO HIGH PRECISION SYSTEMS", "NPO VYSOKOTOCHNYE KOMPLEKSY, AO"),
        ("ZAYNABIYOUN BRIGADE", "LIWA ZAYNABIYOUN"),
        ("NATIONAL LIBERATION ARMY", "EJERCITO DE LIBERACION NACIONAL"),
        ("NOVATEK SEVERO-ZAPAD, OOO", "LIMITED LIABILITY COMPANY 'NOVATEK NORTH-WEST'"),
        (
            "STATE SECURITY COMMITTEE OF THE REPUBLIC OF BELARUS",
            "KAMITET DZYARZHAUNAI BIASPEKI RESPUBLIKI BELARUS",
        ),
        ("MINSK SPECIAL PURPOSE POLICE UNIT", "MINSK OTRYAD MILITSII OSOBOVO NAZNACHENIYA"),
    ],
)
def test_more_languages_translate(a: str, b: str) -> None:
    got = features(a, b)
    assert got.decision == Decision.MATCH, got
    assert any(r.feature == "translation" for r in got.reasons)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The type agrees, the names proper do not.
        ("JSC OKB Novator", "Experimental Design Bureau Vympel"),
        ("NII Vega", "Scientific Research Institute Etalon"),
        # English words are never dropped, type words included.
        ("SPECIAL DESIGN BUREAU SALUTE", "SALUTE LLC"),
        ("QUANTUM RESEARCH INSTITUTE", "QUANTUM LLC"),
        ("ACME DOMESTIC AND FOREIGN TRADE LTD", "ACME LTD"),
        # Each name has a type the other lacks.
        ("NPO SPLAV", "VO SPLAV"),
        ("VO TEKHNOPROMEXPORT", "TEKHNOPROMEXPORT SERVICES"),
        # A type that is part of the name is never left out (a private military company).
        ("CHVK VAGNER", "VAGNER GMBH"),
        # A type that names a different body than the bare name is never left out (the design
        # bureau, the plant, the institute of a firm: MZ MAYAK is not the Mayak association).
        ("OKB SUKHOI", "SUKHOI COMPANY"),
        ("MZ MAYAK", "MAYAK OAO"),
        ("NII ETALON", "ETALON LLC"),
        # A two-letter abbreviation is never left out: it starts too many names.
        ("KB FINANCIAL GROUP", "FINANCIAL GROUP INC"),
        ("JSC VO TEKHNOPROMEXPORT", "TECHNOPROMEXPORT OJSC"),
        # Names proper too short to stand alone.
        ("NPO AB", "AB"),
        # The reverted f1 branch's false links stay apart.
        ("Onyx Components Ltd", "Onyx Construction Company"),
        ("Optima Components Co., Ltd.", "OPTIMA, OOO"),
        ("Ultra Technology Trading Limited", "ULTRA TRADE SERVICE LLC"),
    ],
)
def test_no_abbreviation_or_left_out_without_agreement(a: str, b: str) -> None:
    assert not same_by_translation(view(a), view(b))
    f = pair_features(prepare([rec(a)]), prepare([rec(b)]), np.array([[0, 0]]))
    assert not f.translation[0]
    reasons = {r.feature for r in compare(rec(a), rec(b)).reasons}
    assert not reasons & {"translation", "org_abbreviation", "org_words_left_out"}


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Sekirin Tekstil Ithalat Ihracat Limited Sirketi", "LIMITED SIRKETI"),
        ("Aselsan Elektronik Sanayi ve Ticaret Anonim Sirketi", "ANONIM SIRKETI"),
        ("AKTSIONERNOE OBSCHESTVO 'YALTINSKAYA KINOSTUDIYA'", "AKTSIONERNOE OBSCHESTVO"),
        (
            "OBSCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU ROMASHKA",
            "OBSCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
        ),
    ],
)
def test_turkish_and_sch_legal_forms_are_cut(name: str, form: str) -> None:
    got = normalise_name(name)
    assert got.legal_form_text == form
    assert not set(form.split()) & set(got.tokens)


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("MASHINOSTROITELNIY", "MACHINE BUILDING"),
        ("VNESHNEEKONOMICHESKOE", "FOREIGN ECONOMIC"),
        ("XINXI", "INFORMATION"),
        ("HAVACILIK", "AVIATION"),
        ("SIMAN", "CEMENT"),
    ],
)
def test_translate_new_words(word: str, english: str) -> None:
    assert translate(word) == english


def test_table_is_consistent() -> None:
    """Phrases are written as names normalise them (ENTERPRISES, not ENTERPRISE), and every row
    of one concept agrees whether it may be left out."""
    omittable: dict[str, set[str]] = defaultdict(set)
    with TABLE.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for word in row["written"].split():
                assert ABBREVIATIONS.get(word, word) == word, row
            if row["concept"]:
                omittable[row["concept"]].add(row["omittable"])
    assert omittable and all(len(v) == 1 for v in omittable.values()), omittable
