"""A trading house's UAE free-zone company and its limited company in a post-Soviet state: one entry.

Trading houses that move goods to Russia and Central Asia register a free-zone company in the
UAE (FZE, FZCO, FZC) and a limited-liability company at home (OOO in Russia, TOO in Kazakhstan,
TOV in Ukraine); OFAC designates the house once and lists each registration as an alias of it
("GURGEN HOUSE FZCO" a.k.a. "GURGEN HOUSE OOO", "GURGEN HOUSE TOO"). :mod:`graph.resolve.legal_forms`
read the free-zone form against the limited company as two legal persons (families FREEZONE vs
LLC), but a post-Soviet form and a UAE free-zone form cannot be two *sibling* companies of one
register: they are the one trading name in the two places the lists designate it.

Only that shape is read this way. A free-zone company against the UAE's own mainland LLC
("ADOON GENERAL TRADING L.L.C." / "… FZE": two OFAC entries), or against a limited company of
another jurisdiction (Ltd, Co., Ltd., a one-person company: "DAMASCUS CHAM MANAGEMENT FZE" /
"… ONE-PERSON CO. LTD."), stays two legal persons: on the dev split those shapes cost as many
false matches as they find. The caller (``features._lift_form_variants``) still requires the
names to agree as for any form variant (the same line-of-business words, the distinctive words
``FORM_VARIANT_NAME_RATIO`` alike).
"""

from __future__ import annotations

from graph.resolve.legal_forms import POST_SOVIET, family
from graph.resolve.names import legal_forms
from graph.resolve.reregistration import is_russian_form

#: The family of the free-zone forms and of the limited-liability forms
#: (:data:`graph.resolve.legal_forms.FAMILIES`).
FREE_ZONE, LIMITED_LIABILITY = "FREEZONE", "LLC"

#: Why the two forms are one listed entity (said in ``compare()``'s legal-form reason).
REASON = (
    "a UAE free-zone company and a post-Soviet limited company of one trading house, "
    "which the lists publish as one entry"
)


def _post_soviet_llc(form: str) -> bool:
    if family(form) != LIMITED_LIABILITY:
        return False
    # The countries where the form is used, however many (OOO is used in all twelve states);
    # the Russian long forms carry none but are Russian.
    where = legal_forms().countries.get(form.replace(" ", ""))
    return bool(where and where <= POST_SOVIET) or is_russian_form(form)


def free_zone_pair(form_a: str, form_b: str) -> bool:
    """One written form is a UAE free-zone form, the other a post-Soviet limited-liability form
    (OOO, TOO, TOV …)."""
    fam_a, fam_b = family(form_a), family(form_b)
    return (fam_a == FREE_ZONE and _post_soviet_llc(form_b)) or (
        fam_b == FREE_ZONE and _post_soviet_llc(form_a)
    )
