"""Names a list writes wholly in quotation marks are read without them.

The CSL's alt_names hold ``"Sasadja"`` (Defence Industries Organisation) and ``"FOOPIE"`` (SDN
6925), the UN list's aliases ``"GODANE"`` and ``“The Butcher of Paoua”``, OFAC's remarks
``a.k.a. ''FOOPIE''`` (read as ``'FOOPIE'``) and its alt.csv ``'CHERNOMORSKI BANK …'``: the quotes
mark a nickname or a name as cited, they are no part of it. Kept, the alias is shown quoted,
counts as another name than the same name unquoted (so OFAC's weak ``'FOOPIE'`` was not the CSL's
``"FOOPIE"``: :mod:`graph.lists.weak_aliases`) and carries the quote into every word table built
from the lists. Only a name enclosed whole in one pair, with no other mark of its kind inside
(double or single), is unquoted: ``JSC “KRASNY GIDROPRESS”``, ``IHSAN MEDHAT "SAMMY" ELASHI`` and
``'ADIL 'ABDIH FAR'A`` (an ʿayn, as OFAC transliterates it, not a quote) stay as published.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.lists.model import Alias, ListEntry

#: Opening quotation mark → the closing marks publishers pair it with.
PAIRS: dict[str, str] = {
    '"': '"”',
    "“": '”"',
    "„": "“”",
    "«": "»",
    "”": "”",
    "'": "'’",
    "‘": "’'",
}
DOUBLE = frozenset('"“”„«»')
SINGLE = frozenset("'‘’")


def unquoted(name: str) -> str:
    """``name`` without the quotation marks it is written in whole: ``'"GODANE"'`` → ``'GODANE'``."""
    text = name.strip()
    if len(text) > 2 and text[-1] in PAIRS.get(text[0], ""):
        inner = text[1:-1].strip()
        kind = SINGLE if text[0] in SINGLE else DOUBLE
        if inner and not kind.intersection(inner):
            return inner
    return name


def unquote_entry(entry: ListEntry) -> ListEntry:
    """``entry`` with its name and aliases unquoted (:func:`unquoted`); an alias that is then the
    name or an earlier alias (case aside) is dropped, as the readers drop repeats. The entry
    itself when nothing is quoted."""
    name = unquoted(entry.name)
    names = [unquoted(a.name) for a in entry.aliases]
    if name == entry.name and all(n == a.name for n, a in zip(names, entry.aliases, strict=True)):
        return entry
    seen = {name.casefold()}
    aliases = []
    for new, alias in zip(names, entry.aliases, strict=True):
        if new.casefold() not in seen:
            seen.add(new.casefold())
            aliases.append(Alias(new, alias.kind))
    return replace(entry, name=name, aliases=tuple(aliases))
