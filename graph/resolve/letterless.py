"""A name without a single letter is no name: ``=1+2``, ``12/34``, ``***``.

Digits and signs alone identify nobody: two records reading ``=1+2`` (a spreadsheet formula
pasted as a name) share a typing accident, not an identity. Such a name is treated as an empty
or legal-form-only name is (``features``: empty name, −8), with its own reason.

Vessels are the exception: a ship may be named by a number alone, and the lists do so — OFAC's
SDN list (and the CSL that carries it) names the vessel ``7-28`` that way and nothing else. The
only other letterless names in data/lists are person aliases: the nicknames ``07``, ``40`` and
``42`` beside each person's full name, which alone identify nobody either.
"""

from __future__ import annotations

#: Kinds whose names may be a number alone.
NUMBER_NAMED_KINDS = frozenset({"vessel"})


def has_no_letter(name: str) -> bool:
    """True for a name written with characters but no letter in any script (digits, punctuation,
    symbols); an empty or blank name is not letterless but empty, with its own reason."""
    return bool(name.strip()) and not any(ch.isalpha() for ch in name)


def is_no_name(name: str, kind: str) -> bool:
    """A letterless name of a kind that is not named by numbers."""
    return kind not in NUMBER_NAMED_KINDS and has_no_letter(name)


def describe(name: str) -> str:
    """The reason shown in ``chipwatch compare``."""
    return (
        f"{name!r} has no letter (only digits, punctuation or symbols): a name like that cannot "
        "identify anyone"
    )
