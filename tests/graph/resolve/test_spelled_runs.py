"""The one speller of the initialism rules (graph.resolve.spelled_runs), with toy readings."""

from __future__ import annotations

from collections.abc import Sequence

from graph.resolve.spelled_runs import Speller, Step


def _first_letters(words: Sequence[str], j: int) -> list[Step]:
    word = words[j]
    return [
        *([Step("")] if word == "OF" else []),
        Step(word[0]),
        *([Step("", generic=True)] if word == "GROUP" else []),
    ]


def _with_translation(words: Sequence[str], j: int) -> list[Step]:
    return [Step(words[j][0]), *([Step("V", russian=True)] if words[j] == "MILITARY" else [])]


def _anywhere(acronym: str, words: Sequence[str]) -> range:
    return range(len(words))


def test_a_run_is_found_where_the_initials_spell_the_acronym() -> None:
    speller = Speller(_first_letters, _anywhere)
    words = ["BANK", "OF", "CHINA", "LTD"]
    assert speller.spelled_run("BOC", words) == (0, 3)
    assert speller.spelled_run("BC", words) == (0, 3)  # OF skipped
    assert speller.spelled_run("XYZ", words) is None


def test_a_run_starts_only_where_the_rule_lets_it() -> None:
    speller = Speller(_first_letters, lambda acronym, words: [i for i, w in enumerate(words) if w != "CHINA"])
    assert speller.spelled_run("CL", ["OF", "CHINA", "LTD"]) is None


def test_line_of_business_words_are_left_out_up_to_the_rules_allowance() -> None:
    words = ["CHINA", "TECHNOLOGY", "GROUP", "CORPORATION"]
    assert Speller(_first_letters, _anywhere).spelled_run("CTC", words) is None
    assert Speller(_first_letters, _anywhere, max_generic=1).spelled_run("CTC", words) == (0, 4)


def test_what_a_run_needs_is_counted() -> None:
    words = ["MILITARY", "INNOVATIVE", "TECHNOPOLIS"]
    assert Speller(_with_translation, _anywhere, min_units=3).spelled_run("MIT", words) == (0, 3)
    assert Speller(_with_translation, _anywhere, min_russian=1).spelled_run("MIT", words) is None
    assert Speller(_with_translation, _anywhere, min_units=3, min_russian=1).spelled_run("VIT", words) == (
        0,
        3,
    )
    assert Speller(_with_translation, _anywhere, min_units=3).spelled_run("VI", words) is None
