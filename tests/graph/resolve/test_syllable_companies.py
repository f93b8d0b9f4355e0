"""Korean and Chinese company names a whole syllable apart (graph.resolve.syllable_companies):
JINSONG / JINMYONG JOINT BANK and YONGJIN / PYONGJIN SHIP MANAGEMENT are distinct OFAC entries
that scored as one name (0.97, 0.99). They go to review, and say which syllables differ; a
romanisation of one name, a vowel slip, an English or Spanish word and a slip that makes a word
no list entry uses still match. The swapped words are words of the bundled lists (the rule reads
them only there)."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, Record, compare
from graph.resolve.syllable_companies import swapped_syllable, syllable_swap
from tests.graph.resolve.scoring_pairs import batch_equals_compare, reasons
from tests.graph.resolve.scoring_pairs import company as rec

RULE = "syllable_sibling"

#: Two companies: names a syllable apart, and the syllables the reason names.
SWAPS = [
    ("JINSONG JOINT BANK", "JINMYONG JOINT BANK", "'SONG' and 'MYONG'"),
    (
        "YONGJIN SHIP MANAGEMENT COMPANY LIMITED",
        "PYONGJIN SHIP MANAGEMENT COMPANY LIMITED",
        "'YONG' and 'PYONG'",
    ),
    ("Daesong Trading Corporation", "Daebong Trading Corporation", "'SONG' and 'BONG'"),
    ("Tongbang Electronics Co., Ltd.", "Tongfang Electronics Co., Ltd.", "'BANG' and 'FANG'"),
]

#: One company: names the rule must leave alone.
SAME_NAMES = [
    ("KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION", "KOREA RYENHA MACHINERY JOINT VENTURE CORPORATION"),
    ("Yixin Science and Technology Co. Ltd.", "Yuxin Science and Technology Co. Ltd."),  # a vowel
    ("JINSONG JOINT BANK", "JINSUNG JOINT BANK"),  # SONG / SUNG: one syllable romanised two ways
    ("JINSONG JOINT BANK", "JINHONG JOINT BANK"),  # a slip making a word no list entry uses
    ("Shenzhen Huaxin Electronics", "Shenzhen Hua Xin Electronics"),  # joined or split
    ("South Sudan Ministry of Mining", "SOUTH SUDAN MINISTRY OF MINONG"),  # an English word mistyped
]


@pytest.mark.parametrize(("a", "b", "named"), SWAPS)
def test_names_a_syllable_apart_go_to_review(a: str, b: str, named: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.POSSIBLE, m.reasons
    assert named in reasons(m)[RULE]
    assert next(r.contribution for r in m.reasons if r.feature == RULE) < 0


@pytest.mark.parametrize(("a", "b", "named"), SWAPS)
def test_an_agreeing_country_does_not_make_the_swap_a_match(a: str, b: str, named: str) -> None:
    m = compare(
        Record(id="a", kind="company", names=(a,), country="KP"),
        Record(id="b", kind="company", names=(b,), country="KP"),
    )
    assert m.decision is Decision.POSSIBLE, m.reasons
    assert "not counted" in reasons(m)["country"]


@pytest.mark.parametrize(("a", "b"), SAME_NAMES)
def test_one_name_written_two_ways_still_matches(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH, m.reasons
    assert RULE not in reasons(m)


def test_batch_scores_swaps_as_compare() -> None:
    scored = batch_equals_compare([(a, b) for a, b, _ in SWAPS] + SAME_NAMES, kind="company")
    n = len(SWAPS)
    assert ((scored.score[:n] >= 0.5) & (scored.score[:n] < 0.8)).all()
    assert (scored.score[n:] >= 0.8).all()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("RODONG", "NODONG"),  # the Korean initial-sound law: R / N at a word's start
        ("RYONGJIN", "YONGJIN"),  # RYONG / YONG: R dropped before Y
        ("JENHUA", "RENHUA"),  # Wade-Giles J is pinyin R
        ("GUIZHOU", "GUOZHOU"),  # the same initials: a vowel slip
        ("TODO", "YODO"),  # no NG: a Spanish word mistyped
        ("JAPAN", "KAPAN"),
        ("SANTA", "SAMTA"),
    ],
)
def test_words_that_are_one_name_or_no_korean_or_chinese_word(a: str, b: str) -> None:
    assert swapped_syllable(a, b) is None and swapped_syllable(b, a) is None


def test_the_swapped_words_must_both_be_list_words() -> None:
    assert syllable_swap("JINSONG", "JINMYONG", {"JINSONG", "JINMYONG"}) is not None
    assert syllable_swap("JINSONG", "JINMYONG", {"JINSONG"}) is None
    # one word differs on each side, and only one
    assert syllable_swap("JINSONG KOREA", "JINMYONG", {"JINSONG", "JINMYONG", "KOREA"}) is None


#: Chinese names a syllable apart with no NG (HUA·FEI / HUA·WEI): a Chinese place both names
#: write stands for the NG, and one listed word is enough when the other is no keying slip of it.
CHINESE_SWAPS = [
    (
        "Beijing Huafei Technology Co., Ltd.",
        "Beijing Huawei Digital Technologies Co., Ltd.",
        "'FEI' and 'WEI'",
    ),
    ("Huafei Technology (Hong Kong) Limited", "Huawei Technology (Hong Kong) Limited", "'FEI' and 'WEI'"),
    # A city of GeoNames, not of rigour (graph.resolve.major_cities); main: 0.984, a match.
    ("Dongguan Huafei Technology Co., Ltd.", "Dongguan Huawei Technology Co., Ltd.", "'FEI' and 'WEI'"),
]

#: One company still: a romanisation, joined syllables, or a keying slip of the listed word.
CHINESE_SAME = [
    ("Beijing Huaxin Electronics", "Beijing Hua Xin Electronics"),
    ("Shenzhen Huaxin Electronics", "Shenzhen Huaxing Electronics"),
    ("Beijing Huaxin Electronics", "Beijing Huaxing Electronics"),  # XIN / XING: one initial
    ("Beijing Huawei Technology", "Beijing Huaqei Technology"),  # Q beside W: a slip
    ("Beijing Huawei Technology", "Beijing Huawe Technology"),  # a letter dropped
]


@pytest.mark.parametrize(("a", "b", "named"), CHINESE_SWAPS)
def test_chinese_names_a_syllable_apart_with_a_chinese_place_go_to_review(a: str, b: str, named: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.POSSIBLE, m.reasons
    assert named in reasons(m)[RULE]


@pytest.mark.parametrize(("a", "b"), CHINESE_SAME)
def test_chinese_names_written_two_ways_or_mistyped_still_match(a: str, b: str) -> None:
    m = compare(rec(a), rec(b))
    assert m.decision is Decision.MATCH, m.reasons
    assert RULE not in reasons(m)


def test_batch_scores_chinese_swaps_as_compare() -> None:
    scored = batch_equals_compare([(a, b) for a, b, _ in CHINESE_SWAPS] + CHINESE_SAME, kind="company")
    n = len(CHINESE_SWAPS)
    assert ((scored.score[:n] >= 0.5) & (scored.score[:n] < 0.8)).all()
    assert (scored.score[n:] >= 0.8).all()


def test_the_place_stands_for_the_ng_only_when_both_names_write_it() -> None:
    known = {"HUAWEI", "BEIJING", "SHANGHAI"}
    assert syllable_swap("BEIJING HUAFEI", "BEIJING HUAWEI", known) is not None
    assert syllable_swap("HUAFEI", "HUAWEI", known) is None  # no place: no NG, no second sign
    assert syllable_swap("BEIJING HUAFEI", "HUAWEI BEIJING", known) is not None
    assert syllable_swap("BEIJING HUAFEI", "BEIJING HUAWEI", set()) is None  # neither word listed
    # one side only names the place: the words differ by more than the syllable
    assert syllable_swap("BEIJING HUAFEI", "SHANGHAI HUAWEI", known) is None
    # a Korean-style slip with no NG and no Chinese place stays one name
    assert swapped_syllable("HUAFEI", "HUAWEI") is None
    assert swapped_syllable("HUAFEI", "HUAWEI", chinese=True) is not None
