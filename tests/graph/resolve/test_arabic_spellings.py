"""Arabic organisation names romanised two ways (graph.resolve.arabic_spellings, read by
graph.resolve.respelt_words): two names that both write the Arabic article are one name when
their words pair as one Arabic word each, though none is spelt alike."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.resolve import Decision, compare
from graph.resolve.arabic_spellings import (
    APART,
    JOINED,
    arabic_key,
    article_writing,
    both_write_article,
    glued,
    may_respell_all,
    same_word,
    sun_articles,
)
from graph.resolve.respelt_words import respelt_similarity
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

#: Dev-split misses of issue #5 (benchmarks/eval_pairs/pairs.csv, OFAC aliases).
VARIANTS = [
    # the article joined (ALDAWA), the tāʾ marbūṭa (LAJNAT / LAJNA), a slip (ISALMIAH): no word alike
    ("LAJNAT AL DAAWA AL ISLAMIYYA", "LAJNA ALDAWA ALISALMIAH"),
    # the article assimilated (AR RAHMA), the tāʾ marbūṭa (RAHMAH / RAHMA)
    ("AL RAHMAH WELFARE ORGANIZATION", "AR RAHMA WELFARE TRUST"),
    # ARD / ARDH, JADIDAH / JADIDA: no word alike, the shorter name of two words
    ("AL-ARD AL-JADIDAH MONEY EXCHANGE COMPANY", "AL ARDH AL JADIDA"),
    # a name of one word, a letter dropped, shortened: KHALDI / KHALIDI
    ("AL-KHALIDI EXCHANGE", "AL KHALDI COMPANY LLC"),
]


@pytest.mark.parametrize(("a", "b"), VARIANTS)
def test_arabic_romanisations_match_and_say_why(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert m.decision is Decision.MATCH
    assert "both names write the Arabic article" in reasons(m)["respelt_words"]


def test_reason_names_the_words() -> None:
    detail = reasons(compare(company(VARIANTS[1][0]), company(VARIANTS[1][1])))["respelt_words"]
    assert "AR / - (the Arabic article assimilated" in detail
    assert "RAHMA / RAHMAH" in detail
    detail = reasons(compare(company(VARIANTS[0][0]), company(VARIANTS[0][1])))["respelt_words"]
    assert "ALDAWA / DAAWA (one Arabic word" in detail


def test_batch_scores_as_compare_explains() -> None:
    batch_equals_compare([*VARIANTS, *NOT_ONE], "company")


#: Each needs the article on both sides, or is another body that shares Arabic words.
NOT_ONE = [
    # no article on one side: every word respelt is as often another name (the respelt rule's
    # guard), and AR is no article where the other name writes none
    ("ARD JADIDAH MONEY EXCHANGE", "AL ARDH AL JADIDA"),
    ("RAHMAH WELFARE ORGANIZATION", "AR RAHMA WELFARE TRUST"),
    # a name of one word in a longer one stays the common-word guard's (graph.resolve.common_stem)
    ("AL-HARAMAIN", "AL-HARAMAYN HUMANITARIAN FOUNDATION"),
    # one word with another vowel is as often another name (SAMIRA / SAMARA)
    ("AL-SAMIRA", "AL-SAMARA EXCHANGE"),
    # different bodies sharing AL- words
    ("ANSAR AL-ISLAM", "JUND AL-ISLAM"),
    ("JAMA'AT UL DAWA AL-QU'RAN", "JAMAAT AL DAWA ILA AL SUNNAH"),
]


@pytest.mark.parametrize(("a", "b"), NOT_ONE)
def test_not_one_arabic_name(a: str, b: str) -> None:
    assert compare(company(a), company(b)).decision is not Decision.MATCH


def test_waiver_needs_both_articles() -> None:
    assert respelt_similarity("DAAWA ISLAMIYYA LAJNAT", "ALDAWA ALISALMIAH LAJNA", arabic=True) > 0.9
    assert respelt_similarity("DAAWA ISLAMIYYA LAJNAT", "ALDAWA ALISALMIAH LAJNA") == 0.0


@pytest.mark.parametrize(
    ("word", "key"),
    [("ALDAWA", "DAVA"), ("DAAWA", "DAVA"), ("JADIDAH", "JADIDA"), ("LAJNAT", "LAJNA"), ("ARDH", "ARD")],
)
def test_arabic_key_folds_article_ending_and_dh(word: str, key: str) -> None:
    assert arabic_key(word) == key


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("ALISALMIAH", "ISLAMIYYA", True),  # a slip in a long word
        ("RAHMAH", "RAHMA", True),
        ("ARD", "ARDH", True),
        ("RAHMA", "RAHIM", False),
        ("ANSAR", "JUND", False),
        ("SAT", "SAH", False),  # too short for the ending to be the tāʾ marbūṭa
    ],
)
def test_same_word(x: str, y: str, same: bool) -> None:
    assert same_word(x, y) is same


def test_article_writing() -> None:
    assert article_writing(("AL", "ARD", "AL", "JADIDAH")) == APART
    assert article_writing(("AR", "RAHMA", "WELFARE")) == APART
    assert article_writing(("LAJNA", "ALDAWA")) == JOINED
    assert article_writing(("LAJNAT", "AL", "DAAWA", "ALISLAMIYYA")) == APART | JOINED
    assert article_writing(("AR", "KHAIR")) == 0  # AR before K is no article
    assert article_writing(("QUANTUM", "AUTOMOTIVE", "ELECTRONICS")) == 0  # an English word
    assert not glued("ELEKTRONNYE")  # an organisational word of the translation table
    assert sun_articles(["AR", "RAHMA", "WELFARE"]) == ["AR"]


def test_a_joined_article_counts_beside_one_written_apart() -> None:
    assert both_write_article(APART, JOINED) and both_write_article(APART, APART)
    assert not both_write_article(JOINED, JOINED)  # ALMATY / ALROSA: names of their own
    assert not both_write_article(APART, 0)


#: Names whose only article is joined on both sides (brand names such as ALMATY, ALROSA or
#: ELBRUS read so too): their words are not read as romanised Arabic.
JOINED_ONLY = [("ALDAWA ALISLAMIYYA", "ALDAAWA ALISALMIAH"), ("ALMATY ALTAIR", "ALMATI ALTAYR")]


@pytest.mark.parametrize(("a", "b"), JOINED_ONLY)
def test_joined_articles_alone_are_not_read_as_arabic(a: str, b: str) -> None:
    m = compare(company(a), company(b))
    assert "Arabic article" not in reasons(m).get("respelt_words", "")


def test_joined_only_batch_scores_as_compare_explains() -> None:
    batch_equals_compare(JOINED_ONLY, "company")


def test_may_respell_all() -> None:
    two, three = Counter(["ARD", "JADIDA"]), Counter(["ARD", "JADIDA", "MONEY"])
    assert may_respell_all(two, three, vowels=True)
    one, more = Counter(["KHALIDI"]), Counter(["KHALIDI", "EXCHANGE"])
    assert may_respell_all(one, more, vowels=False)
    assert not may_respell_all(one, more, vowels=True)  # SAMIRA / SAMARA
    assert not may_respell_all(one, Counter(["KHALIDI"]), vowels=False)  # the slip rule's
    assert not may_respell_all(Counter(["HARAMAIN"]), Counter(["HARAMAIN", "HUMANITARIAN"]), vowels=False)
