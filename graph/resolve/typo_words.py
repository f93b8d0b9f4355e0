"""One keying slip in one distinctive word, every other word the same: one name, mistyped.

A clerk re-keying a list name makes one slip: a letter dropped ("ONYX" / "ONX"), two
neighbours swapped ("KOHAS" / "KHOAS") or a key struck next to the right one ("IFDK" /
"IGDK", F and G sit side by side). In a short name that one slip costs a lot of the edit
ratio (IFDK / IGDK is 0.75, below the even-odds centre), although nothing else differs.

:func:`single_slip` recognises exactly that and nothing looser:

* both names have the same distinctive words but one on each side (the same count);
* the two words differ by one edit (optimal string alignment): a dropped or doubled letter, a
  swap of neighbours, or a substitution by a key next to it on the same row of a QWERTY
  keyboard (any other substitution, PANG / WANG, is another word);
* the words are letters only (numbers differ by a digit on purpose: the 703RD / 723RD
  institutes) and the longer one has :data:`MIN_LETTERS` letters or more;
* their first letters are the same (a slip rarely hits the first letter, and two names that
  differ there are mostly two names: KAMAL / JAMAL).

The caller (``features.pair_features``) also requires the same line-of-business words; the legal
form, numbers and the sibling checks still apply on top. Near-miss list names that differ by such a
slip ("DIAMOND" / "DIMOND TRANSPORTATION") already scored as one name before this rule.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

#: The longer of the two words has at least this many letters (a slip in a three-letter
#: initialism, CLC / CZC, is as likely another initialism).
MIN_LETTERS = 4

_ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
#: Letter pairs struck for each other: neighbours on one keyboard row.
_NEIGHBOURS: frozenset[frozenset[str]] = frozenset(
    frozenset((row[i], row[i + 1])) for row in _ROWS for i in range(len(row) - 1)
)


def neighbour_keys(a: str, b: str) -> bool:
    """``a`` and ``b`` are keys next to each other on one QWERTY row (one struck for the other)."""
    return frozenset((a, b)) in _NEIGHBOURS


def slip(x: str, y: str) -> bool:
    """``x`` and ``y`` differ by one keying slip (see the module docstring)."""
    if not (x.isalpha() and y.isalpha()) or max(len(x), len(y)) < MIN_LETTERS or x[0] != y[0]:
        return False
    if OSA.distance(x, y) != 1:
        return False
    if len(x) != len(y):
        return True  # a letter dropped or doubled
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    if len(diff) == 2:
        return True  # neighbours swapped (OSA distance 1 with two positions differing)
    return neighbour_keys(x[diff[0]], y[diff[0]])


@lru_cache(maxsize=65_536)
def single_slip(core_a: str, core_b: str) -> tuple[str, str] | None:
    """The two words ``(word of a, word of b)`` when the space-joined distinctive words
    ``core_a`` / ``core_b`` are the same but for one keying slip in one word; else None."""
    words_a, words_b = core_a.split(), core_b.split()
    if len(words_a) != len(words_b) or not words_a:
        return None
    rest_b = list(words_b)
    only_a = []
    for word in words_a:
        if word in rest_b:
            rest_b.remove(word)
        else:
            only_a.append(word)
    if len(only_a) != 1 or len(rest_b) != 1:
        return None
    x, y = only_a[0], rest_b[0]
    return (x, y) if slip(x, y) else None


def is_single_slip(core_a: str, core_b: str) -> float:
    """1.0 when :func:`single_slip` finds one (the batch column)."""
    return float(single_slip(core_a, core_b) is not None)


def swapped_form(form_a: str, form_b: str) -> bool:
    """Two written legal forms that are one form with two neighbouring letters swapped ("SA" /
    "AS", "CIA" / "ICA"): a keying slip, not two legal persons. Spaces are ignored."""
    a, b = form_a.replace(" ", ""), form_b.replace(" ", "")
    if a == b or len(a) != len(b) or len(a) < 2:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
