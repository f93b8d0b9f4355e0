"""A private limited company and a limited company of one name: one company, not two legal persons.

:mod:`graph.resolve.legal_forms` reads two written forms of different families as two legal
persons ("ADOON GENERAL TRADING LLC" / "… FZE"). The private limited company of South Asia
(PVT LTD, PRIVATE LIMITED) is a limited company whose form writes that it is private; the lists
and registries drop the qualifier as they like ("SENAT SHIPPING AND TRADING PRIVATE LIMITED"
a.k.a. "SENAT SHIPPING LIMITED", "GARNISH PAINTS PVT LTD" / "… LIMITED"), and the registers that
give the form (India's and Pakistan's Companies Acts) refuse a name that differs from one
registered only by its form, so a private and a public limited company of one name are not two
companies. Only LTD / LIMITED written alone is read so: "Co., Ltd." is the East Asian English
form, and Singapore's PTE LTD against it names the Singapore and the Hong Kong or Chinese
company of a group ("Huawei International Pte. Ltd." / "… Co., Limited"; on the dev split the
PTE pairs are all such siblings). The pair is read as the same type of form (``+1``), so that
the names decide; two private forms of different jurisdictions (PVT LTD / PTE LTD) stay a
jurisdiction conflict, which is read first.
"""

from __future__ import annotations

from graph.resolve.legal_forms import family

#: The family of the private forms (legal_forms.FAMILIES), and the limited company's forms
#: read against them, written alone.
PRIVATE_FAMILY = "PRIVATE"
LIMITED_ALONE: frozenset[str] = frozenset({"LTD", "LIMITED"})

#: Why the two forms are one (said in ``compare()``'s legal-form reason).
REASON = (
    "a private limited company (PVT LTD, PRIVATE LIMITED) is a limited company whose "
    "form says it is private, written with or without that word; its register refuses a second "
    "company of the same name"
)


def private_and_limited(form_a: str, form_b: str) -> bool:
    """One written form is a private limited company's, the other LTD or LIMITED alone."""
    return (family(form_a) == PRIVATE_FAMILY and form_b in LIMITED_ALONE) or (
        family(form_b) == PRIVATE_FAMILY and form_a in LIMITED_ALONE
    )
