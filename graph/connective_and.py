"""The "and" a list's prose puts between names or after a name: the publisher's, never a name's.

The Federal Register (and the CSL that copies it) writes a record's names as a sentence. Its
connective "and" comes in three places:

* before the last item of an enumeration, ``…; M. Aziz; and Aziz Bahari`` — read by
  :func:`graph.name_clauses.enumerated`;
* before the last name after a comma that closes a whole company name, ``Beijing Shangtang
  Technology Development Co., Ltd., and Sense Time`` — :func:`comma_joined` reads two names;
* before the *scope* of the listing, ``NPP Pulsar LLC and any successor, sub-unit, or subsidiary
  thereof`` (the State Department's INKSNA wording), ``Poly Technologies Incorporated (PTI), and
  its sub-units and successors`` — :func:`listing_scope` separates the name from the scope.

An "and" of a name's own stays: "Research and Production Association", the serial comma of
"AGRICULTURAL, MEDICAL, AND INDUSTRIAL RESEARCH CENTER" (no legal form closes "MEDICAL"),
"YK-AND". Plain text, no dependencies, like :mod:`graph.name_clauses`.
"""

from __future__ import annotations

import re

#: Legal forms that close a company name when they come right before ", and": a serial comma's
#: items are words of one name ("MEDICAL, AND"), a legal form before the comma ends a whole name.
_CLOSING_FORMS = (
    r"Ltd|Limited|Inc|Incorporated|Co|Company|Corp|Corporation|LLC|L\.L\.C|JSC|PJSC|OJSC|CJSC"
    r"|OAO|ZAO|OOO|PAO|AO|GmbH|AG|S\.A|SA|PLC|LLP|Pte|Pvt|FZE|FZCO|B\.V|N\.V"
)
#: ", and " (lower-case: the prose's, as every one the CSL writes) after a closing legal form and
#: before a capitalised name.
_COMMA_AND = re.compile(rf"\b((?:{_CLOSING_FORMS})\.?),\s+and\s+(?=[A-Z0-9])")
#: The listing's scope after the name: "and" then only the words of the scope clause ("any" /
#: "its", successor, sub-unit, subsidiary, "thereof"), to the end of the text.
_SCOPE = re.compile(
    r"[\s,;]+and\s+(?P<scope>(?:any|all|its|their)\s+"
    r"(?:(?:successors?|sub-?units?|subsidiar(?:y|ies))\b,?\s*(?:(?:and|or)\s+)?)+"
    r"(?:thereof)?)\s*\.?\s*$",
    re.IGNORECASE,
)


def comma_joined(item: str) -> list[str]:
    """The names one list item joins with ", and" after a legal form: ``'Beijing Shangtang
    Technology Development Co., Ltd., and Sense Time'`` → ``['Beijing Shangtang Technology
    Development Co., Ltd.', 'Sense Time']``; any other text → ``[item]``."""
    if ", and " not in item:
        return [item]
    # split gives the closing legal form (the captured group) back to the name it closes
    parts = _COMMA_AND.split(item)
    names = [text + form for text, form in zip(parts[0::2], [*parts[1::2], ""], strict=True)]
    return [" ".join(n.split()) for n in names if n.strip()]


def listing_scope(name: str) -> tuple[str, str | None]:
    """A listed name without the scope the list adds after it, and that scope: ``'NPP Pulsar LLC
    and any successor, sub-unit, or subsidiary thereof'`` → ``('NPP Pulsar LLC', 'any successor,
    sub-unit, or subsidiary thereof')``; ``(name, None)`` when there is none (or nothing before)."""
    if "and" not in name.lower():
        return name, None
    match = _SCOPE.search(name)
    if match is None or not name[: match.start()].strip(" ,;"):
        return name, None
    return name[: match.start()].strip(" ,;"), " ".join(match.group("scope").split())
