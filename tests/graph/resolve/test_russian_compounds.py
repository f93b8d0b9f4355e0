"""Russian compound words (graph.resolve.russian_compounds): ROSOBORONEKSPORT is RUSSIAN DEFENSE EXPORT.

The positive pairs are the lists' own (dev split of the labelled evaluation, and aliases of the
bundled CSL); each negative changes one thing the rule must not read past."""

from __future__ import annotations

import pytest

from graph.resolve import Decision, compare
from graph.resolve.names import normalise_name
from graph.resolve.russian_compounds import compound_reading, part_bits, split, word_bits
from tests.graph.resolve.scoring_pairs import batch_equals_compare, company, reasons

POSITIVES = [
    # a gloss: the compound's words translated, in front of the compound itself
    (
        "ROSOBORONEKSPORT OAO",
        "RUSSIAN DEFENSE EXPORT ROSOBORONEXPORT",
        "ROSOBORONEKSPORT is a Russian compound word, ROS (rossiiskii: RUSSIAN) + OBORON",
    ),
    # the compound's words written out in Russian
    (
        "ROSSISKAYA ELEKTRONIKA OAO",
        "ROSELEKTRONIKA OAO",
        "which the other name writes as ROSSISKAYA ELEKTRONIKA",
    ),
    # three parts, all translated (CSL)
    ("ROSSELKHOZBANK", "RUSSIAN AGRICULTURAL BANK", "SELKHOZ (selskokhozyaistvennyi: AGRICULTURAL)"),
    ("ROSEKSIMBANK, ZAO", "RUSSIAN EXPORT-IMPORT BANK", "EKSIM (eksportno-importnyi: EXPORT IMPORT)"),
]

NEGATIVES = [
    # two English words only: RUSSIAN ELECTRONICS names other companies too
    ("ROSELEKTRONIKA", "RUSSIAN ELECTRONICS"),
    # a word more on the other side: another bank
    ("ROSEKSIMBANK", "ARMENIAN-RUSSIAN EXPORT-IMPORT BANK"),
    # another part: not the compound's words
    ("ROSOBORONEKSPORT OAO", "RUSSIAN DEFENSE IMPORT ROSOBORONIMPORT"),
    # the words out of order
    ("ROSSELKHOZBANK", "AGRICULTURAL RUSSIAN BANK"),
    # a word beside the compound that the other name does not write
    ("ROSELEKTRONIKA VOSTOK", "ROSSISKAYA ELEKTRONIKA"),
]


def tokens(name: str) -> tuple[str, ...]:
    return normalise_name(name).tokens


@pytest.mark.parametrize(("a", "b", "said"), POSITIVES)
def test_a_compound_of_the_other_names_words(a: str, b: str, said: str) -> None:
    got = compare(company(a), company(b))
    assert got.decision is Decision.MATCH
    assert said in reasons(got)["russian_compound"]


@pytest.mark.parametrize(("a", "b"), NEGATIVES)
def test_a_compound_needs_the_same_name(a: str, b: str) -> None:
    assert compound_reading(tokens(a), tokens(b)) is None
    got = compare(company(a), company(b))
    assert "russian_compound" not in reasons(got)
    assert got.decision is not Decision.MATCH


def test_a_compound_is_written_wholly_of_parts() -> None:
    assert [p.part for p in split("ROSOBORONEXPORT")] == ["ROS", "OBORON", "EKSPORT"]  # KS / X
    assert split("ROSEHILL") == ()  # ROS and a word of no part
    assert split("BANK") == ()  # one part is a word, not a compound


def test_the_scorer_reads_only_names_that_write_every_part() -> None:
    compound = part_bits(tokens("ROSOBORONEKSPORT OAO"))
    assert compound != 0
    assert compound & ~word_bits(tokens("RUSSIAN DEFENSE EXPORT ROSOBORONEXPORT")) == 0
    assert compound & ~word_bits(tokens("RUSSIAN EXPORT CENTER")) != 0  # DEFENSE missing
    assert part_bits(tokens("RUSSIAN DEFENSE EXPORT")) == 0


def test_batch_scores_what_compare_explains() -> None:
    scored = batch_equals_compare([(a, b) for a, b, _ in POSITIVES] + NEGATIVES, "company")
    assert (scored.score[: len(POSITIVES)] >= 0.8).all()
    assert (scored.score[len(POSITIVES) :] < 0.8).all()


def test_a_name_with_two_compounds_of_no_common_part_is_still_read() -> None:
    # The compounds' common parts are none: the scorer must still read the pair (part_bits is
    # not 0, "no compound"), as compound_reading does.
    a, b = "ROSOBORONEKSPORT EKSIMBANK", "RUSSIAN DEFENSE EXPORT EKSIMBANK"
    assert compound_reading(tokens(a), tokens(b)) is not None
    assert part_bits(tokens(a)) != 0
    assert part_bits(tokens(a)) & ~word_bits(tokens(b)) == 0
    scored = batch_equals_compare([(a, b)], "company")
    assert scored.score[0] >= 0.8
    assert "russian_compound" in reasons(compare(company(a), company(b)))
