"""Names as Federal Register prose writes them: enumerations and embedded a.k.a. / f.k.a. clauses.

The Entity List (and the CSL that carries it) copies alias lists out of sentences, so an item
may start with the enumerating conjunction (``…; M. Aziz; and Aziz Bahari``) and a name may
embed another name of the entity (``JSC NIIP, f.k.a., Otkrytoe Aktsionernoe Obshchestvo …``,
``Resort Nizhnyaya Oreanda (f.k.a., Federalnoe …)``, ``… (a.k.a. Pasadena Aerospace; …)``).
:func:`enumerated` drops the conjunction of one list item; :func:`split_clauses` reads a name as
its own part plus the names its clauses give, each with its marker's kind (``"aka"``, ``"fka"``,
``"nka"``, the values of ``ingest.lists.model.AliasKind``). Plain text, no dependencies: list
readers clean names with it on the way in, the resolver reads names from other sources with it.
"""

from __future__ import annotations

import re

#: The enumerating conjunction before a list item, as the Federal Register writes it: lower-case
#: (on the 2022-05 CSL each of the 257 alias items that start with "and" is lower-case and is the
#: conjunction), or "&". A capitalised word is a name's own ("AND Systems", "And Co") and stays.
_CONJUNCTION = re.compile(r"^(?:and|&)(?:\s+|$)")
#: ``a.k.a.`` / ``f.k.a.`` / ``n.k.a.`` in any case, dotted (so "YK-AKA" is a name), with the
#: comma the Register puts after it; an undotted "aka" / "fka" only right after an open bracket.
_MARKER = re.compile(
    r"(?<![\w.])(?P<kind>[afn])\.k\.a\b\.?\s*,?\s*|(?<=[(\[])\s*(?P<bare>[afn]ka)\b\.?\s*,?\s*",
    re.IGNORECASE,
)
_CLOSE = {"(": ")", "[": "]"}
#: A sentence's full stop after a long last word ("… Research Institute."), not an abbreviation
#: ("Ltd.", "Inc.", "Corp.", "A.A.").
_FULL_STOP = re.compile(r"(?<=[^\W\d_]{5})\.$")


def enumerated(item: str) -> str:
    """One list item without the enumerating conjunction: ``'and Aziz Bahari'`` → ``'Aziz Bahari'``;
    a bare ``'and'`` (``'…; and; …'``) → ``''``; anything else unchanged."""
    return _CONJUNCTION.sub("", item, count=1).strip() if item[:1] in ("a", "&") else item


def has_clause(text: str) -> bool:
    """Whether ``text`` embeds an a.k.a. / f.k.a. / n.k.a. clause (a cheap test first: most don't)."""
    low = text.lower()
    return (".k.a" in low or "ka" in low) and _MARKER.search(text) is not None


def tidy(text: str) -> str:
    """Single spaces, no separator left at either end, no sentence full stop at the end."""
    text = " ".join(text.split()).strip(" ,;")
    return _FULL_STOP.sub("", text).strip(" ,;")


def _bracketed(text: str, open_at: int, inner_from: int) -> tuple[str, str]:
    """The clause inside the bracket opened at ``open_at`` (starting at ``inner_from``) and the
    text after its matching close (nothing when the bracket never closes)."""
    opener, closer = text[open_at], _CLOSE[text[open_at]]
    depth = 1
    for k in range(inner_from, len(text)):
        if text[k] == opener:
            depth += 1
        elif text[k] == closer:
            depth -= 1
            if depth == 0:
                return text[inner_from:k], text[k + 1 :]
    return text[inner_from:], ""


def split_clauses(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text``'s own part and the ``(name, kind)`` its a.k.a. / f.k.a. / n.k.a. clauses give.

    ``'Gazprom Sotsinvest, OOO (f.k.a., Gazprominvestarena OOO)'`` → ``('Gazprom Sotsinvest,
    OOO', [('Gazprominvestarena OOO', 'fka')])``. A bracketed clause may list several names
    (``;``-joined) and the text after the bracket stays with the own part (``'PEARL (A.K.A.
    NEI-CHIEN CHU) LI'`` → ``'PEARL LI'``); an unbracketed one runs to the end. The own part is
    ``''`` when the text is only a clause (``'f.k.a. Sibirskaya …'``). Text without a clause
    comes back unchanged, with no names.
    """
    own = text
    found: list[tuple[str, str]] = []
    while match := _MARKER.search(own):
        kind = (match.group("kind") or match.group("bare"))[0].lower() + "ka"
        before = own[: match.start()].rstrip()
        if before.endswith(("(", "[")):
            inner, after = _bracketed(own, len(before) - 1, match.end())
            own = f"{before[:-1].rstrip()} {after.strip()}"
            names = inner.split(";")
        else:
            own, names = before, [own[match.end() :]]
        for name in names:
            sub_own, sub_found = split_clauses(tidy(name))
            if sub_own:
                found.append((sub_own, kind))
            found.extend(sub_found)
    return (tidy(own) if found else text), found
