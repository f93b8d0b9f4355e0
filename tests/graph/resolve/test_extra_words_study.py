"""The extra-words study (benchmarks/eval_pairs/extra_words.py) places the longer name's extra
words against the shorter name's words, read in written order."""

from __future__ import annotations

from benchmarks.eval_pairs.extra_words import extra_words


def test_another_given_name_in_front_is_leading() -> None:
    shape = extra_words("Muhammad HAMSHO", "Ali Muhammad HAMSHO")
    assert shape is not None
    assert shape.places == ("leading",)
    assert shape.leading == ("ALI",)
    assert shape.shared == ("MUHAMMAD", "HAMSHO")
    assert not shape.reordered


def test_surname_first_is_read_given_name_first() -> None:
    shape = extra_words("HAMSHO, Muhammad", "Ali Muhammad HAMSHO")
    assert shape is not None and shape.places == ("leading",)


def test_middle_and_trailing_words() -> None:
    middle = extra_words("Muhammad IBRAHIM", "Muhammad Sholeh IBRAHIM")
    trailing = extra_words("Muhammad 'ABDALLAH", "Muhammad 'Abdallah AL-AMIN")
    assert middle is not None and middle.places == ("middle",) and middle.extra == ("SHOLEH",)
    assert trailing is not None and trailing.places == ("trailing",)


def test_crossed_order_is_marked() -> None:
    shape = extra_words("MOHAMMED MUAMMAR QADHAFI", "MUAMMAR MOHAMMED ABU MINYAR QADHAFI")
    assert shape is not None and shape.reordered and shape.label == "middle (reordered)"


def test_not_the_shape() -> None:
    assert extra_words("Muhammad HAMSHO", "Ali KHAN") is None  # a word of the shorter name unpaired
    assert extra_words("Muhammad HAMSHO", "Mohammed HAMSHO") is None  # no extra word
