"""A list record's names with their embedded a.k.a. / f.k.a. clauses read out as aliases.

The text rules are :mod:`graph.name_clauses` (shared with the resolver) and
:func:`graph.connective_and.comma_joined` (two names one item joins with ", and"); this module
gives the names found the alias kinds of the list model and keeps each published name's own kind.
"""

from __future__ import annotations

import re

from graph.connective_and import comma_joined
from graph.name_clauses import split_clauses
from ingest.lists.model import Alias, AliasKind

#: What a name carrying prose shows (a k.a. marker, "aka"/"fka"/"nka", a separator at its end, a
#: comma before "and"): a cheap test that lets the great majority of names through untouched.
_PROSE = re.compile(r"k\.a|[afn]ka|[,;\s]$|(?-i:, and )", re.IGNORECASE)


def _aliases(found: list[tuple[str, str]]) -> list[Alias]:
    return [Alias(name, AliasKind(kind)) for name, kind in found]


def _joined(aliases: list[Alias]) -> list[Alias]:
    """Each alias that joins two names with ", and" as those names, of the alias's kind."""
    return [Alias(part, a.kind) for a in aliases for part in comma_joined(a.name)]


def _unlisted(name: str) -> str:
    """Without the separator prose leaves after a list item ("Leon Technology Co., Ltd.,")."""
    return name.rstrip(" ,;")


def clean_names(name: str, aliases: list[Alias]) -> tuple[str, list[Alias]]:
    """The primary name and aliases with clauses read out: each name keeps its own part and kind,
    the names of its clauses follow it with their marker's kind (``f.k.a.`` → ``FKA``). A primary
    that is only a clause takes the clause's first name; so does an alias, keeping a kind other
    than AKA its reader gave (weak, original script) over the marker's."""
    if not _PROSE.search(name) and not any(_PROSE.search(a.name) for a in aliases):
        return name, aliases
    own, found = split_clauses(_unlisted(name))
    out = _joined(_aliases(found))
    if not own and out:
        own, out = out[0].name, out[1:]
    if own:
        # a primary joining two names: the first is the name, the others read as its aliases
        own, *others = comma_joined(own)
        out = [Alias(n) for n in others] + out
    for alias in aliases:
        alias_own, alias_found = split_clauses(_unlisted(alias.name))
        more = _joined(_aliases(alias_found))
        if alias_own:
            out.extend(_joined([Alias(alias_own, alias.kind)]))
        elif more:
            head = more.pop(0)
            out.append(head if alias.kind is AliasKind.AKA else Alias(head.name, alias.kind))
        out.extend(more)
    return own or name, out
