"""``compare()``'s reasons read by a compliance officer: each says what the scorer did, in words
the officer can check against the two names (pairs from the dev split of
``benchmarks/eval_pairs/pairs.csv`` where a reason was found wrong or unreadable)."""

from __future__ import annotations

import pytest

from graph.resolve import Record, compare
from graph.resolve.align import describe_alignment
from graph.resolve.form_typos import keyed_as_written
from graph.resolve.names import fold
from graph.resolve.person_rules import written_order


def reasons(a: str, b: str, kind: str = "company") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in compare(Record("a", kind, (a,)), Record("b", kind, (b,))).reasons:
        out.setdefault(r.feature, []).append(r.detail)
    return out


# --- a legal form is said to be mistyped only when it is --------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # forms cut from both edges (AO … JSC), around the name's words, or written with dots
        (
            "AO Center of Shipbuilding and Ship Repairing JSC",
            "AO Tsentr Tekhnologii Sudostroyeniya i Sudoremonta",
        ),
        ("LIMITED LIABILITY COMPANY SBERBANK FINANCIAL COMPANY", "LLC SBERBANK FINANCIAL COMPANY"),
        ("SNGB AO", "Closed Joint Stock Company Surgutneftegasbank (ZAO SNGB)"),
        ("AVIANDINA S.A.C.", "AVICAL S.A."),
        ("UNITED INSTRUMENT MANUFACTURING CORPORATION", "JSC-UNITED-INSTRUMENT-MANUFACTURING-CORPORATION"),
    ],
)
def test_a_form_written_as_read_is_not_called_a_typo(a: str, b: str) -> None:
    assert not any("typo" in d for d in reasons(a, b)["legal_form"])


def test_a_mistyped_form_is_still_called_one() -> None:
    (legal,) = reasons("AURORA DEVICES PTR LTD", "Aurora Devices Pte. Ltd.")["legal_form"]
    assert "'AURORA DEVICES PTR LTD' keys its form with a typo, read as 'PTE LTD'" in legal


@pytest.mark.parametrize(
    ("run", "name", "written"),
    [
        ("AO JSC", "AO CENTER OF SHIPBUILDING JSC", True),  # both edges
        ("SAC", "AVIANDINA S A C", True),  # dotted letters written together
        ("PTE LTD", "AURORA DEVICES PTR LTD", False),  # PTR corrected
        ("S A DE C V", "GRANITE DEVICES S S DE C V", False),
        ("S DE R L DE C V", "QUARTZSEMI S DE R L ED C V", False),  # DE written once, ED for the other
        ("LIMITED LIABILITY COMPANY", "LIABILITY COMPANY SBERBAK CAPITAL LIMITED", True),  # out of a bracket
    ],
)
def test_keyed_as_written(run: str, name: str, written: bool) -> None:
    assert keyed_as_written(run, fold(name)) is written


# --- line-of-business words read in another form ----------------------------------------------


def test_one_reading_of_a_trade_word_is_said_once_and_not_as_a_misspelling() -> None:
    found = reasons(
        "Scientific Production Enterprise Radiosviaz", "SCIENTIFIC PRODUCTION ENTERPRISE RADOISVIAZ"
    )
    (spelling,) = found["generic_spelling"]  # both names write ENTERPRISE: one reason, not two
    assert spelling.startswith("'Scientific Production Enterprise Radiosviaz' and 'SCIENTIFIC")
    assert "singular or plural" in spelling and "ENTERPRISE as ENTERPRISES" in spelling
    assert "misspells" not in spelling


def test_different_readings_are_said_per_name() -> None:
    found = reasons("Jadeline Tensor Components Pte. Ltd.", "JADELINE TENSOR CMPONENTS PTE LTD")
    assert found["generic_spelling"] == [
        "'JADELINE TENSOR CMPONENTS PTE LTD' writes line-of-business or legal words in another form "
        "(singular or plural, another language's spelling, a romanisation, a cut or a misspelling), "
        "read CMPONENTS as COMPONENTS"
    ]


# --- names in another script: the original beside its romanisation ----------------------------

ARABIC = "جماعة أهل السنة للدعوة والجهاد"


