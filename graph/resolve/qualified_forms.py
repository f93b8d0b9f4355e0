"""Legal forms written with the word that qualifies them: PRIVATE LTD, OPEN JSC, (PVT) LTD.

The ELF table and :mod:`graph.resolve.legal_forms`' supplement read "PVT LTD", "PRIVATE LIMITED"
and "OPEN JOINT STOCK COMPANY", but the lists mix the two halves ("PRIVATE LTD", "PVT LIMITED"),
abbreviate the Russian joint-stock company after its qualifier ("OPEN JSC", "CLOSED JSC",
"PUBLIC JSC": OAO, ZAO, PAO in English), write the OFAC rendering "OPEN-END JOINT-STOCK COMPANY",
and put the qualifier of the South Asian private limited company in brackets ("TELEC
Electronics & Machinery (Pvt) Ltd.", "Mecatech (Private) Limited", "Seljuk Traders
(SMC-Private) Limited": a single-member company). Unread, the qualifier was a distinctive word
of the name on one side only (PRIVATE, OPEN, CLOSED, PUBLIC), and a bracketed one was moved to
the front of the name with the rest of the brackets.

:data:`FORMS` adds those spellings to the form table, each in the family of the form it
qualifies (:data:`graph.resolve.legal_forms.FAMILIES`); :func:`unbracket` takes the brackets
off a qualifier written just before LTD / LIMITED, so that the form is read whole.

A bracketed "(PT)" that ends a name is that qualifier cut short ("SINO ZIM DEVELOPMENT (PT)" for
"… (PVT) LTD"), not Indonesia's PT (Perseroan Terbatas): the Indonesian form is written before
the name and never in brackets ("PT BANK MANDIRI"). Read as Indonesia's, it was a jurisdiction
conflict with the private limited company it abbreviates; :func:`unbracket` reads it as PVT.
"""

from __future__ import annotations

import re

#: Classes and families as named in :mod:`graph.resolve.legal_forms` (not imported: it imports us).
_LIMITED, _CORPORATION = "LIMITED", "CORPORATION"
_PRIVATE, _JSC = "PRIVATE", "JSC"

#: Folded form → (class, family, written before the name). Each spelling is in the lists or the
#: evaluation pairs ("SENAT SHIPPING AND TRADING PRIVATE LIMITED", "BM BANK PUBLIC JSC").
FORMS: dict[str, tuple[str, str, bool]] = {
    "PRIVATE LTD": (_LIMITED, _PRIVATE, False),
    "PVT LIMITED": (_LIMITED, _PRIVATE, False),
    "PVT CO LTD": (_LIMITED, _PRIVATE, False),
    # The qualifier with LTD cut ("JADE MACHINERY PVT" on a bill of lading), and what a bracketed
    # "(PT)" ending the name is read as (see the module docstring): the form, not a word of the name.
    "PVT": (_LIMITED, _PRIVATE, False),
    # Pakistan's single-member private limited company, once its brackets are off.
    "SMC PRIVATE LIMITED": (_LIMITED, _PRIVATE, False),
    "SMC PVT LTD": (_LIMITED, _PRIVATE, False),
    "OPEN JSC": (_CORPORATION, _JSC, True),
    "CLOSED JSC": (_CORPORATION, _JSC, True),
    "PUBLIC JSC": (_CORPORATION, _JSC, True),
    "NON PUBLIC JSC": (_CORPORATION, _JSC, True),
    "OPEN END JOINT STOCK COMPANY": (_CORPORATION, _JSC, True),
    "CLOSED END JOINT STOCK COMPANY": (_CORPORATION, _JSC, True),
    "NON PUBLIC JOINT STOCK COMPANY": (_CORPORATION, _JSC, True),
}

#: A bracketed qualifier of the limited company, just before LTD / LIMITED / LLC (case as written):
#: "(PVT.) LLC" read otherwise than "(PVT.) LIMITED LIABILITY COMPANY" kept PVT as a word of the name.
_BRACKETED = re.compile(
    r"[(\[]\s*((?:SMC\s*-?\s*)?(?:PVT|PRIVATE|PTE|PTY)\.?)\s*[)\]]"
    r"(?=[\s.,]*(?:LTD|LIMITED|L\.?\s?L\.?\s?C)\b)",
    re.IGNORECASE,
)


#: A bracketed PT that ends the name: the private qualifier cut short (see the module docstring).
_BRACKETED_PT = re.compile(r"\s*[(\[]\s*PT\.?\s*[)\]][\s.,]*$", re.IGNORECASE)


def unbracket(text: str) -> str:
    """``text`` with the brackets taken off a qualifier of the limited company written just
    before its form ("UEC (Pvt.) Ltd." → "UEC Pvt. Ltd."), and a bracketed PT ending the name
    read as that qualifier ("… (PT)" → "… PVT"); other brackets are left alone."""
    if "(" not in text and "[" not in text:
        return text
    return _BRACKETED_PT.sub(" PVT", _BRACKETED.sub(lambda m: m.group(1), text))
