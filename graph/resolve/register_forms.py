"""Two written legal forms that one country's register gives for the same legal forms: one form.

:mod:`graph.resolve.legal_forms` reads two written forms of different families as two legal
persons ("X NV" / "X SA", "X OY" / "X AB"), which is right for the sibling companies of a group
in two countries (a Dutch NV and a French SA). Within one country it can be wrong: a country
of several official languages registers one legal form under one abbreviation per language, and
a company bears its name in each (a Belgian "naamloze vennootschap / société anonyme" is "X NV"
and "X SA"; a Swiss "Aktiengesellschaft / société anonyme" is "X AG" and "X SA"; a Finnish
"osakeyhtiö / aktiebolag" is "X OY" and "X AB"); and some registers let one form be written
with either of two abbreviations (the British Virgin Islands' company: "Ltd", "Inc", "Corp",
"S.A."; Singapore's private company: "Ltd" or "Pte Ltd").

The evidence is the ISO 20275 (ELF) table and the two records' country, never the written
forms alone: "X OY" / "X AB" are also a Finnish and a Swedish sibling, so the rule needs both
records to be of one country C, and the table to give both written forms for *exactly the same*
legal forms of C (the same set of ELF codes). Sharing one code is not enough: the United States'
"LLC" is given with "Inc" for one state's catch-all code but alone for the LLC codes of the
others, so an American "X LLC" and "X INC" stay two legal persons; Canada's "Inc" is also the
form of its non-share corporations, which "Ltd" is not, so a Canadian "Ltd" / "Inc" pair stays a
conflict too. A UAE free-zone company (FZE, FZCO, FZC) and a mainland LLC are no code of the
table together: two registrations, two legal persons.

The pair is read as one legal form written two ways (``+3`` in ``features``, no evidence either
way), and the names decide as they do for one form.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache

from graph.resolve.legal_forms import ELF_TABLE
from graph.resolve.names import fold

_ABBREVIATIONS = ("Abbreviations Local language", "Abbreviations transliterated")


def _squeezed(form: str) -> str:
    return form.replace(" ", "")


@lru_cache(maxsize=1)
def _codes() -> dict[tuple[str, str], frozenset[str]]:
    """(country, written form without spaces) → the active ELF codes of that country that give
    the form as an abbreviation."""
    codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    with ELF_TABLE.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            country = row.get("Country Code (ISO 3166-1)") or ""
            if row.get("ELF Status ACTV/INAC") != "ACTV" or not country:
                continue
            for field in _ABBREVIATIONS:
                for part in (row.get(field) or "").replace(",", ";").split(";"):
                    if written := _squeezed(fold(part)):
                        codes[(country, written)].add(row["ELF Code"])
    return {key: frozenset(v) for key, v in codes.items()}


def one_form_in(country: str, form_a: str, form_b: str) -> bool:
    """``form_a`` / ``form_b`` (written legal forms, folded) are two writings of the same legal
    forms of ``country`` (ISO 3166 alpha-2): the ELF table gives both for exactly the same codes."""
    a, b = _squeezed(form_a), _squeezed(form_b)
    if not country or not a or not b or a == b:
        return False
    codes = _codes()
    where_a = codes.get((country, a))
    return bool(where_a) and where_a == codes.get((country, b))


def reason(country: str) -> str:
    """Why the two forms are one (said in ``compare()``'s legal-form reason)."""
    return (
        f"one form of one register: both records are of {country}, whose register gives the two "
        "for the same legal forms (ISO 20275), in two of its languages or abbreviations"
    )
