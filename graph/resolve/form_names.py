"""A name that is nothing but a legal form of the table, yet names someone: INDUSTRIAL BANK.

The ISO 20275 table holds forms written with ordinary words: "Industrial Bank" (six US states),
"Commercial Bank", "National Bank", "Business Trust". Cut as a legal form, such a name keeps no
word, and a name with no distinctive word identifies nobody (``features``: empty name, −8) —
right for "LLC" or "CO LTD", wrong for OFAC's INDUSTRIAL BANK (the Syrian state bank), whose
copy "INDSTRIAL BANK" then scored 0.

:func:`form_words` reads such a name as its words when its form holds a line-of-business word
(INDUSTRIAL) *and* a word that is neither a line-of-business nor a legal word (BANK, TRUST): a
form of legal words alone ("CO LTD", "LIMITED LIABILITY COMPANY") or of one line-of-business
word and legal words ("INVESTMENT COMPANY", like "TRADING COMPANY") still names nobody. The words
are compared whole, like a name of ``names.GENERIC_NAME_WORDS`` line-of-business words, so that
INDUSTRIAL BANK is not COMMERCIAL BANK; and a name that writes more than the form (INDUSTRIAL
BANK OF KOREA, CHINA INDUSTRIAL BANK) keeps those words as its own, which this name lacks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection


def form_words(
    form_text: str,
    canonical: Callable[[str], str],
    generic: Collection[str],
    legal: Collection[str],
    stop: Collection[str],
) -> tuple[str, ...]:
    """The words of a name made only of the form ``form_text`` (folded, as written), each read by
    ``canonical`` (spelling and abbreviations), when they name someone (module docstring); ``()``
    otherwise."""
    words = tuple(canonical(w) for w in form_text.split() if w not in stop)
    business = any(w in generic and w not in legal for w in words)
    own = any(w not in generic and w not in legal and len(w) > 1 for w in words)
    return words if business and own else ()


def describe(original: str, form_text: str, words: tuple[str, ...]) -> str:
    """Why a name that is all legal form was compared, for :func:`graph.resolve.compare.compare`."""
    return (
        f"{original!r} is nothing but the legal form {form_text} of the ISO 20275 table, yet names "
        f"someone (a line-of-business word and a word of its own): compared whole, as {' '.join(words)}"
    )
