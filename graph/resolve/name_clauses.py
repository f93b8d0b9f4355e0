"""Names that carry list prose: the resolver reads ``"X (f.k.a., Y)"`` / ``"X, a.k.a. Y"`` as two
names of the record and a leading enumerating ``"and "`` as noise.

List readers clean what they ingest (:mod:`ingest.lists.readers._clauses`), but names reach the
scorer from other sources too — shipment parties copied from a list, user input to ``chipwatch
compare``, evaluation pairs kept as published — so preparation reads them again
(:func:`graph.resolve.features.scored_names`): each reading is one more writing of the name, and
the best pair of writings wins, as for aliases. The text rules are :mod:`graph.name_clauses`.
"""

from __future__ import annotations

from graph.name_clauses import enumerated, has_clause, split_clauses

_KIND_WORDS = {"aka": "also known as", "fka": "formerly known as", "nka": "now known as"}


def readings(text: str) -> tuple[str, ...]:
    """The writings a name is compared by: ``(text,)`` when it carries no prose; else its own part
    without the enumerating conjunction, then the names of its clauses
    (``'and OOO Forss Teknologii'`` → ``('OOO Forss Teknologii',)``)."""
    plain = enumerated(text)
    if not has_clause(plain):
        return (plain,) if plain else (text,)
    own, found = split_clauses(plain)
    out = tuple(dict.fromkeys(n for n in (own, *(name for name, _ in found)) if n))
    return out or (text,)


def describe(published: str, reading: str) -> str:
    """Why the scorer compared ``reading`` for the name published as ``published``, in words."""
    plain = enumerated(published)
    if plain != published and reading == plain:
        return (
            f"{published!r} starts with the enumerating 'and' of a list copied from prose: "
            f"compared as {reading!r}"
        )
    own, found = split_clauses(plain)
    clauses = "; ".join(f"{_KIND_WORDS[kind]} {name!r}" for name, kind in found)
    which = "its own part" if reading == own else "a name its clause gives"
    return (
        f"{published!r} embeds other names of the entity ({clauses}): read as {len(found) + 1} "
        f"names, compared by {which}, {reading!r}"
    )
