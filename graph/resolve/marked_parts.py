"""A body named after an explicit marker: "… (Huawei).  Affiliated Entity:  Hangzhou Huawei Enterprises".

The Entity List writes affiliates and subordinate bodies after their parent, with a marker that
says so: "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Hangzhou Huawei
Enterprises", "Pakistan Atomic Energy Commission (PAEC), and subordinate entity National
Development Complex (NDC)", "… (CETC 13).  Subordinate Institution - Envoltek". The entity listed
is the part after the marker; the parent's words, written in front of every affiliate, make two
affiliates of one parent, or the parent and its affiliate, look like one name.

:func:`marked_conflict` is the counter-evidence the scorer reads on the names as written
(``features``, weight ``marked_body``): two marked names whose bodies after the marker differ —
each keeps a word the other lacks — are two affiliates of one parent; a marked name and a name
that writes none of the body's own words (only the parent's) are the parent and its affiliate.
The subsidiary alone is still compared as another reading of the name
(:mod:`graph.resolve.parent_names`), so "National Institute of Lasers" still finds "…, and
subordinate entity National Institute of Lasers and Optronics (NILOP)".
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from graph.resolve.names import normalise_name
from graph.resolve.parent_names import SUBORDINATE_WORDS, marker

#: The markers the lists write before an affiliate or subordinate body.
MARKER = marker(rf"{SUBORDINATE_WORDS}|AFFILIATED\s+ENTIT(?:Y|IES)")
#: Two words this alike (rapidfuzz ratio) are one word written twice.
WORD_RATIO = 80
#: Words this short ("XI AN" / "XO AN") are too short to tell two bodies apart by.
MIN_WORD = 3


@lru_cache(maxsize=50_000)
def marked_split(text: str) -> tuple[str, str] | None:
    """``(parent, body)`` of a name with an explicit marker, both as written; None without one."""
    found = MARKER.search(text or "")
    if found is None or found.start() == 0:
        return None
    body = text[found.end() :].strip(" ,.")
    return (text[: found.start()].strip(), body) if body else None


@lru_cache(maxsize=50_000)
def _words(text: str) -> tuple[str, ...]:
    """The words of a body that can tell it apart: its tokens without the legal form.
    Cached: a marked name meets many others in one batch, and each is read once per pair."""
    return tuple(w for w in normalise_name(text).tokens if len(w) >= MIN_WORD)


@lru_cache(maxsize=50_000)
def own_words(parent: str, body: str) -> tuple[str, ...]:
    """The words of the body after a marker that are not the parent's (as :func:`_unpaired`
    reads them). Cached: they depend on the marked name alone, not on the name it meets."""
    return tuple(_unpaired(_words(body), _words(parent)))


def _pairs(word: str, others: tuple[str, ...]) -> bool:
    # A prefix is an abbreviation (TECH / TECHNOLOGIES, RES INST / RESEARCH INSTITUTE).
    return any(
        word == o or o.startswith(word) or word.startswith(o) or fuzz.ratio(word, o) >= WORD_RATIO
        for o in others
    )


def _unpaired(words: tuple[str, ...], others: tuple[str, ...]) -> list[str]:
    return [w for w in words if not _pairs(w, others)]


def marked_conflict(text_a: str, text_b: str) -> bool:
    """The two names (as published) are two bodies by their markers (see the module docstring)."""
    split_a, split_b = marked_split(text_a), marked_split(text_b)
    if split_a is None and split_b is None:
        return False
    if split_a is not None and split_b is not None:
        body_a, body_b = _words(split_a[1]), _words(split_b[1])
        return bool(_unpaired(body_a, body_b)) and bool(_unpaired(body_b, body_a))
    (parent, body), other = (split_a, text_b) if split_a is not None else (split_b, text_a)  # type: ignore[misc]
    own = own_words(parent, body)  # the body's words that are not the parent's
    other_words = _words(other)
    return bool(own) and not any(_pairs(w, other_words) for w in own)


def describe(text_a: str, text_b: str) -> str:
    """Why the two names are two bodies, in words."""
    split_a, split_b = marked_split(text_a), marked_split(text_b)
    if split_a is not None and split_b is not None:
        return (
            f"both names write a body after a marker ({split_a[1]!r} / {split_b[1]!r}), and the two "
            "bodies differ: two affiliates or subordinate bodies of one parent are two entities"
        )
    split = split_a or split_b
    parent, body = split if split is not None else ("", "")
    return (
        f"one name is the body {body!r} written after its parent {parent!r} and a marker; the other "
        "names none of that body's own words: a parent is not its affiliate or subordinate body"
    )


def is_marked(text: str) -> bool:
    """``text`` writes an explicit affiliate or subordinate marker."""
    return marked_split(text) is not None