def test_romanised_words_say_where_they_come_from() -> None:
    found = reasons("JAMA'ATU AHLIS SUNNA LIDDA'AWATI WAL-JIHAD", ARABIC)
    assert "'JMH HL LSNH LLDWH WLJHD' (romanised from the Arabic script)" in found["name"][0]
    (sound,) = found["sound_lengths"]  # the reason that does not quote the names shows the original
    assert f"(19 letters, romanised from the Arabic script of {ARABIC!r})" in sound


def test_sound_lengths_shows_the_words_and_no_bare_algorithm_name() -> None:
    (sound,) = reasons("SUBSIDIARY BANK SBERBANK OF RUSSIA JOINT STOCK COMPANY", "TEXAKABANK JSC")[
        "sound_lengths"
    ]
    assert "'SUBSIDIARY BANK SBERBANK' (22 letters)" in sound  # not SUBSIDIARYBANKSBERBANK
    assert "(metaphone '" not in sound and "sound keys" in sound


def test_latin_names_carry_no_script_note() -> None:
    assert "romanised" not in reasons("SNOW", "SINOPA")["name"][0]


# --- organisational words in the officer's words ------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "said"),
    [
        (
            "LIMITED LIABILITY COMPANY SBERBANK FINANCIAL COMPANY",
            "SBERBANK FINANCE LLC",
            "'FINANCIAL' and 'FINANCE' both name the line of business FINANCIAL",
        ),
        ("CENTRAL BANK OF THE RUSSIAN FEDERATION", "CENTRAL BANK OF RUSSIA", "both name the country RU"),
    ],
)
def test_organisation_symbols_are_said_in_words(a: str, b: str, said: str) -> None:
    (detail,) = reasons(a, b)["org_symbols"]
    assert said in detail
    assert "DOMAIN:" not in detail and "LOC:" not in detail and "rigour" not in detail
    assert "'' / ''" not in detail  # names made only of organisational words have no names proper


# --- the words aligned are the names' words ---------------------------------------------------


def test_aligned_words_are_joined_only_where_the_scorer_joined_them() -> None:
    a, b = "Ali Husseini KHAMENEI", "Mazen Ali HUSSEIN"
    words = describe_alignment(written_order(a), written_order(b))
    assert "HUSSEINIALI" not in words  # a word of neither name
    assert words.startswith("ALI=ALI, HUSSEINI / HUSSEIN 0.93 alike")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("CENTRAL BANK OF THE RUSSIAN FEDERATION", "TSENTRALNY BANK ROSSISKOI FEDERATSII"),  # all org words
        ("EVROFINANCE MOSNARBANK", "AKTSIONERNY KOMMERCHESKI BANK EVROFINANS MOSNARBANK"),  # one writes none
    ],
)
def test_a_translation_never_quotes_nothing(a: str, b: str) -> None:
    (detail,) = reasons(a, b)["translation"]
    assert "''" not in detail


def test_names_of_organisational_words_only_say_so() -> None:
    (detail,) = reasons("CENTRAL BANK OF THE RUSSIAN FEDERATION", "TSENTRALNY BANK ROSSISKOI FEDERATSII")[
        "translation"
    ]
    assert "neither name has a word beyond its organisational words (3 or more)" in detail


def test_short_words_left_unpaired_are_not_said_to_be_one_letter_apart() -> None:
    words = describe_alignment(written_order("Tahir DALIPI"), written_order("Ali QASIR"))
    assert "not paired: DALIPI / ALI" in words  # six letters against three: no "one letter apart"
    assert "one letter apart" not in words and "3 letters or fewer" in words


@pytest.mark.parametrize(
    ("a", "b", "feature"),
    [
        ("PJSC VTB BANK (KIEV)", "VTB BANK (KIEV)", "place_name"),  # both write KIEV
        ("ISIS IN THE GREATER SAHARA", "ISIS IN THE GREATER SAHEL", "short_form"),  # both write ISIS
    ],
)
def test_a_reading_both_names_share_is_said_once(a: str, b: str, feature: str) -> None:
    assert len(reasons(a, b)[feature]) == 1
