"""Names made only of line-of-business words: never a match, but the same words go to review.

"HIGH TECHNOLOGY, LTD", "ENGINEERING SOLUTIONS PVT. LTD.", "CHEMICAL GROUP" are real listed
companies whose every word is a line-of-business word (``names.GENERIC_WORDS``). With fewer than
``names.GENERIC_NAME_WORDS`` such words the name keeps no distinctive word, and a name with no
distinctive word identifies nobody (``features``: empty name, −8): right for a match — the words
name thousands of companies — but then a shipment party "HIGH TECHNOLOGIES LTD" never reached an
officer, although a listed entity bears exactly that name.

So two names that are *both* such names and write the *same* line-of-business words (after the
spelling folds of :func:`graph.resolve.names.normalise_name`: TECHNOLOGIES / TECHNOLOGY, TECHNO /
TECHNOLOGY; word order aside) and whose legal forms do not conflict (the same form, one form
written two ways, or a form on one side only) are a pair for review: the name counts
:data:`GENERIC_NAME_WEIGHT`, never so much that the pair's name, legal form, country and address
reach a match (:data:`GENERIC_CEILING`); only an equal identifier can. Legal forms that conflict
leave the names empty (−8: HIGH TECHNOLOGY LTD and HIGH TECHNOLOGY FZE are two legal persons of
a name many bear), and a country that differs (−1.5) takes the pair below review.

The score lands in the review band of both deciders: ``compare``'s "possible" (0.5 to 0.8) and
resolution's review queue (``link.LinkThresholds``: 0.75 to 0.92), so that the officer sees it.

Not such a name: one line-of-business word alone ("TRADING COMPANY", "UNITED COMPANY OJSC",
"GROUP A") — one word names too many companies even for review —, a name that is a legal form
("LLC", "SAVINGS BANK"), stop-words, or a name with a single letter or digit of its own
("D COMPANY", "5 ENERGY"): those stay empty names.
"""

from __future__ import annotations

from functools import lru_cache

from graph.resolve.names import (
    ABBREVIATIONS,
    GENERIC_WORDS,
    STOP_WORDS,
    NameForm,
    correct_generic,
    fold,
    legal_forms,
)

#: Distinct line-of-business words a name needs to be read as one (fewer: it names nobody).
GENERIC_REVIEW_WORDS = 2
#: The log-odds the same line-of-business words count for: alone, a score of 0.760 — in the review
#: queue of resolution (from 0.75) and "possible" for ``compare`` (below 0.8); with the same legal
#: form (+0.3) and a country that differs (−1.5), 0.488: below "possible", out of review.
GENERIC_NAME_WEIGHT = 1.15
#: The most a pair of such names may total without an identifier: a score of 0.786, just below
#: the match threshold (0.8). The same legal form or country (+0.3, +0.5) reach it; an agreeing
#: address cannot go further.
GENERIC_CEILING = 1.3


def is_generic_name(form: NameForm) -> bool:
    """Whether ``form`` (a company's) is made of :data:`GENERIC_REVIEW_WORDS` or more distinct
    line-of-business words and nothing else but stop-words and a legal form (module docstring)."""
    if form.kind == "person" or form.distinctive:
        return False  # a name with a word of its own (or of three generic words) is compared as usual
    words = [t for t in form.tokens if t not in STOP_WORDS]
    if not words or any(t not in GENERIC_WORDS for t in words):
        return False  # a legal form alone, or a letter or digit that is no name
    return len(set(words)) >= GENERIC_REVIEW_WORDS


@lru_cache(maxsize=1)
def _form_words() -> frozenset[str]:
    """Every word of a legal form of the table, as written or run together (L L C, LLC)."""
    forms = legal_forms()
    keys = [*forms.table, *forms.writings, *forms.writings.values(), *forms.prefixes]
    return frozenset(w for key in keys for w in key) | frozenset(forms.spelled)


@lru_cache(maxsize=200_000)
def _may_be_business_word(word: str) -> bool:
    """Whether :func:`graph.resolve.names.normalise_name` may read ``word`` as no word of a name's
    own: a letter, a stop-word, a legal-form word, or a line-of-business word (misspelt, or an
    abbreviation: TECHNO, LAB)."""
    if len(word) <= 1 or word in STOP_WORDS or word in _form_words():
        return True
    corrected = correct_generic(word)
    return corrected in _form_words() or ABBREVIATIONS.get(corrected, corrected) in GENERIC_WORDS


def may_be_generic_name(text: str) -> bool:
    """A cheap test, word by word, before a name is read: False only for a name that is no generic
    name (:func:`is_generic_name` of its company form), since it holds a word that is none of those
    it may be made of. Screening asks it of every name it screens, which normalising would cost
    a tenth of a millisecond each."""
    words = fold(text).split()
    return bool(words) and all(_may_be_business_word(w) for w in words)


def same_generic_name(form_a: NameForm, form_b: NameForm) -> bool:
    """Whether two names are both such names, of the same line-of-business words (as the scorer's
    ``generic`` column compares them: the sets of words)."""
    return is_generic_name(form_a) and is_generic_name(form_b) and set(form_a.generic) == set(form_b.generic)


def describe(name_a: str, name_b: str, words: tuple[str, ...]) -> str:
    """Why two such names go to review and not to a match, for :func:`graph.resolve.compare.compare`."""
    return (
        f"{name_a!r} and {name_b!r} are both made only of the line-of-business words "
        f"{' '.join(sorted(set(words)))!r} (a generic name, which many companies bear): the same words "
        "count enough for review, never for a match (a country that differs still counts against); "
        "check the address, the country and the identifiers (LEI, registration number) before "
        "calling them one entity"
    )


def describe_conflict(name_a: str, name_b: str, words: tuple[str, ...]) -> str:
    """Why two such names of the same words whose legal forms conflict are not even for review."""
    return (
        f"{name_a!r} and {name_b!r} are both made only of the line-of-business words "
        f"{' '.join(sorted(set(words)))!r} (a generic name, which many companies bear), and their legal "
        "forms conflict (see legal_form): two legal persons of a name many bear, not a pair for review"
    )
