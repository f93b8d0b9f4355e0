"""``drop_unread`` reads text through a translate table filled on first sight of each code point:
every ASCII character as the rule reads it (spaces for whitespace, control characters and ^ `
dropped), and any text as the rule does character by character."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from graph.resolve.names import _DROP_CATEGORIES, _MARKS, drop_unread


def _by_the_rule(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_MARKS))
    return "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in _DROP_CATEGORIES
    )


def test_every_ascii_character_as_the_rule_reads_it() -> None:
    for i in range(128):
        assert drop_unread(chr(i)) == _by_the_rule(chr(i)), repr(chr(i))
    assert drop_unread("A\tB\x00C^D`E\x1fF~G") == "A BCDE F~G"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_as_the_rule_reads_it(text: str) -> None:
    assert drop_unread(text) == _by_the_rule(text)


@given(st.text())
def test_any_text_as_the_rule_reads_it(text: str) -> None:
    assert drop_unread(text) == _by_the_rule(text)
